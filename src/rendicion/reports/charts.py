"""Charts drawn on the server as SVG, embedded as images beside their data tables.

Horizontal bars, each with its label on a line of its own above the bar and its value just past
the bar's end: nothing has to share a line with a long label, so the same layout reads on a
390 px phone and in the PDF. Two widths are drawn: `NARROW` for phones, shown at its natural
size so its 14 px text stays 14 CSS px, and `WIDE` for desktops and the PDF. No JavaScript and
no fonts are loaded; the SVG goes in an <img> as a data URI (the page's strict CSP does not
apply inside an image), and WeasyPrint draws the same SVG as vectors.
"""

import base64
import math
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

# The Okabe–Ito palette, told apart with the common colour blindnesses; the numbers are also in
# the table beside each chart. Text is near-black on white.
PALETTE = ("#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#999999")
INK = "#1b1b1b"
GRID = "#c8d1dc"
FONT = "DejaVu Sans, Arial, sans-serif"
NARROW = 320  # fits a 390 px phone's column (and a 360 px one) without scaling down
WIDE = 720

TITLE_SIZE = 16
TEXT_SIZE = 14
LINE = 1.3  # line height, in font sizes
# An upper bound of DejaVu Sans' average advance (wider than Arial): estimates err on the
# generous side, so wrapped lines and reserved room are never too short.
ADVANCE = 0.64
MARGIN = 8
BAR = 20
GAP = 6  # between a label and its bar
ROW_GAP = 12
VALUE_GAP = 6


def _text_width(text: str, size: float) -> float:
    return len(text) * size * ADVANCE


def _wrap(text: str, size: float, width: float) -> list[str]:
    """Words on lines no wider than `width` (a single long word keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and _text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _nice_step(top: float, intervals: int) -> float:
    """The round step (1, 2, 2.5 or 5 × 10ⁿ) that covers `top` in at most `intervals` steps
    with the lowest end (the smaller step when two end alike)."""
    raw = max(top, 1e-9) / intervals
    power = 10 ** math.floor(math.log10(raw))
    steps = [f * p for p in (power, 10 * power) for f in (1, 2, 2.5, 5) if f * p >= raw - 1e-9]
    return min(steps, key=lambda step: (step * math.ceil(top / step - 1e-9), step))


@dataclass(frozen=True)
class Axis:
    maximum: float
    ticks: list[float]


def axis_for(values: list[float], *, maximum: float | None, intervals: int) -> Axis:
    """From 0 to `maximum` when given (a score over 100), else to the first round number at or
    above the largest value: a 48 % bar gets an axis to 50 %, never one cut at 40 %."""
    top = max([*values, 0.0])
    if maximum is not None:
        step = _nice_step(maximum, intervals)
        end = max(maximum, step * math.ceil(top / step))
    else:
        step = _nice_step(top or 1, intervals)
        end = step * math.ceil((top or 1) / step - 1e-9)
    count = round(end / step)
    return Axis(maximum=end, ticks=[round(step * index, 6) for index in range(count + 1)])


def _number(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def bar_chart_svg(
    *,
    title: str,
    labels: list[str],
    values: list[float],
    suffix: str = "",
    maximum: float | None = None,
    decimals: int = 0,
    width: int = WIDE,
) -> bytes:
    """A horizontal bar chart `width` px wide, one bar per label in the given order, each
    labelled with its value; with `maximum` the axis runs from 0 to it (a score against 100),
    else it fits the values."""
    value_text = [_number(value, decimals) + suffix for value in values]
    inner = width - 2 * MARGIN
    widest_value = max((_text_width(text, TEXT_SIZE) for text in value_text), default=0)
    plot = inner - widest_value - VALUE_GAP
    # Room for each tick's label plus a gap decides how many ticks fit.
    tick_room = _text_width("100" + suffix, TEXT_SIZE) + 12
    axis = axis_for(values, maximum=maximum, intervals=max(1, min(5, int(plot // tick_room))))
    parts: list[str] = []
    y = MARGIN
    for line in _wrap(title, TITLE_SIZE, inner):
        y += TITLE_SIZE * LINE
        parts.append(
            f'<text x="{MARGIN}" y="{y - TITLE_SIZE * 0.3:.1f}" font-size="{TITLE_SIZE}" '
            f'font-weight="bold">{escape(line)}</text>'
        )
    y += ROW_GAP
    top = y
    rows: list[str] = []
    for index, (label, value, text) in enumerate(zip(labels, values, value_text, strict=True)):
        for line in _wrap(label, TEXT_SIZE, inner):
            y += TEXT_SIZE * LINE
            rows.append(f'<text x="{MARGIN}" y="{y - TEXT_SIZE * 0.3:.1f}">{escape(line)}</text>')
        y += GAP
        length = plot * max(value, 0) / axis.maximum
        colour = PALETTE[index % len(PALETTE)]
        rows.append(
            f'<rect x="{MARGIN}" y="{y:.1f}" width="{length:.1f}" height="{BAR}" fill="{colour}"/>'
        )
        rows.append(
            f'<text x="{MARGIN + length + VALUE_GAP:.1f}" y="{y + BAR / 2 + TEXT_SIZE * 0.35:.1f}"'
            f">{escape(text)}</text>"
        )
        y += BAR + ROW_GAP
    bottom = y - ROW_GAP / 2
    grid = []
    for tick in axis.ticks:
        x = MARGIN + plot * tick / axis.maximum
        grid.append(
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" '
            f'stroke="{GRID if tick else INK}" stroke-width="1"/>'
        )
        tick_text = _number(tick, 2).rstrip("0").rstrip(",") + suffix
        anchor = "start" if tick == 0 else "middle"
        if x + _text_width(tick_text, TEXT_SIZE) / 2 > width - MARGIN:
            anchor = "end"
        grid.append(
            f'<text x="{x:.1f}" y="{bottom + TEXT_SIZE * LINE:.1f}" text-anchor="{anchor}">'
            f"{escape(tick_text)}</text>"
        )
    height = math.ceil(bottom + TEXT_SIZE * LINE + MARGIN)
    svg = (
        f'<?xml version="1.0" encoding="utf-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="{FONT}" '
        f'font-size="{TEXT_SIZE}" fill="{INK}">'
        f"<title>{escape(title)}</title>"
        f'<rect width="{width}" height="{height}" fill="white"/>'
        + "".join(grid)
        + "".join(parts)
        + "".join(rows)
        + "</svg>"
    )
    return svg.encode("utf-8")


def svg_data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


@dataclass(frozen=True)
class ChartImage:
    """One chart at both widths, as data URIs with their sizes, and its alternative text."""

    wide: str
    wide_width: int
    wide_height: int
    narrow: str
    narrow_width: int
    narrow_height: int
    alt: str

    def __str__(self) -> str:
        return self.wide


def _size(svg: bytes) -> tuple[int, int]:
    match = re.search(rb'<svg[^>]* width="(\d+)" height="(\d+)"', svg)
    return int(match[1]), int(match[2])


def chart_image(*, alt: str, **chart) -> ChartImage:
    """`bar_chart_svg(**chart)` drawn for phones and for desktops and the PDF."""
    wide = bar_chart_svg(**chart, width=WIDE)
    narrow = bar_chart_svg(**chart, width=NARROW)
    return ChartImage(
        svg_data_uri(wide), *_size(wide), svg_data_uri(narrow), *_size(narrow), alt=alt
    )
