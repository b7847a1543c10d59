import datetime as dt

from django.utils import timezone

from rendicion.privacy.services import DataRequestData, data_request_receive


def bogota(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, 0))


def data_request_make(entity, *, right="know", received_at=None, **data):
    """A request as the public form stores it (a fictitious person)."""
    fields = {
        "full_name": "Persona Ficticia",
        "document_number": "99000123",
        "email": "ficticia@example.invalid",
    } | data
    return data_request_receive(
        entity=entity,
        data=DataRequestData(right=right, **fields),
        submission_key=None,
        received_at=received_at or bogota(2024, 3, 22),
    )
