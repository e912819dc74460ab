"""``manage.py evaluate_suggestions GOLD.json …``: suggestions scored against gold attributions."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.suggestions.evaluation import evaluate, load_gold, markdown_table


class Command(BaseCommand):
    help = (
        "Score the suggested attributions of each gold article against its hand-checked "
        "attributions and print a Markdown table: precision, recall and F1 of (speaker, quote) "
        "pairs (same speaker, spans overlapping by at least half of the shorter one), and the "
        "accuracy of mode, speech act and verb on the matched pairs. With --min-f1 or "
        "--min-speech-act, exits non-zero when an article falls below."
    )

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="+", type=Path, help="gold files (JSON)")
        parser.add_argument("--min-f1", type=float, help="fail when an article's F1 is lower")
        parser.add_argument(
            "--min-speech-act",
            type=float,
            help="fail when an article's speech-act accuracy on matched pairs is lower",
        )
        parser.add_argument(
            "--details", action="store_true", help="also list the misses and the extras"
        )

    def handle(self, *args, gold: list[Path], min_f1, min_speech_act, details: bool, **options):
        missing = [str(path) for path in gold if not path.is_file()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}")
        scores = [evaluate(load_gold(path)) for path in gold]
        self.stdout.write(markdown_table(scores))
        if details:
            for score in scores:
                self.stdout.write(f"\n{score.article}:")
                for miss in score.misses:
                    self.stdout.write(f"  missed  {miss.speaker} [{miss.start}:{miss.end}]")
                for extra in score.extras:
                    self.stdout.write(f"  extra   {extra.speaker_name} [{extra.start}:{extra.end}]")
        failures = []
        for score in scores:
            if min_f1 is not None and score.f1 < min_f1:
                failures.append(f"{score.article}: F1 {score.f1:.2f} < {min_f1}")
            if min_speech_act is not None and score.speech_act_accuracy < min_speech_act:
                failures.append(
                    f"{score.article}: speech-act accuracy "
                    f"{score.speech_act_accuracy:.2f} < {min_speech_act}"
                )
        if failures:
            raise CommandError("Below target: " + "; ".join(failures))
