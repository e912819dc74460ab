"""The cache from CACHE_URL, and a Redis cache that fails open.

Everything the app keeps in the cache can be done without it: throttling counts requests
there, and search responses and large counts are kept there to be answered again. So when a
shared cache (Redis) is unreachable, each cache call acts as a miss and is skipped, with a
warning in the log, instead of failing the request: the API keeps answering, without rate
limits and without cached responses, until the cache is back. ``/readyz`` reports the
outage (503), so that an orchestrator sees it.
"""

import functools
import logging
import time
from typing import Any

import environ
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# After a failure, the cache is not tried again for this long (per process), so that an
# unreachable cache costs one timeout now and then, not one per cache call.
RETRY_AFTER_SECONDS = 5.0
# A cache that does not answer within this long is treated as unreachable.
SOCKET_TIMEOUT_SECONDS = 1.0


def cache_from_url(url: str) -> dict[str, Any]:
    """The CACHES entry for ``url`` (django-environ's schemes); Redis fails open."""
    config = environ.Env.cache_url_config(url)
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "config.cache.FailOpenRedisCache"
        options = config.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT_SECONDS)
    return config


# location -> monotonic time before which the cache is not tried
_down_until: dict[str, float] = {}


def _fail_open(default: Any):
    """Call the Redis operation; if the cache is unreachable, answer ``default``."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < _down_until.get(self._location, 0.0):
                return default(args, kwargs) if callable(default) else default
            try:
                return method(self, *args, **kwargs)
            except UNAVAILABLE as error:
                _down_until[self._location] = time.monotonic() + RETRY_AFTER_SECONDS
                logger.warning(
                    "The cache is unreachable (%s); %s is skipped for %.0f s: no rate "
                    "limits and no cached responses meanwhile.",
                    error.__class__.__name__,
                    method.__name__,
                    RETRY_AFTER_SECONDS,
                )
                return default(args, kwargs) if callable(default) else default

        return wrapper

    return decorate


def _default_of_get(args: tuple, kwargs: dict) -> Any:
    return kwargs.get("default", args[1] if len(args) > 1 else None)


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, where an unreachable server is a miss, never an error."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)

    def check(self) -> None:
        """Raise unless the cache stores and returns a value now (the readiness probe)."""
        super().set("readyz:probe", "ok", timeout=10)
        if super().get("readyz:probe") != "ok":
            raise RedisConnectionError("the cache did not return what was stored")

    get = _fail_open(_default_of_get)(RedisCache.get)
    get_many = _fail_open(lambda args, kwargs: {})(RedisCache.get_many)
    has_key = _fail_open(False)(RedisCache.has_key)
    add = _fail_open(False)(RedisCache.add)
    incr = _fail_open(None)(RedisCache.incr)
    set = _fail_open(None)(RedisCache.set)
    set_many = _fail_open(lambda args, kwargs: [])(RedisCache.set_many)
    touch = _fail_open(False)(RedisCache.touch)
    delete = _fail_open(False)(RedisCache.delete)
    delete_many = _fail_open(None)(RedisCache.delete_many)
    clear = _fail_open(False)(RedisCache.clear)
