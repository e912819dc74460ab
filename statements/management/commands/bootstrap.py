"""First-run setup for `make run`: seed an empty database, create the admin, print the URLs.

Idempotent: a database that already has statements is not seeded again, and an existing
superuser is left alone. The generated admin password is printed once and stored nowhere.
"""

import secrets
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from statements.models import Statement

SEED_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "seed_article.json"
ADMIN_USERNAME = "admin"


def _shown(path: Path) -> str:
    """``path`` relative to the project folder when it is inside it."""
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


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
                call_command("loaddata", SEED_FIXTURE, verbosity=0)
                # loaddata saves rows raw, past the services that keep the search index.
                call_command("rebuild_search_index", verbosity=0)
                # Fixtures load with raw saves, which simple-history does not record:
                # give every seeded row its initial history entry.
                # (It notes on stderr each model that already has history: not news here.)
                call_command("populate_history", auto=True, verbosity=0, stderr=StringIO())
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
                    "Create one with `python manage.py createsuperuser`."
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
        if password is not None:
            lines += [
                f"  Sign in to the admin as user: {username}",
                f"  Password: {password}",
                "  (shown only this once and stored nowhere: note it now;",
                f"   reset it any time with `python manage.py changepassword {username}`)",
            ]
        else:
            lines += [
                f"  Sign in to the admin as user {username!r} with the password printed on",
                "  first run; reset it with",
                f"  `python manage.py changepassword {username}`.",
            ]
        lines += [rule, ""]
        self.stdout.write("\n".join(lines))
