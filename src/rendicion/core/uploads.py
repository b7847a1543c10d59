"""Checks every uploaded file for size and real type (by its content, not only its name)."""

from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# extension → the type its content must have (None: plain text, checked by decoding)
DOCUMENT_TYPES: dict[str, str | None] = {
    "pdf": "pdf",
    "png": "png",
    "jpg": "jpg",
    "jpeg": "jpg",
    "webp": "webp",
    "docx": "docx",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "odt": "odt",
    "ods": "ods",
    "csv": None,
    "txt": None,
}
SPREADSHEET_TYPES = {"xlsx": "xlsx"}


def upload_check(
    file: UploadedFile, *, field: str, allowed: dict[str, str | None] = DOCUMENT_TYPES
) -> str:
    """Returns the file's extension, or raises a ValidationError naming the field."""
    limit = settings.UPLOAD_MAX_BYTES
    if file.size is not None and file.size > limit:
        raise ValidationError(
            {
                field: _("El archivo pesa %(size)s; el máximo es %(limit)s.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
            }
        )
    extension = PurePath(file.name or "").suffix.lower().lstrip(".")
    if extension not in allowed:
        raise ValidationError(
            {
                field: _("Ese tipo de archivo no se acepta. Use uno de estos: %(types)s.")
                % {"types": ", ".join(sorted(allowed))}
            }
        )
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    expected = allowed[extension]
    if expected is None:
        if b"\x00" in head:
            raise ValidationError(
                {field: _("El archivo no es de texto, aunque su nombre lo diga.")}
            )
        return extension
    kind = filetype.guess(head if expected not in {"docx", "xlsx", "pptx"} else _whole(file))
    if kind is None or kind.extension != expected:
        raise ValidationError(
            {
                field: _("El contenido del archivo no corresponde a un .%(ext)s.")
                % {"ext": extension}
            }
        )
    return extension


def _whole(file: UploadedFile) -> bytes:
    """Office files are zip archives; telling docx from xlsx needs more than the first bytes."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data
