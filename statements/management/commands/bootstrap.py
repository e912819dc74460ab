"""First-run setup for `make run`: seed an empty database, create the admin, print the URLs.

Idempotent: a database that already has statements is not seeded again, and an existing
superuser is left alone. The generated admin password is printed once and stored nowhere.
"""

import secrets
import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models.signals import pre_save
from django.utils import timezone
from simple_history.utils import get_m2m_field_name

from statements import changes
from statements.claims import keys as claim_keys
from statements.models import Statement

SEED_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "seed_article.json"
ADMIN_USERNAME = "admin"


SEED_REASON = "Loaded with the seed article."


def _shown(path: Path) -> str:
    """``path`` relative to the project folder when it is inside it."""
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


def manage_command(*arguments: str) -> str:
    """The shell command that runs ``manage.py <arguments>`` from the project folder.

    Inside a virtual environment (``make`` uses .venv), a bare ``python`` is another
    interpreter, without the project's packages, in any shell that has not activated it:
    the command names this interpreter instead."""
    python = "python"
    if sys.prefix != sys.base_prefix:
        executable = Path(sys.executable)
        try:
            python = str(executable.relative_to(settings.BASE_DIR))
        except ValueError:
            python = str(executable)
    return shlex.join([python, "manage.py", *arguments])


@contextmanager
def _load_unrecorded() -> Iterator[None]:
    """While a fixture loads, record no history of it.

    loaddata saves rows raw, which the history library skips, and then sets their
    many-to-many fields, which it records: a statement's first entry would be a "change"
    (its topics) of a row never recorded as created, with every old value null. Marking
    each raw-saved instance skips those too; ``_record_creation`` then writes the real
    first entries."""

    def mark(sender, instance, raw=False, **kwargs) -> None:
        if raw:
            instance.skip_history_when_saving = True

    uid = "bootstrap.load_unrecorded"
    pre_save.connect(mark, weak=False, dispatch_uid=uid)
    try:
        yield
    finally:
        pre_save.disconnect(dispatch_uid=uid)


def _record_creation() -> None:
    """Give every row without history its "created" entry, as saving it would have.

    simple-history's bulk entries (populate_history) leave out many-to-many values, so those
    (a statement's topics) are copied into the entry here."""
    now = timezone.now()
    for model in apps.get_app_config("statements").get_models():
        manager = getattr(model._meta, "simple_history_manager_attribute", None)
        if manager is None:
            continue
        history = getattr(model, manager)
        pk = model._meta.pk.attname
        missing = list(model._default_manager.exclude(**{f"{pk}__in": history.values(pk)}))
        if not missing:
            continue
        records = history.bulk_history_create(
            missing, default_date=now, default_change_reason=SEED_REASON
        )
        record_of = {getattr(record, pk): record for record in records}
        for field in history.model._history_m2m_fields:
            through = field.remote_field.through
            (versions,) = (
                rel.related_model
                for rel in history.model._meta.related_objects
                if getattr(rel.related_model, "instance_type", None) is through
            )
            owner = get_m2m_field_name(field)
            rows = through._default_manager.filter(**{f"{owner}__in": missing})
            versions._default_manager.bulk_create(
                versions(
                    history=record_of[getattr(row, f"{owner}_id")],
                    **{
                        column.attname: getattr(row, column.attname)
                        for column in through._meta.fields
                    },
                )
                for row in rows
            )


class Command(BaseCommand):
    help = (
        "First-run setup: load the seed article into an empty database, create the "
        f'superuser "{ADMIN_USERNAME}" with a generated password if there is no superuser, '
        "and print the URLs to open. Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-seed", action="store_true", help="Do not load the seed article.")
        parser.add_argument("--host", default="127.0.0.1", help="Host shown in the printed URLs.")
        parser.add_argument("--port", default="8000", help="Port shown in the printed URLs.")

    def handle(self, *args, **options) -> None:
        if not options["no_seed"]:
            self._seed()
        username, password = self._ensure_superuser()
        self._banner(options["host"], str(options["port"]), username, password)

    # --- Seed --------------------------------------------------------------------------------

    def _seed(self) -> None:
        if Statement.objects.exists():
            self.stdout.write("Seed: the database already has statements; nothing loaded.")
            return
        if not SEED_FIXTURE.is_file():
            self.stdout.write(
                self.style.WARNING(
                    f"Seed: {_shown(SEED_FIXTURE)} does not exist "
                    "(yet); starting with an empty database."
                )
            )
            return
        try:
            with transaction.atomic():
                with _load_unrecorded():
                    call_command("loaddata", SEED_FIXTURE, verbosity=0)
                # loaddata saves rows raw, past the services that keep the search index
                # and the claims' keys.
                call_command("rebuild_search_index", verbosity=0)
                claim_keys.rebuild()
                _record_creation()
                changes.record_unrecorded()  # and in the change feed
        except Exception as error:
            raise CommandError(
                f"Loading {SEED_FIXTURE.name} failed: {error}\n"
                "Nothing was loaded. Run with --no-seed to skip the seed."
            ) from error
        count = Statement.objects.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Seed: loaded {_shown(SEED_FIXTURE)} "
                f"({count} statement{'s' if count != 1 else ''})."
            )
        )

    # --- Superuser ---------------------------------------------------------------------------

    def _ensure_superuser(self) -> tuple[str, str | None]:
        """Create the admin if there is no superuser.

        Return the username to sign in with, and the new password (None if none was made).
        """
        user_model = get_user_model()
        existing = (
            user_model._default_manager.filter(is_superuser=True)
            .order_by("pk")
            .values_list(user_model.USERNAME_FIELD, flat=True)
            .first()
        )
        if existing is not None:
            return existing, None
        if user_model._default_manager.filter(
            **{user_model.USERNAME_FIELD: ADMIN_USERNAME}
        ).exists():
            self.stdout.write(
                self.style.WARNING(
                    f'A user "{ADMIN_USERNAME}" exists but is not a superuser; none was created. '
                    f"Create one with `{manage_command('createsuperuser')}`."
                )
            )
            return ADMIN_USERNAME, None
        password = secrets.token_urlsafe(12)
        user_model._default_manager.create_superuser(
            **{user_model.USERNAME_FIELD: ADMIN_USERNAME}, email="", password=password
        )
        self.stdout.write(self.style.SUCCESS(f'Created the superuser "{ADMIN_USERNAME}".'))
        return ADMIN_USERNAME, password

    # --- Banner ------------------------------------------------------------------------------

    def _banner(self, host: str, port: str, username: str, password: str | None) -> None:
        display_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
        base = f"http://{display_host}:{port}"
        rule = "=" * 72
        lines = [
            "",
            rule,
            "  Attributed is ready.",
            "",
            f"  API            {base}/api/v1/",
            f"  API docs       {base}/api/docs/   (Swagger UI)",
            f"                 {base}/api/redoc/  (Redoc)",
            f"  OpenAPI schema {base}/api/schema/",
            f"  Admin          {base}/admin/",
            f"  Health         {base}/healthz  and  {base}/readyz",
            "",
        ]
        reset = manage_command("changepassword", username)
        if password is not None:
            lines += [
                f"  Sign in to the admin as user: {username}",
                f"  Password: {password}",
                "  (shown only this once and stored nowhere: note it now; reset it any time",
                f"   with `{reset}`)",
            ]
        else:
            lines += [
                f"  Sign in to the admin as user {username!r} with the password printed on",
                "  first run; reset it with",
                f"  `{reset}`.",
            ]
        lines += [rule, ""]
        self.stdout.write("\n".join(lines))
