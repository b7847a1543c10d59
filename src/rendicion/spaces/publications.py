"""Publications around the spaces: every write (services) and the reads pages share (selectors).

A publication is a document published before or around a space (the seed's "informe de gestión
previo", the methodology, the topic matrix). Publishing one counts toward its cronograma
activity, which strategy asks for through strategy.progress (registered in SpacesConfig.ready).
A published management report takes citizens' comments and questions until its space starts;
comments are shown once staff approve them and never carry who wrote them (no name or e-mail is
kept with a comment); questions go to the questions workflow through core.hooks.
"""

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core import hooks
from rendicion.core.models import ConsentText, Office, User
from rendicion.core.services import audit_record, changes_between, snapshot
from rendicion.core.text import email_clean
from rendicion.core.uploads import upload_check
from rendicion.strategy.models import Activity, Strategy

from .models import (
    CommentState,
    Publication,
    PublicationComment,
    PublicationKind,
    PublicationSpread,
    PublicationState,
    Space,
    SpaceStatus,
)

PUBLICATION_FILE_TYPES: dict[str, str | None] = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx"}
COMMENT_MIN_LENGTH = 5
COMMENT_MAX_LENGTH = 2000
PUBLICATION_FIELDS = [
    "kind",
    "title",
    "summary",
    "url",
    "activity_id",
    "office_id",
    "contains_open_data",
    "comments_close_at",
]


@dataclass
class PublicationData:
    kind: str
    title: str
    summary: str
    office: Office
    url: str = ""
    file: UploadedFile | None = None
    spaces: Sequence[Space] = ()
    activity: Activity | None = None
    contains_open_data: bool = False
    comments_close_at: dt.datetime | None = None
    remove_file: bool = False


# Services --------------------------------------------------------------------------------------


def _validate(publication: Publication, data: PublicationData) -> None:
    strategy = publication.strategy
    errors: dict[str, str] = {}
    if data.kind not in PublicationKind.values:
        errors["kind"] = _("Tipo de documento desconocido.")
    if not data.title.strip():
        errors["title"] = _("Escriba el título del documento.")
    if not data.summary.strip():
        errors["summary"] = _("Escriba un resumen en lenguaje claro.")
    if data.activity is not None and data.activity.strategy_id != strategy.pk:
        errors["activity"] = _("La actividad no es del cronograma de esta estrategia.")
    if any(space.strategy_id != strategy.pk for space in data.spaces):
        errors["spaces"] = _("Elija espacios de esta misma estrategia.")
    if data.office.entity_id != strategy.entity_id:
        errors["office"] = _("La dependencia no es de esta entidad.")
    has_file = data.file is not None or (bool(publication.file) and not data.remove_file)
    if not has_file and not data.url.strip():
        errors["file"] = _("Adjunte el documento (PDF, DOCX o XLSX) o escriba su enlace.")
    if errors:
        raise ValidationError(errors)
    if data.file is not None:
        upload_check(data.file, field="file", allowed=PUBLICATION_FILE_TYPES)


def _apply(publication: Publication, data: PublicationData) -> None:
    publication.kind = data.kind
    publication.title = data.title.strip()
    publication.summary = data.summary.strip()
    publication.url = data.url.strip()
    publication.activity = data.activity
    publication.office = data.office
    publication.contains_open_data = data.contains_open_data
    publication.comments_close_at = data.comments_close_at
    if data.remove_file and publication.file:
        publication.file.delete(save=False)
        publication.file = ""
    if data.file is not None:
        publication.file = data.file


@transaction.atomic
def publication_create(
    *, actor: User | None, strategy: Strategy, data: PublicationData
) -> Publication:
    """A draft publication; it counts toward its activity once published."""
    publication = Publication(strategy=strategy)
    _validate(publication, data)
    _apply(publication, data)
    publication.save()
    publication.spaces.set(data.spaces)
    audit_record(
        actor=actor,
        action="publication_create",
        target=publication,
        changes={"title": [None, publication.title], "kind": [None, publication.kind]},
    )
    return publication


@transaction.atomic
def publication_update(
    *, actor: User | None, publication: Publication, data: PublicationData
) -> Publication:
    before = snapshot(publication, PUBLICATION_FIELDS)
    before_spaces = sorted(publication.spaces.values_list("slug", flat=True))
    _validate(publication, data)
    _apply(publication, data)
    publication.save()
    publication.spaces.set(data.spaces)
    changes = changes_between(before, snapshot(publication, PUBLICATION_FIELDS))
    after_spaces = sorted(space.slug for space in data.spaces)
    if after_spaces != before_spaces:
        changes["spaces"] = [before_spaces, after_spaces]
    if data.file is not None:
        changes["file"] = [None, publication.filename]
    if changes:
        audit_record(actor=actor, action="publication_update", target=publication, changes=changes)
    return publication


@transaction.atomic
def publication_publish(
    *, actor: User | None, publication: Publication, on: dt.date | None = None
) -> Publication:
    """Publishes it (today unless a date is given): it now counts toward its activity."""
    if publication.state == PublicationState.PUBLISHED:
        return publication
    before = snapshot(publication, ["state", "published_on"])
    publication.state = PublicationState.PUBLISHED
    publication.published_on = on or timezone.localdate()
    publication.save(update_fields=["state", "published_on", "updated_at"])
    audit_record(
        actor=actor,
        action="publication_publish",
        target=publication,
        changes=changes_between(before, snapshot(publication, ["state", "published_on"])),
    )
    return publication


@transaction.atomic
def publication_withdraw(*, actor: User | None, publication: Publication) -> Publication:
    """Takes it off the public pages; it stops counting toward its activity."""
    if publication.state != PublicationState.PUBLISHED:
        raise ValidationError({"state": _("Solo se puede retirar una publicación publicada.")})
    publication.state = PublicationState.WITHDRAWN
    publication.save(update_fields=["state", "updated_at"])
    audit_record(
        actor=actor,
        action="publication_withdraw",
        target=publication,
        changes={"state": [PublicationState.PUBLISHED, PublicationState.WITHDRAWN]},
    )
    return publication


@transaction.atomic
def publication_spread_record(
    *, actor: User | None, publication: Publication, channel: str, date: dt.date, url: str = ""
) -> PublicationSpread:
    """Records that the publication was spread through a channel on a date."""
    channel = " ".join(channel.split())
    if not channel:
        raise ValidationError({"channel": _("Escriba el canal de difusión.")})
    if publication.state != PublicationState.PUBLISHED:
        raise ValidationError(
            {"channel": _("Publique el documento antes de registrar su difusión.")}
        )
    if publication.published_on and date < publication.published_on:
        raise ValidationError(
            {"date": _("La difusión no puede ser anterior a la fecha de publicación.")}
        )
    spread = PublicationSpread.objects.create(
        publication=publication, channel=channel[:120], date=date, url=url.strip()
    )
    audit_record(
        actor=actor,
        action="publication_spread_record",
        target=publication,
        changes={"spread": [None, f"{spread.channel} {spread.date}"]},
    )
    return spread


def publication_comments_close_at(publication: Publication) -> dt.datetime | None:
    """When the comment period ends: the configured time, else the first space's start."""
    if publication.comments_close_at is not None:
        return publication.comments_close_at
    starts = [space.starts_at for space in publication.spaces.all()]
    return min(starts) if starts else None


def publication_comments_open(publication: Publication, now: dt.datetime | None = None) -> bool:
    """A published management report takes comments from its publication until its space."""
    if publication.kind != PublicationKind.MANAGEMENT_REPORT or not publication.is_published:
        return False
    now = now or timezone.now()
    if publication.published_on and timezone.localdate(now) < publication.published_on:
        return False
    closes = publication_comments_close_at(publication)
    return closes is None or now < closes


@dataclass
class CommentResult:
    kind: str  # "comment" or "question"
    record: object


def publication_comment_submit(
    *,
    publication: Publication,
    kind: str,
    text: str,
    author_name: str,
    author_email: str,
    consent_text: ConsentText,
    submission_key: uuid.UUID,
) -> CommentResult:
    """The public form of a published report: a comment (moderated before it is shown; its
    author's name and e-mail are not kept) or a question (into the questions workflow, for the
    report's space, with the contact data to answer it). Once per submission key."""
    if not publication_comments_open(publication):
        raise ValidationError(_("El periodo de comentarios de este documento terminó."))
    text = (text or "").strip()
    if len(text) < COMMENT_MIN_LENGTH:
        raise ValidationError({"text": _("Escriba su comentario o pregunta.")})
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError({"text": _("El texto es muy largo: máximo 2.000 caracteres.")})
    email, valid = email_clean(author_email)
    if not valid:
        raise ValidationError(
            {"author_email": _("Escriba un correo válido, por ejemplo nombre@correo.com.")}
        )
    name = " ".join(author_name.split())[:200]
    if kind == "question":
        space = _question_space(publication)
        result = hooks.question_submit(
            space=space,
            text=text,
            asker_name=name,
            asker_email=email,
            consent_version=consent_text.version,
            submission_key=submission_key,
        )
        return CommentResult("question", result.question)
    existing = PublicationComment.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return CommentResult("comment", existing)
    with transaction.atomic():
        comment = PublicationComment.objects.create(
            publication=publication,
            text=text,
            consent_at=timezone.now(),
            consent_text=consent_text,
            submission_key=submission_key,
        )
        audit_record(
            actor=None,
            action="publication_comment_submit",
            target=comment,
            changes={"publication": [None, publication.pk]},
        )
    return CommentResult("comment", comment)


def _question_space(publication: Publication) -> Space:
    space = (
        publication.spaces.exclude(status=SpaceStatus.CANCELLED).order_by("starts_at", "pk").first()
    )
    if space is None:
        raise ValidationError(
            {"kind": _("Este documento no está ligado a un espacio: envíe un comentario.")}
        )
    return space


@transaction.atomic
def publication_comment_moderate(
    *, actor: User, comment: PublicationComment, state: str
) -> PublicationComment:
    """Approves (shown, without personal data) or rejects (never shown) a citizen's comment."""
    if state not in (CommentState.APPROVED, CommentState.REJECTED):
        raise ValidationError({"state": _("Elija publicar o no publicar el comentario.")})
    before = comment.state
    comment.state = state
    comment.moderated_at = timezone.now()
    comment.moderated_by = actor
    comment.save(update_fields=["state", "moderated_at", "moderated_by"])
    audit_record(
        actor=actor,
        action="publication_comment_moderate",
        target=comment,
        changes={"state": [before, state]},
    )
    return comment


# Selectors -------------------------------------------------------------------------------------


def publication_queryset() -> QuerySet[Publication]:
    return Publication.objects.select_related(
        "strategy__entity", "office", "activity"
    ).prefetch_related(
        Prefetch("spaces", queryset=Space.objects.order_by("starts_at", "pk")), "spreads"
    )


def publication_list_for_space_page(*, space: Space) -> QuerySet[Publication]:
    """The published documents a space's public page links to, in one query."""
    return (
        Publication.objects.filter(spaces=space, state=PublicationState.PUBLISHED)
        .only("pk", "title", "kind", "published_on")
        .order_by("published_on", "pk")
    )


def publication_get_public(*, pk: int) -> Publication:
    return publication_queryset().get(
        pk=pk, state=PublicationState.PUBLISHED, strategy__is_published=True
    )


def publication_comments_public(*, publication: Publication) -> list[dict]:
    """Approved comments as the public sees them: the text and the date, nobody's data."""
    return [
        {"text": text, "date": timezone.localdate(created_at)}
        for text, created_at in publication.comments.filter(state=CommentState.APPROVED)
        .order_by("created_at", "pk")
        .values_list("text", "created_at")
    ]


def publication_list_staff(*, strategy: Strategy, user: User) -> QuerySet[Publication]:
    from rendicion.core.permissions import sees_whole_entity, user_office_ids

    publications = publication_queryset().filter(strategy=strategy)
    if not sees_whole_entity(user):
        publications = publications.filter(office__in=user_office_ids(user))
    return publications.annotate(
        pending_comments=Count("comments", filter=Q(comments__state=CommentState.PENDING))
    ).order_by("published_on", "pk")


def publication_counts_by_activity(*, strategy: Strategy) -> dict[int, int]:
    """{activity pk: documents published for it}: the progress of activities 3, 4, 6, 7, 8."""
    rows = (
        Publication.objects.filter(
            strategy=strategy, state=PublicationState.PUBLISHED, activity__isnull=False
        )
        .values("activity")
        .annotate(n=Count("pk"))
    )
    return {row["activity"]: row["n"] for row in rows}


def publication_count_open_data(*, strategy: Strategy) -> int:
    """Published documents of the strategy with open-data content (activity 12)."""
    return Publication.objects.filter(
        strategy=strategy, state=PublicationState.PUBLISHED, contains_open_data=True
    ).count()


def publication_before_space(*, space: Space) -> Publication | None:
    """The management report published for a space before its date, if any."""
    return (
        Publication.objects.filter(
            spaces=space,
            kind=PublicationKind.MANAGEMENT_REPORT,
            state=PublicationState.PUBLISHED,
            published_on__lt=timezone.localdate(space.starts_at),
        )
        .order_by("published_on", "pk")
        .first()
    )
