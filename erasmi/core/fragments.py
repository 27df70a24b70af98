"""The expensive part of a signed-in page from the shared cache, keyed by the content versions it shows.

A workspace page differs from person to person only in a few places (the menu, forms with their CSRF
token, a personal feed address). Its expensive part (a page of the member list, a month of meetings, a
group's people) is the same for everyone with the same rights. Templates keep that part in Django's
`{% cache %}` tag, varied by `versions` (the tokens of the content versions the part shows: one query),
the language, the reader's rights and the page's parameters. The view hands the template lazy values, so
a hit builds nothing: a change bumps a token, and the next request builds the part anew, on whichever
server it arrives (the cache is the one all workers and servers share). Nothing has to be deleted.

The value also names the release (a digest of the code, templates, catalogues and static files): a part
kept by the code before a deploy (with a link that a fix now hides, say) is not shown by the code after it.
"""

import functools
import hashlib
from pathlib import Path

from django.utils.functional import SimpleLazyObject

from erasmi.core.models import ContentVersion

TIMEOUT = 24 * 3600  # the {% cache %} tags use this too (templates: 86400)


def versions(*keys: str) -> str:
    """The tokens of these content versions as one value for `{% cache %}` to vary on (one query)."""
    tokens = ContentVersion.tokens(list(keys))
    return ",".join([release(), *(str(tokens[key]) for key in keys)])


@functools.cache
def release() -> str:
    """A digest of what renders the kept parts and pages: Erasmi's code, templates, catalogues and static
    files (the pages name the static files by their content's hash); read once per process, the same on
    every server that runs the same release."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and not {"tests", "__pycache__"} & set(path.relative_to(root).parts):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def lazy(build) -> SimpleLazyObject:
    """A value built only when a template reads it, i.e. only when its cached part was not found."""
    return SimpleLazyObject(build)
