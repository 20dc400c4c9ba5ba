"""Nightly 天府科技云 county performance pipeline (精准绩效管理), for Apache Airflow 3.1+.

The task graph is not written here: it is read from ``tianfu_warehouse_plan.json`` beside this
file, which is ``bin/warehouse plan --json`` of the job jar deployed with it, so the DAG cannot
drift from the Java graph (a test in the project compares them).

Each DAG run processes one export day. The schedule is a data-interval timetable: the run at
02:00 Asia/Shanghai on day D+1 has the data interval [D 02:00, D+1 02:00) and ingests ``dt=D``,
the day the platform exported overnight. A run triggered with that interval (``bin/warehouse
airflow trigger``, ``dags/ops.py``) is the same run: Airflow refuses a second one (409). A run
triggered without a logical date names its day in its conf, ``{"export_day": "YYYY-MM-DD"}``, and
``"rerun": true`` makes it replace that day with what its folders hold now (``run --rerun``).

Every task is one ``spark-submit`` of the job jar with ``run --only <task>``. On a local or shared
filesystem the jar takes a lock on the warehouse, so two runs can never interleave stages; on an
object store there is no such lock, and max_active_runs=1 below is the guard.

Deploy and configure: docs/operations.md, "The Airflow DAG".
"""

from __future__ import annotations

import json
import logging
import os
import re
from datetime import timedelta
from pathlib import Path

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG, Connection, Param, Variable

try:
    from airflow.sdk.exceptions import AirflowFailException
except ImportError:  # Airflow 3.1
    from airflow.exceptions import AirflowFailException

try:  # Airflow 3.2 and later export these from airflow.sdk
    from airflow.sdk import AsyncCallback, CronDataIntervalTimetable, DeadlineAlert, DeadlineReference
except ImportError:  # Airflow 3.1
    from airflow.sdk.definitions.deadline import AsyncCallback, DeadlineAlert, DeadlineReference
    from airflow.timetables.interval import CronDataIntervalTimetable

log = logging.getLogger(__name__)

PLAN = json.loads(Path(__file__).with_name("tianfu_warehouse_plan.json").read_text(encoding="utf-8"))
SHANGHAI = "Asia/Shanghai"
DELTA_PACKAGE = "io.delta:delta-spark_2.13:4.3.1"
SPARK_CONNECTION = "tianfu_spark"
INGEST = "ingest"
REPORTS = "reports"

# Environment knobs read when the file is parsed (no database access): a shorter retry delay and
# deadline for tests of the failure paths; the defaults are the production ones.
RETRY_DELAY = timedelta(seconds=int(os.environ.get("TIANFU_RETRY_DELAY_SECONDS", "300")))
DEADLINE = timedelta(seconds=int(os.environ.get("TIANFU_DEADLINE_SECONDS", str(5 * 3600))))


def export_day(context) -> str:
    """The export day a run processes: its conf's ``export_day``, else its data interval's start in Shanghai."""
    conf = context["dag_run"].conf or {}
    day = conf.get("export_day")
    if day:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(day)):
            raise AirflowFailException(f"conf export_day {day!r} is not a day: write YYYY-MM-DD")
        return str(day)
    start = context.get("data_interval_start")
    if start is None:
        raise AirflowFailException('this run has no logical date and no conf {"export_day": "YYYY-MM-DD"}:'
                                   " trigger it with one or the other")
    return pendulum.instance(start).in_timezone(SHANGHAI).strftime("%Y-%m-%d")


def required_variable(name: str, what: str) -> str:
    value = Variable.get(name, default=None)
    if not value:
        raise AirflowFailException(f"set the Airflow Variable {name} ({what}); see docs/operations.md")
    return value


class WarehouseTask(SparkSubmitOperator):
    """One task of the plan: ``spark-submit`` of the job jar with ``run --only <task>`` for the run's export day.

    The Variables are read when the task runs, not when the file is parsed: an unset required one
    fails the task at once (no retry) with one line naming it.
    """

    def __init__(self, *, task: str, **kwargs):
        super().__init__(task_id=task, application="", conn_id=SPARK_CONNECTION,
                         java_class="org.tianfu.warehouse.cli.Warehouse", name="tianfu-" + task, **kwargs)
        self.task = task

    def execute(self, context):
        day = export_day(context)
        try:
            Connection.get(SPARK_CONNECTION)
        except Exception as e:  # without it the provider silently submits to YARN
            raise AirflowFailException(f"no Airflow connection {SPARK_CONNECTION} (Spark master and deploy mode);"
                                       " see docs/operations.md") from e
        self.application = required_variable("tianfu_jar", "path or URL of warehouse-<version>-spark.jar")
        self.packages = Variable.get("tianfu_packages", default=DELTA_PACKAGE)
        self.env_vars = {"WAREHOUSE_PII_KEY_FILE": required_variable(
            "tianfu_pii_key_file", "a file on the Spark driver's machine holding the key for personal data")}
        rerun = bool((context["dag_run"].conf or {}).get("rerun"))
        args = ["run", "--only", self.task,
                "--landing", required_variable("tianfu_landing", "the landing directory or URI"),
                "--warehouse", required_variable("tianfu_warehouse", "the warehouse directory or URI")]
        # A rerun forgets the day's ingest: only the ingest task takes --rerun, the later ones the day.
        args += ["--rerun", day] if rerun and self.task == INGEST else ["--from", day, "--to", day]
        reports = Variable.get("tianfu_reports", default=None)
        if reports and self.task == REPORTS:
            args += ["--reports", reports]
        self.application_args = args
        log.info("tianfu warehouse: export day %s%s", day, " (rerun)" if rerun else "")
        super().execute(context)


def on_task_failure(context):
    """Names the failed task and export day in the log; wire a notifier here (mail, WeCom)."""
    ti = context["task_instance"]
    try:
        day = export_day(context)
    except AirflowFailException:
        day = "unknown (no logical date, no conf export_day)"
    log.error("tianfu warehouse: task %s failed for export day %s (try %s); "
              "'bin/warehouse status' shows the warehouse's runs and freshness", ti.task_id, day, ti.try_number)


default_args = {
    "owner": "data-engineering",
    "retries": 2,
    "retry_delay": RETRY_DELAY,
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=40),
    "execution_timeout": timedelta(hours=2),
    "on_failure_callback": on_task_failure,
}

with DAG(
    dag_id=PLAN["dag_id"],
    description="天府科技云 nightly: landing → bronze → silver → gold county KPIs, scores and ranks",
    schedule=CronDataIntervalTimetable("0 2 * * *", timezone=SHANGHAI),
    start_date=pendulum.datetime(2024, 1, 1, tz=SHANGHAI),
    catchup=False,          # a first unpause runs the latest night only; backfills are triggered (docs/operations.md)
    max_active_runs=1,      # export days are processed one at a time
    default_args=default_args,
    params={
        "export_day": Param(None, type=["null", "string"], description="for a run without a logical date: YYYY-MM-DD"),
        "rerun": Param(False, type="boolean", description="replace the export day with what its folders hold now"),
    },
    # Runs in the triggerer, which imports the callback by name: tianfu_callbacks.py goes into the
    # plugins folder (a function in this file is loaded under a generated module name it cannot import).
    deadline=DeadlineAlert(
        reference=DeadlineReference.DAGRUN_QUEUED_AT,
        interval=DEADLINE,
        callback=AsyncCallback("tianfu_callbacks.on_deadline_missed"),
    ),
    tags=["tianfu", "warehouse"],
) as dag:
    tasks = {spec["id"]: WarehouseTask(task=spec["id"], doc_md=spec["description"],
                                       conf={"spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
                                             "spark.sql.catalog.spark_catalog":
                                                 "org.apache.spark.sql.delta.catalog.DeltaCatalog",
                                             "spark.sql.session.timeZone": SHANGHAI})
             for spec in PLAN["tasks"]}
    for spec in PLAN["tasks"]:
        for upstream in spec["depends_on"]:
            tasks[upstream] >> tasks[spec["id"]]
