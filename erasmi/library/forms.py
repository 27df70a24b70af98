from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from erasmi.core import countries, languages
from erasmi.core.forms import EditForm
from erasmi.core.once import OnceMixin
from erasmi.library.models import Resource, member_networks
from erasmi.library.services import tag_names
from erasmi.networks import uploads
from erasmi.networks.models import Network


class ResourceForm(OnceMixin, EditForm, forms.ModelForm):
    """A resource, with its title and description in the language of the form."""

    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    spoken = forms.MultipleChoiceField(
        label=_("Languages of the resource"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Choose one or more languages."),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=_("– none: public once published –"),
        help_text=_("A network's resource is seen only by its members until it is shared with all networks."),
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=500, help_text=_("Separate tags with commas."))
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, office documents, images or text, up to 20 MB. Or give a link instead."),
    )

    class Meta:
        model = Resource
        fields = ["kind", "licence", "author", "organisation", "country", "network", "shared", "link"]
        widgets = {"link": forms.URLInput(attrs={"placeholder": "https://"})}

    def __init__(self, *args, user, language: str, translation=None, **kwargs):
        super().__init__(*args, **kwargs)
        resource = self.instance
        self.language = language
        known = languages.world()
        extra = [(code, code) for code in resource.languages if code not in dict(known)]
        self.fields["spoken"].choices = [*known, *extra]
        self.fields["country"].choices = [("", "–"), *countries.choices()]
        network_ids = set(member_networks(user))
        if resource.network_id:
            network_ids.add(resource.network_id)
        if network_ids:
            self.fields["network"].queryset = Network.objects.filter(pk__in=network_ids).order_by("name")
        else:  # someone in no network shares with everyone
            del self.fields["network"], self.fields["shared"]
        self.fields["kind"].choices = list(Resource.Kind.choices)
        if resource.pk:
            self.initial.update(
                title=translation.title if translation else "",
                description=translation.description if translation else "",
                spoken=list(resource.languages),
                tags=", ".join(tag.name for tag in resource.tags.all()),
            )
            # A translation changes only the texts; the shared fields follow the original.
            if translation is None or language != resource.original_language:
                for name in list(self.fields):
                    if name not in ("title", "description", "once", "version_token"):
                        self.fields[name].disabled = True

    def clean_link(self):
        link = self.cleaned_data.get("link", "")
        if link and urlsplit(link).scheme not in ("http", "https"):
            raise ValidationError(_("Give a web address that starts with http:// or https://."))
        return link

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            uploads.check(upload)
        return upload

    def clean_tags(self):
        return ", ".join(tag_names(self.cleaned_data.get("tags", "")))

    def clean(self):
        data = super().clean()
        if self.fields["link"].disabled:
            return data
        has_file = bool(data.get("upload")) or bool(self.instance.file)
        link = data.get("link")
        if data.get("upload") and link:
            self.add_error("link", _("Give either a file or a link, not both."))
        elif not has_file and not link and not self.has_error("upload") and not self.has_error("link"):
            self.add_error("upload", _("Upload a file or give a link."))
        return data

    def resource_fields(self) -> dict:
        """The shared fields of the resource as the form has them."""
        data = self.cleaned_data
        return {
            **{name: data[name] for name in self.Meta.fields if name in self.fields},
            "languages": list(data.get("spoken") or []),
        }


class ReviewForm(OnceMixin, forms.Form):
    DECISIONS = [
        ("publish", _("Publish")),
        ("request_changes", _("Ask for changes")),
        ("withdraw", _("Withdraw from publication")),
    ]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment for the submitter"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "request_changes" and not data.get("comment", "").strip():
            self.add_error("comment", _("Say which changes you ask for."))
        return data


class CommentForm(OnceMixin, forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
