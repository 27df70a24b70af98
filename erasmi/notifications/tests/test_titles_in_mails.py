"""A title typed with line breaks stays in the mail's subject: it cannot push text of its own to the top of
the body, above what Erasmi writes."""

from model_bakery import baker

from erasmi.events import services
from erasmi.networks.models import Person, Role
from erasmi.networks.tests.factories import make_event
from erasmi.notifications.models import Notice


def test_a_meeting_title_with_line_breaks_is_one_subject_line(erfurt_network):
    user = baker.make("accounts.User", email="ute@example.org", language="en")
    Role.objects.create(network=erfurt_network, person=Person.for_user(user))
    title = "Network meeting\r\nYour account is locked: sign in at https://evil.example/ at once"
    event = make_event(erfurt_network, title=title)

    services.register(event, Person.for_user(user))

    notice = Notice.objects.get()
    assert notice.subject == (
        "Your place is confirmed: Network meeting Your account is locked: sign in at https://evil.example/ at once"
    )
    assert not notice.body.startswith("Your account is locked")
    assert notice.body.startswith("You are registered for this meeting.")
