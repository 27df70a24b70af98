"""The printable compendium shows what people typed as text, and is generated once at a time."""

import io
import multiprocessing
import time

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from erasmi.compendium import pdf
from erasmi.compendium.tests.factories import make_practice

# A file that exists on the server: markup would embed it.
SERVER_IMAGE = settings.BASE_DIR / "erasmi" / "static" / "vendor" / "leaflet-1.9" / "images" / "marker-icon.png"
NAMES = [
    "Integration <i>plus",
    f'Welcome <img src="{SERVER_IMAGE}"/> network',
    "Kunst & Kultur <b>für alle",
    "Café </i> unbalanced <a href='http://example.org'> &amp; &nbsp; <para>",
]


def download(client, language="en"):
    with translation.override(language):  # the page in the same language as the PDF
        return client.get(reverse("compendium:export", args=["pdf"]), {"language": language})


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces as single spaces (long lines wrap in the PDF)."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """Text without any white space: a long word (a server path) may be broken anywhere at a line end."""
    return "".join(text.split())


def images(reader: PdfReader) -> list:
    found = []
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        found += [name for name, ref in xobjects.items() if ref.get_object().get("/Subtype") == "/Image"]
    return found


@pytest.mark.parametrize("name", NAMES)
def test_a_practice_name_with_markup_is_printed_literally_in_the_public_compendium(client, db, name):
    make_practice(name)
    response = download(client)
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    contents, section = flat(reader.pages[1].extract_text()), flat(reader.pages[2].extract_text())
    assert squeezed(name) in squeezed(contents)  # the table of contents
    assert squeezed(name) in squeezed(section)  # the heading and the name field
    assert [item.title for item in reader.outline] == [name]  # the bookmarks
    assert images(reader) == []


def test_markup_in_every_field_is_printed_literally(client, db):
    make_practice(
        "Harbour Welcome Network",
        location='<img src="/etc/logo.png"/> Cork',
        short_description="Line one <br/>\nLine <font size=40>two</font>",
        success_factors=["<b>Trust", "A & B"],
    )
    reader = PdfReader(io.BytesIO(b"".join(download(client).streaming_content)))
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert '<img src="/etc/logo.png"/> Cork' in text
    assert "Line one <br/> Line <font size=40>two</font>" in text
    assert "<b>Trust" in text and "A & B" in text
    assert images(reader) == []


def test_a_failed_generation_is_remembered_and_answered_in_the_visitors_language(client, erfurt, monkeypatch):
    calls = []

    def broken(practices, language):
        calls.append(language)
        raise ValueError("a bug in the generator")

    monkeypatch.setattr(pdf, "compendium_pdf", broken)
    for _ in range(3):
        response = download(client, "de")
        assert response.status_code == 503
        assert int(response["Retry-After"]) > 60
        assert "Diese Datei konnte nicht erstellt werden" in response.text
    assert calls == ["de"]  # generated once, not on every request
    assert download(client, "en").status_code == 503 and calls == ["de", "en"]  # each language is its own file


def test_after_a_failure_a_change_of_the_compendium_or_the_waiting_time_allows_a_new_try(client, erfurt, monkeypatch):
    real, calls = pdf.compendium_pdf, []

    def broken_once(practices, language):
        calls.append(language)
        if len(calls) == 1:
            raise ValueError("a bug in the generator")
        return real(practices, language)

    monkeypatch.setattr(pdf, "compendium_pdf", broken_once)
    assert download(client).status_code == 503
    make_practice("Harbour Welcome Network")  # a new version of the compendium is a new file
    assert download(client).status_code == 200
    assert len(calls) == 2


def test_a_failure_is_tried_again_once_its_time_is_over(client, erfurt, monkeypatch, settings):
    calls = []
    monkeypatch.setattr(pdf, "compendium_pdf", lambda practices, language: calls.append(1) or 1 / 0)
    download(client)
    settings.ERASMI_GENERATION_RETRY = 0
    download(client)
    assert len(calls) == 2


def test_a_visitor_is_asked_to_come_back_while_another_process_generates_too_long(client, erfurt, settings):
    import fcntl

    settings.ERASMI_GENERATION_WAIT = 0.3
    lock_file = settings.ERASMI_CACHE_DIR / "generation" / "compendium-en.pdf.lock"
    lock_file.parent.mkdir(parents=True)
    with open(lock_file, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a generating worker process holds it
        response = download(client)
    assert response.status_code == 503
    assert "This file is being prepared" in response.text
    assert download(client).status_code == 200  # once the other process is done


def _generate(path, counter, started):
    from erasmi.core.generation import generated_file

    def slow_build() -> bytes:
        with open(counter, "a") as f:
            f.write("built\n")
        time.sleep(0.5)
        return b"%PDF the document"

    started.wait()
    return generated_file(path, slow_build, key="test.pdf").read_bytes()


def test_concurrent_requests_in_several_processes_wait_for_the_one_running_generation(tmp_path):
    counter = tmp_path / "counter"
    context = multiprocessing.get_context("fork")  # like gunicorn's workers
    with context.Manager() as manager:
        started = manager.Event()
        with context.Pool(4) as pool:
            results = [pool.apply_async(_generate, (tmp_path / "v1-test.pdf", counter, started)) for _ in range(4)]
            started.set()
            assert [r.get(timeout=30) for r in results] == [b"%PDF the document"] * 4
    assert counter.read_text() == "built\n"  # one generation for four requests
