"""Finding and exporting one person's records across the apps that hold them."""

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.text import document_digits, email_clean
from rendicion.participation import selectors as participation_selectors
from rendicion.participation.models import Attendance, Evaluation
from rendicion.questions import selectors as questions_selectors
from rendicion.questions.models import ProposedTopic, Question

DOCUMENT_MIN_DIGITS = 5


def person_query_clean(*, document: str | None = None, email: str | None = None) -> tuple[str, str]:
    """(document digits, e-mail in lower case) from what staff typed; exactly one of them."""
    document = (document or "").strip()
    email = (email or "").strip()
    if bool(document) == bool(email):
        raise ValidationError(
            _("Escriba un número de documento o un correo electrónico (uno solo).")
        )
    if document:
        if any(ch.isalpha() for ch in document):
            raise ValidationError(
                {"document": _("El número de documento lleva solo números, sin letras.")}
            )
        digits = document_digits(document)
        if len(digits) < DOCUMENT_MIN_DIGITS:
            raise ValidationError(
                {
                    "document": _("El número de documento debe tener al menos %(n)s dígitos.")
                    % {"n": DOCUMENT_MIN_DIGITS}
                }
            )
        return digits, ""
    cleaned, valid = email_clean(email)
    if not valid:
        raise ValidationError(
            {"email": _("Escriba un correo válido, por ejemplo nombre@correo.com.")}
        )
    return "", cleaned


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _attendance_row(a: Attendance) -> dict:
    return {
        "type": "attendance",
        "id": a.pk,
        "space": a.space.slug,
        "date": _iso(timezone.localdate(a.space.starts_at)),
        "data": {
            "full_name": a.full_name,
            "document_type": a.document_type,
            "document_number": a.document_number,
            "email": a.email,
            "phone": a.phone,
            "age": a.age,
            "sex": a.sex,
            "age_group": a.age_group,
            "locality": a.locality,
            "stakeholder_group": a.stakeholder_group,
            "consent_at": _iso(a.consent_at),
            "source": a.source,
        },
    }


def _invitation_contact_row(a: Attendance) -> dict:
    return {
        "type": "invitation_contact",
        "id": a.pk,
        "space": a.space.slug,
        "date": _iso(timezone.localdate(a.space.starts_at)),
        "data": {
            "email": a.email,
            "contact_consent_at": _iso(a.contact_consent_at),
            "unsubscribed_at": _iso(a.unsubscribed_at),
        },
    }


def _evaluation_row(e: Evaluation) -> dict:
    return {
        "type": "evaluation",
        "id": e.pk,
        "space": e.space.slug,
        "date": _iso(timezone.localdate(e.space.starts_at)),
        "data": {"comment": e.comment},
    }


def _question_row(q: Question) -> dict:
    return {
        "type": "question",
        "id": q.pk,
        "space": q.space.slug,
        "date": _iso(q.received_on),
        "data": {
            "asker_name": q.asker_name,
            "asker_email": q.asker_email,
            "asker_phone": q.asker_phone,
            "text": q.text,
        },
    }


def _topic_row(t: ProposedTopic) -> dict:
    space = t.proposed_in or t.proposed_for
    return {
        "type": "topic",
        "id": t.pk,
        "space": space.slug if space else None,
        "date": _iso(t.proposed_on),
        "data": {"text": t.text},
    }


@dataclass
class PersonRecords:
    """Every record that holds one person's data, by kind, in a stable order."""

    document: str
    email: str
    attendances: list[Attendance] = field(default_factory=list)
    invitation_contacts: list[Attendance] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    topics: list[ProposedTopic] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.count

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    @property
    def counts(self) -> dict[str, int]:
        return {
            "attendance": len(self.attendances),
            "invitation_contact": len(self.invitation_contacts),
            "evaluation": len(self.evaluations),
            "question": len(self.questions),
            "topic": len(self.topics),
        }

    def rows(self) -> list[dict]:
        """One dict per record: type, id, space, date and the person's data it holds."""
        return [
            *map(_attendance_row, self.attendances),
            *map(_invitation_contact_row, self.invitation_contacts),
            *map(_evaluation_row, self.evaluations),
            *map(_question_row, self.questions),
            *map(_topic_row, self.topics),
        ]

    def as_json(self) -> dict:
        """The contract of `rendicion personal_data_find --json`."""
        return {
            "document": self.document or None,
            "email": self.email or None,
            "count": self.count,
            "counts": self.counts,
            "records": self.rows(),
        }


def personal_data_find(*, document: str = "", email: str = "") -> PersonRecords:
    """Every record holding this person's data (document digits, or e-mail in any case)."""
    return PersonRecords(
        document=document,
        email=email,
        attendances=list(
            participation_selectors.attendance_personal_data_find(document=document, email=email)
        ),
        invitation_contacts=list(
            participation_selectors.attendance_contact_personal_data_find(
                document=document, email=email
            )
        ),
        evaluations=participation_selectors.evaluation_personal_data_find(
            document=document, email=email
        ),
        questions=questions_selectors.question_personal_data_find(document=document, email=email),
        topics=questions_selectors.topic_personal_data_find(document=document, email=email),
    )


EXPORT_COLUMNS = ["type", "id", "space", "date", "field", "value"]


def personal_data_export(records: PersonRecords, *, fmt: str) -> tuple[str, str]:
    """(content, media type): what Rendición holds about the person, for the person."""
    if fmt == "json":
        text = json.dumps(records.as_json(), ensure_ascii=False, indent=2, sort_keys=False)
        return text + "\n", "application/json"
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for row in records.rows():
        for name, value in row["data"].items():
            text = "" if value is None else str(value)
            # A spreadsheet must show a citizen's text as text, never run it as a formula.
            if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
                text = "'" + text
            writer.writerow([row["type"], row["id"], row["space"] or "", row["date"], name, text])
    return out.getvalue(), "text/csv"
