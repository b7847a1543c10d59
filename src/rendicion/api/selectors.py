"""Reads of API keys."""

from django.db.models import QuerySet

from rendicion.core.models import User

from .models import ApiToken


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at", "-pk")
