from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from erasmi.core import languages
from erasmi.core.forms import Html5Mixin
from erasmi.core.once import OnceMixin
from erasmi.mailings import segments
from erasmi.mailings.models import Mailing, NewsItem, Subscriber


def language_choices():
    return [(code, languages.name(code)) for code in languages.codes()]


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the mails"), choices=language_choices)


class PreferencesForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Language of the mails"), choices=language_choices)

    class Meta:
        model = Subscriber
        fields = ["wants_info", "wants_digest", "language"]


class NewsForm(OnceMixin, forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000)


class VersionForm(forms.Form):
    """A mailing's subject and introduction in one language."""

    subject = forms.CharField(label=_("Subject"), max_length=200)
    intro = forms.CharField(
        label=_("Introduction"), widget=forms.Textarea(attrs={"rows": 6}), required=False, max_length=20000
    )


class MailingForm(OnceMixin, VersionForm):
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    news = forms.ModelMultipleChoiceField(
        label=_("News"), queryset=NewsItem.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    with_meetings = forms.BooleanField(label=_("With the upcoming meetings"), required=False, initial=True)
    segments = forms.MultipleChoiceField(
        label=_("Recipients (anyone in at least one of the chosen groups, each address once)"),
        widget=forms.CheckboxSelectMultiple,
    )
    visibility = forms.ChoiceField(label=_("Who may read it in the archive"), choices=Mailing.Visibility.choices)

    field_order = ["language", "subject", "intro", "news", "with_meetings", "segments", "visibility"]

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["news"].queryset = NewsItem.objects.filter(network=network).prefetch_related("versions")
        self.fields["news"].label_from_instance = lambda item: str(item.version(languages.current()).title)
        self.fields["segments"].choices = segments.choices(network)
        self.initial.setdefault("language", languages.current())
        self.initial.setdefault("visibility", Mailing.Visibility.MEMBERS)


class ScheduleForm(Html5Mixin, forms.Form):
    when = forms.DateTimeField(
        label=_("Send at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}), required=False
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when and when < timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return when


class TestSendForm(OnceMixin, forms.Form):
    """A double click sends one test mail."""

    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
