"""Settings for Borderless, read from the environment.

Defaults give a working laptop set-up on SQLite. Production sets at least
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and DEBUG=0; see README.md.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from csp import constants as csp_constants
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from borderless import content_fields

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = envbool("DEBUG", True)

# The development key is only accepted while DEBUG is on; production must set a long random SECRET_KEY.
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not DEBUG:
    if not SECRET_KEY:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off")
    if len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH or len(set(SECRET_KEY)) < 5:
        raise RuntimeError(
            f"SECRET_KEY is too weak for DEBUG=0: use at least {SECRET_KEY_MIN_LENGTH} random characters, for example "
            "the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
elif not SECRET_KEY:
    SECRET_KEY = "insecure-development-key-never-used-in-production-" + "x" * 16

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "borderless.i18n",
    "borderless.accounts",
    "borderless.organisations",
    "borderless.web",
    "borderless.quickscan",
    "borderless.instruments",
    "borderless.atlas",
    "borderless.network",
    "borderless.matching",
    "borderless.contacts",
    "borderless.api",
    "borderless.demo",
    "borderless.jobs",
    "ninja",
    "csp",
    "phonenumber_field",
    "django_tasks",
    "django_tasks_db",
    # Before the admin, so that its admin classes and templates take part (its documentation asks so).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "borderless.web.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "borderless.web.middleware.BidiControlsMarkedMiddleware",
    "borderless.web.middleware.PrivateNoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "borderless.web.middleware.RejectNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "borderless.urls"
WSGI_APPLICATION = "borderless.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "borderless.contacts.context_processors.notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A laptop installation serves several requests at once. WAL lets readers go on while one writer
    # writes; IMMEDIATE takes the write lock when a transaction begins, so two transactions never
    # both read and then fail to upgrade to writing ("database is locked"); the timeout is how long a
    # writer waits for the lock before giving up.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "timeout": int(os.environ.get("SQLITE_TIMEOUT_SECONDS", "20")),
        "transaction_mode": "IMMEDIATE",
    }
    # Tests use a file, not shared memory: only then does each thread of a live server get its own
    # connection, as in a real installation. One file per test process, so parallel runs never meet.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get(
            "SQLITE_TEST_NAME", str(Path(tempfile.gettempdir()) / f"borderless-test-{os.getpid()}.sqlite3")
        )
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Long work (bulk imports, digests) runs as tasks outside the request: queued in the database and run
# by `manage.py db_worker` (see README.md); no broker to run. Files a job reads (uploaded CSVs) wait in
# JOB_FILES_DIR, which the web servers and the workers must share.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
JOB_FILES_DIR = Path(os.environ.get("JOB_FILES_DIR", BASE_DIR / "var" / "job-files"))

# The collaboration network: a project with more participants than this makes no ties between them
# (its participants took part, they did not necessarily work together).
NETWORK_MAX_PARTICIPANTS = int(os.environ.get("NETWORK_MAX_PARTICIPANTS", "50"))

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Failed log-ins allowed per e-mail address (and per client address) within the window.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW_SECONDS = int(os.environ.get("LOGIN_FAILURE_WINDOW_SECONDS", "900"))
# The other limits of borderless/accounts/limits.py (its defaults apply where a variable is not set):
# failed log-ins per client, password-reset and account mails per address and per client, PDF
# reports made per person, and how long a confirmation link is valid.
for _name in (
    "LOGIN_CLIENT_FAILURE_LIMIT",
    "PASSWORD_RESET_ADDRESS_LIMIT",
    "PASSWORD_RESET_CLIENT_LIMIT",
    "PASSWORD_RESET_WINDOW_SECONDS",
    "ACCOUNT_MAIL_ADDRESS_LIMIT",
    "ACCOUNT_MAIL_CLIENT_LIMIT",
    "ACCOUNT_MAIL_WINDOW_SECONDS",
    "ACCOUNT_CONFIRMATION_MAX_AGE_SECONDS",
    "QUICKSCAN_PDF_LIMIT",
    "QUICKSCAN_PDF_WINDOW_SECONDS",
    "ATLAS_ANONYMITY_K",
):
    if os.environ.get(_name):
        globals()[_name] = int(os.environ[_name])

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("de", _("German")),
    ("nl", _("Dutch")),
    ("en", _("English")),
]
LOCALE_PATHS = [
    BASE_DIR / "locale",
    # Translations Django 5.2 itself lacks in de/nl (the admin's user pages); outside `make makemessages`.
    BASE_DIR / "locale-django",
]
USE_I18N = True
# Translated content fields (taxonomy labels, NACE labels, instrument names and descriptions): declared
# in each app's translation.py, one column per language, read in the active language, English if empty.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = content_fields.localized_verbose_name
TIME_ZONE = "Europe/Berlin"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "borderless_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serve files straight from the app folders when they have not been collected (laptop, tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Source maps (several MB in the API documentation's bundles) are read only by developer tools:
# served uncompressed, they no longer take most of collectstatic's time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Every e-mail passes through our backend (it shows bidirectional controls as visible marks), which
# hands it on to the delivery backend chosen here.
EMAIL_BACKEND = "borderless.web.mail.BidiMarkingEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Borderless <noreply@borderless.invalid>")
if os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)

# Security. Production (DEBUG off) turns on HTTPS-only cookies and HSTS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
if envbool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Addresses (or networks, e.g. 10.0.0.0/8) of the reverse proxies whose X-Forwarded-For header is
# believed. Empty: the connection's own address is the client's, whatever a header claims.
TRUSTED_PROXIES = [p.strip() for p in os.environ.get("TRUSTED_PROXIES", "").split(",") if p.strip()]

# Everything the pages need is served from this origin; no CDN, no inline scripts.
# Phone numbers (django-phonenumber-field) are stored in E.164. A number typed without +31/+49 is read
# as one of the organisation's own country (the profile form says which); where none is known, as Dutch.
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_REGION = "NL"
PHONENUMBER_DEFAULT_FORMAT = "INTERNATIONAL"

# Content-Security-Policy header (django-csp). Directives are written in this order.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp_constants.SELF],
        "script-src": [csp_constants.SELF],
        "style-src": [csp_constants.SELF],
        "img-src": [csp_constants.SELF, "data:"],
        "font-src": [csp_constants.SELF],
        "connect-src": [csp_constants.SELF],
        "frame-ancestors": [csp_constants.NONE],
        "form-action": [csp_constants.SELF],
        "base-uri": [csp_constants.SELF],
        "object-src": [csp_constants.NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every layout step at INFO.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
