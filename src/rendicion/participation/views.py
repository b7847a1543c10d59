"""Public forms (attendance, evaluation) and the staff pages of participation."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache

from rendicion.core.exporters import export_response
from rendicion.core.models import ConsentText
from rendicion.core.public_forms import public_form_post
from rendicion.core.selectors import consent_text_version
from rendicion.core.services import consent_text_ensure
from rendicion.spaces.access import access_space_public, access_space_staff
from rendicion.spaces.models import Space

from . import permissions, selectors, services
from .exports import AttendanceListExporter
from .forms import AttendanceForm, EvaluationForm
from .importing import ImportRefused
from .models import Attendance, Evaluation, PendingImport


def _groups(space: Space) -> list[str]:
    from .forms import STAKEHOLDER_GROUPS

    return selectors.attendance_group_names(entity=space.strategy.entity) or STAKEHOLDER_GROUPS


def _consent(space: Space, version: str | None, current: ConsentText) -> ConsentText:
    """The text version the person saw (the current one if that version is unknown)."""
    if not version or version == current.version:
        return current
    found = consent_text_version(entity=space.strategy.entity, version=version)
    return found or current


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
    space = access_space_public(slug)
    consent = consent_text_ensure(entity=space.strategy.entity)
    context = _form_context(space, consent, "attendance")
    if not space.form_is_open("attendance"):
        return render(request, "participation/form_closed.html", context)
    if request.method == "POST":
        form = AttendanceForm(request.POST, groups=_groups(space))

        def submit(data: dict) -> HttpResponse:
            result = services.attendance_submit(
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
                topic=data.get("topic") or "",
            )
            if result.outcome == "same_person" and not _sent_from_here(
                request, space, result.record
            ):
                return render(request, "participation/already_registered.html", context)
            return _attendance_confirmation(space, result.record)

        response = public_form_post(
            request, form, submit=submit, too_many=lambda: _too_many(request, space)
        )
        if response is not None:
            return response
    else:
        form = AttendanceForm(initial={"consent_version": consent.version}, groups=_groups(space))
    context["form"] = form
    return render(request, "participation/attendance_form.html", context)


def _attendance_confirmation(space: Space, record: Attendance) -> HttpResponse:
    response = redirect("participation:attendance_done", slug=space.slug, key=record.submission_key)
    # Remembered in this browser only, so that going Back and sending the form again shows the
    # same confirmation instead of "already registered".
    response.set_signed_cookie(
        _done_cookie(space),
        str(record.submission_key),
        salt="attendance",
        max_age=60 * 60 * 24 * 30,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def attendance_done(request: HttpRequest, slug: str, key: uuid.UUID) -> HttpResponse:
    space = access_space_public(slug)
    if not Attendance.objects.filter(space=space, submission_key=key).exists():
        raise Http404
    return render(request, "participation/done.html", {"space": space, "kind": "attendance"})


@never_cache
def evaluation_form(request: HttpRequest, slug: str) -> HttpResponse:
    space = access_space_public(slug)
    consent = consent_text_ensure(entity=space.strategy.entity)
    context = _form_context(space, consent, "evaluation")
    if not space.form_is_open("evaluation"):
        return render(request, "participation/form_closed.html", context)
    if request.method == "POST":
        form = EvaluationForm(request.POST)

        def submit(data: dict) -> HttpResponse:
            result = services.evaluation_submit(
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
                topic=data.get("topic") or "",
            )
            return redirect(
                "participation:evaluation_done", slug=space.slug, key=result.record.submission_key
            )

        response = public_form_post(
            request, form, submit=submit, too_many=lambda: _too_many(request, space)
        )
        if response is not None:
            return response
    else:
        form = EvaluationForm(initial={"consent_version": consent.version})
    context["form"] = form
    return render(request, "participation/evaluation_form.html", context)


def evaluation_done(request: HttpRequest, slug: str, key: uuid.UUID) -> HttpResponse:
    space = access_space_public(slug)
    if not Evaluation.objects.filter(space=space, submission_key=key).exists():
        raise Http404
    return render(request, "participation/done.html", {"space": space, "kind": "evaluation"})


# Staff -----------------------------------------------------------------------------------------


@login_required
def space_participation(request: HttpRequest, slug: str) -> HttpResponse:
    """A space's attendance and evaluation results; the attendance list for allowed roles."""
    space = access_space_staff(request.user, slug)
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
            "can_import_evaluations": permissions.can_import_evaluations(request.user),
        },
    )


@login_required
def attendance_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    """The attendance list in the layout the import accepts (personal data: allowed roles)."""
    if fmt not in AttendanceListExporter.formats:
        raise Http404
    space = access_space_staff(request.user, slug)
    if not permissions.can_view_personal_data(request.user):
        raise PermissionDenied
    return export_response(AttendanceListExporter(space=space), fmt)


# What differs between the attendance and the evaluation upload pages; the flow is one.
_IMPORTS = {
    "attendance": {
        "stage": services.attendance_import_stage,
        "confirm": services.attendance_import_confirm,
        "url": "participation:attendance_import",
        "heading": _lazy("Importar asistencia desde una hoja de cálculo"),
        "title": _lazy("Importar asistencia"),
        "file_label": _lazy("Archivo de asistencia (XLSX o CSV)"),
        "intro": _lazy(
            "Se aceptan XLSX y CSV (separado por comas, punto y coma o tabulaciones). Reconocemos "
            "columnas como «Nombres y apellidos», «Número de documento», «Correo electrónico», "
            "«Sexo», «Edad» y la autorización de datos. Las filas sin autorización no se importan."
        ),
    },
    "evaluation": {
        "stage": services.evaluation_import_stage,
        "confirm": services.evaluation_import_confirm,
        "url": "participation:evaluation_import",
        "heading": _lazy("Importar evaluaciones desde una hoja de cálculo"),
        "title": _lazy("Importar evaluaciones"),
        "file_label": _lazy("Archivo de evaluaciones (XLSX o CSV)"),
        "intro": _lazy(
            "Se aceptan XLSX y CSV (separado por comas, punto y coma o tabulaciones), como los "
            "exportan Google Forms y Microsoft Forms. Reconocemos las preguntas de la evaluación "
            "(cómo le pareció el espacio, claridad, utilidad, si se habló de su tema y si "
            "volvería) y respuestas como «5», «Muy bien», «Excelente», «Sí», «Tal vez» o «No». "
            "Los comentarios se guardan solo con autorización de datos."
        ),
    },
}


def _import_page(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """Upload → preview (nothing stored) → confirm. The file waits in between."""
    space = access_space_staff(request.user, slug)
    from .forms_staff import ImportForm

    flow = _IMPORTS[kind]
    allowed = {
        "attendance": permissions.can_import_attendance,
        "evaluation": permissions.can_import_evaluations,
    }
    if not allowed[kind](request.user):
        raise PermissionDenied
    context = {"space": space, "heading": flow["heading"], "title": flow["title"]}
    context["intro"] = flow["intro"]
    pending_id = request.POST.get("pending")
    if request.method == "POST" and pending_id:
        pending = PendingImport.objects.filter(
            pk=pending_id if pending_id.isdigit() else None, space=space, uploaded_by=request.user
        ).first()
        if pending is None:
            messages.error(
                request, _("La vista previa ya no está: venció o ya se importó. Suba el archivo.")
            )
            return redirect(flow["url"], slug=space.slug)
        try:
            result = flow["confirm"](pending=pending, actor=request.user)
        except ImportRefused as error:  # the file was readable at preview; be safe anyway
            messages.error(request, str(error))
            return redirect(flow["url"], slug=space.slug)
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
    form.fields["file"].label = flow["file_label"]
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            stage = flow["stage"](
                space=space,
                data=upload.read(),
                filename=upload.name,
                actor=request.user,
                force=form.cleaned_data["force"],
                sheet=form.cleaned_data["sheet"] or None,
            )
        except ImportRefused as error:
            form.add_error("file", str(error))
        else:
            context.update({"preview": stage.preview, "pending": stage.pending})
    context["form"] = form
    context["action"] = reverse(flow["url"], args=[space.slug])
    return render(request, "participation/import.html", context)


@login_required
def attendance_import(request: HttpRequest, slug: str) -> HttpResponse:
    return _import_page(request, slug, "attendance")


@login_required
def evaluation_import(request: HttpRequest, slug: str) -> HttpResponse:
    """Evaluations exported from Google Forms or Microsoft Forms, previewed, then confirmed."""
    return _import_page(request, slug, "evaluation")


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
