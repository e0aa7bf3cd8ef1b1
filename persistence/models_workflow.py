"""Tables of the workflow after intake: approval authority, the application's
history and participants, approvals, checklist templates, the signing and
its checklist with evidence, sign-offs, and loans with their schedules.

Amounts are whole fen (``Fen``), rates whole ten-thousandths of a percent
(``TenThousandths``). The application's state and version stay on
``applications``; every transition updates that row conditionally on its
version. Evidence files live in ``attachments`` with the application's other
files; ``checklist_evidence`` points at them.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from domain.catalogue import PRODUCT_CODE_MAX
from persistence.models import Base
from persistence.models_catalogue import TenThousandths
from persistence.models_intake import APPLICATION_NUMBER, NAME, USERNAME
from persistence.types import Fen, UtcDateTime

ROLE = 32
STATE = 16
KEY = 40


def _application_id() -> Mapped[int]:
    return mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)


class ApprovalLimitRow(Base):
    """The most an approver role may approve under a product (``*``: any)."""

    __tablename__ = "approval_limits"
    __audited__ = True
    __table_args__ = (UniqueConstraint("role", "product_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(ROLE))
    product_code: Mapped[str] = mapped_column(String(PRODUCT_CODE_MAX))
    max_amount: Mapped[Decimal] = mapped_column(Fen)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}


class ApplicationEventRow(Base):
    """One step of an application's history. The audit trail holds the same
    step as a business event; this table serves the screens and time limits."""

    __tablename__ = "application_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = _application_id()
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str] = mapped_column(String(STATE))
    to_state: Mapped[str] = mapped_column(String(STATE))
    note: Mapped[str] = mapped_column(Text)


class ParticipantRow(Base):
    """Someone who worked on an application in some capacity; never removed,
    so a change of officer does not clear the earlier one for four eyes."""

    __tablename__ = "application_participants"
    __audited__ = True
    __table_args__ = (UniqueConstraint("application_id", "username", "capacity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    username: Mapped[str] = mapped_column(String(USERNAME))
    capacity: Mapped[str] = mapped_column(String(32))
    since: Mapped[datetime] = mapped_column(UtcDateTime)


class ApprovalRow(Base):
    __tablename__ = "approvals"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), unique=True
    )
    approved_by: Mapped[str] = mapped_column(String(USERNAME))
    approved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    amount: Mapped[Decimal] = mapped_column(Fen)
    risk_grade: Mapped[str] = mapped_column(String(1))
    authority_role: Mapped[str] = mapped_column(String(ROLE))
    authority_limit: Mapped[Decimal] = mapped_column(Fen)
    note: Mapped[str] = mapped_column(Text)


class ChecklistTemplateRow(Base):
    """A product's signing checklist template; its items in order."""

    __tablename__ = "checklist_templates"
    __audited__ = True

    product_code: Mapped[str] = mapped_column(
        String(PRODUCT_CODE_MAX), ForeignKey("products.code"), primary_key=True
    )
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    items: Mapped[list[ChecklistTemplateItemRow]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="ChecklistTemplateItemRow.position"
    )

    __mapper_args__ = {"version_id_col": version}


class ChecklistTemplateItemRow(Base):
    __tablename__ = "checklist_template_items"
    __audited__ = True
    __table_args__ = (UniqueConstraint("product_code", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_code: Mapped[str] = mapped_column(
        String(PRODUCT_CODE_MAX),
        ForeignKey("checklist_templates.product_code", ondelete="CASCADE"),
    )
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(KEY))
    text: Mapped[str] = mapped_column(String(200))
    mandatory: Mapped[bool] = mapped_column(Boolean)
    evidence_kind: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(24))


class SigningRow(Base):
    """The signing session of an application and the two staff present."""

    __tablename__ = "signings"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), unique=True
    )
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_by: Mapped[str] = mapped_column(String(USERNAME))
    first_staff: Mapped[str] = mapped_column(String(USERNAME))
    second_staff: Mapped[str] = mapped_column(String(USERNAME))
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    completed_by: Mapped[str | None] = mapped_column(String(USERNAME))


class ChecklistItemRow(Base):
    """One item of an application's checklist; ``position`` is its number."""

    __tablename__ = "checklist_items"
    __audited__ = True
    __table_args__ = (UniqueConstraint("application_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(KEY))
    text: Mapped[str] = mapped_column(String(300))
    mandatory: Mapped[bool] = mapped_column(Boolean)
    evidence_kind: Mapped[str] = mapped_column(String(16))
    confirmed_by: Mapped[str | None] = mapped_column(String(USERNAME))
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text)


class ChecklistEvidenceRow(Base):
    """Evidence of a checklist item: a file among the application's
    attachments, or a recording reference; ``sha256`` of either."""

    __tablename__ = "checklist_evidence"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_items.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id"))
    reference: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    added_by: Mapped[str] = mapped_column(String(USERNAME))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SignOffRow(Base):
    """A supervisor's compliance sign-off; a void one keeps when and why."""

    __tablename__ = "signoffs"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = _application_id()
    signed_off_by: Mapped[str] = mapped_column(String(USERNAME))
    signed_off_at: Mapped[datetime] = mapped_column(UtcDateTime)
    fingerprint: Mapped[str] = mapped_column(String(64))
    opinion: Mapped[str] = mapped_column(Text)
    voided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    voided_by: Mapped[str | None] = mapped_column(String(64))
    void_reason: Mapped[str | None] = mapped_column(String(200))


class LoanRow(Base):
    """A granted loan with its terms as fixed at disbursement."""

    __tablename__ = "loans"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_number: Mapped[str] = mapped_column(String(APPLICATION_NUMBER), unique=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    borrower_name: Mapped[str] = mapped_column(String(NAME))
    product_code: Mapped[str] = mapped_column(String(PRODUCT_CODE_MAX), ForeignKey("products.code"))
    amount: Mapped[Decimal] = mapped_column(Fen)
    annual_rate: Mapped[Decimal] = mapped_column(TenThousandths)
    base_rate: Mapped[Decimal] = mapped_column(TenThousandths)
    spread: Mapped[Decimal] = mapped_column(TenThousandths)
    pricing_description: Mapped[str] = mapped_column(String(200))
    risk_grade: Mapped[str] = mapped_column(String(1))
    months: Mapped[int] = mapped_column(Integer)
    repayment_method: Mapped[str] = mapped_column(String(32))
    due_day: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    maturity_date: Mapped[date] = mapped_column(Date)
    payment_mode: Mapped[str] = mapped_column(String(16))
    repayment_account: Mapped[str] = mapped_column(String(40))
    counterparty_name: Mapped[str | None] = mapped_column(String(100))
    counterparty_account: Mapped[str | None] = mapped_column(String(40))
    counterparty_bank: Mapped[str | None] = mapped_column(String(100))
    entrusted_amount: Mapped[Decimal | None] = mapped_column(Fen)
    # Fixed at disbursement: the contract states them, so a later product
    # edit must not change what an old contract says.
    penalty_uplift: Mapped[Decimal] = mapped_column(TenThousandths)
    misuse_penalty_uplift: Mapped[Decimal] = mapped_column(TenThousandths)
    state: Mapped[str] = mapped_column(String(STATE), index=True)
    outstanding_principal: Mapped[Decimal] = mapped_column(Fen)
    disbursed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    disbursed_by: Mapped[str] = mapped_column(String(USERNAME))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}


class LoanInstalmentRow(Base):
    """One line of a loan's repayment schedule as fixed at disbursement."""

    __tablename__ = "loan_instalments"
    __audited__ = True
    __table_args__ = (UniqueConstraint("loan_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"))
    period: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    payment: Mapped[Decimal] = mapped_column(Fen)
    principal: Mapped[Decimal] = mapped_column(Fen)
    interest: Mapped[Decimal] = mapped_column(Fen)
    balance: Mapped[Decimal] = mapped_column(Fen)
    days: Mapped[int] = mapped_column(Integer)
