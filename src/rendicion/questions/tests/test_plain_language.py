"""Plain-language figures shown to whoever writes or reviews an answer."""

from rendicion.questions.plain_language import jargon_found, readability, syllables


def test_spanish_syllables_follow_diphthongs_and_hiatus():
    cases = {
        "ciudadanía": 5,  # ciu-da-da-ní-a
        "poeta": 3,
        "día": 2,
        "respuesta": 3,
        "y": 1,
        "hoy": 1,
        "pdf": 1,
        "información": 4,
        "leer": 2,
    }
    assert {word: syllables(word) for word in cases} == cases


def test_a_short_plain_answer_reads_easily():
    check = readability("Puede pedir su cita por internet. También puede llamar a la Línea 195.")
    assert check.sentences == 2 and check.words == 12
    assert check.inflesz > 55 and check.is_plain
    assert check.level in {"normal", "easy", "very_easy"}


def test_long_sentences_and_jargon_are_pointed_out():
    long = " ".join(["palabra"] * 35) + "."
    text = f"En aras de dar cumplimiento a lo solicitado por el peticionario, informamos. {long}"
    check = readability(text)
    assert len(check.long_sentences) == 1
    assert [hit.expression for hit in check.jargon] == [
        "en aras de",
        "dar cumplimiento a",
        "peticionario",
    ]
    assert not check.is_plain


def test_jargon_is_found_ignoring_accents_and_case():
    hits = jargon_found("SÍRVASE ALLEGAR los documentos; sirvase allegar")
    assert [(hit.expression, hit.suggestion) for hit in hits] == [
        ("allegar", "enviar, entregar"),
        ("sírvase", "por favor"),
    ]


def test_an_empty_text_has_no_score():
    check = readability("   ")
    assert check.inflesz is None and check.level == "empty" and not check.is_plain
