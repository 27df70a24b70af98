from urllib.parse import urlsplit, urlunsplit

from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation

from erasmi.core import languages as langs


def languages(request):
    """The language switcher's links (same page, other language) and the text direction."""
    current = langs.current()
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "name": name, "url": _in_language(request, path, code), "current": code == current}
            for code, name in langs.choices()
        ],
        "text_direction": "rtl" if langs.is_rtl(current) else "ltr",
    }


def _in_language(request, path: str, code: str) -> str:
    """translate_url() without resolving the path again for each language: the request's own match is reversed."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return translate_url(path, code)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    parts = urlsplit(path)
    try:
        with translation.override(code):
            url = reverse(name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return translate_url(path, code)
    return urlunsplit((parts.scheme, parts.netloc, url, parts.query, parts.fragment))
