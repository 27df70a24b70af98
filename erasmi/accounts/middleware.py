"""Mails to a person go out in the language they last used here, not only the one they signed in with."""

from django.contrib.auth import get_user_model

from erasmi.core import languages


def account_language(get_response):
    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        language = languages.current()
        if user is not None and user.is_authenticated and user.language != language and language in languages.codes():
            get_user_model().objects.filter(pk=user.pk).update(language=language)  # only when it changes
        return response

    return middleware
