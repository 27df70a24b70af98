"""Whole public responses from the shared cache, keyed by content versions.

A public page (or API answer) is the same for every visitor without a session who asks for it in the
same language, with the same parameters, on the same day. Its body is kept in the cache that all worker
processes and servers share (the database cache, or Redis with REDIS_URL), under a key that holds the
tokens of the content versions it depends on (see ContentVersion): a change bumps the token, and the next
request builds the page anew, on whichever server it arrives. Nothing has to be deleted on change.

Only views' bodies are kept: the middleware (security headers, CSP, the language cookie) runs on every
response as usual. Visitors with a session or a pending message get the page built for them.
"""

import hashlib
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from erasmi.core import fragments
from erasmi.core.models import ContentVersion

TIMEOUT = 24 * 3600
KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def cacheable(request: HttpRequest) -> bool:
    """A request whose answer does not depend on who asks."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def key_of(request: HttpRequest, tokens: dict) -> str:
    parts = [
        fragments.release(),  # a page kept by the code before a deploy is not shown by the code after it
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        translation.get_language() or "",
        request.headers.get("HX-Request", ""),
        timezone.localdate().isoformat(),  # "possibly outdated", "upcoming": what a date changes
        *(f"{key}={token}" for key, token in sorted(tokens.items())),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def cached(request: HttpRequest, versions: list[str], build: Callable[[], HttpResponse]) -> HttpResponse:
    """The response build() makes, or the one it made for the same request since the versions last changed."""
    if not cacheable(request):
        return build()
    tokens = ContentVersion.tokens(versions)
    key = key_of(request, tokens)
    hit = _large.get(key)
    if hit is None and (hit := cache.get(key)) is not None:
        hit = (hit[0], hit[1], unpack(hit[2]))
        if len(hit[2]) >= LARGE:
            _remember(key, hit)
    if hit is not None:
        status, headers, body = hit
        response = HttpResponse(body, status=status)
        for name, value in headers:
            response[name] = value
        return response
    with ContentVersion.held(tokens):
        response = build()
    used_csrf = request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED")
    if response.status_code == 200 and not response.streaming and not response.cookies and not used_csrf:
        headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
        cache.set(key, (response.status_code, headers, pack(response.content)), TIMEOUT)
    return response


# Large bodies (a network's calendar feed: a megabyte) are also kept unpacked in the worker's memory, under
# the same key: it names the content versions, read from the database on every request, so a change on any
# server is seen at once; only reading and unpacking the shared copy is saved. A few, the latest used.
LARGE = 64 * 1024
_large: "OrderedDict[str, tuple]" = OrderedDict()
_LARGE_KEPT = 8
_lock = threading.Lock()


def _remember(key: str, hit: tuple) -> None:
    with _lock:
        _large[key] = hit
        _large.move_to_end(key)
        while len(_large) > _LARGE_KEPT:
            _large.popitem(last=False)


def read(key: str) -> bytes | None:
    """A body kept with write() under a content-versioned key: from this worker's memory when it is large."""
    if (body := _large.get(key)) is not None:
        return body[2]
    packed = cache.get(key)
    if packed is None:
        return None
    body = unpack(packed)
    if len(body) >= LARGE:
        _remember(key, (None, None, body))
    return body


def write(key: str, body: bytes) -> None:
    cache.set(key, pack(body), TIMEOUT)


def forget() -> None:
    """Drop the large bodies this process keeps (tests start without them)."""
    with _lock:
        _large.clear()


def pack(body: bytes) -> bytes:
    """A body as the cache keeps it: compressed (the database cache writes it as base64 text, and a
    tenth of the bytes is decoded in a tenth of the time; Redis sends a tenth)."""
    return zlib.compress(body, 1)


def unpack(stored: bytes) -> bytes:
    return zlib.decompress(stored)


def cached_page(*versions: str):
    """Decorator: the view's response per cached() for the content versions named."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            return cached(request, list(versions), lambda: view(request, *args, **kwargs))

        return wrapper

    return decorator
