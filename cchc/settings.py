"""Settings for cchc, read from environment variables (see .env.example)."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

import dj_database_url
import django
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or ("insecure-dev-key-only-for-debug" if DEBUG else None)
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "apps.units",
    "apps.plans",
    "apps.tracking",
    "apps.imports",
    "apps.dashboards",
    "ninja",
    "apps.api",
    "apps.audit",
    "apps.reports",
    "apps.surveys",
    "apps.alignment",
    "apps.par",
]

# Background jobs (imports that need OCR, reminders): Django's tasks API (the django-tasks backport on Django
# 5.2) with its database backend, run by `manage.py run_worker` (scripts/run starts one beside the web server).
# TASKS_BACKEND=immediate runs each job at once in the caller instead (the tests). A worker runs one job at a
# time, an import with at most IMPORT_OCR_PROCESSES OCR processes. A run whose worker died (its process is gone,
# or no sign of life for JOBS_STALE_AFTER seconds) is queued again until JOBS_MAX_ATTEMPTS, then failed.
TASKS_BUILTIN = importlib.util.find_spec("django.tasks") is not None
INSTALLED_APPS += [*([] if TASKS_BUILTIN else ["django_tasks"]), "django_tasks_db"]
_TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": f"{'django.tasks' if TASKS_BUILTIN else 'django_tasks'}.backends.immediate.ImmediateBackend",
}
_tasks_backend = env_str("TASKS_BACKEND", "database")
if _tasks_backend not in _TASKS_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database or immediate, not {_tasks_backend!r}")
TASKS = {"default": {"BACKEND": _TASKS_BACKENDS[_tasks_backend]}}
IMPORT_OCR_PROCESSES = env_int("IMPORT_OCR_PROCESSES", 2)
JOBS_STALE_AFTER = env_int("JOBS_STALE_AFTER", 600)
JOBS_MAX_ATTEMPTS = env_int("JOBS_MAX_ATTEMPTS", 2)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # pages compressed (static files are compressed by WhiteNoise, which answers before this runs). BREACH: Django
    # masks the CSRF token anew in every response and, since 4.2, pads each gzip body with up to 100 random bytes
    # ("Heal the BREACH"), so a secret's guess cannot be read from the compressed length
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cchc.form_limits.FormLimitMiddleware",  # before the CSRF check, which reads the form
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "apps.audit.middleware.AuditActorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cchc.versioning.ConflictMiddleware",
]

ROOT_URLCONF = "cchc.urls"
WSGI_APPLICATION = "cchc.wsgi.application"

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
                "apps.units.context.current_roles",
            ],
            # a faster ``date`` filter for the formats the pages use and a ``{% url %}`` that keeps its links (same
            # text); ``person`` names a person
            "builtins": ["cchc.dates", "cchc.links", "apps.units.templatetags.people"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'cchc.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # many people at once: readers never wait for the writer (WAL), a writer waits its turn instead of failing
    # (busy timeout), and a write transaction takes the lock when it begins, so two never deadlock upgrading;
    # writers queue for the lock in order of arrival (cchc/sqlite: SQLite's own waiting lets newcomers overtake)
    DATABASES["default"]["ENGINE"] = "cchc.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": env_int("SQLITE_TIMEOUT", 20),
        "transaction_mode": "IMMEDIATE",
    }
    # tests on a file too (one per test process), not in memory: shared-cache memory databases fail at once with
    # "database table is locked" instead of waiting, so races between threads could not be tested as they run
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.gettempdir(), f"cchc-test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]


def env_count(name: str, default: int) -> int:
    """A whole number of at least 1 (a limit of 0 would lock everybody out)."""
    value = env_int(name, default)
    if value < 1:
        raise ImproperlyConfigured(f"{name} must be 1 or more, not {value}")
    return value


# accounts: sign-in goes through the throttling backend; API tokens last this many days unless revoked earlier
AUTHENTICATION_BACKENDS = ["apps.units.throttling.ThrottledModelBackend"]
API_TOKEN_LIFETIME_DAYS = env_count("API_TOKEN_LIFETIME_DAYS", 7)

# login throttling (apps/units/throttling.py): in a window of LOGIN_THROTTLE_MINUTES, an account is locked after
# LOGIN_FAILURES_PER_ACCOUNT wrong passwords and an address after LOGIN_FAILURES_PER_ADDRESS (higher: a whole
# office often shares one address); password-reset e-mails are limited per e-mail address and per address alike.
# The counters live in the cache: locmem serves one process; several workers need CACHE_URL=redis://… to share them.
LOGIN_THROTTLE_MINUTES = env_count("LOGIN_THROTTLE_MINUTES", 15)
LOGIN_FAILURES_PER_ACCOUNT = env_count("LOGIN_FAILURES_PER_ACCOUNT", 5)
LOGIN_FAILURES_PER_ADDRESS = env_count("LOGIN_FAILURES_PER_ADDRESS", 20)
PASSWORD_RESETS_PER_EMAIL = env_count("PASSWORD_RESETS_PER_EMAIL", 3)
PASSWORD_RESETS_PER_ADDRESS = env_count("PASSWORD_RESETS_PER_ADDRESS", 10)
# SIPAS survey submissions (apps/surveys): an address may send SURVEY_RESPONSES_PER_ADDRESS answers in a window of
# SURVEY_THROTTLE_MINUTES (a one-stop desk's public Wi-Fi is one address for everybody); more than
# SURVEY_BURST_PER_ADDRESS in SURVEY_BURST_MINUTES are stored but flagged, and so is an answer sent less than
# SURVEY_MIN_SECONDS after the page was opened; a page opened more than SURVEY_VISIT_HOURS ago must be reloaded.
SURVEY_THROTTLE_MINUTES = env_count("SURVEY_THROTTLE_MINUTES", 60)
SURVEY_RESPONSES_PER_ADDRESS = env_count("SURVEY_RESPONSES_PER_ADDRESS", 100)
SURVEY_BURST_MINUTES = env_count("SURVEY_BURST_MINUTES", 10)
SURVEY_BURST_PER_ADDRESS = env_count("SURVEY_BURST_PER_ADDRESS", 15)
SURVEY_MIN_SECONDS = env_int("SURVEY_MIN_SECONDS", 5)
SURVEY_VISIT_HOURS = env_count("SURVEY_VISIT_HOURS", 12)
# the request header that carries the client's address behind a reverse proxy (e.g. HTTP_X_REAL_IP); empty: REMOTE_ADDR
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER", "")
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL in ("", "locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cchc"}}
else:
    raise ImproperlyConfigured(f"CACHE_URL must be empty, locmem:// or redis://host:port/db, not {CACHE_URL!r}")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"  # never served directly: files go through permission-checked views

# uploads: plans and evidence files
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_MAX_PAGES = env_int("IMPORT_MAX_PAGES", 300)
# the plan's workbook uploaded back: file size, size once unpacked (a zip bomb), rows per sheet, hours kept
SHEET_MAX_BYTES = env_int("SHEET_MAX_BYTES", 5 * 1024 * 1024)
SHEET_MAX_UNPACKED_BYTES = env_int("SHEET_MAX_UNPACKED_BYTES", 20 * 1024 * 1024)
SHEET_MAX_ROWS = env_int("SHEET_MAX_ROWS", 5000)
SHEET_UPLOAD_HOURS = env_int("SHEET_UPLOAD_HOURS", 24)

# e-mail (cchc/mail.py sends it): the same variables make Django 6.1's MAILERS, which deprecates the EMAIL_*
# settings, and Django 5.2's EMAIL_*, which is all it reads; host and port are the SMTP backend's only. The console
# only in development (Django 6.1's deploy check refuses it)
_MAIL_BACKEND = env_str("EMAIL_BACKEND", f"django.core.mail.backends.{'console' if DEBUG else 'smtp'}.EmailBackend")
_MAIL_HOST, _MAIL_PORT = env_str("EMAIL_HOST", "localhost"), env_int("EMAIL_PORT", 25)
if django.VERSION >= (6, 1):
    _SMTP = _MAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    MAILERS = {
        "default": {"BACKEND": _MAIL_BACKEND, "OPTIONS": {"host": _MAIL_HOST, "port": _MAIL_PORT} if _SMTP else {}}
    }
else:
    EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT = _MAIL_BACKEND, _MAIL_HOST, _MAIL_PORT
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "cchc@localhost")

SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = not DEBUG and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
