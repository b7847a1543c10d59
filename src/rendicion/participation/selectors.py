"""Reads of attendances and evaluations. Aggregates are computed by the database."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, QuerySet
from django.utils.translation import gettext

# The attendance form reads the registered group names here (see core.hooks).
from rendicion.core.hooks import attendance_group_names as attendance_group_names
from rendicion.core.models import Entity
from rendicion.core.numbers import percent
from rendicion.core.text import document_pattern, text_mentions
from rendicion.spaces.models import Space

from .models import Answer3, Attendance, Evaluation
from .rules import ANONYMISED_NAME_KEY_PREFIX, AgeGroup, Sex


@dataclass
class Share:
    code: str
    label: str
    count: int
    pct: int


@dataclass
class ParticipationStats:
    attendances: int
    by_sex: dict[str, int]
    by_age_group: dict[str, int]

    def shares(self, counts: dict[str, int], choices) -> list[Share]:
        return [
            Share(code, str(label), counts[code], percent(counts[code], self.attendances))
            for code, label in choices.choices
        ]

    @property
    def sex_shares(self) -> list[Share]:
        return self.shares(self.by_sex, Sex)

    @property
    def age_shares(self) -> list[Share]:
        return self.shares(self.by_age_group, AgeGroup)

    def as_json(self) -> dict:
        """The contract of `rendicion participation_stats --json`; pct_* keys are additions."""
        return {
            "attendances": self.attendances,
            "by_sex": self.by_sex,
            "by_age_group": self.by_age_group,
            "pct_by_sex": {s.code: s.pct for s in self.sex_shares},
            "pct_by_age_group": {s.code: s.pct for s in self.age_shares},
        }


def attendances_of(spaces: QuerySet[Space]) -> QuerySet[Attendance]:
    return Attendance.objects.filter(space__in=spaces.values("pk"))


def participation_stats(*, spaces: QuerySet[Space]) -> ParticipationStats:
    """Counts by sex and age group in one aggregate query."""
    aggregates = {"total": Count("pk")}
    aggregates |= {f"sex_{code}": Count("pk", filter=Q(sex=code)) for code in Sex.values}
    aggregates |= {f"age_{code}": Count("pk", filter=Q(age_group=code)) for code in AgeGroup.values}
    row = attendances_of(spaces).aggregate(**aggregates)
    return ParticipationStats(
        attendances=row["total"],
        by_sex={code: row[f"sex_{code}"] for code in Sex.values},
        by_age_group={code: row[f"age_{code}"] for code in AgeGroup.values},
    )


@dataclass
class Breakdown:
    title: str
    rows: list[Share] = field(default_factory=list)


def participation_breakdown(
    *, spaces: QuerySet[Space], field_name: str, title: str, limit: int = 20
) -> Breakdown:
    """Counts by a free-text field (locality, stakeholder group), largest first."""
    total = attendances_of(spaces).count()
    rows = (
        attendances_of(spaces)
        .values(field_name)
        .annotate(n=Count("pk"))
        .order_by("-n", field_name)[:limit]
    )
    return Breakdown(
        title,
        [
            Share(
                r[field_name] or "", r[field_name] or "No responde", r["n"], percent(r["n"], total)
            )
            for r in rows
        ],
    )


def space_attendance_counts(*, spaces: QuerySet[Space]) -> list[tuple[Space, int]]:
    """Each space with its attendance count, most attended first (one query)."""
    annotated = spaces.annotate(attendance_count=Count("attendances")).order_by(
        "-attendance_count", "starts_at", "pk"
    )
    return [(space, space.attendance_count) for space in annotated]


def by_modality(*, spaces: QuerySet[Space]) -> dict[str, int]:
    rows = attendances_of(spaces).values("space__modality").annotate(n=Count("pk"))
    return {r["space__modality"]: r["n"] for r in rows}


@dataclass
class EvaluationStats:
    count: int
    satisfaction: float | None
    clarity: float | None
    usefulness: float | None
    topic_covered: dict[str, int]
    would_return: dict[str, int]


def evaluation_stats(*, spaces: QuerySet[Space]) -> EvaluationStats:
    """Results per question in one aggregate query."""
    aggregates = {
        "count": Count("pk"),
        "satisfaction": Avg("satisfaction"),
        "clarity": Avg("clarity"),
        "usefulness": Avg("usefulness"),
    }
    for code in Answer3.values:
        aggregates[f"topic_{code}"] = Count("pk", filter=Q(topic_covered=code))
        aggregates[f"return_{code}"] = Count("pk", filter=Q(would_return=code))
    row = Evaluation.objects.filter(space__in=spaces.values("pk")).aggregate(**aggregates)

    def rounded(value):
        return None if value is None else round(float(value), 2)

    return EvaluationStats(
        count=row["count"],
        satisfaction=rounded(row["satisfaction"]),
        clarity=rounded(row["clarity"]),
        usefulness=rounded(row["usefulness"]),
        topic_covered={code: row[f"topic_{code}"] for code in Answer3.values},
        would_return={code: row[f"return_{code}"] for code in Answer3.values},
    )


# Reads for the convocation and the participation by group (stakeholders) ----------------------


def attendance_counts_by_group(*, entity: Entity | None, year: int) -> list[tuple[str, int]]:
    """Attendances of the entity's spaces of the year per stakeholder group as typed. One query."""
    return list(
        Attendance.objects.filter(space__strategy__entity=entity, space__strategy__year=year)
        .values_list("stakeholder_group")
        .annotate(n=Count("pk"))
        .order_by()
    )


def attendance_emails(*, space: Space) -> set[str]:
    """The e-mails already registered in a space."""
    return set(
        Attendance.objects.filter(space=space).exclude(email="").values_list("email", flat=True)
    )


def attendance_contacts_latest_first(*, entity_id: int, attended: QuerySet[Space]) -> QuerySet:
    """Every attendance at the entity of the people (by e-mail) who attended `attended`, latest
    first, as (pk, full_name, email, stakeholder_group, space title, contact_consent,
    unsubscribed_at) rows. Personal data: the convocation only."""
    emails = Attendance.objects.filter(space__in=attended).exclude(email="").values("email")
    return (
        Attendance.objects.filter(space__strategy__entity_id=entity_id, email__in=emails)
        .order_by("-created_at", "-pk")
        .values_list(
            "pk",
            "full_name",
            "email",
            "stakeholder_group",
            "space__title",
            "contact_consent",
            "unsubscribed_at",
        )
    )


def attendance_for_contact(*, pk: int) -> Attendance | None:
    """The attendance an unsubscribe link names, with its entity."""
    return Attendance.objects.select_related("space__strategy").filter(pk=pk).first()


# Personal data of one person (Ley 1581 de 2012: the rights to know, rectify and erase) ----------


def attendance_personal_data_find(*, document: str = "", email: str = "") -> QuerySet[Attendance]:
    """Attendances of one person: the same document digits or the same e-mail (any case)."""
    condition = Q()
    if document:
        condition |= Q(document_number=document)
    if email:
        condition |= Q(email__iexact=email)
    if not condition:
        return Attendance.objects.none()
    return (
        Attendance.objects.filter(condition)
        .select_related("space")
        .order_by("space__starts_at", "space_id", "pk")
    )


def evaluation_personal_data_find(*, document: str = "", email: str = "") -> list[Evaluation]:
    """Evaluations whose comment holds this document number or e-mail (they carry no other)."""
    condition = Q()
    if document:
        condition |= Q(comment__regex=document_pattern(document))
    if email:
        condition |= Q(comment__icontains=email)
    if not condition:
        return []
    candidates = (
        Evaluation.objects.exclude(comment="")
        .filter(condition)
        .select_related("space")
        .order_by("space__starts_at", "space_id", "pk")
    )
    return [
        evaluation
        for evaluation in candidates
        if text_mentions(evaluation.comment, document=document, email=email)
    ]


def attendance_personal_data_expired(*, space_started_before: dt.datetime) -> QuerySet[Attendance]:
    """Attendances of spaces older than the retention period, not anonymised yet."""
    return Attendance.objects.filter(space__starts_at__lt=space_started_before).exclude(
        name_key__startswith=ANONYMISED_NAME_KEY_PREFIX
    )


def evaluation_personal_data_expired(*, space_started_before: dt.datetime) -> QuerySet[Evaluation]:
    """Evaluations of spaces older than the retention period that still hold a comment."""
    return Evaluation.objects.filter(space__starts_at__lt=space_started_before).exclude(comment="")


def attendance_contact_personal_data_find(
    *, document: str = "", email: str = ""
) -> QuerySet[Attendance]:
    """Attendances through which one person accepted invitations to later spaces (Ley 1581):
    the contact consent that puts them on invitation lists."""
    return attendance_personal_data_find(document=document, email=email).filter(
        contact_consent=True
    )


def attendance_contact_personal_data_expired(*, space_started_before) -> QuerySet[Attendance]:
    """Contact consents given in spaces older than the retention period."""
    return Attendance.objects.filter(
        space__starts_at__lt=space_started_before, contact_consent=True
    )


def space_outcomes_participation(space: Space) -> list:
    """The space page's attendance and evaluation figures (two aggregate queries)."""
    from rendicion.core.formats import number_es
    from rendicion.spaces.outcomes import Outcome

    one = Space.objects.filter(pk=space.pk)
    attendances = participation_stats(spaces=one).attendances
    evaluations = evaluation_stats(spaces=one)
    outcomes = [Outcome(20, gettext("Asistencias registradas"), number_es(attendances))]
    outcomes.append(Outcome(30, gettext("Evaluaciones recibidas"), number_es(evaluations.count)))
    if evaluations.count and evaluations.satisfaction is not None:
        outcomes.append(
            Outcome(
                31,
                gettext("Satisfacción promedio (de 1 a 5)"),
                number_es(evaluations.satisfaction, 1),
            )
        )
    return outcomes


# Per-space aggregates (open data) ----------------------------------------------------------------


def attendance_counts_by_space(*, spaces: QuerySet[Space], field_name: str) -> list[tuple]:
    """(space pk, value of `field_name`, attendances) for every pair present. One query."""
    return list(
        attendances_of(spaces)
        .values_list("space_id", field_name)
        .annotate(n=Count("pk"))
        .order_by("space_id", field_name)
    )


def evaluation_results_by_space(*, spaces: QuerySet[Space]) -> dict[int, dict]:
    """Per space: evaluations, average ratings and the answers to the two closed questions.
    One query; spaces without evaluations are absent."""
    aggregates = {
        "count": Count("pk"),
        "satisfaction": Avg("satisfaction"),
        "clarity": Avg("clarity"),
        "usefulness": Avg("usefulness"),
    }
    for code in Answer3.values:
        aggregates[f"topic_{code}"] = Count("pk", filter=Q(topic_covered=code))
        aggregates[f"return_{code}"] = Count("pk", filter=Q(would_return=code))
    rows = (
        Evaluation.objects.filter(space__in=spaces.values("pk"))
        .values("space_id")
        .annotate(**aggregates)
        .order_by("space_id")
    )
    return {row.pop("space_id"): row for row in rows}
