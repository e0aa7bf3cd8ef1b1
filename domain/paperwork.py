"""What goes on paper: the data each printed document needs, and nothing else.

Use cases fill these from the database; ``printing/`` turns them into PDF. A
paper holds what is printed, already decided: labels as printed (``等额本息``),
amounts in yuan (``Decimal`` with two decimals), rates in percent
(``Decimal("4.35")`` is 4.35%), uplifts as ratios (``Decimal("0.5")`` is +50%).

Every paper has a ``fingerprint()``, the SHA-256 of its canonical content, and
a short ``verification_code`` derived from it that is printed (with a QR code)
on every page. A desk can recompute the code from the database and compare it
with the one on a paper someone brings in: any changed figure, name or date
gives a different code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Container
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any, ClassVar

from domain.interest import OverdueCharges
from domain.schedule import Schedule

# Crockford's base 32: no I, L, O or U, so a code read out over the phone or
# typed from paper cannot be mistaken for 1 or 0.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_LENGTH = 12
_CODE_GROUP = 4

DEFAULT_DEADLINE_WORKING_DAYS = 5
DEFAULT_GUARANTEE_PERIOD_MONTHS = 6
DEFAULT_GUARANTEE_SCOPE = (
    "借款本金",
    "利息",
    "罚息",
    "复利",
    "损害赔偿金",
    "实现债权的费用（包括但不限于诉讼费、律师费、保全费、公告费、送达费、差旅费）",
)


class Paper:
    """Base of every printed document's data.

    Subclasses are frozen dataclasses with at least ``document_number`` (the
    number printed in the header of every page) and ``bank``.
    """

    document_number: str
    bank: BankDetails

    def fingerprint(self) -> str:
        """SHA-256 (hex) of the paper's canonical content: every field, with
        amounts compared by value (``1.0`` and ``1.00`` are the same amount),
        dates in ISO form and the kind of paper included, so two papers have
        the same fingerprint exactly when they are equal."""
        canonical = json.dumps(
            _canonical(self), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def verification_code(self) -> str:
        """Twelve characters of the fingerprint in Crockford base 32, grouped
        for reading aloud: ``7KQ2-M9XD-4RTB`` (60 bits)."""
        return verification_code(self.fingerprint())


def verification_code(fingerprint: str) -> str:
    """The printed verification code for a hex SHA-256 ``fingerprint``."""
    bits = int(fingerprint[:16], 16) >> (64 - 5 * _CODE_LENGTH)
    chars = [
        _CODE_ALPHABET[(bits >> (5 * (_CODE_LENGTH - 1 - i))) & 31] for i in range(_CODE_LENGTH)
    ]
    groups = ("".join(chars[i : i + _CODE_GROUP]) for i in range(0, _CODE_LENGTH, _CODE_GROUP))
    return "-".join(groups)


def _canonical(value: Any) -> Any:
    """A JSON-ready form of ``value`` that depends only on its content."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        content = {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"kind": type(value).__name__, **content}
    if isinstance(value, Enum):
        return _canonical(value.value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(_canonical(v) for v in value)
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"文书内容中有无法归一的值：{type(value).__name__}")


def add_working_days(start: date, days: int, holidays: Container[date] = ()) -> date:
    """The day ``days`` working days after ``start``: Saturdays, Sundays and
    any date in ``holidays`` do not count. ``start`` itself never counts, so
    Friday + 1 is the next Monday.

    Public holidays and the weekend days worked in their place (调休) change
    every year; pass the bank's holiday calendar as ``holidays`` where one is
    kept. ``days`` must not be negative.
    """
    if days < 0:
        raise ValueError("工作日天数不能为负数")
    day = start
    while days:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            days -= 1
    return day


# --- Who is named on paper -----------------------------------------------------


@dataclass(frozen=True)
class BankDetails:
    """The lender as printed in the header of every page: from the bank settings."""

    bank_name: str
    branch_name: str
    address: str = ""
    phone: str = ""

    @property
    def full_name(self) -> str:
        """``示范农村商业银行城关支行``: bank and branch as one name."""
        return f"{self.bank_name}{self.branch_name}"


@dataclass(frozen=True)
class Party:
    """A person named in a document: borrower, spouse, guarantor."""

    name: str
    id_number: str
    phone: str = ""
    address: str = ""


# --- Loan contract -------------------------------------------------------------


@dataclass(frozen=True)
class EntrustedPayment:
    """受托支付: the bank pays the loan straight to the borrower's counterparty."""

    counterparty_name: str
    counterparty_account: str
    counterparty_bank: str
    amount: Decimal

    label: ClassVar[str] = "受托支付"


@dataclass(frozen=True)
class OwnPayment:
    """自主支付: the loan is paid into the borrower's account and he pays his
    suppliers himself."""

    label: ClassVar[str] = "自主支付"


PaymentArrangement = EntrustedPayment | OwnPayment


@dataclass(frozen=True)
class LoanContractPaper(Paper):
    """A loan contract (借款合同) with its repayment schedule as the annex.

    ``document_number`` is the number the paper is filed under; ``contract_number``
    the loan contract's number that notices and the guarantee contract cite.
    ``repayment_method`` is the printed label (``RepaymentMethod.label``),
    ``pricing_description`` how the rate was set (``Pricing.description``).
    ``repayment_account`` is the borrower's account at the bank that receives
    the loan (own payment) and from which instalments are collected.
    ``spouse`` is ``None`` for an unmarried borrower: no spouse block is printed.
    """

    document_number: str
    contract_number: str
    bank: BankDetails
    borrower: Party
    spouse: Party | None
    product_name: str
    loan_type: str
    purpose: str
    amount: Decimal
    annual_rate: Decimal
    pricing_description: str
    term_months: int
    start_date: date
    maturity_date: date
    repayment_method: str
    due_day: int
    penalty_uplift: Decimal
    misuse_penalty_uplift: Decimal
    payment: PaymentArrangement
    repayment_account: str
    guarantee_summary: str
    schedule: Schedule
    currency: str = "人民币"


# --- Guarantee contract ----------------------------------------------------------


@dataclass(frozen=True)
class GuaranteeContractPaper(Paper):
    """A guarantee contract (保证合同) of one guarantor for one loan.

    The guarantee is always joint and several (``GUARANTEE_METHOD``): a
    contract silent on the method would make it a general guarantee (一般保证,
    Civil Code art. 686), so it is not a field anyone can leave empty.
    ``period_months`` runs from the day the main debt falls due.
    """

    document_number: str
    loan_contract_number: str
    bank: BankDetails
    guarantor: Party
    borrower: Party
    loan_type: str
    amount: Decimal
    annual_rate: Decimal
    term_months: int
    start_date: date
    maturity_date: date
    scope: tuple[str, ...] = DEFAULT_GUARANTEE_SCOPE
    period_months: int = DEFAULT_GUARANTEE_PERIOD_MONTHS
    currency: str = "人民币"

    GUARANTEE_METHOD: ClassVar[str] = "连带责任保证"

    def __post_init__(self) -> None:
        object.__setattr__(self, "scope", tuple(self.scope))


# --- Repayment schedule ----------------------------------------------------------


@dataclass(frozen=True)
class SchedulePaper(Paper):
    """A repayment schedule (还款计划表) handed to the borrower on its own."""

    document_number: str
    bank: BankDetails
    contract_number: str
    borrower_name: str
    amount: Decimal
    annual_rate: Decimal
    term_months: int
    repayment_method: str
    start_date: date
    schedule: Schedule


# --- Notices -------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderNotice(Paper):
    """A repayment reminder (还款提醒通知书) for one instalment coming due."""

    document_number: str
    bank: BankDetails
    borrower: Party
    contract_number: str
    period: int
    due_date: date
    principal_due: Decimal
    interest_due: Decimal
    repayment_account: str
    issued_on: date

    @property
    def amount_due(self) -> Decimal:
        return self.principal_due + self.interest_due


class NoticeRole(StrEnum):
    """To whom an overdue notice is addressed."""

    BORROWER = "borrower"
    GUARANTOR = "guarantor"

    @property
    def label(self) -> str:
        return "借款人" if self is NoticeRole.BORROWER else "保证人"


@dataclass(frozen=True)
class OverdueNotice(Paper):
    """An overdue collection notice (逾期催收通知书) to the borrower or to one
    guarantor, each getting a notice of his own.

    ``overdue_interest`` is the contract interest unpaid; ``penalty_interest``
    (罚息) and ``compound_interest`` (复利) are the charges on top, as of
    ``as_of``. ``deadline`` defaults to ``as_of`` plus
    ``DEFAULT_DEADLINE_WORKING_DAYS`` working days (weekends skipped); a use
    case that keeps a holiday calendar passes its own. ``guarantee_contract_number``
    is printed on a guarantor's notice.
    """

    document_number: str
    bank: BankDetails
    addressee: Party
    role: NoticeRole
    borrower_name: str
    contract_number: str
    original_principal: Decimal
    as_of: date
    outstanding_principal: Decimal
    overdue_principal: Decimal
    overdue_interest: Decimal
    penalty_interest: Decimal
    compound_interest: Decimal
    repayment_account: str
    guarantee_contract_number: str = ""
    deadline: date | None = None  # always a date once built: see __post_init__

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", NoticeRole(self.role))
        if self.deadline is None:
            deadline = add_working_days(self.as_of, DEFAULT_DEADLINE_WORKING_DAYS)
            object.__setattr__(self, "deadline", deadline)

    @property
    def interest_total(self) -> Decimal:
        """Overdue interest including penalty and compound interest."""
        return self.overdue_interest + self.penalty_interest + self.compound_interest

    @property
    def total_overdue(self) -> Decimal:
        return self.overdue_principal + self.interest_total

    @staticmethod
    def amounts_from(charges: OverdueCharges) -> dict[str, Any]:
        """The notice's overdue fields from ``overdue_charges(...)``, to pass
        as keyword arguments: ``OverdueNotice(..., **OverdueNotice.amounts_from(c))``."""
        return {
            "as_of": charges.as_of,
            "overdue_principal": charges.overdue_principal,
            "overdue_interest": charges.overdue_interest,
            "penalty_interest": charges.penalty_interest,
            "compound_interest": charges.compound_interest,
        }


# --- Checklist and sign-off record -------------------------------------------------


@dataclass(frozen=True)
class ChecklistEntry:
    """One checked item of the signing checklist: who confirmed it, when, on
    what evidence (a recording segment, a photo, a verification result)."""

    item: str
    confirmed_by: str
    confirmed_at: datetime
    evidence: str
    note: str = ""


@dataclass(frozen=True)
class SignOffRecord(Paper):
    """The checklist and the supervisor's compliance sign-off (面签核查及合规确认记录).

    ``officer`` and ``assisting_officer`` are the two staff present at the
    signing; ``signoff_hash`` is the hash the sign-off stored over the
    checklist and its evidence, printed so the paper can be matched to it.
    """

    document_number: str
    bank: BankDetails
    application_number: str
    borrower: Party
    product_name: str
    amount: Decimal
    term_months: int
    items: tuple[ChecklistEntry, ...]
    officer: str
    assisting_officer: str
    supervisor: str
    signed_off_at: datetime
    signoff_hash: str
    supervisor_opinion: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
