"""Repositories of servicing: loan accounts with their schedule lines
(``loan_accounts``), postings and reversals (``repayments``), the daily
run's snapshots (``accruals``), follow-up tasks (``follow_up_tasks``),
classification decisions (``classifications``), the register and report
queries (``loan_reports``) and the bulk take-over of a loan book
(``loan_book``).

Domain objects in, domain objects out. What the daily run and the loan
book write in bulk goes through core inserts and updates in batches: a
million rows would take minutes through the ORM; those writes are covered
by one business event in the audit trail instead of one entry per row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    and_,
    bindparam,
    case,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain.classification import Category, ClassificationDecision, PendingClassification
from domain.errors import ConcurrencyConflict, DomainError
from domain.followup import FollowUpTask, TaskKind, TaskStatus
from domain.loans import LoanState
from domain.money import ZERO, from_fen, to_fen
from domain.overdue import ScheduleLine
from domain.register import RegisterQuery, RegisterRow
from domain.reports import DueLoan, GroupFacts, LoanHistory
from domain.schedule import EarlyRepaymentOption, RepaymentMethod
from domain.servicing import (
    Accrual,
    Allocation,
    Channel,
    LoadedLoan,
    LoanAccount,
    PaymentKind,
    Repayment,
    Reversal,
)
from persistence.models import UserRow
from persistence.models_catalogue import TenThousandths
from persistence.models_intake import ApplicationRow, BusinessRow
from persistence.models_servicing import (
    ClassificationRow,
    FollowUpTaskRow,
    LoanAccountRow,
    LoanAccrualRow,
    RepaymentReversalRow,
    RepaymentRow,
    ScheduleLineRow,
)
from persistence.models_workflow import LoanInstalmentRow, LoanRow
from persistence.types import Fen, UtcDateTime

A = LoanAccountRow
ACTIVE = LoanState.ACTIVE.value
BATCH = 5000
_FRESH = {"populate_existing": True}

# ---------------------------------------------------------------------------
# Loan accounts and their schedule lines
# ---------------------------------------------------------------------------

_COPIED = (
    "loan_number",
    "customer_id",
    "borrower_name",
    "product_code",
    "officer",
    "marketing_area",
    "amount",
    "annual_rate",
    "penalty_uplift",
    "disbursed_on",
    "maturity_date",
    "first_due_on",
    "outstanding_principal",
    "penalty_paid",
    "compound_paid",
    "schedule_version",
    "arrears_since",
    "days_past_due",
    "overdue_principal",
    "overdue_interest",
    "penalty_owed",
    "compound_owed",
    "next_due_date",
    "next_due_amount",
    "computed_on",
    "classification_confirmed",
    "last_paid_on",
    "closed_on",
    "next_revisit_on",
    "next_collection_on",
)
# What a posting or the daily run changes on an account.
_POSITION = (
    "outstanding_principal",
    "arrears_since",
    "days_past_due",
    "overdue_principal",
    "overdue_interest",
    "penalty_owed",
    "compound_owed",
    "next_due_date",
    "next_due_amount",
    "computed_on",
    "in_arrears",
    "suggested_class",
    "classification",
    "classification_confirmed",
)


def _account_values(account: LoanAccount) -> dict[str, Any]:
    values = {name: getattr(account, name) for name in _COPIED}
    values["in_arrears"] = account.state is LoanState.ACTIVE and account.days_past_due > 0
    values["repayment_method"] = account.repayment_method.value
    values["state"] = account.state.value
    values["suggested_class"] = account.suggested_class.value
    values["classification"] = account.classification.value
    return values


def _account(row: LoanAccountRow) -> LoanAccount:
    values = {name: getattr(row, name) for name in _COPIED}
    return LoanAccount(
        loan_id=row.loan_id,
        repayment_method=RepaymentMethod(row.repayment_method),
        state=LoanState(row.state),
        suggested_class=Category(row.suggested_class),
        classification=Category(row.classification),
        version=row.version,
        **values,
    )


def _line(row: ScheduleLineRow) -> ScheduleLine:
    return ScheduleLine(
        period=row.period,
        due_date=row.due_date,
        principal=row.principal,
        interest=row.interest,
        principal_paid=row.principal_paid,
        interest_paid=row.interest_paid,
        penalty_settled=row.penalty_settled,
        compound_settled=row.compound_settled,
        balance=row.balance,
        days=row.days,
    )


_LINE_PAID = ("principal_paid", "interest_paid", "penalty_settled", "compound_settled")
_LINE_TERMS = ("due_date", "principal", "interest", "balance", "days")


def _line_values(loan_id: int, version: int, line: ScheduleLine, superseded: bool) -> dict:
    return {
        "loan_id": loan_id,
        "version": version,
        "period": line.period,
        "superseded": superseded,
        **{name: getattr(line, name) for name in (*_LINE_TERMS, *_LINE_PAID)},
    }


class LoanAccountRepository:
    def __init__(self, session: Session):
        self.session = session

    # --- the account -------------------------------------------------------------

    def get(self, loan_number: str) -> LoanAccount | None:
        query = select(A).where(A.loan_number == loan_number).execution_options(**_FRESH)
        row = self.session.scalars(query).one_or_none()
        return None if row is None else _account(row)

    def lock(self, loan_number: str) -> LoanAccount | None:
        """The account as committed now, locked until the end of the
        transaction (PostgreSQL; SQLite's write lock is already held)."""
        query = (
            select(A)
            .where(A.loan_number == loan_number)
            .with_for_update()
            .execution_options(**_FRESH)
        )
        row = self.session.scalars(query).one_or_none()
        return None if row is None else _account(row)

    def save(self, account: LoanAccount) -> LoanAccount:
        """Store the account over the copy of its ``version``, and the
        loan's state and outstanding principal with it."""
        row = self.session.get(A, account.loan_id)
        if row.version != account.version:
            raise ConcurrencyConflict(
                f"贷款 {account.loan_number} 刚刚已被其他人处理，请刷新后重试。"
            )
        for name, value in _account_values(account).items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        loan = self.session.get(LoanRow, account.loan_id)
        if loan.state != account.state.value:
            loan.state = account.state.value
        if loan.outstanding_principal != account.outstanding_principal:
            loan.outstanding_principal = account.outstanding_principal
        self.session.flush()
        account.version = row.version
        return account

    def save_positions(self, accounts: Sequence[LoanAccount]) -> None:
        """The daily run's new positions, in one statement per batch. The
        rows were locked when read (``accruals.accounts_to_compute``)."""
        if not accounts:
            return
        t = A.__table__
        statement = (
            update(t)
            .where(t.c.loan_id == bindparam("b_loan_id"))
            .values(
                {name: bindparam(f"b_{name}") for name in _POSITION} | {"version": t.c.version + 1}
            )
        )
        rows = []
        for account in accounts:
            values = _account_values(account)
            row = {"b_loan_id": account.loan_id}
            row.update({f"b_{name}": values[name] for name in _POSITION})
            rows.append(row)
        for chunk in _chunks(rows, BATCH):
            self.session.execute(statement, chunk)

    def set_classification(
        self, loan_id: int, category: Category, *, confirmed: bool, suggested: Category
    ) -> None:
        row = self.session.get(A, loan_id)
        row.classification, row.classification_confirmed = category.value, confirmed
        row.suggested_class = suggested.value
        self.session.flush()

    def set_next_revisit(self, loan_id: int, day: date) -> None:
        self.session.get(A, loan_id).next_revisit_on = day
        self.session.flush()

    def set_next_collection(self, loan_id: int, day: date) -> None:
        self.session.get(A, loan_id).next_collection_on = day
        self.session.flush()

    # --- schedule lines ------------------------------------------------------------

    def _line_rows(self, loan_id: int, version: int | None) -> list[ScheduleLineRow]:
        query = select(ScheduleLineRow).where(ScheduleLineRow.loan_id == loan_id)
        if version is None:
            query = query.where(ScheduleLineRow.superseded.is_(False))
        else:
            query = query.where(ScheduleLineRow.version == version)
        query = query.order_by(ScheduleLineRow.period).execution_options(**_FRESH)
        return list(self.session.scalars(query))

    def lines(self, loan_id: int, version: int | None = None) -> list[ScheduleLine]:
        """The current lines (or those of ``version``), by period."""
        return [_line(r) for r in self._line_rows(loan_id, version)]

    def lines_of_many(self, loan_ids: Sequence[int]) -> dict[int, list[ScheduleLine]]:
        """The current lines of many loans at once, by loan."""
        t = ScheduleLineRow.__table__
        found: dict[int, list[ScheduleLine]] = {}
        for chunk in _chunks(list(loan_ids), 900):
            query = (
                select(t)
                .where(t.c.loan_id.in_(chunk), t.c.superseded.is_(False))
                .order_by(t.c.loan_id, t.c.period)
            )
            for r in self.session.execute(query):
                found.setdefault(r.loan_id, []).append(_line(r))
        return found

    def update_lines(self, loan_id: int, version: int, lines: Sequence[ScheduleLine]) -> None:
        """Store what has been paid of each line of ``version``."""
        by_period = {line.period: line for line in lines}
        for row in self._line_rows(loan_id, version):
            line = by_period[row.period]
            for name in _LINE_PAID:
                if getattr(row, name) != getattr(line, name):
                    setattr(row, name, getattr(line, name))
        self.session.flush()

    def replace_schedule(self, loan_id: int, version: int, lines: Sequence[ScheduleLine]) -> None:
        """Mark the current lines superseded and store ``lines`` as ``version``."""
        for row in self._line_rows(loan_id, None):
            row.superseded = True
        self.session.flush()
        self.session.add_all(
            ScheduleLineRow(**_line_values(loan_id, version, line, False)) for line in lines
        )
        self.session.flush()

    # --- opening accounts ------------------------------------------------------------

    def open_missing(
        self, revisit_interval_days: int, loan_numbers: Sequence[str] | None = None
    ) -> list[LoanAccount]:
        """Open an account, with version 0 of its schedule copied from the
        disbursement, for every loan without one (among ``loan_numbers``);
        the new accounts."""
        query = (
            select(
                LoanRow,
                ApplicationRow.officer,
                BusinessRow.marketing_area,
            )
            .join(ApplicationRow, ApplicationRow.id == LoanRow.application_id)
            .outerjoin(BusinessRow, BusinessRow.id == ApplicationRow.business_id)
            .where(~exists().where(A.loan_id == LoanRow.id))
            .order_by(LoanRow.id)
        )
        if loan_numbers is not None:
            query = query.where(LoanRow.loan_number.in_(list(loan_numbers)))
        opened = []
        for loan, officer, area in self.session.execute(query).all():
            instalments = self.session.scalars(
                select(LoanInstalmentRow)
                .where(LoanInstalmentRow.loan_id == loan.id)
                .order_by(LoanInstalmentRow.period)
            ).all()
            row = _opened_row(loan, officer, area or "", instalments, revisit_interval_days)
            self.session.add(row)
            self.session.add_all(
                ScheduleLineRow(
                    loan_id=loan.id,
                    version=0,
                    period=i.period,
                    due_date=i.due_date,
                    principal=i.principal,
                    interest=i.interest,
                    balance=i.balance,
                    days=i.days,
                    principal_paid=ZERO,
                    interest_paid=ZERO,
                    penalty_settled=ZERO,
                    compound_settled=ZERO,
                    superseded=False,
                )
                for i in instalments
            )
            self.session.flush()
            opened.append(_account(row))
        return opened


def _opened_row(loan, officer, area, instalments, interval) -> LoanAccountRow:
    first = instalments[0]
    return LoanAccountRow(
        loan_id=loan.id,
        loan_number=loan.loan_number,
        customer_id=loan.customer_id,
        borrower_name=loan.borrower_name,
        product_code=loan.product_code,
        officer=officer,
        marketing_area=area,
        amount=loan.amount,
        annual_rate=loan.annual_rate,
        repayment_method=loan.repayment_method,
        penalty_uplift=loan.penalty_uplift,
        disbursed_on=loan.start_date,
        maturity_date=loan.maturity_date,
        first_due_on=first.due_date,
        state=loan.state,
        outstanding_principal=loan.outstanding_principal,
        penalty_paid=ZERO,
        compound_paid=ZERO,
        schedule_version=0,
        arrears_since=first.due_date,
        days_past_due=0,
        overdue_principal=ZERO,
        overdue_interest=ZERO,
        penalty_owed=ZERO,
        compound_owed=ZERO,
        next_due_date=first.due_date,
        next_due_amount=first.principal + first.interest,
        computed_on=None,
        suggested_class=Category.NORMAL.value,
        classification=Category.NORMAL.value,
        classification_confirmed=False,
        next_revisit_on=loan.start_date + timedelta(days=interval),
        in_arrears=False,
    )


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---------------------------------------------------------------------------
# Postings and reversals
# ---------------------------------------------------------------------------


class DuplicateReceipt(DomainError):
    """Another desk posted the same receipt number a moment earlier."""


class RepaymentRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, repayment: Repayment) -> Repayment:
        """Store a posting; ``DuplicateReceipt`` if its receipt number was
        taken meanwhile (the unique constraint is the last word)."""
        row = RepaymentRow(**_repayment_values(repayment))
        try:
            with self.session.begin_nested():
                self.session.add(row)
                self.session.flush()
        except IntegrityError:
            raise DuplicateReceipt(
                f"回单号 {repayment.receipt_number} 刚刚已由其他柜员入账，同一回单不能重复入账。"
            ) from None
        return _repayment(row, repayment.loan_number, None)

    def _query(self):
        return (
            select(RepaymentRow, A.loan_number, RepaymentReversalRow)
            .join(A, A.loan_id == RepaymentRow.loan_id)
            .outerjoin(RepaymentReversalRow, RepaymentReversalRow.repayment_id == RepaymentRow.id)
            .execution_options(**_FRESH)
        )

    def by_receipt(self, receipt_number: str) -> Repayment | None:
        found = self.session.execute(
            self._query().where(RepaymentRow.receipt_number == receipt_number)
        ).one_or_none()
        return None if found is None else _repayment(*found)

    def latest_standing(self, loan_id: int, before_id: int | None = None) -> Repayment | None:
        """The loan's latest posting that has not been reversed (before the
        posting ``before_id``)."""
        query = (
            self._query()
            .where(RepaymentRow.loan_id == loan_id, RepaymentReversalRow.id.is_(None))
            .order_by(RepaymentRow.paid_on.desc(), RepaymentRow.id.desc())
            .limit(1)
        )
        if before_id is not None:
            query = query.where(RepaymentRow.id != before_id)
        found = self.session.execute(query).first()
        return None if found is None else _repayment(*found)

    def for_loan(self, loan_id: int) -> list[Repayment]:
        query = (
            self._query()
            .where(RepaymentRow.loan_id == loan_id)
            .order_by(RepaymentRow.paid_on, RepaymentRow.id)
        )
        return [_repayment(*found) for found in self.session.execute(query)]

    def add_reversal(self, reversal: Reversal) -> Reversal:
        row = RepaymentReversalRow(
            repayment_id=reversal.repayment_id,
            reason=reversal.reason,
            requested_by=reversal.requested_by,
            approved_by=reversal.approved_by,
            reversed_at=reversal.reversed_at,
            allocation=_dump(reversal.allocation),
        )
        self.session.add(row)
        self.session.flush()
        return _reversal(row)


def _dump(allocation: Allocation) -> str:
    return json.dumps(allocation.to_dict(), sort_keys=True, separators=(",", ":"))


def _repayment_values(r: Repayment) -> dict[str, Any]:
    allocation = r.allocation
    return {
        "loan_id": r.loan_id,
        "receipt_number": r.receipt_number,
        "amount": r.amount,
        "paid_on": r.paid_on,
        "channel": r.channel.value,
        "kind": r.kind.value,
        "early_option": r.option.value if r.option else None,
        "allocation": _dump(allocation),
        "principal": allocation.principal,
        "interest": allocation.interest,
        "penalty": allocation.penalty,
        "compound": allocation.compound,
        "posted_by": r.posted_by,
        "posted_at": r.posted_at,
        "schedule_version_before": r.schedule_version_before,
        "schedule_version_after": r.schedule_version_after,
        "outstanding_after": r.outstanding_after,
        "arrears_since_after": r.arrears_since_after,
        "note": r.note,
    }


def _reversal(row: RepaymentReversalRow) -> Reversal:
    return Reversal(
        repayment_id=row.repayment_id,
        reason=row.reason,
        requested_by=row.requested_by,
        approved_by=row.approved_by,
        reversed_at=row.reversed_at,
        allocation=Allocation.from_dict(json.loads(row.allocation)),
        id=row.id,
    )


def _repayment(
    row: RepaymentRow, loan_number: str, reversal: RepaymentReversalRow | None
) -> Repayment:
    return Repayment(
        loan_id=row.loan_id,
        loan_number=loan_number,
        receipt_number=row.receipt_number,
        amount=row.amount,
        paid_on=row.paid_on,
        channel=Channel(row.channel),
        kind=PaymentKind(row.kind),
        option=EarlyRepaymentOption(row.early_option) if row.early_option else None,
        allocation=Allocation.from_dict(json.loads(row.allocation)),
        posted_by=row.posted_by,
        posted_at=row.posted_at,
        schedule_version_before=row.schedule_version_before,
        schedule_version_after=row.schedule_version_after,
        outstanding_after=row.outstanding_after,
        arrears_since_after=row.arrears_since_after,
        note=row.note,
        reversal=None if reversal is None else _reversal(reversal),
        id=row.id,
    )


# ---------------------------------------------------------------------------
# The daily run's snapshots
# ---------------------------------------------------------------------------

X = LoanAccrualRow


def _recorded(as_of: date):
    return exists().where(X.loan_id == A.loan_id, X.as_of == as_of)


def _unchanged_since_computed(as_of: date):
    """Nothing overdue and no due date reached since the position was
    computed, on or before ``as_of``: the figures stand as they are."""
    return and_(
        A.computed_on.is_not(None),
        A.computed_on <= as_of,
        or_(A.arrears_since.is_(None), A.arrears_since > as_of),
    )


_ACCRUAL_COLUMNS = (
    "days_past_due",
    "outstanding_principal",
    "overdue_principal",
    "overdue_interest",
    "penalty_interest",
    "compound_interest",
    "penalty_accrued",
    "compound_accrued",
)


class AccrualRepository:
    def __init__(self, session: Session):
        self.session = session

    def accounts_to_compute(self, as_of: date, *, after: int, limit: int) -> list[LoanAccount]:
        """Active accounts not yet recorded for ``as_of`` whose position may
        have moved, by loan id after ``after``, locked for the run."""
        query = (
            select(A)
            .where(
                A.state == ACTIVE,
                A.loan_id > after,
                ~_recorded(as_of),
                ~_unchanged_since_computed(as_of),
            )
            .order_by(A.loan_id)
            .limit(limit)
            .with_for_update(of=A)
            .execution_options(**_FRESH)
        )
        return [_account(r) for r in self.session.scalars(query)]

    def carry_unchanged(self, as_of: date) -> int:
        """Record the accounts whose figures stand as computed, straight from
        the accounts (nothing accrued that day); how many."""
        t = A.__table__
        zero = literal(0, BigInteger)
        source = select(
            t.c.loan_id,
            literal(as_of).label("as_of"),
            literal(0).label("days_past_due"),
            t.c.outstanding_principal,
            zero.label("overdue_principal"),
            zero.label("overdue_interest"),
            t.c.penalty_owed,
            t.c.compound_owed,
            zero.label("penalty_accrued"),
            zero.label("compound_accrued"),
            t.c.classification,
        ).where(A.state == ACTIVE, ~_recorded(as_of), _unchanged_since_computed(as_of))
        columns = ["loan_id", "as_of", *_ACCRUAL_COLUMNS, "classification"]
        before = self._recorded_on(as_of)
        self.session.execute(insert(X.__table__).from_select(columns, source))
        # Counted rather than taken from the cursor: PostgreSQL's driver
        # reports no row count for an insert from a select.
        return self._recorded_on(as_of) - before

    def _recorded_on(self, as_of: date) -> int:
        return self.session.scalar(select(func.count()).select_from(X).where(X.as_of == as_of))

    def add_many(self, records: Sequence[Accrual]) -> None:
        rows = [
            {
                "loan_id": r.loan_id,
                "as_of": r.as_of,
                "classification": r.classification.value,
                **{name: getattr(r, name) for name in _ACCRUAL_COLUMNS},
            }
            for r in records
        ]
        for chunk in _chunks(rows, BATCH):
            self.session.execute(insert(X.__table__), chunk)

    def on(self, as_of: date) -> list[Accrual]:
        query = select(X).where(X.as_of == as_of).order_by(X.loan_id)
        return [
            Accrual(
                loan_id=r.loan_id,
                as_of=r.as_of,
                classification=Category(r.classification),
                **{name: getattr(r, name) for name in _ACCRUAL_COLUMNS},
            )
            for r in self.session.scalars(query)
        ]


# ---------------------------------------------------------------------------
# Follow-up tasks
# ---------------------------------------------------------------------------

T = FollowUpTaskRow


def _open_key(kind: TaskKind, loan_id: int) -> str:
    return f"{kind.value}:{loan_id}"


def _task(row: FollowUpTaskRow, loan_number: str, borrower_name: str) -> FollowUpTask:
    return FollowUpTask(
        loan_id=row.loan_id,
        loan_number=loan_number,
        borrower_name=borrower_name,
        kind=TaskKind(row.kind),
        officer=row.officer,
        due_on=row.due_on,
        created_at=row.created_at,
        created_by=row.created_by,
        status=TaskStatus(row.status),
        completed_at=row.completed_at,
        completed_by=row.completed_by,
        notes=row.notes,
        evidence_reference=row.evidence_reference,
        evidence_file_name=row.evidence_file_name,
        evidence_sha256=row.evidence_sha256,
        id=row.id,
        version=row.version,
    )


def _task_values(task: FollowUpTask) -> dict[str, Any]:
    open_ = task.status is TaskStatus.OPEN
    return {
        "loan_id": task.loan_id,
        "kind": task.kind.value,
        "officer": task.officer,
        "due_on": task.due_on,
        "status": task.status.value,
        "open_key": _open_key(task.kind, task.loan_id) if open_ else None,
        "created_at": task.created_at,
        "created_by": task.created_by,
        "completed_at": task.completed_at,
        "completed_by": task.completed_by,
        "notes": task.notes,
        "evidence_reference": task.evidence_reference,
        "evidence_file_name": task.evidence_file_name,
        "evidence_sha256": task.evidence_sha256,
        "version": 1,
    }


def _open_task(kind: TaskKind):
    return exists().where(T.loan_id == A.loan_id, T.kind == kind.value, T.status == "open")


class FollowUpRepository:
    def __init__(self, session: Session):
        self.session = session

    def add_many(self, tasks: Sequence[FollowUpTask]) -> None:
        """Store new tasks in bulk (the daily run records one event for them)."""
        rows = [_task_values(t) for t in tasks]
        for chunk in _chunks(rows, BATCH):
            self.session.execute(insert(T.__table__), chunk)

    def _query(self):
        return (
            select(T, A.loan_number, A.borrower_name)
            .join(A, A.loan_id == T.loan_id)
            .execution_options(**_FRESH)
        )

    def get(self, task_id: int) -> FollowUpTask | None:
        found = self.session.execute(self._query().where(T.id == task_id)).one_or_none()
        return None if found is None else _task(*found)

    def update(self, task: FollowUpTask) -> FollowUpTask:
        """Save the task's completion over the copy of its version."""
        row = self.session.get(T, task.id)
        if row.version != task.version:
            raise ConcurrencyConflict()
        values = _task_values(task)
        del values["version"]
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        if task.evidence_data is not None:
            row.data = task.evidence_data
        self.session.flush()
        return _task(row, task.loan_number, task.borrower_name)

    def has_task(self, loan_id: int, kind: TaskKind) -> bool:
        query = select(T.id).where(T.loan_id == loan_id, T.kind == kind.value).limit(1)
        return self.session.scalar(query) is not None

    def _accounts(self, *conditions) -> list[LoanAccount]:
        query = select(A).where(A.state == ACTIVE, *conditions).order_by(A.loan_id)
        return [_account(r) for r in self.session.scalars(query)]

    def accounts_without(self, kind: TaskKind, *, disbursed_since: date) -> list[LoanAccount]:
        """Active accounts disbursed since a day with no task of ``kind`` at all."""
        ever = exists().where(T.loan_id == A.loan_id, T.kind == kind.value)
        return self._accounts(A.disbursed_on >= disbursed_since, ~ever)

    def revisits_due(self, until: date) -> list[LoanAccount]:
        return self._accounts(A.next_revisit_on <= until, ~_open_task(TaskKind.REVISIT))

    def collections_due(self, as_of: date) -> list[LoanAccount]:
        return self._accounts(
            A.arrears_since < as_of,
            ~_open_task(TaskKind.COLLECTION),
            or_(A.next_collection_on.is_(None), A.next_collection_on <= as_of),
        )

    def for_officer(self, username: str, *, include_done: bool) -> list[FollowUpTask]:
        query = self._query().where(T.officer == username)
        if not include_done:
            query = query.where(T.status == "open")
        query = query.order_by(T.status.desc(), T.due_on, T.id)
        return [_task(*found) for found in self.session.execute(query)]

    def for_loan(self, loan_id: int) -> list[FollowUpTask]:
        query = self._query().where(T.loan_id == loan_id).order_by(T.id)
        return [_task(*found) for found in self.session.execute(query)]

    def late(self, day: date) -> list[FollowUpTask]:
        query = (
            self._query()
            .where(T.status == "open", T.due_on < day)
            .order_by(T.officer, T.due_on, T.id)
        )
        return [_task(*found) for found in self.session.execute(query)]


# ---------------------------------------------------------------------------
# Classification decisions
# ---------------------------------------------------------------------------


class ClassificationRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, decision: ClassificationDecision) -> ClassificationDecision:
        row = ClassificationRow(loan_id=decision.loan_id, **_decision_values(decision))
        self.session.add(row)
        self.session.flush()
        return _decision(row, decision.loan_number)

    def for_loan(self, loan_id: int) -> list[ClassificationDecision]:
        query = (
            select(ClassificationRow, A.loan_number)
            .join(A, A.loan_id == ClassificationRow.loan_id)
            .where(ClassificationRow.loan_id == loan_id)
            .order_by(ClassificationRow.id)
        )
        return [_decision(*found) for found in self.session.execute(query)]

    def pending(self, limit: int) -> list[PendingClassification]:
        """Active loans suggested worse than 正常 whose category nobody confirmed."""
        query = (
            select(A)
            .where(
                A.state == ACTIVE,
                A.classification_confirmed.is_(False),
                A.suggested_class != Category.NORMAL.value,
            )
            .order_by(A.arrears_since, A.loan_number)
            .limit(limit)
        )
        return [
            PendingClassification(
                loan_number=r.loan_number,
                borrower_name=r.borrower_name,
                officer=r.officer,
                days_past_due=r.days_past_due,
                suggested=Category(r.suggested_class),
                category=Category(r.classification),
                outstanding_principal=r.outstanding_principal,
                version=r.version,
                product_code=r.product_code,
                arrears_since=r.arrears_since,
            )
            for r in self.session.scalars(query)
        ]


def _decision(row: ClassificationRow, loan_number: str) -> ClassificationDecision:
    return ClassificationDecision(
        loan_number=loan_number,
        category=Category(row.category),
        suggested=Category(row.suggested),
        days_past_due=row.days_past_due,
        reason=row.reason,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        blacklisted=row.blacklisted,
        loan_id=row.loan_id,
        id=row.id,
    )


# ---------------------------------------------------------------------------
# The register and the reports
# ---------------------------------------------------------------------------

_GROUP_COLUMNS = {"product": A.product_code, "officer": A.officer, "area": A.marketing_area}
# Up to this many officers, each is looked up through his index; beyond, the
# newest contracts are read in order and kept if their officer is among them.
_FEW_OFFICERS = 3


def _unindexed(column):
    """``column`` as an expression no index serves (``column || ''``), so the
    planner reads the newest contracts first instead of sorting every match."""
    return column + ""


# Above every character a name or contract number can hold: the end of a
# prefix range in SQLite, whose text compares byte by byte.
_HIGHEST = "\U0010ffff"


def _fen(column):
    """An amount column summed as plain integers (fen)."""
    return type_coerce(column, BigInteger)


def _yuan(value) -> Decimal:
    return ZERO if value is None else from_fen(int(value))


class LoanReportRepository:
    def __init__(self, session: Session):
        self.session = session

    @property
    def _sqlite(self) -> bool:
        return self.session.get_bind().dialect.name == "sqlite"

    # --- the register ------------------------------------------------------------

    def register_page(
        self, query: RegisterQuery, after: str | None, limit: int
    ) -> list[RegisterRow]:
        """See ``domain.register.loan_register``.

        Each way the search text can match is its own query, newest contract
        first, and the pages are merged: one query with OR would have to
        collect and sort every match before the first page.
        """
        conditions = self._filters(query)
        if after is not None:
            conditions.append(A.loan_number < after)
        alternatives = self._search(query) if query.searching else [None]
        found: dict[str, LoanAccountRow] = {}
        for alternative in alternatives:
            where = conditions if alternative is None else [*conditions, alternative]
            statement = select(A).where(*where).order_by(A.loan_number.desc()).limit(limit)
            for row in self.session.scalars(statement):
                found[row.loan_number] = row
        page = sorted(found, reverse=True)[:limit]
        return [_register_row(found[number], query.today) for number in page]

    def _filters(self, query: RegisterQuery) -> list:
        conditions: list = []
        if query.state is not None:
            conditions.append(A.state == query.state.value)
        if query.product_code:
            conditions.append(A.product_code == query.product_code)
        if query.overdue is not None:
            conditions.append(A.in_arrears == query.overdue)
        return conditions

    def _search(self, query: RegisterQuery) -> list:
        """The conditions the search text can meet, one per way of matching."""
        found = []
        if query.number_prefix:
            found.append(self._prefix(A.loan_number, query.number_prefix))
        if query.name_prefix:
            # A single character is a surname that many share: reading the
            # newest contracts first finds a page sooner than the name index.
            column = A.borrower_name if len(query.name_prefix) > 1 else _unindexed(A.borrower_name)
            found.append(self._prefix(column, query.name_prefix))
        officers = set()
        if query.officer_prefix:
            officers |= self._usernames(
                UserRow.username.startswith(query.officer_prefix, autoescape=True)
            )
        if query.officer_name:
            officers |= self._usernames(
                UserRow.full_name.contains(query.officer_name, autoescape=True)
            )
        if len(officers) <= _FEW_OFFICERS:
            found += [A.officer == name for name in sorted(officers)]
        else:
            found.append(_unindexed(A.officer).in_(sorted(officers)))
        return found

    def _prefix(self, column, text: str):
        # SQLite walks an index for a range but not for LIKE; PostgreSQL's
        # collation does not order a prefix range byte-wise, LIKE is exact.
        if self._sqlite:
            return and_(column >= text, column < text + _HIGHEST)
        return column.startswith(text, autoescape=True)

    def _usernames(self, condition) -> set[str]:
        return set(self.session.scalars(select(UserRow.username).where(condition)))

    # --- portfolio facts -------------------------------------------------------------

    def live_facts(self, group: str, day: date, par_days: Sequence[int]) -> list[GroupFacts]:
        """From the accounts: loans disbursed by ``day``; active ones owing."""
        key = _GROUP_COLUMNS[group]
        active = A.state == ACTIVE
        owing = _fen(A.outstanding_principal)
        columns = [
            key,
            func.count(),
            func.sum(_fen(A.amount)),
            func.sum(case((active, 1), else_=0)),
            func.sum(case((active, owing), else_=0)),
            *(
                func.sum(
                    case((and_(active, A.arrears_since < day - timedelta(days=n)), owing), else_=0)
                )
                for n in par_days
            ),
        ]
        query = select(*columns).where(A.disbursed_on <= day).group_by(key)
        return [_facts(row, par_days) for row in self.session.execute(query)]

    def has_snapshots(self, day: date) -> bool:
        return self.session.scalar(select(X.loan_id).where(X.as_of == day).limit(1)) is not None

    def snapshot_facts(self, group: str, day: date, par_days: Sequence[int]) -> list[GroupFacts]:
        """From the daily run's snapshots of ``day``: recorded loans were active."""
        key = _GROUP_COLUMNS[group]
        recorded = X.loan_id.is_not(None)
        owing = _fen(X.outstanding_principal)
        columns = [
            key,
            func.count(),
            func.sum(_fen(A.amount)),
            func.sum(case((and_(recorded, X.outstanding_principal > 0), 1), else_=0)),
            func.sum(case((recorded, owing), else_=0)),
            *(func.sum(case((X.days_past_due > n, owing), else_=0)) for n in par_days),
        ]
        query = (
            select(*columns)
            .select_from(A)
            .outerjoin(X, and_(X.loan_id == A.loan_id, X.as_of == day))
            .where(A.disbursed_on <= day)
            .group_by(key)
        )
        return [_facts(row, par_days) for row in self.session.execute(query)]

    def loan_histories(self, until: date) -> Iterator[LoanHistory]:
        """Every loan disbursed by ``until`` with its standing postings up to
        it, by loan, for recomputing past days."""
        accounts = self.session.execute(
            select(
                A.loan_id,
                A.product_code,
                A.officer,
                A.marketing_area,
                _fen(A.amount),
                A.disbursed_on,
                A.first_due_on,
                A.state,
                A.closed_on,
            )
            .where(A.disbursed_on <= until)
            .order_by(A.loan_id)
        ).all()
        postings = self.session.execute(
            select(
                RepaymentRow.loan_id,
                RepaymentRow.paid_on,
                _fen(RepaymentRow.outstanding_after),
                RepaymentRow.arrears_since_after,
            )
            .outerjoin(RepaymentReversalRow, RepaymentReversalRow.repayment_id == RepaymentRow.id)
            .where(RepaymentReversalRow.id.is_(None), RepaymentRow.paid_on <= until)
            .order_by(RepaymentRow.loan_id, RepaymentRow.paid_on, RepaymentRow.id)
        )
        return _merge_histories(accounts, postings)

    # --- lists -------------------------------------------------------------------------

    def by_classification(self) -> dict[str, tuple[int, Decimal]]:
        query = (
            select(A.classification, func.count(), func.sum(_fen(A.outstanding_principal)))
            .where(A.state == ACTIVE)
            .group_by(A.classification)
        )
        return {c: (n, _yuan(total)) for c, n, total in self.session.execute(query)}

    def due_between(self, start: date, end: date, limit: int) -> list[DueLoan]:
        query = (
            select(A)
            .where(A.state == ACTIVE, A.next_due_date >= start, A.next_due_date <= end)
            .order_by(A.next_due_date, A.loan_number)
            .limit(limit)
        )
        return [
            DueLoan(
                r.loan_number,
                r.borrower_name,
                r.officer,
                r.next_due_date,
                r.next_due_amount,
                max((start - r.arrears_since).days, 0) if r.arrears_since else 0,
            )
            for r in self.session.scalars(query)
        ]


def _facts(row, par_days: Sequence[int]) -> GroupFacts:
    key, loans, amount, active, outstanding, *at_risk = row
    return GroupFacts(
        key=key or "",
        loans_disbursed=int(loans or 0),
        amount_disbursed=_yuan(amount),
        active_loans=int(active or 0),
        outstanding=_yuan(outstanding),
        at_risk={n: _yuan(v) for n, v in zip(par_days, at_risk, strict=True)},
    )


def _merge_histories(accounts, postings: Iterable) -> Iterator[LoanHistory]:
    pending = iter(postings)
    posting = next(pending, None)
    for loan_id, product, officer, area, amount, disbursed, first_due, state, closed in accounts:
        mine = []
        while posting is not None and posting[0] < loan_id:
            posting = next(pending, None)
        while posting is not None and posting[0] == loan_id:
            mine.append((posting[1], _yuan(posting[2]), posting[3]))
            posting = next(pending, None)
        yield LoanHistory(
            keys={"product": product, "officer": officer, "area": area},
            amount=_yuan(amount),
            disbursed_on=disbursed,
            first_due_on=first_due,
            written_off_on=closed if state == LoanState.WRITTEN_OFF.value else None,
            postings=mine,
        )


def _register_row(row: LoanAccountRow, today: date) -> RegisterRow:
    return RegisterRow(
        loan_number=row.loan_number,
        borrower_name=row.borrower_name,
        product_code=row.product_code,
        officer=row.officer,
        state=LoanState(row.state),
        amount=row.amount,
        outstanding_principal=row.outstanding_principal,
        next_due_date=row.next_due_date,
        next_due_amount=row.next_due_amount,
        arrears_since=row.arrears_since,
        classification=Category(row.classification),
        disbursed_on=row.disbursed_on,
        maturity_date=row.maturity_date,
        today=today,
    )


# ---------------------------------------------------------------------------
# Taking over a loan book
# ---------------------------------------------------------------------------


class LoanBookRepository:
    """Bulk storage for ``domain.servicing.load_loan_book``: loans with
    their disbursement schedules, servicing accounts, every schedule
    version, postings, decisions and completed tasks."""

    def __init__(self, session: Session):
        self.session = session

    def add(self, loaded: Sequence[LoadedLoan]) -> None:
        """Store the replayed loans; each loan and account gets its id."""
        ids = _insert_returning_ids(
            self.session, LoanRow.__table__, [_loan_values(item) for item in loaded]
        )
        for item, loan_id in zip(loaded, ids, strict=True):
            item.booked.loan.id = item.account.loan_id = loan_id
        self._insert(LoanInstalmentRow, _instalments(loaded))
        self._insert(
            A,
            [
                {**_account_values(i.account), "loan_id": i.account.loan_id, "version": 1}
                for i in loaded
            ],
        )
        self._insert(ScheduleLineRow, _versions(loaded))
        self._insert(
            RepaymentRow,
            [
                {**_repayment_values(r), "loan_id": item.account.loan_id}
                for item in loaded
                for r in item.repayments
            ],
        )
        self._insert(
            ClassificationRow,
            [
                {**_decision_values(d), "loan_id": item.account.loan_id}
                for item in loaded
                for d in item.decisions
            ],
        )
        self._insert(
            T,
            [
                {**_task_values(t), "loan_id": item.account.loan_id}
                for item in loaded
                for t in item.tasks
            ],
        )

    def _insert(self, model, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        table = model.__table__
        if self.session.get_bind().dialect.name == "sqlite":
            _insert_plain(self.session, table, rows)
            return
        for chunk in _chunks(rows, BATCH):
            self.session.execute(insert(table), chunk)


def _insert_plain(session: Session, table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` into a SQLite table through the driver, each value
    converted as its column type stores it: a loan book of a million loans
    is tens of millions of rows, and SQLAlchemy's per-value processing
    would take most of the time."""
    names = list(rows[0])
    convert = [_plain_converter(table.c[name].type) for name in names]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    connection = session.connection()
    # A big page cache keeps the indexes of a large book in memory while loading.
    connection.exec_driver_sql("PRAGMA cache_size = -262144")
    for chunk in _chunks(rows, BATCH):
        values = [
            tuple(c(row[name]) for c, name in zip(convert, names, strict=True)) for row in chunk
        ]
        connection.exec_driver_sql(sql, values)


def _plain_converter(column_type):
    """How a column of ``column_type`` stores a value on SQLite."""
    if isinstance(column_type, Fen):
        return lambda v: None if v is None else to_fen(v)
    if isinstance(column_type, TenThousandths):
        return lambda v: None if v is None else int(Decimal(v).scaleb(4))
    if isinstance(column_type, UtcDateTime):
        return lambda v: None if v is None else f"{v.astimezone(UTC):%Y-%m-%d %H:%M:%S.%f}"
    if isinstance(column_type, Date):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(column_type, Boolean):
        return lambda v: None if v is None else int(v)
    return lambda v: v


def _insert_returning_ids(session: Session, table, rows: list[dict[str, Any]]) -> list[int]:
    ids: list[int] = []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    for chunk in _chunks(rows, BATCH):
        ids.extend(session.execute(statement, chunk).scalars())
    return ids


def _loan_values(item: LoadedLoan) -> dict[str, Any]:
    loan, account = item.booked.loan, item.account
    payment = loan.payment
    entrusted = loan.payment_mode.value == "entrusted"
    return {
        "loan_number": loan.loan_number,
        "application_id": item.booked.application.id,
        "customer_id": loan.customer_id,
        "borrower_name": loan.borrower_name,
        "product_code": loan.product_code,
        "amount": loan.amount,
        "annual_rate": loan.annual_rate,
        "base_rate": loan.base_rate,
        "spread": loan.spread,
        "pricing_description": loan.pricing_description,
        "risk_grade": loan.risk_grade.value,
        "months": loan.months,
        "repayment_method": loan.repayment_method.value,
        "due_day": loan.due_day,
        "start_date": loan.start_date,
        "maturity_date": loan.maturity_date,
        "payment_mode": loan.payment_mode.value,
        "repayment_account": loan.repayment_account,
        "counterparty_name": payment.counterparty_name if entrusted else None,
        "counterparty_account": payment.counterparty_account if entrusted else None,
        "counterparty_bank": payment.counterparty_bank if entrusted else None,
        "entrusted_amount": payment.amount if entrusted else None,
        "state": account.state.value,
        "outstanding_principal": account.outstanding_principal,
        "disbursed_at": loan.disbursed_at,
        "disbursed_by": loan.disbursed_by,
        "penalty_uplift": loan.penalty_uplift,
        "misuse_penalty_uplift": loan.misuse_penalty_uplift,
        "version": 1,
    }


def _instalments(loaded: Sequence[LoadedLoan]) -> list[dict[str, Any]]:
    return [
        {
            "loan_id": item.account.loan_id,
            "period": i.period,
            "due_date": i.due_date,
            "payment": i.payment,
            "principal": i.principal,
            "interest": i.interest,
            "balance": i.balance,
            "days": i.days,
        }
        for item in loaded
        for i in item.booked.schedule.instalments
    ]


def _versions(loaded: Sequence[LoadedLoan]) -> list[dict[str, Any]]:
    return [
        _line_values(item.account.loan_id, version, line, superseded)
        for item in loaded
        for version, lines, superseded in item.versions
        for line in lines
    ]


def _decision_values(d: ClassificationDecision) -> dict[str, Any]:
    return {
        "category": d.category.value,
        "suggested": d.suggested.value,
        "days_past_due": d.days_past_due,
        "reason": d.reason,
        "decided_by": d.decided_by,
        "decided_at": d.decided_at,
        "blacklisted": d.blacklisted,
    }
