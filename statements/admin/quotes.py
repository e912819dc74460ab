"""A quote shown in its source's text, highlighted: on the source's and the attributions' pages."""

from django.core.exceptions import ValidationError
from django.utils.html import format_html

from statements import services
from statements.models import Attribution, Source

QUOTE_CONTEXT = 160  # characters of the source shown around a highlighted quote


# --- Quotes shown in their source ----------------------------------------------------------------


def quote_position(attribution: Attribution, body: str) -> tuple[int, int] | None:
    """Where the quote stands in ``body``: the stored offsets while they still fit the body,
    else anchored again; None when the body does not hold the quote."""
    start, end = attribution.quote_start, attribution.quote_end
    if start is not None and end is not None and body[start:end] == attribution.quote_exact:
        return start, end
    try:
        anchor = services.attribution_anchor(
            source=Source(body=body),
            quote_exact=attribution.quote_exact,
            quote_prefix=attribution.quote_prefix,
            quote_suffix=attribution.quote_suffix,
        )
    except ValidationError:
        return None
    return None if anchor is None else (anchor.start, anchor.end)


def quote_in_source(attribution: Attribution, body: str, *, context: int = QUOTE_CONTEXT) -> str:
    """The quote marked in the source's text, with ``context`` characters around it."""
    if not attribution.quote_exact:
        return "No quote: the source's words were not recorded."
    if not body:
        return format_html(
            "<q>{}</q><br><span class='help'>The source has no text to show it in.</span>",
            attribution.quote_exact,
        )
    position = quote_position(attribution, body)
    if position is None:
        return format_html(
            "<q>{}</q><br><span class='errornote'>Not found in the source's current text.</span>",
            attribution.quote_exact,
        )
    start, end = position
    before, after = max(0, start - context), min(len(body), end + context)
    # Cut the context at word boundaries.
    if before > 0 and (space := body.find(" ", before, start)) != -1:
        before = space + 1
    if after < len(body) and (space := body.rfind(" ", end, after)) != -1:
        after = space
    return format_html(
        '<div class="quote-in-source">{}{}<mark>{}</mark>{}{}</div>',
        "… " if before > 0 else "",
        body[before:start],
        body[start:end],
        body[end:after],
        " …" if after < len(body) else "",
    )
