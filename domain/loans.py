"""Loans: what a disbursement creates, with its repayment schedule fixed.

A ``Loan`` is opened by the teller's disbursement (``domain.workflow.disburse``)
after the supervisor's sign-off. Its terms are fixed then: the amount paid
out, the annual rate priced on the application date for the approved risk
grade, the term, the repayment method and the due day; the schedule is built
from the disbursement date and stored with the loan, so later changes of
settings (LPR, spreads) never alter a granted loan.

Servicing (repayments, overdue, classification) builds on ``Loan`` and its
stored schedule: ``state`` and ``outstanding_principal`` are what it moves.
Amounts are ``Decimal`` yuan, rates percent (``Decimal("4.50")`` is 4.50%).

Use cases take a unit of work with the repository ``loans``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from domain.applications import Application
from domain.customers import FieldProblems, parse_date, required_text
from domain.errors import NotFound, ValidationError
from domain.money import ZERO, format_amount, parse_amount
from domain.paperwork import EntrustedPayment, OwnPayment, PaymentArrangement
from domain.pricing import Pricing, RiskGrade
from domain.schedule import RepaymentMethod, Schedule, build_schedule
from domain.text import normalize_input

ACCOUNT_MIN_DIGITS = 8
ACCOUNT_MAX_DIGITS = 32
NAME_MAX = 100

# Contract numbers: a prefix, the disbursement date and the day's sequence
# (``JK20261128-0001``). The prefix is a bank setting.
LOANS_SETTING = "loans"
DEFAULT_CONTRACT_PREFIX = "JK"


class LoanState(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    WRITTEN_OFF = "written_off"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    LoanState.ACTIVE: "未结清",
    LoanState.CLOSED: "已结清",
    LoanState.WRITTEN_OFF: "已核销",
}


class PaymentMode(StrEnum):
    ENTRUSTED = "entrusted"
    OWN = "own"

    @property
    def label(self) -> str:
        return EntrustedPayment.label if self is PaymentMode.ENTRUSTED else OwnPayment.label


@dataclass(frozen=True)
class Disbursement:
    """What the teller enters. Amounts and the date may be typed text.

    ``payment`` is ``OwnPayment()`` (自主支付: into the borrower's account) or
    an ``EntrustedPayment`` (受托支付: straight to a named counterparty).
    ``principal_plan`` is the agreed principal per month, for a cash-flow
    repayment method only.
    """

    disbursed_on: date | str | None
    amount: Decimal | str | None
    repayment_account: str
    payment: PaymentArrangement = field(default_factory=OwnPayment)
    principal_plan: Sequence[Decimal | str] | None = None


@dataclass
class Loan:
    """A granted loan. ``loan_number`` is also the loan contract's number.

    ``maturity_date`` is the due date of the last instalment.
    ``outstanding_principal`` starts at ``amount``; servicing lowers it.
    """

    loan_number: str
    application_number: str
    customer_id: int
    borrower_name: str
    product_code: str
    amount: Decimal
    annual_rate: Decimal
    base_rate: Decimal
    spread: Decimal
    pricing_description: str
    risk_grade: RiskGrade
    months: int
    repayment_method: RepaymentMethod
    due_day: int
    start_date: date
    maturity_date: date
    repayment_account: str
    payment: PaymentArrangement
    disbursed_at: datetime
    disbursed_by: str
    # The product's uplifts when the loan was granted; the contract states
    # them, so later product edits do not reach an existing loan.
    penalty_uplift: Decimal = Decimal("0.50")
    misuse_penalty_uplift: Decimal = Decimal("1.00")
    state: LoanState = LoanState.ACTIVE
    outstanding_principal: Decimal | None = None
    application_id: int | None = None
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        if self.outstanding_principal is None:
            self.outstanding_principal = self.amount

    @property
    def contract_number(self) -> str:
        return self.loan_number

    @property
    def payment_mode(self) -> PaymentMode:
        if isinstance(self.payment, EntrustedPayment):
            return PaymentMode.ENTRUSTED
        return PaymentMode.OWN


# ---------------------------------------------------------------------------
# Reading the teller's entries
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DisbursementTerms:
    """The teller's entries, checked: date, amount, account, arrangement, plan."""

    disbursed_on: date
    amount: Decimal
    repayment_account: str
    payment: PaymentArrangement
    principal_plan: tuple[Decimal, ...] | None


def read_disbursement(
    entered: Disbursement,
    *,
    approved_amount: Decimal,
    earliest: date,
    today: date,
    method: RepaymentMethod | None,
) -> DisbursementTerms:
    """The checked entries, or ``FormErrors`` listing every wrong field:
    a date from ``earliest`` (the sign-off) to ``today``; an amount not above
    ``approved_amount``; a repayment account of 8 to 32 digits; for entrusted
    payment the counterparty's name, account and bank and an amount not above
    the loan; a principal plan only for a cash-flow method, which needs one.
    """
    found = FieldProblems()
    day = found.check("disbursed_on", parse_date, entered.disbursed_on, "disbursed_on", "放款日期")
    if day is not None and day > today:
        found.add("disbursed_on", f"放款日期 {day.isoformat()} 晚于今天，请核对")
    elif day is not None and day < earliest:
        found.add(
            "disbursed_on",
            f"放款日期 {day.isoformat()} 早于主管合规确认日期 {earliest.isoformat()}，请核对",
        )
    amount = found.check("amount", _amount, entered.amount, "amount", "放款金额")
    if amount is not None and amount > approved_amount:
        found.add(
            "amount",
            f"放款金额 {format_amount(amount)} 元超过批准金额 {format_amount(approved_amount)} 元",
        )
    account = found.check(
        "repayment_account", _account, entered.repayment_account, "repayment_account", "还款账号"
    )
    payment = _payment(found, entered.payment, amount)
    plan = _plan(found, entered.principal_plan, method)
    found.raise_if_any()
    return DisbursementTerms(day, amount, account, payment, plan)


def _amount(value: Decimal | str | None, field_name: str, label: str) -> Decimal:
    text = format(value, "f") if isinstance(value, Decimal) else value
    return parse_amount(text, field_name, label=label)


def _account(value: str | None, field_name: str, label: str) -> str:
    digits = re.sub(r"[\s-]", "", normalize_input(value))
    if not digits:
        raise ValidationError(f"请填写{label}", field_name)
    if not digits.isdigit() or not ACCOUNT_MIN_DIGITS <= len(digits) <= ACCOUNT_MAX_DIGITS:
        raise ValidationError(
            f"{label}应为 {ACCOUNT_MIN_DIGITS} 至 {ACCOUNT_MAX_DIGITS} 位数字，“{digits}”无法识别",
            field_name,
        )
    return digits


def _payment(
    found: FieldProblems, payment: PaymentArrangement, amount: Decimal | None
) -> PaymentArrangement:
    if not isinstance(payment, EntrustedPayment):
        return OwnPayment()
    name = found.check(
        "payment.counterparty_name",
        required_text,
        payment.counterparty_name,
        "payment.counterparty_name",
        "受托支付收款人名称",
        NAME_MAX,
    )
    account = found.check(
        "payment.counterparty_account",
        _account,
        payment.counterparty_account,
        "payment.counterparty_account",
        "受托支付收款账号",
    )
    bank = found.check(
        "payment.counterparty_bank",
        required_text,
        payment.counterparty_bank,
        "payment.counterparty_bank",
        "受托支付收款人开户行",
        NAME_MAX,
    )
    paid = found.check("payment.amount", _amount, payment.amount, "payment.amount", "受托支付金额")
    if paid is not None and amount is not None and paid > amount:
        found.add(
            "payment.amount",
            f"受托支付金额 {format_amount(paid)} 元超过放款金额 {format_amount(amount)} 元",
        )
    if None in (name, account, bank, paid):
        return payment
    return EntrustedPayment(name, account, bank, paid)


def _plan(
    found: FieldProblems,
    plan: Sequence[Decimal | str] | None,
    method: RepaymentMethod | None,
) -> tuple[Decimal, ...] | None:
    if method is not RepaymentMethod.CASH_FLOW:
        if plan:
            found.add("principal_plan", "只有按现金流约定还本的贷款需要录入每期本金")
        return None
    if not plan:
        found.add("principal_plan", "按现金流约定还本须录入每期应还本金")
        return None
    amounts = []
    for index, value in enumerate(plan, 1):
        text = format(value, "f") if isinstance(value, Decimal) else normalize_input(value)
        if _is_zero(text):
            amounts.append(ZERO)  # a month without principal (宽限、淡季)
            continue
        label = f"第 {index} 期本金"
        amounts.append(
            found.check("principal_plan", parse_amount, text, "principal_plan", label=label)
        )
    return tuple(a if a is not None else ZERO for a in amounts)


def _is_zero(text: str) -> bool:
    try:
        return not text or Decimal(text) == 0
    except ArithmeticError:
        return False


# ---------------------------------------------------------------------------
# Opening a loan
# ---------------------------------------------------------------------------


def open_loan(
    *,
    loan_number: str,
    application: Application,
    borrower_name: str,
    risk_grade: RiskGrade,
    pricing: Pricing,
    terms: DisbursementTerms,
    disbursed_at: datetime,
    disbursed_by: str,
    penalty_uplift: Decimal,
    misuse_penalty_uplift: Decimal,
) -> tuple[Loan, Schedule]:
    """The loan and its schedule, fixed from the disbursement date. Pure.

    The schedule uses the application's term, repayment method and due day
    and the priced annual rate; ``ValidationError`` from ``build_schedule``
    if they do not make a schedule (a cash-flow plan that does not add up).
    """
    schedule = build_schedule(
        terms.amount,
        pricing.annual_rate,
        application.months,
        terms.disbursed_on,
        application.repayment_method,
        application.due_day,
        principal_plan=terms.principal_plan,
    )
    loan = Loan(
        loan_number=loan_number,
        application_number=application.application_number,
        application_id=application.id,
        customer_id=application.customer_id,
        borrower_name=borrower_name,
        product_code=application.product_code,
        amount=terms.amount,
        annual_rate=pricing.annual_rate,
        base_rate=pricing.base_rate,
        spread=pricing.spread,
        pricing_description=pricing.description,
        risk_grade=risk_grade,
        months=application.months,
        repayment_method=application.repayment_method,
        due_day=application.due_day or terms.disbursed_on.day,
        start_date=terms.disbursed_on,
        maturity_date=schedule.instalments[-1].due_date,
        repayment_account=terms.repayment_account,
        payment=terms.payment,
        disbursed_at=disbursed_at,
        disbursed_by=disbursed_by,
        penalty_uplift=penalty_uplift,
        misuse_penalty_uplift=misuse_penalty_uplift,
    )
    return loan, schedule


def contract_prefix(uow) -> str:
    """The letters that begin loan contract numbers (setting ``loans.contract_prefix``)."""
    stored = uow.settings.get(LOANS_SETTING, {}) or {}
    return str(stored.get("contract_prefix") or DEFAULT_CONTRACT_PREFIX).upper()


def next_loan_number(uow, day: date) -> str:
    """Inside an open unit of work: a new contract number for a loan made on ``day``."""
    key = f"{contract_prefix(uow)}{day:%Y%m%d}"
    return f"{key}-{uow.applications.next_sequence(key):04d}"


# ---------------------------------------------------------------------------
# Use cases
# ---------------------------------------------------------------------------


def get_loan(uow, loan_number: str) -> Loan:
    """The loan with ``loan_number`` (the contract number); ``NotFound`` if none."""
    number = normalize_input(loan_number).upper()
    with uow:
        loan = uow.loans.get(number) if number else None
    if loan is None:
        raise NotFound(f"找不到贷款 {number or '（未填写编号）'}，请核对借款合同编号。")
    return loan


def loan_for_application(uow, application_number: str) -> Loan | None:
    """The loan made on the application, ``None`` before disbursement."""
    with uow:
        return uow.loans.for_application(normalize_input(application_number).upper())


def loan_schedule(uow, loan_number: str) -> Schedule:
    """The loan's stored repayment schedule, as fixed at disbursement."""
    loan = get_loan(uow, loan_number)
    with uow:
        return Schedule(tuple(uow.loans.schedule(loan.id)))
