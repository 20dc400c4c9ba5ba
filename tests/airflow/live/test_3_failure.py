"""A task that fails is retried per default_args, ends failed, and its failure callback names task and day."""

import os
from datetime import timedelta

import airflow_client.client as af

import ops
from dag_runs import task_states


def test_a_missing_pii_key_fails_after_the_retries(api, days):
    variables = af.VariableApi(api)
    key_file = variables.get_variable("tianfu_pii_key_file").value
    variables.patch_variable("tianfu_pii_key_file", af.VariableBody(key="tianfu_pii_key_file", value="/nonexistent/pii.key"))
    try:
        day = days[0] - timedelta(days=1)
        body = af.TriggerDAGRunPostBody(dag_run_id=f"failing__tianfu__{day}", logical_date=None,
                                        conf={"export_day": day.isoformat()})
        run_id = ops.retried(af.DagRunApi(api).trigger_dag_run, ops.DAG_ID, body).dag_run_id
        assert ops.wait(api, [run_id], timeout_s=600) == {run_id: "failed"}
    finally:
        variables.patch_variable("tianfu_pii_key_file", af.VariableBody(key="tianfu_pii_key_file", value=key_file))
    states = task_states(api, run_id)
    assert states["ingest"] == ("failed", 3)   # 1 try + 2 retries
    assert states["conform"][0] == "upstream_failed"
    log = af.TaskInstanceApi(api).get_log(ops.DAG_ID, run_id, "ingest", 3, full_content=True)
    text = str(log.content)
    assert "no key for personal data" in text or "pii.key" in text, text[-3000:]
    assert f"tianfu warehouse: task ingest failed for export day {day} (try 3)" in text


def test_the_deadline_alert_fired_for_a_late_night():
    with open(os.environ["TIANFU_STANDALONE_LOG"], encoding="utf-8") as log:
        assert "missed its deadline" in log.read()
