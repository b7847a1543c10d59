"""Two requests racing with the same submission or the same person store one record."""

import datetime as dt
import threading
import uuid

import pytest
from django.db import connection, connections
from django.utils import timezone

from rendicion.core.services import consent_text_ensure
from rendicion.participation.models import Attendance
from rendicion.participation.services import (
    AttendanceData,
    attendance_record,
)
from rendicion.spaces import services as space_services
from rendicion.strategy.tests.factories import StrategyFactory


def _race(space, consent, payloads):
    barrier = threading.Barrier(len(payloads))
    outcomes = []

    def submit(data, key):
        try:
            barrier.wait()
            outcomes.append(
                attendance_record(
                    space=space, data=data, consent_text=consent, submission_key=key
                ).outcome
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=p) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_racing_requests_store_one_record():
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers are exercised on the PostgreSQL leg.")
    space = space_services.space_create(
        actor=None,
        strategy=StrategyFactory(),
        data=space_services.SpaceData(
            kind="dialogue",
            title="Carrera",
            starts_at=timezone.now() + dt.timedelta(hours=1),
            modality="virtual",
        ),
    )
    consent = consent_text_ensure(entity=space.strategy.entity)
    person = AttendanceData(
        full_name="Luis Ensayo", sex="hombre", age_group="adulto", document_number="99000777"
    )
    key = uuid.uuid4()
    assert _race(space, consent, [(person, key)] * 4) == [
        "created",
        "repeated",
        "repeated",
        "repeated",
    ]
    other = AttendanceData(
        full_name="Luis E.", sex="hombre", age_group="adulto", document_number="99.000.777"
    )
    outcomes = _race(space, consent, [(other, uuid.uuid4()) for _ in range(4)])
    assert outcomes == ["same_person"] * 4
    assert Attendance.objects.count() == 1
