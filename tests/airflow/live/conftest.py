"""The live tests drive a running Airflow (started by AirflowNightsIT) with the official client, as dags/ops.py does."""

import os
from datetime import date

import pytest

import ops


@pytest.fixture(scope="session")
def api():
    with ops.connect() as client:
        yield client


@pytest.fixture(scope="session")
def days():
    """The export days the landing holds, oldest first (the last is the one the scheduler runs)."""
    return [date.fromisoformat(d) for d in os.environ["TIANFU_DAYS"].split(",")]
