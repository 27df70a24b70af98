"""Workflows of the compendium that span several models: import, submission, review."""

import re
import unicodedata
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from erasmi.compendium import notices
from erasmi.compendium.importers import NUMBER_RE, ParsedProfile
from erasmi.compendium.models import (
    Practice,
    PracticeProposal,
    PracticeRevision,
    PracticeTranslation,
    Term,
    TermProposal,
)
from erasmi.compendium.template import TRANSLATED_FIELDS
from erasmi.core import search
from erasmi.core.slugs import slug_for

FACETS = {
    # translation field -> (Term kind, practice field, many)
    "network_type": (Term.Kind.NETWORK_TYPE, "network_type", False),
    "formalisation": (Term.Kind.FORMALISATION, "formalisation", False),
    "fields_of_action": (Term.Kind.FIELD_OF_ACTION, "fields_of_action", True),
    "target_groups": (Term.Kind.TARGET_GROUP, "target_groups", True),
}


# Words that say nothing about which term is meant.
STOP_STEMS = {"della", "delle", "degli", "dello", "nella", "nelle", "oder", "eine", "einer", "samt", "eller", "with"}
MIN_STEM, ENOUGH = 4, 0.5


def term_key(text: str) -> str:
    """A value as the vocabulary compares it: case, accents, punctuation and spacing do not count."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("\u0307", ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", text).strip()


def _content_stems(text: str, language: str) -> list[str]:
    """The stems and words that carry meaning (the stemmer cuts some short words too far: "bolig" -> "bol")."""
    found = [*search.stems(text, language), *search.words(text)]
    return [s for s in dict.fromkeys(found) if len(s) >= MIN_STEM and s not in STOP_STEMS]


def _likeness(a: str, b: str) -> float:
    """1 for the same stem; a compound's part ("aktørnetværk" in "multiaktørnetværk") counts by its share."""
    if a == b:
        return 1.0
    short, long = sorted((a, b), key=len)
    if len(short) >= MIN_STEM and (long.startswith(short) or long.endswith(short)):
        return len(short) / len(long)
    return 0.0


class Vocabulary:
    """Maps a facet value onto a shared term: by any name or alias in any language, else by stemmed words.

    What it cannot map becomes a proposal for an editor (``propose``), never a public term.
    """

    def __init__(self):
        self.by_kind: dict[str, dict[str, Term]] = {}
        self.terms: dict[str, list[Term]] = {}
        for term in Term.objects.all():
            self.terms.setdefault(term.kind, []).append(term)
            index = self.by_kind.setdefault(term.kind, {})
            for name in [*term.names.values(), *term.aliases]:
                index.setdefault(term_key(name), term)

    def find(self, kind: str, name: str, language: str | None = None) -> Term | None:
        """The term the value names; with the value's language also by word overlap (one clear best)."""
        if term := self.by_kind.get(kind, {}).get(term_key(name)):
            return term
        if language is None:
            return None
        wanted = _content_stems(name, language)
        if not wanted:
            return None
        scores = {}
        for term in self.terms.get(kind, []):
            wordings = [term.names[language]] if term.names.get(language) else []
            scores[term] = max(
                (
                    sum(max((_likeness(w, s) for s in stems), default=0.0) for w in wanted) / len(wanted)
                    for stems in (_content_stems(text, language) for text in [*wordings, *term.aliases])
                ),
                default=0.0,
            )
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < ENOUGH or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def propose(self, kind: str, name: str, language: str, practice: Practice) -> TermProposal:
        """The value waits for an editor (one proposal per wording, with every practice that uses it)."""
        proposal, _ = TermProposal.objects.get_or_create(
            kind=kind, key=term_key(name)[:300], defaults={"text": name[:300], "language": language}
        )
        proposal.practices.add(practice)
        return proposal


def snapshot(practice: Practice) -> dict:
    from erasmi.compendium.exports import practice_as_dict

    return practice_as_dict(practice)


def record(practice: Practice, action: str, *, author=None, language: str = "", comment: str = "") -> PracticeRevision:
    practice = Practice.objects.with_listing().prefetch_related("fields_of_action", "target_groups").get(pk=practice.pk)
    return PracticeRevision.objects.create(
        practice=practice,
        author=author,
        action=action,
        language=language,
        comment=comment,
        snapshot=snapshot(practice),
    )


def find_practice(values: dict, title: str = "") -> Practice | None:
    """The practice a profile in another language belongs to: same e-mail, website or name."""
    if email := values.get("email"):
        if found := Practice.objects.filter(email__iexact=email).first():
            return found
    if website := values.get("website"):
        if found := Practice.objects.filter(website__iexact=website).first():
            return found
    name = values.get("name", "")
    # Addresses made before names were transliterated ("netvrk" for "netværk") stay and still match.
    earlier = slugify(re.sub(r"\([^)]*\)", "", name))[:120]
    return Practice.objects.filter(slug__in=[practice_slug(name), earlier]).order_by("pk").first()


def practice_slug(name: str) -> str:
    # "Netzwerk X (translation of the name)" and "Netzwerk X" are the same network.
    return slug_for(re.sub(r"\([^)]*\)", "", name), 120, "practice")


def _city_and_country(location: str, vocabulary: Vocabulary) -> tuple[str, Term | None]:
    parts = [p.strip() for p in re.split(r"\s*[/,]\s*", location) if p.strip()]
    if not parts:
        return "", None
    return parts[0], vocabulary.find(Term.Kind.COUNTRY, parts[-1])


def _member_count(members: str) -> int | None:
    found = NUMBER_RE.search(members or "")
    if not found:
        return None
    digits = re.sub(r"\D", "", found.group(0))
    return int(digits) if digits else None


def apply_facets(practice: Practice, translation: PracticeTranslation, vocabulary: Vocabulary) -> None:
    """Link the practice to the vocabulary terms its original names; what maps onto none waits for an editor.

    The text stays as written; a translation of the original changes no facet.
    """
    language = translation.language
    city, country = _city_and_country(translation.location, vocabulary)
    is_original = translation.state == PracticeTranslation.State.ORIGINAL
    if city and (is_original or not practice.city):
        practice.city = city
    if country and (is_original or practice.country_id is None):
        practice.country = country
    sets_facets = is_original or not practice.translations.filter(language=practice.original_language).exists()
    for text_field, (kind, practice_field, many) in FACETS.items():
        if not sets_facets:
            break
        value = getattr(translation, text_field)
        if not many:
            value = [value] if value else []
        terms, waiting = [], []
        for name in value:
            if term := vocabulary.find(kind, name, language):
                terms.append(term)
            else:
                waiting.append(vocabulary.propose(kind, name, language, practice).pk)
        if many:
            getattr(practice, practice_field).set(list(dict.fromkeys(terms)))
        else:
            setattr(practice, practice_field, terms[0] if terms else None)
        # A wording the practice no longer uses no longer waits on its behalf.
        for stale in practice.term_proposals.filter(kind=kind).exclude(pk__in=waiting):
            stale.practices.remove(practice)
            if not stale.practices.exists():
                stale.delete()
    practice.save()


def _link_waiting(proposal: TermProposal, term: Term) -> None:
    """The practices that used the proposal's wording get the term as their facet value."""
    practice_field, many = next((field, many) for kind, field, many in FACETS.values() if kind == proposal.kind)
    for practice in proposal.practices.all():
        if many:
            getattr(practice, practice_field).add(term)
        elif getattr(practice, f"{practice_field}_id") is None:
            setattr(practice, practice_field, term)
            practice.save()


@transaction.atomic
def map_term_proposal(proposal: TermProposal, term: Term) -> Term:
    """The wording means an existing term: remembered as its alias, so it maps by itself next time."""
    if term.kind != proposal.kind:
        raise ValueError("a proposal maps onto a term of its own kind")
    if term_key(proposal.text) not in {term_key(n) for n in [*term.names.values(), *term.aliases]}:
        term.aliases = [*term.aliases, proposal.text]
        term.save(update_fields=["aliases"])
    _link_waiting(proposal, term)
    proposal.delete()
    return term


@transaction.atomic
def accept_term_proposal(proposal: TermProposal, names: dict[str, str]) -> Term:
    """The wording becomes a new shared term, named in every language."""
    base = slug_for(names.get("en") or proposal.text, 70, "term")
    slug, n = base, 2
    while Term.objects.filter(kind=proposal.kind, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    aliases = [] if term_key(proposal.text) in {term_key(n) for n in names.values()} else [proposal.text]
    term = Term.objects.create(kind=proposal.kind, slug=slug, names=names, aliases=aliases)
    _link_waiting(proposal, term)
    proposal.delete()
    return term


@transaction.atomic
def import_profiles(profiles: Iterable[ParsedProfile], *, author=None, status=Practice.Status.PUBLISHED) -> list:
    """Save parsed profiles; versions of one network end up on one practice. All or nothing."""
    vocabulary = Vocabulary()
    results = []
    for profile in profiles:
        practice, created = save_version(profile.values, profile.language, vocabulary=vocabulary)
        if created:
            practice.change_status(status)
        if profile.status_as_of:
            practice.status_as_of = profile.status_as_of
        if profile.licence:
            practice.licence = profile.licence
        practice.source = practice.source or profile.path.rsplit("/", 1)[-1]
        practice.save()
        record(practice, PracticeRevision.Action.IMPORTED, author=author, language=profile.language)
        results.append((practice, profile.language, created))
    return results


def _create_practice(base: str, **fields) -> Practice:
    """A new practice under a free slug; two at once with the same name get two slugs, never an error."""
    n = 1 + Practice.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$").count()
    for attempt in range(50):
        slug = base if n + attempt == 1 else f"{base}-{n + attempt}"
        if Practice.objects.filter(slug=slug).exists():
            continue
        try:
            with transaction.atomic():
                return Practice.objects.create(slug=slug, **fields)
        except IntegrityError:
            continue  # taken by a parallel submission a moment ago: the next number
    raise RuntimeError(f"no free slug for {base!r}")


def save_version(
    values: dict,
    language: str,
    *,
    vocabulary: Vocabulary | None = None,
    practice: Practice | None = None,
    new: bool = False,
    **extra,
) -> tuple[Practice, bool]:
    """Create or update the version of a practice in one language, and its shared fields.

    Without a practice, the importer finds the one the profile belongs to (same e-mail, website or
    name); a submission (``new``) always makes a new one, never changing another's profile.
    """
    vocabulary = vocabulary or Vocabulary()
    if practice is None and not new:
        practice = find_practice(values)
    created = practice is None
    if created:
        practice = _create_practice(practice_slug(values["name"]), original_language=language, **extra)
    translation = practice.translations.filter(language=language).first() or PracticeTranslation(
        practice=practice, language=language
    )
    for f in TRANSLATED_FIELDS:
        if f.key in values:
            setattr(translation, f.key, values[f.key])
    is_original = language == practice.original_language
    if is_original:
        translation.state = PracticeTranslation.State.ORIGINAL
    elif original := practice.translations.filter(language=practice.original_language).first():
        translation.mark_translated_from(original)
    translation.save()

    for key in ("founding_year", "website", "email"):
        if values.get(key) and (is_original or not getattr(practice, key)):
            setattr(practice, key, values[key])
    count = _member_count(values.get("members", ""))
    if count and (is_original or not practice.member_count):
        practice.member_count = count
    apply_facets(practice, translation, vocabulary)
    return practice, created


@transaction.atomic
def submit_practice(*, values: dict, language: str, user, status_as_of=None) -> Practice:
    """A signed-in user proposes a new practice; it waits for an editor."""
    practice, _created = save_version(
        values, language, new=True, status=Practice.Status.SUBMITTED, submitted_by=user, licence="CC BY 4.0"
    )
    practice.status_as_of = status_as_of
    practice.source = ""
    practice.save()
    revision = record(practice, PracticeRevision.Action.SUBMITTED, author=user, language=language)
    notices.submitted(practice, revision.pk)
    return practice


@transaction.atomic
def edit_practice(practice: Practice, *, values: dict, language: str, user, status_as_of=None) -> Practice:
    """Save one language version; an author's edit after a request for changes goes back to review.

    A published practice changes only through review: anyone but an editor proposes the change, and the
    public version stays until an editor publishes it (from any path: the form, a network's own data).
    """
    if practice.status == Practice.Status.PUBLISHED and not getattr(user, "is_editor", False):
        PracticeProposal.objects.update_or_create(
            practice=practice,
            language=language,
            defaults={"values": values, "status_as_of": status_as_of, "author": user, "created": timezone.now()},
        )
        revision = record(practice, PracticeRevision.Action.PROPOSED, author=user, language=language)
        notices.submitted(practice, revision.pk)
        return practice
    _apply(practice, values=values, language=language, status_as_of=status_as_of)
    resubmitted = not getattr(user, "is_editor", False) and practice.change_status(
        Practice.Status.SUBMITTED, expected=Practice.Status.CHANGES_REQUESTED
    )
    revision = record(practice, PracticeRevision.Action.EDITED, author=user, language=language)
    if resubmitted:
        notices.submitted(practice, revision.pk)
    return practice


def _apply(practice: Practice, *, values: dict, language: str, status_as_of=None) -> None:
    if language == practice.original_language:
        practice.founding_year = values.get("founding_year")
        practice.website = values.get("website", "")
        practice.email = values.get("email", "")
    if status_as_of:
        practice.status_as_of = status_as_of
    practice.save()
    save_version(values, language, practice=practice)


REVIEW_DECISIONS = {
    "publish": (Practice.Status.PUBLISHED, PracticeRevision.Action.PUBLISHED),
    "request_changes": (Practice.Status.CHANGES_REQUESTED, PracticeRevision.Action.CHANGES_REQUESTED),
    "unpublish": (Practice.Status.DRAFT, PracticeRevision.Action.UNPUBLISHED),
}


@transaction.atomic
def review(practice: Practice, decision: str, *, reviewer, comment: str = "") -> Practice:
    """An editor's decision; publishing also publishes the changes proposed to a published practice."""
    status, action = REVIEW_DECISIONS[decision]
    if decision == "publish":
        for proposal in practice.proposals.select_for_update():
            _apply(practice, values=proposal.values, language=proposal.language, status_as_of=proposal.status_as_of)
            proposal.delete()
    elif decision == "unpublish":
        practice.proposals.all().delete()
    practice.change_status(status)
    revision = record(practice, action, author=reviewer, comment=comment)
    notices.decided(practice, decision, revision.pk, comment)
    return practice
