"""What the start page (and a network's page) shows: each app contributes its sections.

Core knows no domain app: an app registers functions in its AppConfig.ready(). A section function
gets an Overview and returns a dict with the "template" to include (and what it shows), or None when
it has nothing to show. Each section makes a fixed number of queries, however much there is.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class Overview:
    user: Any
    since: datetime.datetime | None = None  # the previous visit of the start page
    network: Any = None  # None: all the user's networks; else that network's page
    is_member: bool = True  # on a network's page: False for visitors (the public profile)


Section = Callable[[Overview], dict | None]

_sections: list[tuple[int, Section]] = []
_public: list[tuple[int, Section]] = []


def register(section: Section, *, order: int = 50) -> None:
    """A section of a member's overview (the start page, and a network's page for its members)."""
    if all(existing is not section for _order, existing in _sections):
        _sections.append((order, section))


def register_public(section: Section, *, order: int = 50) -> None:
    """A section of a network's public profile (what visitors see on its page)."""
    if all(existing is not section for _order, existing in _public):
        _public.append((order, section))


def sections(overview: Overview) -> list[dict]:
    return _collect(_sections, overview)


def public_sections(overview: Overview) -> list[dict]:
    return _collect(_public, overview)


def _collect(registered, overview: Overview) -> list[dict]:
    found = []
    for _order, section in sorted(registered, key=lambda item: item[0]):
        if (shown := section(overview)) is not None:
            found.append(shown)
    return found
