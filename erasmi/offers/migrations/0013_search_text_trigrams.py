"""A trigram index on the offers' search text (PostgreSQL): a text search of half a million offers reads
the index instead of every row. SQLite has no such index; there the search reads the rows as before.

Where the database user may not create the pg_trgm extension, nothing is created and the search works
as before, only slower (a note is printed).
"""

from django.db import migrations

INDEX = "offers_offer_search_text_trgm"


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        try:
            cursor.execute("SAVEPOINT erasmi_trgm")
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON offers_offer USING gin (search_text gin_trgm_ops)")
            cursor.execute("RELEASE SAVEPOINT erasmi_trgm")
        except Exception as error:  # noqa: BLE001  (a missing right is no reason to stop the migration)
            cursor.execute("ROLLBACK TO SAVEPOINT erasmi_trgm")
            print(f"\n  Note: no trigram index for the offer search ({error}). The search works, only slower.")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("offers", "0012_place_gazetteer")]

    operations = [migrations.RunPython(create, drop)]
