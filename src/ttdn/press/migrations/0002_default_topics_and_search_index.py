"""The default topic taxonomy, and a trigram index for the article search on PostgreSQL.

The search filters ``search_text`` with LIKE '%…%' (see ``ttdn.press.query``); on PostgreSQL a
GIN trigram index serves those patterns. SQLite scans (fine at the embedded scale).
"""

from django.db import migrations

from ttdn.press.taxonomy import load_default_topics


def load(apps, schema_editor):
    load_default_topics(apps.get_model("press", "Topic"))


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS press_article_search_trgm ON press_article "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS press_article_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("press", "0001_initial")]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
