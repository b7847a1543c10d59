"""Every write of API keys: create (the key is returned once), revoke, authenticate. Audited."""

import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.models import User
from rendicion.core.permissions import is_staff_member
from rendicion.core.services import audit_record

from .models import ApiToken
from .permissions import api_token_can_create, api_token_can_revoke

KEY_PREFIX = "rdc_"
# last_used_at is rewritten at most this often, so that each call does not write a row.
LAST_USED_REFRESH_SECONDS = 60


@dataclass
class CreatedToken:
    token: ApiToken
    key: str  # shown to the user once, never stored


def api_token_hash(key: str) -> str:
    """A key has 256 random bits: a plain SHA-256 is enough (no password stretching needed)."""
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> CreatedToken:
    if not api_token_can_create(user):
        raise PermissionDenied
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(
            {"name": _("Escriba un nombre para la clave, por ejemplo «Tablero del Distrito».")}
        )
    if len(name) > 100:
        raise ValidationError({"name": _("El nombre es muy largo: máximo 100 caracteres.")})
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=key[: len(KEY_PREFIX) + 6], key_hash=api_token_hash(key)
    )
    audit_record(
        actor=user, action="api_token_create", target=token, changes={"name": [None, name]}
    )
    return CreatedToken(token, key)


@transaction.atomic
def api_token_revoke(*, user: User, token: ApiToken) -> ApiToken:
    if not api_token_can_revoke(user, token):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=user, action="api_token_revoke", target=token)
    return token


def api_token_authenticate(key: str) -> ApiToken | None:
    """The active token with this key, if its user is still an active staff member."""
    if not key or not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=api_token_hash(key), revoked_at__isnull=True)
        .first()
    )
    if token is None or not is_staff_member(token.user):
        return None
    now = timezone.now()
    if (
        token.last_used_at is None
        or (now - token.last_used_at).total_seconds() >= LAST_USED_REFRESH_SECONDS
    ):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
