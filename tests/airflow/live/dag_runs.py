"""Reading the DAG's runs and task instances with the official client."""

import airflow_client.client as af

import ops


def runs(api):
    return ops.retried(af.DagRunApi(api).get_dag_runs, ops.DAG_ID, limit=100, order_by=["start_date"]).dag_runs


def task_states(api, run_id):
    tis = ops.retried(af.TaskInstanceApi(api).get_task_instances, ops.DAG_ID, run_id).task_instances
    return {ti.task_id: (str(ti.state.value) if ti.state else None, ti.try_number) for ti in tis}
