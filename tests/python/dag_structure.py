"""Loads dags/tianfu_warehouse.py without Airflow (which cannot be installed here) and prints the
task ids, edges and DAG settings it builds, as JSON, for DagMatchesPlanTest to compare with
`bin/warehouse plan --json`.

The stand-ins below record what the DAG file does with Airflow's API; they implement nothing of
Airflow. What they check is our file's logic: which tasks it creates and how it wires them.
"""

import datetime
import json
import runpy
import sys
import types
import zoneinfo

created = {}
edges = []
dag_kwargs = {}


class Operator:
    def __init__(self, task_id, **kwargs):
        self.task_id = task_id
        self.kwargs = kwargs
        created[task_id] = self

    def __rshift__(self, other):
        edges.append([self.task_id, other.task_id])
        return other


class Dag:
    def __init__(self, **kwargs):
        dag_kwargs.update(kwargs)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m


module("airflow")
module("airflow.sdk", DAG=Dag, AsyncCallback=lambda f: ("callback", f.__name__),
       DeadlineAlert=lambda **kw: ("deadline", kw["interval"].total_seconds()),
       DeadlineReference=types.SimpleNamespace(DAGRUN_QUEUED_AT="DAGRUN_QUEUED_AT"))
module("airflow.providers")
module("airflow.providers.apache")
module("airflow.providers.apache.spark")
module("airflow.providers.apache.spark.operators")
module("airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=Operator)
module("pendulum", datetime=lambda *a, tz: datetime.datetime(*a, tzinfo=zoneinfo.ZoneInfo(tz)))

runpy.run_path(sys.argv[1], run_name="dag_file")
print(json.dumps({
    "dag_id": dag_kwargs["dag_id"],
    "schedule": dag_kwargs["schedule"],
    "timezone": str(dag_kwargs["start_date"].tzinfo),
    "catchup": dag_kwargs["catchup"],
    "max_active_runs": dag_kwargs["max_active_runs"],
    "retries": dag_kwargs["default_args"]["retries"],
    "retry_exponential_backoff": dag_kwargs["default_args"]["retry_exponential_backoff"],
    "execution_timeout_s": dag_kwargs["default_args"]["execution_timeout"].total_seconds(),
    "has_failure_callback": callable(dag_kwargs["default_args"]["on_failure_callback"]),
    "deadline_s": dag_kwargs["deadline"][1],
    "tasks": list(created),
    "edges": sorted(edges),
    "commands": {t: op.kwargs["application_args"][:3] for t, op in created.items()},
}, sort_keys=True))
