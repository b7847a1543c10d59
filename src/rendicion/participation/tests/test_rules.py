"""The rules of DESIGN.md section 2 for people's data, as pure functions (no database)."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from rendicion.core.numbers import percent
from rendicion.participation import rules
from rendicion.participation.rules import AgeGroup, Sex

SPACE_DAY = dt.date(2023, 4, 20)


# Sex ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Femenino", Sex.MUJER),
        ("F", Sex.MUJER),
        ("f", Sex.MUJER),
        ("Mujer", Sex.MUJER),
        ("  MUJER ", Sex.MUJER),
        ("Masculino", Sex.HOMBRE),
        ("M", Sex.HOMBRE),
        ("hombre", Sex.HOMBRE),
        ("Intersexual", Sex.INTERSEXUAL),
        ("", Sex.NO_RESPONDE),
        (None, Sex.NO_RESPONDE),
        ("Prefiero no responder", Sex.NO_RESPONDE),
        ("PREFIERO NO RESPONDER", Sex.NO_RESPONDE),
        ("NS/NR", Sex.NO_RESPONDE),
        ("ns/nr", Sex.NO_RESPONDE),
        ("NS / NR", Sex.NO_RESPONDE),
    ],
)
def test_a_typed_sex_counts_as_its_dane_category(typed, code):
    assert rules.sex_from_text(typed) == (code, True)


@pytest.mark.parametrize("typed", ["Otro", "N/A", "xyz", "Mujeres y hombres"])
def test_an_unknown_sex_counts_as_no_responde_and_is_flagged_for_a_warning(typed):
    assert rules.sex_from_text(typed) == (Sex.NO_RESPONDE, False)


def test_the_sex_codes_are_the_dane_categories():
    assert Sex.values == ["mujer", "hombre", "intersexual", "no_responde"]


# Age ------------------------------------------------------------------------------------------


def test_the_age_group_codes_are_those_of_the_design():
    assert AgeGroup.values == ["nna", "joven", "adulto", "persona_mayor", "no_responde"]


@pytest.mark.parametrize(
    ("age", "group"),
    [
        (0, AgeGroup.NNA),
        (13, AgeGroup.NNA),
        (14, AgeGroup.JOVEN),
        (28, AgeGroup.JOVEN),
        (29, AgeGroup.ADULTO),
        (59, AgeGroup.ADULTO),
        (60, AgeGroup.PERSONA_MAYOR),
        (120, AgeGroup.PERSONA_MAYOR),
        (None, AgeGroup.NO_RESPONDE),
    ],
)
def test_an_age_falls_in_the_group_the_laws_define(age, group):
    assert rules.age_group_for_age(age) == group


@pytest.mark.parametrize(
    ("typed", "group", "age"),
    [
        ("34", AgeGroup.ADULTO, 34),
        (34, AgeGroup.ADULTO, 34),
        (34.0, AgeGroup.ADULTO, 34),
        ("34 años", AgeGroup.ADULTO, 34),
        ("34 AÑOS", AgeGroup.ADULTO, 34),
        ("34 anos", AgeGroup.ADULTO, 34),
        ("13", AgeGroup.NNA, 13),
        ("14", AgeGroup.JOVEN, 14),
        ("60", AgeGroup.PERSONA_MAYOR, 60),
    ],
)
def test_a_number_of_years_gives_the_age_and_its_group(typed, group, age):
    assert rules.age_from_value(typed, on=SPACE_DAY) == rules.AgeReading(group, age, "")


@pytest.mark.parametrize(
    ("typed", "group"),
    [
        ("18 a 28 años", AgeGroup.JOVEN),
        ("29 - 59", AgeGroup.ADULTO),
        ("18-28", AgeGroup.JOVEN),
        ("60+", AgeGroup.PERSONA_MAYOR),
        ("60 o más", AgeGroup.PERSONA_MAYOR),
        ("60 O MAS", AgeGroup.PERSONA_MAYOR),
        ("60 años o más", AgeGroup.PERSONA_MAYOR),
        ("De 29 a 59 años", AgeGroup.ADULTO),
        ("Entre 29 y 59 años", AgeGroup.ADULTO),
        ("29 – 59", AgeGroup.ADULTO),
        ("Mayor de 60", AgeGroup.PERSONA_MAYOR),
        ("Menos de 14", AgeGroup.NNA),
        ("joven", AgeGroup.JOVEN),
        ("Jóvenes", AgeGroup.JOVEN),
        ("Adulto", AgeGroup.ADULTO),
        ("adulto mayor", AgeGroup.PERSONA_MAYOR),
        ("Persona mayor", AgeGroup.PERSONA_MAYOR),
    ],
)
def test_a_range_label_or_a_word_gives_the_group_without_an_age(typed, group):
    assert rules.age_from_value(typed, on=SPACE_DAY) == rules.AgeReading(group, None, "")


@pytest.mark.parametrize(
    "typed", ["", None, "Prefiero no responder", "prefiero NO responder", "NS/NR"]
)
def test_a_blank_or_declined_age_is_no_responde_without_a_warning(typed):
    assert rules.age_from_value(typed, on=SPACE_DAY) == rules.AgeReading(AgeGroup.NO_RESPONDE)


@pytest.mark.parametrize("typed", ["25 a 35", "25 a 35 años", "10-20", "50+", "Menor de 18"])
def test_a_range_that_straddles_two_groups_is_no_responde_with_a_warning(typed):
    reading = rules.age_from_value(typed, on=SPACE_DAY)
    assert (reading.group, reading.age) == (AgeGroup.NO_RESPONDE, None)
    assert "abarca dos grupos" in reading.warning
    assert typed in reading.warning


@pytest.mark.parametrize("typed", ["200", 130, -1, "no sé"])
def test_an_impossible_or_unreadable_age_is_no_responde_with_a_warning(typed):
    reading = rules.age_from_value(typed, on=SPACE_DAY)
    assert (reading.group, reading.age) == (AgeGroup.NO_RESPONDE, None)
    assert reading.warning


@pytest.mark.parametrize(
    ("born", "age", "group"),
    [
        ("20/04/2009", 14, AgeGroup.JOVEN),  # fourteenth birthday on the day of the space
        ("21/04/2009", 13, AgeGroup.NNA),  # the day after
        ("2009-04-21", 13, AgeGroup.NNA),
        (dt.date(1963, 4, 20), 60, AgeGroup.PERSONA_MAYOR),
        (dt.datetime(1963, 4, 21), 59, AgeGroup.ADULTO),  # a spreadsheet date cell
        ("1963-04-21 00:00:00", 59, AgeGroup.ADULTO),
    ],
)
def test_a_birth_date_gives_the_age_at_the_date_of_the_space(born, age, group):
    assert rules.age_from_value(born, on=SPACE_DAY, is_birth_date=True) == rules.AgeReading(
        group, age, ""
    )


def test_the_same_birth_date_gives_another_age_at_another_space():
    assert rules.age_from_value("21/04/2009", on=dt.date(2023, 4, 21), is_birth_date=True).age == 14


def test_a_birth_date_after_the_space_is_no_responde_with_a_warning():
    reading = rules.age_from_value("01/01/2030", on=SPACE_DAY, is_birth_date=True)
    assert (reading.group, reading.age) == (AgeGroup.NO_RESPONDE, None)
    assert "fecha de nacimiento" in reading.warning


# Consent --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        *("Sí", "si", "SI", "SÍ", " sí ", "Acepto", "ACEPTO", "autorizo", "x", "X", "1", "true"),
        *("TRUE", 1, 1.0, True),  # the last three: spreadsheet number and boolean cells
    ],
)
def test_consent_is_given_by_the_yes_answers(typed):
    assert rules.consent_from_text(typed) is True


@pytest.mark.parametrize(
    "typed", ["", None, "No", "no acepto", "0", 0, False, "yes", "tal vez", "Sí, pero no"]
)
def test_any_other_consent_answer_is_no_consent(typed):
    assert rules.consent_from_text(typed) is False


# Identity -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["1.020.304", "1020304", " 1 020 304 ", "1,020,304", "CC 1020304", 1020304, 1020304.0]
)
def test_a_document_keeps_its_digits_only(typed):
    assert rules.document_digits(typed) == "1020304"


@pytest.mark.parametrize("typed", ["", None, "N/A", "  "])
def test_a_document_without_digits_is_no_document(typed):
    assert rules.document_digits(typed) == ""


def test_an_email_is_trimmed_and_lower_cased():
    assert rules.email_clean("  Ana.Perez@Example.COM ") == ("ana.perez@example.com", True)


@pytest.mark.parametrize("typed", ["ana", "ana@", "ana@example", "ana perez@example.com", "@x.co"])
def test_an_email_that_django_rejects_is_dropped_as_invalid(typed):
    assert rules.email_clean(typed) == ("", False)


def test_an_email_longer_than_the_stored_column_is_invalid():
    local = "a" * 64
    domain = ".".join(["b" * 60] * 4) + ".co"  # EmailValidator accepts up to 320 characters
    assert rules.email_clean(f"{local}@{domain}") == ("", False)


def test_a_blank_email_is_no_email_and_not_invalid():
    assert rules.email_clean("  ") == ("", True)
    assert rules.email_clean(None) == ("", True)


@pytest.mark.parametrize(
    "typed", ["José  Pérez", "jose perez", "JOSÉ PÉREZ.", " José-Pérez ", "Jose, Perez"]
)
def test_names_compare_without_accents_case_punctuation_or_extra_spaces(typed):
    assert rules.name_key(typed) == "jose perez"


def test_an_enye_compares_as_its_letter():
    assert rules.name_key("Peña Núñez") == rules.name_key("pena nunez")


# Percentages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "total", "pct"),
    [
        (1, 8, 13),  # 12.5
        (3, 8, 38),  # 37.5
        (5, 8, 63),  # 62.5
        (1, 3, 33),
        (2, 3, 67),
        (1, 200, 1),  # 0.5
        (0, 10, 0),
        (10, 10, 100),
        (0, 0, 0),
        (121, 253, 48),  # the seed's 2023 figures
        (84, 253, 33),
        (48, 253, 19),
    ],
)
def test_percentages_round_half_up_to_whole_numbers(count, total, pct):
    assert percent(count, total) == pct


@settings(max_examples=50, deadline=None)
@given(total=st.integers(min_value=1, max_value=100_000), data=st.data())
def test_a_percentage_is_the_exact_share_rounded_half_up(total, data):
    count = data.draw(st.integers(min_value=0, max_value=total))
    exact = Decimal(count * 100) / Decimal(total)
    assert percent(count, total) == int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@settings(max_examples=50, deadline=None)
@given(
    age=st.integers(min_value=0, max_value=rules.MAX_AGE),
    suffix=st.sampled_from(["", " años", " AÑOS"]),
)
def test_any_possible_age_typed_as_text_falls_in_exactly_its_group(age, suffix):
    reading = rules.age_from_value(f"{age}{suffix}", on=SPACE_DAY)
    groups = [g for g, (low, high) in rules.AGE_BOUNDS.items() if low <= age <= high]
    assert groups == [reading.group]
    assert reading.age == age


@settings(max_examples=50, deadline=None)
@given(low=st.integers(min_value=0, max_value=99), width=st.integers(min_value=0, max_value=40))
def test_a_range_label_names_a_group_only_when_the_whole_range_is_inside_it(low, width):
    high = low + width
    reading = rules.age_from_value(f"{low} a {high} años", on=SPACE_DAY)
    inside = [
        g for g, (g_low, g_high) in rules.AGE_BOUNDS.items() if g_low <= low and high <= g_high
    ]
    if inside:
        assert (reading.group, reading.warning) == (inside[0], "")
    else:
        assert reading.group == AgeGroup.NO_RESPONDE
        assert reading.warning


def test_a_document_from_a_spreadsheets_numeric_cell_loses_its_decimal_zero():
    assert rules.document_digits(1020304050.0) == "1020304050"
    assert rules.document_digits("1020304050.0") == "1020304050"


@settings(max_examples=50, deadline=None)
@given(digits=st.text(alphabet="0123456789", min_size=1, max_size=12), data=st.data())
def test_a_document_written_with_any_separators_keeps_the_same_digits(digits, data):
    separators = data.draw(
        st.lists(
            st.sampled_from([".", " ", "-", ",", ""]), min_size=len(digits), max_size=len(digits)
        )
    )
    written = "".join(d + s for d, s in zip(digits, separators, strict=True))
    # "12345.0" is how a spreadsheet's numeric cell comes out as text: read as 12345 (tested
    # apart), never as a document typed with one separator before its last digit.
    assume(not (written.endswith(".0") and written[:-2].isdigit()))
    assert rules.document_digits(written) == digits


@pytest.mark.parametrize(
    ("answer", "consents"),
    [
        ("Sí", True),
        ("si", True),
        (" SÍ ", True),
        ("Sí, autorizo", True),
        ("SI AUTORIZO", True),
        ("Acepto el tratamiento de mis datos", True),
        ("Autorizo.", True),
        ("acepto", True),
        ("X", True),
        (1, True),
        (1.0, True),
        ("1", True),
        (True, True),
        ("true", True),
        ("no", False),
        ("No", False),
        ("No autorizo", False),
        ("No, no acepto", False),
        ("Sí, pero no autorizo", False),
        ("Acepto, aunque no quisiera", False),
        ("", False),
        (None, False),
        (0, False),
        ("Tal vez", False),
        ("sin autorización", False),
        ("Desacuerdo", False),
        ("Sino", False),
    ],
)
def test_consent_is_a_yes_word_alone_or_followed_by_more_words_without_a_negation(answer, consents):
    assert rules.consent_from_text(answer) is consents
