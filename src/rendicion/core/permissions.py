"""Who may do what in core. One function per verb; views call these, never check roles inline.

The per-role rule for every staff page is the table "Qué ve y qué cambia cada rol" in README.md;
each app's permissions.py implements its rows with the helpers below.
"""

from .models import Role, User

ENTITY_WIDE_ROLES = frozenset({Role.ADMINISTRATOR, Role.PLANNING, Role.COMMUNICATIONS})


def is_staff_member(user: User) -> bool:
    return user.is_authenticated and user.is_active and (user.role in Role.values)


def is_planning(user: User) -> bool:
    """Administrators and the planning office: everything in their entity."""
    return is_staff_member(user) and user.role in {Role.ADMINISTRATOR, Role.PLANNING}


def is_office_staff(user: User) -> bool:
    return is_staff_member(user) and user.role == Role.OFFICE_STAFF


def sees_whole_entity(user: User) -> bool:
    """Every staff role except office staff reads every office's records."""
    return is_staff_member(user) and user.role in ENTITY_WIDE_ROLES


def user_office_ids(user: User) -> frozenset[int]:
    """The offices a user belongs to, read once per request (cached on the user object)."""
    cached = getattr(user, "_rendicion_office_ids", None)
    if cached is None:
        cached = frozenset(user.offices.values_list("pk", flat=True))
        user._rendicion_office_ids = cached
    return cached


def serves_any(user: User, office_ids) -> bool:
    """True when an office staff member belongs to one of these offices."""
    return is_office_staff(user) and bool(user_office_ids(user) & {i for i in office_ids if i})


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
