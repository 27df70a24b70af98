from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def rename_person(sender, user, **kwargs) -> None:
    """The person linked to the account takes the name its owner gave themselves.

    Only that person: what a network typed of them (Role.record) stays the network's own.
    """
    from erasmi.networks.models import Person

    Person.objects.filter(user=user).exclude(first_name=Person.ERASED).update(
        first_name=user.first_name, last_name=user.last_name
    )


class NetworksConfig(AppConfig):
    name = "erasmi.networks"
    label = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from erasmi.accounts.signals import name_changed
        from erasmi.networks import (
            rules,  # noqa: F401  (registers the permission rules)
            start,
        )

        name_changed.connect(rename_person, dispatch_uid="networks.rename_person")
        from erasmi.core import tasks
        from erasmi.networks.notices import send_document_digest

        # Early each morning, the documents uploaded to working groups the day before.
        tasks.periodic("networks.document_digest", tasks.Daily(hour=6), send_document_digest)
        start.register()
        self.register_history()

    def register_history(self):
        from erasmi.networks import history
        from erasmi.networks.models import (
            Document,
            Invitation,
            JoinRequest,
            Membership,
            Network,
            Organisation,
            Person,
            Role,
            Task,
            WorkingGroup,
        )

        yes_no = [("yes", _("yes")), ("no", _("no"))]
        history.register("membership", Membership, related=(Organisation,), choices={"agreement": yes_no})
        history.register("organisation", Organisation)
        history.register("network", Network, label=_("network"))
        history.register("person", Person, choices={"role": Role.Kind.choices})
        history.register("role", Role, choices={"role": Role.Kind.choices})
        history.register("invitation", Invitation, choices={"role": Role.Kind.choices})
        history.register("workinggroup", WorkingGroup)
        history.register("document", Document)
        history.register("task", Task, labels={"working_group": _("working group")})
        history.register(
            "joinrequest",
            JoinRequest,
            label=_("request to join"),
            choices={"role": Role.Kind.choices},
            sentences={
                "accepted": _("%(who)s accepted the request to join of “%(what)s”"),
                "declined": _("%(who)s declined the request to join of “%(what)s”"),
            },
        )
