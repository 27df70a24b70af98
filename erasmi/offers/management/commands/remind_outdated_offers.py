from django.core.management.base import BaseCommand

from erasmi.offers import services


class Command(BaseCommand):
    help = "Remind organisations of offers not confirmed for six months (at most once a month per offer)."

    def handle(self, *args, **options):
        self.stdout.write(f"{services.remind_outdated()} reminder(s) sent.")
