"""Staff pages of questions: the queue and dashboard, capture, routing, answers and review."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.dates import business_days_left, extension_limit
from rendicion.core.forms import validation_error_to_form
from rendicion.core.selectors import business_calendar, entity_current, office_list
from rendicion.core.services import consent_text_ensure
from rendicion.spaces.models import Space, SpaceStatus

from .. import permissions, selectors, services
from ..forms import (
    AnswerForm,
    AnswerReportForm,
    ExtendForm,
    QuestionCaptureForm,
    QueueFilterForm,
    ReturnForm,
    ReviewForm,
    RouteForm,
)
from ..models import AnswerReport, Question, QuestionState
from ..plain_language import readability

PAGE_SIZE = 50


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """Per-office queues: what is overdue, what is due this week, what waits for routing."""
    if not permissions.can_view_questions_staff(request.user):
        raise PermissionDenied
    entity = entity_current()
    today = timezone.localdate()
    offices = selectors.office_choices(user=request.user, entity=entity)
    filters = QueueFilterForm(request.GET or None, offices=offices)
    view = filters.cleaned_view()
    mine = selectors.questions_for_user(user=request.user, entity=entity)
    scoped = mine
    if filters.is_valid():
        if filters.cleaned_data.get("office"):
            scoped = scoped.filter(office=filters.cleaned_data["office"])
        if filters.cleaned_data.get("state"):
            scoped = scoped.filter(state=filters.cleaned_data["state"])
    listed = selectors.question_queue_filter(scoped, view=view, today=today)
    page, questions = selectors.question_page(
        listed, number=request.GET.get("pagina"), per_page=PAGE_SIZE
    )
    calendar = business_calendar(entity=entity)
    rows = []
    for question in questions:
        left = business_days_left(question.deadline, today=today, calendar=calendar)
        rows.append((question, left, -left))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "questions/staff_queue.html",
        {
            "filters": filters,
            "view": view,
            "page": page,
            "rows": rows,
            "counts": selectors.question_queue_counts(questions=mine, today=today),
            "loads": selectors.question_load_by_office(questions=mine, today=today),
            "today": today,
            "query": query.urlencode(),
            "can_capture": permissions.can_capture_questions(request.user),
        },
    )


def _staff_spaces(entity):
    return (
        Space.objects.filter(strategy__entity=entity)
        .exclude(status=SpaceStatus.CANCELLED)
        .select_related("strategy")
        .order_by("-starts_at", "pk")
    )


@login_required
def capture(request: HttpRequest) -> HttpResponse:
    """Staff record a question from the stream's chat or comments, a paper form or the room."""
    if not permissions.can_capture_questions(request.user):
        raise PermissionDenied
    entity = entity_current()
    spaces = _staff_spaces(entity)
    initial = {}
    if request.GET.get("espacio"):
        initial["space"] = spaces.filter(slug=request.GET["espacio"]).first()
    form = QuestionCaptureForm(request.POST or None, spaces=spaces, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        received_on: dt.date = data["received_on"]
        now = timezone.localtime()
        received_at = (
            now
            if received_on == now.date()
            else timezone.make_aware(dt.datetime.combine(received_on, dt.time(12, 0)))
        )
        try:
            result = services.question_receive(
                space=data["space"],
                data=services.QuestionData(
                    text=data["text"],
                    channel=data["channel"],
                    kind=data["kind"],
                    asker_name=data["asker_name"],
                    asker_email=data["asker_email"],
                    asker_phone=data["asker_phone"],
                ),
                consent_text=consent_text_ensure(entity=data["space"].strategy.entity)
                if data["consent"]
                else None,
                received_at=received_at,
                actor=request.user,
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(
                request,
                _("La pregunta quedó registrada. Vence el %(date)s.")
                % {"date": result.question.deadline.isoformat()},
            )
            return redirect("questions:staff_detail", pk=result.question.pk)
    return render(request, "questions/staff_capture.html", {"form": form})


def _question(request: HttpRequest, pk: int) -> Question:
    question = get_object_or_404(
        Question.objects.select_related(
            "space", "space__strategy", "space__strategy__entity", "office", "returned_by"
        ),
        pk=pk,
    )
    if not permissions.can_view_question(request.user, question):
        raise PermissionDenied
    return question


def _answer_of(question: Question):
    try:
        return question.answer
    except Question.answer.RelatedObjectDoesNotExist:
        return None


ACTIONS = {
    "asignar": "route",
    "devolver": "return",
    "prorrogar": "extend",
    "borrador": "draft",
    "enviar": "submit",
    "aprobar": "approve",
    "aprobar_publicar": "approve_publish",
    "ajustes": "changes",
    "publicar": "publish",
}


# Long because each role's allowed actions are computed side by side, where a reviewer checks them.
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One question: its term, its state and, depending on who looks, what can be done now."""
    question = _question(request, pk)
    user = request.user
    entity = question.space.strategy.entity
    today = timezone.localdate()
    calendar = business_calendar(entity=entity)
    answer = _answer_of(question)
    can_route = permissions.can_route_questions(user) and question.state in (
        QuestionState.RECEIVED,
        QuestionState.RETURNED,
        QuestionState.ASSIGNED,
    )
    can_answer = permissions.can_answer(user, question) and question.state in (
        QuestionState.ASSIGNED,
        QuestionState.CHANGES_REQUESTED,
    )
    can_return = permissions.can_return(user, question) and question.state == QuestionState.ASSIGNED
    can_extend = (
        permissions.can_extend(user, question)
        and question.is_open
        and question.extended_to is None
        and today <= question.due_date
    )
    can_review = permissions.can_review_answers(user) and question.state == QuestionState.IN_REVIEW
    can_publish = permissions.can_review_answers(user) and question.state == QuestionState.ANSWERED

    forms = {
        "route": RouteForm(
            offices=office_list(entity=entity),
            initial={"office": question.office_id, "kind": question.kind},
        ),
        "return": ReturnForm(),
        "extend": ExtendForm(),
        "answer": AnswerForm(initial={"text": answer.text if answer else ""}),
        "review": ReviewForm(initial={"text": answer.text if answer else ""}),
    }
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("accion", ""))
        allowed = {
            "route": can_route,
            "return": can_return,
            "extend": can_extend,
            "draft": can_answer,
            "submit": can_answer,
            "approve": can_review,
            "approve_publish": can_review,
            "changes": can_review,
            "publish": can_publish,
        }
        if action is None:
            raise Http404
        if not allowed[action]:
            raise PermissionDenied
        done = _act(request, question, action, forms, entity)
        if done is not None:
            messages.success(request, done)
            return redirect("questions:staff_detail", pk=question.pk)
    text_for_check = ""
    if request.method == "POST" and "text" in request.POST:
        text_for_check = request.POST["text"]
    elif answer is not None:
        text_for_check = answer.text
    return render(
        request,
        "questions/staff_detail.html",
        {
            "question": question,
            "answer": answer,
            "days_left": business_days_left(question.deadline, today=today, calendar=calendar),
            "extension_limit": extension_limit(question.received_on, question.term_days, calendar),
            "check": readability(text_for_check) if text_for_check.strip() else None,
            "show_contact": permissions.can_view_asker_contact(user),
            "can_route": can_route,
            "can_answer": can_answer,
            "can_return": can_return,
            "can_extend": can_extend,
            "can_review": can_review,
            "can_publish": can_publish,
            "forms": forms,
        },
    )


# Long because it is one flat dispatch over the page's actions, each a form and one service call.
def _act(request, question: Question, action: str, forms: dict, entity) -> str | None:
    """Runs one action of the detail page; returns the success message, or None on errors."""
    user = request.user
    post = request.POST
    try:
        if action == "route":
            form = forms["route"] = RouteForm(post, offices=office_list(entity=entity))
            if form.is_valid():
                services.question_route(
                    actor=user,
                    question=question,
                    office=form.cleaned_data["office"],
                    kind=form.cleaned_data["kind"],
                )
                return _("La pregunta quedó asignada a %(office)s.") % {
                    "office": form.cleaned_data["office"]
                }
        elif action == "return":
            form = forms["return"] = ReturnForm(post)
            if form.is_valid():
                services.question_return(
                    actor=user, question=question, reason=form.cleaned_data["reason"]
                )
                return _("La pregunta volvió a planeación para asignarla a otra dependencia.")
        elif action == "extend":
            form = forms["extend"] = ExtendForm(post)
            if form.is_valid():
                services.question_extend(
                    actor=user,
                    question=question,
                    new_date=form.cleaned_data["new_date"],
                    reason=form.cleaned_data["reason"],
                )
                return _("La prórroga quedó registrada.")
        elif action in ("draft", "submit"):
            form = forms["answer"] = AnswerForm(post)
            if form.is_valid():
                if action == "draft":
                    services.answer_save_draft(
                        actor=user, question=question, text=form.cleaned_data["text"]
                    )
                    return _("El borrador quedó guardado.")
                services.answer_submit(
                    actor=user, question=question, text=form.cleaned_data["text"]
                )
                return _("La respuesta quedó enviada a revisión de planeación.")
        elif action in ("approve", "approve_publish", "changes"):
            form = forms["review"] = ReviewForm(post)
            if form.is_valid():
                text = form.cleaned_data["text"]
                if action == "changes":
                    services.answer_request_changes(
                        actor=user,
                        question=question,
                        note=form.cleaned_data["review_note"],
                        text=text,
                    )
                    return _("La respuesta volvió a la dependencia con los ajustes pedidos.")
                services.answer_approve(
                    actor=user, question=question, text=text, publish=action == "approve_publish"
                )
                if action == "approve_publish":
                    return _("La respuesta quedó aprobada y publicada.")
                return _("La respuesta quedó aprobada.")
        elif action == "publish":
            services.answer_publish(actor=user, question=question)
            return _("La respuesta quedó publicada.")
    except ValidationError as error:
        target = {
            "route": "route",
            "return": "return",
            "extend": "extend",
            "draft": "answer",
            "submit": "answer",
            "approve": "review",
            "approve_publish": "review",
            "changes": "review",
        }.get(action)
        if target is None:
            messages.error(request, " ".join(error.messages))
            return None
        validation_error_to_form(forms[target], error)
        question.refresh_from_db()
    return None


@login_required
def space_answers(request: HttpRequest, slug: str) -> HttpResponse:
    """A space's questions and the publication of its informe de respuestas."""
    if not permissions.can_view_questions_staff(request.user):
        raise PermissionDenied
    space = get_object_or_404(
        Space.objects.select_related("strategy"), slug=slug, strategy__entity=entity_current()
    )
    if not permissions.space_answers_can_view(request.user, space):
        raise PermissionDenied
    can_publish = permissions.can_review_answers(request.user)
    form = AnswerReportForm(request.POST or None)
    if request.method == "POST":
        if not can_publish:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.answer_report_publish(
                    actor=request.user,
                    space=space,
                    introduction=form.cleaned_data["introduction"],
                )
            except ValidationError as error:
                validation_error_to_form(form, error)
            else:
                messages.success(request, _("El informe de respuestas quedó publicado."))
                return redirect("questions:space_answers", slug=space.slug)
    questions = selectors.questions_for_user(user=request.user, entity=entity_current()).filter(
        space=space
    )
    return render(
        request,
        "questions/staff_space.html",
        {
            "space": space,
            "questions": questions.order_by("received_at", "pk"),
            "counts": selectors.question_counts(spaces=[space]),
            "report": AnswerReport.objects.filter(space=space).first(),
            "form": form,
            "can_publish": can_publish,
            "can_capture": permissions.can_capture_questions(request.user),
        },
    )
