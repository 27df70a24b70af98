import re
import uuid

from django import forms
from django.core.cache import cache
from django.db import models
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from erasmi.core import languages
from erasmi.core.forms import EditForm, Html5Mixin, QuickSelect, TranslationsForm
from erasmi.core.once import OnceMixin
from erasmi.networks import people as people_services
from erasmi.networks import uploads
from erasmi.networks.models import (
    Document,
    JoinRequest,
    Membership,
    Network,
    Organisation,
    Person,
    Role,
    Task,
    WorkingGroup,
)


class WorkingGroupForm(OnceMixin, TranslationsForm, EditForm, forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "topic", "goals", "language", "kind", "ends", "lead", "members"]
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
        people = people.exclude(first_name=Person.ERASED)  # erased people are never offered
        self.fields["lead"].queryset = people
        self.fields["members"].queryset = people
        records = people_services.records_of(network)
        self.fields["lead"].label_from_instance = people_services.label(records)
        self.fields["members"].label_from_instance = people_services.label(records)

    def clean_members(self):
        # Erased members are not shown, but stay in the group's anonymous count.
        erased = self.instance.members.filter(first_name=Person.ERASED) if self.instance.pk else Person.objects.none()
        return [*self.cleaned_data["members"], *erased]

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
        self.fields["working_group"].label_from_instance = lambda group: group.text_in("name")[0]


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
        widgets = {"due": forms.DateInput(attrs={"type": "date"}), "assignee": QuickSelect}

    def __init__(self, *args, group, people_version: str = "", **kwargs):
        """people_version: the token of the network's people (erasmi.networks.versions); the choices are kept
        in the shared cache under it, so the group's page reads no people while they do not change."""
        super().__init__(*args, **kwargs)

        def assignees():  # tasks go to the group's own people (a network can have thousands)
            ids = [*group.members.through.objects.filter(workinggroup=group).values_list("person_id", flat=True)]
            ids += [group.lead_id] if group.lead_id else []  # (an OR of the two in SQL reads every person)
            people = Person.objects.filter(pk__in=ids).exclude(first_name=Person.ERASED)
            label = people_services.label(people_services.records_of(group.network))
            return [(person.pk, label(person)) for person in people.order_by("last_name", "first_name")]

        def chosen():
            if people_version:
                return cache.get_or_set(f"task-assignees:{group.pk}:{people_version}", assignees, 24 * 3600)
            return assignees()

        field = self.fields["assignee"]
        if self.is_bound:  # to check what was sent
            people = chosen()
            field.queryset = Person.objects.filter(pk__in=[pk for pk, _label in people])
            field.choices = [("", field.empty_label), *people]
        else:  # read when the select is written, which a group's page keeps (then: never)
            field.queryset = Person.objects.none()
            field.choices = lambda: [("", field.empty_label), *chosen()]
        for name in ("title", "assignee", "due"):  # the fields may stand apart from their form element
            self.fields[name].widget.attrs["form"] = "new-task"


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
        current = Membership.objects.current().filter(network=network).values("organisation")
        # not former members; in the reader's alphabetical order
        self.fields["organisation"].queryset = languages.in_reading_order(
            Organisation.objects.filter(pk__in=current), "name"
        )

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


# -- organisations and people, edited by coordinators (erasmi/networks/organisations.py, views_people.py) --


class LanguagesField(forms.CharField):
    """Languages spoken, typed as names or codes in any interface language ("Deutsch, tr, Arabic"); kept as codes."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        from erasmi.core import tabular
        from erasmi.networks.importers import language_names

        if isinstance(value, list | tuple):
            return list(value)
        names, codes, unknown = language_names(), [], []
        for token in re.split(r"[,;/|+\n]", super().to_python(value) or ""):
            if token.strip():
                code = names.get(tabular.key(token))
                (codes if code else unknown).append(code or token.strip())
        if unknown:
            raise forms.ValidationError(
                _("“%(value)s” is not a language we know; use a language code such as de or tr.")
                % {"value": unknown[0]}
            )
        return list(dict.fromkeys(codes))


ORGANISATION_FIELDS = ["name", "actor_type", "sector", "street", "postcode", "city", "website", "phone", "email"]


def network_people(network):
    """The network's own records of its people (what its people page shows), without erased ones."""
    entries = models.Q(roles__network=network, roles__record__isnull=True) | models.Q(records__network=network)
    return Person.objects.filter(pk__in=Person.objects.filter(entries).values("pk")).exclude(first_name=Person.ERASED)


class OrganisationAddForm(OnceMixin, Html5Mixin, forms.ModelForm):
    """A coordinator adds a member organisation by hand: a new organisation and its membership."""

    languages = LanguagesField(
        label=_("Languages spoken"), required=False, help_text=_("Names or codes, separated by commas: de, tr, Arabic.")
    )
    joined = forms.DateField(label=_("Member since"), widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = Organisation
        fields = [*ORGANISATION_FIELDS, "languages"]

    def __init__(self, *args, network, **kwargs):
        self.network = network
        super().__init__(*args, **kwargs)
        self.fields["sector"].required = False
        self.fields["sector"].help_text = _("Left empty: state for authorities, non-state for the others.")
        self.initial.setdefault("joined", timezone.localdate())

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if self.network.memberships.current().filter(organisation__name__iexact=name).exists():
            raise forms.ValidationError(_("An organisation of this name is already a member of the network."))
        return name


class OrganisationForm(EditForm, forms.ModelForm):
    """The organisation's details and, for this network only, its contact person."""

    languages = LanguagesField(
        label=_("Languages spoken"), required=False, help_text=_("Names or codes, separated by commas: de, tr, Arabic.")
    )
    contact = forms.ModelChoiceField(queryset=Person.objects.none(), required=False, label=_("Contact person"))

    class Meta:
        model = Organisation
        fields = [*ORGANISATION_FIELDS, "languages"]

    def __init__(self, *args, membership, **kwargs):
        self.membership = membership
        kwargs.setdefault("initial", {})["contact"] = membership.contact_id
        super().__init__(*args, **kwargs)
        people = network_people(membership.network).filter(organisation=membership.organisation)
        if membership.contact_id:  # the current contact stays choosable, unless erased
            people = Person.objects.filter(
                models.Q(pk__in=people.values("pk")) | models.Q(pk=membership.contact_id)
            ).exclude(first_name=Person.ERASED)
        self.fields["contact"].queryset = people.order_by("last_name", "first_name")
        self.fields["contact"].help_text = _("One of the organisation's people in this network.")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = self.membership.network.memberships.current().exclude(organisation=self.instance)
        if others.filter(organisation__name__iexact=name).exists():
            raise forms.ValidationError(_("An organisation of this name is already a member of the network."))
        return name


class MembershipEndForm(Html5Mixin, forms.Form):
    left = forms.DateField(
        label=_("Leaves on"),
        help_text=_("Its people lose access from this day."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, membership, **kwargs):
        self.membership = membership
        super().__init__(*args, **kwargs)
        self.initial.setdefault("left", timezone.localdate())

    def clean_left(self):
        left = self.cleaned_data["left"]
        if left < self.membership.joined:
            raise forms.ValidationError(
                _("The organisation joined on %(date)s; it cannot leave before.")
                % {"date": formats.date_format(self.membership.joined)}
            )
        return left


class PersonEditForm(EditForm, forms.ModelForm):
    """A coordinator edits the network's own record of a person and their role in the network."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.Kind.choices)

    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "phone", "organisation"]

    def __init__(self, *args, role, **kwargs):
        self.role = role
        kwargs.setdefault("initial", {})["role"] = role.kind
        super().__init__(*args, **kwargs)
        self.fields["last_name"].required = False  # people who signed up without one
        current = Membership.objects.current().filter(network=role.network).values("organisation")
        members = Organisation.objects.filter(pk__in=current)
        if self.instance.organisation_id:
            members = members | Organisation.objects.filter(pk=self.instance.organisation_id)
        self.fields["organisation"].queryset = languages.in_reading_order(members.distinct(), "name")
        if role.person.user_id is None:
            self.fields["email"].help_text = _(
                "A changed address gets a new invitation; the invitation to the old address stops working."
            )
        else:
            self.fields["email"].help_text = _(
                "Changes the network's record only; the person signs in with their own account as before."
            )

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email and self.role.network.roles.with_email(email).exclude(pk=self.role.pk).exists():
            raise forms.ValidationError(_("Someone with this e-mail address is already in the network."))
        return email


class JoinRequestForm(OnceMixin, forms.ModelForm):
    class Meta:
        model = JoinRequest
        fields = ["first_name", "last_name", "organisation", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}


class NetworkForm(EditForm, forms.ModelForm):
    """The network's own details, with its description in each language the platform speaks."""

    class Meta:
        model = Network
        fields = [
            "name",
            "city",
            "country",
            "founded",
            "contact_email",
            "language",
            "description",
            "rules_of_procedure",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5}), "rules_of_procedure": forms.Textarea}

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        instance = kwargs.get("instance")
        translated = (instance.description_translations or {}) if instance else {}
        initial = kwargs.setdefault("initial", {})
        for code, _name in settings.LANGUAGES:
            initial[f"description_{code}"] = translated.get(code, "")
        super().__init__(*args, **kwargs)
        self.fields["language"] = forms.ChoiceField(
            label=_("Language of the description"),
            choices=[(code, languages.name_in_words(code)) for code, _name in settings.LANGUAGES],
            required=False,
        )
        for code, _name in settings.LANGUAGES:
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s") % {"language": languages.name_in_words(code)},
                required=False,
                widget=forms.Textarea(attrs={"rows": 4, "lang": code}),
                help_text=_("Leave empty where the description is written in this language, or to show it as written."),
            )

    def translation_fields(self):
        return [self[name] for name in self.fields if name.startswith("description_")]

    def save(self, commit=True):
        network = super().save(commit=False)
        network.description_translations = {
            name.removeprefix("description_"): value.strip()
            for name, value in self.cleaned_data.items()
            if name.startswith("description_") and value.strip()
        }
        if commit:
            network.save()
        return network
