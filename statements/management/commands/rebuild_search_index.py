"""Rebuild the full-text search index from the data: after loaddata, a restore, or a bulk
import that bypassed the services."""

import time

from django.core.management.base import BaseCommand, CommandParser

from statements import search

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Rewrite the search document of every statement (and the engine's own index) from "
        "the data, with a progress bar: on PostgreSQL in one transaction, writing only the "
        "documents that differ; elsewhere batch by batch. Safe to run at any time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-progress", action="store_true", help="Print only the final line.")

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        show = not options["no_progress"] and options["verbosity"] > 0
        # A bar redrawn in place on a terminal; one line per batch in a log.
        tty = show and self.stdout.isatty()

        def progress(done: int, total: int) -> None:
            if not show:
                return
            filled = BAR_WIDTH * done // total if total else BAR_WIDTH
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            percent = 100 * done // total if total else 100
            line = f"Indexing [{bar}] {done}/{total} statements ({percent}%)"
            if tty:
                self.stdout.write(f"\r{line}", ending="")
                self.stdout.flush()
            else:
                self.stdout.write(line)

        total = search.rebuild(progress=progress)
        if tty:
            self.stdout.write("")
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Search index rebuilt: {total} statement{'s' if total != 1 else ''} "
                f"in {elapsed:.1f} s."
            )
        )
