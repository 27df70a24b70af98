from django.apps import AppConfig


def remember_language(sender, request, user, **kwargs) -> None:
    """Mails to the person (e.g. invitations) go out in the language they last used here."""
    from erasmi.core import languages

    language = languages.current()
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


class AccountsConfig(AppConfig):
    name = "erasmi.accounts"
    label = "accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(remember_language, dispatch_uid="accounts.remember_language")
