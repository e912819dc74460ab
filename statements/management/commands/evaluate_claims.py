"""``manage.py evaluate_claims``: the same_claim candidates scored on labelled pairs."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.claims.evaluation import PAIRS, evaluate, load_pairs, report


class Command(BaseCommand):
    help = (
        "Ask each labelled statement (fixtures/claims/pairs.json by default) for its best "
        "same_claim candidate among the others, on the database in use (nothing stays "
        "written), and print the precision and recall at top-1. With --min-precision, exits "
        "non-zero when the precision is lower."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pairs", type=Path, default=PAIRS, help="labelled pairs (JSON)")
        parser.add_argument("--threshold", type=float, help="score a candidate needs")
        parser.add_argument("--min-precision", type=float, help="fail when precision is lower")
        parser.add_argument("--details", action="store_true", help="also list the wrong ones")

    def handle(self, *args, pairs: Path, threshold, min_precision, details: bool, **options):
        if not pairs.is_file():
            raise CommandError(f"No such file: {pairs}")
        score = evaluate(load_pairs(pairs), minimum=threshold)
        self.stdout.write(report(score))
        if details:
            for key, other, value in score.wrong:
                self.stdout.write(f"  wrong  {key} -> {other} ({value:.3f})")
        if min_precision is not None and score.precision < min_precision:
            raise CommandError(f"Precision at top-1 {score.precision:.3f} < {min_precision}")
