from django.db.models import QuerySet

from .dates import BusinessCalendar
from .models import AuditRecord, Entity, NonWorkingDay, Office


def entity_current() -> Entity | None:
    """The entity this installation serves (the first one registered)."""
    return Entity.objects.order_by("pk").first()


def office_list(*, entity: Entity) -> QuerySet[Office]:
    return Office.objects.filter(entity=entity, is_active=True).order_by("name")


def audit_list() -> QuerySet[AuditRecord]:
    return AuditRecord.objects.order_by("-at", "-id")


def business_calendar(*, entity: Entity | None) -> BusinessCalendar:
    """Colombian public holidays plus the days this entity declared non-working (one query)."""
    if entity is None:
        return BusinessCalendar.colombia()
    return BusinessCalendar.colombia(
        NonWorkingDay.objects.filter(entity=entity).values_list("date", flat=True)
    )
