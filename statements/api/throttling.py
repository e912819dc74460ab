"""Rate limits: one counter per client and window, incremented in the shared cache.

DRF's own throttles keep, per client, the list of every request's time in the window, read
and written whole on each request; and an anonymous request goes through both
``AnonRateThrottle`` and ``UserRateThrottle``. At the user rate that is a list of up to
1,200 times, pickled and sent to the cache twice per request, and two clients' concurrent
requests can each overwrite the other's. Here each request costs one atomic increment
(django-ratelimit's fixed windows: ``cache.add``, then ``cache.incr``), whatever the rate.

A fixed window lets a client that waits for its edge send up to twice the rate within a
few seconds; over any longer span the rate holds (README, Environment variables).
"""

from django_ratelimit.core import get_usage
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle


class ClientRateThrottle(SimpleRateThrottle):
    """The ``user`` rate for a signed-in client, counted by user; the ``anon`` rate for an
    anonymous one, counted by address (``get_ident``: ``NUM_PROXIES`` trusted proxies)."""

    def __init__(self) -> None:  # the scope and rate depend on the request
        self.seconds_left = 0

    def allow_request(self, request: Request, view) -> bool:
        user = request.user
        scope, client = (
            ("user", str(user.pk)) if user.is_authenticated else ("anon", self.get_ident(request))
        )
        number, seconds = self.parse_rate(self.THROTTLE_RATES.get(scope))
        if number is None:
            return True
        usage = get_usage(
            request,
            group=f"api-{scope}",
            key=lambda group, request: client,
            rate=f"{number}/{seconds}s",
            increment=True,
        )
        if usage is None:  # the cache is unreachable: no rate limits until it is back
            return True
        self.seconds_left = usage["time_left"]
        return not usage["should_limit"]

    def wait(self) -> float:
        return max(self.seconds_left, 1)
