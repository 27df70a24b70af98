"""The worker's side of notifications."""

from django_tasks import task

from erasmi.notifications import services


@task()
def deliver_notice(pk: int) -> bool:
    return services.deliver(pk)


@task()
def deliver_due() -> int:
    return services.deliver_due()
