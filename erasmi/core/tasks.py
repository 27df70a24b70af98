"""Background work: enqueueing tasks, the periodic jobs, and tasks abandoned by a killed worker.

Tasks are django-tasks `@task` functions in each app's tasks.py; workers run them (`manage.py db_worker`,
any number). Periodic jobs are registered here by the apps (AppConfig.ready) and enqueued by the one
`manage.py scheduler`: a row per job (PeriodicJob) is moved to its next run with a conditional UPDATE
before the task is enqueued in the same transaction, so two schedulers never enqueue the same run twice.

A task must be safe to run again: a worker killed half-way leaves its task "running"; after
ERASMI_TASK_LEASE seconds the scheduler puts it back in the queue, and the next worker runs it again.
Tasks therefore claim their items one by one (a row per item, updated only while still unclaimed), and
a long job hands over to a follow-up task well before the lease ends (see `time_budget()`).
"""

import calendar
import datetime
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend

logger = logging.getLogger(__name__)


def enqueue(task: Task, *args, **kwargs) -> None:
    """Enqueue a task with the data it works on.

    With the database backend the task row is written in the caller's transaction: it exists exactly
    when the data was committed, and no worker sees it before. Other backends (the immediate one in
    some tests) get it when the transaction commits.
    """
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def time_budget() -> float:
    """Seconds a task may work before it hands the rest to a follow-up task (a third of the lease)."""
    return settings.ERASMI_TASK_LEASE / 3


class Deadline:
    """`Deadline()` after `time_budget()` seconds: `if deadline.passed(): enqueue the rest; return`."""

    def __init__(self, seconds: float | None = None):
        self.end = time.monotonic() + (time_budget() if seconds is None else seconds)

    def passed(self) -> bool:
        return time.monotonic() >= self.end


# -- schedules ----------------------------------------------------------------------------------------


def _at(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@dataclass(frozen=True)
class Every:
    """Every so many seconds."""

    seconds: int

    def next_after(self, moment: datetime.datetime) -> datetime.datetime:
        return moment + datetime.timedelta(seconds=self.seconds)


@dataclass(frozen=True)
class Daily:
    """Each day at a local time (TIME_ZONE)."""

    hour: int
    minute: int = 0

    def next_after(self, moment: datetime.datetime) -> datetime.datetime:
        day = timezone.localtime(moment).date()
        while (candidate := _at(day, self.hour, self.minute)) <= moment:
            day += datetime.timedelta(days=1)
        return candidate


@dataclass(frozen=True)
class Monthly:
    """On a day of the month at a local time; `every=2`: in January, March, May, … only."""

    day: int = 1
    hour: int = 7
    minute: int = 0
    every: int = 1

    def next_after(self, moment: datetime.datetime) -> datetime.datetime:
        local = timezone.localtime(moment)
        year, month = local.year, local.month
        while True:
            if (month - 1) % self.every == 0:
                day = min(self.day, calendar.monthrange(year, month)[1])
                if (candidate := _at(datetime.date(year, month, day), self.hour, self.minute)) > moment:
                    return candidate
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)


Schedule = Every | Daily | Monthly


@dataclass(frozen=True)
class Job:
    name: str
    schedule: Schedule
    task: Task


_jobs: dict[str, Job] = {}


def periodic(name: str, schedule: Schedule, task: Task) -> None:
    """Register a periodic job (in an AppConfig.ready()); the scheduler enqueues `task` when it is due."""
    _jobs[name] = Job(name, schedule, task)


def jobs() -> list[Job]:
    return sorted(_jobs.values(), key=lambda job: job.name)


def enqueue_due(now: datetime.datetime | None = None) -> list[str]:
    """Enqueue each job whose run is due; returns their names. Safe with several schedulers at once."""
    from erasmi.core.models import PeriodicJob

    now = now or timezone.now()
    enqueued = []
    for job in jobs():
        row, _created = PeriodicJob.objects.get_or_create(
            name=job.name, defaults={"next_run": job.schedule.next_after(now)}
        )
        if row.next_run > now:
            continue
        with transaction.atomic():
            # Whoever moves the row on from the run it read enqueues that run; the other scheduler updates 0 rows.
            if PeriodicJob.objects.filter(name=job.name, next_run=row.next_run).update(
                next_run=job.schedule.next_after(now), last_enqueued=now
            ):
                enqueue(job.task)
                enqueued.append(job.name)
    return enqueued


def requeue_abandoned(now: datetime.datetime | None = None) -> int:
    """Put tasks still "running" after the lease back in the queue (their worker was killed); returns how many.

    A task is tried at most ERASMI_TASK_ATTEMPTS times (each worker that claimed it is in worker_ids);
    then it is marked failed. The UPDATE names the start it read, so two schedulers requeue a task once.
    """
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    requeued = 0
    lease = datetime.timedelta(seconds=settings.ERASMI_TASK_LEASE)
    stale = DBTaskResult.objects.running().filter(started_at__lt=now - lease)
    for row in stale.only("id", "started_at", "worker_ids", "task_path"):
        same_run = DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at)
        if len(row.worker_ids) >= settings.ERASMI_TASK_ATTEMPTS:
            same_run.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path="erasmi.core.tasks.Abandoned",
                traceback=f"Abandoned by {len(row.worker_ids)} workers in turn; not tried again.",
            )
            logger.error("Task %s (%s) abandoned too often: failed", row.pk, row.task_path)
        elif same_run.update(status=TaskResultStatus.READY, started_at=None):
            logger.warning("Task %s (%s) abandoned by its worker: queued again", row.pk, row.task_path)
            requeued += 1
    return requeued


def tick(now: datetime.datetime | None = None) -> tuple[list[str], int]:
    """One round of the scheduler."""
    now = now or timezone.now()
    return enqueue_due(now), requeue_abandoned(now)


def run_scheduler(interval: float, *, rounds: int | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
    done = 0
    while rounds is None or done < rounds:
        close_old_connections()
        try:
            enqueued, requeued = tick()
            for name in enqueued:
                logger.info("Enqueued %s", name)
        except Exception:  # a database hiccup must not end the scheduler
            logger.exception("Scheduler round failed")
        done += 1
        if rounds is None or done < rounds:
            sleep(interval)
