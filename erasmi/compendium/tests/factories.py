"""Practices for tests, built through the same service code as imports and submissions."""

from erasmi.compendium import services
from erasmi.compendium.models import Practice


def make_practice(name: str, language: str = "en", status=Practice.Status.PUBLISHED, **values) -> Practice:
    defaults = {
        "name": name,
        "location": values.pop("location", "Cork / Munster / Ireland"),
        "short_description": values.pop("short_description", f"{name} brings local organisations together."),
        "members": values.pop("members", "About 30"),
        "network_type": values.pop("network_type", "Civil society network"),
        "fields_of_action": values.pop("fields_of_action", ["Housing"]),
        "target_groups": values.pop("target_groups", ["Volunteers"]),
        "founding_year": values.pop("founding_year", 2010),
    }
    submitted_by = values.pop("submitted_by", None)
    practice, _created = services.save_version({**defaults, **values}, language, practice=None, status=status)
    if submitted_by:
        practice.submitted_by = submitted_by
        practice.save()
    return practice
