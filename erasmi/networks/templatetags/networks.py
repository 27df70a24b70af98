from django import template

register = template.Library()


@register.filter
def recorded(person, records: dict):
    """The person as this network recorded them (see people.records_of); anyone else as they are."""
    if person is None or not records:
        return person
    return records.get(person.pk, person)
