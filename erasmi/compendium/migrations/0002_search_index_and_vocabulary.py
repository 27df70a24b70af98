from django.db import migrations


def install_search(apps, schema_editor):
    """Superseded by 0003 (the side table); kept as a no-op so that history stays linear."""


def uninstall_search(apps, schema_editor):
    pass


def load_vocabulary(apps, schema_editor):
    from erasmi.compendium import vocabulary

    vocabulary.load(apps.get_model("compendium", "Term"))


class Migration(migrations.Migration):
    dependencies = [("compendium", "0001_initial")]

    operations = [
        migrations.RunPython(install_search, uninstall_search),
        migrations.RunPython(load_vocabulary, migrations.RunPython.noop),
    ]
