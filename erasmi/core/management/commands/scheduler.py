from django.conf import settings
from django.core.management.base import BaseCommand

from erasmi.core import tasks


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs (reminders, digests, scheduled sends) when they are due, and tasks "
        "abandoned by a killed worker again. Run one beside the workers (a second one does no harm)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One round, then exit (e.g. from cron).")
        parser.add_argument(
            "--interval", type=float, default=settings.ERASMI_SCHEDULER_INTERVAL, help="Seconds between rounds."
        )

    def handle(self, *args, once=False, interval=20.0, **options):
        if options["verbosity"] > 0:
            names = ", ".join(f"{job.name} ({job.schedule})" for job in tasks.jobs())
            self.stdout.write(f"Scheduler: {names or 'no periodic jobs'}; every {interval:g} s.")
        try:
            tasks.run_scheduler(interval, rounds=1 if once else None)
        except KeyboardInterrupt:
            pass
