"""The change feed (statements.changes): one row per committed change."""

from django.db import migrations, models

# The feed starts with what exists: one change for each speaker and source ("created"),
# and for each statement as it stands ("created" for a draft, public "published" or
# "retracted" otherwise), so that reading the feed from its start is a full sync. Their
# xid is 0: before every transaction that writes a change from now on.
BACKFILL = [
    """INSERT INTO statements_change (xid, at, kind, object_type, object_id, public, note)
    SELECT 0, created_at, 'created', '{kind}', id, 1 = 1, '' FROM statements_{kind}
    ORDER BY id""".format(kind=kind)
    for kind in ("speaker", "source")
] + [
    """INSERT INTO statements_change (xid, at, kind, object_type, object_id, public, note)
    SELECT 0, updated_at, CASE status WHEN 'draft' THEN 'created' ELSE status END,
        'statement', id, status <> 'draft',
        CASE status WHEN 'retracted' THEN retraction_reason ELSE '' END
    FROM statements_statement ORDER BY id"""
]


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0013_quote_anchor_status'),
    ]

    operations = [
        migrations.CreateModel(
            name='Change',
            fields=[
                ('id', models.BigAutoField(primary_key=True, serialize=False)),
                ('xid', models.BigIntegerField()),
                ('at', models.DateTimeField()),
                ('kind', models.CharField(choices=[('created', 'Created'), ('updated', 'Updated'), ('published', 'Published'), ('corrected', 'Corrected'), ('retracted', 'Retracted'), ('deleted', 'Deleted')], max_length=10)),
                ('object_type', models.CharField(choices=[('statement', 'Statement'), ('speaker', 'Speaker'), ('source', 'Source')], max_length=10)),
                ('object_id', models.BigIntegerField()),
                ('public', models.BooleanField()),
                ('note', models.TextField(blank=True)),
            ],
            options={
                'indexes': [models.Index(fields=['xid', 'id'], name='change_feed'), models.Index(condition=models.Q(('public', True)), fields=['xid', 'id'], name='change_feed_public')],
                'constraints': [models.CheckConstraint(condition=models.Q(('kind__in', ['created', 'updated', 'published', 'corrected', 'retracted', 'deleted'])), name='change_kind_valid'), models.CheckConstraint(condition=models.Q(('object_type__in', ['statement', 'speaker', 'source'])), name='change_object_valid')],
            },
        ),
        migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop),
    ]
