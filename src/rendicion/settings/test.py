"""Test settings: fast hashing, in-memory mail, uploads in a temporary folder."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="rendicion-media-"))
# The folder lives as long as the test process: removed when it exits, never left behind.
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
WHITENOISE_AUTOREFRESH = True
