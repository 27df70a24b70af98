from django.core.management.base import BaseCommand

from erasmi.learning import services


class Command(BaseCommand):
    help = (
        "Load the toolkit's learning units and method cards from erasmi/learning/content/. Running it again "
        "changes nothing; a language version an editor has saved is never overwritten."
    )

    def handle(self, *args, **options):
        counts = services.load_toolkit()
        self.stdout.write(
            f"Toolkit: {counts['units']} new units, {counts['cards']} new method cards, "
            f"{counts['versions']} language versions written."
        )
