"""Callbacks of the tianfu_warehouse_nightly DAG that Airflow's triggerer runs.

The triggerer imports a callback by its dotted name, and the DAGs folder is not on its path: this
module goes into Airflow's plugins folder (``[core] plugins_folder``), which is.
"""

from __future__ import annotations

import logging

log = logging.getLogger("tianfu_warehouse")


async def on_deadline_missed(context=None, **kwargs):
    """A night's run is not done 5 hours after it was queued (by 07:00 for the 02:00 run): county offices read at 08:00."""
    run = (context or {}).get("dag_run") or {}
    log.warning("tianfu warehouse: run %s (%s, data interval %s – %s) missed its deadline %s; "
                "'bin/warehouse status' shows where it is",
                run.get("dag_run_id"), run.get("run_type"), run.get("data_interval_start"),
                run.get("data_interval_end"), ((context or {}).get("deadline") or {}).get("deadline_time"))
