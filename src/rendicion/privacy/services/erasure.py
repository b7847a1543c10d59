"""Erasing, retaining and rectifying one person's records across the apps that hold them."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from rendicion.core.models import User
from rendicion.participation import selectors as participation_selectors
from rendicion.participation import services as participation_services
from rendicion.participation.models import Attendance
from rendicion.questions import selectors as questions_selectors
from rendicion.questions import services as questions_services
from rendicion.questions.models import Question

from .records import PersonRecords, personal_data_find

# The kinds of record that hold personal data, in the order every listing uses.
RECORD_TYPES = ["attendance", "invitation_contact", "evaluation", "question", "topic"]


@dataclass
class EraseResult:
    erased: dict[str, int]
    records: list[dict]
    dry_run: bool

    @property
    def total(self) -> int:
        return sum(self.erased.values())


@transaction.atomic
def personal_data_erase(
    *, document: str = "", email: str = "", actor: User | None, dry_run: bool = False
) -> EraseResult:
    """Anonymises every record of this person; the aggregates they count in stay.

    Audited by each app per space, with counts and record ids, never the data itself.
    """
    found = personal_data_find(document=document, email=email)
    records = [{"type": row["type"], "id": row["id"]} for row in found.rows()]
    reason = "request"
    erased = _erase_all(found, actor=actor, reason=reason, dry_run=dry_run)
    if dry_run:
        transaction.set_rollback(True)
    return EraseResult(erased=erased, records=records, dry_run=dry_run)


def _erase_all(
    found: PersonRecords, *, actor: User | None, reason: str, dry_run: bool, keep_published=False
) -> dict[str, int]:
    # Contact consents first: they are found through the e-mail the attendance erase removes.
    erased = {
        "invitation_contact": participation_services.attendance_contact_personal_data_erase(
            attendances=found.invitation_contacts, actor=actor, reason=reason, dry_run=dry_run
        ),
        "attendance": participation_services.attendance_personal_data_erase(
            attendances=found.attendances, actor=actor, reason=reason, dry_run=dry_run
        ),
        "evaluation": participation_services.evaluation_personal_data_erase(
            evaluations=found.evaluations, actor=actor, reason=reason, dry_run=dry_run
        ),
        "question": questions_services.question_personal_data_erase(
            questions=found.questions,
            actor=actor,
            reason=reason,
            keep_published_text=keep_published,
            dry_run=dry_run,
        ),
        "topic": questions_services.topic_personal_data_erase(
            topics=found.topics, actor=actor, reason=reason, dry_run=dry_run
        ),
    }
    return {name: erased[name] for name in RECORD_TYPES}


def retention_cutoff(*, now: dt.datetime | None = None, days: int | None = None) -> dt.datetime:
    """Spaces that started before this moment are past the retention period."""
    now = now or timezone.now()
    days = settings.PERSONAL_DATA_RETENTION_DAYS if days is None else days
    return now - dt.timedelta(days=days)


@dataclass
class RetentionResult:
    retention_days: int
    cutoff: dt.date
    erased: dict[str, int]
    dry_run: bool

    def as_json(self) -> dict:
        return {
            "retention_days": self.retention_days,
            "cutoff": self.cutoff.isoformat(),
            "dry_run": self.dry_run,
            "erased": self.erased,
        }


@transaction.atomic
def personal_data_retention(
    *, now: dt.datetime | None = None, dry_run: bool = False
) -> RetentionResult:
    """Anonymises personal data of spaces older than PERSONAL_DATA_RETENTION_DAYS, the same way
    an erase does. Texts staff reviewed and published stay as the public record."""
    days = settings.PERSONAL_DATA_RETENTION_DAYS
    cutoff = retention_cutoff(now=now, days=days)
    found = PersonRecords(
        document="",
        email="",
        attendances=list(
            participation_selectors.attendance_personal_data_expired(space_started_before=cutoff)
        ),
        invitation_contacts=list(
            participation_selectors.attendance_contact_personal_data_expired(
                space_started_before=cutoff
            )
        ),
        evaluations=list(
            participation_selectors.evaluation_personal_data_expired(space_started_before=cutoff)
        ),
        questions=list(
            questions_selectors.question_personal_data_expired(space_started_before=cutoff)
        ),
        topics=list(questions_selectors.topic_personal_data_expired(space_started_before=cutoff)),
    )
    erased = _erase_all(found, actor=None, reason="retention", dry_run=dry_run, keep_published=True)
    return RetentionResult(
        retention_days=days,
        cutoff=timezone.localdate(cutoff),
        erased=erased,
        dry_run=dry_run,
    )


def personal_data_rectify(*, actor: User | None, record_type: str, pk: int, data: dict) -> None:
    """Corrects the person's data on one record, through the app that owns it."""
    if record_type == "attendance":
        attendance = Attendance.objects.get(pk=pk)
        participation_services.attendance_personal_data_rectify(
            attendance=attendance, actor=actor, **data
        )
    elif record_type == "question":
        question = Question.objects.get(pk=pk)
        questions_services.question_personal_data_rectify(
            question=question,
            actor=actor,
            asker_name=data.get("full_name", ""),
            asker_email=data.get("email", ""),
            asker_phone=data.get("phone", ""),
        )
    else:
        raise ValueError(record_type)
