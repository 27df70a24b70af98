from django.db import migrations


def rebuild(apps, schema_editor):
    """The search text now holds the category's names and the names of the offer's languages too."""
    from erasmi.offers.models import search_text_of

    Offer = apps.get_model("offers", "Offer")
    Category = apps.get_model("offers", "Category")
    names = {}
    for category in Category.objects.all():
        names[category.pk] = (list(category.names.values()), category.parent_id)
    batch = []
    fields = ("pk", "titles", "descriptions", "city", "postcode", "address", "category_id", "languages")
    for offer in Offer.objects.only(*fields):
        own, parent = names[offer.category_id]
        categories = own + (names[parent][0] if parent else [])
        offer.search_text = search_text_of(
            offer.titles, offer.descriptions, offer.city, offer.postcode, offer.address, categories, offer.languages
        )
        batch.append(offer)
        if len(batch) == 1000:
            Offer.objects.bulk_update(batch, ["search_text"])
            batch = []
    Offer.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("offers", "0007_field_labels")]
    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
