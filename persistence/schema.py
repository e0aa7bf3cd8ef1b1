"""Schema versions: upgrade, downgrade, and whether this program can open a database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from persistence.database import Database

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(database: Database | None = None, connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


class SchemaState(StrEnum):
    EMPTY = "empty"  # a new database: create the schema
    OLDER = "older"  # made by an older LoanDesk: offer the upgrade
    CURRENT = "current"
    NEWER = "newer"  # made by a newer LoanDesk: refuse to open
    FOREIGN = "foreign"  # tables, but not ours


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    revision: str | None
    head: str

    @property
    def message(self) -> str:
        return {
            SchemaState.EMPTY: "这是一个空数据库，需要创建表结构。",
            SchemaState.OLDER: f"数据库结构版本 {self.revision} 较旧，需要升级到 {self.head}。",
            SchemaState.CURRENT: f"数据库结构版本 {self.revision}，与本程序一致。",
            SchemaState.NEWER: (
                f"数据库结构版本 {self.revision} 比本程序认识的版本 {self.head} 更新，"
                "是由更新版本的 LoanDesk 创建的。请先升级本机的 LoanDesk，再打开此数据库。"
            ),
            SchemaState.FOREIGN: "该数据库中已有其他程序的数据表，不是 LoanDesk 数据库。",
        }[self.state]


def schema_status(database: Database) -> SchemaStatus:
    head = head_revision()
    revision = current_revision(database)
    if revision is None:
        with database.engine.connect() as connection:
            tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        state = SchemaState.FOREIGN if tables else SchemaState.EMPTY
        return SchemaStatus(state, None, head)
    script = ScriptDirectory.from_config(_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        return SchemaStatus(SchemaState.NEWER, revision, head)
    state = SchemaState.CURRENT if revision == head else SchemaState.OLDER
    return SchemaStatus(state, revision, head)


def upgrade(database: Database, target: str = "head") -> None:
    """Create or upgrade the schema. Refuses a database newer than this program."""
    status = schema_status(database)
    if status.state in (SchemaState.NEWER, SchemaState.FOREIGN):
        raise RuntimeError(status.message)
    with _migrating(database) as connection:
        command.upgrade(_config(connection=connection), target)


def downgrade(database: Database, target: str) -> None:
    with _migrating(database) as connection:
        command.downgrade(_config(connection=connection), target)


@contextmanager
def _migrating(database: Database) -> Iterator[Connection]:
    """One transaction for a migration run.

    On SQLite, batch mode changes a table by copying it and dropping the
    old one, which foreign-key enforcement refuses while other rows point
    at it (a loan's instalments). Enforcement can only be switched off
    outside a transaction, so it is off for the run and the references are
    checked before committing: a migration that breaks one is rolled back.
    """
    with database.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _foreign_keys(connection, on=False)
        try:
            with connection.begin():
                yield connection
                if sqlite:
                    _check_references(connection)
        finally:
            if sqlite:
                _foreign_keys(connection, on=True)


def _foreign_keys(connection: Connection, *, on: bool) -> None:
    # On the driver's connection: through SQLAlchemy the pragma would open a
    # transaction first, and inside one SQLite ignores it.
    connection.connection.driver_connection.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _check_references(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({row[0] for row in broken})
        raise RuntimeError(
            "数据库升级后有 {} 行记录引用了不存在的数据（表：{}），升级已撤销。".format(
                len(broken), "、".join(tables)
            )
        )
