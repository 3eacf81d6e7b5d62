"""The full-text index over ``Document.search_text``, in each database's own form.

SQLite: an FTS5 table keyed by the document id (kept in step by ``documents.search``).
PostgreSQL: a GIN index over ``to_tsvector('simple', search_text)``, the expression the search
query uses. The column already
holds folded text, so the 'simple' configuration (no stemming, no stop words) is right for
Vietnamese.
"""

from django.db import migrations


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
            "search_text, tokenize = 'unicode61 remove_diacritics 0')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS documents_document_search_gin ON documents_document "
            "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))"
        )


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS documents_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS documents_document_search_gin")


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
