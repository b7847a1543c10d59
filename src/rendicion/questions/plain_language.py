"""Plain-language checks for answers (lenguaje claro), pure and fast: shown to writer and reviewer.

- Readability: the Szigriszt-Pazos perspicuity index read on the INFLESZ scale (Barrio-Cantalejo
  et al., 2008), the usual measure for Spanish, and the older Fernández-Huerta index.
- Sentence length: sentences over LONG_SENTENCE_WORDS words are hard to follow.
- Jargon: administrative expressions the Colombian plain-language guides (DNP, Función Pública)
  ask to replace, each with a plainer alternative.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from rendicion.core.text import normalise

LONG_SENTENCE_WORDS = 30
GOOD_INFLESZ = 55  # "normal" or easier on the INFLESZ scale

# (expression as people write it, plainer alternative)
JARGON: list[tuple[str, str]] = [
    ("en aras de", "para"),
    ("con el fin de", "para"),
    ("a efectos de", "para"),
    ("con el propósito de", "para"),
    ("coadyuvar", "ayudar"),
    ("propender", "buscar, procurar"),
    ("no obstante", "pero, sin embargo"),
    ("en virtud de", "por, según"),
    ("de conformidad con", "según"),
    ("conforme a lo establecido en", "según"),
    ("dar cumplimiento a", "cumplir"),
    ("dar respuesta a", "responder"),
    ("previo a", "antes de"),
    ("posterior a", "después de"),
    ("allegar", "enviar, entregar"),
    ("peticionario", "usted"),
    ("el suscrito", "yo, nosotros"),
    ("la suscrita", "yo, nosotros"),
    ("precitado", "mencionado, este"),
    ("antes mencionado", "este"),
    ("sírvase", "por favor"),
    ("impetrar", "pedir"),
    ("incoar", "iniciar"),
    ("perentorio", "urgente, sin prórroga"),
    ("ut supra", "arriba"),
    ("so pena de", "si no, se"),
    ("de manera perentoria", "sin falta"),
    ("a la mayor brevedad", "pronto (diga cuándo)"),
    ("en el marco de", "en, dentro de"),
    ("se procede a", "(diga quién lo hace)"),
    ("se permite informar", "le informamos"),
    ("nos permitimos informar", "le informamos"),
    ("en lo que respecta a", "sobre"),
    ("cabe resaltar que", "(quítelo)"),
    ("es menester", "es necesario"),
    ("articular", "coordinar, unir"),
    ("operativizar", "poner en marcha"),
    ("transversalizar", "incluir en todo"),
]

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*\n?")
_WORD = re.compile(r"[a-záéíóúüñ]+", re.IGNORECASE)
_VOWELS = set("aeiouáéíóúü")
# Open vowels, and closed vowels carrying an accent: two of them side by side are two syllables.
_STRONG = set("aeoáéóíú")


def syllables(word: str) -> int:
    """Spanish syllables of one word, counted by vowel nuclei (diphthongs and hiatus)."""
    word = word.lower()
    if word == "y":
        return 1
    count = 0
    previous = ""
    for char in word:
        if char in _VOWELS:
            if not previous:
                count += 1
            elif previous in _STRONG and char in _STRONG:
                count += 1  # hiatus: "po-e-ta", "dí-a"
            previous = char
        else:
            previous = ""
    return max(count, 1)


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if _WORD.search(part or "")]


@dataclass(frozen=True)
class JargonHit:
    expression: str
    suggestion: str


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    inflesz: float | None
    fernandez_huerta: float | None
    average_sentence_words: float
    long_sentences: list[str] = field(default_factory=list)
    jargon: list[JargonHit] = field(default_factory=list)

    @property
    def level(self) -> str:
        score = self.inflesz
        if score is None:
            return "empty"
        if score < 40:
            return "very_hard"
        if score < 55:
            return "hard"
        if score < 65:
            return "normal"
        if score <= 80:
            return "easy"
        return "very_easy"

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS[self.level])

    @property
    def is_plain(self) -> bool:
        """Readable enough, no long sentences and no jargon."""
        return (
            self.inflesz is not None
            and self.inflesz >= GOOD_INFLESZ
            and not self.long_sentences
            and not self.jargon
        )


LEVEL_LABELS = {
    "empty": _("Sin texto"),
    "very_hard": _("Muy difícil"),
    "hard": _("Algo difícil"),
    "normal": _("Normal"),
    "easy": _("Bastante fácil"),
    "very_easy": _("Muy fácil"),
}


def jargon_found(text: str) -> list[JargonHit]:
    normalised = f" {' '.join(_WORD.findall(normalise(text)))} "
    hits = []
    for expression, suggestion in JARGON:
        key = " ".join(_WORD.findall(normalise(expression)))
        if f" {key} " in normalised:
            hits.append(JargonHit(expression, suggestion))
    return hits


def readability(text: str) -> Readability:
    """Readability figures of a Spanish text; the indexes are None for a text without words."""
    parts = sentences(text)
    word_lists = [_WORD.findall(part) for part in parts]
    words = sum(len(w) for w in word_lists)
    syllable_count = sum(syllables(word) for ws in word_lists for word in ws)
    sentence_count = len(parts)
    long = [" ".join(ws[:8]) + "…" for ws in word_lists if len(ws) > LONG_SENTENCE_WORDS]
    if not words:
        return Readability(0, 0, 0, None, None, 0.0, [], jargon_found(text))
    inflesz = 206.835 - 62.3 * (syllable_count / words) - (words / sentence_count)
    fernandez_huerta = (
        206.84 - 0.60 * (100 * syllable_count / words) - 1.02 * (100 * sentence_count / words)
    )
    return Readability(
        words=words,
        sentences=sentence_count,
        syllables=syllable_count,
        inflesz=round(inflesz, 1),
        fernandez_huerta=round(fernandez_huerta, 1),
        average_sentence_words=round(words / sentence_count, 1),
        long_sentences=long,
        jargon=jargon_found(text),
    )
