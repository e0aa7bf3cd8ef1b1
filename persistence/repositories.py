"""Repositories: domain objects in, domain objects out. Queries live here only."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from domain.audit import AuditEntry
from domain.errors import ConcurrencyConflict
from domain.users import Role, User
from persistence.audit import chain_head, iter_entries, to_entry
from persistence.models import AuditRow, SettingRow, UserRoleRow, UserRow
from persistence.repositories_catalogue import (
    BaseRateRepository,
    ProductRepository,
    SpreadRepository,
)
from persistence.repositories_documents import (
    DocumentQueryRepository,
    IssuedDocumentRepository,
    PrintLogRepository,
)
from persistence.repositories_intake import (
    ApplicationRepository,
    BlacklistRepository,
    BusinessRepository,
    CustomerRepository,
)
from persistence.repositories_servicing import (
    AccrualRepository,
    ClassificationRepository,
    FollowUpRepository,
    LoanAccountRepository,
    LoanBookRepository,
    LoanReportRepository,
    RepaymentRepository,
)
from persistence.repositories_workflow import (
    ApprovalLimitRepository,
    ChecklistRepository,
    ChecklistTemplateRepository,
    LoanRepository,
    WorkflowRepository,
)


def check_version(row: Any, expected: int) -> None:
    """Refuse to save over a newer copy than the one the user was editing."""
    if row.version != expected:
        raise ConcurrencyConflict()


class UserRepository:
    def __init__(self, session: Session):
        self.session = session

    def _query(self):
        return select(UserRow).options(selectinload(UserRow.roles))

    def get(self, username: str) -> User | None:
        row = self.session.scalars(self._query().where(UserRow.username == username)).one_or_none()
        return None if row is None else _user(row)

    def list(self) -> list[User]:
        rows = self.session.scalars(self._query().order_by(UserRow.username)).all()
        return [_user(r) for r in rows]

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(UserRow))

    def add(self, user: User) -> None:
        row = UserRow(
            username=user.username,
            full_name=user.full_name,
            password_hash=user.password_hash,
            active=user.active,
            failed_attempts=user.failed_attempts,
            locked_until=user.locked_until,
            created_at=user.created_at,
            roles=[UserRoleRow(role=r.value) for r in sorted(user.roles)],
        )
        self.session.add(row)
        self.session.flush()
        user.id, user.version = row.id, row.version

    def update(self, user: User) -> None:
        row = self.session.scalars(
            self._query().where(UserRow.id == user.id).with_for_update()
        ).one()
        check_version(row, user.version)
        for name in ("full_name", "password_hash", "active", "failed_attempts", "locked_until"):
            setattr(row, name, getattr(user, name))
        wanted = {r.value for r in user.roles}
        if wanted != {r.role for r in row.roles}:
            row.roles = [r for r in row.roles if r.role in wanted] + [
                UserRoleRow(role=r) for r in sorted(wanted - {x.role for x in row.roles})
            ]
            # A change of roles is a change of the user: bump its version.
            flag_modified(row, "full_name")
        self.session.flush()
        user.version = row.version


def _user(row: UserRow) -> User:
    return User(
        id=row.id,
        username=row.username,
        full_name=row.full_name,
        roles=frozenset(Role(r.role) for r in row.roles),
        password_hash=row.password_hash,
        active=row.active,
        failed_attempts=row.failed_attempts,
        locked_until=row.locked_until,
        version=row.version,
        created_at=row.created_at,
    )


class SettingsRepository:
    """Bank settings as JSON values; ``get`` falls back to the caller's default."""

    def __init__(self, session: Session):
        self.session = session

    def get(self, key: str, default: Any = None) -> Any:
        row = self.session.get(SettingRow, key)
        return default if row is None else json.loads(row.value)

    def put(self, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        row = self.session.get(SettingRow, key)
        if row is None:
            self.session.add(SettingRow(key=key, value=text))
        elif row.value != text:
            row.value = text
        self.session.flush()

    def all(self) -> dict[str, Any]:
        return {r.key: json.loads(r.value) for r in self.session.scalars(select(SettingRow))}


class AuditRepository:
    def __init__(self, session: Session):
        self.session = session

    def entries(self) -> Iterator[AuditEntry]:
        return iter_entries(self.session)

    def head(self) -> tuple[int, str] | None:
        return chain_head(self.session)

    def page(
        self,
        before_seq: int | None = None,
        limit: int = 200,
        actor: str | None = None,
        entity: str | None = None,
    ) -> list[AuditEntry]:
        """Newest first, keyset-paged by ``seq``."""
        q = select(AuditRow).order_by(AuditRow.seq.desc()).limit(limit)
        if before_seq is not None:
            q = q.where(AuditRow.seq < before_seq)
        if actor:
            q = q.where(AuditRow.actor == actor)
        if entity:
            q = q.where(AuditRow.entity == entity)
        return [to_entry(r) for r in self.session.scalars(q)]


REPOSITORIES: dict[str, Callable[[Session], Any]] = {
    "users": UserRepository,
    "settings": SettingsRepository,
    "audit": AuditRepository,
    "products": ProductRepository,
    "base_rates": BaseRateRepository,
    "spreads": SpreadRepository,
    "customers": CustomerRepository,
    "businesses": BusinessRepository,
    "blacklist": BlacklistRepository,
    "applications": ApplicationRepository,
    "workflow": WorkflowRepository,
    "approval_limits": ApprovalLimitRepository,
    "checklist_templates": ChecklistTemplateRepository,
    "checklists": ChecklistRepository,
    "loans": LoanRepository,
    "loan_accounts": LoanAccountRepository,
    "repayments": RepaymentRepository,
    "accruals": AccrualRepository,
    "follow_up_tasks": FollowUpRepository,
    "classifications": ClassificationRepository,
    "loan_reports": LoanReportRepository,
    "loan_book": LoanBookRepository,
    "issued_documents": IssuedDocumentRepository,
    "print_log": PrintLogRepository,
    "document_queries": DocumentQueryRepository,
}
