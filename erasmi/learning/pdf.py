"""The printable unit: objectives, pages, method cards, the exercise with its feedback, the question for
reflection. Every text goes through core.pdf.paragraph (user text is never read as markup)."""

import io

from django.utils.translation import gettext as _
from reportlab.platypus import ListFlowable, ListItem, Spacer

from erasmi.core import languages
from erasmi.core.html import to_lines
from erasmi.core.pdf import ErasmiDoc, register_fonts
from erasmi.core.pdf import paragraph as _p


def _bullets(items) -> ListFlowable:
    return ListFlowable(
        [ListItem(_p(item, "body"), leftIndent=12) for item in items], bulletType="bullet", start="•", leftIndent=12
    )


def _html(html: str) -> list:
    """Sanitised HTML as paragraphs of plain text (lists become lines starting with a dash)."""
    return [_p(block, "body") for block in to_lines(html).split("\n\n") if block.strip()] or []


def unit_pdf(unit, t, cards, language: str) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    doc = ErasmiDoc(buffer, footer=f"Erasmi · {_('Toolkit')} · {t.title}", title=t.title, lang=language)
    story = [_p(t.title, "h1", bookmark="unit")]
    if t.language != language:
        story.append(
            _p(
                _("This unit is not available in this language; it is shown in %(language)s.")
                % {"language": languages.name_in_words(t.language)},
                "meta",
            )
        )
    if t.summary:
        story.append(_p(t.summary, "body"))
    if t.objectives:
        story += [_p(_("Objectives"), "h2"), _bullets(t.objectives)]
    for number, page in enumerate(t.pages, start=1):
        story.append(_p(f"{number}. {page['title']}", "h2"))
        story += _html(page["body"])
    if cards:
        story.append(_p(_("Method cards"), "h1", bookmark="cards"))
        for _card, card_t in cards:
            story += [_p(card_t.title, "h2"), _p(card_t.summary, "meta"), *_html(card_t.body)]
    if t.questions or t.reflection_prompt:
        story.append(_p(_("Exercise"), "h1", bookmark="exercise"))
    for number, question in enumerate(t.questions, start=1):
        story.append(_p(f"{number}. {question['text']}", "h2"))
        story.append(_bullets([answer["text"] for answer in question["answers"]]))
        story.append(Spacer(1, 6))
    if t.questions:
        story.append(_p(_("Answers and feedback"), "h2"))
        for number, question in enumerate(t.questions, start=1):
            for answer in question["answers"]:
                verdict = _("right") if answer.get("correct") else _("not right")
                story.append(_p(f"{number}. {answer['text']} ({verdict}): {answer.get('feedback', '')}", "body"))
    if t.reflection_prompt:
        story += [_p(_("For reflection"), "h2"), _p(t.reflection_prompt, "body")]
    doc.build(story)
    return buffer.getvalue()
