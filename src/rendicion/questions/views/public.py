"""Public pages: a space's questions and answers (with the question form), proposed topics."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from rendicion.core.public_forms import public_form_post
from rendicion.core.selectors import entity_current
from rendicion.core.services import consent_text_ensure
from rendicion.spaces.access import access_space_public
from rendicion.spaces.models import Space, SpaceStatus
from rendicion.spaces.selectors import space_queryset
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import strategy_get, strategy_years

from .. import selectors, services
from ..forms import QuestionForm, TopicForm
from ..models import AnswerReport, ProposedTopic, Question, TopicChannel


def _too_many(request: HttpRequest, space: Space) -> HttpResponse:
    return render(request, "questions/too_many.html", {"space": space}, status=429)


@never_cache
def space_questions(request: HttpRequest, slug: str) -> HttpResponse:
    """The space's published answers, and the form to ask before and during the space."""
    space = access_space_public(slug, spaces=space_queryset())
    is_open = selectors.question_form_is_open(space)
    consent = consent_text_ensure(entity=space.strategy.entity) if is_open else None
    form = None
    if is_open:
        if request.method == "POST":
            form = QuestionForm(request.POST)

            def submit(data: dict) -> HttpResponse:
                result = services.question_submit(
                    space=space,
                    text=data["text"],
                    asker_name=data["asker_name"],
                    asker_email=data["asker_email"],
                    consent_version=data["consent_version"],
                    submission_key=data["submission_key"],
                )
                return redirect(
                    "questions:received", slug=space.slug, key=result.question.submission_key
                )

            response = public_form_post(
                request, form, submit=submit, too_many=lambda: _too_many(request, space)
            )
            if response is not None:
                return response
        else:
            form = QuestionForm(initial={"consent_version": consent.version})
    elif request.method == "POST":
        return render(request, "questions/form_closed.html", {"space": space}, status=409)
    answers = selectors.published_answers(spaces=[space])
    report = AnswerReport.objects.filter(space=space).first()
    return render(
        request,
        "questions/space_public.html",
        {
            "space": space,
            "form": form,
            "consent_text": consent,
            "answers": answers,
            "counts": selectors.question_counts(spaces=[space]),
            "report": report,
            "is_open": is_open,
        },
    )


def question_received(request: HttpRequest, slug: str, key: uuid.UUID) -> HttpResponse:
    space = access_space_public(slug, spaces=space_queryset())
    question = (
        Question.objects.filter(space=space, submission_key=key)
        .only("received_on", "deadline", "kind", "space_id")
        .first()
    )
    if question is None:
        raise Http404
    return render(request, "questions/received.html", {"space": space, "question": question})


def _published_strategy(year: int) -> Strategy:
    try:
        return strategy_get(entity=entity_current(), year=year)
    except Strategy.DoesNotExist:
        raise Http404 from None


def _topic_form_open(strategy: Strategy) -> bool:
    return strategy.year == timezone.localdate().year


def _upcoming_spaces(strategy: Strategy):
    return Space.objects.filter(
        strategy=strategy,
        is_published=True,
        status=SpaceStatus.PLANNED,
        starts_at__gt=timezone.now(),
    ).order_by("starts_at", "pk")


def topics_public(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _published_strategy(year)
    topics, waiting = selectors.topic_list_public(entity=strategy.entity, year=year)
    return render(
        request,
        "questions/topics_public.html",
        {
            "strategy": strategy,
            "topics": topics,
            "waiting": waiting,
            "form_open": _topic_form_open(strategy),
        },
    )


def topics_latest(request: HttpRequest) -> HttpResponse:
    years = strategy_years(entity=entity_current())
    if not years:
        raise Http404
    return redirect("questions:topics_public", year=years[0])


@never_cache
def topic_propose(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _published_strategy(year)
    if not _topic_form_open(strategy):
        return render(request, "questions/topic_closed.html", {"strategy": strategy}, status=200)
    spaces = _upcoming_spaces(strategy)
    form = TopicForm(request.POST or None, spaces=spaces)
    if request.method == "POST":

        def submit(data: dict) -> HttpResponse:
            topic = services.topic_propose(
                entity=strategy.entity,
                text=data["text"],
                channel=TopicChannel.PUBLIC_FORM,
                proposed_for=data["proposed_for"],
                submission_key=data["submission_key"],
            )
            return redirect("questions:topic_proposed", year=year, key=topic.submission_key)

        response = public_form_post(
            request,
            form,
            submit=submit,
            too_many=lambda: render(
                request, "questions/too_many.html", {"space": None}, status=429
            ),
        )
        if response is not None:
            return response
    return render(request, "questions/topic_form.html", {"strategy": strategy, "form": form})


def topic_proposed(request: HttpRequest, year: int, key: uuid.UUID) -> HttpResponse:
    strategy = _published_strategy(year)
    if not ProposedTopic.objects.filter(entity=strategy.entity, submission_key=key).exists():
        raise Http404
    return render(request, "questions/topic_done.html", {"strategy": strategy})


def topic_matrix_public(request: HttpRequest, year: int, fmt: str) -> HttpResponseBase:
    """The published topic matrix: the spaces' topics and the reviewed proposed ones."""
    from rendicion.core.exporters import export_response

    from ..exports import TopicMatrixExporter

    strategy = _published_strategy(year)
    return export_response(TopicMatrixExporter(strategy=strategy, public=True), fmt)
