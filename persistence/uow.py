"""The SQLAlchemy unit of work: one session, one transaction, audited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from domain.errors import ConcurrencyConflict, DomainError, StorageUnavailable
from domain.ports import Clock, SystemClock
from persistence import repositories as repos
from persistence.audit import PendingEntry, append_entries, capture_changes
from persistence.database import Database


class SqlAlchemyUnitOfWork:
    """See ``domain.ports.UnitOfWork``. Not thread-safe: one per operation.

    Repositories are created on ``__enter__`` and valid until ``__exit__``.
    Database errors leave as domain errors: a lost server as
    ``StorageUnavailable``, a stale version as ``ConcurrencyConflict``.
    """

    def __init__(self, database: Database, clock: Clock | None = None):
        self.database = database
        self.clock = clock or SystemClock()
        self.actor: str | None = None
        self.session: Session | None = None
        self._pending: list[PendingEntry] = []

    def acting(self, actor: str | None) -> SqlAlchemyUnitOfWork:
        self.actor = actor
        return self

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        self.session = self.database.sessions()
        self._pending = []
        event.listen(self.session, "after_flush", self._after_flush)
        for name, factory in repos.REPOSITORIES.items():
            setattr(self, name, factory(self.session))
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.rollback()
            self.session.close()
        except DBAPIError:
            pass  # the connection is already gone; the original error matters
        finally:
            self.session = None
        if exc is not None and not isinstance(exc, DomainError):
            raise translate(exc) from exc

    def _after_flush(self, session: Session, _context: Any) -> None:
        capture_changes(session, self._pending)

    def record(self, action: str, entity: str, entity_id: str, detail: dict[str, Any]) -> None:
        self._pending.append(PendingEntry(action, entity, str(entity_id), None, detail))

    def flush(self) -> None:
        try:
            self.session.flush()
        except Exception as exc:
            raise translate(exc) from exc

    def commit(self) -> None:
        try:
            self.session.flush()
            append_entries(self.session, self.actor or "system", self.clock.now(), self._pending)
            self.session.commit()
            self._pending = []
        except DomainError:
            raise
        except Exception as exc:
            raise translate(exc) from exc

    def rollback(self) -> None:
        if self.session is not None:
            self.session.rollback()
        self._pending = []


def translate(exc: BaseException) -> BaseException:
    """A database exception as the domain error a clerk can act on."""
    if isinstance(exc, StaleDataError):
        return ConcurrencyConflict()
    if isinstance(exc, IntegrityError):
        return DomainError(
            f"保存失败：数据与已有记录冲突（{_first_line(exc.orig)}）。请检查后重试。"
        )
    if isinstance(exc, OperationalError) and _is_lost_connection(exc):
        return StorageUnavailable(
            "无法连接数据库服务器。请检查网络后点击“重试”，您填写的内容不会丢失。"
        )
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return StorageUnavailable("与数据库的连接已断开。请点击“重试”，您填写的内容不会丢失。")
    return exc


def _is_lost_connection(exc: OperationalError) -> bool:
    message = str(exc.orig).lower()
    return exc.connection_invalidated or any(
        s in message
        for s in ("connection", "server closed", "could not connect", "terminating", "timeout")
    )


def _first_line(value: object) -> str:
    return str(value).strip().splitlines()[0] if str(value).strip() else ""


def unit_of_work_factory(database: Database, clock: Clock | None = None):
    """What the start-up code hands to the desktop: a callable making fresh units of work."""
    return lambda: SqlAlchemyUnitOfWork(database, clock)
