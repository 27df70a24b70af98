from django.conf import settings
from django.core.management.base import BaseCommand

from erasmi.accounts.models import User
from erasmi.compendium import demo, services
from erasmi.compendium.importers import read_file
from erasmi.compendium.models import Practice
from erasmi.compendium.seeds import ERFURT_DE, ERFURT_TR

DEMO_PASSWORD = "erasmi-demo"  # noqa: S105  (demo accounts exist only with DEBUG on)


class Command(BaseCommand):
    help = "Load the demo data: the Erfurt seed profile (de, tr), example practices and, with DEBUG, demo accounts."

    def handle(self, *args, **options):
        services.import_profiles([read_file(ERFURT_DE), read_file(ERFURT_TR)])
        count = demo.load_examples()
        self.stdout.write(f"{Practice.objects.published().count()} published practices ({count} examples).")
        if settings.DEBUG:
            for email, role in [("editor@example.org", User.Role.EDITOR), ("member@example.org", User.Role.MEMBER)]:
                user, created = User.objects.get_or_create(email=email, defaults={"role": role})
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.save()
                    user.emailaddress_set.create(email=email, verified=True, primary=True)
            admin, created = User.objects.get_or_create(email="admin@example.org", defaults={"role": User.Role.ADMIN})
            if created:
                admin.is_staff = admin.is_superuser = True
                admin.set_password(DEMO_PASSWORD)
                admin.save()
                admin.emailaddress_set.create(email=admin.email, verified=True, primary=True)
            self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD}): admin@, editor@, member@example.org")
