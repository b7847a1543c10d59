"""The memory of a space: staff record photos, recordings and results; the public sees the
published web copies of the photos (never the originals)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rendicion.core.forms import validation_error_to_form

from . import permissions, selectors, services
from .access import access_space_staff
from .forms import HighlightForm, PhotoTextForm, PhotoUploadForm, RecordingForm
from .models import Space, SpaceHighlight, SpacePhoto


def _space(request: HttpRequest, slug: str) -> Space:
    if not permissions.can_view_spaces_staff(request.user):
        raise PermissionDenied
    return access_space_staff(request.user, slug)


def _editable(request: HttpRequest, slug: str) -> Space:
    space = _space(request, slug)
    if not permissions.space_can_record_memory(request.user, space):
        raise PermissionDenied
    return space


def _page(request: HttpRequest, space: Space, **forms) -> HttpResponse:
    memory = selectors.space_memory_for(spaces=[space], published_only=False)[space.pk]
    context = {
        "space": space,
        "memory": memory,
        "photo_forms": [
            (photo, PhotoTextForm(initial=_photo_initial(photo), prefix=f"foto-{photo.pk}"))
            for photo in memory.photos
        ],
        "can_edit": permissions.space_can_record_memory(request.user, space),
        "upload_form": forms.get("upload_form") or PhotoUploadForm(),
        "recording_form": forms.get("recording_form") or RecordingForm(),
        "highlight_form": forms.get("highlight_form") or HighlightForm(),
    }
    if "photo_form" in forms:
        photo, form = forms["photo_form"]
        context["photo_forms"] = [
            (p, form if p.pk == photo.pk else f) for p, f in context["photo_forms"]
        ]
    status = 400 if forms else 200
    return render(request, "spaces/staff_memory.html", context, status=status)


def _photo_initial(photo: SpacePhoto) -> dict:
    return {
        "alt_text": photo.alt_text,
        "caption": photo.caption,
        "credit": photo.credit,
        "consent_note": photo.consent_note,
        "is_published": photo.is_published,
    }


def _text(data: dict) -> services.PhotoText:
    return services.PhotoText(
        alt_text=data["alt_text"],
        caption=data["caption"],
        credit=data["credit"],
        consent_note=data["consent_note"],
        is_published=data["is_published"],
    )


@login_required
def staff_memory(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, _space(request, slug))


@login_required
@require_POST
def staff_photo_add(request: HttpRequest, slug: str) -> HttpResponse:
    space = _editable(request, slug)
    form = PhotoUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.space_photo_add(
                actor=request.user,
                space=space,
                file=form.cleaned_data["image"],
                text=_text(form.cleaned_data),
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("La foto quedó guardada."))
            return redirect("spaces:staff_memory", slug=space.slug)
    return _page(request, space, upload_form=form)


@login_required
@require_POST
def staff_photo_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    space = _editable(request, slug)
    photo = get_object_or_404(SpacePhoto, pk=pk, space=space)
    form = PhotoTextForm(request.POST, prefix=f"foto-{photo.pk}")
    if form.is_valid():
        try:
            services.space_photo_update(
                actor=request.user, photo=photo, text=_text(form.cleaned_data)
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("Los datos de la foto quedaron guardados."))
            return redirect("spaces:staff_memory", slug=space.slug)
    photo.refresh_from_db()
    return _page(request, space, photo_form=(photo, form))


@login_required
def staff_photo_original(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """The photo as uploaded, camera data included: staff of the space only."""
    space = _space(request, slug)
    photo = get_object_or_404(SpacePhoto, pk=pk, space=space)
    try:
        handle = photo.original.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=photo.original.name.rsplit("/", 1)[-1])


@login_required
@require_POST
def staff_recording_add(request: HttpRequest, slug: str) -> HttpResponse:
    space = _editable(request, slug)
    form = RecordingForm(request.POST)
    if form.is_valid():
        try:
            services.space_recording_add(actor=request.user, space=space, **form.cleaned_data)
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("La grabación quedó registrada."))
            return redirect("spaces:staff_memory", slug=space.slug)
    return _page(request, space, recording_form=form)


@login_required
@require_POST
def staff_highlight_add(request: HttpRequest, slug: str) -> HttpResponse:
    space = _editable(request, slug)
    form = HighlightForm(request.POST)
    if form.is_valid():
        try:
            figures = services.highlight_figures_parse(form.cleaned_data["figures"])
            services.space_highlight_add(
                actor=request.user,
                space=space,
                data=services.HighlightData(
                    heading=form.cleaned_data["heading"],
                    text=form.cleaned_data["text"],
                    figures=figures,
                ),
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("El resultado quedó registrado."))
            return redirect("spaces:staff_memory", slug=space.slug)
    return _page(request, space, highlight_form=form)


_DELETABLE = {
    "foto": (SpacePhoto, "space_photo_delete", "photo"),
    "resultado": (SpaceHighlight, "space_highlight_delete", "highlight"),
}


@login_required
@require_POST
def staff_memory_delete(request: HttpRequest, slug: str, what: str, pk: int) -> HttpResponse:
    space = _editable(request, slug)
    if what == "grabacion":  # recordings are kept with the space, by position
        try:
            services.space_recording_delete(actor=request.user, space=space, number=pk)
        except ValidationError:
            raise Http404 from None
        messages.success(request, _("Quedó eliminado."))
        return redirect("spaces:staff_memory", slug=space.slug)
    if what not in _DELETABLE:
        raise Http404
    model, service, argument = _DELETABLE[what]
    item = get_object_or_404(model, pk=pk, space=space)
    getattr(services, service)(actor=request.user, **{argument: item})
    messages.success(request, _("Quedó eliminado."))
    return redirect("spaces:staff_memory", slug=space.slug)


def photo_public(request: HttpRequest, slug: str, pk: int, size: str) -> FileResponse:
    """The web copy or thumbnail of a published photo: resized, without camera data."""
    if size not in ("web", "miniatura"):
        raise Http404
    try:
        photo = selectors.space_photo_public(pk=pk)
    except SpacePhoto.DoesNotExist:
        raise Http404 from None
    if photo.space.slug != slug:
        raise Http404
    stored = photo.web if size == "web" else photo.thumbnail
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "public, max-age=3600"
    return response
