import pytest

from erasmi.compendium.seeds import ERFURT_DE, ERFURT_TR  # noqa: F401  (used by the tests)

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
