"""Django settings for Leaver. Every deploy-time value comes from the environment (leaver.env)."""

from __future__ import annotations

import datetime
from pathlib import Path

from leaver import env

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env.boolean("DEBUG", default=False)

# A development key is only acceptable with DEBUG on; in production a missing key stops start-up.
SECRET_KEY = env.text("SECRET_KEY", "dev-only-insecure-key-do-not-deploy" if DEBUG else None)
if not DEBUG and len(SECRET_KEY) < 32:
    raise env.ConfigurationError("SECRET_KEY must be at least 32 characters when DEBUG is off.")

# Keys for the free text, notes, concerns and letters encrypted at rest (leaver.core.crypto,
# ADR 0027): the first encrypts, all decrypt. With DEBUG on, a fixed development key that is in
# this file and so protects nothing; with DEBUG off a missing or malformed value stops start-up.
FIELD_ENCRYPTION_KEYS = env.field_keys(
    "FIELD_ENCRYPTION_KEYS",
    "dev:bGVhdmVyLWRldmVsb3BtZW50LW9ubHkta2V5LW5vdCE=" if DEBUG else None)

ALLOWED_HOSTS = env.csv_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.csv_list("CSRF_TRUSTED_ORIGINS", [])
# Absolute address of the site, for links in emails.
SITE_URL = env.text("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# How long an invitation's "set your password" link works.
INVITATION_DAYS = env.integer("INVITATION_DAYS", 7, minimum=1)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    # Two-factor sign-in: TOTP devices and single-use recovery codes (ADR 0012).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Background work: the outbox sender and the periodic scan (ADR 0015). The queue is a table.
    "django_tasks",
    "django_tasks_db",
    "leaver.ui",
    "leaver.accounts",
    "leaver.organisations",
    "leaver.audit",
    "leaver.notifications",
    "leaver.questionnaires",
    "leaver.cases",
    "leaver.reviews",
    "leaver.pathways.young_person",
    "leaver.pathways.staff",
    "leaver.administration",
    "leaver.safeguarding",
    "leaver.reports",
    "leaver.retention",
    "leaver.subject_access",
    "leaver.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise (static files stay cacheable): no page is ever stored in a cache.
    "leaver.security.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: a save that raised a safeguarding concern warns the person at once.
    "leaver.safeguarding.middleware.RaisedNoticeMiddleware",
    # request.user.is_verified(): has this session passed the second factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # Signs out a session older than SESSION_ABSOLUTE_HOURS, saying why (after messages).
    "leaver.accounts.sessions.SessionLifetimeMiddleware",
    # Writes an unchanged session only when the idle clock needs moving on (ADR 0021).
    "leaver.accounts.sessions.IdleClockMiddleware",
    # Sends a signed-in person who still owes a second factor to enrol or enter a code.
    "leaver.organisations.second_factor.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "leaver.audit.middleware.RequestContextMiddleware",
    # Turns a refused step (leaver.core.errors.ActionRefused) into "You cannot do this".
    "leaver.ui.pages.RefusalMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "leaver.urls"
WSGI_APPLICATION = "leaver.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "leaver" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "leaver.navigation.navigation",
            ],
        },
    },
]

_default_db = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": env.database("DATABASE_URL", _default_db)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Connections persist between requests (issue 12: opening one costs more than most
    # pages' queries), checked before reuse so a restarted database costs one failed check,
    # not a server error. 0 closes each connection at the end of its request.
    DATABASES["default"]["CONN_MAX_AGE"] = env.integer("DB_CONN_MAX_AGE_SECONDS", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # pytest-django creates test databases; give them a predictable name per run.
    DATABASES["default"]["TEST"] = {"NAME": env.text("TEST_DATABASE_NAME", "test_leaver")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Parallel posts must wait their turn, not fail with "database is locked" (issue 9):
    # WAL lets people read while someone writes; every transaction takes the write lock when
    # it begins (IMMEDIATE), so two never deadlock half-way and fail at once; and a writer
    # waits up to SQLITE_TIMEOUT_SECONDS for the lock. Past that, the person is asked to try
    # again (leaver.ui.pages.busy: 503), never shown a server error.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env.integer("SQLITE_TIMEOUT_SECONDS", 20, minimum=1),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "young_person:your_work"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in lockout: by email *and* address together, so nobody can lock a colleague out from
# elsewhere by guessing wrongly with their email (STACK-NOTES).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env.integer("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.integer("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "leaver.accounts.lockout.username_from_request"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False  # its log lines name the email address; the attempts are in the database
# The lockout counts by the same client address as the audit log (leaver.core.client_address).
AXES_CLIENT_IP_CALLABLE = "leaver.core.client_address.client_address"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    # Django's similarity check, on the email and full name (Leaver has no username).
    {"NAME": "leaver.accounts.validators.NotLikeNameOrEmail"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# "Forgotten your password?" links work for this long, and once.
PASSWORD_RESET_TIMEOUT = env.integer("PASSWORD_RESET_MINUTES", 60, minimum=5) * 60

# Two-factor sign-in (ADR 0012): a code from an authenticator app after the password, for everyone
# who can read an individual record or administer. Only local development may switch it off.
TWO_FACTOR_REQUIRED = env.boolean("TWO_FACTOR_REQUIRED", default=True)
if not TWO_FACTOR_REQUIRED and not DEBUG:
    raise env.ConfigurationError(
        "TWO_FACTOR_REQUIRED may be false only with DEBUG on (local development).")
OTP_TOTP_ISSUER = "Leaver"
# After n wrong codes in a row, the next try waits 2^(n-1) seconds (django-otp's throttling).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Sessions end after inactivity: every request pushes the expiry forward.
SESSION_IDLE_MINUTES = env.integer("SESSION_IDLE_MINUTES", 30, minimum=1)
# ...and, however active, this long after signing in (keep-alive cannot extend it).
SESSION_ABSOLUTE_HOURS = env.integer("SESSION_ABSOLUTE_HOURS", 12, minimum=1)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
# A request writes the session row only when it changed, or when its last write is older than
# this many seconds (leaver.accounts.sessions.IdleClockMiddleware): the idle sign-out is then
# exact to within this, and a page view costs no write (ADR 0021).
SESSION_REFRESH_SECONDS = env.integer("SESSION_REFRESH_SECONDS", 60, minimum=1)
if SESSION_REFRESH_SECONDS >= SESSION_COOKIE_AGE:
    raise env.ConfigurationError(
        "SESSION_REFRESH_SECONDS must be shorter than SESSION_IDLE_MINUTES.")
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused CSRF check gets the service's own page with an incident reference (leaver.errors).
CSRF_FAILURE_VIEW = "leaver.errors.csrf_failure"
_secure = env.boolean("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = _secure
CSRF_COOKIE_SECURE = _secure
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The reverse proxies in front of Leaver (addresses and CIDR networks). Only a request arriving
# from one of them has its X-Forwarded-For believed, for the audit log and the sign-in lockout;
# empty (the default): the header is ignored and the connection's own address is used.
TRUSTED_PROXIES = env.networks("TRUSTED_PROXIES")
if env.boolean("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # A load balancer checks /healthz over plain HTTP, straight to the app: no redirect there.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# `check --deploy` also asks for HSTS preloading. Whether a domain goes on the browsers' preload
# list is for the owner of the whole domain (usually a council's, covering every subdomain), not
# for one service on it (docs/deploy.md, "TLS at the proxy").
SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Everything the pages load comes from this server: no CDN, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    },
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "leaver" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# In development whitenoise serves straight from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_BACKEND = env.text(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.text("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER", " ").strip()
EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD", " ").strip()
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "Leaver <no-reply@leaver.invalid>")
# A mail server that accepts the connection and then says nothing must not hold the worker:
# the message is tried again later (leaver.notifications.sender).
EMAIL_TIMEOUT = env.integer("EMAIL_TIMEOUT_SECONDS", 30, minimum=1)

# Every email goes into the outbox table first, in the transaction of the action that caused
# it; the worker sends it by SMTP (the default) or through GOV.UK Notify (ADR 0015).
EMAIL_PROVIDER = env.choice("EMAIL_PROVIDER", ("smtp", "notify"), "smtp")
NOTIFY_BASE_URL = env.text("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_API_KEY = NOTIFY_TEMPLATE_ID = ""
if EMAIL_PROVIDER == "notify":
    NOTIFY_API_KEY = env.notify_api_key("NOTIFY_API_KEY")
    # One email template in Notify whose subject is ((subject)) and whose body is ((body)).
    NOTIFY_TEMPLATE_ID = env.uuid_text("NOTIFY_TEMPLATE_ID")
# Daily digests go out at this hour, UK time, to people who chose one summary a day.
DIGEST_HOUR = env.integer("DIGEST_HOUR", 7, minimum=0)
if DIGEST_HOUR > 23:
    raise env.ConfigurationError(f"DIGEST_HOUR must be an hour from 0 to 23, not {DIGEST_HOUR}.")

# Background tasks run in `manage.py run_worker` (or db_worker), from a table: no broker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"hide_reset_tokens": {"()": "leaver.accounts.logs.HideResetTokens"}},
    # Every line written, whichever logger wrote it: never an emailed link's token.
    "handlers": {"console": {"class": "logging.StreamHandler",
                             "filters": ["hide_reset_tokens"]}},
    "root": {"handlers": ["console"], "level": env.text("LOG_LEVEL", "INFO")},
    "loggers": {
        # The development server logs each request line: never a password-reset link's token.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False,
                          "filters": ["hide_reset_tokens"]},
        # Django's own default config also gives "django" a handler; without this every
        # line it logs would print twice through the root handler.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # WeasyPrint logs every rendering step at INFO, and a warning for each SVG style it
        # leaves to its SVG renderer (matplotlib's charts: hundreds per report); its errors
        # (a file it could not load) still show.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}
