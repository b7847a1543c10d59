"""Pages of the publications around the spaces: the public document page with its comment form,
and the staff pages to prepare, publish, spread and moderate them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from rendicion.core.forms import validation_error_to_form
from rendicion.core.models import User
from rendicion.core.public_forms import public_form_post
from rendicion.core.selectors import consent_text_version, entity_current, office_list
from rendicion.core.services import consent_text_ensure
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import strategy_get

from . import permissions
from . import publications as pubs
from .forms import PublicationCommentForm, PublicationForm, SpreadForm
from .models import CommentState, Publication, PublicationComment

# Public ----------------------------------------------------------------------------------------


def _public(pk: int) -> Publication:
    try:
        return pubs.publication_get_public(pk=pk)
    except Publication.DoesNotExist:
        raise Http404 from None


@never_cache
def publication_public(request: HttpRequest, pk: int) -> HttpResponse:
    """The document, its spreading and approved comments; the comment form while it is open."""
    publication = _public(pk)
    entity = publication.strategy.entity
    is_open = pubs.publication_comments_open(publication)
    form = None
    consent = None
    if is_open:
        consent = consent_text_ensure(entity=entity)
        if request.method == "POST":
            form = PublicationCommentForm(request.POST)

            def submit(data: dict) -> HttpResponse:
                seen = consent_text_version(entity=entity, version=data["consent_version"])
                result = pubs.publication_comment_submit(
                    publication=publication,
                    kind=data["kind"],
                    text=data["text"],
                    author_name=data["author_name"],
                    author_email=data["author_email"],
                    consent_text=seen or consent,
                    submission_key=data["submission_key"],
                )
                if result.kind == "question":
                    messages.success(
                        request,
                        _(
                            "Recibimos su pregunta. La dependencia responsable la responderá en "
                            "los términos de ley; la respuesta se publica en la página del "
                            "espacio."
                        ),
                    )
                else:
                    messages.success(
                        request,
                        _(
                            "Recibimos su comentario. Lo publicaremos aquí después de revisarlo, "
                            "sin su nombre ni su correo."
                        ),
                    )
                return redirect("spaces:publication_public", pk=publication.pk)

            response = public_form_post(
                request,
                form,
                submit=submit,
                too_many=lambda: render(
                    request,
                    "spaces/publication_too_many.html",
                    {"publication": publication},
                    status=429,
                ),
            )
            if response is not None:
                return response
        else:
            form = PublicationCommentForm(initial={"consent_version": consent.version})
    return render(
        request,
        "spaces/publication_public.html",
        {
            "publication": publication,
            "entity": entity,
            "comments": pubs.publication_comments_public(publication=publication),
            "comments_open": is_open,
            "comments_close_at": pubs.publication_comments_close_at(publication),
            "form": form,
            "consent_text": consent,
        },
    )


def publication_file(request: HttpRequest, pk: int) -> FileResponse:
    """The document's file: for everyone once published; staff who may see it before."""
    publication = Publication.objects.select_related("strategy").filter(pk=pk).first()
    if publication is None or not publication.file:
        raise Http404
    public = publication.is_published and publication.strategy.is_published
    if not public and not permissions.publication_can_view(request.user, publication):
        raise Http404
    return FileResponse(publication.file.open("rb"), as_attachment=False)


# Staff -----------------------------------------------------------------------------------------


def _strategy(year: int) -> Strategy:
    try:
        return strategy_get(entity=entity_current(), year=year, published_only=False)
    except Strategy.DoesNotExist:
        raise Http404 from None


def _staff_publication(user: User, pk: int) -> Publication:
    publication = pubs.publication_queryset().filter(pk=pk).first()
    if publication is None or publication.strategy.entity_id != getattr(
        entity_current(), "pk", None
    ):
        raise Http404
    if not permissions.publication_can_view(user, publication):
        raise PermissionDenied
    return publication


@login_required
def publication_list(request: HttpRequest, year: int) -> HttpResponse:
    if not permissions.can_view_publications(request.user):
        raise PermissionDenied
    strategy = _strategy(year)
    return render(
        request,
        "spaces/publication_list.html",
        {
            "strategy": strategy,
            "publications": pubs.publication_list_staff(strategy=strategy, user=request.user),
            "can_create": permissions.can_create_publication(request.user),
        },
    )


def _data(form: PublicationForm) -> pubs.PublicationData:
    d = form.cleaned_data
    return pubs.PublicationData(
        kind=d["kind"],
        title=d["title"],
        summary=d["summary"],
        office=d["office"],
        url=d["url"],
        file=d["file"],
        spaces=list(d["spaces"]),
        activity=d["activity"],
        contains_open_data=d["contains_open_data"],
        comments_close_at=d["comments_close_at"],
    )


def _edit(
    request: HttpRequest, strategy: Strategy, publication: Publication | None
) -> HttpResponse:
    initial = {}
    if publication is not None:
        initial = {
            "kind": publication.kind,
            "title": publication.title,
            "summary": publication.summary,
            "url": publication.url,
            "spaces": list(publication.spaces.all()),
            "activity": publication.activity,
            "office": publication.office,
            "contains_open_data": publication.contains_open_data,
            "comments_close_at": publication.comments_close_at
            and timezone.localtime(publication.comments_close_at),
        }
    form = PublicationForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        strategy=strategy,
        offices=office_list(entity=strategy.entity),
    )
    if request.method == "POST" and form.is_valid():
        try:
            if publication is None:
                publication = pubs.publication_create(
                    actor=request.user, strategy=strategy, data=_data(form)
                )
            else:
                pubs.publication_update(
                    actor=request.user, publication=publication, data=_data(form)
                )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("La publicación quedó guardada."))
            return redirect("spaces:publication_detail", pk=publication.pk)
    return render(
        request,
        "spaces/publication_form.html",
        {"form": form, "strategy": strategy, "publication": publication},
    )


@login_required
def publication_create(request: HttpRequest, year: int) -> HttpResponse:
    if not permissions.can_create_publication(request.user):
        raise PermissionDenied
    return _edit(request, _strategy(year), None)


@login_required
def publication_edit(request: HttpRequest, pk: int) -> HttpResponse:
    publication = _staff_publication(request.user, pk)
    if not permissions.publication_can_edit(request.user, publication):
        raise PermissionDenied
    return _edit(request, publication.strategy, publication)


@login_required
def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    publication = _staff_publication(request.user, pk)
    return _detail(request, publication, SpreadForm())


def _detail(request: HttpRequest, publication: Publication, spread_form: SpreadForm):
    user = request.user
    return render(
        request,
        "spaces/publication_detail.html",
        {
            "publication": publication,
            "comments": publication.comments.order_by("state", "created_at", "pk"),
            "comments_open": pubs.publication_comments_open(publication),
            "comments_close_at": pubs.publication_comments_close_at(publication),
            "can_edit": permissions.publication_can_edit(user, publication),
            "can_publish": permissions.publication_can_publish(user, publication),
            "can_spread": permissions.publication_can_record_spread(user, publication),
            "can_moderate": permissions.publication_can_moderate(user, publication),
            "spread_form": spread_form,
        },
    )


@login_required
@require_POST
def publication_state(request: HttpRequest, pk: int) -> HttpResponse:
    publication = _staff_publication(request.user, pk)
    if not permissions.publication_can_publish(request.user, publication):
        raise PermissionDenied
    action = request.POST.get("action")
    try:
        if action == "publish":
            pubs.publication_publish(actor=request.user, publication=publication)
            messages.success(request, _("El documento quedó publicado."))
        elif action == "withdraw":
            pubs.publication_withdraw(actor=request.user, publication=publication)
            messages.success(request, _("El documento quedó retirado de las páginas públicas."))
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("spaces:publication_detail", pk=publication.pk)


@login_required
@require_POST
def publication_spread(request: HttpRequest, pk: int) -> HttpResponse:
    publication = _staff_publication(request.user, pk)
    if not permissions.publication_can_record_spread(request.user, publication):
        raise PermissionDenied
    form = SpreadForm(request.POST)
    if form.is_valid():
        try:
            pubs.publication_spread_record(
                actor=request.user, publication=publication, **form.cleaned_data
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("La difusión quedó registrada."))
            return redirect("spaces:publication_detail", pk=publication.pk)
    return _detail(request, publication, form)


@login_required
@require_POST
def publication_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    publication = _staff_publication(request.user, pk)
    if not permissions.publication_can_moderate(request.user, publication):
        raise PermissionDenied
    comment_id = request.POST.get("comment", "")
    comment = PublicationComment.objects.filter(
        pk=comment_id if comment_id.isdigit() else None, publication=publication
    ).first()
    if comment is None:
        raise Http404
    state = request.POST.get("state", "")
    try:
        pubs.publication_comment_moderate(actor=request.user, comment=comment, state=state)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("El comentario quedó publicado.")
            if state == CommentState.APPROVED
            else _("El comentario no se publicará."),
        )
    return redirect("spaces:publication_detail", pk=publication.pk)
