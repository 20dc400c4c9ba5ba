"""Shared by the Airflow tests: the DAG file loaded by a real Airflow, from the AIRFLOW_HOME the caller set up."""

import json
import os
from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parents[2] / "dags"
DAG_ID = "tianfu_warehouse_nightly"


@pytest.fixture(scope="session")
def plan():
    return json.loads((DAGS / "tianfu_warehouse_plan.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def dagbag():
    assert os.environ.get("AIRFLOW_HOME"), "run with AIRFLOW_HOME set (AirflowIT does)"
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS))


@pytest.fixture(scope="session")
def dag(dagbag):
    assert dagbag.import_errors == {}
    return dagbag.get_dag(DAG_ID)
