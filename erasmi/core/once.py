"""Forms that create something do it once, however often they are sent (double click, reload, retry).

Each such form carries a one-time key. The view claims the key in the transaction that creates the
record; a second submission with the same key waits for the first (unique index) and is sent to the
first one's result instead of creating a second record.
"""

import datetime
import uuid

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone

from erasmi.core.models import Submission

KEEP = datetime.timedelta(days=2)


class OnceMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["once"] = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
        self.initial["once"] = uuid.uuid4().hex
        if self.is_bound and not self.data.get(self.add_prefix("once")):
            # A form shown again after an error keeps a key (a fresh one if it came without).
            data = self.data.copy()
            data[self.add_prefix("once")] = self.initial["once"]
            self.data = data


def _key(request, form) -> str | None:
    once = (form.cleaned_data.get("once") or "").strip()
    if not once:
        return None
    return f"{request.user.pk or 'anon'}:{request.path}:{once}"[:120]


def claim(request, form) -> str | None:
    """Claim this submission (inside ``transaction.atomic``); the earlier result's URL if it was made before."""
    key = _key(request, form)
    if key is None:
        return None
    try:
        with transaction.atomic():
            Submission.objects.create(key=key)
    except IntegrityError:
        earlier = Submission.objects.filter(key=key).values_list("result", flat=True).first()
        return earlier or request.path
    return None


def done(request, form, result_url: str) -> None:
    """Note where the submission led, for its repeats; forget keys older than two days."""
    if key := _key(request, form):
        Submission.objects.filter(key=key).update(result=result_url[:300])
        Submission.objects.filter(created__lt=timezone.now() - KEEP).delete()
