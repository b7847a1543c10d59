"""The memory of a space: photos fit to publish, recordings, and the results presented."""

import datetime as dt
import io
import struct
import zlib
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from rendicion.core.tests.factories import UserFactory
from rendicion.spaces import services
from rendicion.spaces.images import PHOTO_MAX_PIXELS, photo_web_versions
from rendicion.spaces.models import SpaceKind, SpacePhoto, SpaceStatus
from rendicion.spaces.selectors import dialogue_plan_check
from rendicion.strategy.services import DialoguePlanData, dialogue_plan_save

from .factories import SpaceFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def _jpeg_with_location(size=(2400, 1600)) -> bytes:
    """A camera-like JPEG: EXIF with the camera make and a GPS position."""
    image = Image.new("RGB", size, "#3366aa")
    exif = Image.Exif()
    exif[0x010F] = "Cámara de prueba"  # Make
    exif[GPS_IFD] = {1: "N", 2: (4.0, 35.0, 56.0), 3: "W", 4: (74.0, 4.0, 51.0)}
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif)
    return output.getvalue()


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge image (a decompression bomb's calling card)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def _upload(data: bytes, name: str = "foto.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def _published_text(**overrides) -> services.PhotoText:
    values = dict(
        alt_text="Personas en el auditorio escuchan a la secretaria general.",
        caption="Audiencia pública 2023",
        credit="Oficina de Comunicaciones",
        consent_note="Formato de autorización firmado por las personas que aparecen.",
        is_published=True,
    )
    return services.PhotoText(**(values | overrides))


def test_the_public_copy_of_a_photo_has_no_camera_data_or_location():
    space = SpaceFactory()
    photo = services.space_photo_add(
        actor=None, space=space, file=_upload(_jpeg_with_location()), text=_published_text()
    )
    with photo.original.open("rb") as original:
        assert GPS_IFD in Image.open(original).getexif()  # the original keeps it, for staff
    for stored in (photo.web, photo.thumbnail):
        with stored.open("rb") as handle:
            public = Image.open(handle)
            assert not public.getexif()
            assert "exif" not in public.info
            assert max(public.size) <= 1600
    assert (photo.width, photo.height) == (1600, 1067)


def test_a_photo_without_alternative_text_cannot_be_published():
    space = SpaceFactory()
    with pytest.raises(ValidationError) as error:
        services.space_photo_add(
            actor=None,
            space=space,
            file=_upload(_jpeg_with_location((400, 300))),
            text=_published_text(alt_text="  "),
        )
    assert "texto alternativo" in error.value.message_dict["alt_text"][0]
    assert not SpacePhoto.objects.exists()
    draft = services.space_photo_add(
        actor=None,
        space=space,
        file=_upload(_jpeg_with_location((400, 300))),
        text=_published_text(alt_text="", is_published=False),
    )
    with pytest.raises(ValidationError) as error:
        services.space_photo_update(
            actor=None, photo=draft, text=_published_text(alt_text="", consent_note="")
        )
    assert set(error.value.message_dict) == {"alt_text", "consent_note"}


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (_png_declaring(60_000, 60_000), "bomba.png", "millones de píxeles"),
        (_png_declaring(9_000, 9_000), "grande.png", "millones de píxeles"),
        (_jpeg_with_location((300, 200))[:400], "cortada.jpg", "no se pudo leer"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "dibujo.jpg", "no corresponde"),
        (b"GIF89a" + b"\x00" * 64, "animada.gif", "no se acepta"),
    ],
)
def test_a_hostile_image_is_refused_with_a_spanish_message_naming_the_field(data, name, message):
    with pytest.raises(ValidationError) as error:
        services.space_photo_add(
            actor=None, space=SpaceFactory(), file=_upload(data, name), text=_published_text()
        )
    assert message in " ".join(error.value.message_dict["image"])
    assert not SpacePhoto.objects.exists()


def test_the_pixel_limit_is_checked_before_decoding():
    side = int(PHOTO_MAX_PIXELS**0.5) + 1
    with pytest.raises(ValidationError):
        photo_web_versions(_png_declaring(side, side))


def test_figures_are_read_as_colombian_texts_write_them():
    figures = services.highlight_figures_parse(
        "339.876 | interacciones | junio a diciembre de 2022\n\n135.000 | votos\n1,5 | horas | 2023"
    )
    assert [f.value for f in figures] == [Decimal("339876"), Decimal("135000"), Decimal("1.5")]
    assert figures[0].period == "junio a diciembre de 2022" and figures[1].period == ""
    with pytest.raises(ValidationError) as error:
        services.highlight_figures_parse("339.876 | interacciones\nmuchas | votos")
    assert "Línea 2" in error.value.messages[0]


def test_the_space_page_shows_its_results_photos_and_recordings(client):
    space = SpaceFactory(kind=SpaceKind.HEARING, title="Audiencia 2023")
    services.space_highlight_add(
        actor=None,
        space=space,
        data=services.HighlightData(
            heading="Chatico",
            text="Entrenamiento diario.",
            figures=services.highlight_figures_parse("339876 | interacciones | 2022"),
        ),
    )
    published = services.space_photo_add(
        actor=None,
        space=space,
        file=_upload(_jpeg_with_location((800, 600))),
        text=_published_text(),
    )
    draft = services.space_photo_add(
        actor=None,
        space=space,
        file=_upload(_jpeg_with_location((800, 600))),
        text=_published_text(alt_text="Borrador sin publicar", is_published=False),
    )
    services.space_recording_add(
        actor=None, space=space, title="Grabación completa", url="https://example.org/video"
    )
    page = client.get(f"/espacios/{space.slug}/").text
    assert "<strong>339.876</strong> interacciones (2022)" in page
    assert 'alt="Personas en el auditorio escuchan a la secretaria general."' in page
    assert "Borrador sin publicar" not in page
    assert 'href="https://example.org/video"' in page
    web = client.get(f"/espacios/{space.slug}/fotos/{published.pk}/web.jpg")
    assert web.status_code == 200 and web["Content-Type"] == "image/jpeg"
    assert client.get(f"/espacios/{space.slug}/fotos/{draft.pk}/web.jpg").status_code == 404
    # The original (camera data, location) is never public.
    original = f"/gestion/espacios/{space.slug}/memoria/fotos/{published.pk}/original/"
    assert client.get(original).status_code == 302


def test_communications_staff_upload_a_photo_and_a_hostile_file_is_explained(client):
    space = SpaceFactory()
    client.force_login(UserFactory(role="communications"))
    url = f"/gestion/espacios/{space.slug}/memoria/fotos/"
    response = client.post(
        url,
        {
            "image": _upload(_png_declaring(60_000, 60_000), "bomba.png"),
            "alt_text": "Texto",
            "consent_note": "No aparecen personas.",
        },
    )
    assert response.status_code == 400
    assert "millones de píxeles" in response.text
    response = client.post(
        url,
        {
            "image": _upload(_jpeg_with_location((640, 480))),
            "alt_text": "Mesa de inscripción con formularios en papel.",
            "consent_note": "No aparecen personas.",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    assert space.photos.get().is_published
    assert "Mesa de inscripción" in client.get(f"/gestion/espacios/{space.slug}/memoria/").text


def test_a_quarter_without_a_dialogue_is_flagged_on_the_staff_list(client):
    first = SpaceFactory(starts_at=timezone.make_aware(dt.datetime(2023, 5, 10, 9)))
    strategy = first.strategy
    SpaceFactory(strategy=strategy, starts_at=timezone.make_aware(dt.datetime(2023, 11, 2, 9)))
    SpaceFactory(
        strategy=strategy,
        status=SpaceStatus.CANCELLED,
        starts_at=timezone.make_aware(dt.datetime(2023, 8, 2, 9)),
    )
    dialogue_plan_save(
        actor=None,
        strategy=strategy,
        data=DialoguePlanData(min_per_quarter=1, from_quarter=2),
    )
    check = dialogue_plan_check(strategy=strategy, today=dt.date(2024, 1, 15))
    assert [(q.quarter, q.held, q.missing) for q in check] == [
        (2, 1, False),
        (3, 0, True),  # the only dialogue of the quarter was cancelled
        (4, 1, False),
    ]
    client.force_login(UserFactory(role="planning"))
    page = client.get("/gestion/espacios/").text
    assert "Trimestre 3" in page and "Trimestre 2" not in page


def test_staff_add_a_recording_link_and_remove_it(client):
    space = SpaceFactory()
    client.force_login(UserFactory(role="planning"))
    url = f"/gestion/espacios/{space.slug}/memoria/grabaciones/"
    response = client.post(url, {"title": "Transmisión", "url": "javascript:alert(1)"})
    assert response.status_code == 400
    assert set(response.context["recording_form"].errors) == {"url"}
    assert (
        client.post(url, {"title": "Transmisión", "url": "https://example.org/v"}).status_code
        == 302
    )
    space.refresh_from_db()
    assert space.recordings == [
        {"title": "Transmisión", "url": "https://example.org/v", "channel": ""}
    ]
    client.post(f"/gestion/espacios/{space.slug}/memoria/eliminar/grabacion/1/")
    space.refresh_from_db()
    assert space.recordings == []
