"""The published 2023 report, read as a citizen reads it (page, PDF and Word): the hearing's
results with their figures, the dialogue plan with its frequency rule, the evidence column, the
entity's narratives and the photos with their alternative text."""

import datetime as dt
import io

import docx
import pytest
from django.utils import timezone
from pypdf import PdfReader

from rendicion.core.models import User
from rendicion.participation.selectors import Share
from rendicion.reports.annual import annual_report
from rendicion.reports.narratives import attendance_sentence
from rendicion.reports.render import report_body_html
from rendicion.spaces.models import SpacePhoto
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.services import DialoguePlanData, dialogue_plan_save

pytestmark = pytest.mark.django_db

SEED_TEXTS = [
    "Gobierno Abierto Bogotá Estrategia omnicanal: Chatico",
    "339.876",
    "entre junio y diciembre de 2022",
    "135.000",
    "661",
    "Sistema Distrital del Cuidado",
    "Crédito Peso a Peso",
    "Mínimo un (1) diálogo trimestral, a partir del segundo trimestre del año",
    "Correo de confirmación de roles y socialización",  # activity 1's evidence
    "Dependencias en cabeza de la Oficina Asesora de Planeación",  # responsible as written
    "gestores de transparencia",
    "La mayoría de las personas asistentes fueron mujeres (48 %) y personas adultas (60 %).",
    "Etapas y dependencias responsables",
    "Gracias",
]


def _pdf_text_and_alts(content: bytes) -> tuple[str, list[str]]:
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    alts: list[str] = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "get"):
            if "/Alt" in node:
                alts.append(str(node["/Alt"]))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return text, alts


def _docx_text_and_alts(content: bytes) -> tuple[str, list[str]]:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    alts = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    return " ".join(" ".join(parts).split()), alts


def test_the_published_2023_report_says_what_the_seed_says_in_every_format(client, demo):
    alt_texts = list(
        SpacePhoto.objects.filter(space__strategy=demo.strategy, is_published=True)
        .order_by("space__starts_at")
        .values_list("alt_text", flat=True)
    )
    assert len(alt_texts) == 5  # one for the hearing and one for each dialogue
    page = client.get("/informes/2023/").text
    for text in SEED_TEXTS:
        assert text in page
    assert '<th scope="col">Evidencias</th>' in page
    for alt in alt_texts:
        assert f'alt="{alt}"' in page
    pdf_text, pdf_alts = _pdf_text_and_alts(client.get("/informes/2023.pdf").getvalue())
    for text in SEED_TEXTS:
        assert text in pdf_text, text
    assert set(alt_texts) <= set(pdf_alts)
    docx_text, docx_alts = _docx_text_and_alts(client.get("/informes/2023.docx").getvalue())
    for text in SEED_TEXTS:
        assert text in docx_text, text
    assert docx_alts == alt_texts


def test_the_dialogue_check_flags_a_quarter_without_a_dialogue_in_the_report():
    space = SpaceFactory(starts_at=timezone.make_aware(dt.datetime(2023, 5, 10, 9)))
    dialogue_plan_save(
        actor=None,
        strategy=space.strategy,
        data=DialoguePlanData(min_per_quarter=1, from_quarter=1, frequency_text=""),
    )
    report = annual_report(strategy=space.strategy)
    dialogues = report.section("dialogues")
    assert [q.quarter for q in dialogues.quarters_missing] == [1, 3, 4]
    html = report_body_html(report)
    assert "Mínimo 1 diálogo por trimestre, a partir del trimestre 1 del año." in html
    assert "3 trimestres no cumplieron la regla de frecuencia del planteamiento." in html


def _shares(**counts) -> list[Share]:
    total = sum(counts.values())
    return [Share(code, code, n, round(100 * n / total)) for code, n in counts.items()]


def test_the_generated_sentence_names_the_largest_groups_and_stays_silent_on_a_tie():
    sex = _shares(mujer=121, hombre=83, no_responde=49)
    age = _shares(persona_mayor=20, joven=45, adulto=152, no_responde=36)
    assert attendance_sentence(sex, age) == (
        "La mayoría de las personas asistentes fueron mujeres (48 %) y personas adultas (60 %)."
    )
    tie = _shares(mujer=10, hombre=10)
    assert attendance_sentence(tie, age) == (
        "La mayoría de las personas asistentes fueron personas adultas (60 %)."
    )
    assert attendance_sentence(tie, _shares(no_responde=3)) == ""


def test_planning_writes_a_narrative_and_sees_its_plain_language_check(client, demo):
    client.force_login(User.objects.get(username="demo-planeacion"))
    url = "/gestion/informes/2023/textos/"
    text = "En aras de informar, la entidad publicó sus cifras."
    response = client.post(url, {"commitments": text, "readiness": "Texto del equipo."})
    assert response.status_code == 302
    page = client.get(url).text
    assert "«en aras de» → para" in page
    preview = client.get("/gestion/informes/2023/").text
    assert text in preview and "Texto del equipo." in preview
    assert "gestores de transparencia" not in preview  # replaced by the new text


def test_the_hearing_report_shows_its_results_and_photo(client, demo):
    client.force_login(User.objects.get(username="demo-planeacion"))
    page = client.get("/gestion/espacios/audiencia-publica-2023/informe/").text
    assert "<strong>339.876</strong> interacciones" in page
    assert "La audiencia en imágenes" in page
