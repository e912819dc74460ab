# Attributed: production image (gunicorn + WhiteNoise, production settings).
#
#   docker build -t attributed .
#   docker run -e SECRET_KEY=... -e DATABASE_URL=postgres://... -e ALLOWED_HOSTS=... -p 8000:8000 attributed
#
# With no command the container applies migrations, then serves with gunicorn on $PORT
# with $WEB_CONCURRENCY sync workers: the number of cores plus one measured best, with
# PostgreSQL on the same cores, among sync and gthread workers (README, Performance). Any other command runs instead, e.g.
#   docker compose run --rm web python manage.py bootstrap

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    STATIC_ROOT=/app/staticfiles \
    PORT=8000 \
    WEB_CONCURRENCY=3

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home app

WORKDIR /app

# Pinned dependencies first, so this layer is cached until requirements/base.txt changes.
COPY requirements/base.txt requirements/base.txt
RUN pip install -r requirements/base.txt

# The app itself, editable so that the settings find templates, static files and
# fixtures in /app.
COPY . .
RUN pip install --no-deps -e .

# collectstatic imports the settings, which require SECRET_KEY. This step alone gets a
# throwaway key: the build argument if one is given, else a random one. It is not kept
# in the image's environment; the running container must be given its own SECRET_KEY.
ARG COLLECTSTATIC_SECRET_KEY=""
RUN SECRET_KEY="${COLLECTSTATIC_SECRET_KEY:-$(python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
    python manage.py collectstatic --noinput --verbosity 0

USER app

EXPOSE 8000

ENTRYPOINT ["/bin/sh", "-c", "if [ \"$#\" -gt 0 ]; then exec \"$@\"; fi; python manage.py migrate --noinput && exec gunicorn config.wsgi:application --bind \"0.0.0.0:${PORT}\" --workers \"${WEB_CONCURRENCY}\" --access-logfile - --error-logfile -", "entrypoint"]
