#!/usr/bin/env python3
"""Backfill, rerun and status of the nightly DAG from a laptop, with Airflow's official client.

    pip install apache-airflow-client==3.3.2
    export AIRFLOW_URL=https://airflow.example:8080 AIRFLOW_USERNAME=... AIRFLOW_PASSWORD=...   (or AIRFLOW_TOKEN)
    python dags/ops.py backfill --from 2024-03-01 --to 2024-03-07 --wait
    python dags/ops.py rerun 2024-03-05 --wait
    python dags/ops.py status

A backfill queues one run per export day with the day's data interval [D 02:00, D+1 02:00)
Asia/Shanghai, the interval the schedule gives that night: a day that already has a run (scheduled
or triggered) is refused by Airflow and reported, never run twice. A rerun is a run without a
logical date whose conf names the day: it replaces the day with what its folders hold now.
Not parsed as a DAG (dags/.airflowignore).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.request
from datetime import date, datetime, time as clock, timedelta
from zoneinfo import ZoneInfo

import airflow_client.client as af
from airflow_client.client.exceptions import ApiException

DAG_ID = os.environ.get("AIRFLOW_DAG_ID", "tianfu_warehouse_nightly")
SHANGHAI = ZoneInfo("Asia/Shanghai")
FINISHED = {"success", "failed"}


def connect(env=os.environ) -> af.ApiClient:
    """A client for AIRFLOW_URL, with AIRFLOW_TOKEN or a token for AIRFLOW_USERNAME/AIRFLOW_PASSWORD."""
    url = env.get("AIRFLOW_URL", "").rstrip("/")
    if not url:
        raise SystemExit("set AIRFLOW_URL (and AIRFLOW_TOKEN, or AIRFLOW_USERNAME and AIRFLOW_PASSWORD)")
    token = env.get("AIRFLOW_TOKEN")
    if not token:
        login = json.dumps({"username": env.get("AIRFLOW_USERNAME"), "password": env.get("AIRFLOW_PASSWORD")})
        request = urllib.request.Request(url + "/auth/token", data=login.encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            token = json.load(response)["access_token"]
    return af.ApiClient(af.Configuration(host=url, access_token=token))


def retried(call, *args, **kwargs):
    """Calls the API, retrying a server error a few times: an Airflow on SQLite answers 500 while its database is busy."""
    for attempt in range(5):
        try:
            return call(*args, **kwargs)
        except ApiException as e:
            if e.status is None or e.status < 500 or attempt == 4:
                raise
            time.sleep(2 ** attempt)


def interval(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, clock(2), SHANGHAI)
    return start, start + timedelta(days=1)


def days(first: date, last: date):
    while first <= last:
        yield first
        first += timedelta(days=1)


def run_of_day(api: af.ApiClient, day: date):
    """The run that holds export day D's logical date, if any."""
    start, _ = interval(day)
    runs = retried(af.DagRunApi(api).get_dag_runs, DAG_ID, logical_date_gte=start, logical_date_lte=start,
                   limit=1).dag_runs
    return runs[0] if runs else None


def backfill(api: af.ApiClient, first: date, last: date) -> list[str]:
    """Queues a run per export day; prints what happened to each. Returns the ids of the runs queued."""
    queued = []
    for day in days(first, last):
        start, end = interval(day)
        body = af.TriggerDAGRunPostBody(dag_run_id=f"manual__tianfu__{day}", logical_date=start,
                                        data_interval_start=start, data_interval_end=end,
                                        note="backfill by dags/ops.py")
        try:
            run = retried(af.DagRunApi(api).trigger_dag_run, DAG_ID, body)
            queued.append(run.dag_run_id)
            print(f"{day}  {run.dag_run_id}  queued")
        except ApiException as e:
            if e.status != 409:
                raise
            existing = run_of_day(api, day)
            print(f"{day}  already has run {existing.dag_run_id if existing else '?'}"
                  f" ({existing.state if existing else 'unknown'}): not queued again")
    return queued


def rerun(api: af.ApiClient, day: date) -> str:
    """Queues a rerun of export day D (its corrected re-export replaces it). Returns the run's id."""
    body = af.TriggerDAGRunPostBody(dag_run_id=f"rerun__tianfu__{day}__{int(time.time())}", logical_date=None,
                                    conf={"export_day": day.isoformat(), "rerun": True},
                                    note="rerun by dags/ops.py")
    run = retried(af.DagRunApi(api).trigger_dag_run, DAG_ID, body)
    print(f"{day}  {run.dag_run_id}  queued (rerun)")
    return run.dag_run_id


def wait(api: af.ApiClient, run_ids: list[str], timeout_s: float = 3600) -> dict[str, str]:
    """Waits until every run has finished; returns each run's final state."""
    deadline = time.monotonic() + timeout_s
    states = {}
    for run_id in run_ids:
        while True:
            state = str(retried(af.DagRunApi(api).get_dag_run, DAG_ID, run_id).state.value)
            if state in FINISHED:
                states[run_id] = state
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"run {run_id} still {state} after {timeout_s:.0f} s")
            time.sleep(2)
    return states


def status(api: af.ApiClient, limit: int = 10) -> None:
    runs = retried(af.DagRunApi(api).get_dag_runs, DAG_ID, limit=limit, order_by=["-run_after"]).dag_runs
    for run in runs:
        failed = ""
        if str(run.state.value) == "failed":
            tis = retried(af.TaskInstanceApi(api).get_task_instances, DAG_ID, run.dag_run_id,
                          state=["failed"]).task_instances
            failed = "  failed: " + ", ".join(ti.task_id for ti in tis)
        print(f"{run.dag_run_id:40} {run.state.value:8} interval from {run.data_interval_start}"
              f"  started {run.start_date}  ended {run.end_date}{failed}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("backfill", help="queue one run per export day")
    b.add_argument("--from", dest="first", type=date.fromisoformat, required=True)
    b.add_argument("--to", dest="last", type=date.fromisoformat, required=True)
    b.add_argument("--wait", action="store_true")
    r = commands.add_parser("rerun", help="replace one export day with what its folders hold now")
    r.add_argument("day", type=date.fromisoformat)
    r.add_argument("--wait", action="store_true")
    s = commands.add_parser("status", help="recent runs and their failed tasks")
    s.add_argument("--limit", type=int, default=10)
    args = parser.parse_args(argv)
    if args.command == "backfill" and args.first > args.last:
        parser.error(f"--from {args.first} is after --to {args.last}")
    with connect() as api:
        if args.command == "status":
            status(api, args.limit)
            return 0
        run_ids = backfill(api, args.first, args.last) if args.command == "backfill" else [rerun(api, args.day)]
        if args.wait:
            states = wait(api, run_ids)
            for run_id, state in states.items():
                print(f"{run_id}  {state}")
            return 0 if all(s == "success" for s in states.values()) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
