from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from erasmi.notifications.models import Topic


class ChoicesForm(forms.Form):
    wanted = forms.MultipleChoiceField(
        label=_("Send me mails about"), choices=Topic.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    language = forms.ChoiceField(label=_("Language of the mails"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils.translation import get_language_info

        # Each language in its own name: whoever reads this page in a language they don't know finds theirs.
        self.fields["language"].choices = [("", _("The language of my account"))] + [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]
