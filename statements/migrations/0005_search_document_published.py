from django.db import migrations, models

# Added in place, by hand: Django would rebuild the table on SQLite (its way to add a NOT
# NULL column), which drops the triggers that keep the FTS5 index (migration 0003).
ADD_COLUMN = {
    "postgresql": [
        "ALTER TABLE statements_searchdocument ADD COLUMN published boolean NOT NULL DEFAULT false",
        "ALTER TABLE statements_searchdocument ALTER COLUMN published DROP DEFAULT",
    ],
    "sqlite": [
        "ALTER TABLE statements_searchdocument ADD COLUMN published bool NOT NULL DEFAULT 0",
    ],
}


def add_column(apps, schema_editor):
    for sql in ADD_COLUMN[schema_editor.connection.vendor]:
        schema_editor.execute(sql)


def drop_column(apps, schema_editor):
    schema_editor.execute("ALTER TABLE statements_searchdocument DROP COLUMN published")


def copy_visibility(apps, schema_editor):
    documents = apps.get_model("statements", "SearchDocument").objects
    documents.filter(statement__status="published").update(published=True)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0004_content_generation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="searchdocument",
                    name="published",
                    field=models.BooleanField(default=False),
                ),
            ],
            database_operations=[migrations.RunPython(add_column, drop_column)],
        ),
        migrations.RunPython(copy_visibility, migrations.RunPython.noop),
    ]
