"""Servicing a granted loan: repayments, early repayment, settlement,
reversals, where the loan stands, and the daily run.

Each loan gets a servicing account (``LoanAccount``) when it is disbursed
(``open_new_accounts`` in the disbursement's unit of work), or else at the
daily run or at its first posting, whichever comes first. The
account keeps the servicing schedule, which starts as a copy of the
schedule fixed at disbursement (version 0) and what has been paid of each
instalment, and the columns the loan register shows: outstanding principal,
days past due, next due date and amount, classification.

Posting a repayment (``post_repayment``): the teller enters the amount, the
date, the channel and the receipt number, which may be used only once (a
double-click cannot pay twice). The amount is allocated in the order the
bank has set (``allocation_order``; by default penalty interest, compound
interest, overdue interest, overdue principal, then the current instalment,
interest before principal), oldest instalment first within each. A regular
payment covers what is overdue and the next instalment; more than that is
an early repayment (提前还款): everything due is paid first, the rest repays
principal ahead of the schedule with the interest on it since the last due
date, and the remaining schedule is recomputed by
``domain.schedule.reschedule_after_prepayment`` to a shorter term or smaller
instalments. The new schedule is a new version; earlier versions are kept.
Settlement (提前结清) repays everything; the loan closes when nothing is owed.

Reversal (冲正) of a posting needs a reason and a supervisor's approval: a
second user with the supervisor's role re-enters his password, and may be
neither the teller who posted nor the one asking. Only the latest posting of
a loan that still stands can be reversed (later ones first): the reversal is
a new record undoing the allocation; nothing is ever deleted.

Postings of a loan go in date order: a payment cannot be dated before the
loan's previous one, after today, or before disbursement.

Writing off a loss loan (核销) is ``domain.write_off``: the account stays,
written off, and takes no more postings or reversals.

Use cases take a unit of work with the repositories ``loan_accounts``,
``repayments``, ``accruals``, ``follow_up_tasks``, ``classifications``,
``settings`` and, for taking over a loan book, ``loan_book``.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum
from typing import Any

from domain.accounts import confirm_password
from domain.applications import Application, number_prefix
from domain.classification import (
    Category,
    ClassificationDecision,
    load_thresholds,
    refreshed,
    suggest,
    thresholds_for,
)
from domain.customers import (
    Business,
    Customer,
    FieldProblems,
    FormErrors,
    limited_text,
    parse_choice,
    parse_date,
    required_text,
    validate_customer,
)
from domain.errors import (
    DomainError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from domain.followup import (
    FollowUpTask,
    TaskKind,
    TaskStatus,
    load_policy,
    new_task,
    open_use_checks,
    plan_tasks,
)
from domain.interest import interest_for_days
from domain.loans import Loan, LoanState, contract_prefix
from domain.money import FEN, ZERO, format_amount, parse_amount
from domain.overdue import (
    ChargeTerms,
    Position,
    ScheduleLine,
    accrued_charges,
    days_past_due,
    pay_line,
    position,
)
from domain.schedule import (
    EarlyRepaymentOption,
    Instalment,
    RepaymentMethod,
    Schedule,
    reschedule_after_prepayment,
)
from domain.text import normalize_input
from domain.users import Role, User

SERVICING_SETTING = "servicing"
RECEIPT_MAX = 40
REASON_MAX = 500
NOTE_MAX = 200
ACCRUAL_BATCH = 2000

TELLERS = (Role.TELLER,)
DAILY_RUN_ROLES = (Role.TELLER, Role.SUPERVISOR, Role.ADMINISTRATOR)

# ---------------------------------------------------------------------------
# The loan's servicing account
# ---------------------------------------------------------------------------


@dataclass
class LoanAccount:
    """A loan as servicing sees it: its terms, what has been paid, and its
    position as last computed (``computed_on``) by a posting or the daily run.

    ``penalty_uplift`` is the loan's, fixed at disbursement from its
    product, so a later change of the product does not touch a granted loan.
    ``arrears_since`` is the due date of the oldest instalment not fully
    paid: days past due on any day after the last posting follow from it.
    ``classification_confirmed`` says whether a supervisor confirmed the
    ``classification`` for the current ``suggested_class``. ``first_due_on``
    is the first instalment's due date (arrears before any posting).
    """

    loan_id: int
    loan_number: str
    customer_id: int
    borrower_name: str
    product_code: str
    officer: str
    marketing_area: str
    amount: Decimal
    annual_rate: Decimal
    repayment_method: RepaymentMethod
    penalty_uplift: Decimal
    disbursed_on: date
    maturity_date: date
    first_due_on: date | None = None
    state: LoanState = LoanState.ACTIVE
    outstanding_principal: Decimal = ZERO
    penalty_paid: Decimal = ZERO
    compound_paid: Decimal = ZERO
    schedule_version: int = 0
    arrears_since: date | None = None
    days_past_due: int = 0
    overdue_principal: Decimal = ZERO
    overdue_interest: Decimal = ZERO
    penalty_owed: Decimal = ZERO
    compound_owed: Decimal = ZERO
    next_due_date: date | None = None
    next_due_amount: Decimal = ZERO
    computed_on: date | None = None
    suggested_class: Category = Category.NORMAL
    classification: Category = Category.NORMAL
    classification_confirmed: bool = False
    last_paid_on: date | None = None
    closed_on: date | None = None
    next_revisit_on: date | None = None
    next_collection_on: date | None = None
    version: int = 0

    @property
    def terms(self) -> ChargeTerms:
        return ChargeTerms(self.annual_rate, self.penalty_uplift)

    def days_past_due_on(self, day: date) -> int:
        """Days past due on ``day`` (from the last posting on), 0 if closed."""
        if self.state is not LoanState.ACTIVE:
            return 0
        return days_past_due(self.arrears_since, day)


def apply_position(account: LoanAccount, figures: Position, thresholds) -> LoanAccount:
    """``account`` with its position columns and classification suggestion
    taken from ``figures``. Pure."""
    suggestion = suggest(figures.days_past_due, thresholds)
    category, confirmed = refreshed(
        account.classification,
        account.classification_confirmed,
        account.suggested_class,
        suggestion,
    )
    return replace(
        account,
        outstanding_principal=figures.outstanding_principal,
        arrears_since=figures.arrears_since,
        days_past_due=figures.days_past_due,
        overdue_principal=figures.overdue_principal,
        overdue_interest=figures.overdue_interest,
        penalty_owed=figures.penalty_interest,
        compound_owed=figures.compound_interest,
        next_due_date=figures.next_due_date,
        next_due_amount=figures.next_due_amount,
        computed_on=figures.as_of,
        suggested_class=suggestion,
        classification=category,
        classification_confirmed=confirmed,
    )


def figures_of(account: LoanAccount, lines: Sequence[ScheduleLine], as_of: date) -> Position:
    """The account's position on ``as_of`` from its current lines. Pure."""
    return position(
        lines,
        as_of,
        account.terms,
        penalty_paid=account.penalty_paid,
        compound_paid=account.compound_paid,
    )


def lines_of(schedule: Schedule) -> list[ScheduleLine]:
    """Servicing lines for a schedule nothing has been paid of. Pure."""
    return [
        ScheduleLine(
            period=i.period,
            due_date=i.due_date,
            principal=i.principal,
            interest=i.interest,
            balance=i.balance,
            days=i.days,
        )
        for i in schedule.instalments
    ]


def schedule_of(lines: Sequence[ScheduleLine]) -> Schedule:
    """The lines as a ``Schedule``, as scheduled whatever has been paid. Pure.

    Each balance is the principal of the instalments after it: after an
    early repayment the instalments kept from before it would otherwise
    still show the balance before the prepayment.
    """
    remaining = sum((ln.principal for ln in lines), ZERO)
    instalments = []
    for ln in lines:
        remaining -= ln.principal
        instalments.append(
            Instalment(
                ln.period,
                ln.due_date,
                ln.principal + ln.interest,
                ln.principal,
                ln.interest,
                remaining,
                ln.days,
            )
        )
    return Schedule(tuple(instalments))


# ---------------------------------------------------------------------------
# Allocation
# ---------------------------------------------------------------------------


class Component(StrEnum):
    """What a payment can go to, in the order the bank sets."""

    PENALTY = "penalty"
    COMPOUND = "compound"
    OVERDUE_INTEREST = "overdue_interest"
    OVERDUE_PRINCIPAL = "overdue_principal"
    CURRENT = "current"

    @property
    def label(self) -> str:
        return _COMPONENT_LABELS[self]


_COMPONENT_LABELS = {
    Component.PENALTY: "罚息",
    Component.COMPOUND: "复利",
    Component.OVERDUE_INTEREST: "逾期利息",
    Component.OVERDUE_PRINCIPAL: "逾期本金",
    Component.CURRENT: "当期本息（先息后本）",
}

DEFAULT_ALLOCATION_ORDER = (
    Component.PENALTY,
    Component.COMPOUND,
    Component.OVERDUE_INTEREST,
    Component.OVERDUE_PRINCIPAL,
    Component.CURRENT,
)


def check_allocation_order(order: Iterable[Component | str]) -> tuple[Component, ...]:
    """Each component exactly once, from codes or Chinese labels."""
    found = []
    for item in order:
        found.append(parse_choice(item, Component, "allocation_order", "还款冲抵项目"))
    if sorted(found) != sorted(Component) or len(found) != len(Component):
        names = "、".join(c.label for c in Component)
        raise ValidationError(
            f"还款冲抵顺序须包含且只包含以下各项一次：{names}", "allocation_order"
        )
    return tuple(found)


def allocation_order(uow) -> tuple[Component, ...]:
    """The bank's allocation order, inside an open unit of work (setting
    ``servicing.allocation_order``; the default when unset)."""
    stored = (uow.settings.get(SERVICING_SETTING, {}) or {}).get("allocation_order")
    return check_allocation_order(stored) if stored else DEFAULT_ALLOCATION_ORDER


def set_allocation_order(
    uow, actor: User, order: Sequence[Component | str]
) -> tuple[Component, ...]:
    """The administrator sets the order payments are allocated in."""
    actor.require(Role.ADMINISTRATOR, doing="设置还款冲抵顺序")
    checked = check_allocation_order(order)
    with uow.acting(actor.username):
        stored = dict(uow.settings.get(SERVICING_SETTING, {}) or {})
        stored["allocation_order"] = [c.value for c in checked]
        uow.settings.put(SERVICING_SETTING, stored)
        uow.commit()
    return checked


@dataclass(frozen=True, slots=True)
class LineAllocation:
    """What a posting paid of one instalment, and the charges it fixed on it."""

    period: int
    principal: Decimal = ZERO
    interest: Decimal = ZERO
    penalty_settled: Decimal = ZERO
    compound_settled: Decimal = ZERO

    def negated(self) -> LineAllocation:
        return LineAllocation(
            self.period,
            -self.principal,
            -self.interest,
            -self.penalty_settled,
            -self.compound_settled,
        )


@dataclass(frozen=True)
class Allocation:
    """Where a posting's money went. A reversal stores the negation.

    ``prepaid_principal`` repaid principal ahead of the schedule and
    ``prepayment_interest`` is the interest on it from the last due date to
    the day of the early repayment.
    """

    penalty: Decimal = ZERO
    compound: Decimal = ZERO
    lines: tuple[LineAllocation, ...] = ()
    prepaid_principal: Decimal = ZERO
    prepayment_interest: Decimal = ZERO

    @property
    def principal(self) -> Decimal:
        return sum((a.principal for a in self.lines), ZERO) + self.prepaid_principal

    @property
    def interest(self) -> Decimal:
        return sum((a.interest for a in self.lines), ZERO) + self.prepayment_interest

    @property
    def total(self) -> Decimal:
        return self.penalty + self.compound + self.principal + self.interest

    def negated(self) -> Allocation:
        return Allocation(
            -self.penalty,
            -self.compound,
            tuple(a.negated() for a in self.lines),
            -self.prepaid_principal,
            -self.prepayment_interest,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain values for storage."""
        return {
            "penalty": str(self.penalty),
            "compound": str(self.compound),
            "prepaid_principal": str(self.prepaid_principal),
            "prepayment_interest": str(self.prepayment_interest),
            "lines": [
                [
                    a.period,
                    str(a.principal),
                    str(a.interest),
                    str(a.penalty_settled),
                    str(a.compound_settled),
                ]
                for a in self.lines
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Allocation:
        return cls(
            Decimal(data["penalty"]),
            Decimal(data["compound"]),
            tuple(
                LineAllocation(int(p), Decimal(a), Decimal(b), Decimal(c), Decimal(d))
                for p, a, b, c, d in data["lines"]
            ),
            Decimal(data["prepaid_principal"]),
            Decimal(data["prepayment_interest"]),
        )


@dataclass(frozen=True)
class Allocated:
    """An allocation, the lines after it and what was left over."""

    allocation: Allocation
    lines: tuple[ScheduleLine, ...]
    left_over: Decimal


def amounts_owed(
    lines: Sequence[ScheduleLine],
    on: date,
    terms: ChargeTerms,
    penalty_paid: Decimal,
    compound_paid: Decimal,
) -> tuple[Decimal, Decimal]:
    """Penalty and compound interest owed on ``on``: run up less paid. Pure."""
    penalty, compound = accrued_charges(lines, on, terms)
    return penalty - penalty_paid, compound - compound_paid


def allocate(
    lines: Sequence[ScheduleLine],
    amount: Decimal,
    on: date,
    terms: ChargeTerms,
    *,
    order: Sequence[Component] = DEFAULT_ALLOCATION_ORDER,
    current: Iterable[int] = (),
    penalty_paid: Decimal = ZERO,
    compound_paid: Decimal = ZERO,
) -> Allocated:
    """Allocate ``amount`` paid ``on`` a day over the loan's lines. Pure.

    Components in ``order``; overdue interest and principal oldest instalment
    first; ``current`` names the periods that count as current (interest
    before principal within each). Whatever is not needed is ``left_over``.
    Charges the paid overdue parts ran up are fixed on their lines.
    """
    penalty_owed, compound_owed = amounts_owed(lines, on, terms, penalty_paid, compound_paid)
    overdue = [line for line in lines if line.overdue_on(on)]
    wanted = set(current)
    paid: dict[int, list[Decimal]] = {}
    left = amount
    penalty = compound = ZERO
    for component in order:
        if left <= 0:
            break
        if component is Component.PENALTY:
            penalty = min(left, max(penalty_owed, ZERO))
            left -= penalty
        elif component is Component.COMPOUND:
            compound = min(left, max(compound_owed, ZERO))
            left -= compound
        elif component is Component.OVERDUE_INTEREST:
            left = _take(overdue, paid, left, interest=True)
        elif component is Component.OVERDUE_PRINCIPAL:
            left = _take(overdue, paid, left, interest=False)
        else:
            for line in lines:
                if line.period in wanted:
                    left = _take([line], paid, left, interest=True)
                    left = _take([line], paid, left, interest=False)
    return _applied(lines, paid, on, terms, penalty, compound, left)


def _take(lines, paid: dict[int, list[Decimal]], left: Decimal, *, interest: bool) -> Decimal:
    """Take from ``left`` what ``lines`` still owe of interest (or
    principal), in order; the amount left."""
    slot = 1 if interest else 0
    for line in lines:
        if left <= 0:
            break
        so_far = paid.get(line.period)
        owed = line.unpaid_interest if interest else line.unpaid_principal
        if so_far is not None:
            owed -= so_far[slot]
        take = min(left, owed)
        if take > 0:
            if so_far is None:
                so_far = paid[line.period] = [ZERO, ZERO]
            so_far[slot] += take
            left -= take
    return left


def _applied(lines, paid, on, terms, penalty, compound, left) -> Allocated:
    new_lines, parts = [], []
    for line in lines:
        if line.period not in paid:
            new_lines.append(line)
            continue
        principal, interest = paid[line.period]
        after = pay_line(line, principal, interest, on, terms)
        new_lines.append(after)
        parts.append(
            LineAllocation(
                line.period,
                principal,
                interest,
                after.penalty_settled - line.penalty_settled,
                after.compound_settled - line.compound_settled,
            )
        )
    return Allocated(Allocation(penalty, compound, tuple(parts)), tuple(new_lines), left)


def undo(lines: Sequence[ScheduleLine], allocation: Allocation) -> list[ScheduleLine]:
    """The lines as they were before ``allocation`` (amounts and fixed charges). Pure."""
    by_period = {a.period: a for a in allocation.lines}
    restored = []
    for line in lines:
        part = by_period.get(line.period)
        if part is None:
            restored.append(line)
            continue
        restored.append(
            replace(
                line,
                principal_paid=line.principal_paid - part.principal,
                interest_paid=line.interest_paid - part.interest,
                penalty_settled=line.penalty_settled - part.penalty_settled,
                compound_settled=line.compound_settled - part.compound_settled,
            )
        )
    return restored


# ---------------------------------------------------------------------------
# What is due: regular payments, early repayment, settlement
# ---------------------------------------------------------------------------


class PaymentKind(StrEnum):
    REGULAR = "regular"
    EARLY = "early"
    SETTLEMENT = "settlement"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    PaymentKind.REGULAR: "正常还款",
    PaymentKind.EARLY: "提前部分还款",
    PaymentKind.SETTLEMENT: "提前结清",
}


def next_current_period(lines: Sequence[ScheduleLine], on: date) -> int | None:
    """The instalment a regular payment on ``on`` pays besides arrears: the
    first not fully paid falling due on or after that day."""
    return next((ln.period for ln in lines if ln.due_date >= on and not ln.settled), None)


def due_on_the_day(lines: Sequence[ScheduleLine], on: date) -> list[int]:
    """Instalments falling due on ``on`` itself and not fully paid."""
    return [ln.period for ln in lines if ln.due_date == on and not ln.settled]


def regular_amount_due(
    lines: Sequence[ScheduleLine],
    on: date,
    terms: ChargeTerms,
    penalty_paid: Decimal,
    compound_paid: Decimal,
) -> Decimal:
    """The most a regular payment on ``on`` can be: charges, arrears and the
    current instalment. Pure."""
    penalty, compound = amounts_owed(lines, on, terms, penalty_paid, compound_paid)
    current = next_current_period(lines, on)
    owed = sum((ln.unpaid for ln in lines if ln.overdue_on(on) or ln.period == current), ZERO)
    return max(penalty, ZERO) + max(compound, ZERO) + owed


@dataclass(frozen=True)
class EarlyRepaymentQuote:
    """What an early repayment on ``on`` takes and gives.

    ``due_now`` covers charges, arrears and an instalment due that day;
    ``principal`` is repaid ahead of the schedule with ``interest`` on it for
    ``days`` days since the last due date; ``schedule`` is the new remaining
    schedule after period ``after_period`` (empty when it settles the loan).
    """

    on: date
    option: EarlyRepaymentOption
    due_now: Decimal
    principal: Decimal
    interest: Decimal
    days: int
    after_period: int
    schedule: Schedule
    balance_before: Decimal

    @property
    def total(self) -> Decimal:
        return self.due_now + self.principal + self.interest

    @property
    def settles(self) -> bool:
        return not self.schedule.instalments


def quote_early_repayment(
    lines: Sequence[ScheduleLine],
    on: date,
    terms: ChargeTerms,
    method: RepaymentMethod,
    start: date,
    principal: Decimal | None,
    option: EarlyRepaymentOption,
    *,
    penalty_paid: Decimal = ZERO,
    compound_paid: Decimal = ZERO,
) -> EarlyRepaymentQuote:
    """The quote for repaying ``principal`` early on ``on`` (all that
    remains when ``None``: settlement). Pure.

    Refused (``DomainError``) after the last due date (everything is simply
    overdue then) and when an instalment after ``on`` has been paid in part
    ahead of its due date. ``ValidationError`` from the schedule engine for
    a principal above what remains or an option the method does not allow.
    """
    after = sum(1 for ln in lines if ln.due_date <= on)
    if after >= len(lines):
        raise DomainError(
            f"贷款已于 {lines[-1].due_date.isoformat()} 到期，请按正常还款归还全部欠款。"
        )
    ahead = lines[after]
    if ahead.principal_paid or ahead.interest_paid:
        raise DomainError(
            f"第 {ahead.period} 期（{ahead.due_date.isoformat()} 到期）已提前存入部分还款，"
            "请在该期还款日后再办理提前还款，或先冲正该笔还款。"
        )
    penalty, compound = amounts_owed(lines, on, terms, penalty_paid, compound_paid)
    due_now = max(penalty, ZERO) + max(compound, ZERO)
    due_now += sum((ln.unpaid for ln in lines[:after]), ZERO)
    balance = sum((ln.principal for ln in lines[after:]), ZERO)
    prepaid = balance if principal is None else principal
    if prepaid <= 0:
        raise ValidationError("提前还款本金必须大于零", "principal")
    chosen = EarlyRepaymentOption.REDUCE_INSTALMENT if prepaid == balance else option
    last_due = lines[after - 1].due_date if after else start
    days = (on - last_due).days
    new = reschedule_after_prepayment(
        schedule_of(lines), method, terms.annual_rate, after, prepaid, chosen
    )
    return EarlyRepaymentQuote(
        on=on,
        option=option,
        due_now=due_now,
        principal=prepaid,
        interest=interest_for_days(prepaid, terms.annual_rate, days),
        days=days,
        after_period=after,
        schedule=new,
        balance_before=balance,
    )


def principal_for_amount(extra: Decimal, annual_rate: Decimal, days: int) -> Decimal | None:
    """The principal P with P + interest on P for ``days`` days equal to
    ``extra``, or ``None`` when rounding to the fen skips that sum. Pure."""
    factor = 1 + annual_rate * days / Decimal(36000)
    guess = (extra / factor).quantize(FEN, rounding=ROUND_DOWN)
    for candidate in (guess - FEN, guess, guess + FEN):
        if candidate > 0 and candidate + interest_for_days(candidate, annual_rate, days) == extra:
            return candidate
    return None


# ---------------------------------------------------------------------------
# Postings
# ---------------------------------------------------------------------------


class Channel(StrEnum):
    CASH = "cash"
    TRANSFER = "transfer"
    AUTO_DEBIT = "auto_debit"
    MOBILE = "mobile"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    Channel.CASH: "现金",
    Channel.TRANSFER: "转账",
    Channel.AUTO_DEBIT: "代扣",
    Channel.MOBILE: "手机银行",
    Channel.OTHER: "其他",
}


@dataclass(frozen=True)
class RepaymentEntry:
    """What the teller enters; amounts and dates may be typed text.

    ``kind`` is a regular payment, an early repayment (then ``option``
    says whether the term or the instalment shrinks) or a settlement.
    """

    amount: Decimal | str | None
    paid_on: date | str | None
    channel: Channel | str | None
    receipt_number: str | None
    kind: PaymentKind | str = PaymentKind.REGULAR
    option: EarlyRepaymentOption | str | None = None
    note: str = ""


@dataclass(frozen=True)
class CheckedEntry:
    amount: Decimal
    paid_on: date
    channel: Channel
    receipt_number: str
    kind: PaymentKind
    option: EarlyRepaymentOption | None
    note: str


@dataclass(frozen=True)
class Reversal:
    """The undoing of a posting, with its reason and who approved it."""

    repayment_id: int
    reason: str
    requested_by: str
    approved_by: str
    reversed_at: datetime
    allocation: Allocation
    id: int | None = None


@dataclass(frozen=True)
class Repayment:
    """A stored posting. ``reversal`` is set once it has been reversed.

    ``schedule_version_before`` and ``_after`` differ for an early
    repayment or settlement, which replaced the remaining schedule.
    ``outstanding_after`` and ``arrears_since_after`` are the loan's
    principal outstanding and oldest unpaid due date right after it.
    """

    loan_id: int
    loan_number: str
    receipt_number: str
    amount: Decimal
    paid_on: date
    channel: Channel
    kind: PaymentKind
    option: EarlyRepaymentOption | None
    allocation: Allocation
    posted_by: str
    posted_at: datetime
    schedule_version_before: int
    schedule_version_after: int
    outstanding_after: Decimal
    arrears_since_after: date | None
    note: str = ""
    reversal: Reversal | None = None
    id: int | None = None

    @property
    def reversed(self) -> bool:
        return self.reversal is not None


def read_entry(entry: RepaymentEntry, today: date) -> CheckedEntry:
    """The teller's entries checked, or ``FormErrors`` naming each wrong field."""
    found = FieldProblems()
    amount = found.check("amount", _amount, entry.amount)
    day = found.check("paid_on", parse_date, entry.paid_on, "paid_on", "还款日期")
    if day is not None and day > today:
        found.add("paid_on", f"还款日期 {day.isoformat()} 晚于今天，请核对")
    channel = found.check("channel", parse_choice, entry.channel, Channel, "channel", "还款渠道")
    receipt = found.check("receipt_number", _receipt, entry.receipt_number)
    kind = found.check("kind", parse_choice, entry.kind, PaymentKind, "kind", "还款类型")
    option = None
    if kind is PaymentKind.EARLY:
        option = found.check("option", _option, entry.option)
    note = found.check("note", limited_text, entry.note, "note", "备注", NOTE_MAX)
    found.raise_if_any()
    return CheckedEntry(amount, day, channel, receipt, kind, option, note)


def _amount(value: Decimal | str | None) -> Decimal:
    text = format(value, "f") if isinstance(value, Decimal) else value
    return parse_amount(text, "amount", label="还款金额")


def _receipt(value: str | None) -> str:
    text = normalize_input(value).upper()
    if not text:
        raise ValidationError("请填写回单号（业务凭证号）", "receipt_number")
    if len(text) > RECEIPT_MAX:
        raise ValidationError(f"回单号不能超过 {RECEIPT_MAX} 个字符", "receipt_number")
    return text


def _option(value) -> EarlyRepaymentOption:
    if value is None or value == "":
        raise ValidationError("提前部分还款须选择缩短期限或减少每期还款额", "option")
    if isinstance(value, EarlyRepaymentOption):
        return value
    text = normalize_input(str(value))
    for option in EarlyRepaymentOption:
        if text in (option.value, option.label):
            return option
    raise ValidationError(f"提前还款方式“{text}”无效，可选：缩短期限、减少每期还款额", "option")


@dataclass(frozen=True)
class PostingPlan:
    """What a posting does to the loan: its allocation, the new lines, and
    whether they are a new schedule version."""

    allocation: Allocation
    lines: tuple[ScheduleLine, ...]
    rescheduled: bool


def plan_posting(
    account: LoanAccount,
    lines: Sequence[ScheduleLine],
    amount: Decimal,
    on: date,
    kind: PaymentKind,
    option: EarlyRepaymentOption | None,
    order: Sequence[Component] = DEFAULT_ALLOCATION_ORDER,
) -> PostingPlan:
    """Work out a posting of ``amount`` on ``on``. Pure; ``DomainError`` with
    the right amount when it does not fit the kind of payment."""
    if kind is PaymentKind.REGULAR:
        return _regular(account, lines, amount, on, order)
    return _early(account, lines, amount, on, kind, option, order)


def _regular(account, lines, amount, on, order) -> PostingPlan:
    current = next_current_period(lines, on)
    done = allocate(
        lines,
        amount,
        on,
        account.terms,
        order=order,
        current=() if current is None else (current,),
        penalty_paid=account.penalty_paid,
        compound_paid=account.compound_paid,
    )
    if done.left_over > 0:
        due = amount - done.left_over
        raise DomainError(
            f"还款金额 {format_amount(amount)} 元超过贷款 {account.loan_number} 截至 {on.isoformat()} "
            f"应还的 {format_amount(due)} 元（逾期本息、罚息复利和本期应还）。"
            "多出的部分如要提前归还本金，请选择提前部分还款或提前结清。"
        )
    return PostingPlan(done.allocation, done.lines, rescheduled=False)


def _early(account, lines, amount, on, kind, option, order) -> PostingPlan:
    settling = kind is PaymentKind.SETTLEMENT
    probe = _quote(account, lines, on, None, option)
    if settling:
        if amount != probe.total:
            raise DomainError(
                f"提前结清贷款 {account.loan_number} 于 {on.isoformat()} 应还 {format_amount(probe.total)} 元"
                f"（含本金 {format_amount(probe.principal)} 元、按日计息 {format_amount(probe.interest)} 元），"
                f"录入的金额为 {format_amount(amount)} 元，请核对。"
            )
        quote = probe
    else:
        quote = _quote(account, lines, on, _prepaid(account, amount, probe), option)
    return _rescheduled(account, lines, quote, order)


def _quote(account, lines, on, principal, option) -> EarlyRepaymentQuote:
    return quote_early_repayment(
        lines,
        on,
        account.terms,
        account.repayment_method,
        account.disbursed_on,
        principal,
        option or EarlyRepaymentOption.REDUCE_INSTALMENT,
        penalty_paid=account.penalty_paid,
        compound_paid=account.compound_paid,
    )


def _prepaid(account: LoanAccount, amount: Decimal, probe: EarlyRepaymentQuote) -> Decimal:
    """The principal an early repayment of ``amount`` repays, or ``DomainError``."""
    extra = amount - probe.due_now
    if extra <= 0:
        raise DomainError(
            f"贷款 {account.loan_number} 目前应还 {format_amount(probe.due_now)} 元（逾期本息、罚息复利和当日到期），"
            f"还款金额 {format_amount(amount)} 元没有余额可以提前归还本金，请按正常还款入账。"
        )
    if amount > probe.total:
        raise DomainError(
            f"还款金额 {format_amount(amount)} 元超过提前结清所需的 {format_amount(probe.total)} 元，"
            "请按提前结清办理。"
        )
    principal = principal_for_amount(extra, account.annual_rate, probe.days)
    if principal is None:
        near = _nearest_total(extra, account.annual_rate, probe)
        raise DomainError(
            f"按日计息取整到分后，{format_amount(amount)} 元无法恰好分成本金与利息，"
            f"请收取 {format_amount(near)} 元。"
        )
    return principal


def _nearest_total(extra: Decimal, rate: Decimal, probe: EarlyRepaymentQuote) -> Decimal:
    principal = (extra / (1 + rate * probe.days / Decimal(36000))).quantize(
        FEN, rounding=ROUND_DOWN
    )
    return probe.due_now + principal + interest_for_days(principal, rate, probe.days)


def _rescheduled(account, lines, quote: EarlyRepaymentQuote, order) -> PostingPlan:
    due_today = [ln.period for ln in lines[: quote.after_period] if not ln.settled]
    done = allocate(
        lines,
        quote.due_now,
        quote.on,
        account.terms,
        order=order,
        current=due_today,
        penalty_paid=account.penalty_paid,
        compound_paid=account.compound_paid,
    )
    kept = done.lines[: quote.after_period]
    new = tuple(
        ScheduleLine(i.period, i.due_date, i.principal, i.interest, balance=i.balance, days=i.days)
        for i in quote.schedule.instalments
    )
    allocation = replace(
        done.allocation, prepaid_principal=quote.principal, prepayment_interest=quote.interest
    )
    return PostingPlan(allocation, (*kept, *new), rescheduled=True)


# ---------------------------------------------------------------------------
# Use cases: opening accounts, posting, reversing
# ---------------------------------------------------------------------------


def find_account(uow, loan_number: str, *, lock: bool = False) -> LoanAccount:
    """Inside an open unit of work: the loan's servicing account (locked for
    the rest of the transaction with ``lock``); ``NotFound`` if none."""
    number = normalize_input(loan_number).upper()
    repo = uow.loan_accounts
    account = (repo.lock(number) if lock else repo.get(number)) if number else None
    if account is None:
        raise NotFound(f"找不到贷款 {number or '（未填写编号）'}，请核对借款合同编号。")
    return account


def _account_to_post(uow, loan_number: str, by: str) -> LoanAccount:
    """The account, locked; a loan disbursed since the last daily run gets
    its account opened here first."""
    try:
        return find_account(uow, loan_number, lock=True)
    except NotFound:
        number = normalize_input(loan_number).upper()
        if not open_new_accounts(uow, by, loan_numbers=[number]):
            raise
    return find_account(uow, loan_number, lock=True)


def open_new_accounts(
    uow, by: str, today: date | None = None, loan_numbers: Sequence[str] | None = None
) -> list[LoanAccount]:
    """Inside an open unit of work: servicing accounts for the loans that
    have none yet (those of ``loan_numbers``, or all): a copy of the
    disbursement schedule as version 0, the loan's penalty uplift, the
    application's officer and the business's marketing area, the position
    and a use-of-funds check. Returns the new accounts.

    Call it in the disbursement's transaction once the loan is stored
    (``loan_numbers=[loan.loan_number]``), so the loan is at once in the
    register; the daily run and a first posting call it too.
    """
    day = today or uow.clock.today()
    policy = load_policy(uow)
    thresholds = load_thresholds(uow)
    opened = []
    missing = uow.loan_accounts.open_missing(policy.revisit_interval_days, loan_numbers)
    for account in missing:
        lines = uow.loan_accounts.lines(account.loan_id)
        as_of = max(day, account.disbursed_on)
        fresh = apply_position(
            account,
            figures_of(account, lines, as_of),
            thresholds_for(thresholds, account.product_code),
        )
        opened.append(uow.loan_accounts.save(fresh))
    open_use_checks(uow, opened, policy, by)
    return opened


def post_repayment(uow, actor: User, loan_number: str, entry: RepaymentEntry) -> Repayment:
    """The teller posts a payment against a loan. Returns the stored posting.

    ``FormErrors`` for wrong entries; ``DomainError`` for a receipt number
    already used, a closed or written-off loan, a date out of order, or an
    amount that does not fit the kind of payment (the message gives the
    right amount). The loan closes when nothing is owed afterwards.
    """
    actor.require(*TELLERS, doing="登记还款")
    with uow.acting(actor.username):
        checked = read_entry(entry, uow.clock.today())
        _refuse_used_receipt(uow, checked.receipt_number)
        account = _account_to_post(uow, loan_number, actor.username)
        _check_postable(account, checked.paid_on)
        lines = uow.loan_accounts.lines(account.loan_id)
        plan = plan_posting(
            account,
            lines,
            checked.amount,
            checked.paid_on,
            checked.kind,
            checked.option,
            allocation_order(uow),
        )
        saved = _book(uow, actor, account, checked, plan)
        uow.commit()
        return saved


def post_repayment_as_operator(
    uow, operator: str, loan_number: str, entry: RepaymentEntry
) -> Repayment:
    """``loandesk pay`` on the server's console: whoever can run it there
    already holds the database, so it posts as a teller, audited under
    ``operator``."""
    console = User(operator, operator, frozenset({Role.TELLER}), password_hash="")
    return post_repayment(uow, console, loan_number, entry)


def _refuse_used_receipt(uow, receipt: str) -> None:
    used = uow.repayments.by_receipt(receipt)
    if used is not None:
        raise DomainError(
            f"回单号 {receipt} 已于 {used.paid_on.isoformat()} 入账（贷款 {used.loan_number}，"
            f"金额 {format_amount(used.amount)} 元，经办 {used.posted_by}），同一回单不能重复入账。"
        )


def _check_postable(account: LoanAccount, paid_on: date) -> None:
    number = account.loan_number
    if account.state is LoanState.CLOSED:
        raise DomainError(f"贷款 {number} 已于 {account.closed_on} 结清，不能再登记还款。")
    if account.state is LoanState.WRITTEN_OFF:
        raise DomainError(f"贷款 {number} 已核销，核销后收回的款项请按核销资产管理流程办理。")
    if paid_on < account.disbursed_on:
        raise DomainError(
            f"还款日期 {paid_on.isoformat()} 早于放款日期 {account.disbursed_on.isoformat()}，请核对。"
        )
    if account.last_paid_on is not None and paid_on < account.last_paid_on:
        raise DomainError(
            f"贷款 {number} 已有 {account.last_paid_on.isoformat()} 的还款，"
            f"不能再补登更早日期（{paid_on.isoformat()}）的还款；如确需补登，请先冲正后面的还款。"
        )


def _book(
    uow, actor: User, account: LoanAccount, entry: CheckedEntry, plan: PostingPlan
) -> Repayment:
    """Store the posting and the loan's new state."""
    before = account.schedule_version
    after = before + 1 if plan.rescheduled else before
    if plan.rescheduled:
        uow.loan_accounts.replace_schedule(account.loan_id, after, plan.lines)
    else:
        uow.loan_accounts.update_lines(account.loan_id, before, plan.lines)
    updated = replace(
        account,
        schedule_version=after,
        penalty_paid=account.penalty_paid + plan.allocation.penalty,
        compound_paid=account.compound_paid + plan.allocation.compound,
        last_paid_on=entry.paid_on,
    )
    updated = _refreshed(uow, updated, plan.lines, entry.paid_on)
    repayment = Repayment(
        loan_id=account.loan_id,
        loan_number=account.loan_number,
        receipt_number=entry.receipt_number,
        amount=entry.amount,
        paid_on=entry.paid_on,
        channel=entry.channel,
        kind=entry.kind,
        option=entry.option,
        allocation=plan.allocation,
        posted_by=actor.username,
        posted_at=uow.clock.now(),
        schedule_version_before=before,
        schedule_version_after=after,
        outstanding_after=updated.outstanding_principal,
        arrears_since_after=updated.arrears_since,
        note=entry.note,
    )
    saved = uow.repayments.add(repayment)
    uow.loan_accounts.save(updated)
    uow.record(
        "post_repayment", "repayments", entry.receipt_number, _posting_detail(saved, updated)
    )
    return saved


def _refreshed(
    uow, account: LoanAccount, lines: Sequence[ScheduleLine], paid_on: date
) -> LoanAccount:
    """The account with its position as of today (or the payment date, if
    later), closed when nothing is owed, reopened when something is again."""
    as_of = max(uow.clock.today(), paid_on)
    figures = figures_of(account, lines, as_of)
    updated = apply_position(
        account, figures, thresholds_for(load_thresholds(uow), account.product_code)
    )
    if account.state is LoanState.WRITTEN_OFF:
        return updated
    if figures.nothing_owed:
        return replace(updated, state=LoanState.CLOSED, closed_on=account.last_paid_on)
    return replace(updated, state=LoanState.ACTIVE, closed_on=None)


def _posting_detail(repayment: Repayment, account: LoanAccount) -> dict[str, Any]:
    allocation = repayment.allocation
    return {
        "loan_number": repayment.loan_number,
        "amount": str(repayment.amount),
        "paid_on": repayment.paid_on.isoformat(),
        "channel": repayment.channel.value,
        "kind": repayment.kind.value,
        "option": repayment.option.value if repayment.option else None,
        "penalty": str(allocation.penalty),
        "compound": str(allocation.compound),
        "interest": str(allocation.interest),
        "principal": str(allocation.principal),
        "schedule_version": repayment.schedule_version_after,
        "state": account.state.value,
    }


def reverse_repayment(
    uow,
    actor: User,
    receipt_number: str,
    reason: str,
    approver: str,
    approver_password: str,
) -> Reversal:
    """Reverse (冲正) a posting, approved on the spot by a supervisor.

    ``approver`` re-enters his password (a wrong one counts as a failed
    sign-in, ``AuthenticationFailed``); he must hold the supervisor's role
    and be neither the teller who posted nor ``actor``. Only the latest
    standing posting of the loan can be reversed. The reversal undoes the
    allocation exactly, restores the schedule an early repayment replaced
    (as a new version) and reopens a loan the posting closed. The postings
    of a written-off loan stand as they were when it was written off.
    """
    actor.require(Role.TELLER, Role.SUPERVISOR, doing="冲正还款")
    text = required_text(reason, "reason", "冲正原因", REASON_MAX)
    receipt = _receipt(receipt_number)
    confirmed = confirm_password(uow, (approver or "").strip().lower(), approver_password)
    with uow.acting(actor.username):
        repayment = _standing_repayment(uow, receipt)
        _check_approver(actor, confirmed, repayment)
        account = find_account(uow, repayment.loan_number, lock=True)
        if account.state is LoanState.WRITTEN_OFF:
            raise DomainError(
                f"贷款 {account.loan_number} 已于 {account.closed_on} 核销（账销案存），"
                "其还款记录不能再冲正。"
            )
        latest = uow.repayments.latest_standing(account.loan_id)
        if latest is None or latest.id != repayment.id:
            raise DomainError(
                f"只能冲正贷款 {account.loan_number} 最近一笔未冲正的还款（回单号 {latest.receipt_number}，"
                f"{latest.paid_on.isoformat()}），请先冲正它。"
            )
        reversal = _undo(uow, actor, confirmed, account, repayment, text)
        uow.commit()
        return reversal


def _standing_repayment(uow, receipt: str) -> Repayment:
    repayment = uow.repayments.by_receipt(receipt)
    if repayment is None:
        raise NotFound(f"找不到回单号为 {receipt} 的还款记录，请核对。")
    if repayment.reversed:
        by = repayment.reversal
        raise DomainError(
            f"回单号 {receipt} 的还款已于 {by.reversed_at.astimezone():%Y-%m-%d %H:%M} 冲正"
            f"（{by.requested_by} 申请，{by.approved_by} 审批），不能重复冲正。"
        )
    return repayment


def _check_approver(actor: User, approver: User, repayment: Repayment) -> None:
    approver.require(Role.SUPERVISOR, doing="审批冲正")
    if approver.username == repayment.posted_by:
        raise PermissionDenied(
            f"该笔还款由 {repayment.posted_by} 登记，冲正须由另一位业务主管审批，登记人不能审批自己的还款。"
        )
    if approver.username == actor.username:
        raise PermissionDenied("冲正须由申请人以外的另一位业务主管审批。")


def _undo(
    uow, actor: User, approver: User, account: LoanAccount, repayment: Repayment, reason: str
) -> Reversal:
    allocation = repayment.allocation
    version = account.schedule_version
    if repayment.schedule_version_after != repayment.schedule_version_before:
        lines = uow.loan_accounts.lines(account.loan_id, repayment.schedule_version_before)
        version += 1
        uow.loan_accounts.replace_schedule(account.loan_id, version, lines)
    else:
        lines = undo(uow.loan_accounts.lines(account.loan_id), allocation)
        uow.loan_accounts.update_lines(account.loan_id, version, lines)
    previous = uow.repayments.latest_standing(account.loan_id, before_id=repayment.id)
    updated = replace(
        account,
        schedule_version=version,
        penalty_paid=account.penalty_paid - allocation.penalty,
        compound_paid=account.compound_paid - allocation.compound,
        last_paid_on=previous.paid_on if previous else None,
    )
    updated = _refreshed(uow, updated, lines, repayment.paid_on)
    reversal = uow.repayments.add_reversal(
        Reversal(
            repayment_id=repayment.id,
            reason=reason,
            requested_by=actor.username,
            approved_by=approver.username,
            reversed_at=uow.clock.now(),
            allocation=allocation.negated(),
        )
    )
    uow.loan_accounts.save(updated)
    uow.record(
        "reverse_repayment",
        "repayments",
        repayment.receipt_number,
        {
            "loan_number": account.loan_number,
            "amount": str(repayment.amount),
            "reason": reason,
            "approved_by": approver.username,
            "state": updated.state.value,
        },
    )
    return reversal


# ---------------------------------------------------------------------------
# Reading: position, quotes, history, schedule
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LoanPosition:
    """Where a loan stands on ``as_of``: the loan, its classification and
    the figures of ``domain.overdue.Position`` (amounts in yuan)."""

    loan_number: str
    borrower_name: str
    officer: str
    state: LoanState
    classification: Category
    as_of: date
    days_past_due: int
    arrears_since: date | None
    outstanding_principal: Decimal
    overdue_principal: Decimal
    overdue_interest: Decimal
    penalty_interest: Decimal
    compound_interest: Decimal
    next_due_date: date | None
    next_due_amount: Decimal

    @property
    def total_overdue(self) -> Decimal:
        """What the collection notice calls total overdue."""
        return (
            self.overdue_principal
            + self.overdue_interest
            + self.penalty_interest
            + self.compound_interest
        )


def loan_position(uow, loan_number: str, as_of: date | None = None) -> LoanPosition:
    """Days past due (from the oldest unpaid instalment), overdue principal
    and interest, penalty and compound interest (``domain.interest``'s
    ``overdue_charges`` at the product's uplift), outstanding principal and
    the next instalment of a loan on ``as_of`` (today by default).

    ``as_of`` may not be before the loan's last posting (``ValidationError``):
    earlier days are in the daily run's snapshots.
    """
    with uow:
        account = find_account(uow, loan_number)
        day = as_of or uow.clock.today()
        if account.last_paid_on is not None and day < account.last_paid_on:
            raise ValidationError(
                f"查询日期不能早于该贷款最近一次还款日 {account.last_paid_on.isoformat()}；"
                "更早日期的状况见日终快照。",
                "as_of",
            )
        figures = figures_of(account, uow.loan_accounts.lines(account.loan_id), day)
        return LoanPosition(
            loan_number=account.loan_number,
            borrower_name=account.borrower_name,
            officer=account.officer,
            state=account.state,
            classification=account.classification,
            as_of=day,
            days_past_due=figures.days_past_due,
            arrears_since=figures.arrears_since,
            outstanding_principal=figures.outstanding_principal,
            overdue_principal=figures.overdue_principal,
            overdue_interest=figures.overdue_interest,
            penalty_interest=figures.penalty_interest,
            compound_interest=figures.compound_interest,
            next_due_date=figures.next_due_date,
            next_due_amount=figures.next_due_amount,
        )


def early_repayment_quote(
    uow,
    loan_number: str,
    on: date,
    principal: Decimal | str | None = None,
    option: EarlyRepaymentOption | str = EarlyRepaymentOption.REDUCE_INSTALMENT,
) -> EarlyRepaymentQuote:
    """What an early repayment of ``principal`` on ``on`` takes (the total to
    collect) and the new schedule; without ``principal``, the settlement."""
    amount = None if principal in (None, "") else _principal(principal)
    with uow:
        account = find_account(uow, loan_number)
        _check_postable(account, on)
        lines = uow.loan_accounts.lines(account.loan_id)
        return _quote(account, lines, on, amount, _option(option))


def _principal(value: Decimal | str) -> Decimal:
    text = format(value, "f") if isinstance(value, Decimal) else value
    return parse_amount(text, "principal", label="提前还款本金")


def amount_due(uow, loan_number: str, on: date | None = None) -> Decimal:
    """The most a regular payment on ``on`` (today) can be."""
    with uow:
        account = find_account(uow, loan_number)
        day = on or uow.clock.today()
        lines = uow.loan_accounts.lines(account.loan_id)
        return regular_amount_due(
            lines, day, account.terms, account.penalty_paid, account.compound_paid
        )


def repayment_history(uow, loan_number: str) -> list[Repayment]:
    """Every posting of the loan, oldest first, reversed ones with their reversal."""
    with uow:
        account = find_account(uow, loan_number)
        return uow.repayments.for_loan(account.loan_id)


def servicing_schedule(uow, loan_number: str, version: int | None = None) -> list[ScheduleLine]:
    """The loan's current servicing schedule (or an earlier ``version``) with
    what has been paid of each instalment."""
    with uow:
        account = find_account(uow, loan_number)
        return uow.loan_accounts.lines(account.loan_id, version)


def loan_account(uow, loan_number: str) -> LoanAccount:
    """The loan's servicing account as last stored."""
    with uow:
        return find_account(uow, loan_number)


# ---------------------------------------------------------------------------
# The daily run
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Accrual:
    """One loan's figures recorded by the daily run for ``as_of``."""

    loan_id: int
    as_of: date
    days_past_due: int
    outstanding_principal: Decimal
    overdue_principal: Decimal
    overdue_interest: Decimal
    penalty_interest: Decimal
    compound_interest: Decimal
    penalty_accrued: Decimal
    compound_accrued: Decimal
    classification: Category


@dataclass(frozen=True)
class AccrualReport:
    """What a daily run did. A second run for the same day reports zeros."""

    as_of: date
    accounts_opened: int
    loans_computed: int
    loans_carried: int
    tasks_created: int

    @property
    def loans_recorded(self) -> int:
        return self.loans_computed + self.loans_carried

    @property
    def message(self) -> str:
        return (
            f"{self.as_of.isoformat()} 日终处理完成：新建贷后账户 {self.accounts_opened} 户，"
            f"记录贷款 {self.loans_recorded} 笔（逐笔计算 {self.loans_computed} 笔，"
            f"无变化沿用 {self.loans_carried} 笔），新建贷后任务 {self.tasks_created} 项。"
        )


def accrue(uow, actor: User, as_of: date) -> AccrualReport:
    """The daily run for ``as_of`` (today or earlier): per active loan, record the day's
    figures (days past due, overdue amounts, penalty and compound interest
    owed and accrued that day) in the snapshot keyed by loan and date;
    refresh the loan's register columns and classification suggestion;
    plan follow-up tasks.

    Safe to run again: loans already recorded for ``as_of`` are skipped, so
    a second run for the same date changes nothing. Loans whose position
    cannot have moved since it was computed (nothing overdue, no due date
    reached) are carried over as they stand, without computing.
    """
    actor.require(*DAILY_RUN_ROLES, doing="执行日终处理")
    with uow.acting(actor.username):
        if as_of > uow.clock.today():
            raise ValidationError(f"日终处理日期 {as_of.isoformat()} 晚于今天，请核对。", "as_of")
        opened = open_new_accounts(uow, actor.username, as_of)
        computed = _compute_changed(uow, as_of)
        carried = uow.accruals.carry_unchanged(as_of)
        tasks = plan_tasks(uow, as_of, actor.username)
        report = AccrualReport(as_of, len(opened), computed, carried, tasks.total)
        if report.loans_recorded or report.accounts_opened or report.tasks_created:
            uow.record(
                "accrue",
                "loan_accruals",
                as_of.isoformat(),
                {
                    "opened": len(opened),
                    "computed": computed,
                    "carried": carried,
                    "tasks": tasks.total,
                },
            )
        uow.commit()
        return report


def accrue_as_operator(uow, operator: str, as_of: date) -> AccrualReport:
    """``loandesk accrue`` on the server's console, audited under ``operator``."""
    console = User(operator, operator, frozenset({Role.ADMINISTRATOR}), password_hash="")
    return accrue(uow, console, as_of)


def _compute_changed(uow, as_of: date) -> int:
    """Compute and record the loans whose position may have moved; the count."""
    thresholds = load_thresholds(uow)
    count = 0
    after = 0
    while True:
        accounts = uow.accruals.accounts_to_compute(as_of, after=after, limit=ACCRUAL_BATCH)
        if not accounts:
            return count
        lines = uow.loan_accounts.lines_of_many([a.loan_id for a in accounts])
        records, updated = [], []
        for account in accounts:
            figures = figures_of(account, lines.get(account.loan_id, []), as_of)
            fresh = apply_position(
                account, figures, thresholds_for(thresholds, account.product_code)
            )
            records.append(accrual_of(fresh, figures))
            if account.computed_on is None or as_of >= account.computed_on:
                updated.append(fresh)
        uow.accruals.add_many(records)
        uow.loan_accounts.save_positions(updated)
        count += len(accounts)
        after = accounts[-1].loan_id


def accrual_of(account: LoanAccount, figures: Position) -> Accrual:
    """The snapshot record of a computed position. Pure."""
    return Accrual(
        loan_id=account.loan_id,
        as_of=figures.as_of,
        days_past_due=figures.days_past_due,
        outstanding_principal=figures.outstanding_principal,
        overdue_principal=figures.overdue_principal,
        overdue_interest=figures.overdue_interest,
        penalty_interest=figures.penalty_interest,
        compound_interest=figures.compound_interest,
        penalty_accrued=figures.penalty_accrued,
        compound_accrued=figures.compound_accrued,
        classification=account.classification,
    )


def accruals_on(uow, as_of: date) -> list[Accrual]:
    """Every loan's snapshot for ``as_of``, by loan."""
    with uow:
        return uow.accruals.on(as_of)


# ---------------------------------------------------------------------------
# Taking over a loan book (a previous system's loans, or a training database)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BookedPayment:
    """One posting of a loan's history.

    ``amount`` ``None`` means what is owed that day (charges and arrears)
    and the next instalment if it falls due by ``covering``, times
    ``share`` (below 1: a partial payment). For an early repayment
    ``principal`` is the principal repaid ahead; a settlement repays all.
    """

    paid_on: date
    receipt_number: str
    channel: Channel = Channel.TRANSFER
    kind: PaymentKind = PaymentKind.REGULAR
    amount: Decimal | None = None
    share: Decimal = Decimal(1)
    covering: date | None = None
    principal: Decimal | None = None
    option: EarlyRepaymentOption | None = None
    posted_by: str = ""


@dataclass
class BookedLoan:
    """A disbursed loan with its history, for ``load_loan_book``.

    ``customer`` is registered unless its ID number already is (then the
    registered customer is used and ``business`` ignored); ``application``
    (state disbursed) and ``loan`` (a ``domain.loans.Loan``) get their
    numbers, ids and borrower from the loader; ``schedule`` is the schedule
    fixed at disbursement. ``written_off_on`` marks a loan written off that
    day; ``classification`` is a supervisor's standing decision (category,
    supervisor, reason); ``use_checked_on`` and ``revisited_on`` are the
    last use check and revisit done, kept as completed tasks.
    """

    customer: Customer
    business: Business | None
    application: Application
    loan: Loan
    schedule: Schedule
    payments: list[BookedPayment] = field(default_factory=list)
    written_off_on: date | None = None
    classification: tuple[Category, str, str] | None = None
    use_checked_on: date | None = None
    revisited_on: date | None = None


@dataclass
class LoadedLoan:
    """A booked loan replayed through the posting rules: what is stored.

    ``versions`` holds every schedule version as (number, lines,
    superseded); ``repayments`` the postings, in order; ``tasks`` the
    completed follow-up tasks and ``decisions`` the supervisor's decision.
    """

    booked: BookedLoan
    account: LoanAccount
    versions: list[tuple[int, tuple[ScheduleLine, ...], bool]]
    repayments: list[Repayment]
    tasks: list[FollowUpTask] = field(default_factory=list)
    decisions: list[ClassificationDecision] = field(default_factory=list)


def replay(
    booked: BookedLoan,
    today: date,
    order: Sequence[Component],
    thresholds,
    by: str,
) -> LoadedLoan:
    """Run a booked loan's history through the posting rules. Pure.

    Returns its account as of ``today``, every schedule version and the
    postings; a payment after the loan is repaid is dropped.
    """
    account = _new_account(booked)
    lines = tuple(lines_of(booked.schedule))
    versions: list[tuple[int, tuple[ScheduleLine, ...], bool]] = []
    repayments = []
    for payment in booked.payments:
        if all(ln.settled for ln in lines):
            break
        amount = _booked_amount(account, lines, payment)
        if amount is None:
            continue
        plan = plan_posting(
            account, lines, amount, payment.paid_on, payment.kind, payment.option, order
        )
        before = account.schedule_version
        if plan.rescheduled:
            versions.append((before, lines, True))
            account.schedule_version = before + 1
        lines = plan.lines
        # The account is this replay's own: changed in place, a million times over.
        account.penalty_paid += plan.allocation.penalty
        account.compound_paid += plan.allocation.compound
        account.last_paid_on = payment.paid_on
        account.outstanding_principal = sum((ln.unpaid_principal for ln in lines), ZERO)
        repayments.append(_booked_repayment(account, payment, amount, plan, before, lines, by))
    versions.append((account.schedule_version, lines, False))
    state = _booked_state(account, lines, booked, today, thresholds)
    return LoadedLoan(booked, state, versions, repayments)


def _new_account(booked: BookedLoan) -> LoanAccount:
    loan = booked.loan
    return LoanAccount(
        loan_id=loan.id or 0,
        loan_number=loan.loan_number,
        customer_id=loan.customer_id,
        borrower_name=loan.borrower_name,
        product_code=loan.product_code,
        officer=booked.application.officer,
        marketing_area=booked.business.marketing_area if booked.business else "",
        amount=loan.amount,
        annual_rate=loan.annual_rate,
        repayment_method=loan.repayment_method,
        penalty_uplift=booked.loan.penalty_uplift,
        disbursed_on=loan.start_date,
        maturity_date=loan.maturity_date,
        first_due_on=booked.schedule.instalments[0].due_date,
        outstanding_principal=loan.amount,
    )


def _booked_amount(account: LoanAccount, lines, payment: BookedPayment) -> Decimal | None:
    if payment.amount is not None:
        return payment.amount
    if payment.kind is PaymentKind.REGULAR:
        due = _owed_by(account, lines, payment.paid_on, payment.covering or payment.paid_on)
        amount = (due * payment.share).quantize(FEN, rounding=ROUND_DOWN)
        return amount if amount > 0 else None
    principal = None if payment.kind is PaymentKind.SETTLEMENT else payment.principal
    return _quote(account, lines, payment.paid_on, principal, payment.option).total


def _owed_by(account: LoanAccount, lines, on: date, covering: date) -> Decimal:
    """Charges and arrears on ``on``, and the next instalment if it falls due
    by ``covering``."""
    penalty, compound = amounts_owed(
        lines, on, account.terms, account.penalty_paid, account.compound_paid
    )
    current = next_current_period(lines, on)
    owed = sum(
        (
            ln.unpaid
            for ln in lines
            if ln.overdue_on(on) or (ln.period == current and ln.due_date <= covering)
        ),
        ZERO,
    )
    return max(penalty, ZERO) + max(compound, ZERO) + owed


def _booked_repayment(account, payment, amount, plan, before, lines, by) -> Repayment:
    return Repayment(
        loan_id=account.loan_id,
        loan_number=account.loan_number,
        receipt_number=payment.receipt_number,
        amount=amount,
        paid_on=payment.paid_on,
        channel=payment.channel,
        kind=payment.kind,
        option=payment.option if payment.kind is PaymentKind.EARLY else None,
        allocation=plan.allocation,
        posted_by=payment.posted_by or by,
        posted_at=datetime.combine(payment.paid_on, time(10)).astimezone(),
        schedule_version_before=before,
        schedule_version_after=account.schedule_version,
        outstanding_after=account.outstanding_principal,
        arrears_since_after=min((ln.due_date for ln in lines if not ln.settled), default=None),
    )


def _booked_state(account, lines, booked: BookedLoan, today: date, thresholds) -> LoanAccount:
    figures = figures_of(account, lines, max(today, account.last_paid_on or today))
    fresh = apply_position(account, figures, thresholds)
    if booked.classification is not None:
        fresh = replace(
            fresh, classification=booked.classification[0], classification_confirmed=True
        )
    if figures.nothing_owed:
        return replace(fresh, state=LoanState.CLOSED, closed_on=account.last_paid_on)
    if booked.written_off_on is not None:
        return replace(fresh, state=LoanState.WRITTEN_OFF, closed_on=booked.written_off_on)
    return fresh


@dataclass(frozen=True)
class BookReport:
    """What ``load_loan_book`` stored."""

    loans: int
    repayments: int
    customers_added: int


def load_loan_book(uow, actor: User, loans: Sequence[BookedLoan]) -> BookReport:
    """Take over disbursed loans with their histories, in one transaction:
    a previous system's loan book, or a training database. Administrator only.

    Borrowers are checked like a registration (``FormErrors`` → a
    ``DomainError`` naming the loan); those already registered (same ID
    number) are reused. Each loan gets an application and a contract number
    from its dates, its schedule, its postings replayed through the posting
    rules (so every allocation is what the desk would have computed), its
    servicing account as of today, its completed follow-up tasks and the
    supervisor's classification given. Stored in bulk; the audit trail gets
    one summary event.
    """
    actor.require(Role.ADMINISTRATOR, doing="批量导入贷款")
    with uow.acting(actor.username):
        today = uow.clock.today()
        added = _register_borrowers(uow, actor, loans)
        _number_applications(uow, loans)
        uow.applications.add_many([b.application for b in loans])
        _number_loans(uow, loans)
        order = allocation_order(uow)
        thresholds = load_thresholds(uow)
        loaded = [
            replay(b, today, order, thresholds_for(thresholds, b.loan.product_code), actor.username)
            for b in loans
        ]
        _history_around(loaded, load_policy(uow), uow.clock.now(), actor.username)
        uow.loan_book.add(loaded)
        repayments = sum(len(x.repayments) for x in loaded)
        if loaded:
            uow.record(
                "load_loan_book",
                "loans",
                f"{loaded[0].account.loan_number}…",
                {"count": len(loaded), "repayments": repayments},
            )
        uow.commit()
        return BookReport(len(loaded), repayments, added)


def _register_borrowers(uow, actor: User, loans: Sequence[BookedLoan]) -> int:
    """Give every booked loan its borrower's id, registering new borrowers
    (checked) and their businesses; the number registered."""
    today, now = uow.clock.today(), uow.clock.now()
    by_number: dict[str, Customer] = {}
    for booked in loans:
        by_number.setdefault(booked.customer.id_number, booked.customer)
    known = uow.customers.known_id_numbers(list(by_number))
    found = {n: uow.customers.get_by_id_number(n) for n in known}
    new = [_checked_borrower(c, today, now, actor) for n, c in by_number.items() if n not in known]
    for customer in uow.customers.add_many(new):
        found[customer.id_number] = customer
    businesses = []
    for booked in loans:
        customer = found[booked.customer.id_number]
        fresh = booked.customer.id_number not in known
        booked.customer = customer
        if booked.business is not None and fresh and booked.business.id is None:
            booked.business.customer_id = customer.id
            businesses.append(booked.business)
    uow.businesses.add_many(_unique(businesses))
    for booked in loans:
        booked.application.customer_id = booked.customer.id
        booked.application.business_id = booked.business.id if booked.business else None
        booked.loan.customer_id = booked.customer.id
        booked.loan.borrower_name = booked.customer.name
    return len(new)


def _checked_borrower(customer: Customer, today: date, now: datetime, actor: User) -> Customer:
    try:
        checked = validate_customer(customer.draft(), today=today)
    except FormErrors as error:
        problems = "；".join(error.problems.values())
        raise DomainError(f"借款人 {customer.name}：{problems}") from error
    checked.created_at = customer.created_at or now
    checked.created_by = customer.created_by or actor.username
    return checked


def _unique(items: list) -> list:
    seen, kept = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            kept.append(item)
    return kept


def _number_applications(uow, loans: Sequence[BookedLoan]) -> None:
    """Application numbers from each application's date, continuing the day's sequence."""
    groups: dict[str, list[Application]] = {}
    prefixes: dict[str, str] = {}
    for booked in loans:
        application = booked.application
        code = application.product_code
        prefix = prefixes.get(code) or prefixes.setdefault(code, number_prefix(uow, code))
        key = f"{prefix}{application.created_at.astimezone():%Y%m%d}"
        groups.setdefault(key, []).append(application)
    for key, group in groups.items():
        first = uow.applications.reserve_sequences(key, len(group))
        for offset, application in enumerate(group):
            application.application_number = f"{key}-{first + offset:04d}"


def _number_loans(uow, loans: Sequence[BookedLoan]) -> None:
    """Contract numbers from each disbursement date, continuing the day's sequence."""
    prefix = contract_prefix(uow)
    groups: dict[str, list[BookedLoan]] = {}
    for booked in loans:
        groups.setdefault(f"{prefix}{booked.loan.start_date:%Y%m%d}", []).append(booked)
    for key, group in groups.items():
        first = uow.applications.reserve_sequences(key, len(group))
        for offset, booked in enumerate(group):
            booked.loan.loan_number = f"{key}-{first + offset:04d}"
            booked.loan.application_number = booked.application.application_number


def _history_around(loaded: Sequence[LoadedLoan], policy, now: datetime, by: str) -> None:
    """Each loaded loan's next revisit, its completed use check and revisit,
    and its supervisor's classification decision."""
    interval = timedelta(days=policy.revisit_interval_days)
    for item in loaded:
        booked, account = item.booked, item.account
        account.next_revisit_on = (booked.revisited_on or account.disbursed_on) + interval
        for kind, day in (
            (TaskKind.USE_CHECK, booked.use_checked_on),
            (TaskKind.REVISIT, booked.revisited_on),
        ):
            if day is not None:
                item.tasks.append(_done_task(account, kind, day, by))
        if booked.classification is not None:
            category, supervisor, reason = booked.classification
            item.decisions.append(
                ClassificationDecision(
                    loan_number=account.loan_number,
                    category=category,
                    suggested=account.suggested_class,
                    days_past_due=account.days_past_due,
                    reason=reason,
                    decided_by=supervisor,
                    decided_at=now,
                )
            )


def _done_task(account: LoanAccount, kind: TaskKind, day: date, by: str) -> FollowUpTask:
    at = datetime.combine(day, time(16)).astimezone()
    task = new_task(account, kind, day, at, by)
    return replace(
        task,
        status=TaskStatus.DONE,
        completed_at=at,
        completed_by=account.officer,
        notes=f"{kind.label}已完成（移交前记录）",
        evidence_reference="移交前纸质档案",
    )


def console_operator() -> str:
    """How console commands name the person running them in the audit trail."""
    return f"console:{getpass.getuser()}"
