from rendicion.core.models import Role, User
from rendicion.core.permissions import is_staff_member


def can_preview_reports(user: User) -> bool:
    return is_staff_member(user)


def can_publish_reports(user: User) -> bool:
    return is_staff_member(user) and user.role in {Role.ADMINISTRATOR, Role.PLANNING}
