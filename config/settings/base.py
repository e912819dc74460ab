"""Settings shared by every environment, read from environment variables (12-factor).

Every variable read here is documented in the README's Configuration section.
"""

from datetime import timedelta
from pathlib import Path

import environ
from corsheaders.defaults import default_headers as default_cors_headers

from config.cache import cache_from_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A .env file (never committed) lets `make run` keep its generated secret key.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "statements.api.exceptions.csrf_failure"

# --- Applications ---------------------------------------------------------------------------

INSTALLED_APPS = [
    "config.admin.AdminConfig",  # django.contrib.admin, with our front page
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "corsheaders",
    "statements",
]

MIDDLEWARE = [
    # First: every answer carries the request's id, and every log record made for it.
    "config.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything that answers (a problem, a 413), so that a browser on an allowed origin
    # can read every answer, errors included.
    "corsheaders.middleware.CorsMiddleware",
    # Next, so that they see every answer and every request before anything reads its body.
    "config.middleware.ProblemResponsesMiddleware",
    "config.middleware.RequestBodyLimitMiddleware",
    "config.db_router.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: it answers a locked-out sign-in before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------

# SQLite in the project folder by default; DATABASE_URL=postgres://… switches any command.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A transaction-mode connection pooler (PgBouncer) between the app and PostgreSQL.
DATABASE_POOLER = env.str("DATABASE_POOLER", default="")
# Prepared statements do not survive such a pooler: one prepared on a server connection is
# unknown to the next.
PREPARED_STATEMENTS = DATABASE_POOLER != "transaction"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Persistent connections with a health check before reuse (psycopg 3).
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Queries are not prepared (Django's default): a prepared query may be given a generic
    # plan, one plan for every parameter, and the best plan of a search or of a filter by
    # speaker depends on how many rows the word or the speaker has. The representations'
    # queries, whose plan does not, are the exception (statements/prepared.py): psycopg
    # prepares only what a server-binding cursor sends, and only that module sends any.
    options: dict = {"prepare_threshold": 0 if PREPARED_STATEMENTS else None}
    # No JIT compilation: past jit_above_cost PostgreSQL compiles a query, which costs this
    # API's queries more than it saves (README, Performance). Off per connection, at no
    # extra query; POSTGRES_JIT=true leaves the server's setting (a pooler that refuses
    # startup options needs it).
    if not env.bool("POSTGRES_JIT", default=False):
        options["options"] = "-c jit=off"
    DATABASES["default"]["OPTIONS"] = options
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue instead of
        # failing mid-transaction; WAL lets readers proceed while one writer works.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA foreign_keys=ON;"
            "PRAGMA busy_timeout=20000;"
        ),
    }

# Scale-out (PostgreSQL): read replicas, e.g. DATABASE_REPLICA_URLS=postgres://…@replica1/db,
# postgres://…@replica2/db. API reads are spread over them (config/db_router.py); writes
# and the admin use the primary.
for number, url in enumerate(env.list("DATABASE_REPLICA_URLS", default=[]), start=1):
    replica = env.db_url_config(url)
    replica.update(
        {
            key: DATABASES["default"][key]
            for key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS", "OPTIONS")
            if key in DATABASES["default"]
        }
    )
    # In tests, a replica reads the primary's test database under its own host and port:
    # Django gives a mirror the primary's database name only.
    replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{number}"] = replica
DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]
# A replica further behind the primary than this is skipped (its reads go to the primary).
DATABASE_REPLICA_MAX_LAG_SECONDS = env.float("DATABASE_REPLICA_MAX_LAG_SECONDS", default=10.0)
# Each process asks a replica for its replay position and lag at most this often.
DATABASE_REPLICA_CHECK_SECONDS = env.float("DATABASE_REPLICA_CHECK_SECONDS", default=0.5)

# Nor do server-side cursors (the export's) survive a transaction-mode pooler.
if DATABASE_POOLER == "transaction":
    for database in DATABASES.values():
        database["DISABLE_SERVER_SIDE_CURSORS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Metrics --------------------------------------------------------------------------------

# Prometheus metrics at /metrics (django-prometheus): requests by route, method and status,
# their latency, database queries and their time, and the read replicas' state. Off by
# default; with METRICS_TOKEN set, a scrape must send "Authorization: Bearer <token>".
METRICS_ENABLED = env.bool("METRICS_ENABLED", default=False)
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
if METRICS_ENABLED:
    INSTALLED_APPS.append("django_prometheus")
    # Around everything else, so that the latency counts the whole stack.
    MIDDLEWARE = [
        MIDDLEWARE[0],
        "django_prometheus.middleware.PrometheusBeforeMiddleware",
        *MIDDLEWARE[1:],
        "django_prometheus.middleware.PrometheusAfterMiddleware",
    ]
    # The same engines, counting queries and timing them.
    for database in DATABASES.values():
        database["ENGINE"] = database["ENGINE"].replace(
            "django.db.backends.", "django_prometheus.db.backends.", 1
        )

# --- Cache ----------------------------------------------------------------------------------

# Throttling counts requests in the cache: with more than one app process or server, point
# CACHE_URL at a shared cache (redis://host:6379/0) so that the limits hold across them.
# A Redis cache fails open (config/cache.py): while it is unreachable, requests are answered
# without rate limits and without cached responses, and /readyz says 503.
CACHES = {"default": cache_from_url(env.str("CACHE_URL", default="locmemcache://"))}

# --- Authentication -------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # First: refuses sign-in attempts while a user and address pair is locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Brute-force protection of the admin sign-in (django-axes): after LOGIN_FAILURE_LIMIT
# failed attempts for one username from one address, that pair is locked out for
# LOGIN_LOCKOUT_MINUTES. API tokens are not passwords and are not affected.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Reverse proxies in front of the app that append the client's address to X-Forwarded-For.
# One setting for every reader of the client address (the sign-in lockout here, the API's
# rate limits below, through config.client): with 0 the header is ignored, so that a client
# cannot choose its own address; with N the address the Nth proxy from the app appended.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "config.client.client_address"

# --- Internationalisation -------------------------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Request limits -------------------------------------------------------------------------

# One limit for every request body: config.middleware answers 413 for a larger declared
# Content-Length before anything reads the body, and Django's own bound (which would answer
# a bare 400 when DRF reads the body) is the same value.
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=1_048_576)
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_BODY_BYTES

# Counts of list results at least this large are cached for API_COUNT_CACHE_SECONDS (in the
# default cache): counting a million rows costs more than the rest of the request. 0: never.
API_COUNT_CACHE_THRESHOLD = env.int("API_COUNT_CACHE_THRESHOLD", default=10_000)
API_COUNT_CACHE_SECONDS = env.int("API_COUNT_CACHE_SECONDS", default=60)

# --- Cross-origin requests --------------------------------------------------------------------

# Browser apps on these origins may call the API (django-cors-headers); none by default.
# They authenticate with a token: cookies are not sent across origins (no credentials), so
# the admin's session and its CSRF protection stay same-origin.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_HEADERS = (*default_cors_headers, "if-match", "if-none-match", "x-request-id")
# Readable by the calling script: the version to send back in If-Match, where a created
# object lives, how long to wait after a 429, and an export's file name.
CORS_EXPOSE_HEADERS = ["ETag", "Location", "Retry-After", "Content-Disposition", "X-Request-ID"]
CORS_PREFLIGHT_MAX_AGE = env.int("CORS_PREFLIGHT_MAX_AGE", default=86_400)

# --- REST framework -------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "statements.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["statements.api.permissions.ModelPermissionsOrReadOnly"],
    "DEFAULT_PARSER_CLASSES": ["statements.api.parsers.BoundedJSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "statements.api.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "statements.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": [
        "statements.api.filters.StrictQueryParamsBackend",
        "django_filters.rest_framework.DjangoFilterBackend",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["statements.api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("THROTTLE_ANON_RATE", default="120/minute"),
        "user": env.str("THROTTLE_USER_RATE", default="1200/minute"),
    },
    # Rate limits count anonymous clients by address (config.client, as the lockout does).
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "EXCEPTION_HANDLER": "statements.api.exceptions.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DATETIME_FORMAT": "iso-8601",
    "DATE_FORMAT": "iso-8601",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

# The rate limits' counters (statements.api.throttling): while the cache is unreachable,
# requests are answered without limits (config/cache.py).
RATELIMIT_FAIL_OPEN = True

SPECTACULAR_SETTINGS = {
    "TITLE": "Attributed API",
    "DESCRIPTION": (
        "Source-attributed statements: who said what, which source reported it, and exactly "
        "how. Errors are RFC 9457 `application/problem+json` documents."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SpeakerKindEnum": "statements.choices.SpeakerKind",
        "SourceKindEnum": "statements.choices.SourceKind",
        "SourceStatusEnum": "statements.choices.SourceStatus",
        "StatementStatusEnum": "statements.choices.StatementStatus",
        "AttributionModeEnum": "statements.choices.AttributionMode",
        "SpeechActEnum": "statements.choices.SpeechAct",
        "RelationKindEnum": "statements.choices.RelationKind",
        "AnchorStatusEnum": "statements.choices.AnchorStatus",
        "ChangeKindEnum": "statements.models.ChangeKind",
        "ChangeObjectEnum": "statements.models.ChangeObject",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "statements.api.schema_hooks.add_response_headers",
        "statements.api.jsonld.describe_jsonld_responses",
        "statements.api.schema_hooks.require_response_fields",
        "statements.api.schema_hooks.reuse_component_enums",
        "statements.api.schema_hooks.name_ordering_values",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # System fonts: the docs load nothing from outside this server.
    "REDOC_UI_SETTINGS": {
        "theme": {
            "typography": {
                "fontFamily": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                "headings": {"fontFamily": "system-ui, -apple-system, 'Segoe UI', sans-serif"},
                "code": {"fontFamily": "ui-monospace, 'DejaVu Sans Mono', monospace"},
            }
        },
    },
}

# --- Search -------------------------------------------------------------------------------

# A search ranks, counts and facets at most this many matches (the newest, when more match),
# so that a word found in a third of the corpus costs what a rare one does. The response's
# "exhaustive" says when more statements matched.
SEARCH_RANK_LIMIT = env.int("SEARCH_RANK_LIMIT", default=1000)
# The score (0 to 1) a statement needs to be proposed as a same_claim candidate
# (statements.claims.similarity; the README gives the precision it reaches).
CLAIM_CANDIDATE_THRESHOLD = env.float("CLAIM_CANDIDATE_THRESHOLD", default=0.4)
# Search responses (search/ and statements/?q=) are cached this many seconds in the default
# cache, keyed by a counter that every committed change bumps: a cached response is never
# staler than the data. 0: never cached.
SEARCH_CACHE_SECONDS = env.int("SEARCH_CACHE_SECONDS", default=300)

# --- Logging --------------------------------------------------------------------------------

# LOG_FORMAT=json writes each record as one JSON object (python-json-logger), with the
# request's id (config/observability.py) and the record's extra fields.
LOG_FORMAT = env.str("LOG_FORMAT", default="plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.observability.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Axes logs every sign-in at INFO; lockouts come at WARNING.
        "axes": {"level": "WARNING"},
        # One record per request, at INFO (config/observability.py): LOG_REQUESTS=false
        # leaves it out.
        **(
            {}
            if env.bool("LOG_REQUESTS", default=True)
            else {"attributed.requests": {"level": "WARNING"}}
        ),
    },
}
