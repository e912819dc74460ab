"""``manage.py suggest_attributions SOURCE_ID``: the attributions the rules suggest for a source."""

import json

from django.core.management.base import BaseCommand, CommandError

from statements.models import Source
from statements.suggestions.selectors import source_suggestions

EXACT_WIDTH = 70


class Command(BaseCommand):
    help = (
        "Print the attributions suggested for a source's body (speaker, quote, mode, speech "
        "act, verb, confidence), matching speakers against the existing ones. Saves nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("source_id", type=int, help="the source's id")
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")

    def handle(self, *args, source_id: int, json: bool, **options):
        source = Source.objects.filter(pk=source_id).first()
        if source is None:
            raise CommandError(f"No source with id {source_id}.")
        suggestions = source_suggestions(source)
        if json:
            self.stdout.write(_dumps([s.as_dict() for s in suggestions]))
            return
        self.stdout.write(f"Source {source.pk}: {source.title}")
        self.stdout.write(f"{len(suggestions)} suggested attribution(s)\n")
        header = (
            f"{'#':>3}  {'speaker':<30} {'mode':<12} {'speech act':<10} {'verb':<18} conf  quote"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for number, s in enumerate(suggestions, start=1):
            speaker = s.speaker_name if s.speaker_id else f"{s.speaker_name} (new {s.speaker_kind})"
            exact = s.exact if len(s.exact) <= EXACT_WIDTH else s.exact[: EXACT_WIDTH - 1] + "…"
            self.stdout.write(
                f"{number:>3}  {speaker[:30]:<30} {s.mode:<12} {s.speech_act:<10} "
                f"{s.verb[:18]:<18} {s.confidence:.2f}  [{s.start}:{s.end}] {exact}"
            )


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
