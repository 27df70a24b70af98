from django.conf import settings
from django.core.management.base import BaseCommand

from erasmi.accounts.models import User
from erasmi.compendium import demo, services
from erasmi.compendium.importers import read_file
from erasmi.compendium.models import Practice
from erasmi.compendium.seeds import ERFURT_DE, ERFURT_TR
from erasmi.networks import demo as network_demo
from erasmi.offers import demo as offer_demo

DEMO_PASSWORD = "erasmi-demo"  # noqa: S105  (demo accounts exist only with DEBUG on)
ACCOUNTS = [
    ("admin@example.org", User.Role.ADMIN),
    ("editor@example.org", User.Role.EDITOR),
    ("coordinator@example.org", User.Role.MEMBER),
    ("member@example.org", User.Role.MEMBER),
]


class Command(BaseCommand):
    help = "Load the demo data: the Erfurt seed profile (de, tr), example practices, a demo network, demo accounts."

    def handle(self, *args, **options):
        services.import_profiles([read_file(ERFURT_DE), read_file(ERFURT_TR)])
        count = demo.load_examples()
        self.stdout.write(f"{Practice.objects.published().count()} published practices ({count} examples).")
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: no demo accounts and no demo network.")
            return
        users = {}
        for email, role in ACCOUNTS:
            user, created = User.objects.get_or_create(email=email, defaults={"role": role})
            if created:
                user.is_staff = user.is_superuser = role == User.Role.ADMIN
                user.set_password(DEMO_PASSWORD)
                user.save()
                user.emailaddress_set.create(email=email, verified=True, primary=True)
            users[email.split("@")[0]] = user
        network = network_demo.load(users)
        offers = offer_demo.load(network)
        members = network.memberships.count()
        self.stdout.write(f"Demo network '{network.name}': {members} member organisations, {offers} offers.")
        self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD}): " + ", ".join(email for email, _ in ACCOUNTS))
