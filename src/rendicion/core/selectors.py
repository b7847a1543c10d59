from django.db.models import QuerySet

from .models import AuditRecord, Entity, Office


def entity_current() -> Entity | None:
    """The entity this installation serves (the first one registered)."""
    return Entity.objects.order_by("pk").first()


def office_list(*, entity: Entity) -> QuerySet[Office]:
    return Office.objects.filter(entity=entity, is_active=True).order_by("name")


def audit_list() -> QuerySet[AuditRecord]:
    return AuditRecord.objects.order_by("-at", "-id")
