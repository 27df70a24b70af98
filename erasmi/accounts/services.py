"""What the platform stores about a person, and forgetting it."""

from django.contrib.auth import logout
from django.db import transaction

from erasmi.accounts.models import User


def personal_data(user: User) -> dict:
    """Everything stored about the person, as one JSON-ready document."""
    from erasmi.compendium.models import PracticeRevision
    from erasmi.learning.services import personal_data as toolkit_data
    from erasmi.library.services import personal_data as library_data

    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "role": user.role,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary} for a in user.emailaddress_set.all()
        ],
        "submitted_practices": [
            {"slug": p.slug, "status": p.status, "created": p.created.isoformat()}
            for p in user.submitted_practices.all()
        ],
        "person": _person_data(user),
        "notifications": _notification_data(user),
        "changes": [
            {
                "practice": r.practice.slug,
                "action": r.action,
                "language": r.language,
                "comment": r.comment,
                "created": r.created.isoformat(),
            }
            for r in PracticeRevision.objects.filter(author=user).select_related("practice")
        ],
        "toolkit": toolkit_data(user),
        "library": library_data(user),
    }


def _person_data(user: User) -> dict | None:
    from erasmi.networks.models import Person

    person = Person.objects.filter(user=user).select_related("organisation").first()
    if person is None:
        return None
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
        "organisation": person.organisation.name if person.organisation else None,
        "roles": [{"network": r.network.name, "role": r.kind} for r in person.roles.select_related("network")],
        "working_groups": [g.name for g in person.working_groups.all()],
        "registrations": [
            {"event": r.event.title, "starts": r.event.starts.isoformat(), "status": r.status, "attended": r.attended}
            for r in person.registrations.select_related("event")
        ],
    }


def _notification_data(user: User) -> dict:
    from erasmi.notifications.models import Notice, Preference

    address = user.email.lower()
    choice = Preference.objects.filter(address=address).first()
    return {
        "turned_off": choice.off if choice else [],
        "mails": [
            {"subject": n.subject, "created": n.created.isoformat(), "sent": n.sent.isoformat() if n.sent else None}
            for n in Notice.objects.filter(address=address)
        ],
    }


def rename(user: User) -> None:
    """The account's new name reaches what other apps keep of the person (see signals.name_changed)."""
    from erasmi.accounts.signals import name_changed

    name_changed.send(sender=User, user=user)


@transaction.atomic
def delete_account(request, user: User) -> None:
    """Delete the account and erase the person behind it.

    Published content stays (under its licence) without the person's name; the
    networks keep anonymous counts (roles, registrations, attendance).
    """
    from erasmi.networks.models import Person
    from erasmi.notifications.services import forget

    for person in Person.objects.filter(user=user):
        person.erase()
    forget(user.email)
    logout(request)
    user.delete()
