"""The tables. Rows are plain storage; repositories turn them into domain objects."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from persistence.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Records people edit carry ``version`` wired as the mapper's version counter:
# every UPDATE checks and bumps it, so a second desk saving a stale copy updates
# no row; SQLAlchemy raises StaleDataError and the unit of work turns it into
# ConcurrencyConflict. ``__audited__`` rows are written to the audit trail.


class UserRow(Base):
    __tablename__ = "users"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(40))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    roles: Mapped[list[UserRoleRow]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="UserRoleRow.role"
    )

    __mapper_args__ = {"version_id_col": version}


class UserRoleRow(Base):
    __tablename__ = "user_roles"
    __audited__ = True
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))


class SettingRow(Base):
    """A bank setting: a JSON value under a dotted key (``security.lockout_minutes``)."""

    __tablename__ = "settings"
    __audited__ = True

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}


class AuditRow(Base):
    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64), index=True)
    entity_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """The last entry's seq and hash, kept apart so truncating the log shows."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


# The catalogue's tables live in their own module; importing it here registers
# them on ``Base.metadata`` for migrations and health checks.
import persistence.models_catalogue  # noqa: E402, F401
import persistence.models_documents as _document_tables  # noqa: E402, F401
import persistence.models_servicing as _servicing_tables  # noqa: E402, F401
import persistence.models_workflow as _workflow_tables  # noqa: E402, F401
from persistence import models_intake  # noqa: E402, F401
