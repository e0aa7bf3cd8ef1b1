"""Maintainers' helper: write a new migration by comparing the models with a
fresh SQLite database at the current head.

    python -m persistence.make_migration "what changed"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from persistence.database import open_database, sqlite_url
from persistence.schema import _config, upgrade


def main(message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(sqlite_url(Path(tmp) / "m.db"))
        upgrade(database)
        versions = Path(__file__).with_name("migrations") / "versions"
        rev_id = f"{len(list(versions.glob('[0-9]*.py'))) + 1:04d}"
        with database.engine.begin() as connection:
            config = _config(connection=connection)
            config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
            command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        database.dispose()


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "schema change")
