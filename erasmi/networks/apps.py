from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "erasmi.networks"
    label = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from erasmi.networks import (
            rules,  # noqa: F401  (registers the permission rules)
            start,
        )

        start.register()
        self.register_history()

    def register_history(self):
        from erasmi.networks import history
        from erasmi.networks.models import (
            Document,
            Invitation,
            Membership,
            Organisation,
            Person,
            Role,
            Task,
            WorkingGroup,
        )

        yes_no = [("yes", _("yes")), ("no", _("no"))]
        history.register("membership", Membership, related=(Organisation,), choices={"agreement": yes_no})
        history.register("organisation", Organisation)
        history.register("person", Person, choices={"role": Role.Kind.choices})
        history.register("role", Role, choices={"role": Role.Kind.choices})
        history.register("invitation", Invitation, choices={"role": Role.Kind.choices})
        history.register("workinggroup", WorkingGroup)
        history.register("document", Document)
        history.register("task", Task, labels={"working_group": _("working group")})
