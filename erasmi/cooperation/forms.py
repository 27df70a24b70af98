from django import forms
from django.utils.translation import gettext_lazy as _

from erasmi.cooperation.models import Partnership
from erasmi.core.forms import Html5Mixin
from erasmi.core.languages import in_reading_order
from erasmi.core.once import OnceMixin
from erasmi.networks.models import Organisation


class PartnershipForm(OnceMixin, Html5Mixin, forms.ModelForm):
    """A member proposes a partnership of their organisation; a coordinator records one between any two members."""

    class Meta:
        model = Partnership
        fields = ["organisation", "partner", "since", "description"]
        widgets = {"since": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, network, own: int | None, coordinator: bool, **kwargs):
        self.network = network
        super().__init__(*args, **kwargs)
        members = in_reading_order(
            Organisation.objects.filter(pk__in=network.memberships.current().values("organisation")), "name"
        )
        self.fields["partner"].queryset = members
        if coordinator:
            self.fields["organisation"].queryset = members
            self.initial.setdefault("organisation", own)
        else:  # members speak for their own organisation only
            del self.fields["organisation"]
            self.instance.organisation_id = own
            self.fields["partner"].queryset = members.exclude(pk=own)
        self.fields["description"].help_text = _("For example: a joint language café, referrals, a shared project.")

    @property
    def own_organisation(self):
        """The member's own organisation (None for a coordinator's form, and when the field was left wrong)."""
        return self.instance.organisation if self.instance.organisation_id else None

    def clean(self):
        cleaned = super().clean()
        first = cleaned.get("organisation") or self.own_organisation
        partner = cleaned.get("partner")
        if first and partner:
            if first == partner:
                self.add_error("partner", _("Choose another organisation than the first."))
            elif (
                Partnership.objects.filter(network=self.network)
                .exclude(state=Partnership.State.DECLINED)
                .between(first.pk, partner.pk)
                .exists()
            ):
                self.add_error("partner", _("These two organisations have declared a partnership already."))
        return cleaned
