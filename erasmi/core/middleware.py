from django.conf import settings

from erasmi.core import languages


def remember_language(get_response):
    """Keep the language chosen by URL prefix in a cookie, so a bare URL comes back to it."""

    def middleware(request):
        response = get_response(request)
        language = getattr(request, "LANGUAGE_CODE", None)
        prefixed = request.path_info.startswith(f"/{language}/")
        if (
            language in languages.codes()
            and prefixed
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    return middleware
