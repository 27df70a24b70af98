import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from erasmi.networks.models import Organisation
from erasmi.offers import analysis
from erasmi.offers.models import Area, Category, Offer, TargetGroup

ERFURT = (50.9787, 11.0328)
KM_LAT = 1 / 110.574  # degrees of latitude per kilometre


def org(name):
    return Organisation.objects.create(name=name, actor_type="ngo")


def offer(
    organisation,
    *,
    category="counselling-migration",
    targets=("refugees",),
    at=ERFURT,
    north_km=0.0,
    slots=((0, "10:00", "12:00"),),
    online=False,
    starts=None,
    ends=None,
    languages=("de",),
):
    o = Offer.objects.create(
        organisation=organisation,
        titles={"de": f"Angebot {organisation.name}"},
        category=Category.objects.get(slug=category),
        latitude=None if at is None else at[0] + north_km * KM_LAT,
        longitude=None if at is None else at[1],
        online=online,
        schedule=[{"weekday": d, "start": s, "end": e} for d, s, e in slots],
        starts=starts,
        ends=ends,
        languages=list(languages),
    )
    o.target_groups.set(TargetGroup.objects.filter(slug__in=targets))
    return o


def groups(**kwargs):
    found, unlocated = analysis.overlaps(Offer.objects.all(), **kwargs)
    return [sorted(g.offers) for g in found], unlocated


def test_same_service_nearby_at_the_same_time_overlaps(db):
    a, b = offer(org("Caritas")), offer(org("Diakonie"), north_km=1.5, slots=((0, "11:00", "13:00"),))
    found, _ = analysis.overlaps(Offer.objects.all(), distance=2.0)
    assert [g.offers for g in found] == [[a.pk, b.pk]]
    assert found[0].organisations == {a.organisation_id, b.organisation_id}


def test_touching_times_do_not_overlap(db):
    offer(org("A"))
    offer(org("B"), slots=((0, "12:00", "14:00"),))
    assert groups() == ([], [])


def test_the_distance_limit_is_inclusive(db):
    a, b = offer(org("A")), offer(org("B"), north_km=2.0)
    exact = analysis.distance_km(*analysis.load(Offer.objects.order_by("pk"))[0])
    assert groups(distance=exact) == ([[a.pk, b.pk]], [])
    assert groups(distance=exact - 0.001) == ([], [])


def test_other_category_other_target_group_other_weekday_or_dates_do_not_overlap(db):
    year = {"starts": datetime.date(2025, 1, 1), "ends": datetime.date(2025, 12, 31)}
    offer(org("A"), **year)
    offer(org("B"), category="counselling-asylum", **year)
    offer(org("C"), targets=("women",), **year)
    offer(org("D"), slots=((1, "10:00", "12:00"),), **year)
    offer(org("E"), starts=datetime.date(2026, 1, 1))
    offer(org("F"), ends=datetime.date(2024, 12, 31))
    assert groups() == ([], [])


def test_a_chain_of_overlaps_is_one_group(db):
    a = offer(org("A"))
    b = offer(org("B"), north_km=1.8)
    c = offer(org("C"), north_km=3.6)
    assert groups(distance=2.0) == ([[a.pk, b.pk, c.pk]], [])


def test_offers_without_a_fixed_place(db):
    online_a = offer(org("Online A"), at=None, online=True)
    online_b = offer(org("Online B"), at=None, online=True, slots=((0, "11:30", "12:30"),))
    offer(org("Placed"))  # same time, but a place: no overlap with online offers
    nowhere = offer(org("Nowhere"), at=None)
    assert groups() == ([[online_a.pk, online_b.pk]], [nowhere.pk])


def test_gaps_count_offers_and_hours_per_area_and_show_empty_cells(db, erfurt_network):
    north = Area.objects.create(network=erfurt_network, name="Nord", south=50.99, west=10.9, north=51.1, east=11.2)
    south = Area.objects.create(network=erfurt_network, name="Süd", south=50.8, west=10.9, north=50.99, east=11.2)
    offer(org("A"), slots=((0, "10:00", "12:00"), (2, "10:00", "11:30")))  # south, 3.5 h
    offer(org("B"), north_km=5, languages=("de", "tr"))  # north, 2 h
    counselling = Category.objects.get(slug="counselling-migration").pk
    refugees, women = TargetGroup.objects.get(slug="refugees").pk, TargetGroup.objects.get(slug="women").pk
    table = analysis.gaps(Offer.objects.all(), [north, south], {counselling}, {refugees, women})
    assert (table[(counselling, refugees, 0)].offers, table[(counselling, refugees, 0)].hours) == (1, 2.0)
    assert (table[(counselling, refugees, 1)].offers, table[(counselling, refugees, 1)].hours) == (1, 3.5)
    assert table[(counselling, women, 0)].offers == 0 and table[(counselling, women, 1)].offers == 0
    turkish = analysis.gaps(Offer.objects.all(), [north, south], {counselling}, {refugees}, language="tr")
    assert [turkish[(counselling, refugees, i)].offers for i in (0, 1)] == [1, 0]


# Networks without districts used to get an unnamed 2 km grid ("3-4"); now each postcode of their
# offers is an area, named by postcode and place, so that the report names places people know.
def test_without_districts_each_postcode_of_the_offers_is_a_named_area(db):
    for n, postcode in enumerate(["99084", "99084", "99085", " 99086 ", ""]):
        o = offer(org(f"O{n}"), north_km=n * 1.7)
        Offer.objects.filter(pk=o.pk).update(postcode=postcode, city="Erfurt" if postcode else "")
    areas = analysis.postcode_areas(Offer.objects.all())
    assert [a.name for a in areas] == ["99084 Erfurt", "99085 Erfurt", "99086 Erfurt"]
    for o in Offer.objects.exclude(postcode=""):
        assert sum(a.covers(o.postcode) for a in areas) == 1


def test_a_district_covers_the_offers_with_its_postcodes_whether_or_not_they_have_coordinates(db, erfurt_network):
    centre = Area.objects.create(network=erfurt_network, name="Altstadt", postcodes=["99084"])
    inside = offer(org("A"), at=None)
    outside = offer(org("B"))
    Offer.objects.filter(pk=inside.pk).update(postcode="99 084")
    Offer.objects.filter(pk=outside.pk).update(postcode="99085")
    counselling = Category.objects.get(slug="counselling-migration").pk
    refugees = TargetGroup.objects.get(slug="refugees").pk
    table = analysis.gaps(Offer.objects.all(), [centre], {counselling}, {refugees})
    assert (table[(counselling, refugees, 0)].offers, table[(counselling, refugees, 0)].hours) == (1, 2.0)


def test_bad_coordinates_and_schedules_are_refused(db):
    o = Offer(organisation=org("X"), titles={"de": "X"}, category=Category.objects.first(), latitude=95, longitude=11)
    with pytest.raises(ValidationError) as error:
        o.full_clean()
    assert "latitude" in error.value.message_dict
    o = Offer(
        organisation=org("Y"),
        titles={"de": "Y"},
        category=Category.objects.first(),
        schedule=[{"weekday": 0, "start": "12:00", "end": "10:00"}],
    )
    with pytest.raises(ValidationError) as error:
        o.full_clean()
    assert error.value.message_dict["schedule"] == ["A time slot ends before it starts."]
    o = Offer(
        organisation=org("Z"),
        titles={"de": "Z"},
        category=Category.objects.first(),
        starts=datetime.date(2026, 5, 1),
        ends=datetime.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        o.full_clean()
    assert error.value.message_dict["ends"] == ["The end is before the start."]
    with pytest.raises(IntegrityError):
        Offer.objects.create(
            organisation=org("W"), titles={}, category=Category.objects.first(), latitude=-91, longitude=0
        )
