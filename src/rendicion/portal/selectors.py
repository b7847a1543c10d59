"""What the two home pages show, each part read with a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rendicion.commitments.models import Commitment, CommitmentStatus
from rendicion.commitments.permissions import can_view_commitments_staff
from rendicion.commitments.selectors import commitment_list
from rendicion.core.formats import date_es
from rendicion.core.models import Entity, User
from rendicion.core.permissions import sees_whole_entity, user_office_ids
from rendicion.participation.models import Attendance
from rendicion.questions.models import OPEN_STATES, Question, QuestionState
from rendicion.questions.permissions import can_view_questions_staff
from rendicion.questions.selectors import question_form_is_open, questions_for_user
from rendicion.reports.models import PublishedReport, ReportKind
from rendicion.reports.permissions import can_publish_reports
from rendicion.spaces.models import Space, SpaceStatus
from rendicion.spaces.permissions import can_manage_spaces
from rendicion.spaces.selectors import space_filter_for_user, space_list
from rendicion.strategy.models import Activity, ActivityStatus, Evidence, Strategy
from rendicion.strategy.permissions import can_view_staff_strategy

HOME_SPACES = 3
HOME_REPORTS = 3
# Forms are offered on the home page for spaces from a month before to a month after them.
FORM_WINDOW = dt.timedelta(days=31)


@dataclass(frozen=True)
class OpenForm:
    space: Space
    label: str
    url: str


@dataclass(frozen=True)
class PastSpace:
    space: Space
    report: PublishedReport | None


@dataclass(frozen=True)
class Figure:
    value: int
    label: str


@dataclass
class PublicHome:
    year: int | None
    next_spaces: list[Space]
    open_forms: list[OpenForm]
    last_spaces: list[PastSpace]
    latest_reports: list[PublishedReport]
    figures: list[Figure]


def _latest_reports(entity: Entity | None) -> list[PublishedReport]:
    """The latest version of each published report, the most recent first."""
    if entity is None:
        return []
    newer = PublishedReport.objects.filter(
        entity=entity,
        year=OuterRef("year"),
        kind=OuterRef("kind"),
        space=OuterRef("space"),
        version__gt=OuterRef("version"),
    )
    reports = (
        PublishedReport.objects.filter(entity=entity)
        .filter(~Exists(newer))
        .select_related("space")
        .defer("html", "pdf", "docx", "data")
        .order_by("-published_at", "-pk")
    )
    return list(reports[:HOME_REPORTS])


def _space_reports(spaces: list[Space]) -> dict[int, PublishedReport]:
    reports = (
        PublishedReport.objects.filter(kind=ReportKind.SPACE, space__in=spaces)
        .defer("html", "pdf", "docx", "data")
        .order_by("space_id", "version")
    )
    return {report.space_id: report for report in reports}  # the last version wins


def _year_figures(strategy: Strategy | None) -> list[Figure]:
    if strategy is None:
        return []
    spaces = Space.objects.filter(strategy=strategy, is_published=True)
    held = spaces.filter(status=SpaceStatus.HELD).count()
    attendances = Attendance.objects.filter(space__in=spaces).count()
    answered = Question.objects.filter(space__in=spaces, state=QuestionState.PUBLISHED).count()
    commitments = Commitment.objects.filter(space__in=spaces).aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(status=CommitmentStatus.DONE))
    )
    return [
        Figure(held, ngettext("espacio realizado", "espacios realizados", held)),
        Figure(attendances, ngettext("asistencia", "asistencias", attendances)),
        Figure(answered, ngettext("pregunta respondida", "preguntas respondidas", answered)),
        Figure(
            commitments["done"],
            ngettext(
                "compromiso cumplido de %(total)d",
                "compromisos cumplidos de %(total)d",
                commitments["done"],
            )
            % {"total": commitments["total"]},
        ),
    ]


def home_public(*, entity: Entity | None, now: dt.datetime | None = None) -> PublicHome:
    now = now or timezone.now()
    # The home shows titles, dates and places: none of the list's prefetched relations.
    spaces = space_list(entity=entity).exclude(status=SpaceStatus.CANCELLED).prefetch_related(None)
    next_spaces = list(spaces.filter(starts_at__gte=now)[:HOME_SPACES])
    last = list(spaces.filter(starts_at__lt=now).order_by("-starts_at", "-pk")[:HOME_SPACES])
    reports = _space_reports(last)
    near = spaces.filter(starts_at__gte=now - FORM_WINDOW, starts_at__lte=now + FORM_WINDOW)
    open_forms = []
    for space in near:
        if space.form_is_open("attendance", now):
            open_forms.append(
                OpenForm(
                    space,
                    _("Registre su asistencia"),
                    reverse("participation:attendance", args=[space.slug]),
                )
            )
        if space.form_is_open("evaluation", now):
            open_forms.append(
                OpenForm(
                    space,
                    _("Evalúe el espacio"),
                    reverse("participation:evaluation", args=[space.slug]),
                )
            )
        if question_form_is_open(space, now):
            open_forms.append(
                OpenForm(
                    space,
                    _("Haga una pregunta"),
                    reverse("questions:space_public", args=[space.slug]),
                )
            )
    strategy = (
        Strategy.objects.filter(entity=entity, is_published=True).order_by("-year").first()
        if entity is not None
        else None
    )
    return PublicHome(
        year=strategy.year if strategy else None,
        next_spaces=next_spaces,
        open_forms=open_forms,
        last_spaces=[PastSpace(space, reports.get(space.pk)) for space in last],
        latest_reports=_latest_reports(entity),
        figures=_year_figures(strategy),
    )


# The staff home: a work queue ------------------------------------------------------------------
QUEUE_ITEMS = 5
QUESTION_HORIZON = dt.timedelta(days=7)
FORM_HORIZON = dt.timedelta(days=7)
EVALUATION_OPEN_AFTER = dt.timedelta(days=15)


@dataclass(frozen=True)
class WorkItem:
    title: str
    detail: str
    url: str
    urgent: bool = False


@dataclass
class WorkGroup:
    key: str
    title: str
    total: int
    items: list[WorkItem] = field(default_factory=list)
    more_url: str = ""


def _group(key, title, queryset: QuerySet, item, more_url: str = "") -> WorkGroup:
    total = queryset.count()
    items = [item(row) for row in queryset[:QUEUE_ITEMS]] if total else []
    return WorkGroup(key, str(title), total, items, more_url)


def _questions_group(user: User, entity: Entity | None, today: dt.date) -> WorkGroup:
    questions = questions_for_user(user=user, entity=entity).filter(
        state__in=OPEN_STATES, deadline__lte=today + QUESTION_HORIZON
    )

    def item(question: Question) -> WorkItem:
        overdue = question.deadline < today
        detail = (_("Venció el %(date)s") if overdue else _("Vence el %(date)s")) % {
            "date": date_es(question.deadline)
        }
        return WorkItem(
            _("Pregunta %(number)s: %(space)s")
            % {"number": question.pk, "space": question.space.title},
            detail,
            reverse("questions:staff_detail", args=[question.pk]),
            urgent=overdue,
        )

    return _group(
        "questions",
        _("Preguntas por vencer o vencidas"),
        questions.order_by("deadline", "pk"),
        item,
        reverse("questions:staff_queue"),
    )


def _forms_group(user: User, entity: Entity | None, now: dt.datetime) -> WorkGroup:
    spaces = space_filter_for_user(
        space_list(entity=entity, public_only=False).prefetch_related(None), user=user
    ).exclude(status=SpaceStatus.CANCELLED)
    soon_unopened = Q(starts_at__gte=now, starts_at__lte=now + FORM_HORIZON) & (
        Q(attendance_opens_at__isnull=True) | Q(attendance_opens_at__gt=F("starts_at"))
    )
    evaluation_left_open = (
        Q(starts_at__lt=now - EVALUATION_OPEN_AFTER)
        & Q(evaluation_opens_at__isnull=False)
        & (Q(evaluation_closes_at__isnull=True) | Q(evaluation_closes_at__gt=now))
    )
    pending = spaces.filter(soon_unopened | evaluation_left_open)

    def item(space: Space) -> WorkItem:
        if space.starts_at >= now:
            detail = _("Es el %(date)s y el formulario de asistencia no abre antes") % {
                "date": date_es(timezone.localdate(space.starts_at))
            }
        else:
            detail = _("Se realizó el %(date)s y la evaluación sigue abierta") % {
                "date": date_es(timezone.localdate(space.starts_at))
            }
        return WorkItem(space.title, detail, reverse("spaces:staff_form_window", args=[space.slug]))

    return _group(
        "forms",
        _("Formularios por abrir o cerrar"),
        pending.order_by("starts_at", "pk"),
        item,
        reverse("spaces:staff_list"),
    )


def _reports_group(entity: Entity | None, now: dt.datetime) -> WorkGroup:
    published = PublishedReport.objects.filter(kind=ReportKind.SPACE, space=OuterRef("pk"))
    spaces = (
        space_list(entity=entity, public_only=False)
        .prefetch_related(None)
        .filter(status=SpaceStatus.HELD, starts_at__lt=now)
        .filter(~Exists(published))
    )

    def item(space: Space) -> WorkItem:
        return WorkItem(
            space.title,
            _("Se realizó el %(date)s; su informe no está publicado")
            % {"date": date_es(timezone.localdate(space.starts_at))},
            reverse("reports:space_preview", args=[space.slug]),
        )

    return _group("reports", _("Informes por publicar"), spaces.order_by("starts_at", "pk"), item)


def _quarter_end(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    return dt.date(year + (month == 12), (month % 12) + 1, 1) - dt.timedelta(days=1)


def _activities_group(user: User, entity: Entity | None, today: dt.date) -> WorkGroup:
    """Activities whose planned quarters have all ended, not done and without any evidence."""
    activities = Activity.objects.filter(strategy__entity=entity).exclude(
        status=ActivityStatus.DONE
    )
    if not sees_whole_entity(user):
        activities = activities.filter(responsible__in=user_office_ids(user)).distinct()
    activities = activities.filter(~Exists(Evidence.objects.filter(activity=OuterRef("pk"))))
    ended = Q()
    for year in (today.year - 1, today.year):
        for quarter in range(1, 5):
            if _quarter_end(year, quarter) < today:
                later = Q(**{f"q{q}": False for q in range(quarter + 1, 5)})
                ended |= Q(strategy__year=year, **{f"q{quarter}": True}) & later
    ended |= Q(strategy__year__lt=today.year - 1)
    activities = activities.filter(ended).select_related("strategy")

    def item(activity: Activity) -> WorkItem:
        return WorkItem(
            _("Actividad %(number)s de %(year)s: %(name)s")
            % {
                "number": activity.number,
                "year": activity.strategy.year,
                "name": activity.name,
            },
            _("Su plazo terminó y no tiene evidencias"),
            reverse("strategy:activity_detail", args=[activity.strategy.year, activity.number]),
        )

    return _group(
        "activities",
        _("Actividades sin evidencias"),
        activities.order_by("-strategy__year", "number"),
        item,
    )


def _commitments_group(user: User, entity: Entity | None, today: dt.date) -> WorkGroup:
    commitments = (
        commitment_list(entity=entity, public_only=False)
        .filter(due_date__lt=today)
        .exclude(status=CommitmentStatus.DONE)
    )
    if not sees_whole_entity(user):
        commitments = commitments.filter(office__in=user_office_ids(user))

    def item(commitment: Commitment) -> WorkItem:
        return WorkItem(
            commitment.description,
            _("Vencido desde el %(date)s · %(space)s")
            % {"date": date_es(commitment.due_date), "space": commitment.space.title},
            reverse("commitments:staff_detail", args=[commitment.pk]),
            urgent=True,
        )

    return _group(
        "commitments",
        _("Compromisos vencidos"),
        commitments.order_by("due_date", "pk"),
        item,
        reverse("commitments:staff_latest"),
    )


def work_queue(*, user: User, entity: Entity | None, now: dt.datetime | None = None):
    """The groups of pending work this user can act on, in the order they should look at them."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    groups = []
    if can_view_questions_staff(user):
        groups.append(_questions_group(user, entity, today))
    if can_manage_spaces(user):
        groups.append(_forms_group(user, entity, now))
    if can_publish_reports(user):
        groups.append(_reports_group(entity, now))
    if can_view_staff_strategy(user):
        groups.append(_activities_group(user, entity, today))
    if can_view_commitments_staff(user):
        groups.append(_commitments_group(user, entity, today))
    return groups
