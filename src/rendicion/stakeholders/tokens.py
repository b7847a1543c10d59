"""The signed token of an unsubscribe link: it names an attendance, never an e-mail in clear.

The signature (django.core.signing, salted, keyed by SECRET_KEY) makes the link unforgeable; it
does not expire, because an unsubscribe link must keep working for as long as mail carries it.
"""

from django.core import signing

SALT = "rendicion.stakeholders.unsubscribe"


def unsubscribe_token(attendance_id: int) -> str:
    return signing.dumps({"a": attendance_id}, salt=SALT)


def unsubscribe_token_read(token: str) -> int | None:
    """The attendance the token names, or None when it was not signed by this installation."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    attendance_id = value.get("a") if isinstance(value, dict) else None
    return attendance_id if isinstance(attendance_id, int) else None
