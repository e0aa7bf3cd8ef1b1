"""What the domain needs from the outside world, as small protocols.

``persistence/`` implements them against SQLAlchemy; domain tests use the
in-memory fakes in ``tests/fakes.py``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""

    def today(self) -> date:
        """The desk's calendar date (local time)."""


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now().astimezone().date()


class UnitOfWork(Protocol):
    """One business transaction.

    Use as ``with uow.acting(actor_name):`` … ``uow.commit()``. Leaving the
    block without ``commit()`` rolls everything back. Every change made inside
    is written to the audit trail under the acting user's name; ``record``
    adds a business event (an approval, a sign-off) with its reason.
    Repositories hang off the unit of work as attributes (``uow.users``…).
    """

    actor: str | None
    clock: Clock

    def acting(self, actor: str | None) -> UnitOfWork: ...

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def flush(self) -> None:
        """Write pending changes inside the transaction (to read them back)."""

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def record(self, action: str, entity: str, entity_id: str, detail: dict[str, Any]) -> None:
        """Append a business event to the audit trail, in this transaction."""
