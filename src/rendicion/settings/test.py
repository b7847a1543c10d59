"""Test settings: fast hashing, in-memory mail, uploads in a temporary folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="rendicion-media-"))
WHITENOISE_AUTOREFRESH = True
