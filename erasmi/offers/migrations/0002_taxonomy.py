from django.db import migrations


def load(apps, schema_editor):
    from erasmi.offers import vocabulary

    vocabulary.load(apps.get_model("offers", "Category"), apps.get_model("offers", "TargetGroup"))


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
