"""Tables of servicing: each loan's servicing account and schedule versions,
repayments and their reversals, the daily run's snapshots, follow-up tasks
and classification decisions.

Amounts are whole fen (``Fen``), rates and uplifts ten-thousandths
(``TenThousandths``). ``loans`` and ``loan_instalments`` stay as the
disbursement wrote them (the contract and its annex); servicing keeps its
own copy of the schedule, with what has been paid, in ``loan_schedule_lines``.

``loan_accounts`` carries the loan register's columns (outstanding, next due
date, days past due, classification), kept up to date by every posting and
by the daily run, so the register reads one indexed table and never
computes positions. Its rows and the snapshots are derived figures written
in bulk by the daily run: they are not copied into the audit trail row by
row (the run records one business event); the postings, schedule lines,
reversals, tasks and decisions that move them are.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from domain.catalogue import PRODUCT_CODE_MAX
from persistence.models import Base
from persistence.models_catalogue import TenThousandths
from persistence.models_intake import APPLICATION_NUMBER, NAME, USERNAME
from persistence.types import Fen, UtcDateTime

STATE = 16
CATEGORY = 16
RECEIPT = 40


def _loan_id(**kwargs) -> Mapped[int]:
    return mapped_column(ForeignKey("loans.id"), **kwargs)


class LoanAccountRow(Base):
    """A loan's servicing account: one row per loan, keyed by the loan.

    ``arrears_since`` is the due date of the oldest instalment not fully
    paid; days past due on any day after the last posting is that day minus
    it, so reports can count arrears on any date without computing.
    ``in_arrears`` (overdue as last computed) serves the register's overdue
    filter through an index in contract order: overdue loans are mostly old
    ones, and a newest-first walk over all loans would read far to find them.
    """

    __tablename__ = "loan_accounts"
    __table_args__ = (
        # The register: newest first by contract number, within a filter.
        Index("ix_loan_accounts_state_number", "state", "loan_number"),
        Index("ix_loan_accounts_product_number", "product_code", "loan_number"),
        Index("ix_loan_accounts_officer_number", "officer", "loan_number"),
        Index("ix_loan_accounts_borrower_number", "borrower_name", "loan_number"),
        Index("ix_loan_accounts_arrears_number", "in_arrears", "loan_number"),
    )

    loan_id: Mapped[int] = _loan_id(primary_key=True, autoincrement=False)
    loan_number: Mapped[str] = mapped_column(String(APPLICATION_NUMBER), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    borrower_name: Mapped[str] = mapped_column(String(NAME))
    product_code: Mapped[str] = mapped_column(String(PRODUCT_CODE_MAX))
    officer: Mapped[str] = mapped_column(String(USERNAME))
    marketing_area: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Decimal] = mapped_column(Fen)
    annual_rate: Mapped[Decimal] = mapped_column(TenThousandths)
    repayment_method: Mapped[str] = mapped_column(String(32))
    penalty_uplift: Mapped[Decimal] = mapped_column(TenThousandths)
    disbursed_on: Mapped[date] = mapped_column(Date)
    maturity_date: Mapped[date] = mapped_column(Date)
    first_due_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(STATE))
    outstanding_principal: Mapped[Decimal] = mapped_column(Fen)
    penalty_paid: Mapped[Decimal] = mapped_column(Fen)
    compound_paid: Mapped[Decimal] = mapped_column(Fen)
    schedule_version: Mapped[int] = mapped_column(Integer)
    arrears_since: Mapped[date | None] = mapped_column(Date, index=True)
    days_past_due: Mapped[int] = mapped_column(Integer)
    in_arrears: Mapped[bool] = mapped_column(Boolean)
    overdue_principal: Mapped[Decimal] = mapped_column(Fen)
    overdue_interest: Mapped[Decimal] = mapped_column(Fen)
    penalty_owed: Mapped[Decimal] = mapped_column(Fen)
    compound_owed: Mapped[Decimal] = mapped_column(Fen)
    next_due_date: Mapped[date | None] = mapped_column(Date, index=True)
    next_due_amount: Mapped[Decimal] = mapped_column(Fen)
    computed_on: Mapped[date | None] = mapped_column(Date)
    suggested_class: Mapped[str] = mapped_column(String(CATEGORY))
    classification: Mapped[str] = mapped_column(String(CATEGORY))
    classification_confirmed: Mapped[bool] = mapped_column(Boolean)
    last_paid_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    next_revisit_on: Mapped[date | None] = mapped_column(Date, index=True)
    next_collection_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}


class ScheduleLineRow(Base):
    """One instalment of a version of a loan's servicing schedule, with what
    has been paid of it. Version 0 copies the disbursement schedule; an early
    repayment writes the next version and marks the previous one
    ``superseded``. Rows are never deleted."""

    __tablename__ = "loan_schedule_lines"
    __audited__ = True
    __table_args__ = (UniqueConstraint("loan_id", "version", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = _loan_id()
    version: Mapped[int] = mapped_column(Integer)
    period: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    principal: Mapped[Decimal] = mapped_column(Fen)
    interest: Mapped[Decimal] = mapped_column(Fen)
    balance: Mapped[Decimal] = mapped_column(Fen)
    days: Mapped[int] = mapped_column(Integer)
    principal_paid: Mapped[Decimal] = mapped_column(Fen)
    interest_paid: Mapped[Decimal] = mapped_column(Fen)
    penalty_settled: Mapped[Decimal] = mapped_column(Fen)
    compound_settled: Mapped[Decimal] = mapped_column(Fen)
    superseded: Mapped[bool] = mapped_column(Boolean)


class RepaymentRow(Base):
    """A posting. ``allocation`` is its allocation as JSON (per instalment,
    and the charges); the totals beside it serve reports. The receipt
    number is unique: the same receipt cannot be posted twice."""

    __tablename__ = "repayments"
    __audited__ = True
    __table_args__ = (Index("ix_repayments_loan_paid_on", "loan_id", "paid_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = _loan_id()
    receipt_number: Mapped[str] = mapped_column(String(RECEIPT), unique=True)
    amount: Mapped[Decimal] = mapped_column(Fen)
    paid_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    early_option: Mapped[str | None] = mapped_column(String(24))
    allocation: Mapped[str] = mapped_column(Text)
    principal: Mapped[Decimal] = mapped_column(Fen)
    interest: Mapped[Decimal] = mapped_column(Fen)
    penalty: Mapped[Decimal] = mapped_column(Fen)
    compound: Mapped[Decimal] = mapped_column(Fen)
    posted_by: Mapped[str] = mapped_column(String(64))
    posted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    schedule_version_before: Mapped[int] = mapped_column(Integer)
    schedule_version_after: Mapped[int] = mapped_column(Integer)
    outstanding_after: Mapped[Decimal] = mapped_column(Fen)
    arrears_since_after: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200))


class RepaymentReversalRow(Base):
    """The reversal of a posting (at most one): why, who asked, which
    supervisor approved, and the negated allocation."""

    __tablename__ = "repayment_reversals"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    repayment_id: Mapped[int] = mapped_column(ForeignKey("repayments.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(64))
    approved_by: Mapped[str] = mapped_column(String(USERNAME))
    reversed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    allocation: Mapped[str] = mapped_column(Text)


class LoanAccrualRow(Base):
    """The daily run's record of one loan on one day: days past due, overdue
    amounts, penalty and compound interest owed and accrued that day."""

    __tablename__ = "loan_accruals"

    loan_id: Mapped[int] = _loan_id(primary_key=True, autoincrement=False)
    as_of: Mapped[date] = mapped_column(Date, primary_key=True, index=True)
    days_past_due: Mapped[int] = mapped_column(Integer)
    outstanding_principal: Mapped[Decimal] = mapped_column(Fen)
    overdue_principal: Mapped[Decimal] = mapped_column(Fen)
    overdue_interest: Mapped[Decimal] = mapped_column(Fen)
    penalty_interest: Mapped[Decimal] = mapped_column(Fen)
    compound_interest: Mapped[Decimal] = mapped_column(Fen)
    penalty_accrued: Mapped[Decimal] = mapped_column(Fen)
    compound_accrued: Mapped[Decimal] = mapped_column(Fen)
    classification: Mapped[str] = mapped_column(String(CATEGORY))


class FollowUpTaskRow(Base):
    """An officer's follow-up task on a loan. ``open_key`` is
    ``kind:loan_id`` while the task is open and empty once done; being
    unique, it keeps a loan to one open task of each kind. ``data`` is an
    uploaded evidence file (never copied into the audit trail; ``sha256``
    evidences it there)."""

    __tablename__ = "follow_up_tasks"
    __audited__ = True
    __table_args__ = (
        Index("ix_follow_up_tasks_officer_status_due", "officer", "status", "due_on"),
        Index("ix_follow_up_tasks_status_due", "status", "due_on"),
        UniqueConstraint("open_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = _loan_id(index=True)
    kind: Mapped[str] = mapped_column(String(16))
    officer: Mapped[str] = mapped_column(String(USERNAME))
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8))
    open_key: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    completed_by: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str] = mapped_column(Text)
    evidence_reference: Mapped[str] = mapped_column(String(200))
    evidence_file_name: Mapped[str] = mapped_column(String(200))
    evidence_sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}


class ClassificationRow(Base):
    """A supervisor's classification decision on a loan, kept for good."""

    __tablename__ = "loan_classifications"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = _loan_id(index=True)
    category: Mapped[str] = mapped_column(String(CATEGORY))
    suggested: Mapped[str] = mapped_column(String(CATEGORY))
    days_past_due: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(USERNAME))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    blacklisted: Mapped[bool] = mapped_column(Boolean)
