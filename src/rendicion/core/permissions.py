"""Who may do what in core. One function per verb; views call these, never check roles inline."""

from .models import Role, User


def is_staff_member(user: User) -> bool:
    return user.is_authenticated and user.is_active and (user.role in Role.values)


def can_view_audit(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role == Role.ADMINISTRATOR


def can_manage_users(user: User) -> bool:
    return can_view_audit(user)


# The roles that see personal data, and anyone who can open the administration.
TWO_FACTOR_ROLES = frozenset({Role.ADMINISTRATOR, Role.PLANNING})


def must_use_two_factor(user: User) -> bool:
    return user.role in TWO_FACTOR_ROLES or user.is_superuser or user.is_staff


def can_reset_two_factor(user: User) -> bool:
    return can_manage_users(user)
