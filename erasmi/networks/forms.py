import uuid

from django import forms
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from erasmi.core.forms import EditForm, Html5Mixin
from erasmi.core.once import OnceMixin
from erasmi.networks import people as people_services
from erasmi.networks import uploads
from erasmi.networks.models import Document, Membership, Organisation, Person, Role, Task, WorkingGroup


class WorkingGroupForm(OnceMixin, EditForm, forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "topic", "goals", "kind", "ends", "lead", "members"]
        widgets = {
            "ends": forms.DateInput(attrs={"type": "date"}),
            "goals": forms.Textarea(attrs={"rows": 4}),
            "members": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, network, **kwargs):
        self.network = network
        super().__init__(*args, **kwargs)
        # People with an active role; whoever the group has now stays choosable (no access comes with it).
        active = Role.objects.active().filter(network=network).values("person")
        current = models.Q(pk=self.instance.lead_id)
        if self.instance.pk:
            current |= models.Q(pk__in=self.instance.members.values("pk"))
        people = Person.objects.filter(models.Q(pk__in=active) | current).select_related("organisation")
        self.fields["lead"].queryset = people
        self.fields["members"].queryset = people
        records = people_services.records_of(network)
        self.fields["lead"].label_from_instance = people_services.label(records)
        self.fields["members"].label_from_instance = people_services.label(records)

    def clean(self):
        data = super().clean()
        if data.get("kind") == WorkingGroup.Kind.TEMPORARY and not data.get("ends"):
            self.add_error("ends", _("A temporary group needs an end date."))
        slug = slugify(data.get("name") or "")
        if not slug:
            self.add_error("name", _("The name needs letters or digits."))
        elif WorkingGroup.objects.filter(network=self.network, slug=slug).exclude(pk=self.instance.pk).exists():
            self.add_error("name", _("This network already has a working group of that name."))
        return data

    def save(self, commit=True):
        self.instance.network = self.network
        if not self.instance.pk:  # a renamed group keeps its address
            self.instance.slug = slugify(self.cleaned_data["name"])[:80]
        return super().save(commit)


class MemberImportForm(forms.Form):
    file = forms.FileField(
        label=_("Member list (CSV or XLSX)"),
        help_text=_("First row: column names such as Organisation, Actor type, City, Joined."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".tsv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class UploadField(forms.FileField):
    def validate(self, value):
        super().validate(value)
        if value:
            uploads.check(value)


def _note_field():
    return forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What is new in this version (optional)."),
    )


class DocumentForm(OnceMixin, forms.ModelForm):
    file = UploadField(label=_("File"), help_text=_("PDF, office documents, images or text; up to 20 MB."))
    note = _note_field()

    class Meta:
        model = Document
        fields = ["title", "kind", "working_group"]

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_group"].queryset = network.working_groups.all()


class VersionForm(OnceMixin, forms.Form):
    file = UploadField(label=_("New version"), help_text=_("PDF, office documents, images or text; up to 20 MB."))
    note = _note_field()


class DocumentEditForm(EditForm, forms.ModelForm):
    """Rename a document (or file it under another kind)."""

    class Meta:
        model = Document
        fields = ["title", "kind"]


class TaskForm(OnceMixin, Html5Mixin, forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "assignee", "due"]
        widgets = {"due": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        # Tasks go to the group's own people (a network can have thousands).
        people = Person.objects.filter(models.Q(working_groups=group) | models.Q(led_groups=group)).distinct()
        self.fields["assignee"].queryset = people.order_by("last_name", "first_name")
        self.fields["assignee"].label_from_instance = people_services.label(people_services.records_of(group.network))


class MembershipForm(EditForm, forms.ModelForm):
    agreement_file = UploadField(label=_("Signed agreement (file)"), required=False)

    class Meta:
        model = Membership
        fields = ["joined", "left", "agreement_signed", "agreement_date_unknown", "listed_publicly"]
        widgets = {name: forms.DateInput(attrs={"type": "date"}) for name in ["joined", "left", "agreement_signed"]}

    def clean(self):
        data = super().clean()
        if data.get("joined") and data.get("left") and data["left"] < data["joined"]:
            self.add_error("left", _("The member left before joining."))
        return data


class PersonForm(forms.ModelForm):
    """A coordinator adds someone to the network: the network's own record, invited by mail if it has an address."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.Kind.choices, initial=Role.Kind.MEMBER)
    # A new key each time the form is shown: the same form sent twice (a double click) adds one person.
    key = forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)

    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "phone", "organisation"]
        help_texts = {"email": _("The person gets an invitation to accept or decline.")}

    def __init__(self, *args, network, **kwargs):
        self.network = network
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(memberships__network=network).distinct()

    def already_added(self) -> Role | None:
        """The role this very form added before (the second click of a double click)."""
        try:
            key = uuid.UUID(str(self.data.get("key", "")))
        except ValueError:
            return None
        return self.network.roles.filter(form_key=key).first()

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email and self.network.roles.with_email(email).exists():
            raise forms.ValidationError(_("Someone with this e-mail address is already in the network."))
        return email

    def person_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}
