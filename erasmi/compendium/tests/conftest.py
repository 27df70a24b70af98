from pathlib import Path

import pytest

from erasmi.compendium import services
from erasmi.compendium.importers import read_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ERFURT_DE = SEEDS / "erfurt-de.txt"
ERFURT_TR = SEEDS / "erfurt-tr.txt"


@pytest.fixture
def erfurt(db):
    """The seed profile, imported in German and Turkish."""
    services.import_profiles([read_file(ERFURT_DE), read_file(ERFURT_TR)])
    from erasmi.compendium.models import Practice

    return Practice.objects.get()


ENGLISH_PROFILE = """Example of good practice: HARBOUR WELCOME NETWORK

Status of information: March 2021

1. GENERAL INFORMATION

Name of the network\tHarbour Welcome Network
Founding year\t2016
Location\tCork / Munster / Ireland
Coordinating organisation\tCork City Council
Degree of formalisation\tInformal cooperation
Members\tAbout 25 organisations
Field(s) of action\tLabour market; Housing
Target group(s)\tMigrants and refugees; Volunteers
Network type\tCivil society network

2. NETWORK PROFILE

Short description\tA network of port-city organisations welcoming newcomers.
Resources\t• Volunteer time • A shared office
Internal communication & moderation techniques\t• Monthly meetings
External communication & event formats\t• Newsletter

3. SUCCESS FACTORS AND CHALLENGES

Success factors\t• Trust
Challenges & solutions\t• Funding
Evaluation & sustainability\t• Annual review
Impact, innovation & transfer potential\tTransferable to other port cities.

4. FURTHER INFORMATION

Website, social media\twww.harbour-welcome.example
E-mail address\tinfo@harbour-welcome.example
"""


@pytest.fixture
def english_profile_text():
    return ENGLISH_PROFILE
