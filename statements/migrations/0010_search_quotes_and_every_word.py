"""Search: the attributions' quoted words, and every word on PostgreSQL as on SQLite.

- A ``quotes`` column on the search documents: the attributions' quoted words (each
  distinct quote once, in the order of the attributions), weighted between the statement's
  text and its speakers' names.
- PostgreSQL searches with ``statements_english``: English stemming without stop words
  ("WHO", "IT", "The Who", "Will" were dropped by ``english``) and accents folded (unaccent,
  as SQLite's ``remove_diacritics``). The vector is built from the text with the
  punctuation that PostgreSQL's parser joins words with (``U.S.``, ``e-mail``,
  ``example.org``, ``3.5``, typographic quotes in a C locale) read as spaces, so that it
  holds the words SQLite's tokenizer and the query parser see. Weights: text A, quotes B,
  speakers C, sources D. The generated column is added again, which computes every
  document's vector: no separate rebuild is needed.
- SQLite: the FTS5 table is created again with the quotes column, and filled.
- The highlighters' marks (``statements.search.base``) are taken out of the documents'
  text, so that a statement's text cannot forge them.
- The cached search answers are retired (the content generation grows).
"""

from django.db import migrations, models

INDEX = "statements_searchdocument_vector_block"
CONFIG = "statements_english"
# Each a space: the characters PostgreSQL's parser makes compound words with (hosts,
# files, e-mails, URLs, versions, numbers, hyphenated words, tags, entities), and the
# typographic punctuation that a database in the C locale would read as letters. A regular
# expression: translate() with these costs ten times as much.
JOINERS = "[./@:_~+<>&;’‘‛“”„–—‐‑‒―…«»-]"


def _words(column: str) -> str:
    words = f"regexp_replace({column}, '{JOINERS}', ' ', 'g')"
    return f"to_tsvector('{CONFIG}'::regconfig, {words})"


# Each quote once, in the order of its first attribution (statements.search.indexing).
POSTGRESQL_QUOTES = """
COALESCE((
    SELECT string_agg(quote.quote_exact, E'\\n' ORDER BY quote.id)
    FROM (
        SELECT quote_exact, min(id) AS id FROM statements_attribution
        WHERE statement_id = statements_searchdocument.statement_id AND quote_exact <> ''
        GROUP BY quote_exact
    ) AS quote
), '')
"""
SQLITE_QUOTES = """
COALESCE((
    SELECT group_concat(quote_exact, char(10)) FROM (
        SELECT quote_exact, min(id) AS id FROM statements_attribution
        WHERE statement_id = statements_searchdocument.statement_id AND quote_exact <> ''
        GROUP BY quote_exact ORDER BY id
    )
), '')
"""

POSTGRESQL_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"CREATE TEXT SEARCH DICTIONARY {CONFIG}_stem (TEMPLATE = snowball, Language = english)",
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english)",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR "
    f"asciiword, asciihword, hword_asciipart, word, hword, hword_part "
    f"WITH unaccent, {CONFIG}_stem",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR "
    f"numword, numhword, hword_numpart WITH unaccent, simple",
    # Dropped first, so that filling the quotes does not compute the old vectors again.
    "ALTER TABLE statements_searchdocument DROP COLUMN search_vector",
    "ALTER TABLE statements_searchdocument ADD COLUMN quotes text NOT NULL DEFAULT ''",
    "ALTER TABLE statements_searchdocument ALTER COLUMN quotes DROP DEFAULT",
    f"UPDATE statements_searchdocument SET quotes = {POSTGRESQL_QUOTES}, "
    "text = replace(replace(text, E'\\x02', ' '), E'\\x03', ' ')",
    f"""
    ALTER TABLE statements_searchdocument ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight({_words("text")}, 'A')
        || setweight({_words("quotes")}, 'B')
        || setweight({_words("speakers")}, 'C')
        || setweight({_words("sources")}, 'D')
    ) STORED
    """,
    # As migrations 0006 and 0008 made it.
    f"CREATE INDEX {INDEX} ON statements_searchdocument "
    "USING gin (search_vector, (statement_id / 16384)) WITH (gin_pending_list_limit = 256)",
    "ANALYZE statements_searchdocument",
]
POSTGRESQL_BACKWARD = [
    "ALTER TABLE statements_searchdocument DROP COLUMN search_vector",
    "ALTER TABLE statements_searchdocument DROP COLUMN quotes",
    """
    ALTER TABLE statements_searchdocument ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, text), 'A')
        || setweight(to_tsvector('english'::regconfig, speakers), 'B')
        || setweight(to_tsvector('english'::regconfig, sources), 'C')
    ) STORED
    """,
    f"CREATE INDEX {INDEX} ON statements_searchdocument "
    "USING gin (search_vector, (statement_id / 16384)) WITH (gin_pending_list_limit = 256)",
    f"DROP TEXT SEARCH CONFIGURATION {CONFIG}",
    f"DROP TEXT SEARCH DICTIONARY {CONFIG}_stem",
]


def _sqlite_fts(columns: list[str]) -> list[str]:
    """The FTS5 table of the documents over ``columns`` and its triggers (migration 0003)."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    table = "statements_searchdocument_fts"
    return [
        f"""
        CREATE VIRTUAL TABLE {table} USING fts5(
            {names},
            content='statements_searchdocument', content_rowid='statement_id',
            tokenize='porter unicode61 remove_diacritics 2'
        )
        """,
        f"""
        CREATE TRIGGER {table}_insert AFTER INSERT ON statements_searchdocument BEGIN
            INSERT INTO {table}(rowid, {names}) VALUES (new.statement_id, {new});
        END
        """,
        f"""
        CREATE TRIGGER {table}_delete AFTER DELETE ON statements_searchdocument BEGIN
            INSERT INTO {table}({table}, rowid, {names})
            VALUES ('delete', old.statement_id, {old});
        END
        """,
        f"""
        CREATE TRIGGER {table}_update AFTER UPDATE ON statements_searchdocument BEGIN
            INSERT INTO {table}({table}, rowid, {names})
            VALUES ('delete', old.statement_id, {old});
            INSERT INTO {table}(rowid, {names}) VALUES (new.statement_id, {new});
        END
        """,
        f"INSERT INTO {table}({table}) VALUES ('rebuild')",
    ]


SQLITE_DROP_FTS = [
    "DROP TRIGGER statements_searchdocument_fts_insert",
    "DROP TRIGGER statements_searchdocument_fts_delete",
    "DROP TRIGGER statements_searchdocument_fts_update",
    "DROP TABLE statements_searchdocument_fts",
]
SQLITE_FORWARD = [
    *SQLITE_DROP_FTS,
    # Added in place, by hand: Django would rebuild the table (see migration 0005).
    "ALTER TABLE statements_searchdocument ADD COLUMN quotes text NOT NULL DEFAULT ''",
    f"UPDATE statements_searchdocument SET quotes = {SQLITE_QUOTES}, "
    "text = replace(replace(text, char(2), ' '), char(3), ' ')",
    *_sqlite_fts(["text", "speakers", "sources", "quotes"]),
]
SQLITE_BACKWARD = [
    *SQLITE_DROP_FTS,
    "ALTER TABLE statements_searchdocument DROP COLUMN quotes",
    *_sqlite_fts(["text", "speakers", "sources"]),
]

ENGINES = {
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
}


def forward(apps, schema_editor):
    for sql in ENGINES.get(schema_editor.connection.vendor, ([], []))[0]:
        schema_editor.execute(sql)
    # Searches find more now: retire the cached answers (statements.generation).
    generations = apps.get_model("statements", "ContentGeneration").objects
    generations.filter(pk=1).update(value=models.F("value") + 1)


def backward(apps, schema_editor):
    for sql in ENGINES.get(schema_editor.connection.vendor, ([], []))[1]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0009_text_limits_and_validators"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="searchdocument",
                    name="quotes",
                    field=models.TextField(blank=True),
                ),
            ],
            database_operations=[migrations.RunPython(forward, backward)],
        ),
    ]
