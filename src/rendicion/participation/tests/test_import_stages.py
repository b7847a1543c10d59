"""Preview, then confirm: a staged import is imported once, and one nobody confirms goes."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from rendicion.core.tests.factories import UserFactory
from rendicion.participation import services
from rendicion.participation.models import Attendance, PendingImport
from rendicion.participation.services import ImportRefused
from rendicion.spaces.tests.factories import SpaceFactory

pytestmark = pytest.mark.django_db

FILE = "Nombre,Documento,Autorizo\nAna Prueba,99000111,Sí\nLuis Prueba,99000222,Sí\n".encode()


def _stage(space, user, data=FILE):
    return services.attendance_import_stage(
        space=space, data=data, filename="lista.csv", actor=user
    )


def test_a_preview_stores_nobody_and_the_confirmation_imports_once():
    space, user = SpaceFactory(), UserFactory()
    stage = _stage(space, user)
    assert stage.preview.imported == 2 and Attendance.objects.count() == 0
    result = services.attendance_import_confirm(pending=stage.pending, actor=user)
    assert result.imported == 2 and Attendance.objects.count() == 2
    assert not PendingImport.objects.exists()


def test_a_new_preview_replaces_the_persons_earlier_one_of_the_space():
    space, user = SpaceFactory(), UserFactory()
    _stage(space, user)
    _stage(space, user)
    assert PendingImport.objects.count() == 1


def test_previews_nobody_confirmed_expire(settings):
    settings.IMPORT_STAGE_HOURS = 24
    space, user, other = SpaceFactory(), UserFactory(), UserFactory()
    old = _stage(space, user).pending
    PendingImport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=25)
    )
    fresh = _stage(SpaceFactory(), other).pending  # a new stage sweeps the expired ones
    assert list(PendingImport.objects.values_list("pk", flat=True)) == [fresh.pk]

    PendingImport.objects.filter(pk=fresh.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=30)
    )
    out = io.StringIO()
    call_command("import_stages_expire", stdout=out)
    assert json.loads(out.getvalue()) == {"expired": 1}
    assert not PendingImport.objects.exists()


def test_an_expired_preview_cannot_be_confirmed(settings):
    settings.IMPORT_STAGE_HOURS = 24
    space, user = SpaceFactory(), UserFactory()
    pending = _stage(space, user).pending
    pending.created_at = timezone.now() - dt.timedelta(hours=25)
    with pytest.raises(ImportRefused, match="La vista previa venció"):
        services.attendance_import_confirm(pending=pending, actor=user)
    assert Attendance.objects.count() == 0 and not PendingImport.objects.exists()
