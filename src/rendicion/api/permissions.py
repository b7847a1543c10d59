"""Who may hold and revoke API keys. What a key may do is what its user may do: each write
asks the permission function of the app it writes to."""

from rendicion.core.models import User
from rendicion.core.permissions import is_staff_member

from .models import ApiToken


def api_token_can_create(user: User) -> bool:
    """Every staff role may create keys for itself; a key never has more rights than its user."""
    return is_staff_member(user)


def api_token_can_revoke(user: User, token: ApiToken) -> bool:
    return is_staff_member(user) and token.user_id == user.pk
