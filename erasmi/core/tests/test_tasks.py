import datetime
import zoneinfo

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from erasmi.core import tasks
from erasmi.core.models import PeriodicJob
from erasmi.core.tests import sample_tasks
from erasmi.core.tests.parallel import at_once

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def _berlin(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def sample_job():
    tasks.periodic("tests.nothing", tasks.Daily(hour=7), sample_tasks.nothing)
    yield
    tasks._jobs.pop("tests.nothing")


def test_a_daily_job_runs_next_at_its_hour_today_or_tomorrow(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    daily = tasks.Daily(hour=7)
    assert daily.next_after(_berlin(2026, 3, 2, 6, 59)) == _berlin(2026, 3, 2, 7, 0)
    assert daily.next_after(_berlin(2026, 3, 2, 7, 0)) == _berlin(2026, 3, 3, 7, 0)
    # Across the change to summer time the job stays at 7 o'clock local time.
    assert daily.next_after(_berlin(2026, 3, 28, 8, 0)) == _berlin(2026, 3, 29, 7, 0)


def test_a_bimonthly_job_runs_on_the_first_of_every_other_month(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    bimonthly = tasks.Monthly(day=1, hour=6, every=2)
    assert bimonthly.next_after(_berlin(2026, 1, 15, 12, 0)) == _berlin(2026, 3, 1, 6, 0)
    assert bimonthly.next_after(_berlin(2026, 11, 2, 0, 0)) == _berlin(2027, 1, 1, 6, 0)
    assert tasks.Monthly(day=31).next_after(_berlin(2026, 2, 1, 0, 0)) == _berlin(2026, 2, 28, 7, 0)


def test_the_scheduler_enqueues_a_job_when_it_is_due_and_not_before(db, sample_job):
    now = timezone.now()
    assert tasks.enqueue_due(now) == []  # the first sight of a job sets its next run
    row = PeriodicJob.objects.get(name="tests.nothing")
    assert "tests.nothing" not in tasks.enqueue_due(row.next_run - datetime.timedelta(seconds=1))
    assert "tests.nothing" in tasks.enqueue_due(row.next_run)
    assert "tests.nothing" not in tasks.enqueue_due(row.next_run)
    assert DBTaskResult.objects.filter(task_path="erasmi.core.tests.sample_tasks.nothing").count() == 1
    assert PeriodicJob.objects.get(name="tests.nothing").next_run == row.next_run + datetime.timedelta(days=1)


def test_two_schedulers_at_the_same_moment_enqueue_a_run_once(transactional_db, sample_job):
    due = timezone.now()
    PeriodicJob.objects.create(name="tests.nothing", next_run=due - datetime.timedelta(minutes=1))
    results = at_once([lambda: tasks.enqueue_due(due) for _ in range(4)])
    assert sorted("tests.nothing" in names for names in results) == [False, False, False, True]
    assert DBTaskResult.objects.filter(task_path="erasmi.core.tests.sample_tasks.nothing").count() == 1


def test_the_reminder_of_outdated_offers_is_a_registered_daily_job():
    assert {job.name: job.schedule for job in tasks.jobs()}["offers.remind_outdated"] == tasks.Daily(hour=7)


def test_a_task_running_longer_than_the_lease_is_queued_again_and_failed_after_the_last_attempt(db, settings):
    settings.ERASMI_TASK_LEASE, settings.ERASMI_TASK_ATTEMPTS = 60, 2
    result = sample_tasks.nothing.enqueue()
    now = timezone.now()
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - datetime.timedelta(seconds=30), worker_ids=["a"]
    )
    assert tasks.requeue_abandoned(now) == 0  # still within its lease
    assert tasks.requeue_abandoned(now + datetime.timedelta(seconds=31)) == 1
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY

    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - datetime.timedelta(seconds=90), worker_ids=["a", "b"]
    )
    assert tasks.requeue_abandoned(now) == 0
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.FAILED


def test_a_task_whose_worker_was_killed_is_finished_by_the_next_worker(background, tmp_path):
    log = tmp_path / "log"
    result = sample_tasks.wait_for_go.enqueue(str(log))
    first = background.worker()
    from erasmi.core.tests.workers import wait_until

    wait_until(lambda: log.exists())
    background.kill(first)
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING

    (tmp_path / "log.go").touch()
    background.run("scheduler", "--once", TASK_LEASE_SECONDS="0")
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY
    background.run(*_batch_worker())
    finished = DBTaskResult.objects.get(pk=result.id)
    assert finished.status == TaskResultStatus.SUCCESSFUL
    assert len(finished.worker_ids) == 2
    assert log.read_text() == "run\nrun\ndone\n"


def test_the_worker_sends_the_reminders_that_the_scheduler_enqueued(background, smtp_server):
    from erasmi.core.management.commands.load_demo import vocabularies
    from erasmi.offers.tests.test_reminders import _offer

    vocabularies()  # the categories the migrations load (a transactional test empties every table)
    _offer(confirmed=datetime.date.today() - datetime.timedelta(days=200))
    PeriodicJob.objects.create(name="offers.remind_outdated", next_run=timezone.now() - datetime.timedelta(hours=1))
    background.run("scheduler", "--once")
    assert smtp_server.messages == []  # the scheduler only enqueues
    background.run(*_batch_worker())
    assert [m["to"] for m in smtp_server.messages] == [["ana@sprachschule.example"]]
    assert PeriodicJob.objects.get(name="offers.remind_outdated").next_run > timezone.now()


def _batch_worker():
    from erasmi.core.tests.workers import WORKER

    return (*WORKER, "--batch")
