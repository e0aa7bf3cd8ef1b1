"""One engine factory for both databases: a local SQLite file or the branch's PostgreSQL."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path).expanduser().absolute()}"


def is_network_path(path: Path) -> bool:
    """True where the file lies on a network share, where SQLite's locking is unsafe."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    return _linux_fs_type(path) in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs"}


def _linux_fs_type(path: Path) -> str:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    target = str(Path(path).absolute())
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and target.startswith(parts[1]) and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype


@dataclass
class Database:
    """An engine and its session factory, plus what the status bar shows of it."""

    engine: Engine
    sessions: sessionmaker[Session]
    warnings: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.engine.dialect.name

    @property
    def display_name(self) -> str:
        """Where the data lives, never with a password."""
        url = self.engine.url
        if self.kind == "sqlite":
            return f"本地文件 {url.database}"
        return f"PostgreSQL {url.host}:{url.port or 5432}/{url.database}（{url.username}）"

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, echo: bool = False) -> Database:
    """Create the engine for ``url`` (``sqlite:///…`` or ``postgresql+psycopg://…``)."""
    parsed = make_url(url)
    warnings: list[str] = []
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url, echo, warnings)
    elif parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(
            parsed, echo=echo, pool_pre_ping=True, connect_args={"connect_timeout": 5}
        )
    else:
        raise ValueError(
            f"不支持的数据库类型：{parsed.get_backend_name()}（仅支持 SQLite 与 PostgreSQL）"
        )
    return Database(engine, sessionmaker(engine, expire_on_commit=False), warnings)


def _sqlite_engine(url: str, echo: bool, warnings: list[str]) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        path = Path(database)
        path.parent.mkdir(parents=True, exist_ok=True)
        if is_network_path(path):
            warnings.append(
                f"数据库文件 {path} 位于网络共享盘上。SQLite 在网络盘上加锁不可靠，"
                "多台电脑同时使用可能损坏数据；多人共用请改用网点的 PostgreSQL 服务器。"
            )
    engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # FULL: a committed payment survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        # Take the write lock up front: a transaction that reads and then writes
        # would otherwise fail at once (SQLITE_BUSY_SNAPSHOT) when another desk
        # wrote in between, instead of waiting its turn.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
