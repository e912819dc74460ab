"""Each attribution's anchor status and the digest of the body its quote was anchored in.

Depends on 0011 for now: the change feed's migration (0012) lands beside it.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def mark_anchored_quotes(apps, schema_editor):
    """The quotes placed so far were anchored in their source's present body."""
    Attribution = apps.get_model("statements", "Attribution")
    Source = apps.get_model("statements", "Source")
    digest = Source.objects.filter(pk=OuterRef("source_id")).values("body_sha256")[:1]
    Attribution.objects.filter(quote_start__isnull=False).update(
        quote_status="anchored", quote_body_sha256=Subquery(digest)
    )


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0012_dashboard_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='attribution',
            name='quote_body_sha256',
            field=models.CharField(blank=True, db_default='', default='', max_length=64),
        ),
        migrations.AddField(
            model_name='attribution',
            name='quote_status',
            field=models.CharField(choices=[('anchored', 'Anchored'), ('reanchored', 'Re-anchored'), ('orphaned', 'Orphaned'), ('unanchored', 'Unanchored')], db_default='unanchored', db_index=True, default='unanchored', max_length=12),
        ),
        migrations.AddField(
            model_name='historicalattribution',
            name='quote_body_sha256',
            field=models.CharField(blank=True, db_default='', default='', max_length=64),
        ),
        migrations.AddField(
            model_name='historicalattribution',
            name='quote_status',
            field=models.CharField(choices=[('anchored', 'Anchored'), ('reanchored', 'Re-anchored'), ('orphaned', 'Orphaned'), ('unanchored', 'Unanchored')], db_default='unanchored', default='unanchored', max_length=12),
        ),
        migrations.AddConstraint(
            model_name='attribution',
            constraint=models.CheckConstraint(condition=models.Q(('quote_status__in', ['anchored', 'reanchored', 'orphaned', 'unanchored'])), name='attribution_quote_status_valid'),
        ),
        migrations.RunPython(mark_anchored_quotes, migrations.RunPython.noop),
    ]
