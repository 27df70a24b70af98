from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "erasmi.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self):
        from erasmi.surveys import (
            rules,  # noqa: F401  (registers the permission rules)
            start,
        )

        start.register()
        self.register_history()
        from erasmi.cooperation import sources
        from erasmi.plans import report
        from erasmi.surveys import annual

        report.register_section(annual.report_section, order=60)
        sources.register_source(
            "surveys",
            _("Named in a survey"),
            annual.cooperation_ties,
            version=annual.cooperation_version,
        )

    def register_history(self):
        """Building a survey is in the network's history; answering never is (anonymity)."""
        from erasmi.networks import history
        from erasmi.surveys.models import Survey

        history.register("survey", Survey, labels={"title": _("title"), "intro": _("introduction")})
