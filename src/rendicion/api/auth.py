"""API keys in `Authorization: Bearer <key>`: the call acts as the key's user."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from rendicion.core.models import User

from .services import api_token_authenticate


class TokenAuth(HttpBearer):
    openapi_description = (
        "Clave personal creada en /gestion/api/claves/. Actúa con el rol y las dependencias "
        "de su usuario."
    )

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        api_token = api_token_authenticate(token)
        if api_token is None:
            return None
        request.api_token = api_token
        return api_token.user
