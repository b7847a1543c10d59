from rendicion.api.services import CreatedToken, api_token_create
from rendicion.core.models import Role, User
from rendicion.core.tests.factories import UserFactory


def token_for(user: User | None = None, *, role: str = Role.PLANNING, offices=()) -> CreatedToken:
    """A staff user's API key (the plain key included, as the page shows it once)."""
    if user is None:
        user = UserFactory(role=role, offices=list(offices))
    return api_token_create(user=user, name="Sistema de prueba")


def bearer(created: CreatedToken) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {created.key}"}
