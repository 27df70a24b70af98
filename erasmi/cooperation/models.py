from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from erasmi.networks.models import Network, Organisation


class PartnershipQuerySet(models.QuerySet):
    def confirmed(self) -> "PartnershipQuerySet":
        return self.filter(state=Partnership.State.CONFIRMED)

    def open(self) -> "PartnershipQuerySet":
        return self.filter(state=Partnership.State.PROPOSED)

    def between(self, first_id: int, second_id: int) -> "PartnershipQuerySet":
        return self.filter(
            Q(organisation_id=first_id, partner_id=second_id) | Q(organisation_id=second_id, partner_id=first_id)
        )


class Partnership(models.Model):
    """Two member organisations declare that they cooperate.

    A coordinator records it (confirmed at once), or one organisation proposes it and the other
    confirms or declines: only a confirmed partnership is an edge of the cooperation graph.
    """

    class State(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")

    network = models.ForeignKey(Network, models.CASCADE, related_name="partnerships")
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="+", verbose_name=_("organisation")
    )  # the one that proposed it (or the first one a coordinator named)
    partner = models.ForeignKey(Organisation, models.CASCADE, related_name="+", verbose_name=_("partner organisation"))
    since = models.DateField(_("cooperating since"), default=timezone.localdate)
    description = models.CharField(_("what you do together"), max_length=300, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["-since", "pk"]
        verbose_name = _("partnership")
        constraints = [
            models.CheckConstraint(condition=~Q(organisation=models.F("partner")), name="partnership_of_two")
        ]

    def __str__(self):
        return f"{self.organisation} – {self.partner}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.PROPOSED
