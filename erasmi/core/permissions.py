"""Who may do what: the one check every view, file and API endpoint goes through.

Rules are keyed by action name; each takes the user and the object. A view that
refuses to show something answers 404, so that its existence is not leaked.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404

_rules: dict[str, Callable] = {}


def rule(action: str):
    def register(func):
        _rules[action] = func
        return func

    return register


def can(user, action: str, obj=None) -> bool:
    try:
        check = _rules[action]
    except KeyError:
        raise LookupError(f"no permission rule for {action!r}") from None
    return bool(check(user, obj))


def require(user, action: str, obj=None, *, hide: bool = False) -> None:
    """Raise 403 (or 404 with hide=True) unless the user may do the action."""
    if not can(user, action, obj):
        raise Http404 if hide else PermissionDenied


def is_editor(user) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_editor", False))
