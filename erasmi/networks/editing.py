"""The edit page a network's records share: the form built from the record as it is now (its row locked
while saving, see core.forms.EditForm), saved only when something changed and then noted in the network's
history, the person told either way."""

from collections.abc import Callable

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from erasmi.core.forms import locked
from erasmi.networks import people
from erasmi.networks.models import HistoryEntry


def edit_page(
    request,
    record,
    make_form: Callable,
    *,
    network,
    template: str,
    context: dict,
    saved: str,
    after: str,
    on_saved: Callable | None = None,
):
    """``make_form(data, instance)`` builds the form; ``after`` is where the person goes once it is sent.

    ``on_saved(form)`` runs in the same transaction after a save that changed something (to tell people).
    """
    if request.method != "POST":
        form = make_form(None, record)
    else:
        with transaction.atomic():
            form = make_form(request.POST, locked(record))
            if form.is_valid():
                if form.changed:
                    form.save()
                    summary = form.change_summary(people=people.records_of(network))
                    kind = getattr(form, "history_kind", None)
                    HistoryEntry.record(network, request.user, HistoryEntry.Action.CHANGED, record, summary, kind=kind)
                    if on_saved is not None:
                        on_saved(form)
                    messages.success(request, saved)
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect(after)
    return render(request, template, {**context, "form": form}, status=400 if form.errors else 200)
