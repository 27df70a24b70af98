"""What the platform stores about a person, and forgetting it."""

from django.contrib.auth import logout
from django.db import transaction

from erasmi.accounts.models import User


def personal_data(user: User) -> dict:
    """Everything stored about the person, as one JSON-ready document."""
    from erasmi.compendium.models import PracticeRevision

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
    }


@transaction.atomic
def delete_account(request, user: User) -> None:
    """Delete the account. Published content stays (under its licence) without the person's name."""
    logout(request)
    user.delete()
