from django.urls import reverse

from erasmi.networks.models import Person
from erasmi.networks.tests.factories import make_event


def test_the_owner_renews_the_personal_feed_and_the_old_address_stops_working(client, member, erfurt_network):
    make_event(erfurt_network, title="Erfurt internal")
    client.force_login(member)
    calendar = client.get(reverse("events:network_calendar", args=["erfurt"]))
    old_url = calendar.context["feed_url"]
    assert client.get(old_url).status_code == 200
    assert reverse("events:renew_feed", args=["erfurt"]) in calendar.content.decode()

    response = client.post(reverse("events:renew_feed", args=["erfurt"]), follow=True)

    new_url = response.context["feed_url"]
    assert new_url != old_url
    assert "new address" in response.content.decode()
    client.logout()
    assert client.get(old_url).status_code == 404
    assert b"Erfurt internal" in client.get(new_url).content


def test_renewing_needs_a_post_and_a_signed_in_member(client, member, other_member, erfurt_network):
    token = Person.for_user(member).feed_token
    url = reverse("events:renew_feed", args=["erfurt"])
    assert client.post(url).status_code == 302  # to the sign-in page
    client.force_login(member)
    assert client.get(url).status_code == 405
    client.force_login(other_member)
    assert client.post(url).status_code == 404  # not a member of this network
    assert Person.for_user(member).feed_token == token
