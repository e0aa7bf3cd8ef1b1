"""The composition root: the one place where desktop code meets ``persistence``.

Everything else in ``desktop/`` talks to domain services through the
``Store`` handed out here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from domain.audit import ChainReport, verify_audit_trail
from domain.ports import Clock, UnitOfWork
from persistence import backup as _backup
from persistence import health, schema
from persistence.database import Database, open_database
from persistence.uow import unit_of_work_factory


@dataclass
class Store:
    """An open database and the means to work on it."""

    database: Database
    uow: Callable[[], UnitOfWork]
    url: str

    @property
    def kind(self) -> str:
        return self.database.kind

    @property
    def display_name(self) -> str:
        return self.database.display_name

    @property
    def warnings(self) -> list[str]:
        return self.database.warnings

    def schema_status(self) -> schema.SchemaStatus:
        return schema.schema_status(self.database)

    def upgrade(self) -> None:
        schema.upgrade(self.database)

    def check(self) -> tuple[list[str], list[str]]:
        return health.check(self.database)

    def verify_audit(self) -> ChainReport:
        return verify_audit_trail(self.uow())

    def backup(self, out: Path) -> None:
        _backup.backup(self.database, out)

    def restore(self, backup_file: Path) -> None:
        _backup.restore(self.database, backup_file)

    def close(self) -> None:
        self.database.dispose()


BackupNotSupported = _backup.BackupNotSupported


def open_store(url: str, clock: Clock | None = None) -> Store:
    database = open_database(url)
    return Store(database, unit_of_work_factory(database, clock), url)


def test_connection(url: str) -> str | None:
    """None when ``url`` can be reached, else the reason in Chinese."""
    try:
        database = open_database(url)
    except Exception as exc:  # a bad URL, an unknown driver
        return str(exc)
    try:
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        return None
    except Exception as exc:
        return f"无法连接：{_reason(exc)}"
    finally:
        database.dispose()


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", exc)
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
