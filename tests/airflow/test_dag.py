"""The DAG file in a real Airflow 3: it imports, builds the Java plan's tasks and edges, and its
schedule gives each run the export day the platform exported the night before."""

import subprocess
from datetime import datetime, timedelta

import pendulum
import pytest
from airflow.sdk.exceptions import AirflowFailException
from airflow.serialization.serialized_objects import DagSerialization
from airflow.timetables.base import TimeRestriction

from conftest import DAG_ID, DAGS

SHANGHAI = pendulum.timezone("Asia/Shanghai")


def test_airflow_finds_no_import_error():
    out = subprocess.run(["airflow", "dags", "list-import-errors", "--local", "--output", "json"],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() in ("[]", "No data found"), out


def test_the_dag_is_the_java_plan(dag, plan):
    assert dag.dag_id == plan["dag_id"] == DAG_ID
    assert [t.task_id for t in dag.topological_sort()] == [t["id"] for t in plan["tasks"]]
    edges = sorted((u, t.task_id) for t in dag.tasks for u in t.upstream_task_ids)
    assert edges == sorted((d, t["id"]) for t in plan["tasks"] for d in t["depends_on"])
    assert dag.max_active_runs == 1
    assert dag.catchup is False
    for task in dag.tasks:
        assert task.retries == 2
        assert task.retry_exponential_backoff
        assert task.execution_timeout == timedelta(hours=2)
        assert task.on_failure_callback


def test_the_first_night_ingests_the_day_before_it(dag):
    timetable = DagSerialization.from_dict(DagSerialization.to_dict(dag)).timetable
    first = timetable.next_dagrun_info(last_automated_data_interval=None,
                                       restriction=TimeRestriction(earliest=dag.start_date, latest=None, catchup=True))
    assert first.data_interval.start == datetime(2024, 1, 1, 2, tzinfo=SHANGHAI)
    assert first.data_interval.end == datetime(2024, 1, 2, 2, tzinfo=SHANGHAI)
    assert first.logical_date == first.data_interval.start
    # dags/ops.py and bin/warehouse airflow trigger give a day this interval: the same run, so Airflow refuses a second.
    from datetime import date

    import ops

    assert ops.interval(date(2024, 1, 1)) == (first.data_interval.start, first.data_interval.end)
    second = timetable.next_dagrun_info(last_automated_data_interval=first.data_interval,
                                        restriction=TimeRestriction(earliest=dag.start_date, latest=None, catchup=True))
    assert second.data_interval.start == first.data_interval.end


class Run:
    def __init__(self, conf):
        self.conf = conf


def context(conf=None, start=None):
    c = {"dag_run": Run(conf or {})}
    if start is not None:
        c["data_interval_start"] = start
    return c


def test_the_export_day_comes_from_the_interval_or_the_conf():
    from tianfu_warehouse import export_day

    assert export_day(context(start=pendulum.datetime(2024, 1, 31, 18, tz="UTC"))) == "2024-02-01"
    assert export_day(context(start=pendulum.datetime(2024, 1, 31, 2, tz="Asia/Shanghai"))) == "2024-01-31"
    assert export_day(context({"export_day": "2024-03-05"}, pendulum.datetime(2024, 1, 31, tz="UTC"))) == "2024-03-05"
    with pytest.raises(AirflowFailException, match="no logical date"):
        export_day(context())
    with pytest.raises(AirflowFailException, match="is not a day"):
        export_day(context({"export_day": "5 March"}))


def test_the_deadline_callback_is_importable_by_name(dag):
    alert = dag.deadline[0] if isinstance(dag.deadline, list) else dag.deadline
    path = alert.callback.path
    module, name = path.rsplit(".", 1)
    assert (DAGS / "plugins" / (module + ".py")).is_file(), path


def test_airflow_shows_the_graph_of_the_plan(plan):
    subprocess.run(["airflow", "dags", "reserialize"], capture_output=True, text=True, check=True)
    dot = subprocess.run(["airflow", "dags", "show", DAG_ID], capture_output=True, text=True, check=True).stdout
    for task in plan["tasks"]:
        for upstream in task["depends_on"]:
            assert f"{upstream} -> {task['id']}" in dot, dot
