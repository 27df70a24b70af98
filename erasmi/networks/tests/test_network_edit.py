"""A coordinator keeps the network's own details in Erasmi's pages, its description in every language."""

from django.urls import reverse
from django.utils import translation
from model_bakery import baker

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.networks.models import HistoryEntry, Network
from erasmi.networks.tests.factories import make_network


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def test_a_coordinator_writes_the_description_in_turkish_and_turkish_visitors_read_it(
    client, coordinator, erfurt_network
):
    erfurt_network.description, erfurt_network.language = "Das Netzwerk der Stadt.", "de"
    erfurt_network.save()
    client.force_login(coordinator)
    form = as_browser_sends(client.get(url("networks:edit", "erfurt", language="de")).context["form"])
    response = client.post(
        url("networks:edit", "erfurt", language="de"), {**form, "description_tr": "Kentin ağı."}, follow=True
    )
    assert "Die Angaben zum Netzwerk wurden gespeichert." in response.text
    visitor = client.__class__()
    turkish = visitor.get(url("networks:detail", "erfurt", language="tr")).text
    assert 'lang="tr"' in turkish and "Kentin ağı." in turkish and "Das Netzwerk der Stadt." not in turkish
    italian = visitor.get(url("networks:detail", "erfurt", language="it")).text
    assert "Das Netzwerk der Stadt." in italian and "tedesco" in italian  # "shown in German", in Italian
    entry = HistoryEntry.objects.get(object_type="network", action=HistoryEntry.Action.CHANGED)
    assert entry.changes == {"description_tr": "Kentin ağı."}


def test_the_network_form_saved_unchanged_changes_nothing_in_german_and_turkish(client, coordinator, erfurt_network):
    Network.objects.filter(pk=erfurt_network.pk).update(
        description="Zeile eins\nZeile zwei", language="de", founded=2004, description_translations={"tr": "Bir"}
    )
    client.force_login(coordinator)
    for language in ("de", "tr"):
        page = client.get(url("networks:edit", "erfurt", language=language))
        response = client.post(
            url("networks:edit", "erfurt", language=language), as_browser_sends(page.context["form"])
        )
        assert response.status_code == 302
    assert not HistoryEntry.objects.filter(object_type="network").exists()
    network = Network.objects.get(pk=erfurt_network.pk)
    assert (network.description, network.founded, network.description_translations) == (
        "Zeile eins\nZeile zwei",
        2004,
        {"tr": "Bir"},
    )


def test_only_the_networks_coordinators_edit_its_details(client, member, erfurt_network):
    client.force_login(member)
    assert client.get(url("networks:edit", "erfurt")).status_code in (403, 404)
    stranger = baker.make("accounts.User", email="halle@example.org")
    make_network("halle", stranger)
    client.force_login(stranger)
    assert client.post(url("networks:edit", "erfurt"), {"name": "Übernommen"}).status_code in (403, 404)
    assert Network.objects.get(slug="erfurt").name != "Übernommen"


def test_a_language_named_inside_a_sentence_is_written_as_the_reader_writes_it():
    from erasmi.core.languages import name_in_sentence

    expected = {"it": "tedesco", "da": "tysk", "de": "Deutsch", "tr": "Almanca", "en": "German"}
    for reader, name in expected.items():
        with translation.override(reader):
            assert name_in_sentence("de") == name


def test_the_coordinator_finds_the_page_on_the_network_page_and_changes_the_details(
    client, coordinator, erfurt_network
):
    client.force_login(coordinator)
    assert url("networks:edit", "erfurt") in client.get(erfurt_network.get_absolute_url()).text
    data = as_browser_sends(client.get(url("networks:edit", "erfurt")).context["form"])
    data.update(description="Wir treffen uns im Rathaus.", contact_email="netzwerk@erfurt.example.org")
    response = client.post(url("networks:edit", "erfurt"), data, follow=True)
    assert "The network&#x27;s details were saved." in response.text
    assert "Wir treffen uns im Rathaus." in response.text and "mailto:netzwerk@erfurt.example.org" in response.text
    entry = HistoryEntry.objects.get(network=erfurt_network, action="changed", object_type="network")
    assert set(entry.changes) == {"description", "contact_email"}
    with translation.override("de"):
        history = client.get(reverse("networks:history", args=["erfurt"])).text
    assert "Netzwerk" in history
