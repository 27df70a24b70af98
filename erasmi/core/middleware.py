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


def _error(request, status: int, message: str):
    from django.shortcuts import render

    response = render(request, "core/error.html", {"status": status, "message": message}, status=status)
    response["Content-Length"] = len(response.content)
    return response


def limit_request_size(get_response):
    """Refuse a request whose body is larger than ERASMI_MAX_REQUEST_SIZE before any of it is read (413).

    The front server should refuse it even earlier (nginx: client_max_body_size, see README).
    """

    def middleware(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.ERASMI_MAX_REQUEST_SIZE:
            from django.utils import translation
            from django.utils.translation import gettext as _

            with translation.override(translation.get_language_from_request(request, check_path=True)):
                return _error(
                    request,
                    413,
                    _("The upload is too large: at most %(size)d MB can be sent at once.")
                    % {"size": settings.ERASMI_MAX_REQUEST_SIZE // (1024 * 1024)},
                )
        return get_response(request)

    return middleware


def _has_nul(text: str) -> bool:
    return "\x00" in text


def refuse_nul_bytes(get_response):
    """One rule for every query parameter, form field and path: a NUL byte is a bad request (400).

    No text the platform stores or searches can hold one, and PostgreSQL refuses it with an error.
    """

    def middleware(request):
        from django.utils.translation import gettext as _

        def has_nul(data) -> bool:
            return any(_has_nul(key) or any(_has_nul(v) for v in values) for key, values in data.lists())

        if _has_nul(request.path) or has_nul(request.GET) or (request.method == "POST" and has_nul(request.POST)):
            return _error(request, 400, _("The request contains a character that is not allowed (NUL)."))
        return get_response(request)

    return middleware
