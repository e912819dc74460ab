"""Conditional requests: ETag on every object, 304 on If-None-Match, 412 on a stale If-Match,
428 on a write to published data without If-Match.

The ETag is a digest of the object's JSON representation, so it changes whenever anything
the client sees changes (a nested attribution, a renamed speaker). A write with If-Match
takes the lock its writes take (the statement's, for a statement or an attribution) and
compares against the representation read under that lock, so two editors starting from the
same ETag cannot both win.

Published data is overwritten only knowingly: PUT, PATCH and DELETE of a published
statement, or of an attribution of one, need If-Match. Drafts stay last-write-wins without
it (an editor's work in progress); creating needs none (there is nothing to overwrite).
"""

import hashlib
import json
from typing import Any

from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.utils.encoders import JSONEncoder

from statements.api.exceptions import PreconditionFailed


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = "This request must be conditional: send If-Match with the ETag you read."
    default_code = "precondition_required"


def representation_etag(data: Any) -> str:
    payload = json.dumps(data, cls=JSONEncoder, sort_keys=True, separators=(",", ":"))
    return f'"{hashlib.sha256(payload.encode()).hexdigest()[:40]}"'


def _listed_etags(header: str) -> set[str]:
    # If-None-Match compares weakly: W/"x" and "x" are the same entity tag there.
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def not_modified(request: Request, etag: str) -> bool:
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    tags = _listed_etags(header)
    return "*" in tags or etag in tags


def check_if_match(request: Request, current_etag: str) -> None:
    """Raise 412 (carrying the current ETag) unless If-Match is absent or names it."""
    header = request.headers.get("If-Match")
    if not header:
        return
    # If-Match compares strongly: a weak tag never matches.
    tags = {tag.strip() for tag in header.split(",") if tag.strip()}
    if "*" in tags or current_etag in tags:
        return
    error = PreconditionFailed(
        "The resource changed since you read it (its ETag is now "
        f"{current_etag}): fetch it again, reapply your change and retry."
    )
    error.etag = current_etag
    raise error


def require_if_match(request: Request, reason: str) -> None:
    """Raise 428 unless the request sends If-Match; ``reason`` says why it must ("This
    statement is published")."""
    if request.headers.get("If-Match"):
        return
    raise PreconditionRequired(
        f"{reason}: a write to it needs If-Match. GET {request.path} and send its ETag "
        "header in If-Match, so that you never overwrite a change you have not seen."
    )
