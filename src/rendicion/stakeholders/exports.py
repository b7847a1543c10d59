"""The invitation list for a mailing, each person with a signed link to stop the invitations."""

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from rendicion.core.exporters import ExportColumn, Exporter, exporter_register
from rendicion.spaces.models import Space

from .selectors import Invitee


@exporter_register
class InvitationListExporter(Exporter):
    """Past attendees to invite to a space (personal data: roles that may export invitees)."""

    identifier = "stakeholders.invitations"
    verbose_name = _("Lista de invitados")
    formats = ("csv",)
    columns = (
        ExportColumn("name", _("Nombre")),
        ExportColumn("email", _("Correo electrónico")),
        ExportColumn("group", _("Grupo de valor")),
        ExportColumn("last_space", _("Último espacio al que asistió")),
        ExportColumn("unsubscribe_url", _("Enlace para no recibir más invitaciones")),
    )

    def __init__(
        self, *, space: Space, people: Sequence[Invitee], unsubscribe_url: Callable[[str], str]
    ) -> None:
        """`unsubscribe_url` turns a person's signed token into the absolute address of the link."""
        self.space = space
        self.people = people
        self.unsubscribe_url = unsubscribe_url

    def filename(self) -> str:
        return f"invitados-{self.space.slug}"

    def rows(self) -> Iterator[dict[str, Any]]:
        for person in self.people:
            yield {
                "name": person.name,
                "email": person.email,
                "group": person.group,
                "last_space": person.last_space,
                "unsubscribe_url": self.unsubscribe_url(person.token),
            }
