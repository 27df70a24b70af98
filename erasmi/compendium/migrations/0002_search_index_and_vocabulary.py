from django.db import migrations

from erasmi.core import search


def install_search(apps, schema_editor):
    search.install(schema_editor, apps.get_model("compendium", "PracticeTranslation"))


def uninstall_search(apps, schema_editor):
    search.uninstall(schema_editor, apps.get_model("compendium", "PracticeTranslation"))


def load_vocabulary(apps, schema_editor):
    from erasmi.compendium import vocabulary

    vocabulary.load(apps.get_model("compendium", "Term"))


class Migration(migrations.Migration):
    dependencies = [("compendium", "0001_initial")]

    operations = [
        migrations.RunPython(install_search, uninstall_search),
        migrations.RunPython(load_vocabulary, migrations.RunPython.noop),
    ]
