"""The entity's own paragraphs for the annual report, and the sentences the figures allow.

A narrative is the entity's text, checked for plain language like the answers to citizens
(questions.plain_language); the generated sentences say in words what a section's figures show.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rendicion.core.models import User
from rendicion.core.services import audit_record
from rendicion.participation.selectors import Share
from rendicion.questions.plain_language import Readability, readability
from rendicion.strategy.models import Strategy

from .models import NarrativeSection, ReportNarrative


def narrative_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by a blank line; single line breaks join with a space."""
    blocks = [" ".join(line.strip() for line in block.splitlines()) for block in text.split("\n\n")]
    return [block.strip() for block in blocks if block.strip()]


def narratives_for(*, strategy: Strategy) -> dict[str, str]:
    return dict(ReportNarrative.objects.filter(strategy=strategy).values_list("section", "text"))


@dataclass(frozen=True)
class NarrativeCheck:
    section: str
    label: str
    readability: Readability


@transaction.atomic
def report_narratives_save(
    *, actor: User | None, strategy: Strategy, texts: dict[str, str]
) -> list[NarrativeCheck]:
    """Stores the entity's paragraphs per section (an empty text removes it) and returns the
    plain-language check of each text kept."""
    current = narratives_for(strategy=strategy)
    checks = []
    for section, text in texts.items():
        section = NarrativeSection(section)
        text = text.strip().replace("\r\n", "\n")
        if text != current.get(section, ""):
            if text:
                ReportNarrative.objects.update_or_create(
                    strategy=strategy, section=section, defaults={"text": text}
                )
            else:
                ReportNarrative.objects.filter(strategy=strategy, section=section).delete()
            audit_record(
                actor=actor,
                action="report_narrative_save",
                target=strategy,
                changes={section.value: [current.get(section, ""), text]},
            )
        if text:
            checks.append(NarrativeCheck(section.value, str(section.label), readability(text)))
    return checks


# Sentences from the figures ---------------------------------------------------------------

_SEX_PLURAL = {
    "mujer": gettext_lazy("mujeres"),
    "hombre": gettext_lazy("hombres"),
    "intersexual": gettext_lazy("personas intersexuales"),
}
_AGE_PLURAL = {
    "nna": gettext_lazy("niñas, niños y adolescentes"),
    "joven": gettext_lazy("personas jóvenes"),
    "adulto": gettext_lazy("personas adultas"),
    "persona_mayor": gettext_lazy("personas mayores"),
}


def _largest(shares: list[Share], names: dict) -> Share | None:
    known = [s for s in shares if s.code in names and s.count]
    if not known:
        return None
    top = max(known, key=lambda s: s.count)
    # A tie has no "most": say nothing rather than pick one.
    if sum(1 for s in known if s.count == top.count) > 1:
        return None
    return top


def attendance_sentence(by_sex: list[Share], by_age_group: list[Share]) -> str:
    """«La mayoría de las personas asistentes fueron mujeres (48 %) y personas adultas (60 %)»,
    as the seed says it: the largest known group of each breakdown."""
    sex = _largest(by_sex, _SEX_PLURAL)
    age = _largest(by_age_group, _AGE_PLURAL)
    parts = [
        f"{names[share.code]!s} ({share.pct} %)"
        for share, names in ((sex, _SEX_PLURAL), (age, _AGE_PLURAL))
        if share is not None
    ]
    if not parts:
        return ""
    return _("La mayoría de las personas asistentes fueron %(groups)s.") % {
        "groups": _(" y ").join(parts)
    }
