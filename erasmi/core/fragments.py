"""The expensive part of a signed-in page from the shared cache, keyed by the content versions it shows.

A workspace page differs from person to person only in a few places (the menu, forms with their CSRF
token, a personal feed address). Its expensive part (a page of the member list, a month of meetings, a
group's people) is the same for everyone with the same rights. Templates keep that part in Django's
`{% cache %}` tag, varied by `versions` (the tokens of the content versions the part shows: one query),
the language, the reader's rights and the page's parameters. The view hands the template lazy values, so
a hit builds nothing: a change bumps a token, and the next request builds the part anew, on whichever
server it arrives (the cache is the one all workers and servers share). Nothing has to be deleted.
"""

from django.utils.functional import SimpleLazyObject

from erasmi.core.models import ContentVersion

TIMEOUT = 24 * 3600  # the {% cache %} tags use this too (templates: 86400)


def versions(*keys: str) -> str:
    """The tokens of these content versions as one value for `{% cache %}` to vary on (one query)."""
    tokens = ContentVersion.tokens(list(keys))
    return ",".join(str(tokens[key]) for key in keys)


def lazy(build) -> SimpleLazyObject:
    """A value built only when a template reads it, i.e. only when its cached part was not found."""
    return SimpleLazyObject(build)
