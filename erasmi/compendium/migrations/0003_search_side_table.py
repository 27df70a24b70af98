from django.db import migrations

from erasmi.core import search


def install_search(apps, schema_editor):
    """The index moves to a narrow side table on PostgreSQL too; rebuild it there."""
    model = apps.get_model("compendium", "PracticeTranslation")
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {model._meta.db_table}_fts")
    else:
        schema_editor.execute(f"DROP INDEX IF EXISTS {model._meta.db_table}_search")
    search.install(schema_editor, model)
    rows = model.objects.only("pk", "language", "search_text")
    search.index(model, rows)


class Migration(migrations.Migration):
    dependencies = [("compendium", "0002_search_index_and_vocabulary"), ("core", "0001_initial")]

    operations = [
        migrations.RemoveField(model_name="practicetranslation", name="search_vector"),
        migrations.RunPython(install_search, migrations.RunPython.noop),
    ]
