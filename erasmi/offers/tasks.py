from django_tasks import task

from erasmi.offers import services


@task()
def remind_outdated_offers() -> int:
    """The reminders of offers not confirmed for six months (each offer at most once a month)."""
    return services.remind_outdated()
