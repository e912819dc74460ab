"""Full-text search: the search documents, and each engine's index over them.

The model state is the same on every engine (so makemigrations is clean on both); the
database side branches on the engine of the connection being migrated:

- PostgreSQL: a generated, weighted ``search_vector`` tsvector column (A: statement text,
  B: speakers' names and aliases, C: sources' titles and publishers) with a GIN index, and
  pg_trgm with a trigram index on speakers' names and aliases for misspelt names.
- SQLite: an FTS5 table over the same three columns (porter stemming, diacritics folded)
  kept in step with the documents by triggers, and an FTS5 trigram table of speakers'
  names and aliases kept in step with the speakers the same way.

The documents of existing statements are written at the end, so a database migrated
with data in it is searchable at once.
"""

import django.db.models.deletion
from django.db import migrations, models

POSTGRESQL = [
    (
        """
        ALTER TABLE statements_searchdocument ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, text), 'A')
            || setweight(to_tsvector('english'::regconfig, speakers), 'B')
            || setweight(to_tsvector('english'::regconfig, sources), 'C')
        ) STORED
        """,
        "ALTER TABLE statements_searchdocument DROP COLUMN search_vector",
    ),
    (
        "CREATE INDEX statements_searchdocument_vector ON statements_searchdocument "
        "USING gin (search_vector)",
        "DROP INDEX statements_searchdocument_vector",
    ),
    ("CREATE EXTENSION IF NOT EXISTS pg_trgm", None),
    (
        # GiST rather than GIN: it answers "the nearest names" (ORDER BY <<->) from the index.
        "CREATE INDEX statements_speaker_names_trgm ON statements_speaker "
        "USING gist ((name || ' ' || aliases::text) gist_trgm_ops)",
        "DROP INDEX statements_speaker_names_trgm",
    ),
]

SQLITE = [
    (
        """
        CREATE VIRTUAL TABLE statements_searchdocument_fts USING fts5(
            text, speakers, sources,
            content='statements_searchdocument', content_rowid='statement_id',
            tokenize='porter unicode61 remove_diacritics 2'
        )
        """,
        "DROP TABLE statements_searchdocument_fts",
    ),
    (
        """
        CREATE TRIGGER statements_searchdocument_fts_insert
        AFTER INSERT ON statements_searchdocument BEGIN
            INSERT INTO statements_searchdocument_fts(rowid, text, speakers, sources)
            VALUES (new.statement_id, new.text, new.speakers, new.sources);
        END
        """,
        "DROP TRIGGER statements_searchdocument_fts_insert",
    ),
    (
        """
        CREATE TRIGGER statements_searchdocument_fts_delete
        AFTER DELETE ON statements_searchdocument BEGIN
            INSERT INTO statements_searchdocument_fts(
                statements_searchdocument_fts, rowid, text, speakers, sources
            ) VALUES ('delete', old.statement_id, old.text, old.speakers, old.sources);
        END
        """,
        "DROP TRIGGER statements_searchdocument_fts_delete",
    ),
    (
        """
        CREATE TRIGGER statements_searchdocument_fts_update
        AFTER UPDATE ON statements_searchdocument BEGIN
            INSERT INTO statements_searchdocument_fts(
                statements_searchdocument_fts, rowid, text, speakers, sources
            ) VALUES ('delete', old.statement_id, old.text, old.speakers, old.sources);
            INSERT INTO statements_searchdocument_fts(rowid, text, speakers, sources)
            VALUES (new.statement_id, new.text, new.speakers, new.sources);
        END
        """,
        "DROP TRIGGER statements_searchdocument_fts_update",
    ),
    (
        "CREATE VIRTUAL TABLE statements_speaker_trigrams USING fts5(names, tokenize='trigram')",
        "DROP TABLE statements_speaker_trigrams",
    ),
    (
        """
        CREATE TRIGGER statements_speaker_trigrams_insert
        AFTER INSERT ON statements_speaker BEGIN
            INSERT INTO statements_speaker_trigrams(rowid, names)
            VALUES (new.id, new.name || ' ' || new.aliases);
        END
        """,
        "DROP TRIGGER statements_speaker_trigrams_insert",
    ),
    (
        """
        CREATE TRIGGER statements_speaker_trigrams_delete
        AFTER DELETE ON statements_speaker BEGIN
            DELETE FROM statements_speaker_trigrams WHERE rowid = old.id;
        END
        """,
        "DROP TRIGGER statements_speaker_trigrams_delete",
    ),
    (
        """
        CREATE TRIGGER statements_speaker_trigrams_update
        AFTER UPDATE OF name, aliases ON statements_speaker BEGIN
            UPDATE statements_speaker_trigrams SET names = new.name || ' ' || new.aliases
            WHERE rowid = new.id;
        END
        """,
        "DROP TRIGGER statements_speaker_trigrams_update",
    ),
    (
        "INSERT INTO statements_speaker_trigrams(rowid, names) "
        "SELECT id, name || ' ' || aliases FROM statements_speaker",
        None,
    ),
]

ENGINES = {"postgresql": POSTGRESQL, "sqlite": SQLITE}


def create_index(apps, schema_editor):
    for forward, _ in ENGINES.get(schema_editor.connection.vendor, []):
        schema_editor.execute(forward)


def drop_index(apps, schema_editor):
    for _, backward in reversed(ENGINES.get(schema_editor.connection.vendor, [])):
        if backward:
            schema_editor.execute(backward)


def index_existing_statements(apps, schema_editor):
    # The rules of statements.search.indexing, restated over the historical models.
    statement_model = apps.get_model("statements", "Statement")
    attribution_model = apps.get_model("statements", "Attribution")
    document_model = apps.get_model("statements", "SearchDocument")
    speakers: dict[int, dict[int, str]] = {}
    sources: dict[int, dict[int, str]] = {}
    attributions = attribution_model.objects.select_related("speaker", "source").order_by("id")
    for attribution in attributions.iterator():
        speaker, source = attribution.speaker, attribution.source
        names = "\n".join([speaker.name, *(speaker.aliases or [])])
        speakers.setdefault(attribution.statement_id, {})[speaker.pk] = names
        sources.setdefault(attribution.statement_id, {})[source.pk] = "\n".join(
            part for part in (source.title, source.publisher) if part
        )
    documents = [
        document_model(
            statement_id=pk,
            text=text,
            speakers="\n".join(speakers.get(pk, {}).values()),
            sources="\n".join(sources.get(pk, {}).values()),
        )
        for pk, text in statement_model.objects.values_list("pk", "text").iterator()
    ]
    document_model.objects.bulk_create(documents, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "statement",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="statements.statement",
                    ),
                ),
                ("text", models.TextField()),
                ("speakers", models.TextField(blank=True)),
                ("sources", models.TextField(blank=True)),
            ],
            options={"verbose_name": "search document"},
        ),
        migrations.CreateModel(
            name="SearchDocumentFTS",
            fields=[
                (
                    "statement",
                    models.OneToOneField(
                        db_column="rowid",
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_fts",
                        serialize=False,
                        to="statements.statement",
                    ),
                ),
                ("match", models.TextField(db_column="statements_searchdocument_fts")),
            ],
            options={"db_table": "statements_searchdocument_fts", "managed": False},
        ),
        migrations.RunPython(create_index, drop_index),
        migrations.RunPython(index_existing_statements, migrations.RunPython.noop),
    ]
