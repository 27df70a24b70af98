from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def rename_person(sender, user, **kwargs) -> None:
    """The person linked to the account takes the name its owner gave themselves.

    Only that person: what a network typed of them (Role.record) stays the network's own.
    """
    from erasmi.networks import versions
    from erasmi.networks.models import Person

    people = Person.objects.filter(user=user).exclude(first_name=Person.ERASED)
    people.update(first_name=user.first_name, last_name=user.last_name)
    versions.bump_for_people(people.values("pk"))


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
        self.connect_versions()

    def connect_versions(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

        from erasmi.networks import versions
        from erasmi.networks.models import Document, Membership, Organisation, Person, Role, Task, WorkingGroup

        for model in (Membership, Organisation, Person, Role, WorkingGroup):
            post_save.connect(versions.changed, sender=model, dispatch_uid=f"versions.saved.{model.__name__}")
        for model in (Membership, Role, WorkingGroup):
            post_delete.connect(versions.changed, sender=model, dispatch_uid=f"versions.deleted.{model.__name__}")
        for model in (Organisation, Person, Document):  # what refers to them is set to NULL without a signal
            pre_delete.connect(versions.deleting, sender=model, dispatch_uid=f"versions.deleting.{model.__name__}")
        for model in (Document, Task):
            for signal in (post_save, post_delete):
                signal.connect(versions.work_changed, sender=model, dispatch_uid=f"versions.work.{signal}.{model}")
        through = WorkingGroup.members.through
        m2m_changed.connect(versions.group_members_changed, sender=through, dispatch_uid="versions.group_members")
        post_delete.connect(
            lambda sender, instance, **kwargs: versions.group_members_changed(sender, instance, "post_delete"),
            sender=through,
            weak=False,
            dispatch_uid="versions.group_member_deleted",
        )

    def register_history(self):
        from django.conf import settings
        from django.utils.text import format_lazy

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
        history.register(
            "network",
            Network,
            labels={
                f"description_{code}": format_lazy("{} ({})", _("description"), code)
                for code, _name in settings.LANGUAGES
            },
        )
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
