from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "erasmi.plans"
    label = "plans"
    verbose_name = _("Action plans")

    def ready(self):
        from erasmi.core import start as core_start
        from erasmi.networks import history
        from erasmi.plans import (
            rules,  # noqa: F401  (registers the permission rules)
            sections,
            start,
        )
        from erasmi.plans.models import AnnualReport, Goal, Indicator, IndicatorValue, Measure, Plan, Target

        core_start.register(start.my_measures, order=30)
        from erasmi.cooperation import sources as cooperation_sources
        from erasmi.plans import cooperation

        cooperation_sources.register_source(
            "plans", _("Joint measure of the action plan"), cooperation.joint_measures, version=cooperation.version
        )
        sections.register_all()
        history.register("plan", Plan, labels={"from": _("copied from")})
        history.register("goal", Goal)
        history.register("measure", Measure, labels={"partners": _("partner organisations")})
        history.register("indicator", Indicator)
        history.register(
            "indicatorvalue",
            IndicatorValue,
            sentences={"created": _("%(who)s recorded a value of the indicator “%(what)s”")},
        )
        history.register("annualreport", AnnualReport, labels={"narratives": _("narrative")})
        history.register("target", Target)
