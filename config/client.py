"""The client's address, by one rule for every reader: the API's rate limits and the admin's
sign-in lockout."""

from django.http import HttpRequest
from rest_framework.throttling import BaseThrottle


def client_address(request: HttpRequest) -> str | None:
    """``REMOTE_ADDR``; behind ``TRUSTED_PROXY_COUNT`` = N proxies, the address the Nth proxy
    from the app appended to ``X-Forwarded-For`` (what a client wrote there is ignored).

    DRF's throttles apply this rule (its ``NUM_PROXIES`` is ``TRUSTED_PROXY_COUNT``); the
    lockout (django-axes) calls this function, so both count the same client."""
    return BaseThrottle().get_ident(request) or None
