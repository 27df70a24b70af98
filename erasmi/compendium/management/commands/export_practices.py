from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from erasmi.compendium import exports, pdf
from erasmi.core import languages


class Command(BaseCommand):
    help = "Export the published practices as JSON, CSV or a printable PDF compendium."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv", "pdf"], required=True)
        parser.add_argument(
            "--language", choices=languages.codes(), help="PDF: the compendium's language; CSV: only this language"
        )
        parser.add_argument(
            "-o", "--output", required=True, help="File to write ('-' for standard output, not for PDF)"
        )

    def handle(self, *args, format, language=None, output, **options):
        if format == "pdf" and not language:
            raise CommandError("--language is required for the PDF compendium")
        practices = exports.export_queryset()
        if format == "json":
            data = exports.to_json(practices).encode()
        elif format == "csv":
            data = exports.to_csv(practices, language).encode()
        else:
            data = pdf.compendium_pdf(practices, language)
        if output == "-":
            if format == "pdf":
                raise CommandError("write the PDF to a file with -o FILE")
            self.stdout.write(data.decode())
        else:
            Path(output).write_bytes(data)
            self.stderr.write(f"wrote {output} ({len(data)} bytes)")
