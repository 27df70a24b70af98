import smtplib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import FileResponse, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from erasmi.accounts.adapter import AFTER_SIGN_IN
from erasmi.core import fragments, languages, once, params, permissions, start
from erasmi.core.forms import locked
from erasmi.core.paging import page_number, paginate
from erasmi.core.spreadsheets import XLSX_TYPE
from erasmi.networks import exports, importers, services, tasks, versions
from erasmi.networks import history as history_words
from erasmi.networks import people as people_services
from erasmi.networks.editing import edit_page
from erasmi.networks.forms import (
    DocumentForm,
    MemberImportForm,
    MembershipForm,
    NetworkForm,
    PersonForm,
    TaskForm,
    VersionForm,
    WorkingGroupForm,
)
from erasmi.networks.models import (
    Document,
    DocumentVersion,
    HistoryEntry,
    Invitation,
    Network,
    Organisation,
    Person,
    Role,
    WorkingGroup,
)


def _network(request, slug, action=None) -> Network:
    """The network, if the user may do the action on it (404 for outsiders of internal pages)."""
    network = get_object_or_404(Network, slug=slug)
    if action:
        permissions.require(request.user, action, network, hide=True)
    return network


def network_list(request):
    networks = Network.objects.annotate(n_groups=Count("working_groups", distinct=True)).order_by("name")
    return render(request, "networks/list.html", {"networks": networks})


def network_detail(request, slug):
    """Members see their overview of the network; visitors its public profile (see core.start)."""
    network = _network(request, slug)
    member = permissions.can(request.user, "network.view_internal", network)
    overview = start.Overview(request.user, network=network, is_member=member)
    description, description_language = network.description_in(get_language())
    return render(
        request,
        "networks/detail.html",
        {
            "network": network,
            "description": description,
            "description_language": description_language,
            "is_member": member,
            "can_manage": permissions.can(request.user, "network.manage", network),
            "member_count": network.memberships.current().count(),
            "groups": network.working_groups.select_related("lead") if member else [],
            "records": people_services.records_of(network) if member else {},
            "sections": start.sections(overview) if member else [],
            "public_sections": start.public_sections(overview),
        },
    )


def _rows(memberships) -> list[dict]:
    """The member list as plain rows: a page of a large network renders without model objects."""
    types, sectors = dict(Organisation.ActorType.choices), dict(Organisation.Sector.choices)
    fields = (
        "pk",
        "organisation__name",
        "organisation__actor_type",
        "organisation__sector",
        "joined",
        "left",
        "agreement_signed",
        "agreement_date_unknown",
        "agreement_document",
    )
    return [
        {
            "pk": pk,
            "name": name,
            "actor_type": types[actor_type],
            "sector": sectors[sector],
            "joined": joined,
            "left": left,
            "agreement_signed": signed,
            "agreement_date_unknown": undated,
            "agreement_document": document,
        }
        for pk, name, actor_type, sector, joined, left, signed, undated, document in memberships.values_list(*fields)
    ]


def _memberships(network, request):
    memberships = network.memberships.select_related("organisation")
    if request.GET.get("former") != "1":
        memberships = memberships.current()
    if actor_type := request.GET.get("type"):
        memberships = memberships.filter(organisation__actor_type=actor_type)
    return memberships


@login_required
def members(request, slug):
    network = _network(request, slug, "network.view_internal")
    memberships = _memberships(network, request)

    def listing():
        # In the reader's alphabetical order ("Afrikanisch" before "AWO"): the keys sorted here, a page read by key.
        page, _query = paginate(request, languages.collated_ids(memberships, "organisation__name"), 100)
        position = {pk: n for n, pk in enumerate(page.object_list)}
        rows = sorted(_rows(memberships.filter(pk__in=page.object_list)), key=lambda row: position[row["pk"]])
        return {"page": page, "rows": rows, "composition": services.composition(network.memberships.current())}

    # The list depends on these parameters alone: a stray one (?x=1) neither changes it nor keeps another copy.
    query = QueryDict(mutable=True)
    for name in ("type", "former"):
        if value := request.GET.get(name):
            query[name] = value[:40]
    return render(
        request,
        "networks/members.html",
        {
            "network": network,
            # The list is the same for every member with the same rights: kept until the people change.
            "versions": fragments.versions(versions.key(network.pk)),
            "listing": fragments.lazy(listing),
            "actor_types": Organisation.ActorType.choices,
            "query": query.urlencode(),
            "page_number": page_number(request.GET.get("page")),
            "can_manage": permissions.can(request.user, "network.manage", network),
        },
    )


@login_required
def members_xlsx(request, slug):
    network = _network(request, slug, "network.view_internal")
    body = exports.members_xlsx(network, _memberships(network, request))
    response = HttpResponse(body, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{network.slug}-members.xlsx"'
    return response


@login_required
def group_detail(request, slug, group):
    """A working group's page: goals, people, next meetings, documents and open tasks."""
    # The group with its network in one query; outsiders learn nothing of either (404).
    working_group = get_object_or_404(WorkingGroup.objects.select_related("network"), network__slug=slug, slug=group)
    network = working_group.network
    permissions.require(request.user, "network.view_internal", network, hide=True)
    can_manage = permissions.can(request.user, "group.manage", working_group)
    # What the page keeps (people, next meetings, documents, open tasks, the task form's choices) is the same
    # for every reader with the same rights: kept until the people, meetings, documents or tasks change (the
    # next meetings also for a minute at most).
    kept = fragments.versions(versions.key(network.pk), f"events:{network.pk}", versions.work_key(network.pk))
    task_form = TaskForm(request.POST or None, group=working_group, people_version=kept)
    if request.method == "POST":
        permissions.require(request.user, "group.manage", working_group)
        if "done" in request.POST:
            if tasks.mark_done(working_group, params.object_id(request.POST["done"]), request.user):
                messages.success(request, _("The task was marked as done."))
            return redirect(working_group.get_absolute_url())
        if working_group.is_closed:
            messages.error(request, _("The working group is closed; reopen it to add tasks."))
            return redirect(working_group.get_absolute_url())
        if task_form.is_valid():
            with transaction.atomic():
                if not once.claim(request, task_form):  # a double click adds the task once
                    task_form.instance.working_group = working_group
                    tasks.added(task_form.save(), request.user)
                    once.done(request, task_form, working_group.get_absolute_url())
            messages.success(request, _("The task was added."))
            return redirect(working_group.get_absolute_url())
    return render(
        request,
        "networks/group.html",
        {
            "network": network,
            "group": working_group,
            "can_manage": can_manage,
            "meetings": fragments.lazy(lambda: list(working_group.events.upcoming().select_related("network")[:5])),
            "documents": fragments.lazy(lambda: list(working_group.documents.only("pk", "title")[:10])),
            "tasks": fragments.lazy(
                lambda: list(working_group.tasks.filter(done__isnull=True).select_related("assignee"))
            ),
            "task_form": task_form,
            "records": fragments.lazy(lambda: people_services.records_of(network)),
            "can_plan": can_manage and not working_group.is_closed,
            # The group's people are the same for every reader: kept until the network's people change.
            "versions": kept,
            "minute": timezone.now().strftime("%Y%m%d%H%M"),  # the next meetings: ended ones leave within it
            "people": fragments.lazy(lambda: _group_people(working_group)),
        },
        status=400 if task_form.errors else 200,
    )


def _group_people(working_group: WorkingGroup) -> dict:
    """The lead and the members as this network recorded them, each with their organisation."""
    records = people_services.records_of(working_group.network)
    lead = Person.objects.select_related("organisation").filter(pk=working_group.lead_id).first()
    members = working_group.members.select_related("organisation").order_by("last_name", "first_name", "pk")
    return {
        "lead": records.get(lead.pk, lead) if lead else None,
        "members": [records.get(person.pk, person) for person in members],
    }


@login_required
def group_create(request, slug):
    network = _network(request, slug, "network.manage")
    form = WorkingGroupForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            working_group = form.save()
            HistoryEntry.record(network, request.user, HistoryEntry.Action.CREATED, working_group)
            once.done(request, form, working_group.get_absolute_url())
        messages.success(request, _("The working group was created."))
        return redirect(working_group.get_absolute_url())
    return render(request, "networks/group_form.html", {"network": network, "form": form})


@login_required
def network_edit(request, slug):
    """A coordinator keeps the network's own details: name, place, contact, description in each language."""
    network = _network(request, slug, "network.manage")
    return edit_page(
        request,
        network,
        lambda data, instance: NetworkForm(data, instance=instance),
        network=network,
        template="networks/network_form.html",
        context={"network": network},
        saved=_("The network's details were saved."),
        after=network.get_absolute_url(),
    )


@login_required
def group_edit(request, slug, group):
    network = _network(request, slug, "network.view_internal")
    working_group = get_object_or_404(
        WorkingGroup.objects.select_related("network", "lead"), network=network, slug=group
    )
    permissions.require(request.user, "group.manage", working_group)
    return edit_page(
        request,
        working_group,
        lambda data, instance: WorkingGroupForm(data, instance=instance, network=network),
        network=network,
        template="networks/group_form.html",
        context={"network": network, "group": working_group},
        saved=_("The working group was saved."),
        after=working_group.get_absolute_url(),
    )


@login_required
def members_import(request, slug):
    """Upload a member list, see each row's result, then import the whole file or nothing (once)."""
    network = _network(request, slug, "network.manage")
    form, rows, problem, preview, columns = MemberImportForm(), None, None, None, None
    if request.method == "POST" and "confirm" in request.POST:
        try:
            created, updated = services.confirm_import(network, request.POST.get("preview"), request.user)
        except (services.PreviewUsed, ValidationError):
            messages.info(
                request,
                _("This preview was imported already or has expired; the member list below is up to date."),
            )
            return redirect("networks:members", slug=slug)
        except ValueError:
            messages.error(request, _("The file has errors; nothing was imported. Upload it again, please."))
            return redirect("networks:members_import", slug=slug)
        messages.success(
            request,
            _("%(new)s new and %(updated)s updated members imported.") % {"new": created, "updated": updated},
        )
        return redirect("networks:members", slug=slug)
    elif request.method == "POST":
        form = MemberImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                member_list = importers.read_members(upload.name, upload.read())
            except importers.ImportFileError as error:
                problem = str(error)
            else:
                rows = services.preview_members(network, member_list)
                columns = {"used": member_list.used, "ignored": member_list.ignored}
                if not any(row.errors for row in rows):
                    preview = services.store_preview(network, member_list, upload.name, request.user)
    return render(
        request,
        "networks/members_import.html",
        {
            "network": network,
            "form": form,
            "rows": rows,
            "problem": problem,
            "preview": preview,
            "columns": columns,
            "error_count": sum(1 for r in rows or [] if r.errors),
        },
        status=400 if problem or form.errors else 200,
    )


def _people_rows(network) -> list[dict]:
    """Each person as this network recorded them, with access and invitation state; nothing from other networks."""
    roles = network.roles.select_related("person", "record__organisation", "person__organisation")
    active = set(network.roles.active().values_list("pk", flat=True))
    invitations = {i.person_id: i for i in network.invitations.order_by("created", "pk")}  # the latest wins
    rows = [
        {
            "role": role,
            "entry": role.entry,
            "person_pk": role.person_id,
            "active": role.pk in active,
            "invitation": invitations.get(role.entry.pk),
        }
        for role in roles
        if not role.entry.is_erased  # an erased person stays an anonymous count, not a row
    ]
    return sorted(
        rows,
        key=lambda row: (
            languages.collation_key(row["entry"].last_name),
            languages.collation_key(row["entry"].first_name),
        ),
    )


@login_required
def people(request, slug):
    network = _network(request, slug, "network.view_internal")
    can_manage = permissions.can(request.user, "network.manage", network)
    form = PersonForm(request.POST or None, network=network)
    if request.method == "POST":
        permissions.require(request.user, "network.manage", network, hide=True)
        role = form.already_added()
        if role is None and form.is_valid():
            try:
                role = people_services.add_person(
                    network,
                    values=form.person_values(),
                    kind=form.cleaned_data["role"],
                    form_key=form.cleaned_data["key"],
                    actor=request.user,
                    language=languages.current(),
                )
            except (OSError, smtplib.SMTPException):
                messages.error(request, _("The invitation could not be sent, so nobody was added. Try again later."))
                return redirect("networks:people", slug=slug)
        if role is not None:
            entry = role.entry
            if entry.email:
                text = _("%(name)s was added to the network; an invitation was sent to %(email)s.")
            else:
                text = _("%(name)s was added to the network.")
            messages.success(request, text % {"name": entry, "email": entry.email})
            return redirect("networks:people", slug=slug)
    rows = _people_rows(network)
    return render(
        request,
        "networks/people.html",
        {
            "network": network,
            "rows": [row for row in rows if row["active"]],
            "without_access": [row for row in rows if not row["active"]],
            "can_manage": can_manage,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def _role(network, pk) -> Role:
    return get_object_or_404(network.roles.select_related("person", "record", "network"), person_id=pk)


def _erase_refused(error: Exception) -> str:
    if isinstance(error, people_services.OwnRecord):
        return _(
            "You cannot erase your own data in the network. Another coordinator can, or you can delete your "
            "account on your account page."
        )
    return _("The network's last coordinator cannot be erased. Make someone else coordinator first.")


@login_required
def person_erase(request, slug, pk):
    """A coordinator erases a person from the network, after confirming; the network keeps anonymous counts."""
    network = _network(request, slug, "network.manage")
    role = _role(network, pk)
    permissions.require(request.user, "person.erase", role)
    if request.method != "POST":
        refusal = people_services.erase_refusal(role, request.user)
        return render(
            request,
            "networks/person_erase.html",
            {"network": network, "role": role, "entry": role.entry, "refusal": refusal and _erase_refused(refusal)},
        )
    try:
        people_services.erase(role, request.user)
    except (people_services.LastCoordinator, people_services.OwnRecord) as error:
        messages.error(request, _erase_refused(error))
    else:
        messages.success(request, _("The person's data were erased; the network keeps anonymous counts."))
    return redirect("networks:people", slug=slug)


@login_required
def role_remove(request, slug, pk):
    """A coordinator ends someone's role in the network, after confirming; it is recorded in the history."""
    network = _network(request, slug, "network.manage")
    role = _role(network, pk)
    if request.method == "POST":
        try:
            people_services.remove_role(role, request.user)
        except people_services.LastCoordinator:
            messages.error(
                request, _("The network's last coordinator cannot be removed. Make someone else coordinator first.")
            )
        else:
            messages.success(request, _("%(name)s is no longer in the network.") % {"name": role.entry})
        return redirect("networks:people", slug=slug)
    return render(request, "networks/role_remove.html", {"network": network, "role": role, "entry": role.entry})


def invitation(request, token):
    """The invited person accepts (signed in, with any account) or declines; the link in the mail is the key."""
    invitation = get_object_or_404(Invitation.objects.select_related("network", "person", "invited_by"), token=token)
    if not request.user.is_authenticated and invitation.is_open:
        request.session[AFTER_SIGN_IN] = request.path  # after signing up (and the confirmation mail): back here
    elif request.session.get(AFTER_SIGN_IN) == request.path:
        del request.session[AFTER_SIGN_IN]  # back: sign-ins later go where they usually go
    if request.method == "POST" and invitation.is_open:
        if "decline" in request.POST:
            people_services.decline(invitation, request.user if request.user.is_authenticated else None)
            messages.info(request, _("You declined the invitation. Nothing was linked to you."))
            return redirect("networks:invitation", token=token)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            people_services.accept(invitation, request.user)
        except people_services.InvitationClosed:
            messages.error(request, _("This invitation is no longer valid. Ask the network's coordinator."))
            return redirect("networks:invitation", token=token)
        messages.success(request, _("Welcome to %(network)s.") % {"network": invitation.network.name})
        return redirect(invitation.network.get_absolute_url())
    return render(request, "networks/invitation.html", {"invitation": invitation, "network": invitation.network})


@login_required
def documents(request, slug):
    """The archive: every document with its latest version; members upload new ones."""
    network = _network(request, slug, "network.view_internal")
    form = DocumentForm(request.POST or None, request.FILES or None, network=network)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):  # a double click uploads once
                return redirect(earlier)
            document = form.save(commit=False)
            document.network = network
            document.event = network.events.filter(pk=params.object_id(request.POST.get("event"))).first()
            document.save()
            services.add_version(document, form.cleaned_data["file"], request.user, form.cleaned_data["note"])
            after = document.event.get_absolute_url() if document.event else reverse("networks:documents", args=[slug])
            once.done(request, form, after)
        messages.success(request, _("The document was uploaded."))
        return redirect(after)
    archive = network.documents.select_related("working_group").prefetch_related("versions__uploaded_by")
    if group := request.GET.get("group"):
        archive = archive.filter(working_group__slug=group)
    return render(
        request,
        "networks/documents.html",
        {"network": network, "documents": archive, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def document_detail(request, slug, pk):
    network = _network(request, slug, "network.view_internal")
    document = get_object_or_404(
        network.documents.select_related("network", "working_group__lead").prefetch_related("versions__uploaded_by"),
        pk=pk,
    )
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if not once.claim(request, form):  # a double click adds one version
                services.add_version(document, form.cleaned_data["file"], request.user, form.cleaned_data["note"])
                once.done(request, form, request.path)
        messages.success(request, _("The new version was uploaded."))
        return redirect("networks:document", slug=slug, pk=pk)
    return render(
        request,
        "networks/document.html",
        {
            "network": network,
            "document": document,
            "form": form,
            "can_manage": permissions.can(request.user, "document.manage", document),
        },
        status=400 if form.errors else 200,
    )


@login_required
def document_download(request, slug, pk, number):
    """Files leave the archive only through this permission check."""
    network = _network(request, slug, "network.view_internal")
    version = get_object_or_404(DocumentVersion, document__network=network, document__pk=pk, number=number)
    return FileResponse(version.file.open("rb"), as_attachment=True, filename=version.original_name)


@login_required
def history(request, slug):
    network = _network(request, slug, "network.manage")
    entries = network.history.select_related("actor")
    if object_type := request.GET.get("type"):
        entries = entries.filter(object_type=object_type)
    page, query = paginate(request, entries, 50)
    return render(
        request,
        "networks/history.html",
        {
            "network": network,
            "page": page,
            "entries": history_words.describe(page.object_list),
            "types": history_words.kinds(network.history),
            "query": query,
        },
    )


@require_POST
@login_required
def to_compendium(request, slug):
    network = _network(request, slug, "network.manage")
    language = languages.current()
    practice = services.publish_to_compendium(network, request.user, language)
    if practice.proposals.exists() and practice.status == practice.Status.PUBLISHED:
        messages.success(
            request,
            _("The update of the network's profile waits for an editor; the published profile stays until then."),
        )
        return redirect(practice.get_absolute_url())
    messages.success(
        request, _("The network's compendium profile was drafted from its data. Complete it; an editor reviews it.")
    )
    return redirect("compendium:edit", slug=practice.slug, language=practice.original_language)


@login_required
def membership_edit(request, slug, pk):
    """A coordinator records joining, leaving and the signed cooperation agreement (date and file)."""
    network = _network(request, slug, "network.manage")
    membership = get_object_or_404(network.memberships.select_related("organisation"), pk=pk)
    if request.method != "POST":
        form = MembershipForm(instance=membership)
    else:
        with transaction.atomic():
            form = MembershipForm(request.POST, request.FILES, instance=locked(membership))
            if form.is_valid():
                _save_membership(request, network, form)
                return redirect("networks:members", slug=slug)
    return render(
        request,
        "networks/membership_form.html",
        {"network": network, "membership": membership, "form": form},
        status=400 if form.errors else 200,
    )


def _save_membership(request, network, form) -> None:
    membership = form.instance
    changes = {name: value for name, value in form.change_summary().items() if name != "agreement_file"}
    if upload := form.cleaned_data.get("agreement_file"):
        document = Document.objects.create(
            network=network,
            kind=Document.Kind.AGREEMENT,
            title=f"{membership.organisation} – {Document.Kind.AGREEMENT.label}",
        )
        services.add_version(document, upload, request.user)
        membership.agreement_document = document
        changes["agreement_file"] = upload.name
    if not changes:
        messages.info(request, _("Nothing was changed."))
        return
    form.save()
    HistoryEntry.record(network, request.user, HistoryEntry.Action.CHANGED, membership, changes)
    messages.success(request, _("The membership was saved."))
