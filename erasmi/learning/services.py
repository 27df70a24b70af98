"""Workflows of the toolkit: loading the content files, recording a learner's progress, checking answers,
and the units that help with a self-assessment's weak factors."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from erasmi.learning.models import (
    MethodCard,
    MethodCardTranslation,
    Progress,
    ReflectionNote,
    State,
    Status,
    Unit,
    UnitTranslation,
)

CONTENT = Path(__file__).parent / "content"


# --- Suggestions for a self-assessment ------------------------------------------------------------


def units_for_factors(keys, language: str) -> list[tuple[Unit, UnitTranslation]]:
    """Published units that help with any of the factor keys (most matching keys first), with their version
    in the language (or the fallback). For the self-assessment's results: "a weak factor? read this unit"."""
    wanted = [k for k in dict.fromkeys(keys or []) if k]
    if not wanted:
        return []
    units = Unit.objects.published().prefetch_related("translations")
    scored = []
    for unit in units:
        matches = [k for k in wanted if k in unit.factors]
        if matches:
            first = min(wanted.index(k) for k in matches)
            scored.append((-len(matches), first, unit.position, unit))
    scored.sort(key=lambda row: row[:3])
    return [(unit, unit.translation(language)) for *_, unit in scored]


# --- Progress ----------------------------------------------------------------------------------------


def record(user, unit: Unit, *, pages=(), exercise_done: bool = False) -> Progress | None:
    """Add pages read (1-based) and the answered exercise to a signed-in learner's progress."""
    if not user.is_authenticated:
        return None
    with transaction.atomic():
        progress, _ = Progress.objects.select_for_update().get_or_create(user=user, unit=unit)
        if progress.merge(pages, exercise_done):
            progress.save()
    return progress


def carry_over(user, data: dict) -> int:
    """Progress kept in the browser before signing in, added to the account: {slug: {pages: [..], exercise: bool}}.

    Unknown or unpublished units are ignored. Returns the number of units whose progress grew."""
    if not isinstance(data, dict):
        return 0
    slugs = [str(k)[:80] for k in list(data)[:50] if "\x00" not in str(k)]  # PostgreSQL cannot compare a NUL
    units = {u.slug: u for u in Unit.objects.published().filter(slug__in=slugs)}
    grown = 0
    for slug, entry in data.items():
        unit = units.get(slug)
        if unit is None or not isinstance(entry, dict):
            continue
        pages = entry.get("pages") if isinstance(entry.get("pages"), list) else []
        before = Progress.objects.filter(user=user, unit=unit).values_list("pages_seen", "exercise_done").first()
        progress = record(user, unit, pages=pages[:100], exercise_done=entry.get("exercise") is True)
        if before != (progress.pages_seen, progress.exercise_done):
            grown += 1
    return grown


def personal_data(user) -> dict:
    """What the toolkit keeps of a learner, for the export of their data (deleted with the account)."""
    return {
        "progress": [
            {"unit": p.unit.slug, "pages_read": p.pages_seen, "exercise_answered": p.exercise_done}
            for p in Progress.objects.filter(user=user).select_related("unit")
        ],
        "reflection_notes": [
            {"unit": n.unit.slug, "text": n.text, "updated": n.updated.isoformat()}
            for n in ReflectionNote.objects.filter(user=user).select_related("unit")
        ],
    }


# --- Exercise ----------------------------------------------------------------------------------------


@dataclass
class Feedback:
    question: dict
    chosen: list[int]
    correct: bool
    notes: list[tuple[str, str, bool]]  # (answer text, feedback, answer is right)


def check_answers(questions: list[dict], chosen: dict[int, list[int]]) -> list[Feedback]:
    """Feedback on each question: whether the choice is right, and the feedback of every answer chosen."""
    result = []
    for number, question in enumerate(questions):
        answers = question.get("answers", [])
        picked = sorted({i for i in chosen.get(number, []) if 0 <= i < len(answers)})
        right = sorted(i for i, a in enumerate(answers) if a.get("correct"))
        notes = [(answers[i]["text"], answers[i].get("feedback", ""), bool(answers[i].get("correct"))) for i in picked]
        result.append(Feedback(question, picked, bool(picked) and picked == right, notes))
    return result


# --- Loading the content files ---------------------------------------------------------------------


def _apply(model, parent_field: str, parent, language: str, values: dict, original) -> bool:
    """Create or update one language version from the files; never one an editor has saved. True if written."""
    values = model.cleaned(values)
    version = model.objects.filter(**{parent_field: parent, "language": language}).first()
    if version is not None and (version.edited_by_id is not None or version.content() == values):
        return False
    version = version or model(**{parent_field: parent, "language": language})
    for key, value in values.items():
        setattr(version, key, value)
    if original is None:
        version.state = State.ORIGINAL
    else:
        version.mark_translated_from(original)
    version.save()
    return True


def _load_versions(model, parent_field: str, parent, translations: dict) -> int:
    written = 0
    original_language = parent.original_language
    original_values = translations[original_language]
    written += _apply(model, parent_field, parent, original_language, original_values, None)
    original = model.objects.get(**{parent_field: parent, "language": original_language})
    for language, values in translations.items():
        if language != original_language:
            written += _apply(model, parent_field, parent, language, values, original)
    return written


CARD_FIELDS = MethodCardTranslation.CONTENT_FIELDS
UNIT_FIELDS = UnitTranslation.CONTENT_FIELDS


@transaction.atomic
def load_toolkit(directory: Path = CONTENT) -> dict:
    """Load every content file (one unit and its method cards per file). Idempotent: what exists and is
    unchanged stays untouched, and a version an editor has saved is never overwritten."""
    counts = {"units": 0, "cards": 0, "versions": 0}
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        unit, created = Unit.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "position": data.get("position", 0),
                "original_language": data["original_language"],
                "factors": data.get("factors", []),
                "status": Status.PUBLISHED,
            },
        )
        counts["units"] += created
        unit_translations = {
            lang: {k: v.get(k, [] if k in ("objectives", "pages", "questions") else "") for k in UNIT_FIELDS}
            for lang, v in data["translations"].items()
        }
        counts["versions"] += _load_versions(UnitTranslation, "unit", unit, unit_translations)
        for position, card_data in enumerate(data.get("cards", []), start=1):
            card, created = MethodCard.objects.get_or_create(
                slug=card_data["slug"],
                defaults={
                    "position": unit.position * 10 + position,
                    "original_language": card_data.get("original_language", data["original_language"]),
                    "status": Status.PUBLISHED,
                },
            )
            counts["cards"] += created
            if not card.units.filter(pk=unit.pk).exists():
                card.units.add(unit)
            card_translations = {
                lang: {k: v.get(k, "") for k in CARD_FIELDS} for lang, v in card_data["translations"].items()
            }
            counts["versions"] += _load_versions(MethodCardTranslation, "card", card, card_translations)
    return counts
