from django.db.models import QuerySet

from .dates import BusinessCalendar
from .models import AuditRecord, ConsentText, Entity, NonWorkingDay, Office


def entity_current() -> Entity | None:
    """The entity this installation serves (the first one registered)."""
    return Entity.objects.order_by("pk").first()


def office_list(*, entity: Entity) -> QuerySet[Office]:
    return Office.objects.filter(entity=entity, is_active=True).order_by("name")


def audit_list() -> QuerySet[AuditRecord]:
    return AuditRecord.objects.select_related("actor").order_by("-at", "-id")


def business_calendar(*, entity: Entity | None) -> BusinessCalendar:
    """Colombian public holidays plus the days this entity declared non-working (one query)."""
    if entity is None:
        return BusinessCalendar.colombia()
    return BusinessCalendar.colombia(
        NonWorkingDay.objects.filter(entity=entity).values_list("date", flat=True)
    )


def consent_text_current(*, entity: Entity) -> ConsentText | None:
    """The authorisation text citizens accept now: the entity's latest version (None before the
    first one exists; `core.services.consent_text_ensure` creates it)."""
    return ConsentText.objects.filter(entity=entity).order_by("-created_at", "-pk").first()


def consent_text_version(*, entity: Entity, version: str) -> ConsentText | None:
    """A version of the entity's authorisation text, as a form sent it back."""
    return ConsentText.objects.filter(entity=entity, version=version).order_by("-pk").first()
