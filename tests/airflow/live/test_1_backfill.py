"""Three export days through the scheduler: the night the schedule runs, and a backfill of the days before it."""

import time
from datetime import datetime, time as clock, timedelta
from zoneinfo import ZoneInfo

import airflow_client.client as af

import ops
from dag_runs import runs, task_states

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_the_scheduled_night_and_a_backfill_run_one_at_a_time(api, days, capsys):
    af.DAGApi(api).patch_dag(ops.DAG_ID, af.DAGPatchBody(is_paused=False))
    for _ in range(60):   # the first unpause queues the latest night only (catchup off)
        scheduled = [r for r in runs(api) if str(r.run_type.value) == "scheduled"]
        if scheduled:
            break
        time.sleep(1)
    assert len(scheduled) == 1
    night = scheduled[0]
    start = datetime.combine(days[-1], clock(2), SHANGHAI)
    assert (night.data_interval_start, night.data_interval_end) == (start, start + timedelta(days=1))

    queued = ops.backfill(api, days[0], days[-1])
    # The last day is the scheduler's night: the same logical date, refused by Airflow and reported.
    assert queued == [f"manual__tianfu__{d}" for d in days[:-1]]
    assert f"{days[-1]}  already has run {night.dag_run_id} (" in capsys.readouterr().out

    states = ops.wait(api, [night.dag_run_id] + queued, timeout_s=1500)
    assert set(states.values()) == {"success"}, states
    all_runs = runs(api)
    assert len(all_runs) == len(days)
    for run in all_runs:
        assert {state for state, _ in task_states(api, run.dag_run_id).values()} == {"success"}
    # max_active_runs=1: each run started after the one before it ended.
    for before, after in zip(all_runs, all_runs[1:]):
        assert after.start_date >= before.end_date, (before.dag_run_id, after.dag_run_id)
