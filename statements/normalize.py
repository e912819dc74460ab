"""Canonical forms of values that must compare equal however they were typed."""

from urllib.parse import parse_qsl, urlencode, urlunsplit

from django.utils.text import slugify

from statements.validators import InvalidURLError, split_url

__all__ = ["InvalidURLError", "normalize_topic", "normalize_url"]

# Query parameters that only track the reader and never change the document.
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid"}
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_url(url: str) -> str:
    """Return the canonical form of a source URL, so one document has one URL.

    Lower-cases the scheme and host, drops the default port, the fragment and the
    tracking parameters (utm_* and the click ids), and gives an empty path its "/".
    The rest of the path and the order of the other parameters are kept: servers may
    treat them as significant.

    Raises InvalidURLError (a ValidationError and a ValueError) for a URL that urllib
    cannot split, such as ``http://[::1/x`` or a port out of range.
    """
    parts = split_url(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # an IPv6 address, bracketed again (hostname drops the brackets)
        netloc = f"[{host}]"
    else:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            host = host.lower()
        netloc = host
    if parts.username:
        credentials = parts.username + (f":{parts.password}" if parts.password else "")
        netloc = f"{credentials}@{netloc}"
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{parts.port}"
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMETERS
        ],
        doseq=True,
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def normalize_topic(name: str) -> str:
    """Topics are tags: "North Korea" and "north-korea" are the same topic."""
    return slugify(name.strip(), allow_unicode=True)
