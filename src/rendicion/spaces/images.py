"""Photos of a space made fit to publish: checked, decoded within bounds, resized to web sizes
and written again from their pixels, so no camera data (EXIF, GPS location) reaches the public.

Pure: bytes in, bytes out, no database. Every way a file can be hostile (not an image, a lying
name, a truncated or corrupt file, a decompression bomb) ends in a ValidationError in Spanish
naming the field, never in a crash.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

PHOTO_TYPES: dict[str, str | None] = {"jpg": "jpg", "jpeg": "jpg", "png": "png", "webp": "webp"}
# A 40-megapixel camera is the largest photo accepted; decoding one takes ~120 MB at most,
# and JPEGs are decoded at a reduced scale before that (draft mode).
PHOTO_MAX_PIXELS = 40_000_000
WEB_SIZE = 1600
THUMBNAIL_SIZE = 480
JPEG_QUALITY = 82


@dataclass(frozen=True)
class WebPhoto:
    web: bytes
    thumbnail: bytes
    width: int
    height: int


def _unreadable(field: str) -> ValidationError:
    return ValidationError(
        {
            field: _(
                "La imagen no se pudo leer: el archivo está dañado o no es una foto JPG, PNG o "
                "WebP."
            )
        }
    )


def _too_large(field: str, width: int | None = None, height: int | None = None) -> ValidationError:
    if not width or not height:
        return ValidationError(
            {
                field: _(
                    "La imagen es demasiado grande: el máximo es %(max)s millones de píxeles. "
                    "Redúzcala antes de subirla."
                )
                % {"max": PHOTO_MAX_PIXELS // 1_000_000}
            }
        )
    return ValidationError(
        {
            field: _(
                "La imagen mide %(width)s × %(height)s píxeles; el máximo es %(max)s millones de "
                "píxeles. Redúzcala antes de subirla."
            )
            % {"width": width, "height": height, "max": PHOTO_MAX_PIXELS // 1_000_000}
        }
    )


def _jpeg(image: Image.Image, size: int) -> tuple[bytes, int, int]:
    copy = image.copy()
    copy.thumbnail((size, size), Image.Resampling.LANCZOS)
    # A new image from the pixels alone: no EXIF, XMP, ICC or comment travels with it.
    clean = Image.new("RGB", copy.size)
    clean.paste(copy)
    output = io.BytesIO()
    clean.save(output, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return output.getvalue(), clean.width, clean.height


def photo_web_versions(data: bytes, *, field: str = "image") -> WebPhoto:
    """The web and thumbnail versions of an uploaded photo, or a ValidationError on `field`."""
    with warnings.catch_warnings():
        # Pillow warns before it refuses a decompression bomb; a warning is already too much.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                width, height = probe.size  # read from the header, nothing decoded yet
                if width * height > PHOTO_MAX_PIXELS:
                    raise _too_large(field, width, height)
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                if image.format == "JPEG":
                    image.draft("RGB", (WEB_SIZE, WEB_SIZE))
                image.load()
                if getattr(image, "n_frames", 1) > 1:
                    image.seek(0)
                image = ImageOps.exif_transpose(image)
                image = image.convert("RGB")
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(field) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise _unreadable(field) from None
    web, web_width, web_height = _jpeg(image, WEB_SIZE)
    thumbnail, _w, _h = _jpeg(image, THUMBNAIL_SIZE)
    return WebPhoto(web=web, thumbnail=thumbnail, width=web_width, height=web_height)
