"""A corrected re-export of a day, rerun through the client: a run without a logical date whose conf names the day."""

import ops
from dag_runs import task_states


def test_a_corrected_day_is_rerun(api, days):
    day = days[1]
    run_id = ops.rerun(api, day)
    assert ops.wait(api, [run_id], timeout_s=600) == {run_id: "success"}
    assert {state for state, _ in task_states(api, run_id).values()} == {"success"}
