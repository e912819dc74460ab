"""``manage.py restore FILE``: restore a dump (``manage.py dump``) into an empty database."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from statements.transfer.dump import RestoreError, restore_lines


class Command(BaseCommand):
    help = (
        "Restore a dump written by `manage.py dump` into an empty, migrated database, with "
        "the same ids, in one transaction; then rebuild the search index. Refuses a database "
        "that already holds data."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the NDJSON file written by dump")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        started = time.monotonic()
        show = not options["no_progress"] and options["verbosity"] > 0
        # The bar's total: the lines but the header (reading the file twice costs little).
        total = None
        if show:
            with file.open("rb") as counted:
                total = sum(1 for _ in counted) - 1
        with file.open("rb") as lines, tqdm(total=total, unit="obj", disable=not show) as bar:
            try:
                counts = restore_lines(lines, progress=bar.update)
            except RestoreError as error:
                raise CommandError(str(error)) from None
        restored = ", ".join(f"{count} {kind}s" for kind, count in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Restored {restored} in {time.monotonic() - started:.1f} s.")
        )
