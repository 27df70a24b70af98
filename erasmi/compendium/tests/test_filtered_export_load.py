"""A PDF of what the list's filters found is generated one at a time too: a visitor varying the search
cannot keep the server busy with PDFs, and the same filtered PDF is written once per version."""

import fcntl

from django.urls import reverse
from django.utils import translation

from erasmi.compendium import pdf
from erasmi.compendium.tests.factories import make_practice


def filtered(client, q="network"):
    with translation.override("en"):
        url = reverse("compendium:export", args=["pdf"])
    return client.get(url, {"q": q})


def test_a_filtered_pdf_waits_for_the_running_generation_instead_of_starting_another(client, erfurt, settings):
    settings.ERASMI_GENERATION_WAIT = 0.3
    lock_file = settings.ERASMI_CACHE_DIR / "generation" / "compendium-filtered.pdf.lock"
    lock_file.parent.mkdir(parents=True)
    with open(lock_file, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process is generating a filtered PDF
        response = filtered(client)
    assert response.status_code == 503
    assert response["Retry-After"]
    response = filtered(client)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_same_filtered_pdf_is_generated_once_per_version_of_the_compendium(client, erfurt, monkeypatch):
    calls = []
    real = pdf.compendium_pdf
    monkeypatch.setattr(pdf, "compendium_pdf", lambda practices, language: calls.append(1) or real(practices, language))
    assert filtered(client).status_code == 200
    assert filtered(client).status_code == 200
    assert len(calls) == 1
    make_practice("Harbour Welcome Network")  # a new version: a new file
    assert filtered(client).status_code == 200
    assert len(calls) == 2
