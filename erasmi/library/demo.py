"""Demonstration resources for `make run`: a handful, in several languages and licences, one with a real
PDF file, one internal to the demo network with a short discussion."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from erasmi.library import services
from erasmi.library.models import Licence, Resource

METHOD_CARD = [
    ("Network café: a method card", "h1"),
    ("Goal: members get to know each other's work in short rounds at info tables.", "body"),
    ("Time: 90 minutes. Room: one table per organisation, chairs for four to six guests.", "body"),
    ("1. Each organisation presents its offers at its table for 15 minutes.", "body"),
    ("2. A bell: the guests move on to the next table; four rounds.", "body"),
    ("3. Together: what surprised you? Where could you cooperate? Note it on the wall.", "body"),
    ("Licensed under CC BY 4.0, ERASMI demonstration.", "meta"),
]

RESOURCES = [
    {
        "title": "Network café: a method card",
        "language": "en",
        "description": "A one-page card for running a network café with info tables: members present their "
        "work in short rounds, guests move from table to table.",
        "translations": {
            "de": (
                "Netzwerkcafé: eine Methodenkarte",
                "Eine Karte auf einer Seite für ein Netzwerkcafé mit Infotischen: Mitglieder stellen ihre "
                "Arbeit in kurzen Runden vor, die Gäste wechseln von Tisch zu Tisch.",
            )
        },
        "kind": Resource.Kind.METHOD,
        "licence": Licence.CC_BY,
        "spoken": ["en", "de"],
        "country": "DE",
        "author": "Netzwerk für Integration Demostadt",
        "organisation": "Stadt Demostadt",
        "tags": "network café, info tables, methods",
        "file": True,
    },
    {
        "title": "Mustergeschäftsordnung für Arbeitsgruppen",
        "language": "de",
        "description": "Eine Vorlage für die Charta einer Arbeitsgruppe: Ziele, Leitung, Sitzungen, "
        "Beschlüsse und Berichte an das Netzwerk.",
        "translations": {
            "en": (
                "Model rules of procedure for working groups",
                "A template for a working group's charter: goals, lead, meetings, decisions and reports to "
                "the network.",
            )
        },
        "kind": Resource.Kind.MATERIAL,
        "licence": Licence.CC_BY_SA,
        "spoken": ["de"],
        "country": "DE",
        "author": "ERASMI-Projektteam",
        "organisation": "",
        "tags": "Arbeitsgruppen, Geschäftsordnung",
        "link": "https://example.org/erasmi/working-group-charter",
    },
    {
        "title": "Bilgi e-postası şablonu",
        "language": "tr",
        "description": "Ağın aylık bilgi e-postası için bir şablon: haberler, etkinlikler ve yeni hizmetler.",
        "translations": {
            "en": ("Info mail template", "A template for the network's monthly info mail: news, events and new offers.")
        },
        "kind": Resource.Kind.TOOL,
        "licence": Licence.CC0,
        "spoken": ["tr", "de"],
        "country": "TR",
        "author": "ERASMI Türkiye",
        "organisation": "",
        "tags": "info mail, communication",
        "link": "https://example.org/erasmi/info-mail-template",
    },
    {
        "title": "Questionario per i membri della rete",
        "language": "it",
        "description": "Un questionario annuale per valutare la collaborazione nella rete e fissare gli obiettivi.",
        "translations": {},
        "kind": Resource.Kind.PROCESS,
        "licence": Licence.CC_BY_NC,
        "spoken": ["it", "en"],
        "country": "IT",
        "author": "Rete ERASMI Italia",
        "organisation": "",
        "tags": "survey, evaluation",
        "link": "https://example.org/erasmi/member-survey",
    },
    {
        "title": "Velkomstguide til nyankomne",
        "language": "da",
        "description": "Undervisningsmateriale til introduktionsforløb: de første uger i kommunen.",
        "translations": {},
        "kind": Resource.Kind.TEACHING_MATERIAL,
        "licence": Licence.CC_BY_NC_SA,
        "spoken": ["da", "ar", "fa"],
        "country": "DK",
        "author": "Netværk Aarhus",
        "organisation": "",
        "tags": "newcomers, teaching",
        "link": "https://example.org/erasmi/welcome-guide",
    },
]


def method_card_pdf() -> bytes:
    from erasmi.core.pdf import ErasmiDoc, paragraph, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    doc = ErasmiDoc(buffer, "Erasmi · Network café", title="Network café: a method card")
    doc.build([paragraph(text, style) for text, style in METHOD_CARD])
    return buffer.getvalue()


@transaction.atomic
def load(network=None, users: dict | None = None) -> int:
    """The demonstration resources, published; returns how many there are."""
    users = users or {}
    submitter = users.get("member")
    for entry in RESOURCES:
        upload = (
            SimpleUploadedFile("network-cafe-method-card.pdf", method_card_pdf(), "application/pdf")
            if entry.get("file")
            else None
        )
        resource = services.submit_resource(
            user=submitter,
            language=entry["language"],
            title=entry["title"],
            description=entry["description"],
            tags=entry["tags"],
            upload=upload,
            kind=entry["kind"],
            licence=entry["licence"],
            author=entry["author"],
            organisation=entry["organisation"],
            country=entry["country"],
            network=None,
            shared=False,
            link=entry.get("link", ""),
            languages=entry["spoken"],
        )
        for code, (title, description) in entry["translations"].items():
            services.save_translation(resource, code, title=title, description=description)
        resource.set_status(Resource.Status.PUBLISHED)
    if network is not None:
        internal = services.submit_resource(
            user=users.get("coordinator"),
            language="de",
            title="Jahresbericht 2026: Entwurf der Zielzahlen",
            description="Entwurf für die Mitgliederversammlung; nur für die Mitglieder des Netzwerks.",
            tags="Jahresbericht, Zielzahlen",
            kind=Resource.Kind.PROCESS,
            licence=Licence.ALL_RIGHTS_RESERVED,
            author="Koordination",
            organisation=network.name,
            country="DE",
            network=network,
            shared=False,
            link="https://example.org/demostadt/annual-report-draft",
            languages=["de"],
        )
        internal.set_status(Resource.Status.PUBLISHED)
        if "member" in users:
            first = Resource.objects.get(slug="network-cafe-a-method-card")
            services.add_comment(first, author=users["member"], body="We used it at our spring meeting.\nIt works!")
            services.add_comment(internal, author=users["member"], body="Could we add the figures of the youth group?")
    return Resource.objects.count()
