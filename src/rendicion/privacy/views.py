"""Public page and request form of citizens' data rights; the staff queue and the person's
records (find, export, rectify, erase). Thin: parse, authorise, call a service, render."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from rendicion.core.forms import validation_error_to_form
from rendicion.core.public_forms import public_form_post
from rendicion.core.selectors import business_calendar, entity_current
from rendicion.participation.models import Attendance
from rendicion.questions.models import Question

from . import permissions, selectors, services
from .forms import (
    AnswerForm,
    DataRequestForm,
    ExtendForm,
    PersonSearchForm,
    QueueFilterForm,
    RectifyForm,
    StateForm,
)
from .models import REQUEST_TERMS, DataRequest, RequestKind


def _entity():
    entity = entity_current()
    if entity is None:
        raise Http404
    return entity


# Public -----------------------------------------------------------------------------------------


def rights(request: HttpRequest) -> HttpResponse:
    """What Rendición keeps, why, for how long, and how to exercise the rights."""
    days = settings.PERSONAL_DATA_RETENTION_DAYS
    return render(
        request,
        "privacy/rights.html",
        {
            "retention_days": days,
            "retention_years": days // 365 if days % 365 == 0 else None,
            "consulta_terms": REQUEST_TERMS[RequestKind.CONSULTA],
            "reclamo_terms": REQUEST_TERMS[RequestKind.RECLAMO],
        },
    )


@never_cache
def request_form(request: HttpRequest) -> HttpResponse:
    entity = _entity()
    form = DataRequestForm(request.POST or None)
    if request.method == "POST":

        def submit(data: dict) -> HttpResponse:
            created = services.data_request_receive(
                entity=entity,
                data=services.DataRequestData(
                    right=data["right"],
                    full_name=" ".join(data["full_name"].split()),
                    document_type=data["document_type"],
                    document_number=data["document_number"],
                    email=data["email"],
                    phone=data["phone"].strip(),
                    description=data["description"],
                ),
                submission_key=data["submission_key"],
            )
            return redirect("privacy:request_received", key=created.submission_key)

        response = public_form_post(
            request,
            form,
            submit=submit,
            too_many=lambda: render(request, "privacy/too_many.html", status=429),
        )
        if response is not None:
            return response
    return render(request, "privacy/request_form.html", {"form": form})


def request_received(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    found = (
        DataRequest.objects.filter(submission_key=key)
        .only("pk", "kind", "right", "received_on", "due_date", "submission_key")
        .first()
    )
    if found is None:
        raise Http404
    return render(request, "privacy/request_received.html", {"data_request": found})


# Staff: the queue of requests -----------------------------------------------------------------


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_manage_data_requests(request.user))
    entity = _entity()
    today = timezone.localdate()
    calendar = business_calendar(entity=entity)
    filters = QueueFilterForm(request.GET or None)
    view = filters.cleaned_view()
    requests = selectors.data_request_queue(
        entity=entity, view=view, today=today, calendar=calendar
    )[:200]
    return render(
        request,
        "privacy/staff_queue.html",
        {
            "filters": filters,
            "view": view,
            "rows": selectors.data_request_rows(requests, today=today, calendar=calendar),
            "counts": selectors.data_request_counts(entity=entity, today=today, calendar=calendar),
        },
    )


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require(permissions.can_manage_data_requests(request.user))
    data_request = get_object_or_404(DataRequest, pk=pk, entity=_entity())
    forms = {
        "state": StateForm(initial={"state": data_request.state}, prefix="state"),
        "extend": ExtendForm(prefix="extend"),
        "answer": AnswerForm(prefix="answer"),
    }
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in forms:
            raise Http404
        form = type(forms[action])(request.POST, prefix=action)
        forms[action] = form
        if form.is_valid():
            try:
                if action == "state":
                    services.data_request_state_set(
                        actor=request.user, request=data_request, state=form.cleaned_data["state"]
                    )
                    messages.success(request, _("Estado actualizado."))
                elif action == "extend":
                    services.data_request_extend(
                        actor=request.user, request=data_request, reason=form.cleaned_data["reason"]
                    )
                    messages.success(
                        request, _("Prórroga registrada. Avísele a la persona la nueva fecha.")
                    )
                else:
                    services.data_request_answer(
                        actor=request.user, request=data_request, answer=form.cleaned_data["answer"]
                    )
                    messages.success(request, _("Respuesta registrada."))
            except ValidationError as error:
                validation_error_to_form(form, error)
            else:
                return redirect("privacy:request_detail", pk=data_request.pk)
    calendar = business_calendar(entity=data_request.entity)
    row = selectors.data_request_rows(
        [data_request], today=timezone.localdate(), calendar=calendar
    )[0]
    person_query = urlencode(
        {"document": data_request.document_number}
        if data_request.document_number.isdigit()
        else {"email": data_request.email}
    )
    return render(
        request,
        "privacy/staff_detail.html",
        {"row": row, "r": data_request, "forms": forms, "person_query": person_query},
    )


# Staff: one person's records --------------------------------------------------------------------


def _person_from(params) -> tuple[PersonSearchForm, tuple[str, str] | None]:
    form = PersonSearchForm(params or None)
    if not params or not form.is_valid():
        return form, None
    try:
        return form, services.person_query_clean(
            document=form.cleaned_data["document"], email=form.cleaned_data["email"]
        )
    except ValidationError as error:
        validation_error_to_form(form, error)
        return form, None


@login_required
def person(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_manage_personal_data(request.user))
    form, who = _person_from(request.GET)
    found = None
    if who is not None:
        found = services.personal_data_find(document=who[0], email=who[1])
    return render(
        request,
        "privacy/staff_person.html",
        {
            "form": form,
            "found": found,
            "rows": found.rows() if found else [],
            "query": request.GET.urlencode(),
        },
    )


@login_required
def person_export(request: HttpRequest, fmt: str) -> HttpResponse:
    _require(permissions.can_manage_personal_data(request.user))
    if fmt not in ("json", "csv"):
        raise Http404
    _form, who = _person_from(request.GET)
    if who is None:
        return redirect("privacy:person")
    found = services.personal_data_find(document=who[0], email=who[1])
    content, media_type = services.personal_data_export(found, fmt=fmt)
    response = HttpResponse(content, content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="datos-personales.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def person_erase(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_manage_personal_data(request.user))
    form, who = _person_from(request.POST)
    if who is None:
        return redirect("privacy:person")
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Confirme que quiere anonimizar todos los registros."))
        return redirect(f"{reverse('privacy:person')}?{urlencode(form.cleaned_data)}")
    result = services.personal_data_erase(document=who[0], email=who[1], actor=request.user)
    messages.success(
        request,
        ngettext(
            "Se anonimizó %(n)s registro. Las cifras publicadas no cambian.",
            "Se anonimizaron %(n)s registros. Las cifras publicadas no cambian.",
            result.total,
        )
        % {"n": result.total},
    )
    return redirect(f"{reverse('privacy:person')}?{urlencode(form.cleaned_data)}")


RECTIFIABLE = {"attendance": Attendance, "question": Question}


@login_required
def rectify(request: HttpRequest, record_type: str, pk: int) -> HttpResponse:
    _require(permissions.can_manage_personal_data(request.user))
    model = RECTIFIABLE.get(record_type)
    if model is None:
        raise Http404
    record = get_object_or_404(model, pk=pk)
    if record_type == "attendance":
        initial = {
            "full_name": record.full_name,
            "document_type": record.document_type,
            "document_number": record.document_number,
            "email": record.email,
            "phone": record.phone,
        }
    else:
        initial = {
            "full_name": record.asker_name,
            "email": record.asker_email,
            "phone": record.asker_phone,
        }
    form = RectifyForm(request.POST or None, initial=initial, record_type=record_type)
    back = request.GET.get("volver", "")
    if request.method == "POST" and form.is_valid():
        try:
            services.personal_data_rectify(
                actor=request.user, record_type=record_type, pk=pk, data=form.cleaned_data
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("Datos corregidos."))
            target = reverse("privacy:person")
            return redirect(f"{target}?{back}" if back else target)
    return render(
        request,
        "privacy/staff_rectify.html",
        {"form": form, "record_type": record_type, "record": record, "back": back},
    )
