"""What every planning view needs: who may look, and the objects they ask for."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from rendicion.core.selectors import entity_current
from rendicion.spaces.models import CommunicationPiece, Space
from rendicion.spaces.selectors import space_get
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import strategy_get

from .. import permissions
from ..forms import PieceStateForm


def viewer(request: HttpRequest) -> None:
    if not permissions.can_view_stakeholders(request.user):
        raise PermissionDenied


def strategy_or_404(request: HttpRequest, year: int) -> Strategy:
    viewer(request)
    try:
        return strategy_get(entity=entity_current(), year=year, published_only=False)
    except Strategy.DoesNotExist:
        raise Http404 from None


def space_or_404(request: HttpRequest, slug: str) -> Space:
    viewer(request)
    try:
        space = space_get(slug=slug, public_only=False)
    except Space.DoesNotExist:
        raise Http404 from None
    if not permissions.convocation_can_view(request.user, space):
        raise PermissionDenied
    return space


def piece_state_forms(pieces) -> list[tuple[CommunicationPiece, PieceStateForm]]:
    return [
        (
            piece,
            PieceStateForm(
                prefix=f"pieza{piece.pk}", initial={"state": piece.state, "reach": piece.reach}
            ),
        )
        for piece in pieces
    ]
