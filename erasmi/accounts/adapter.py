"""Login throttling that protects without locking the rightful owner out.

allauth counts failed logins per client address ("ip") and per "key". Its key is the e-mail address alone,
so five wrong passwords from anywhere would lock the owner out everywhere. Here the key is the e-mail
address *and* the client address: an attacker guessing from one client locks out only that client for
that account, and the owner signs in from any other client at once. The client address comes from
allauth's get_client_ip, which trusts X-Forwarded-For only with ALLAUTH_TRUSTED_PROXY_COUNT set.
"""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

AFTER_SIGN_IN = "erasmi_after_sign_in"  # a page that asked a visitor to sign in (e.g. an invitation) waits here


class AccountAdapter(DefaultAccountAdapter):
    def _waiting_page(self, request: HttpRequest) -> str | None:
        """The page that sent the visitor to sign in or up (it clears the mark once they are back)."""
        after = request.session.get(AFTER_SIGN_IN)
        if after and url_has_allowed_host_and_scheme(after, allowed_hosts={request.get_host()}):
            return after
        return None

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return self._waiting_page(request) or super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return self._waiting_page(request) or super().get_signup_redirect_url(request)

    def get_email_verification_redirect_url(self, email_address) -> str:
        """After the confirmation mail too: it may be followed in the same browser, signed in at once."""
        return self._waiting_page(self.request) or super().get_email_verification_redirect_url(email_address)

    def get_client_ip(self, request: HttpRequest) -> str:
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured as error:
            # Fewer X-Forwarded-For entries than the configured proxies: a bad request, not a server error.
            raise SuspiciousOperation(str(error)) from error

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{ratelimit.get_ip(request)}"
