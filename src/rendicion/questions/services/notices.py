"""E-mail notices about questions, sent by `rendicion send_reminders` (for cron or a timer).

Each notice is recorded before it is sent, in the same transaction, under a unique key: running
the command again (or twice at once) never sends the same notice twice, and a notice whose
sending failed is not recorded, so the next run tries it again.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from rendicion.core.dates import business_days_after, business_days_between
from rendicion.core.models import Entity, Office, Role, User
from rendicion.core.selectors import business_calendar
from rendicion.core.services import audit_record

from ..models import (
    ANSWERED_STATES,
    OPEN_STATES,
    NoticeKind,
    Question,
    QuestionNotice,
    QuestionState,
)

logger = logging.getLogger(__name__)

DEFAULT_REMINDER_DAYS = 3
COUNTERS = {
    NoticeKind.ASSIGNED: "assigned",
    NoticeKind.REMINDER: "reminders",
    NoticeKind.ANSWERED: "answered",
}


@dataclass
class NoticeResult:
    assigned: int = 0
    reminders: int = 0
    answered: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "assigned": self.assigned,
            "reminders": self.reminders,
            "answered": self.answered,
            "failed": self.failed,
        }


def reminder_days() -> int:
    return int(getattr(settings, "QUESTION_REMINDER_BUSINESS_DAYS", DEFAULT_REMINDER_DAYS))


def _staff_url(question: Question) -> str:
    base = getattr(settings, "RENDICION_SITE_URL", "").rstrip("/")
    return f"{base}{reverse('questions:staff_detail', args=[question.pk])}"


def office_recipients(office: Office) -> list[str]:
    """The office's active staff with an e-mail; the planning office when it has none."""
    emails = sorted(
        set(
            User.objects.filter(offices=office, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if emails:
        return emails
    return sorted(
        set(
            User.objects.filter(role=Role.PLANNING, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def _send_once(
    *, question: Question, kind: str, key: str, recipients: list[str], template: str, context
) -> bool:
    """Records and sends one notice; False when it was already sent (or nobody can receive it)."""
    if not recipients:
        return False
    try:
        with transaction.atomic():
            QuestionNotice.objects.create(
                question=question, kind=kind, key=key, recipients=len(recipients)
            )
            subject = render_to_string(f"questions/email/{template}_subject.txt", context)
            body = render_to_string(f"questions/email/{template}.txt", context)
            send_mail(
                " ".join(subject.split()),
                body,
                settings.DEFAULT_FROM_EMAIL,
                recipients,
            )
    except IntegrityError:
        return False  # sent by an earlier (or a concurrent) run
    return True


def _not_sent(kind: str, key) -> Exists:
    return ~Exists(QuestionNotice.objects.filter(question=OuterRef("pk"), kind=kind, key=key))


def _context(question: Question, today: dt.date, calendar) -> dict:
    return {
        "question": question,
        "space": question.space,
        "office": question.office,
        "deadline": question.deadline,
        "days_left": business_days_between(today, question.deadline, calendar),
        "url": _staff_url(question),
    }


# Long because it walks the three notice kinds (assignment, reminder, answer) in one pass, each
# recorded under its unique key before sending; split, the once-only rule would be in three places.
def notices_send(*, today: dt.date | None = None, days_before: int | None = None) -> NoticeResult:
    """Sends what is due today: assignment notices, reminders N business days before the
    deadline, and the approved answer to askers who left an e-mail."""
    today = today or timezone.localdate()
    days_before = reminder_days() if days_before is None else days_before
    result = NoticeResult()
    base = Question.objects.select_related("space", "space__strategy", "office", "answer")
    for entity in Entity.objects.filter(
        pk__in=Question.objects.values("space__strategy__entity")
    ).order_by("pk"):
        calendar = business_calendar(entity=entity)
        mine = base.filter(space__strategy__entity=entity)
        cutoff = business_days_after(today, days_before, calendar)
        steps = [
            (
                NoticeKind.ASSIGNED,
                "assigned",
                mine.filter(state=QuestionState.ASSIGNED).filter(
                    _not_sent(NoticeKind.ASSIGNED, Cast(OuterRef("office_id"), CharField()))
                ),
                lambda q: str(q.office_id),
            ),
            (
                NoticeKind.REMINDER,
                "reminder",
                mine.filter(
                    state__in=OPEN_STATES,
                    office__isnull=False,
                    deadline__gte=today,
                    deadline__lte=cutoff,
                ).filter(_not_sent(NoticeKind.REMINDER, Cast(OuterRef("deadline"), CharField()))),
                lambda q: q.deadline.isoformat(),
            ),
            (
                NoticeKind.ANSWERED,
                "answered",
                mine.filter(state__in=ANSWERED_STATES, consent_at__isnull=False)
                .exclude(asker_email="")
                .filter(_not_sent(NoticeKind.ANSWERED, "answer")),
                lambda q: "answer",
            ),
        ]
        for kind, template, candidates, key in steps:
            for question in candidates.order_by("pk").iterator(chunk_size=500):
                if kind == NoticeKind.ANSWERED:
                    recipients = [question.asker_email]
                else:
                    recipients = office_recipients(question.office)
                try:
                    sent = _send_once(
                        question=question,
                        kind=kind,
                        key=key(question),
                        recipients=recipients,
                        template=template,
                        context=_context(question, today, calendar),
                    )
                except Exception as error:  # the mail server; try again on the next run
                    logger.exception("notice %s for question %s failed", kind, question.pk)
                    result.failed += 1
                    result.errors.append(f"{kind} {question.pk}: {error}")
                    continue
                if sent:
                    counter = COUNTERS[kind]
                    setattr(result, counter, getattr(result, counter) + 1)
    if result.assigned or result.reminders or result.answered:
        audit_record(
            actor=None,
            action="question_notices_send",
            target=QuestionNotice.objects.order_by("-pk").first(),
            changes={k: [None, v] for k, v in result.as_dict().items()},
        )
    return result


__all__ = ["NoticeResult", "notices_send", "office_recipients", "reminder_days"]
