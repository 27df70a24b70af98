from django.core.management.base import BaseCommand, CommandError

from erasmi.core import languages
from erasmi.networks.models import Network
from erasmi.offers.importers import OfferImportError, import_offers


class Command(BaseCommand):
    help = "Import offers of a network's member organisations from CSV (the columns of the export). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--network", required=True, help="The network's slug")
        parser.add_argument("--language", choices=languages.codes(), default="de", help="Language of titles")

    def handle(self, *args, file, network, language, **options):
        target = Network.objects.filter(slug=network).first()
        if target is None:
            raise CommandError(f"No network '{network}'.")
        with open(file, "rb") as handle:
            data = handle.read()
        try:
            count = import_offers(target, data, language, name=file)
        except OfferImportError as error:
            raise CommandError(f"{file}: nothing was imported.\n{error}") from None
        self.stdout.write(f"{count} offer(s) imported.")
