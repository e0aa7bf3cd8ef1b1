"""The tamper-evident audit trail: entries chained by SHA-256.

Each entry's hash covers its own content and the previous entry's hash, so
altering, deleting or inserting any row breaks the chain from that row on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    prev_hash: str
    hash: str


def canonical(value: Any) -> str:
    """Stable JSON text: sorted keys, no spacing, non-ASCII kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(
    prev_hash: str,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> str:
    """The hash of one entry. ``at`` must be timezone-aware (it is hashed in UTC ISO form)."""
    body = canonical(
        {
            "prev": prev_hash,
            "seq": seq,
            "at": at.isoformat(timespec="microseconds"),
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "before": before,
            "after": after,
        }
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str = ""

    @property
    def message(self) -> str:
        if self.intact:
            return f"审计日志完整：已校验 {self.checked} 条记录，哈希链无断裂。"
        return f"审计日志被改动：第 {self.first_broken_seq} 条记录{self.reason}。"


def verify_chain(entries: Iterable[AuditEntry], head: tuple[int, str] | None = None) -> ChainReport:
    """Walk the entries in ``seq`` order and report the first one that breaks the chain.

    ``head`` is the (seq, hash) of the last entry as recorded separately when it
    was written; it reveals entries deleted from the end of the chain.
    """
    prev_hash, expected_seq, checked = GENESIS_HASH, 1, 0
    for e in entries:
        if e.seq != expected_seq:
            return ChainReport(False, checked, expected_seq, f"缺失（下一条为第 {e.seq} 条）")
        if e.prev_hash != prev_hash:
            return ChainReport(
                False, checked, e.seq, "与前一条的哈希不衔接（前面有记录被删除、插入或改动）"
            )
        recomputed = entry_hash(
            e.prev_hash, e.seq, e.at, e.actor, e.action, e.entity, e.entity_id, e.before, e.after
        )
        if recomputed != e.hash:
            return ChainReport(False, checked, e.seq, "的内容与其哈希不符（记录被改动）")
        prev_hash, expected_seq, checked = e.hash, expected_seq + 1, checked + 1
    if head is not None and (head[0] != expected_seq - 1 or head[1] != prev_hash):
        broken = min(head[0], expected_seq - 1) + 1 if head[0] != expected_seq - 1 else head[0]
        return ChainReport(False, checked, broken, "与链头记录不符（日志末尾有记录被删除或追加）")
    return ChainReport(True, checked)


def verify_audit_trail(uow) -> ChainReport:
    """Check the whole chain as stored, including its separately kept head."""
    with uow:
        return verify_chain(uow.audit.entries(), uow.audit.head())


def audit_page(
    uow,
    viewer,
    before_seq: int | None = None,
    limit: int = 200,
    *,
    actor: str | None = None,
    entity: str | None = None,
) -> list[AuditEntry]:
    """Newest entries first, for the audit viewer (administrators and supervisors).

    ``viewer`` is the signed-in user; ``actor`` and ``entity`` filter the entries.
    """
    from domain.users import Role

    viewer.require(Role.ADMINISTRATOR, Role.SUPERVISOR, doing="查看审计日志")
    with uow:
        return uow.audit.page(before_seq=before_seq, limit=limit, actor=actor, entity=entity)
