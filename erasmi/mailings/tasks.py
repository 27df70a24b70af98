import datetime

from django.utils import timezone
from django_tasks import task

from erasmi.core.tasks import Deadline, enqueue
from erasmi.mailings import sending, services
from erasmi.mailings.models import Mailing


@task()
def send_mailing(mailing_id: int) -> str:
    """Send what is pending; hand the rest to a follow-up task before the lease ends."""
    mailing = Mailing.objects.select_related("network").filter(pk=mailing_id).first()
    if mailing is None or mailing.state != Mailing.State.SENDING:
        return "nothing to do"
    try:
        done = sending.send(mailing, Deadline())
    except OSError:  # the mail server cannot be reached (smtplib's errors are OSErrors): again in a minute
        later = timezone.now() + datetime.timedelta(seconds=60)
        enqueue(send_mailing.using(run_after=later), mailing_id)
        return "mail server unreachable: again in a minute"
    if not done:
        enqueue(send_mailing, mailing_id)
        return "continued in a follow-up task"
    return "done"


@task()
def start_scheduled() -> int:
    """The mailings whose time has come (the scheduler enqueues this every minute)."""
    return services.start_due()


@task()
def compose_digests() -> int:
    """The calendar of the next two months for each network (every other month)."""
    return services.compose_digests()
