"""Schema versions: upgrade, downgrade, and whether this program can open a database."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

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
    with database.engine.begin() as connection:
        command.upgrade(_config(connection=connection), target)


def downgrade(database: Database, target: str) -> None:
    with database.engine.begin() as connection:
        command.downgrade(_config(connection=connection), target)
