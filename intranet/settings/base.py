"""Settings shared by every environment, configured from environment variables.

DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, EMAIL_* and WAGTAILADMIN_BASE_URL are read here;
dev, test and production only change what differs between them.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .connections import postgres_connection_options

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Plein's own apps: the frame first so its templates win.
    "intranet",
    "people",
    "social",
    "home",
    "news",
    "teams",
    "directregelen",
    "rooms",
    "agenda",  # app label "events" (the module name `events` is an installed package opensearch-py needs)
    "launcher",
    "prikbord",
    "mustread",
    "search",
    "insights",
    "privacy",
    "api",
    # django-ninja (the API): in INSTALLED_APPS so its docs use its own static files, not a CDN.
    "ninja",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "wagtailmedia",
    "modelcluster",
    # Background jobs: Django's task API (backport) with a queue in the database (issue 17).
    "django_tasks",
    "django_tasks_db",
    "taggit",
    # Comments
    "django_comments_xtd",
    "django_comments",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Each cache generation read once per request (intranet/caching.py).
    "intranet.caching.RequestGenerations",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "intranet.middleware.PleinCSPMiddleware",
    # Type, download and sandbox headers for every uploaded file sent (intranet/media_headers.py).
    "intranet.media_headers.MediaHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "intranet.locale_middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Query strings without control characters, capped; a control character in the path is a 404.
    "intranet.query_cleaning.QueryCleaningMiddleware",
    # Nothing is visible without login: every view is closed unless marked login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin URLs naming a page the user may not see answer 404 (intranet/admin_access.py).
    "intranet.admin_access.AdminGuardMiddleware",
    # Last, so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
    # Page views per page per day and anonymous activity counts (insights/tracking.py).
    "insights.tracking.PageViewMiddleware",
]

ROOT_URLCONF = "intranet.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "intranet.context_processors.plein",
            ],
        },
    },
]

WSGI_APPLICATION = "intranet.wsgi.application"

# Database: an SQLite file in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASE_IS_POSTGRES:
    # Connection timeouts and TCP keepalives (intranet.settings.connections); DATABASE_URL's own win.
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _db_options.update({k: v for k, v in postgres_connection_options(os.environ).items() if k not in _db_options})
    # Web workers only (gunicorn.conf.py sets it): a runaway query is stopped before gunicorn's
    # timeout kills the worker; migrations and management commands keep no limit.
    if os.environ.get("PLEIN_STATEMENT_TIMEOUT_MS"):
        DATABASES["default"]["OPTIONS"]["options"] = (
            f"-c statement_timeout={int(os.environ['PLEIN_STATEMENT_TIMEOUT_MS'])}"
        )
else:
    # Persistent connections bring nothing to SQLite and keep file handles open across threads.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Several people writing at once (three likes on one post) must wait their turn, not fail with
    # "database is locked": write-ahead logging lets readers go on beside a writer, and IMMEDIATE
    # transactions take the write lock at BEGIN, where the busy timeout can wait for it, instead of
    # at the first write, where SQLite gives up at once to avoid a deadlock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: Redis when REDIS_URL is set, otherwise local memory and the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "plein"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Redis is a cache, not a single point of failure (docs/operations.md): an error or a
                # timeout is a cache miss, short timeouts keep a hung Redis from hanging requests, and
                # intranet.redis_breaker stops trying for a few seconds after a failure.
                "REDIS_CLIENT_CLASS": "intranet.redis_breaker.BreakerRedis",
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    # Sessions are written to the database and read through the cache: a Redis restart or flush
    # logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    # Wagtail writes this cache on every {% image %}: on Redis a round trip per avatar. Its keys hold the
    # image's file hash, so a per-process copy never serves a replaced file (issue 20).
    CACHES["renditions"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "TIMEOUT": 300,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
else:
    # Room for the generations and kept parts of a busy page (300 entries by default: thrashing).
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20000}}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTHENTICATION_BACKENDS = [
    # django-axes first, so that a locked-out user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
# Password-reset mails per hour, per address and per client address (intranet/password_reset.py).
PASSWORD_RESET_LIMIT_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_LIMIT_PER_ADDRESS", "3"))
PASSWORD_RESET_LIMIT_PER_IP = int(os.environ.get("PASSWORD_RESET_LIMIT_PER_IP", "10"))

# Background jobs (intranet.jobs, docs/deploy.md): a queue in the project's own database, so a job is
# committed or rolled back with the change that caused it and no extra service is needed. A worker
# (`manage.py db_worker`, started by `make run`) runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Reverse proxies in front of Plein that append to X-Forwarded-For (nginx alone: 1). 0 = use
# REMOTE_ADDR. Every client address Plein reads comes from intranet.client_ip.client_ip.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# django-axes (policy in intranet/login_lockout.py): lock a username/address pair after
# AXES_FAILURE_LIMIT failures, and an address after AXES_IP_FAILURE_LIMIT failures over all usernames.
AXES_HANDLER = "intranet.login_lockout.PleinAxesHandler"
AXES_CLIENT_IP_CALLABLE = "intranet.client_ip.client_ip"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_IP_FAILURE_LIMIT = int(os.environ.get("AXES_IP_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Language and time: Dutch first, English available.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False

# Static files: served locally by whitenoise; nothing comes from a CDN.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Media go through a login-protected view; behind nginx set this to the internal location so that
# nginx sends the file (X-Accel-Redirect) after Django has checked the login.
MEDIA_X_ACCEL_REDIRECT = os.environ.get("MEDIA_X_ACCEL_REDIRECT", "")
STORAGES = {
    "default": {"BACKEND": "intranet.storage.MediaStorage"},  # full/read-only disk: a form error
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several app servers share media on an S3-compatible store (docs/operations.md): MEDIA_STORAGE=s3 with
# AWS_STORAGE_BUCKET_NAME (a private bucket), AWS_S3_ENDPOINT_URL (e.g. MinIO or Ceph inside the
# network), AWS_S3_ACCESS_KEY_ID, AWS_S3_SECRET_ACCESS_KEY and optionally AWS_S3_REGION_NAME, read
# by django-storages. Files still go out only through the login-protected /media/ view.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "filesystem")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {"BACKEND": "intranet.s3_storage.S3MediaStorage"}
    AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "plein-media")
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "")
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured("MEDIA_STORAGE is 'filesystem' (the default) or 's3'.")
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# E-mail
# Every mail goes through the job queue (intranet.mail.QueuedBackend; Plein's own jobs send in
# batches); the jobs deliver with MAIL_DELIVERY_BACKEND, which the environment's EMAIL_BACKEND sets.
EMAIL_BACKEND = "intranet.mail.QueuedBackend"
MAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# Seconds per SMTP operation: a hanging mail server holds a job (never a request) this long at most.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Plein <intranet@localhost>")
# Where colleagues report an accessibility problem (the accessibility statement, /toegankelijkheid/).
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get("ACCESSIBILITY_CONTACT_EMAIL", "")
ACCESSIBILITY_STATEMENT_DATE = os.environ.get("ACCESSIBILITY_STATEMENT_DATE", "2026-12-07")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Plein")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_FINDERS = []  # no oEmbed calls to the internet
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_USAGE_COUNT_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, with every query string made safe for FTS syntax (search/backend.py).
        "BACKEND": "search.backend",
        # PostgreSQL stems Dutch words; SQLite's backend ignores this key.
        "SEARCH_CONFIG": "dutch",
        "AUTO_UPDATE": True,
    }
}

# Comments (django-comments-xtd)
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 1  # two levels: a comment and its replies
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_SALT = os.environ.get("COMMENTS_XTD_SALT", "plein-comments").encode()

# Security headers and Content-Security-Policy (intranet/settings/security.py).
from .security import *  # noqa: E402, F401, F403
from .security import CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN  # noqa: E402

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # During an outage every request fails alike: one traceback per kind per minute (intranet.log_limits).
    "filters": {"once_per_minute": {"()": "intranet.log_limits.OncePerMinute"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["once_per_minute"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Comments, limits and privacy periods (intranet/settings/features.py).
from .features import *  # noqa: E402, F401, F403

# --- search ---
# Threads of a worker process that long searches may hold at once (intranet.concurrency); gunicorn
# runs 4 per process (deploy/gunicorn.conf.py), so 2 always stay free for everything else.
EXPENSIVE_REQUESTS_PER_PROCESS = int(os.environ.get("EXPENSIVE_REQUESTS_PER_PROCESS", "2"))
# ... and how many run at once over all workers and app servers (PostgreSQL advisory locks): unset is
# one fewer than the cores, so a storm of searches leaves CPU for the rest; 0 turns it off (pgbouncer).
# How long an expensive request waits for a slot before the "busy" page (it holds a thread meanwhile).
EXPENSIVE_REQUEST_WAIT_SECONDS = float(os.environ.get("EXPENSIVE_REQUEST_WAIT_SECONDS", "0.5"))
EXPENSIVE_REQUESTS_TOTAL = (
    int(os.environ["EXPENSIVE_REQUESTS_TOTAL"]) if os.environ.get("EXPENSIVE_REQUESTS_TOTAL") else None
)
if DATABASE_IS_POSTGRES:
    # Dutch stemming after folding accents; the text search configuration comes from
    # search/migrations/0002 (run `manage.py update_index` after switching an existing database).
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "plein_dutch"
if os.environ.get("SEARCH_BACKEND") == "opensearch":
    # Beyond one database (docs/search.md): needs `pip install opensearch-py` and `manage.py update_index`.
    from search.opensearch import opensearch_backend

    WAGTAILSEARCH_BACKENDS["default"] = opensearch_backend(
        os.environ["SEARCH_URL"],
        version=int(os.environ.get("SEARCH_OPENSEARCH_VERSION", "3")),
        synonyms=os.environ.get("SEARCH_SYNONYMS", ""),
    )

# Single sign-on (intranet/settings/sso.py): when on, its backend, session refresh and the
# provider's logout form target join the lists above.
from .sso import *  # noqa: E402, F401, F403
from .sso import OIDC_DISCOVERY_URL, OIDC_ENABLED, OIDC_ISSUER  # noqa: E402

if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("people.sso.PleinOIDCBackend")
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1, "people.sso.SessionRefresh"
    )
    # Logging out posts a form that ends at the provider's end-session page.
    from urllib.parse import urlsplit as _urlsplit

    _provider = _urlsplit(OIDC_ISSUER or OIDC_DISCOVERY_URL)
    for _policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
        _policy["DIRECTIVES"]["form-action"].append(f"{_provider.scheme}://{_provider.netloc}")
