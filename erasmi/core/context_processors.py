from django.urls import translate_url

from erasmi.core import languages as langs


def languages(request):
    """The language switcher's links (same page, other language) and the text direction."""
    current = langs.current()
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "name": name, "url": translate_url(path, code), "current": code == current}
            for code, name in langs.choices()
        ],
        "text_direction": "rtl" if langs.is_rtl(current) else "ltr",
    }
