"""Background jobs: the one way an app hands work to the worker (docs/deploy.md, docs/architecture.md).

Apps define jobs in `<app>/tasks.py` with `django_tasks.task` and queue them with enqueue() below,
never with `task.enqueue()` directly: with the database queue a job row is written inside the
caller's transaction, so it exists exactly when the change that caused it was committed; with a
backend outside the database (the immediate one in tests) the job is queued at commit instead, so
it never acts on a change that was rolled back.
"""

from django.db import transaction
from django_tasks import task_backends


def enqueue(task, *args, **kwargs):
    """Queue task(*args, **kwargs) together with the current transaction's change."""
    backend = task_backends[task.backend]
    if _in_database(backend):
        return task.enqueue(*args, **kwargs)
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs), robust=True)
    return None


def _in_database(backend):
    return type(backend).__module__.startswith("django_tasks_db.")
