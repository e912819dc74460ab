"""A partial index of the attributions whose quote was not found in their source (a quote
given, no position): the admin's front page lists the newest and counts them, which without
it reads every attribution (a million rows at the benchmark's size)."""

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
    ]
