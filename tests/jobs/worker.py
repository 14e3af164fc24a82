"""Run the database backend's real worker loop in tests: all queued tasks now, or in a thread beside a live server."""

from __future__ import annotations

import threading

from django.db import connections
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker


def _worker(*, batch: bool, interval: float = 0.05) -> Worker:
    return Worker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"test-{threading.get_ident()}",
        excluded_queue_names=[],
    )


def run_queued_tasks(monkeypatch) -> None:
    """Run every queued task as `manage.py db_worker --batch` would, inside the test's transaction.

    The worker closes connections that are not in autocommit mode between tasks; the test's own
    transaction is one, so that check is off here (the browser tests run the loop unchanged).
    """
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    _worker(batch=True).run()


class WorkerThread(threading.Thread):
    """The worker loop in a thread of the test process, on its own connection to the test database."""

    def __init__(self) -> None:
        super().__init__(name="db-worker", daemon=True)
        self.worker = _worker(batch=False)
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.worker.run()
        except BaseException as error:  # reported by stop(), in the test's thread
            self.error = error
        finally:
            connections.close_all()

    def stop(self) -> None:
        self.worker.running = False
        self.join(timeout=30)
        assert not self.is_alive(), "the worker did not stop"
        if self.error is not None:
            raise self.error
