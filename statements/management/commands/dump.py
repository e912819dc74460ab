"""``manage.py dump FILE``: a backup of the data as NDJSON (statements/transfer/dump.py)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand
from tqdm import tqdm

from statements.transfer.dump import count_objects, dump_lines


class Command(BaseCommand):
    help = (
        "Write every object (topics, speakers, sources with their bodies, statements, "
        "attributions with their quotes, relations) with all its fields and its id, one a "
        "line, for `manage.py restore`. Published statements only, unless --all."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the NDJSON file to write")
        parser.add_argument(
            "--all",
            action="store_true",
            dest="include_unpublished",
            help="also drafts and retracted statements (a staff backup, not for the public)",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, file: Path, include_unpublished: bool, **options):
        started = time.monotonic()
        show = not options["no_progress"] and options["verbosity"] > 0
        total = count_objects(include_unpublished) if show else None
        written = 0
        with (
            file.open("wb") as out,
            tqdm(total=total, unit="obj", disable=not show, unit_scale=True) as bar,
        ):
            for line in dump_lines(include_unpublished):
                out.write(line)
                written += 1
                bar.update(1)
        scope = "all statements" if include_unpublished else "published statements"
        self.stdout.write(
            self.style.SUCCESS(
                f"Dumped {written - 1} objects ({scope}) to {file} "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
