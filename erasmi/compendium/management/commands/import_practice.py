from django.core.management.base import BaseCommand, CommandError

from erasmi.compendium import services
from erasmi.compendium.exports import read_csv, read_json
from erasmi.compendium.importers import ProfileError, read_file
from erasmi.compendium.models import Practice
from erasmi.core import languages


def read_profiles(path: str, language: str | None):
    """The profiles in one file: ERASMI template text, or an Erasmi JSON/CSV export."""
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as handle:
            return read_json(handle.read(), path)
    if path.endswith(".csv"):
        with open(path, encoding="utf-8", newline="") as handle:
            return read_csv(handle.read(), path)
    return [read_file(path, language)]


class Command(BaseCommand):
    help = "Import ERASMI profiles (template text, or JSON/CSV exports). All files or none are written."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")
        parser.add_argument("--language", choices=languages.codes(), help="Language of the text files (else detected)")
        parser.add_argument("--status", choices=Practice.Status.values, default=Practice.Status.PUBLISHED)
        parser.add_argument("--example", action="store_true", help="Mark the practices as demonstration examples")

    def handle(self, *args, files, language=None, status, example=False, verbosity=1, **options):
        profiles, errors = [], []
        for path in files:
            try:
                profiles.extend(read_profiles(path, language))
            except (ProfileError, OSError) as error:
                errors.append(str(error))
        if errors:
            raise CommandError("Nothing was imported.\n" + "\n".join(errors))
        results = services.import_profiles(profiles, status=status)
        if example:
            Practice.objects.filter(pk__in=[p.pk for p, _lang, _new in results]).update(is_example=True)
        for profile in profiles:
            for warning in profile.warnings:
                self.stderr.write(f"{profile.path}: {warning}")
        if verbosity:
            for practice, lang, created in results:
                verb = "created" if created else "updated"
                self.stdout.write(f"{verb} {practice.slug} [{lang}]")
            self.stdout.write(
                self.style.SUCCESS(
                    f"{len(results)} version(s) of {len({p.pk for p, _l, _c in results})} practice(s) imported."
                )
            )
