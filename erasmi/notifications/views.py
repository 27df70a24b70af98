"""Each person chooses which notices they get: from the link in every mail (no sign-in) or from their account."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from erasmi.notifications import services
from erasmi.notifications.forms import ChoicesForm
from erasmi.notifications.models import Preference, Topic


@login_required
def mine(request):
    return redirect("notifications:preferences", services.token(request.user.email))


def _address(token: str) -> str:
    address = services.address_of(token)
    if not address:
        raise Http404
    return address


def preferences(request, token):
    address = _address(token)
    row = Preference.objects.filter(address=address).first()
    off, language = set(row.off if row else []), row.language if row else ""
    if request.method == "POST":
        form = ChoicesForm(request.POST)
        if form.is_valid():
            wanted = set(form.cleaned_data["wanted"])
            if wanted != set(Topic.values) - off or form.cleaned_data["language"] != language:
                chosen_off = [topic for topic in Topic.values if topic not in wanted]
                services.set_choices(address, chosen_off, form.cleaned_data["language"])
                messages.success(request, _("Your choices were saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("notifications:preferences", token)
    else:
        form = ChoicesForm(
            initial={"wanted": [topic for topic in Topic.values if topic not in off], "language": language}
        )
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "address": address},
        status=400 if form.errors else 200,
    )


@csrf_exempt
def off(request, token, topic):
    """One click in the mail program (RFC 8058: a POST without cookies) or in the browser turns a topic off."""
    address = _address(token)
    if topic not in Topic.values:
        raise Http404
    if request.method == "POST":
        services.turn_off(address, topic)
        if request.headers.get("Sec-Fetch-Mode") == "navigate" or "List-Unsubscribe" not in request.POST:
            messages.success(request, _("You will no longer receive these mails."))
            return redirect("notifications:preferences", token)
        return render(request, "notifications/off_done.html", {"topic": Topic(topic).label})
    return render(request, "notifications/off.html", {"topic": Topic(topic).label, "token": token, "address": address})
