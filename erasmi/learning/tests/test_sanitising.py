"""The rich text of pages and method cards is cleaned when stored, whoever wrote it."""

from django.urls import reverse
from django.utils import translation

from erasmi.learning.models import MethodCardTranslation, UnitTranslation

DIRTY = (
    '<p onclick="steal()">Hello <script>alert(1)</script><a href="javascript:x()">link</a> <strong>kept</strong></p>'
)


def test_a_pages_html_loses_scripts_event_handlers_and_javascript_links(toolkit):
    version = UnitTranslation.objects.get(unit__slug="information-flow", language="en")
    version.pages = [{"title": "T", "body": DIRTY}]
    version.save()
    body = UnitTranslation.objects.get(pk=version.pk).pages[0]["body"]
    assert "<script" not in body and "onclick" not in body and "javascript:" not in body
    assert "<strong>kept</strong>" in body


def test_a_method_cards_html_is_cleaned_too(toolkit):
    card = MethodCardTranslation.objects.get(card__slug="network-cafe", language="da")
    card.body = DIRTY
    card.save()
    assert "<script" not in MethodCardTranslation.objects.get(pk=card.pk).body


def test_an_editor_typing_a_script_into_a_page_sees_it_removed_on_the_page(client, toolkit, editor):
    client.force_login(editor)
    with translation.override("en"):
        edit = reverse("learning:page_edit", args=["information-flow", 1, "en"])
        shown = reverse("learning:page", args=["information-flow", 1])
    form = client.get(edit).context["form"]
    client.post(edit, {"title": "Avoiding loss", "body": DIRTY, "version_token": form.token})
    page = client.get(shown).content.decode()
    assert "<strong>kept</strong>" in page and "alert(1)" not in page and "onclick" not in page
