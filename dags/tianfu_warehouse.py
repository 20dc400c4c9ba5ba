"""Nightly 天府科技云 county performance pipeline (精准绩效管理), for Apache Airflow 3.1+.

The task graph is not written here: it is read from ``tianfu_warehouse_plan.json`` beside this
file, which is ``bin/warehouse plan --json`` of the job jar deployed with it, so the DAG cannot
drift from the Java graph (a test in the project compares them).

Each DAG run processes one export day: the run scheduled at 02:00 Asia/Shanghai on day D+1 has
the data interval [D 02:00, D+1 02:00) and ingests ``dt=D``, the day the platform exported
overnight. Every task is one ``spark-submit`` of the job jar with ``run --only <task>``. On a
local or shared filesystem the jar takes a lock on the warehouse, so two runs can never interleave
stages even if Airflow allowed it; on an object store there is no such lock, and max_active_runs=1
below is the guard.

Deploy (see docs/operations.md): copy this file and the JSON into the DAGs folder; set the
Airflow Variables ``tianfu_jar`` (path or URL of warehouse-<version>-spark.jar), ``tianfu_landing``
and ``tianfu_warehouse`` (landing and warehouse locations: shared directories, or URIs such as
``s3a://bucket/landing``), optionally ``tianfu_packages`` (the Maven packages spark-submit adds; for
s3a:// the Delta package plus ``org.apache.hadoop:hadoop-aws`` of the cluster's Hadoop), ``tianfu_reports`` (the folder county
reports are written to, on the machine running the Spark driver, which also needs Chromium and a
Chinese font for the PDFs), ``tianfu_pii_key_file`` (a file on the workers holding the PII key), and
a Spark connection ``tianfu_spark`` (master, deploy mode).

Airflow 2.x: import ``DAG`` from ``airflow`` instead of ``airflow.sdk``, drop ``deadline=`` (use
``sla``/``sla_miss_callback`` on the tasks), and note ``catchup`` already defaults to True there.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from pathlib import Path

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG, AsyncCallback, DeadlineAlert, DeadlineReference

log = logging.getLogger(__name__)

PLAN = json.loads(Path(__file__).with_name("tianfu_warehouse_plan.json").read_text(encoding="utf-8"))

# The export day of a run: the start of its data interval, in Shanghai time.
EXPORT_DAY = "{{ data_interval_start.in_timezone('Asia/Shanghai').strftime('%Y-%m-%d') }}"
DELTA_PACKAGE = "io.delta:delta-spark_2.13:4.3.1"


def on_task_failure(context):
    """Names the failed task and export day in the log; wire a notifier here (mail, WeCom)."""
    ti = context["task_instance"]
    log.error("tianfu warehouse: task %s failed for export day %s (try %s); "
              "'bin/warehouse status' shows the warehouse's runs and freshness",
              ti.task_id, context["data_interval_start"].in_timezone("Asia/Shanghai").date(), ti.try_number)


async def on_deadline_missed(context, **kwargs):
    """Runs in the triggerer when a night's run is not done by 07:00: county offices read at 08:00."""
    log.warning("tianfu warehouse: run %s missed its deadline", context.get("dag_run"))


default_args = {
    "owner": "data-engineering",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=40),
    "execution_timeout": timedelta(hours=2),
    "on_failure_callback": on_task_failure,
}

with DAG(
    dag_id=PLAN["dag_id"],
    description="天府科技云 nightly: landing → bronze → silver → gold county KPIs, scores and ranks",
    schedule="0 2 * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="Asia/Shanghai"),
    catchup=True,           # Airflow 3 defaults to False; a backfill is a range of data intervals
    max_active_runs=1,      # export days are processed in order, one at a time
    default_args=default_args,
    deadline=DeadlineAlert(
        reference=DeadlineReference.DAGRUN_QUEUED_AT,
        interval=timedelta(hours=5),
        callback=AsyncCallback(on_deadline_missed),
    ),
    tags=["tianfu", "warehouse"],
) as dag:
    tasks = {}
    for spec in PLAN["tasks"]:
        tasks[spec["id"]] = SparkSubmitOperator(
            task_id=spec["id"],
            doc_md=spec["description"],
            conn_id="tianfu_spark",
            application="{{ var.value.tianfu_jar }}",
            java_class="org.tianfu.warehouse.cli.Warehouse",
            packages="{{ var.value.get('tianfu_packages', '" + DELTA_PACKAGE + "') }}",
            conf={
                "spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
                "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
                "spark.sql.session.timeZone": "Asia/Shanghai",
            },
            env_vars={"WAREHOUSE_PII_KEY_FILE": "{{ var.value.tianfu_pii_key_file }}"},
            application_args=[
                "run", "--only", spec["id"],
                "--landing", "{{ var.value.tianfu_landing }}",
                "--warehouse", "{{ var.value.tianfu_warehouse }}",
                "--from", EXPORT_DAY, "--to", EXPORT_DAY,
                # read by the reports task only: the month's county reports and leaderboard
                "--reports", "{{ var.value.tianfu_reports }}",
            ],
            name="tianfu-" + spec["id"],
        )
    for spec in PLAN["tasks"]:
        for upstream in spec["depends_on"]:
            tasks[upstream] >> tasks[spec["id"]]
