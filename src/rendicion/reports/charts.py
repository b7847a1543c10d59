"""Charts drawn on the server as SVG with pygal, embedded as images beside their data tables.

pygal is a small, pure-Python, maintained SVG charting library: no JavaScript is needed to see
its charts (we turn its optional tooltips script off) and the output is vector, so it stays sharp
in the PDF. The SVG goes in an <img> as a data URI: the page's strict CSP does not apply inside an
image, and WeasyPrint draws the same SVG as vectors.
"""

import base64
import hashlib
import re

import pygal
from pygal.style import Style

# The Okabe–Ito palette, told apart with the common colour blindnesses; black value labels on
# these colours have a contrast of 6:1 or more. The numbers are also in the table beside it.
PALETTE = ("#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#999999")
STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#1b1b1b",
    foreground_strong="#1b1b1b",
    foreground_subtle="#4a4a4a",
    colors=PALETTE,
    font_family="DejaVu Sans, Arial, sans-serif",
    title_font_size=18,
    label_font_size=14,
    major_label_font_size=14,
    value_font_size=14,
    value_label_font_size=14,
    legend_font_size=14,
    opacity="1",
    opacity_hover="1",
)


def bar_chart_svg(
    *,
    title: str,
    labels: list[str],
    values: list[float],
    suffix: str = "",
    maximum: float | None = None,
    decimals: int = 0,
) -> bytes:
    """A horizontal bar chart, one bar per label, each bar labelled with its value; with
    `maximum` the axis runs from 0 to it (a score against 100), else it fits the values."""
    chart = pygal.HorizontalBar(
        style=STYLE,
        width=720,
        height=90 + 46 * max(1, len(labels)),
        show_legend=False,
        print_values=True,
        js=[],
        disable_xml_declaration=False,
        explicit_size=True,
        margin=16,
        spacing=12,
        show_y_guides=False,
        title=title,
        truncate_label=-1,
        value_formatter=lambda value: f"{value:.{decimals}f}".replace(".", ",") + suffix,
        **({"range": (0, maximum), "xrange": (0, maximum)} if maximum is not None else {}),
    )
    # pygal draws horizontal bars bottom-up; reverse so the first label is on top.
    chart.x_labels = list(reversed(labels))
    bars = [{"value": v, "color": PALETTE[i % len(PALETTE)]} for i, v in enumerate(values)]
    chart.add(title, list(reversed(bars)))
    return _deterministic(chart.render(), title, labels, values)


_SCRIPT = re.compile(rb"<script[^>]*>.*?</script>", re.DOTALL)
# pygal writes "Generated with pygal … on <today's date>" as a comment into every chart.
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _deterministic(svg: bytes, title: str, labels: list[str], values: list[int]) -> bytes:
    """Without pygal's tooltip script, random id and dated comment: the same figures give the
    same bytes, on any day and in any process."""
    digest = hashlib.sha256(repr((title, labels, values)).encode()).hexdigest()
    stable_id = f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    return _UUID.sub(stable_id.encode(), _COMMENT.sub(b"", _SCRIPT.sub(b"", svg)))


def svg_data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
