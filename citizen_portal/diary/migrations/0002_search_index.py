"""The GIN index behind the diary's Swedish full-text search, on PostgreSQL only (SQLite, the
demo's default, has no tsvector and searches with LIKE)."""

from django.db import migrations

INDEX = "diary_doc_search"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON diary_document USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("diary", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
