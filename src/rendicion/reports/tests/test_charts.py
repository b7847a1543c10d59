"""The report charts' drawing (no database): axes that fit the data, each label on its own line
above its bar, a phone width and a desktop width with the same alternative text."""

import base64
import xml.etree.ElementTree as ET

from django.template.loader import render_to_string

from rendicion.reports.charts import NARROW, WIDE, axis_for, bar_chart_svg, chart_image

SVG = "{http://www.w3.org/2000/svg}"
AGES = ["Niñas, niños y adolescentes (menos de 14 años)", "Adultos (29 a 59 años)"]


def _svg(**chart) -> ET.Element:
    return ET.fromstring(bar_chart_svg(**chart))


def _texts(root: ET.Element) -> list[str]:
    return [text.text for text in root.iter(f"{SVG}text")]


def test_a_48_percent_bar_gets_an_axis_to_50_not_one_cut_at_40():
    assert axis_for([48, 30], maximum=None, intervals=4).maximum == 50
    root = _svg(title="Sexo", labels=["Mujer", "Hombre"], values=[48, 30], suffix=" %")
    assert "48 %" in _texts(root) and "50 %" in _texts(root)
    assert "60 %" not in _texts(root)


def test_a_score_over_100_keeps_its_axis_to_100():
    root = _svg(title="Puntaje", labels=["Aprestamiento"], values=[72.5], maximum=100, decimals=1)
    assert {"72,5", "100"} <= set(_texts(root))


def test_on_a_phone_a_long_label_wraps_above_its_bar_and_never_shares_its_line(
    settings,
):
    root = _svg(title="Edad", labels=AGES, values=[48, 52], suffix=" %", width=NARROW)
    assert int(root.get("width")) == NARROW
    texts = {text.text: float(text.get("y")) for text in root.iter(f"{SVG}text")}
    bars = [float(rect.get("y")) for rect in root.iter(f"{SVG}rect") if rect.get("fill") != "white"]
    # The first label is cut into lines, all of them above the first bar.
    first_lines = [t for t in texts if t in AGES[0] and t != AGES[0]]
    assert len(first_lines) >= 2
    assert all(texts[line] < bars[0] for line in first_lines)
    assert bars[0] < texts["Adultos (29 a 59 años)"] < bars[1]
    assert all(len(line) * 14 * 0.64 <= NARROW - 16 for line in _texts(root))


def test_the_page_offers_the_phone_drawing_and_the_same_alternative_text():
    chart = chart_image(
        title="Sexo", labels=["Mujer"], values=[48.0], suffix=" %", alt="Sexo: Mujer 48 %"
    )
    html = render_to_string("reports/partials/chart_image.html", {"chart": chart})
    assert 'media="(max-width: 47.99em)"' in html and f'width="{NARROW}"' in html
    assert 'alt="Sexo: Mujer 48 %"' in html and f'width="{WIDE}"' in html
    narrow = base64.b64decode(chart.narrow.split(",", 1)[1])
    assert ET.fromstring(narrow).find(f"{SVG}title").text == "Sexo"
