"""The memory of a space: photos, recordings and the results presented. Audited."""

import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from rendicion.core.models import User
from rendicion.core.services import audit_record, changes_between, snapshot

from ..images import PHOTO_TYPES, photo_web_versions
from ..models import HighlightFigure, Space, SpaceHighlight, SpacePhoto

PHOTO_TEXT_FIELDS = ["alt_text", "caption", "credit", "consent_note", "is_published", "order"]


@dataclass
class PhotoText:
    alt_text: str = ""
    caption: str = ""
    credit: str = ""
    consent_note: str = ""
    is_published: bool = False


def _next_order(queryset) -> int:
    return (queryset.aggregate(n=Max("order"))["n"] or 0) + 1


@transaction.atomic
def space_photo_add(
    *, actor: User | None, space: Space, file: UploadedFile, text: PhotoText
) -> SpacePhoto:
    """Stores the original (staff only) and its web versions without camera data."""
    from rendicion.core.uploads import upload_check

    extension = upload_check(file, field="image", allowed=PHOTO_TYPES)
    file.seek(0)
    versions = photo_web_versions(file.read(), field="image")
    file.seek(0)
    name = uuid.uuid4().hex
    photo = SpacePhoto(
        space=space,
        order=_next_order(space.photos.all()),
        width=versions.width,
        height=versions.height,
        **{k: v.strip() if isinstance(v, str) else v for k, v in text.__dict__.items()},
    )
    photo.full_clean(exclude=["original", "web", "thumbnail"])
    try:
        photo.original.save(f"{name}.{extension}", file, save=False)
        photo.web.save(f"{name}-web.jpg", ContentFile(versions.web), save=False)
        photo.thumbnail.save(f"{name}-miniatura.jpg", ContentFile(versions.thumbnail), save=False)
        photo.save()
    except Exception:
        # No row, no files: nothing stays behind that no page lists.
        for stored in (photo.original, photo.web, photo.thumbnail):
            if stored.name:
                stored.storage.delete(stored.name)
        raise
    audit_record(
        actor=actor,
        action="space_photo_add",
        target=photo,
        changes={"space": [None, space.slug], "is_published": [None, photo.is_published]},
    )
    return photo


@transaction.atomic
def space_photo_update(*, actor: User | None, photo: SpacePhoto, text: PhotoText) -> SpacePhoto:
    """Changes the texts of a photo, or publishes or withdraws it (alt text required)."""
    before = snapshot(photo, PHOTO_TEXT_FIELDS)
    for name, value in text.__dict__.items():
        setattr(photo, name, value.strip() if isinstance(value, str) else value)
    photo.full_clean(exclude=["original", "web", "thumbnail"])
    changes = changes_between(before, snapshot(photo, PHOTO_TEXT_FIELDS))
    if changes:
        photo.save()
        audit_record(actor=actor, action="space_photo_update", target=photo, changes=changes)
    return photo


@transaction.atomic
def space_photo_delete(*, actor: User | None, photo: SpacePhoto) -> None:
    """Removes a photo and its files (e.g. a person shown withdrew their consent)."""
    files = [photo.original, photo.web, photo.thumbnail]
    audit_record(
        actor=actor,
        action="space_photo_delete",
        target=photo.space,
        changes={"photo": [photo.pk, None]},
    )
    photo.delete()
    names = [(f.storage, f.name) for f in files if f.name]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])


@transaction.atomic
def space_recording_add(
    *, actor: User | None, space: Space, title: str, url: str, channel: str = ""
) -> dict:
    """Adds a link where the space can be watched again."""
    recording = {"title": title.strip(), "url": url.strip(), "channel": channel.strip()}
    errors = {}
    if not recording["title"]:
        errors["title"] = _("Escriba el título de la grabación.")
    try:
        URLValidator(schemes=["http", "https"])(recording["url"])
    except ValidationError:
        errors["url"] = _("Escriba un enlace completo que empiece por https://.")
    if errors:
        raise ValidationError(errors)
    space = Space.objects.select_for_update().get(pk=space.pk)
    space.recordings = [*space.recordings, recording]
    space.save(update_fields=["recordings", "updated_at"])
    audit_record(
        actor=actor,
        action="space_recording_add",
        target=space,
        changes={"recordings": [None, recording["url"]]},
    )
    return recording


@transaction.atomic
def space_recording_delete(*, actor: User | None, space: Space, number: int) -> None:
    """Removes the recording at position `number` (1 is the first)."""
    space = Space.objects.select_for_update().get(pk=space.pk)
    if not 1 <= number <= len(space.recordings):
        raise ValidationError({"recording": _("Esa grabación no existe.")})
    removed = space.recordings[number - 1]
    space.recordings = [r for n, r in enumerate(space.recordings, 1) if n != number]
    space.save(update_fields=["recordings", "updated_at"])
    audit_record(
        actor=actor,
        action="space_recording_delete",
        target=space,
        changes={"recordings": [removed.get("url"), None]},
    )


@dataclass
class FigureData:
    value: Decimal
    label: str
    period: str = ""


@dataclass
class HighlightData:
    heading: str
    text: str = ""
    figures: list[FigureData] = field(default_factory=list)


def highlight_figures_parse(text: str, *, field_name: str = "figures") -> list[FigureData]:
    """Figures typed one per line as «cifra | qué cuenta | periodo» («339.876 | interacciones
    | junio a diciembre de 2022»); dots group thousands and a comma marks decimals."""
    figures = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 2 or len(parts) > 3 or not parts[1]:
            raise ValidationError(
                {
                    field_name: _(
                        "Línea %(n)s: escriba «cifra | qué cuenta | periodo» (el periodo es "
                        "opcional)."
                    )
                    % {"n": number}
                }
            )
        raw = parts[0].replace(" ", "").replace(".", "").replace(",", ".")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise ValidationError(
                {
                    field_name: _("Línea %(n)s: «%(value)s» no es una cifra.")
                    % {"n": number, "value": parts[0]}
                }
            ) from None
        if not value.is_finite() or abs(value) >= Decimal("1e14"):
            raise ValidationError(
                {field_name: _("Línea %(n)s: la cifra es demasiado grande.") % {"n": number}}
            )
        figures.append(FigureData(value, parts[1], parts[2] if len(parts) == 3 else ""))
    return figures


@transaction.atomic
def space_highlight_add(*, actor: User | None, space: Space, data: HighlightData) -> SpaceHighlight:
    """Records a result presented in the space, with its figures in the order given."""
    highlight = SpaceHighlight(
        space=space,
        order=_next_order(space.highlights.all()),
        heading=data.heading.strip(),
        text=data.text.strip(),
    )
    highlight.full_clean()
    highlight.save()
    for order, figure in enumerate(data.figures, 1):
        item = HighlightFigure(
            highlight=highlight,
            order=order,
            value=figure.value,
            label=figure.label.strip(),
            period=figure.period.strip(),
        )
        item.full_clean()
        item.save()
    audit_record(
        actor=actor,
        action="space_highlight_add",
        target=highlight,
        changes={"space": [None, space.slug], "heading": [None, highlight.heading]},
    )
    return highlight


@transaction.atomic
def space_highlight_delete(*, actor: User | None, highlight: SpaceHighlight) -> None:
    audit_record(
        actor=actor,
        action="space_highlight_delete",
        target=highlight.space,
        changes={"highlight": [highlight.heading, None]},
    )
    highlight.delete()
