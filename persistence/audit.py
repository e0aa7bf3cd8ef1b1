"""Writing the hash-chained audit trail.

Changes to rows marked ``__audited__`` are captured after each flush (their
before/after values) and chained into ``audit_log`` when the unit of work
commits, under a lock so two desks never fork the chain.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from domain.audit import GENESIS_HASH, AuditEntry, entry_hash
from persistence.models import AuditHeadRow, AuditRow

# Never copied into the trail: a password hash is still a secret, and file
# contents are evidenced by their stored hash instead. A change is still noted.
_UNLOGGED_COLUMNS = {"password_hash", "data"}
_ADVISORY_LOCK_KEY = 7_315_001  # PostgreSQL advisory lock serialising chain appends


@dataclass
class PendingEntry:
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _columns(row: Any) -> list[str]:
    return [c.key for c in inspect(row).mapper.column_attrs if c.key not in _UNLOGGED_COLUMNS]


def _identity(row: Any) -> str:
    # From the row's own key columns: a new row's identity key is not set yet
    # when the flush is captured, but its primary key values are.
    mapper = inspect(row).mapper
    return "/".join(str(v) for v in mapper.primary_key_from_instance(row))


def capture_changes(session: Session, pending: list[PendingEntry]) -> None:
    """Record inserts, updates and deletes of audited rows from the flush just done."""
    for row in session.new:
        if getattr(row, "__audited__", False):
            after = {k: _plain(getattr(row, k)) for k in _columns(row)}
            pending.append(PendingEntry("create", row.__tablename__, _identity(row), None, after))
    for row in session.dirty:
        if getattr(row, "__audited__", False):
            _capture_update(row, pending)
    for row in session.deleted:
        if getattr(row, "__audited__", False):
            before = {k: _plain(getattr(row, k)) for k in _columns(row)}
            pending.append(PendingEntry("delete", row.__tablename__, _identity(row), before, None))


def _capture_update(row: Any, pending: list[PendingEntry]) -> None:
    state = inspect(row)
    before, after = {}, {}
    for key in _columns(row):
        history = state.attrs[key].history
        if history.has_changes() and key != "version":
            before[key] = _plain(history.deleted[0]) if history.deleted else None
            after[key] = _plain(history.added[0]) if history.added else None
    for key in _UNLOGGED_COLUMNS:
        if key in state.mapper.column_attrs and state.attrs[key].history.has_changes():
            after[key] = "（已更改）"
    if before or after:
        pending.append(PendingEntry("update", row.__tablename__, _identity(row), before, after))


def append_entries(session: Session, actor: str, at: datetime, entries: list[PendingEntry]) -> None:
    """Chain ``entries`` onto the log. Runs inside the committing transaction."""
    if not entries:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_LOCK_KEY})
    head = session.get(AuditHeadRow, 1, populate_existing=True)
    seq, prev = (head.seq, head.hash) if head else (0, GENESIS_HASH)
    for e in entries:
        seq += 1
        digest = entry_hash(
            prev, seq, at, actor, e.action, e.entity, e.entity_id, e.before, e.after
        )
        session.add(
            AuditRow(
                seq=seq,
                at=at,
                actor=actor,
                action=e.action,
                entity=e.entity,
                entity_id=e.entity_id,
                before=_dump(e.before),
                after=_dump(e.after),
                prev_hash=prev,
                hash=digest,
            )
        )
        prev = digest
    if head is None:
        session.add(AuditHeadRow(id=1, seq=seq, hash=prev))
    else:
        head.seq, head.hash = seq, prev


def _dump(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def to_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        seq=row.seq,
        at=row.at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=None if row.before is None else json.loads(row.before),
        after=None if row.after is None else json.loads(row.after),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def iter_entries(session: Session, batch: int = 2000) -> Iterator[AuditEntry]:
    """All entries in chain order, fetched in batches so a long log stays cheap."""
    last = 0
    while True:
        rows = session.scalars(
            select(AuditRow).where(AuditRow.seq > last).order_by(AuditRow.seq).limit(batch)
        ).all()
        if not rows:
            return
        for row in rows:
            yield to_entry(row)
        last = rows[-1].seq


def chain_head(session: Session) -> tuple[int, str] | None:
    head = session.get(AuditHeadRow, 1)
    return None if head is None else (head.seq, head.hash)
