"""Test helpers for two-factor authentication: a known app per user and its current code.

The suite's harness uses them so that tests about other things log staff in as before; the tests
of the 2FA rules themselves go through the real pages.
"""

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from rendicion.core.middleware import LAST_ACTIVITY_SESSION_KEY
from rendicion.core.models import User
from rendicion.core.permissions import must_use_two_factor
from rendicion.core.two_factor import STATE_SESSION_KEY, State

TEST_DEVICE_NAME = "Aplicación de pruebas"


def totp_device_for(user: User) -> TOTPDevice:
    """The user's confirmed app, created with a random key when they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TEST_DEVICE_NAME, confirmed=True)
    return device


def totp_code(device: TOTPDevice, *, wait: bool = True) -> str:
    """A code the device accepts now: never one of a time step already used."""
    device.refresh_from_db()
    now_t = int(time.time()) // device.step
    t = max(now_t, device.last_t + 1)
    if t > now_t + device.tolerance:
        if not wait:
            raise RuntimeError("No unused code in the accepted window yet.")
        time.sleep((t - device.tolerance) * device.step - time.time() + 0.1)
    return f"{hotp(device.bin_key, t, digits=device.digits):0{device.digits}d}"


def client_mark_verified(client: Client, user: User) -> None:
    """What typing a code on the verification page leaves in the session."""
    session = client.session
    if must_use_two_factor(user) or TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        device = totp_device_for(user)
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session[STATE_SESSION_KEY] = State.VERIFIED
    session[LAST_ACTIVITY_SESSION_KEY] = int(time.time())
    session.save()
