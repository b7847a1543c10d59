"""The topic matrix per office (cronograma activity 6): built from the spaces' topics and the
topics citizens proposed, never typed twice. Staff get every topic; the public version carries
only proposed topics whose text staff reviewed (selectors.public.PUBLIC_TOPIC)."""

from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from rendicion.core.exporters import ColumnType, ExportColumn, Exporter, exporter_register
from rendicion.spaces.models import Space, SpaceStatus
from rendicion.strategy.models import Strategy

from .models import ProposedTopic
from .selectors.public import PUBLIC_TOPIC


@exporter_register
class TopicMatrixExporter(Exporter):
    """One row per topic and office: the spaces' own topics, then the proposed ones."""

    identifier = "questions.topic_matrix"
    verbose_name = _lazy("Matriz de temas por dependencia")
    sheet_title = "Matriz de temas"
    formats = ("xlsx", "html", "csv")
    freeze_panes = "A2"
    wrap_text = True
    columns = (
        ExportColumn("office", _lazy("Dependencia"), width=40),
        ExportColumn("topic", _lazy("Tema"), width=50),
        ExportColumn("origin", _lazy("Origen"), width=30),
        ExportColumn("space", _lazy("Espacio"), width=50),
        ExportColumn("date", _lazy("Fecha del espacio"), ColumnType.DATE, width=14),
        ExportColumn("state", _lazy("Estado"), width=22),
    )

    def __init__(self, *, strategy: Strategy, public: bool = False) -> None:
        self.strategy = strategy
        self.public = public

    def filename(self) -> str:
        return f"matriz-de-temas-{self.strategy.year}"

    def rows(self) -> Iterator[dict[str, Any]]:
        rows = [*self._space_rows(), *self._proposed_rows()]
        rows.sort(key=lambda r: (r["office"], r["date"] or timezone.now().date(), r["topic"]))
        yield from rows

    def _space_rows(self) -> Iterator[dict[str, Any]]:
        spaces = (
            Space.objects.filter(strategy=self.strategy)
            .exclude(status=SpaceStatus.CANCELLED)
            .prefetch_related("organisers")
            .order_by("starts_at", "pk")
        )
        if self.public:
            spaces = spaces.filter(is_published=True)
        for space in spaces:
            date = timezone.localtime(space.starts_at).date()
            for office in space.organisers.all():
                for topic in space.topics:
                    yield {
                        "office": office.name,
                        "topic": topic,
                        "origin": str(space.get_kind_display()),
                        "space": space.title,
                        "date": date,
                        "state": _("Tema del espacio"),
                    }

    def _proposed_rows(self) -> Iterator[dict[str, Any]]:
        year = self.strategy.year
        topics = (
            ProposedTopic.objects.filter(entity=self.strategy.entity, merged_into=None)
            .filter(
                Q(proposed_on__year=year)
                | Q(proposed_for__strategy=self.strategy)
                | Q(included_in__strategy=self.strategy)
            )
            .select_related("office", "included_in", "proposed_for")
            .order_by("proposed_on", "pk")
        )
        if self.public:
            topics = topics.filter(PUBLIC_TOPIC)
        for topic in topics:
            space = topic.included_in or topic.proposed_for
            yield {
                "office": topic.office.name if topic.office else _("Sin dependencia asignada"),
                "topic": topic.text,
                "origin": _("Propuesto por la ciudadanía (%(channel)s)")
                % {"channel": topic.get_channel_display()},
                "space": space.title if space else "",
                "date": timezone.localtime(space.starts_at).date() if space else None,
                "state": str(topic.get_state_display()),
            }
