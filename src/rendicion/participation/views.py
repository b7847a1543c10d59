"""Public forms (attendance, evaluation) and the staff pages of participation."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from rendicion.core.exporters import export_response
from rendicion.core.hooks import TopicChannel, topic_propose
from rendicion.core.models import ConsentText
from rendicion.core.public_forms import public_post_limited
from rendicion.core.selectors import consent_text_version
from rendicion.core.services import consent_text_ensure
from rendicion.spaces.models import Space

from . import permissions, selectors, services
from .exports import AttendanceListExporter
from .forms import AttendanceForm, EvaluationForm
from .importing import ImportRefused
from .models import Attendance, Evaluation, PendingImport


def _public_space(slug: str) -> Space:
    """The space of a public form: one query (the forms need none of its related lists)."""
    try:
        return Space.objects.select_related("strategy__entity").get(
            slug=slug, is_published=True, strategy__is_published=True
        )
    except Space.DoesNotExist:
        raise Http404 from None


def _groups(space: Space) -> list[str]:
    from .forms import STAKEHOLDER_GROUPS

    return selectors.attendance_group_names(entity=space.strategy.entity) or STAKEHOLDER_GROUPS


def _consent(space: Space, version: str | None, current: ConsentText) -> ConsentText:
    """The text version the person saw (the current one if that version is unknown)."""
    if not version or version == current.version:
        return current
    found = consent_text_version(entity=space.strategy.entity, version=version)
    return found or current


def _topic_propose(space: Space, data: dict, channel: str) -> None:
    """The optional «¿Qué tema le gustaría que tratáramos?» becomes a proposed topic (once)."""
    if data.get("topic"):
        topic_propose(
            entity=space.strategy.entity,
            text=data["topic"],
            channel=channel,
            proposed_in=space,
            submission_key=data["submission_key"],
        )


def _done_cookie(space: Space) -> str:
    return f"asistencia-{space.pk}"


def _sent_from_here(request: HttpRequest, space: Space, record: Attendance) -> bool:
    """Whether this browser sent the earlier record of this person (Back, then send again)."""
    key = request.get_signed_cookie(_done_cookie(space), default=None, salt="attendance")
    return key is not None and key == str(record.submission_key)


def _form_context(space: Space, consent: ConsentText, kind: str) -> dict:
    # The entity comes with the space: the footer needs no query of its own.
    return {"space": space, "consent_text": consent, "kind": kind, "entity": space.strategy.entity}


def _too_many(request: HttpRequest, space: Space) -> HttpResponse:
    return render(request, "participation/too_many.html", {"space": space}, status=429)


@never_cache
def attendance_form(request: HttpRequest, slug: str) -> HttpResponse:
    space = _public_space(slug)
    consent = consent_text_ensure(entity=space.strategy.entity)
    context = _form_context(space, consent, "attendance")
    if not space.form_is_open("attendance"):
        return render(request, "participation/form_closed.html", context)
    if request.method == "POST":
        if public_post_limited(request):
            return _too_many(request, space)
        form = AttendanceForm(request.POST, groups=_groups(space))
        if form.is_valid():
            if form.is_bot:
                form.add_error(
                    "website", _("Deje este campo vacío para poder enviar el formulario.")
                )
            else:
                data = form.cleaned_data
                result = services.attendance_record(
                    space=space,
                    data=services.AttendanceData(
                        full_name=data["full_name"],
                        sex=data["sex"],
                        age_group=data["age_group"],
                        document_type=data["document_type"],
                        document_number=data["document_number"],
                        email=data["email"],
                        phone=data["phone"],
                        age=data["age"],
                        locality=data["locality"],
                        stakeholder_group=data["stakeholder_group"],
                        guardian_consent=data["guardian_consent"],
                        contact_consent=data["contact_consent"],
                    ),
                    consent_text=_consent(space, data["consent_version"], consent),
                    submission_key=data["submission_key"],
                )
                _topic_propose(space, data, TopicChannel.ATTENDANCE_FORM)
                if result.outcome == "same_person" and not _sent_from_here(
                    request, space, result.record
                ):
                    return render(request, "participation/already_registered.html", context)
                response = redirect(
                    "participation:attendance_done",
                    slug=space.slug,
                    key=result.record.submission_key,
                )
                # Remembered in this browser only, so that going Back and sending the form again
                # shows the same confirmation instead of "already registered".
                response.set_signed_cookie(
                    _done_cookie(space),
                    str(result.record.submission_key),
                    salt="attendance",
                    max_age=60 * 60 * 24 * 30,
                    httponly=True,
                    samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
                return response
    else:
        form = AttendanceForm(initial={"consent_version": consent.version}, groups=_groups(space))
    context["form"] = form
    return render(request, "participation/attendance_form.html", context)


def attendance_done(request: HttpRequest, slug: str, key: uuid.UUID) -> HttpResponse:
    space = _public_space(slug)
    if not Attendance.objects.filter(space=space, submission_key=key).exists():
        raise Http404
    return render(request, "participation/done.html", {"space": space, "kind": "attendance"})


@never_cache
def evaluation_form(request: HttpRequest, slug: str) -> HttpResponse:
    space = _public_space(slug)
    consent = consent_text_ensure(entity=space.strategy.entity)
    context = _form_context(space, consent, "evaluation")
    if not space.form_is_open("evaluation"):
        return render(request, "participation/form_closed.html", context)
    if request.method == "POST":
        if public_post_limited(request):
            return _too_many(request, space)
        form = EvaluationForm(request.POST)
        if form.is_valid():
            if form.is_bot:
                form.add_error(
                    "website", _("Deje este campo vacío para poder enviar el formulario.")
                )
            else:
                data = form.cleaned_data
                result = services.evaluation_record(
                    space=space,
                    data=services.EvaluationData(
                        satisfaction=data["satisfaction"],
                        clarity=data["clarity"],
                        usefulness=data["usefulness"],
                        topic_covered=data["topic_covered"],
                        would_return=data["would_return"],
                        comment=data["comment"],
                    ),
                    consent_text=_consent(space, data["consent_version"], consent)
                    if data["consent"]
                    else None,
                    submission_key=data["submission_key"],
                )
                _topic_propose(space, data, TopicChannel.EVALUATION_FORM)
                return redirect(
                    "participation:evaluation_done",
                    slug=space.slug,
                    key=result.record.submission_key,
                )
    else:
        form = EvaluationForm(initial={"consent_version": consent.version})
    context["form"] = form
    return render(request, "participation/evaluation_form.html", context)


def evaluation_done(request: HttpRequest, slug: str, key: uuid.UUID) -> HttpResponse:
    space = _public_space(slug)
    if not Evaluation.objects.filter(space=space, submission_key=key).exists():
        raise Http404
    return render(request, "participation/done.html", {"space": space, "kind": "evaluation"})


# Staff -----------------------------------------------------------------------------------------


def _staff_space(request: HttpRequest, slug: str) -> Space:
    space = get_object_or_404(
        Space.objects.select_related("strategy__entity").prefetch_related("organisers"), slug=slug
    )
    if not permissions.can_view_participation(request.user, space):
        raise PermissionDenied
    return space


@login_required
def space_participation(request: HttpRequest, slug: str) -> HttpResponse:
    """A space's attendance and evaluation results; the attendance list for allowed roles."""
    space = _staff_space(request, slug)
    spaces = Space.objects.filter(pk=space.pk)
    show_people = permissions.can_view_personal_data(request.user)
    people = None
    if show_people:
        people = (
            Attendance.objects.filter(space=space)
            .order_by("pk")
            .only(
                "full_name",
                "document_type",
                "document_number",
                "email",
                "phone",
                "sex",
                "age_group",
                "locality",
                "source",
            )[:500]
        )
    return render(
        request,
        "participation/staff_space.html",
        {
            "space": space,
            "stats": selectors.participation_stats(spaces=spaces),
            "evaluation": selectors.evaluation_stats(spaces=spaces),
            "localities": selectors.participation_breakdown(
                spaces=spaces, field_name="locality", title=_("Localidad o municipio")
            ),
            "groups": selectors.participation_breakdown(
                spaces=spaces, field_name="stakeholder_group", title=_("Grupo de valor")
            ),
            "people": people,
            "show_people": show_people,
            "can_import": permissions.can_import_attendance(request.user),
        },
    )


@login_required
def attendance_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    """The attendance list in the layout the import accepts (personal data: allowed roles)."""
    if fmt not in AttendanceListExporter.formats:
        raise Http404
    space = _staff_space(request, slug)
    if not permissions.can_view_personal_data(request.user):
        raise PermissionDenied
    return export_response(AttendanceListExporter(space=space), fmt)


@login_required
def attendance_import(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload → preview (nothing stored) → confirm. The file waits in between."""
    space = _staff_space(request, slug)
    if not permissions.can_import_attendance(request.user):
        raise PermissionDenied
    from .forms_staff import ImportForm

    context = {"space": space}
    pending_id = request.POST.get("pending")
    if request.method == "POST" and pending_id:
        pending = get_object_or_404(
            PendingImport, pk=pending_id, space=space, uploaded_by=request.user
        )
        try:
            result = services.attendance_import(
                space=space,
                data=bytes(pending.content),
                filename=pending.filename,
                actor=request.user,
                force=bool(pending.options.get("force")),
                sheet=pending.options.get("sheet") or None,
            )
        except ImportRefused as error:  # the file was readable at preview; be safe anyway
            messages.error(request, str(error))
            return redirect("participation:attendance_import", slug=space.slug)
        pending.delete()
        messages.success(
            request,
            _(
                "Importación lista. Registros nuevos: %(imported)s. Repetidos: %(duplicates)s. "
                "Filas rechazadas: %(rejected)s."
            )
            % result.as_dict(),
        )
        return redirect("participation:space", slug=space.slug)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            preview = services.attendance_import(
                space=space,
                data=content,
                filename=upload.name,
                dry_run=True,
                force=form.cleaned_data["force"],
                sheet=form.cleaned_data["sheet"] or None,
            )
        except ImportRefused as error:
            form.add_error("file", str(error))
        else:
            PendingImport.objects.filter(uploaded_by=request.user, space=space).delete()
            pending = PendingImport.objects.create(
                space=space,
                filename=upload.name[:255],
                content=content,
                options={"force": form.cleaned_data["force"], "sheet": form.cleaned_data["sheet"]},
                uploaded_by=request.user,
            )
            context.update({"preview": preview, "pending": pending})
    context["form"] = form
    context["action"] = reverse("participation:attendance_import", args=[space.slug])
    return render(request, "participation/import.html", context)


@login_required
def year_participation(request: HttpRequest, year: int) -> HttpResponse:
    from rendicion.core.selectors import entity_current

    if not permissions.participation_can_view_year(request.user):
        raise PermissionDenied
    spaces = Space.objects.filter(strategy__entity=entity_current(), strategy__year=year)
    kind = request.GET.get("tipo")
    if kind in ("hearing", "dialogue"):
        spaces = spaces.filter(kind=kind)
    return render(
        request,
        "participation/staff_year.html",
        {
            "year": year,
            "kind": kind,
            "stats": selectors.participation_stats(spaces=spaces),
            "evaluation": selectors.evaluation_stats(spaces=spaces),
            "ranking": selectors.space_attendance_counts(spaces=spaces),
            "modalities": selectors.by_modality(spaces=spaces),
            "localities": selectors.participation_breakdown(
                spaces=spaces, field_name="locality", title=_("Localidad o municipio")
            ),
            "groups": selectors.participation_breakdown(
                spaces=spaces, field_name="stakeholder_group", title=_("Grupo de valor")
            ),
        },
    )
