"""Every write to entities, offices and users, and the audit trail every service leaves."""

import datetime as dt
import decimal
from collections.abc import Callable, Iterable
from typing import Any

from django.db import models, transaction

from .models import AuditRecord, ConsentText, Entity, NonWorkingDay, Office, Role, User
from .selectors import consent_text_current


def _plain(value: Any) -> Any:
    """A JSON-safe rendering of a field value for the audit trail."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.datetime | dt.time | decimal.Decimal):
        return str(value)
    if hasattr(value, "name") and hasattr(value, "url"):  # a FieldFile
        return value.name or ""
    if isinstance(value, list | tuple | set):
        return (
            sorted(_plain(item) for item in value)
            if isinstance(value, set)
            else [_plain(item) for item in value]
        )
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The audited fields of an instance as plain values."""
    return {name: _plain(getattr(instance, name)) for name in fields}


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for each field that changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def audit_record(
    *,
    actor: User | None,
    action: str,
    target: models.Model,
    changes: dict[str, Any] | None = None,
) -> AuditRecord:
    """Stores one audit record; called by every service that writes."""
    actor_name = ""
    if actor is not None and actor.is_authenticated:
        actor_name = actor.get_username()
    else:
        actor = None
    return AuditRecord.objects.create(
        actor=actor,
        actor_name=actor_name or "sistema",
        action=action,
        object_type=target._meta.label_lower,
        object_id=str(target.pk or ""),
        object_repr=str(target)[:200],
        changes=changes or {},
    )


ENTITY_FIELDS = [
    "name",
    "short_name",
    "parent_name",
    "address",
    "opening_hours",
    "phone",
    "email",
    "website",
    "privacy_policy_url",
]


@transaction.atomic
def entity_save(*, actor: User | None, entity: Entity | None = None, **data: Any) -> Entity:
    """Creates the entity or updates its public data."""
    creating = entity is None
    entity = entity or Entity()
    before = {} if creating else snapshot(entity, ENTITY_FIELDS)
    for name, value in data.items():
        setattr(entity, name, value)
    entity.full_clean()
    entity.save()
    audit_record(
        actor=actor,
        action="entity_create" if creating else "entity_update",
        target=entity,
        changes=changes_between(before, snapshot(entity, ENTITY_FIELDS)),
    )
    return entity


@transaction.atomic
def office_get_or_create(*, actor: User | None, entity: Entity, name: str) -> Office:
    """Returns the office with that name, creating it (audited) if it does not exist."""
    office, created = Office.objects.get_or_create(entity=entity, name=name)
    if created:
        audit_record(
            actor=actor, action="office_create", target=office, changes={"name": [None, name]}
        )
    return office


@transaction.atomic
def staff_user_save(
    *,
    actor: User | None,
    username: str,
    role: str,
    offices: Iterable[Office] = (),
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    """Creates or updates a staff user with a role and the offices they belong to."""
    if role not in Role.values:
        raise ValueError(f"Unknown role {role!r}")
    user, created = User.objects.get_or_create(username=username)
    before = {} if created else snapshot(user, ["role", "first_name", "last_name", "email"])
    user.role = role
    user.first_name, user.last_name, user.email = first_name, last_name, email
    user.is_staff = role == Role.ADMINISTRATOR
    user.is_superuser = role == Role.ADMINISTRATOR
    if password is not None:
        user.set_password(password)
    user.save()
    user.offices.set(offices)
    changes = changes_between(before, snapshot(user, ["role", "first_name", "last_name", "email"]))
    changes["offices"] = [None, sorted(o.name for o in offices)]
    audit_record(
        actor=actor,
        action="user_create" if created else "user_update",
        target=user,
        changes=changes,
    )
    return user


# Personal-data authorisation (Ley 1581 de 2012) ---------------------------------------------
DEFAULT_CONSENT_TEXT = (
    "Autorizo a {entity} para tratar mis datos personales (nombre, documento, correo, teléfono, "
    "sexo, edad, localidad y grupo de valor) con el fin de registrar mi participación en los "
    "espacios de rendición de cuentas, responder mis inquietudes y producir estadísticas sin "
    "datos que me identifiquen, según la Ley 1581 de 2012. Puedo conocer, actualizar, rectificar "
    "y pedir que se supriman mis datos, y revocar esta autorización, por los canales de atención "
    "de la entidad."
)


def consent_text_ensure(*, entity: Entity) -> ConsentText:
    """The current authorisation text, creating the default version "1" (audited) when the
    entity has none yet. Called where a form is about to offer the text for acceptance: a
    consent is stored with the version the person saw, so that version must exist first."""
    current = consent_text_current(entity=entity)
    if current is not None:
        return current
    with transaction.atomic():
        current, created = ConsentText.objects.get_or_create(
            entity=entity,
            version="1",
            defaults={"text": DEFAULT_CONSENT_TEXT.format(entity=entity.name)},
        )
        if created:
            audit_record(
                actor=None,
                action="consent_text_create",
                target=current,
                changes={"version": [None, "1"]},
            )
    return current


# Business calendar ----------------------------------------------------------------------------
# Apps whose dates are counted in business days (questions) register here, in their
# AppConfig.ready(), what must be recomputed when an entity's calendar changes: core does not
# import the apps that build on it.
CalendarListener = Callable[[Entity, dt.date], int]
_calendar_listeners: dict[str, CalendarListener] = {}


def calendar_listener_register(name: str, listener: CalendarListener) -> None:
    """`listener(entity, day)` recomputes what depends on `day` and returns how many it changed."""
    _calendar_listeners[name] = listener


def _calendar_changed(entity: Entity, day: dt.date) -> dict[str, int]:
    """{listener: how many it changed}, naming only the listeners that changed something."""
    counts = {name: listener(entity, day) for name, listener in sorted(_calendar_listeners.items())}
    return {name: count for name, count in counts.items() if count}


@transaction.atomic
def non_working_day_add(
    *, actor: User | None, entity: Entity, date: dt.date, reason: str
) -> NonWorkingDay:
    """Declares a day non-working for the entity; due dates that depend on it are recomputed."""
    day = NonWorkingDay(entity=entity, date=date, reason=reason.strip())
    day.full_clean()
    day.save()
    recomputed = _calendar_changed(entity, date)
    audit_record(
        actor=actor,
        action="non_working_day_add",
        target=day,
        changes={"date": [None, str(date)], "reason": [None, day.reason], "recomputed": recomputed},
    )
    return day


@transaction.atomic
def non_working_day_update(
    *, actor: User | None, day: NonWorkingDay, date: dt.date, reason: str
) -> NonWorkingDay:
    before = snapshot(day, ["date", "reason"])
    old_date = day.date
    day.date, day.reason = date, reason.strip()
    day.full_clean()
    day.save()
    recomputed = _calendar_changed(day.entity, old_date)
    if date != old_date:
        for name, count in _calendar_changed(day.entity, date).items():
            recomputed[name] = recomputed.get(name, 0) + count
    changes = changes_between(before, snapshot(day, ["date", "reason"]))
    if changes:
        changes["recomputed"] = recomputed
        audit_record(actor=actor, action="non_working_day_update", target=day, changes=changes)
    return day


@transaction.atomic
def non_working_day_remove(*, actor: User | None, day: NonWorkingDay) -> None:
    """The day becomes a business day again; due dates that depend on it are recomputed."""
    entity, date = day.entity, day.date
    audit_record(
        actor=actor,
        action="non_working_day_remove",
        target=day,
        changes={"date": [str(date), None], "reason": [day.reason, None]},
    )
    day.delete()
    _calendar_changed(entity, date)
