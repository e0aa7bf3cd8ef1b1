"""Backup and restore of a local SQLite database (PostgreSQL has pg_dump)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from persistence.database import Database


class BackupNotSupported(Exception):
    pass


def _sqlite_path(database: Database) -> Path:
    if database.kind != "sqlite":
        raise BackupNotSupported(
            "PostgreSQL 数据库请用 pg_dump 备份、pg_restore 恢复，例如："
            "pg_dump -Fc -h 主机 -U 用户 数据库名 > loandesk.dump"
        )
    return Path(database.engine.url.database)


def backup(database: Database, out: Path) -> None:
    """A consistent copy of a live database, taken with SQLite's online backup API,
    so desks may keep working meanwhile."""
    source_path = _sqlite_path(database)
    out = Path(out)
    if out.exists():
        raise FileExistsError(f"备份文件 {out} 已存在，请换一个文件名。")
    out.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(out)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        target.close()
        source.close()


def restore(database: Database, backup_file: Path) -> None:
    """Replace the database's content with a backup, page by page, in one step.

    The backup is checked first; a damaged file is refused and nothing changes.
    """
    target_path = _sqlite_path(database)
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise FileNotFoundError(f"找不到备份文件 {backup_file}。")
    source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        _check_backup(source)
        database.dispose()
        target = sqlite3.connect(target_path, timeout=10)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _check_backup(source: sqlite3.Connection) -> None:
    """Refuse anything but an intact LoanDesk database; nothing has changed yet."""
    try:
        result = source.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"该文件不是有效的数据库备份（{exc}），未做任何恢复。") from exc
    if result != "ok":
        raise ValueError(f"备份文件已损坏（{result}），未做任何恢复。")
    if "alembic_version" not in tables or "audit_log" not in tables:
        raise ValueError("该文件不是 LoanDesk 的数据库备份，未做任何恢复。")
