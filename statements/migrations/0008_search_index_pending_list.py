"""PostgreSQL: a short pending list for the search index.

GIN defers new entries to an unsorted pending list (``fastupdate``) that every search reads
whole before the index proper, until the list outgrows ``gin_pending_list_limit`` (4 MB by
default) or a vacuum merges it. At a million statements a full list cost each search about
five milliseconds more than the index itself (1,514 buffers read where a merged index reads
62). 256 kB bounds that cost at about 32 pages while writes still go to the list in
batches; bulk writes merge it when they end (``SearchBackend.optimize``). Nothing changes
on SQLite.
"""

from django.db import migrations

INDEX = "statements_searchdocument_vector_block"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX} SET (gin_pending_list_limit = 256)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX} RESET (gin_pending_list_limit)")


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0007_leaner_indexes"),
    ]

    operations = [migrations.RunPython(forward, backward)]
