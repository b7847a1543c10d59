from hypothesis import given
from hypothesis import strategies as st

from rendicion.core.text import normalise, normalise_words


def test_typed_values_match_ignoring_case_accents_and_spaces():
    assert normalise("  Oficina ASESORA de Planeación ") == "oficina asesora de planeacion"
    assert normalise("Mujer") == normalise("mujer ") == normalise("MÚJER")


def test_words_also_ignore_punctuation():
    assert normalise_words("Meta/Producto") == "meta producto"
    assert normalise_words("No.") == "no"
    assert normalise_words("Avance (%)") == "avance"


@given(st.text(max_size=40))
def test_normalising_twice_changes_nothing(value):
    assert normalise(normalise(value)) == normalise(value)
    assert normalise_words(normalise_words(value)) == normalise_words(value)
