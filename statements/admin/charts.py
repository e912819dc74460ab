"""Charts as inline SVG, drawn on the server: no script, no chart library, nothing fetched.

Each chart is an ``<svg>`` drawn at its own size in pixels, which shrinks (its ``viewBox``)
where its container is narrower, so that its text is never larger than the page's; titled
and described for screen readers (``aria-labelledby`` its ``<title>`` and ``<desc>``), with
every number written next to its bar and repeated in the bar's tooltip (a ``<title>``).
Every text is escaped (``format_html``), so a speaker named ``<script>`` is drawn as those
characters.
Colours come from CSS classes (``statements/dashboard.css``), so the admin's light and dark
themes both apply.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

COLUMNS_WIDTH = 860  # a chart that takes the page's width
BARS_WIDTH = 420  # a chart that takes half
FONT_SIZE = 12


@dataclass(frozen=True)
class Segment:
    """One part of a column, or one bar: its value, the class that colours it, its tooltip
    and where clicking it leads."""

    value: int
    css_class: str
    tooltip: str
    url: str = ""


@dataclass(frozen=True)
class Column:
    label: str  # under the column
    segments: Sequence[Segment]  # from the bottom up

    @property
    def total(self) -> int:
        return sum(segment.value for segment in self.segments)


@dataclass(frozen=True)
class Bar:
    label: str  # left of the bar, shortened when long (the tooltip says it whole)
    segment: Segment
    note: str = ""  # after the value, e.g. a share: "(12%)"


def _n(value: float) -> str:
    """A coordinate, to a tenth of a unit (format_html escapes its arguments to text, so
    numbers are formatted before)."""
    return f"{value:.1f}"


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is at least ``value`` (1 for 0)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # not reached


def _ticks(top: int) -> list[int]:
    """Four or five round values from 0 to ``top`` (a ``nice_ceiling``)."""
    step = max(top // 4 if top % 4 == 0 and top >= 4 else top // 5 or 1, 1)
    return list(range(0, top + 1, step))


def _svg(
    *, chart_id: str, title: str, description: str, width: int, height: int, body: SafeString
) -> SafeString:
    return format_html(
        '<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'aria-labelledby="{id}-title {id}-desc" font-size="{font}" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        "{body}</svg>",
        width=width,
        height=height,
        id=chart_id,
        font=FONT_SIZE,
        title=title,
        description=description,
        body=body,
    )


def _rect(segment: Segment, *, x: float, y: float, width: float, height: float) -> SafeString:
    rect = format_html(
        '<rect class="{}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
        segment.css_class,
        _n(x),
        _n(y),
        _n(width),
        _n(height),
        segment.tooltip,
    )
    if segment.url:
        return format_html(
            '<a href="{}" aria-label="{}">{}</a>', segment.url, segment.tooltip, rect
        )
    return rect


def stacked_columns(
    columns: Sequence[Column],
    *,
    chart_id: str,
    title: str,
    description: str,
    width: int = COLUMNS_WIDTH,
) -> SafeString:
    """Vertical columns of stacked segments, each column's total above it, a value axis with
    round gridlines on the left."""
    height, top, bottom, left, right = 250, 22, 26, 44, 8
    plot_height = height - top - bottom
    plot_width = width - left - right
    scale_top = nice_ceiling(max((column.total for column in columns), default=0))
    slot = plot_width / max(len(columns), 1)
    bar_width = slot * 0.66

    def y_of(value: float) -> float:
        return top + plot_height - plot_height * value / scale_top

    grid = format_html_join(
        "",
        '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"></line>'
        '<text class="axis" x="{}" y="{}" text-anchor="end" dominant-baseline="middle">'
        "{}</text>",
        (
            (
                left,
                width - right,
                _n(y_of(tick)),
                _n(y_of(tick)),
                left - 6,
                _n(y_of(tick)),
                f"{tick:,}",
            )
            for tick in _ticks(scale_top)
        ),
    )
    parts = [grid]
    for index, column in enumerate(columns):
        x = left + slot * index + (slot - bar_width) / 2
        base = 0
        for segment in column.segments:
            if segment.value:
                parts.append(
                    _rect(
                        segment,
                        x=x,
                        y=y_of(base + segment.value),
                        width=bar_width,
                        height=y_of(base) - y_of(base + segment.value),
                    )
                )
            base += segment.value
        centre = x + bar_width / 2
        if column.total:
            parts.append(
                format_html(
                    '<text class="value" x="{}" y="{}" text-anchor="middle">{}</text>',
                    _n(centre),
                    _n(y_of(column.total) - 5),
                    f"{column.total:,}",
                )
            )
        parts.append(
            format_html(
                '<text class="axis" x="{}" y="{}" text-anchor="middle">{}</text>',
                _n(centre),
                height - 8,
                column.label,
            )
        )
    return _svg(
        chart_id=chart_id,
        title=title,
        description=description,
        width=width,
        height=height,
        body=_joined(parts),
    )


def horizontal_bars(
    bars: Sequence[Bar],
    *,
    chart_id: str,
    title: str,
    description: str,
    label_width: int = 140,
    width: int = BARS_WIDTH,
) -> SafeString:
    """One bar a row, its label on the left and its value (and note) at its end."""
    row, top, right, value_room = 26, 6, 8, 66
    height = top * 2 + row * max(len(bars), 1)
    plot_width = width - label_width - right - value_room
    scale_top = max((bar.segment.value for bar in bars), default=0) or 1
    parts = []
    for index, bar in enumerate(bars):
        y = top + row * index
        length = plot_width * bar.segment.value / scale_top
        middle = y + row / 2
        parts.append(
            format_html(
                '<text class="label" x="{}" y="{}" text-anchor="end" '
                'dominant-baseline="middle">{}</text>',
                label_width - 8,
                _n(middle),
                Truncator(bar.label).chars(label_width // 7),
            )
        )
        parts.append(_rect(bar.segment, x=label_width, y=y + 4, width=length, height=row - 8))
        parts.append(
            format_html(
                '<text class="value" x="{}" y="{}" dominant-baseline="middle">{}{}</text>',
                _n(label_width + length + 6),
                _n(middle),
                f"{bar.segment.value:,}",
                f" {bar.note}" if bar.note else "",
            )
        )
    return _svg(
        chart_id=chart_id,
        title=title,
        description=description,
        width=width,
        height=height,
        body=_joined(parts),
    )


def _joined(parts: Iterable[SafeString]) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))
