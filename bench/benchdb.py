"""The database a benchmark runs on: a fresh PostgreSQL database or a throw-away SQLite file."""

from __future__ import annotations

import os
import tempfile


def configure(database: str, name: str, *, keep: bool = False) -> None:
    """Point Django at the benchmark's database, set it up and migrate it.

    ``database`` is "sqlite" (a new file in a temporary folder) or "postgres" (database ``name``
    on 127.0.0.1:5432, dropped and created again unless ``keep`` reuses what an earlier run left).
    """
    if database == "postgres":
        os.environ["TTDN_DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
        if not keep:
            import psycopg

            with psycopg.connect(
                "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
            ) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
                connection.execute(f'CREATE DATABASE "{name}"')
    else:
        os.environ["TTDN_DATA_DIR"] = tempfile.mkdtemp(prefix=f"{name}-")
        os.environ.pop("TTDN_DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "ttdn.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
