from pypdf import PdfReader

from erasmi.library import demo
from erasmi.library.models import Resource


def test_the_demo_has_public_resources_a_real_pdf_and_an_internal_one(network, member, coordinator):
    count = demo.load(network, {"member": member, "coordinator": coordinator})

    card = Resource.objects.get(slug="network-cafe-a-method-card")
    with card.file.open("rb") as pdf:
        text = PdfReader(pdf).pages[0].extract_text()
    assert count == 6
    assert "Network café" in text
    assert Resource.objects.published().filter(network=network, shared=False).count() == 1
    assert card.comments.count() == 1
