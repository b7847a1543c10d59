"""Commitments are recorded with an office and a due date, and followed with progress updates."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from rendicion.commitments import services
from rendicion.commitments.models import CommitmentStatus, commitment_state
from rendicion.core.models import AuditRecord
from rendicion.core.tests.factories import OfficeFactory
from rendicion.spaces.tests.factories import SpaceFactory

from .factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_a_commitment_is_recorded_and_audited():
    space = SpaceFactory()
    office = OfficeFactory(entity=space.strategy.entity)
    commitment = services.commitment_create(
        actor=None,
        data=services.CommitmentData(
            space, "  Publicar la lista de trámites.  ", office, dt.date(2023, 8, 31)
        ),
    )
    assert commitment.description == "Publicar la lista de trámites."
    assert commitment.status == CommitmentStatus.PENDING
    assert AuditRecord.objects.filter(action="commitment_create").count() == 1


def test_bad_commitments_are_refused_at_the_field():
    space = SpaceFactory()
    foreign = OfficeFactory(entity__name="Otra entidad")
    with pytest.raises(ValidationError) as error:
        services.commitment_create(
            actor=None, data=services.CommitmentData(space, "corto", foreign, dt.date(2020, 1, 1))
        )
    assert set(error.value.message_dict) == {"description", "office", "due_date"}


def test_overdue_is_computed_never_typed():
    assert (
        commitment_state("in_progress", dt.date(2023, 12, 15), dt.date(2023, 12, 16)) == "overdue"
    )
    assert commitment_state("pending", dt.date(2023, 12, 15), dt.date(2023, 12, 15)) == "pending"
    assert commitment_state("done", dt.date(2023, 12, 15), dt.date(2024, 1, 1)) == "done"


def test_progress_updates_the_status_and_done_needs_evidence():
    commitment = CommitmentFactory()
    services.commitment_progress_add(
        actor=None,
        commitment=commitment,
        date=dt.date(2023, 5, 2),
        note="Lista en borrador.",
        status="in_progress",
    )
    assert commitment.status == "in_progress"
    with pytest.raises(ValidationError) as error:
        services.commitment_progress_add(
            actor=None,
            commitment=commitment,
            date=dt.date(2023, 6, 1),
            note="Publicada.",
            status="done",
        )
    assert error.value.message_dict == {
        "evidence_url": ["Para marcarlo como cumplido, enlace la evidencia."]
    }
    services.commitment_progress_add(
        actor=None,
        commitment=commitment,
        date=dt.date(2023, 6, 1),
        note="Publicada.",
        status="done",
        evidence_url="https://example.invalid/lista",
    )
    commitment.refresh_from_db()
    assert (commitment.status, commitment.done_on) == ("done", dt.date(2023, 6, 1))


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"note": ""}, "note"),
        ({"date": dt.date(2030, 1, 1)}, "date"),
        ({"date": dt.date(2020, 1, 1)}, "date"),
        ({"evidence_url": "javascript:alert(1)"}, "evidence_url"),
        ({"status": "overdue"}, "status"),
    ],
)
def test_bad_progress_is_refused_at_the_field(overrides, field):
    data = {"date": dt.date(2023, 5, 2), "note": "Avance real.", "status": "in_progress"}
    with pytest.raises(ValidationError) as error:
        services.commitment_progress_add(
            actor=None, commitment=CommitmentFactory(), **{**data, **overrides}
        )
    assert field in error.value.message_dict
