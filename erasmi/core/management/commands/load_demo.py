from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from erasmi.accounts.models import User
from erasmi.compendium import demo, services
from erasmi.compendium.importers import read_file
from erasmi.compendium.models import Practice
from erasmi.compendium.seeds import ERFURT_DE, ERFURT_TR
from erasmi.cooperation import demo as cooperation_demo
from erasmi.library import demo as library_demo
from erasmi.mailings import demo as mailing_demo
from erasmi.networks import demo as network_demo
from erasmi.networks.models import Network
from erasmi.offers import demo as offer_demo
from erasmi.plans import demo as plan_demo
from erasmi.surveys import demo as survey_demo

DEMO_PASSWORD = "erasmi-demo"  # noqa: S105  (demo accounts exist only with DEBUG on)
ACCOUNTS = [  # e-mail, role, first and last name (invented people), the language their mails are in
    ("admin@example.org", User.Role.ADMIN, "Anna", "Albrecht", "en"),
    ("editor@example.org", User.Role.EDITOR, "Emre", "Yıldız", "tr"),
    ("coordinator@example.org", User.Role.MEMBER, "Katrin", "Vogel", "de"),
    ("member@example.org", User.Role.MEMBER, "Marco", "Rossi", "it"),
]


def is_empty() -> bool:
    """Nothing anybody made: no accounts, practices or networks (the vocabularies come with the migrations)."""
    return not (User.objects.exists() or Practice.objects.exists() or Network.objects.exists())


@transaction.atomic
def reset() -> None:
    """Delete every row (the vocabularies that the migrations loaded come back with the demo)."""
    from erasmi.compendium.models import PracticeTranslation
    from erasmi.core import search

    call_command("flush", interactive=False, verbosity=0)
    search.clear(PracticeTranslation)
    from erasmi.library.models import ResourceTranslation

    search.clear(ResourceTranslation)


def vocabularies() -> None:
    """The vocabularies the migrations load, if they are missing (after a reset)."""
    from erasmi.compendium import vocabulary as practice_vocabulary
    from erasmi.compendium.models import Term
    from erasmi.offers import vocabulary as offer_vocabulary
    from erasmi.offers.models import Category, TargetGroup

    if not Term.objects.exists():
        practice_vocabulary.load(Term)
    if not Category.objects.exists():
        offer_vocabulary.load(Category, TargetGroup)


class Command(BaseCommand):
    help = (
        "Load the demo data (the Erfurt seed profile in de and tr, example practices, a demo network, demo "
        "accounts) into an empty database; --reset first deletes everything in the database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete ALL data in the database, then load the demo anew."
        )
        parser.add_argument("--no-input", action="store_true", help="Do not ask before --reset deletes.")

    def handle(self, *args, **options):
        if options["reset"]:
            if not options["no_input"]:
                try:
                    answer = input("This deletes ALL data in the database, also what users added. Type 'yes': ")
                except EOFError:  # no terminal to ask (make reset </dev/null): nothing is deleted
                    answer = ""
                if answer.strip().lower() != "yes":
                    raise CommandError("Nothing was deleted.")
            reset()
        elif not is_empty():
            self.stdout.write(
                "The database already holds data: the demo is not loaded over it "
                "(`make reset` deletes everything and loads the demo anew)."
            )
            return
        self.load()

    def load(self):
        vocabularies()
        services.import_profiles([read_file(ERFURT_DE), read_file(ERFURT_TR)])
        count = demo.load_examples()
        self.stdout.write(f"{Practice.objects.published().count()} published practices ({count} examples).")
        from erasmi.learning import demo as learning_demo

        learning_demo.load()
        self.stdout.write(f"{learning_demo.published_units()} learning units in the toolkit.")
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: no demo accounts and no demo network.")
            return
        users = {}
        for email, role, first_name, last_name, language in ACCOUNTS:
            user, created = User.objects.get_or_create(
                email=email,
                defaults={"role": role, "first_name": first_name, "last_name": last_name, "language": language},
            )
            if created:
                user.is_staff = user.is_superuser = role == User.Role.ADMIN
                user.set_password(DEMO_PASSWORD)
                user.save()
                user.emailaddress_set.create(email=email, verified=True, primary=True)
            users[email.split("@")[0]] = user
        network = network_demo.load(users)
        offers = offer_demo.load(network)
        resources = library_demo.load(network, users)
        call_command("load_places", if_missing=True, stdout=self.stdout)  # towns and postcodes of its country
        cooperation_demo.load(network)
        plan_demo.load(network, users)
        survey_demo.load(network)
        mailing_demo.load(network, users)
        members = network.memberships.count()
        self.stdout.write(f"Demo network '{network.name}': {members} member organisations, {offers} offers.")
        self.stdout.write(f"{resources} resources in the library.")
        self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD}): " + ", ".join(account[0] for account in ACCOUNTS))
