"""Rate limits per client address and per API key, counted in Django's cache.

Fixed windows: a client gets `n` requests per window, then 429 with Retry-After until the
window ends. Counting by the key's hash means an invalid or revoked key is limited too.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

WINDOWS = {"s": 1, "m": 60, "h": 3600}


def rate_parse(rate: str) -> tuple[int, int]:
    """ "120/m" → (120, 60): requests allowed per window of seconds."""
    try:
        count, unit = rate.split("/")
        return int(count), WINDOWS[unit.strip()]
    except (ValueError, KeyError):
        raise ImproperlyConfigured(
            f"El límite de solicitudes «{rate}» no es válido: use por ejemplo 120/m."
        ) from None


def _hit(scope: str, ident: str, rate: str) -> int | None:
    """Counts one request; seconds to wait when it is over the limit, else None."""
    limit, window = rate_parse(rate)
    now = time.time()
    bucket = int(now // window)
    key = f"api-rate:{scope}:{ident}:{bucket}"
    cache.add(key, 0, window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr: count this request as the first
        cache.set(key, 1, window + 1)
        count = 1
    if count > limit:
        return max(1, int((bucket + 1) * window - now + 0.999))
    return None


def client_address(request: HttpRequest) -> str:
    """The address the rest of the project uses (CLIENT_IP_HEADER behind a proxy)."""
    value = request.META.get(settings.RATELIMIT_IP_META_KEY) or request.META.get("REMOTE_ADDR")
    return (value or "unknown").split(",")[0].strip()


def bearer_key(request: HttpRequest) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _sep, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        return None
    return key.strip()


def api_rate_check(request: HttpRequest) -> int | None:
    """Seconds the client must wait, or None. Both limits count every request."""
    if not settings.RATELIMIT_ENABLE:
        return None
    waits = [_hit("address", client_address(request), settings.API_RATE_PER_ADDRESS)]
    key = bearer_key(request)
    if key is not None:
        ident = hashlib.sha256(key.encode()).hexdigest()
        waits.append(_hit("token", ident, settings.API_RATE_PER_TOKEN))
    waits = [wait for wait in waits if wait is not None]
    return max(waits) if waits else None
