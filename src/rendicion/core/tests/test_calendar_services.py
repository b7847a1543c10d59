"""The entity's non-working days: declared by administrators, audited, and every due date that
depends on them follows."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from rendicion.core import services
from rendicion.core.models import AuditRecord, NonWorkingDay
from rendicion.core.selectors import business_calendar
from rendicion.core.tests.factories import EntityFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_declared_day_is_not_a_business_day_for_that_entity_only():
    entity, other = EntityFactory(), EntityFactory(name="Otra entidad")
    services.non_working_day_add(
        actor=None, entity=entity, date=dt.date(2024, 2, 9), reason="Jornada de inventario"
    )
    assert not business_calendar(entity=entity).is_business_day(dt.date(2024, 2, 9))
    assert business_calendar(entity=other).is_business_day(dt.date(2024, 2, 9))


def test_the_same_day_cannot_be_declared_twice():
    entity = EntityFactory()
    services.non_working_day_add(actor=None, entity=entity, date=dt.date(2024, 2, 9), reason="Uno")
    with pytest.raises(ValidationError):
        services.non_working_day_add(
            actor=None, entity=entity, date=dt.date(2024, 2, 9), reason="Otra vez"
        )


def test_listeners_hear_every_change_and_each_change_is_audited(monkeypatch):
    heard = []
    monkeypatch.setattr(services, "_calendar_listeners", {})
    services.calendar_listener_register("test", lambda entity, day: heard.append(day) or 0)
    entity = EntityFactory()
    day = services.non_working_day_add(
        actor=None, entity=entity, date=dt.date(2024, 2, 9), reason="Inventario"
    )
    services.non_working_day_update(
        actor=None, day=day, date=dt.date(2024, 2, 16), reason="Inventario aplazado"
    )
    services.non_working_day_remove(actor=None, day=day)
    assert heard == [
        dt.date(2024, 2, 9),
        dt.date(2024, 2, 9),
        dt.date(2024, 2, 16),
        dt.date(2024, 2, 16),
    ]
    assert list(AuditRecord.objects.order_by("pk").values_list("action", flat=True)) == [
        "non_working_day_add",
        "non_working_day_update",
        "non_working_day_remove",
    ]


def test_administrators_declare_days_in_the_administration(client):
    entity = EntityFactory()
    client.force_login(UserFactory(role="administrator", is_staff=True, is_superuser=True))
    response = client.post(
        "/gestion/admin/core/nonworkingday/add/",
        {"entity": entity.pk, "date": "2024-02-09", "reason": "Jornada de inventario"},
    )
    assert response.status_code == 302
    day = NonWorkingDay.objects.get()
    assert AuditRecord.objects.filter(action="non_working_day_add", object_id=str(day.pk)).exists()
    response = client.post(f"/gestion/admin/core/nonworkingday/{day.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not NonWorkingDay.objects.exists()
    assert AuditRecord.objects.filter(action="non_working_day_remove").exists()
