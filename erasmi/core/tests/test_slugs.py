import pytest

from erasmi.core.slugs import slug_for


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Integrationsnetværk", "integrationsnetvaerk"),
        ("Aktørnetværk Århus", "aktoernetvaerk-aarhus"),
        ("Straßennetzwerk Köln", "strassennetzwerk-koln"),
        ("Netzwerk für Integration", "netzwerk-fur-integration"),
        ("Göçmen ağı Şişli", "gocmen-agi-sisli"),
        ("Işık ağı", "isik-agi"),
        ("Migrant*innenorganisationen", "migrantinnenorganisationen"),
        ("Rete di quartiere à Torino", "rete-di-quartiere-a-torino"),
    ],
)
def test_names_are_transliterated_into_urls_not_cut(name, slug):
    assert slug_for(name) == slug


def test_a_name_without_letters_gets_the_fallback():
    assert slug_for("***", fallback="practice") == "practice"
