"""Two partial indexes for the admin's front page, which lists the newest of a few rows
among many: the attributions whose quote was not found in their source (a quote given, no
position), and the retracted statements by their last change (their retraction). Without
them each list reads every attribution, or every retracted statement's row."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0011_suggestion_decisions"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="attribution",
            index=models.Index(
                condition=models.Q(("quote_start__isnull", True), models.Q(("quote_exact", ""), _negated=True)),
                fields=["id"],
                name="attribution_unanchored_ids",
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(
                condition=models.Q(("status", "retracted")),
                fields=["updated_at", "id"],
                name="statement_retracted_updates",
            ),
        ),
    ]
