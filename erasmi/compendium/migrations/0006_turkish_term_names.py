"""Better Turkish names for four vocabulary terms. A database keeps a name an editor has changed since; the
former wording stays a synonym (alias) where the importer may still meet it (the Turkish seed profile)."""

from django.db import migrations

# kind, slug, former Turkish name, new Turkish name, whether the former name stays an alias
RENAMES = [
    (
        "field_of_action",
        "cross-cutting",
        "Genel olarak Dahil Etme / Entegrasyon",
        "Dahil etme / entegrasyonla ilgili kesişen konular",
        True,
    ),
    ("field_of_action", "labour-market", "İş piyasası", "İşgücü piyasası", True),
    ("formalisation", "informal-cooperation", "Gayri resmi işbirliği", "Gayriresmî işbirliği", True),
    ("target_group", "public-administration", "Kamu Yönetimi", "Kamu yönetimi", False),  # the case does not count
]


def rename(apps, schema_editor, forward=True):
    Term = apps.get_model("compendium", "Term")
    for kind, slug, former, new, alias in RENAMES:
        term = Term.objects.filter(kind=kind, slug=slug).first()
        if term is None:
            continue
        before, after = (former, new) if forward else (new, former)
        if term.names.get("tr") == before:
            term.names = {**term.names, "tr": after}
        if alias and forward and former not in term.aliases:
            term.aliases = [*term.aliases, former]
        term.save()


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("compendium", "0005_term_proposals")]

    operations = [migrations.RunPython(rename, rename_back)]
