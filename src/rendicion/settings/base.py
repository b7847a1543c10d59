"""Default settings: plain HTTP on localhost, SQLite under var/, no collectstatic needed."""

import contextlib
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# In a checkout (src/rendicion) data lives in the repository's var/; installed elsewhere, in ./var.
_CHECKOUT_ROOT = PACKAGE_DIR.parent.parent if PACKAGE_DIR.parent.name == "src" else Path.cwd()
DATA_DIR = Path(env_str("RENDICION_DATA_DIR", str(_CHECKOUT_ROOT / "var")))


def _local_secret_key() -> str:
    """A per-checkout random key, so that a fresh clone runs without configuration."""
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "") or _local_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rendicion.core",
    "rendicion.strategy",
    "rendicion.spaces",
    "rendicion.participation",
    "rendicion.assessment",
    "rendicion.stakeholders",
    "rendicion.questions",
    "rendicion.commitments",
    "rendicion.reports",
    "rendicion.portal",
    "rendicion.privacy",
    "rendicion.api",
    "rendicion.opendata",
    "rendicion.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "rendicion.core.middleware.StaffSessionMiddleware",
]

ROOT_URLCONF = "rendicion.urls"
WSGI_APPLICATION = "rendicion.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rendicion.core.context_processors.site",
            ],
        },
    },
]


def _database(url: str) -> dict:
    try:
        config = dj_database_url.parse(url)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL no es válida: {error}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # IMMEDIATE avoids "database is locked" when two requests write at once; WAL lets
        # readers go on during a write.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    else:
        config["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'rendicion.sqlite3'}")
if DATABASE_URL.startswith("sqlite:///") and ":memory:" not in DATABASE_URL:
    Path(DATABASE_URL.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": _database(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "portal:staff_home"
LOGOUT_REDIRECT_URL = "portal:home"

# Staff sessions end after this many minutes without a request, and when the browser closes.
STAFF_SESSION_IDLE_MINUTES = env_int("STAFF_SESSION_IDLE_MINUTES", 30, minimum=1)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Two-factor authentication (django-otp): required for administrators and the planning office.
OTP_TOTP_ISSUER = "Rendición"

# Login throttling: after 5 failures for one user name from one address, 15 minutes locked.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "es-co"
LANGUAGES = [("es-co", "Español (Colombia)")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "America/Bogota"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"
# Uploaded evidence is never served as public static media: a staff view checks permissions.
MEDIA_URL = "/gestion/archivos/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the apps (no collectstatic) unless production says otherwise.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Until `collectstatic` fills it, an empty folder keeps WhiteNoise from warning on every start.
with contextlib.suppress(OSError):
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# One limit for every uploaded or imported file, on the web and on the command line.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
# An import previewed but never confirmed is dropped after this many hours.
IMPORT_STAGE_HOURS = env_int("IMPORT_STAGE_HOURS", 24, minimum=1)
# An imported XLSX is parsed in a child process with this much address space (on top of the
# worker's) and CPU time; a file needing more is refused (rendicion.core.spreadsheets).
SPREADSHEET_READ_MEMORY_MB = env_int("SPREADSHEET_READ_MEMORY_MB", 512)
SPREADSHEET_READ_CPU_SECONDS = env_int("SPREADSHEET_READ_CPU_SECONDS", 300)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Public forms: submissions per client address. Many citizens may share one address at a venue's
# Wi-Fi, so the limit is generous; it stops scripts, not people. Behind a proxy, name the header
# that carries the client's address (e.g. HTTP_X_REAL_IP) in CLIENT_IP_HEADER.
PUBLIC_FORM_RATE = env_str("PUBLIC_FORM_RATE", "60/m")
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_IP_META_KEY = env_str("CLIENT_IP_HEADER", "REMOTE_ADDR")
AXES_IPWARE_META_PRECEDENCE_ORDER = [RATELIMIT_IP_META_KEY, "REMOTE_ADDR"]
# The API (/api/v1/): requests per client address and per API key ("N/s", "N/m" or "N/h"),
# counted in the cache; over the limit the answer is 429 with Retry-After.
API_RATE_PER_ADDRESS = env_str("API_RATE_PER_ADDRESS", "300/m")
API_RATE_PER_TOKEN = env_str("API_RATE_PER_TOKEN", "120/m")

# Personal data (Ley 1581 de 2012) is anonymised this many days after its space
# (`rendicion personal_data_retention`, run daily from cron or a systemd timer).
PERSONAL_DATA_RETENTION_DAYS = env_int("PERSONAL_DATA_RETENTION_DAYS", 730)
if PERSONAL_DATA_RETENTION_DAYS < 1:
    raise ImproperlyConfigured(
        "La variable PERSONAL_DATA_RETENTION_DAYS debe ser un número de días mayor que cero."
    )

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "rendicion@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
