"""What a held space produced, as its public page shows it: its report, attendance and
evaluation figures, published answers and commitments.

Those records live in apps above spaces (participation, questions, commitments, reports);
each registers what it contributes in its AppConfig.ready(), as the progress counters do, so
that spaces does not import them. Each source reads a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .models import Space


@dataclass(frozen=True)
class Outcome:
    order: int  # where it goes on the page: 10 report, 20 attendance, 30 evaluation, 40 answers…
    label: str  # "Asistencias"
    value: str = ""  # the figure, already written in Spanish ("253"); empty for a link only
    url: str = ""
    link_text: str = ""


OutcomeSource = Callable[[Space], list[Outcome]]
_sources: dict[str, OutcomeSource] = {}


def space_outcome_register(name: str, source: OutcomeSource) -> None:
    _sources[name] = source


def space_outcomes(space: Space) -> list[Outcome]:
    outcomes = [outcome for source in _sources.values() for outcome in source(space)]
    return sorted(outcomes, key=lambda outcome: outcome.order)
