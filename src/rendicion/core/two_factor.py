"""Two-factor authentication for staff: TOTP apps and one-time recovery codes (django-otp).

Whether a session still has to pass the second step is kept in the session itself, so that a
staff page costs no extra query: the state is set when the user logs in, changes when they
verify, enrol or remove their app, and is checked against the database again each time the
idle timestamp is refreshed (see core.middleware), which catches an administrator's reset.
"""

import time
from base64 import b32encode
from binascii import unhexlify
from dataclasses import dataclass

import segno
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from .models import User
from .permissions import must_use_two_factor
from .services import audit_record

STATE_SESSION_KEY = "rendicion_2fa"
PENDING_KEY_SESSION_KEY = "rendicion_2fa_new_key"
NEW_CODES_SESSION_KEY = "rendicion_2fa_new_codes"
RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Aplicación de autenticación"
RECOVERY_DEVICE_NAME = "Códigos de recuperación"


class State:
    """What a logged-in session still has to do before it reaches staff pages."""

    PENDING = "pending"  # has an app: must type a code
    ENROL = "enrol"  # must use 2FA and has no app yet: must enrol
    VERIFIED = "verified"  # passed the second step in this session
    OFF = "off"  # not required, no app


class TwoFactorError(Exception):
    """A code that was refused, with the Spanish message to show."""


@dataclass(frozen=True)
class Enrolment:
    secret: str  # base32, grouped for typing
    qr_data_uri: str
    config_url: str


def two_factor_is_active(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_state_for(user: User) -> str:
    """The state a freshly logged-in session starts in."""
    if two_factor_is_active(user):
        return State.PENDING
    return State.ENROL if must_use_two_factor(user) else State.OFF


def two_factor_session_state(request: HttpRequest) -> str:
    state = request.session.get(STATE_SESSION_KEY)
    if state is None:
        state = two_factor_session_recheck(request)
    return state


def two_factor_session_recheck(request: HttpRequest) -> str:
    """Re-reads the user's devices and role: a reset, a removed app or a new role takes effect."""
    state = request.session.get(STATE_SESSION_KEY)
    if state == State.VERIFIED:
        device_id = request.session.get(DEVICE_ID_SESSION_KEY, "")
        still_there = TOTPDevice.objects.filter(
            user=request.user, confirmed=True, pk=_device_pk(device_id)
        ).exists()
        if not still_there:
            state = two_factor_state_for(request.user)
    else:
        state = two_factor_state_for(request.user)
    request.session[STATE_SESSION_KEY] = state
    return state


def _device_pk(persistent_id: str) -> int | None:
    label, _sep, pk = persistent_id.rpartition("/")
    if label != TOTPDevice.model_label() or not pk.isdigit():
        return None
    return int(pk)


@receiver(user_logged_in)
def _start_two_factor(sender, request: HttpRequest | None, user: User, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[STATE_SESSION_KEY] = two_factor_state_for(user)


def _mark_verified(request: HttpRequest, device: TOTPDevice) -> None:
    otp_login(request, device)
    request.session[STATE_SESSION_KEY] = State.VERIFIED


def _grouped(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def two_factor_enrolment(request: HttpRequest) -> Enrolment:
    """The secret to add to an app, kept in the session until a code confirms it (no write)."""
    key = request.session.get(PENDING_KEY_SESSION_KEY)
    if not key:
        key = random_hex(20)
        request.session[PENDING_KEY_SESSION_KEY] = key
    device = TOTPDevice(user=request.user, key=key, name=DEVICE_NAME)
    config_url = device.config_url
    secret = b32encode(unhexlify(key)).decode()
    qr = segno.make(config_url, error="m")
    return Enrolment(
        secret=_grouped(secret),
        qr_data_uri=qr.svg_data_uri(scale=5, dark="#000", light="#fff"),
        config_url=config_url,
    )


def _normalised(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def _recovery_codes_create(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [f"{code[:4]}-{code[4:]}" for code in codes]


@transaction.atomic
def two_factor_enrol(request: HttpRequest, *, code: str) -> list[str]:
    """Confirms the app with a code; returns the new recovery codes (shown once)."""
    key = request.session.get(PENDING_KEY_SESSION_KEY)
    user = request.user
    if not key:
        raise TwoFactorError(_("La página caducó. Escanee de nuevo el código QR."))
    token = _normalised(code)
    totp = TOTP(unhexlify(key))
    totp.time = time.time()
    if not (token.isdigit() and totp.verify(int(token), tolerance=1)):
        raise TwoFactorError(
            _(
                "El código no es correcto. Escriba los 6 dígitos que muestra ahora la "
                "aplicación; cambian cada 30 segundos."
            )
        )
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(
        user=user, key=key, name=DEVICE_NAME, confirmed=True, last_t=totp.t()
    )
    codes = _recovery_codes_create(user)
    del request.session[PENDING_KEY_SESSION_KEY]
    audit_record(actor=user, action="two_factor_enrol", target=user)
    _mark_verified(request, device)
    request.session[NEW_CODES_SESSION_KEY] = codes
    return codes


def _throttled_message() -> str:
    return _("Hubo varios intentos fallidos seguidos. Espere un minuto y escriba un código nuevo.")


def two_factor_check(user: User, *, code: str) -> TOTPDevice | StaticDevice:
    """The device that accepts the code: the app's 6 digits, or a recovery code (used once)."""
    device, throttled = _matching_device(user, _normalised(code))
    if device is not None:
        return device
    if throttled:
        raise TwoFactorError(_throttled_message())
    raise TwoFactorError(
        _(
            "El código no es correcto. Escriba los 6 dígitos que muestra ahora la aplicación "
            "o uno de sus códigos de recuperación que no haya usado."
        )
    )


@transaction.atomic
def _matching_device(user: User, token: str) -> tuple[TOTPDevice | StaticDevice | None, bool]:
    """Commits before any refusal is raised, so that failed attempts count for throttling."""
    if token.isdigit() and len(token) == 6:
        devices = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True)
    else:
        devices = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True)
    throttled = False
    for device in devices:
        allowed, _info = device.verify_is_allowed()
        if not allowed:
            throttled = True
        elif device.verify_token(token):
            return device, False
    return None, throttled


def two_factor_verify(request: HttpRequest, *, code: str) -> None:
    """The second step after the password: marks this session verified."""
    device = two_factor_check(request.user, code=code)
    if isinstance(device, StaticDevice):
        audit_record(actor=request.user, action="two_factor_recovery_code_use", target=request.user)
        device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first() or device
    request.session.cycle_key()
    _mark_verified(request, device)


def two_factor_recovery_codes_regenerate(request: HttpRequest, *, code: str) -> list[str]:
    """New recovery codes replace the old ones; asks for a current code first."""
    two_factor_check(request.user, code=code)
    with transaction.atomic():
        codes = _recovery_codes_create(request.user)
        audit_record(
            actor=request.user, action="two_factor_recovery_codes_regenerate", target=request.user
        )
    request.session[NEW_CODES_SESSION_KEY] = codes
    return codes


def two_factor_remove(request: HttpRequest, *, code: str) -> str:
    """Removes the user's app and recovery codes (asks for a current code); returns the new
    session state: those who must use 2FA are taken to enrol a new app."""
    user = request.user
    two_factor_check(user, code=code)
    with transaction.atomic():
        _devices_delete(user)
        audit_record(actor=user, action="two_factor_remove", target=user)
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    state = State.ENROL if must_use_two_factor(user) else State.OFF
    request.session[STATE_SESSION_KEY] = state
    return state


def _devices_delete(user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


@transaction.atomic
def two_factor_reset(*, actor: User, user: User) -> None:
    """An administrator removes a user's app and codes (lost phone): the user enrols again."""
    _devices_delete(user)
    audit_record(actor=actor, action="two_factor_reset", target=user)


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
