"""Public pages: a space's questions and answers (with the question form), proposed topics."""

import uuid

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from rendicion.core.forms import validation_error_to_form
from rendicion.core.models import ConsentText
from rendicion.core.public_forms import public_post_limited
from rendicion.core.selectors import consent_text_version, entity_current
from rendicion.core.services import consent_text_ensure
from rendicion.spaces.models import Space, SpaceStatus
from rendicion.spaces.selectors import space_get
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import strategy_get, strategy_years

from .. import selectors, services
from ..forms import QuestionForm, TopicForm
from ..models import AnswerReport, ProposedTopic, Question, QuestionChannel, TopicChannel


def _public_space(slug: str) -> Space:
    try:
        return space_get(slug=slug)
    except Space.DoesNotExist:
        raise Http404 from None


def _consent(space: Space, version: str | None) -> ConsentText:
    entity = space.strategy.entity
    if version:
        found = consent_text_version(entity=entity, version=version)
        if found is not None:
            return found
    return consent_text_ensure(entity=entity)


def _too_many(request: HttpRequest, space: Space) -> HttpResponse:
    return render(request, "questions/too_many.html", {"space": space}, status=429)


@never_cache
def space_questions(request: HttpRequest, slug: str) -> HttpResponse:
    """The space's published answers, and the form to ask before and during the space."""
    space = _public_space(slug)
    is_open = selectors.question_form_is_open(space)
    consent = consent_text_ensure(entity=space.strategy.entity) if is_open else None
    form = None
    if is_open:
        if request.method == "POST":
            if public_post_limited(request):
                return _too_many(request, space)
            form = QuestionForm(request.POST)
            if form.is_valid():
                if form.is_bot:
                    form.add_error(
                        "website", _("Deje este campo vacío para poder enviar el formulario.")
                    )
                else:
                    data = form.cleaned_data
                    try:
                        result = services.question_receive(
                            space=space,
                            data=services.QuestionData(
                                text=data["text"],
                                channel=QuestionChannel.PUBLIC_FORM,
                                asker_name=data["asker_name"],
                                asker_email=data["asker_email"],
                            ),
                            consent_text=_consent(space, data["consent_version"]),
                            submission_key=data["submission_key"],
                        )
                    except ValidationError as error:
                        validation_error_to_form(form, error)
                    else:
                        return redirect(
                            "questions:received",
                            slug=space.slug,
                            key=result.question.submission_key,
                        )
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
    space = _public_space(slug)
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
        if public_post_limited(request):
            return render(request, "questions/too_many.html", {"space": None}, status=429)
        if form.is_valid():
            if form.is_bot:
                form.add_error(
                    "website", _("Deje este campo vacío para poder enviar el formulario.")
                )
            else:
                data = form.cleaned_data
                try:
                    topic = services.topic_propose(
                        entity=strategy.entity,
                        text=data["text"],
                        channel=TopicChannel.PUBLIC_FORM,
                        proposed_for=data["proposed_for"],
                        submission_key=data["submission_key"],
                    )
                except ValidationError as error:
                    validation_error_to_form(form, error)
                else:
                    return redirect("questions:topic_proposed", year=year, key=topic.submission_key)
    return render(request, "questions/topic_form.html", {"strategy": strategy, "form": form})


def topic_proposed(request: HttpRequest, year: int, key: uuid.UUID) -> HttpResponse:
    strategy = _published_strategy(year)
    if not ProposedTopic.objects.filter(entity=strategy.entity, submission_key=key).exists():
        raise Http404
    return render(request, "questions/topic_done.html", {"strategy": strategy})
