"""People of a network without the admin: a coordinator edits the network's record of someone;
someone asks to join and a coordinator accepts or declines."""

import smtplib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from erasmi.core import languages, once, params
from erasmi.core.forms import locked
from erasmi.networks import joining
from erasmi.networks import people as people_services
from erasmi.networks.forms import JoinRequestForm, PersonEditForm
from erasmi.networks.models import Organisation
from erasmi.networks.views import _network, _role

MAIL_FAILED = (OSError, smtplib.SMTPException)


@login_required
def person_edit(request, slug, pk):
    """The network's own record of the person (Role.entry) and their role; never another network's data."""
    network = _network(request, slug, "network.manage")
    role = _role(network, pk)
    entry = role.entry
    if entry.is_erased:
        raise Http404
    if request.method != "POST":
        form = PersonEditForm(instance=entry, role=role)
    else:
        with transaction.atomic():
            form = PersonEditForm(request.POST, instance=locked(entry), role=role)
            if form.is_valid():
                if not form.changed:
                    messages.info(request, _("Nothing was changed."))
                    return redirect("networks:people", slug=slug)
                try:
                    people_services.edit_person(role, form, request.user, languages.current())
                except people_services.LastCoordinator:
                    form.add_error(
                        "role",
                        _("The network's last coordinator stays coordinator. Make someone else coordinator first."),
                    )
                except MAIL_FAILED:
                    messages.error(
                        request, _("The invitation could not be sent, so nothing was changed. Try again later.")
                    )
                    return redirect("networks:person_edit", slug=slug, pk=pk)
                else:
                    if "email" in form.changes and role.person.user_id is None and form.instance.email:
                        text = _("%(name)s was saved; a new invitation was sent to %(email)s.")
                    else:
                        text = _("%(name)s was saved.")
                    messages.success(request, text % {"name": form.instance, "email": form.instance.email})
                    return redirect("networks:people", slug=slug)
    return render(
        request,
        "networks/person_form.html",
        {"network": network, "role": role, "entry": entry, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def join(request, slug):
    """A signed-in person without a role asks to join; one open request at a time."""
    network = _network(request, slug)
    if joining.has_role(network, request.user):
        messages.info(request, _("You are already in this network."))
        return redirect(network.get_absolute_url())
    waiting = joining.open_request(network, request.user)
    user = request.user
    form = JoinRequestForm(request.POST or None, initial={"first_name": user.first_name, "last_name": user.last_name})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):  # a double click sends one request
                return redirect(earlier)
            if waiting is None:
                try:
                    joining.ask(network, user, **{name: form.cleaned_data[name] for name in form._meta.fields})
                except MAIL_FAILED:
                    transaction.set_rollback(True)
                    messages.error(
                        request, _("The coordinators could not be told, so nothing was sent. Try again later.")
                    )
                    return redirect("networks:join", slug=slug)
                except joining.AlreadyAsked:
                    waiting = True
            once.done(request, form, network.get_absolute_url())
        if waiting:
            messages.info(request, _("You asked to join already; the coordinators have not answered yet."))
        else:
            messages.success(request, _("Your request was sent. The coordinators answer by mail."))
        return redirect(network.get_absolute_url())
    return render(
        request,
        "networks/join.html",
        {"network": network, "form": form, "waiting": waiting},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def join_answer(request, slug, pk):
    """A coordinator accepts (optionally naming the member organisation) or declines a request."""
    network = _network(request, slug, "network.manage")
    join_request = get_object_or_404(network.join_requests.select_related("user"), pk=pk)
    try:
        if "accept" in request.POST:
            organisation = Organisation.objects.filter(
                memberships__network=network, pk=params.object_id(request.POST.get("organisation"))
            ).first()
            joining.accept(join_request, request.user, organisation)
            messages.success(request, _("%(name)s is now a member of the network.") % {"name": join_request})
        else:
            joining.decline(join_request, request.user)
            messages.info(request, _("The request of %(name)s was declined.") % {"name": join_request})
    except joining.RequestClosed:
        messages.info(request, _("This request was answered already."))
    except MAIL_FAILED:
        messages.error(request, _("The answer could not be mailed, so nothing was changed. Try again later."))
    return redirect("networks:people", slug=slug)
