"""Tables of intake: customers, their businesses, the notice list (blacklist),
applications with their guarantors, group members, collateral and files.

Amounts are whole fen (``Fen``). Choices are stored as their enum values.
ID numbers are canonical (18 characters, upper-case X), so equality and
substring search need no normalising in SQL.

Search reads names, ID numbers and phones by substring, which no B-tree
index serves; so ``customers.name`` deliberately has no index: with one,
SQLite walks it in name order for ``ORDER BY name LIMIT 50`` and visits every
row at random when matches are rare (about 100 ms at 100,000 customers,
against 10–20 ms for the plain scan and sort).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from domain.catalogue import PRODUCT_CODE_MAX
from persistence.models import Base
from persistence.types import Fen, UtcDateTime

USERNAME = 32
ID_NUMBER = 18
NAME = 40
APPLICATION_NUMBER = 24


class CustomerRow(Base):
    __tablename__ = "customers"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME))
    id_number: Mapped[str] = mapped_column(String(ID_NUMBER), unique=True)
    phone: Mapped[str] = mapped_column(String(11), index=True)
    address: Mapped[str] = mapped_column(String(200))
    marital_status: Mapped[str] = mapped_column(String(16))
    spouse_name: Mapped[str | None] = mapped_column(String(NAME))
    spouse_id_number: Mapped[str | None] = mapped_column(String(ID_NUMBER))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}


class BusinessRow(Base):
    __tablename__ = "businesses"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    uscc: Mapped[str | None] = mapped_column(String(18))
    industry: Mapped[str] = mapped_column(String(40))
    operating_since: Mapped[date] = mapped_column(Date)
    premises: Mapped[str] = mapped_column(String(16))
    employees: Mapped[int] = mapped_column(Integer)
    marketing_area: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}


class BlacklistRow(Base):
    """One person on the notice list; lifted entries stay with ``active`` off."""

    __tablename__ = "blacklist"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    id_number: Mapped[str] = mapped_column(String(ID_NUMBER), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    reason: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(100))
    listed_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}


class ApplicationRow(Base):
    """An application; the on-site investigation is part of it (one visit
    report per application) and the analysis worksheet is kept as the JSON
    text its own module writes."""

    __tablename__ = "applications"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    application_number: Mapped[str] = mapped_column(String(APPLICATION_NUMBER), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    business_id: Mapped[int | None] = mapped_column(ForeignKey("businesses.id"))
    product_code: Mapped[str] = mapped_column(String(PRODUCT_CODE_MAX), ForeignKey("products.code"))
    amount: Mapped[Decimal | None] = mapped_column(Fen)
    months: Mapped[int | None] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(200))
    repayment_method: Mapped[str | None] = mapped_column(String(32))
    due_day: Mapped[int | None] = mapped_column(Integer)
    guarantee_type: Mapped[str | None] = mapped_column(String(32))
    guarantee_company_name: Mapped[str | None] = mapped_column(String(100))
    guarantee_company_credit_code: Mapped[str | None] = mapped_column(String(18))
    guarantee_company_amount: Mapped[Decimal | None] = mapped_column(Fen)
    officer: Mapped[str] = mapped_column(String(USERNAME), index=True)
    assisting_officer: Mapped[str | None] = mapped_column(String(USERNAME))
    state: Mapped[str] = mapped_column(String(16), index=True)
    visit_date: Mapped[date | None] = mapped_column(Date)
    visit_officer: Mapped[str | None] = mapped_column(String(USERNAME))
    visit_assisting_officer: Mapped[str | None] = mapped_column(String(USERNAME))
    visit_notes: Mapped[str | None] = mapped_column(Text)
    analysis: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    guarantors: Mapped[list[GuarantorRow]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="GuarantorRow.position"
    )
    group_members: Mapped[list[GroupMemberRow]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="GroupMemberRow.position"
    )
    collaterals: Mapped[list[CollateralRow]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CollateralRow.position"
    )

    __mapper_args__ = {"version_id_col": version}


# Children of an application are kept in the order entered (``position``);
# saving the application rewrites them slot by slot. The unique
# (application_id, position) also serves as the index for loading them.


class GuarantorRow(Base):
    __tablename__ = "guarantors"
    __audited__ = True
    __table_args__ = (UniqueConstraint("application_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(NAME))
    id_number: Mapped[str] = mapped_column(String(ID_NUMBER), index=True)
    phone: Mapped[str] = mapped_column(String(11))
    relation: Mapped[str] = mapped_column(String(20))
    monthly_income: Mapped[Decimal | None] = mapped_column(Fen)
    employer: Mapped[str] = mapped_column(String(100))


class GroupMemberRow(Base):
    __tablename__ = "group_members"
    __audited__ = True
    __table_args__ = (UniqueConstraint("application_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(NAME))
    id_number: Mapped[str] = mapped_column(String(ID_NUMBER), index=True)
    business: Mapped[str] = mapped_column(String(100))


class CollateralRow(Base):
    __tablename__ = "collaterals"
    __audited__ = True
    __table_args__ = (UniqueConstraint("application_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    certificate_number: Mapped[str] = mapped_column(String(100))
    owner: Mapped[str] = mapped_column(String(NAME))
    appraised_value: Mapped[Decimal | None] = mapped_column(Fen)


class AttachmentRow(Base):
    """A file kept with an application. ``data`` never enters the audit trail;
    ``sha256`` evidences it there."""

    __tablename__ = "attachments"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    uploaded_by: Mapped[str] = mapped_column(String(64))


class NumberSequenceRow(Base):
    """The last number handed out under a key such as ``XW20261128``: one row
    per product prefix and day, bumped atomically so two desks never draw
    the same application number."""

    __tablename__ = "number_sequences"

    key: Mapped[str] = mapped_column(String(APPLICATION_NUMBER), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)
