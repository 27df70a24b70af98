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


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured as error:
            # Fewer X-Forwarded-For entries than the configured proxies: a bad request, not a server error.
            raise SuspiciousOperation(str(error)) from error

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{ratelimit.get_ip(request)}"
