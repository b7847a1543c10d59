"""Staff pages of proposed topics: capture, review (office, state, space) and merging."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rendicion.core.forms import validation_error_to_form
from rendicion.core.selectors import entity_current, office_list
from rendicion.spaces.models import Space
from rendicion.strategy.selectors import strategy_years

from .. import permissions, selectors, services
from ..forms import TopicCaptureForm, TopicMergeForm, TopicReviewForm
from ..models import ProposedTopic, TopicState


def _spaces(entity):
    return (
        Space.objects.filter(strategy__entity=entity)
        .select_related("strategy")
        .order_by("-starts_at", "pk")
    )


@login_required
def topics_staff_latest(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_topics_staff(request.user):
        raise PermissionDenied
    years = strategy_years(entity=entity_current(), published_only=False)
    if not years:
        raise Http404
    return redirect("questions:topics_staff", year=years[0])


@login_required
def topics_staff(request: HttpRequest, year: int) -> HttpResponse:
    if not permissions.can_view_topics_staff(request.user):
        raise PermissionDenied
    entity = entity_current()
    topics = selectors.topic_filter_for_user(
        selectors.topic_list_staff(entity=entity, year=year), user=request.user
    )
    state = request.GET.get("estado", "")
    if state in TopicState.values:
        topics = topics.filter(state=state)
    return render(
        request,
        "questions/staff_topics.html",
        {
            "year": year,
            "topics": topics,
            "state": state,
            "states": TopicState.choices,
            "can_manage": permissions.can_manage_topics(request.user),
        },
    )


@login_required
def topic_capture(request: HttpRequest, year: int) -> HttpResponse:
    """Topics that arrived by other channels: the stream's chat, paper, live comments."""
    if not permissions.can_manage_topics(request.user):
        raise PermissionDenied
    entity = entity_current()
    form = TopicCaptureForm(request.POST or None, spaces=_spaces(entity))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            topic = services.topic_propose(
                actor=request.user,
                entity=entity,
                text=data["text"],
                channel=data["channel"],
                proposed_on=data["proposed_on"],
                proposed_in=data["proposed_in"],
                proposed_for=data["proposed_for"],
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("El tema quedó registrado."))
            return redirect("questions:topic_staff_detail", pk=topic.pk)
    return render(request, "questions/staff_topic_capture.html", {"form": form, "year": year})


# Long because the review and merge forms share the topic lookup, permissions and page context.
@login_required
def topic_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_view_topics_staff(request.user):
        raise PermissionDenied
    entity = entity_current()
    topic = get_object_or_404(
        ProposedTopic.objects.select_related(
            "office", "included_in", "proposed_for__strategy", "proposed_in", "merged_into"
        ),
        pk=pk,
        entity=entity,
    )
    if not permissions.topic_can_view(request.user, topic):
        raise PermissionDenied
    can_manage = permissions.topic_can_review(request.user, topic)
    spaces = _spaces(entity)
    offices = office_list(entity=entity)
    others = (
        ProposedTopic.objects.filter(entity=entity, merged_into__isnull=True)
        .exclude(pk=topic.pk)
        .order_by("text", "pk")
    )
    review = TopicReviewForm(
        initial=TopicReviewForm.initial_from(topic), offices=offices, spaces=spaces
    )
    merge = TopicMergeForm(topics=others)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if "unir" in request.POST:
            merge = TopicMergeForm(request.POST, topics=others)
            if merge.is_valid():
                try:
                    services.topic_merge(
                        actor=request.user, topic=topic, into=merge.cleaned_data["into"]
                    )
                except ValidationError as error:
                    validation_error_to_form(merge, error)
                else:
                    messages.success(request, _("El tema quedó unido al tema principal."))
                    return redirect("questions:topic_staff_detail", pk=topic.merged_into_id)
        else:
            review = TopicReviewForm(request.POST, offices=offices, spaces=spaces)
            if review.is_valid():
                data = review.cleaned_data
                try:
                    services.topic_review(
                        actor=request.user,
                        topic=topic,
                        review=services.TopicReview(
                            text=data["text"],
                            state=data["state"],
                            office=data["office"],
                            included_in=data["included_in"],
                            proposed_for=data["proposed_for"],
                            state_note=data["state_note"],
                            text_reviewed=data["text_reviewed"],
                        ),
                    )
                except ValidationError as error:
                    validation_error_to_form(review, error)
                else:
                    messages.success(request, _("Los cambios del tema quedaron guardados."))
                    return redirect("questions:topic_staff_detail", pk=topic.pk)
    year = topic.proposed_for.strategy.year if topic.proposed_for else topic.proposed_on.year
    return render(
        request,
        "questions/staff_topic_detail.html",
        {
            "topic": topic,
            "year": year,
            "duplicates": topic.duplicates.order_by("proposed_on", "pk"),
            "review": review,
            "merge": merge,
            "can_manage": can_manage and topic.state != TopicState.MERGED,
        },
    )


@login_required
def topic_matrix(request: HttpRequest, year: int, fmt: str) -> HttpResponseBase:
    """The topic matrix per office (activity 6), from spaces and proposed topics. Office staff
    get the public version: other offices' unreviewed texts stay with those offices."""
    from rendicion.core.exporters import export_response
    from rendicion.strategy.models import Strategy
    from rendicion.strategy.selectors import strategy_get

    from ..exports import TopicMatrixExporter

    if not permissions.can_view_topics_staff(request.user):
        raise PermissionDenied
    try:
        strategy = strategy_get(entity=entity_current(), year=year, published_only=False)
    except Strategy.DoesNotExist:
        raise Http404 from None
    public = not permissions.topic_matrix_can_view_all(request.user)
    return export_response(TopicMatrixExporter(strategy=strategy, public=public), fmt)
