"""``manage.py import_statements FILE.ndjson``: bulk import of exported statements."""

import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from statements.transfer.imports import DEFAULT_BATCH_SIZE, ImportLineError, import_lines


class Command(BaseCommand):
    help = (
        "Import statements with their attributions from NDJSON lines as the export writes "
        "them (GET /api/v1/statements/export/?format=ndjson). One transaction per batch; "
        "running it again skips what is already imported (see statements/transfer/imports/ for "
        "the natural keys)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the NDJSON file ('-' is not supported)")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"lines per transaction (default {DEFAULT_BATCH_SIZE})",
        )
        parser.add_argument(
            "--user", help="username recorded in the history as the author of the import"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, file: Path, batch_size: int, user: str | None, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        author = None
        if user:
            try:
                author = get_user_model().objects.get(username=user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"No user named {user!r}.") from None
        started = time.perf_counter()
        bar = tqdm(
            total=file.stat().st_size,
            unit="B",
            unit_scale=True,
            desc="import",
            disable=options["no_progress"] or options["verbosity"] == 0,
        )
        lines_done = 0

        def progress(size: int, lines: int) -> None:
            nonlocal lines_done
            lines_done += lines
            bar.update(size)
            bar.set_postfix(lines=lines_done, refresh=False)

        with bar, file.open("rb") as stream:
            try:
                result = import_lines(stream, user=author, batch_size=batch_size, progress=progress)
            except ImportLineError as error:
                raise CommandError(
                    f"{file}: {error}\nNothing of that line's batch was written; the "
                    f"{lines_done} line(s) before it were. Fix the line and run the command "
                    "again: what is already imported is skipped."
                ) from None
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Imported {result.imported} statement(s), skipped {result.skipped} already "
            f"present; created {result.speakers_created} speaker(s) and "
            f"{result.sources_created} source(s); {elapsed:.1f} s "
            f"({(result.imported + result.skipped) / elapsed if elapsed else 0:,.0f} lines/s)."
        )
