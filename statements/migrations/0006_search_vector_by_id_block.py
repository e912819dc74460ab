"""PostgreSQL: the search vector indexed together with its statement's block of ids.

A block is 16,384 consecutive statement ids (``statement_id / 16384``). With the block in
the same GIN index (btree_gin), "the matches among the newest blocks" is answered by the
index alone, so the newest matches of a frequent word are found without reading every
match from the table (``statements.search.postgres``). The index replaces the GIN index of
the vector alone, which it serves as well. Nothing changes on SQLite.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "CREATE INDEX statements_searchdocument_vector_block ON statements_searchdocument "
    "USING gin (search_vector, (statement_id / 16384))",
    "DROP INDEX statements_searchdocument_vector",
]
BACKWARD = [
    "CREATE INDEX statements_searchdocument_vector ON statements_searchdocument "
    "USING gin (search_vector)",
    "DROP INDEX statements_searchdocument_vector_block",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0005_search_document_published"),
    ]

    operations = [migrations.RunPython(forward, backward)]
