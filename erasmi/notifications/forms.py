from django import forms
from django.utils.translation import gettext_lazy as _

from erasmi.notifications.models import Topic


class ChoicesForm(forms.Form):
    wanted = forms.MultipleChoiceField(
        label=_("Send me mails about"), choices=Topic.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
