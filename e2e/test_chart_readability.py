"""The report charts can be read on a 390 px phone: measured in the browser, every chart's
smallest text is at least 12 CSS px, no two of its labels overlap and no label is cut off by
the chart's edge (a 48 % bar's value is never clipped by an axis that stops at 40 %).

The charts are SVG images (`<img>` with a data URI, the variant the phone's `<picture>` picks)
or inline `<svg>`. An image's SVG is measured by drawing it inline, at the image's place and
rendered size, for as long as the measurement lasts: the geometry is the same as the image's.
"""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
MIN_FONT_PX = 12
TOLERANCE_PX = 0.5

# For every chart on the page: its name, each visible text's rendered font size (computed size
# times the SVG's scale on screen), its box, and the SVG's box.
MEASURE = """
async () => {
  const charts = [];
  const measure = (svg, name) => {
    const scale = svg.getScreenCTM() ? svg.getScreenCTM().a : 1;
    const box = svg.getBoundingClientRect();
    const texts = [];
    for (const text of svg.querySelectorAll("text")) {
      const style = getComputedStyle(text);
      const rect = text.getBoundingClientRect();
      if (!text.textContent.trim() || style.display === "none" || style.visibility === "hidden"
          || Number(style.opacity) === 0 || rect.width === 0 || rect.height === 0) continue;
      const ctm = text.getScreenCTM();
      const textScale = ctm ? Math.hypot(ctm.a, ctm.b) : scale;
      texts.push({
        text: text.textContent.trim(),
        px: parseFloat(style.fontSize) * textScale,
        box: {left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom},
      });
    }
    charts.push({name, texts,
      box: {left: box.left, top: box.top, right: box.right, bottom: box.bottom}});
  };
  for (const svg of document.querySelectorAll("main svg")) {
    measure(svg, svg.getAttribute("aria-label") || svg.id || "svg en línea");
  }
  for (const img of document.querySelectorAll("main img")) {
    const src = img.currentSrc || img.src;
    if (!src.startsWith("data:image/svg+xml") || !img.width) continue;
    // Decoded here: the page's CSP (connect-src) refuses fetch() of a data URI.
    const [head, data] = [src.slice(0, src.indexOf(",")), src.slice(src.indexOf(",") + 1)];
    const markup = head.endsWith(";base64")
      ? new TextDecoder().decode(Uint8Array.from(atob(data), c => c.charCodeAt(0)))
      : decodeURIComponent(data);
    const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
    const svg = document.importNode(doc.documentElement, true);
    const rect = img.getBoundingClientRect();
    const holder = document.createElement("div");
    holder.style.cssText = `position:absolute;margin:0;padding:0;border:0;`
      + `left:${rect.left + scrollX}px;top:${rect.top + scrollY}px;`
      + `width:${rect.width}px;height:${rect.height}px`;
    svg.setAttribute("width", rect.width);
    svg.setAttribute("height", rect.height);
    svg.style.display = "block";
    holder.appendChild(svg);
    document.body.appendChild(holder);
    measure(svg, img.alt.split(":")[0] || "imagen SVG");
    holder.remove();
  }
  return charts;
}
"""


def _overlap(a: dict, b: dict) -> bool:
    return (
        min(a["right"], b["right"]) - max(a["left"], b["left"]) > TOLERANCE_PX
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > TOLERANCE_PX
    )


def _outside(inner: dict, outer: dict) -> bool:
    return (
        inner["left"] < outer["left"] - TOLERANCE_PX
        or inner["top"] < outer["top"] - TOLERANCE_PX
        or inner["right"] > outer["right"] + TOLERANCE_PX
        or inner["bottom"] > outer["bottom"] + TOLERANCE_PX
    )


def chart_problems(path: str, charts: list[dict]) -> tuple[list[str], float | None]:
    """What is unreadable in the page's charts, and the smallest text found (CSS px)."""
    problems, smallest = [], None
    for chart in charts:
        name, texts = chart["name"], chart["texts"]
        for text in texts:
            smallest = text["px"] if smallest is None else min(smallest, text["px"])
            if text["px"] < MIN_FONT_PX - 0.01:
                problems.append(
                    f"{path} «{name}»: el texto «{text['text']}» mide {text['px']:.1f} px"
                )
            if _outside(text["box"], chart["box"]):
                problems.append(f"{path} «{name}»: el texto «{text['text']}» se sale del gráfico")
        for i, first in enumerate(texts):
            for second in texts[i + 1 :]:
                if _overlap(first["box"], second["box"]):
                    problems.append(
                        f"{path} «{name}»: «{first['text']}» se cruza con «{second['text']}»"
                    )
    return problems, smallest


def _chart_pages(page, origin: str) -> list[str]:
    """The public pages that may show a chart: the reports (yearly and published versions)
    and the spaces (a held space shows its report)."""
    paths = ["/informes/"]
    for start, prefixes in (("/informes/", ("/informes/",)), ("/espacios/", ("/espacios/",))):
        page.goto(origin + start)
        hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.href)")
        for href in hrefs:
            parts = urlsplit(href)
            path = parts.path
            if (
                f"{parts.scheme}://{parts.netloc}" == origin
                and path.startswith(prefixes)
                and path.endswith("/")
                and path.count("/") in (3, 4)
                and path not in paths
            ):
                paths.append(path)
    return paths


def test_every_report_chart_is_readable_on_a_390_px_phone(demo, live_server, browser):
    context = browser.new_context(locale="es-CO", timezone_id="America/Bogota", viewport=PHONE)
    page = context.new_page()
    problems, sizes, measured = [], [], 0
    try:
        for path in _chart_pages(page, live_server.url):
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            charts = page.evaluate(MEASURE)
            measured += len(charts)
            found, smallest = chart_problems(path, charts)
            problems += found
            if smallest is not None:
                sizes.append(smallest)
    finally:
        context.close()
    overlaps = sum("se cruza con" in problem for problem in problems)
    clipped = sum("se sale del" in problem for problem in problems)
    print(
        f"charts measured: {measured}; smallest text: {min(sizes, default=0):.1f} px; "
        f"overlapping pairs: {overlaps}; labels cut off: {clipped}"
    )
    # The demo's reports have charts: a test that measured none would prove nothing.
    assert measured >= 3, f"solo se midieron {measured} gráficos"
    assert not problems, "\n".join(problems)


def test_the_measure_catches_small_overlapping_and_clipped_labels():
    """The checks themselves fail on what they are meant to catch."""
    box = {"left": 0, "top": 0, "right": 100, "bottom": 50}
    charts = [
        {
            "name": "prueba",
            "box": box,
            "texts": [
                {"text": "Mujer", "px": 9.5, "box": {"left": 0, "top": 0, "right": 40, "bottom": 10}},
                {"text": "48 %", "px": 12, "box": {"left": 30, "top": 5, "right": 60, "bottom": 15}},
                {"text": "Hombre", "px": 12, "box": {"left": 80, "top": 20, "right": 120, "bottom": 30}},
                {"text": "al lado", "px": 12, "box": {"left": 40, "top": 0, "right": 50, "bottom": 4}},
            ],
        }
    ]  # fmt: skip
    problems, smallest = chart_problems("/x/", charts)
    assert smallest == 9.5
    assert problems == [
        "/x/ «prueba»: el texto «Mujer» mide 9.5 px",
        "/x/ «prueba»: el texto «Hombre» se sale del gráfico",
        "/x/ «prueba»: «Mujer» se cruza con «48 %»",
    ]
