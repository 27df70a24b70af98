import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from erasmi.accounts import services
from erasmi.accounts.forms import DeleteAccountForm, NameForm
from erasmi.accounts.models import User
from erasmi.core.forms import locked


@login_required
def me(request):
    """The account: one's own name (edited here), networks and roles, data export, deletion."""
    if request.method != "POST":
        form = NameForm(instance=request.user)
    else:
        with transaction.atomic():
            form = NameForm(request.POST, instance=locked(User.objects.get(pk=request.user.pk)))
            if form.is_valid():
                if form.changed:
                    services.rename(form.save())
                    messages.success(request, _("Your name was saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect("accounts:me")
    return render(
        request,
        "accounts/me.html",
        {"name_form": form, "delete_form": DeleteAccountForm(user=request.user)},
        status=400 if form.errors else 200,
    )


@login_required
def data(request):
    body = json.dumps(services.personal_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="erasmi-my-data.json"'
    return response


@login_required
def delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.delete_account(request, request.user)
        messages.success(request, _("Your account and your personal data were deleted."))
        return redirect("core:home")
    return render(
        request,
        "accounts/me.html",
        {"delete_form": form, "name_form": NameForm(instance=request.user)},
        status=400 if request.method == "POST" else 200,
    )
