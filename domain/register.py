"""The loan register (贷款台账): every loan with its state, outstanding
principal, next due date, days past due, officer and borrower.

One search box finds loans by contract number (the whole number or its
beginning; digits alone are read after the bank's contract prefix, so
``20261128`` finds that day's loans), by the beginning of the borrower's
name (a surname finds everyone of that name), or by officer (user name or
part of the full name). Filters narrow to a state, a product, or overdue
loans only. Newest contract first.

Pages come by keyset: pass the last row's ``sort_key`` as ``after`` to get
the next page, so no loan is skipped or repeated while postings move
others. The rows are read from the loan accounts, whose register columns
every posting and the daily run keep current, so a page never computes a
position: with a million loans in SQLite a page takes a few milliseconds.

Days past due are those of today (or ``today`` given), from the oldest
unpaid due date kept on the account. The overdue filter follows the loans'
state as last computed, by a posting or the daily run: a loan whose
instalment fell due unpaid since the last daily run joins it at the next.

Use cases take a unit of work with the repositories ``loan_reports``,
``users`` and ``settings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.classification import Category
from domain.errors import ValidationError
from domain.loans import LoanState, contract_prefix
from domain.overdue import days_past_due
from domain.text import normalize_input

DEFAULT_LIMIT = 100
MAX_LIMIT = 500

_CODE = re.compile(r"^[A-Z]+[0-9][0-9-]*$")
_DIGITS = re.compile(r"^[0-9][0-9-]*$")
_LETTERS = re.compile(r"^[a-z][a-z0-9._-]*$")


@dataclass(frozen=True)
class RegisterFilters:
    """What the register shows. ``overdue``: ``True`` only overdue loans,
    ``False`` only loans not overdue (closed and written-off ones included),
    ``None`` both."""

    search: str = ""
    state: LoanState | str | None = None
    product_code: str | None = None
    overdue: bool | None = None


@dataclass(frozen=True)
class RegisterQuery:
    """The filters as the repository applies them: each search part is
    ``None`` when the text cannot be one; all ``None`` with ``text`` set
    finds nothing. ``today`` decides what is overdue."""

    today: date
    text: str = ""
    number_prefix: str | None = None
    name_prefix: str | None = None
    officer_prefix: str | None = None
    officer_name: str | None = None
    state: LoanState | None = None
    product_code: str | None = None
    overdue: bool | None = None

    @property
    def searching(self) -> bool:
        return bool(self.text)


@dataclass(frozen=True)
class RegisterRow:
    """One loan in the register. ``sort_key`` is what ``after`` takes."""

    loan_number: str
    borrower_name: str
    product_code: str
    officer: str
    state: LoanState
    amount: Decimal
    outstanding_principal: Decimal
    next_due_date: date | None
    next_due_amount: Decimal
    arrears_since: date | None
    classification: Category
    disbursed_on: date
    maturity_date: date
    today: date

    @property
    def days_past_due(self) -> int:
        if self.state is not LoanState.ACTIVE:
            return 0
        return days_past_due(self.arrears_since, self.today)

    @property
    def sort_key(self) -> str:
        return self.loan_number


def read_query(filters: RegisterFilters, today: date, prefix: str) -> RegisterQuery:
    """Where the typed text can match, given the bank's contract ``prefix``. Pure."""
    state = _state(filters.state)
    text = normalize_input(filters.search)
    base = RegisterQuery(
        today=today,
        text=text,
        state=state,
        product_code=normalize_input(filters.product_code) or None,
        overdue=filters.overdue,
    )
    if not text:
        return base
    compact = text.replace(" ", "")
    upper = compact.upper()
    return RegisterQuery(
        **{
            **base.__dict__,
            "number_prefix": _number_prefix(upper, prefix),
            "name_prefix": compact if not compact.isascii() else None,
            "officer_prefix": compact.lower() if _LETTERS.match(compact.lower()) else None,
            "officer_name": compact if not compact.isascii() else None,
        }
    )


def _number_prefix(upper: str, prefix: str) -> str | None:
    if _CODE.match(upper) or (upper.isalpha() and upper.isascii()):
        return upper
    if _DIGITS.match(upper):
        return prefix + upper
    return None


def _state(value: LoanState | str | None) -> LoanState | None:
    if value in (None, ""):
        return None
    if isinstance(value, LoanState):
        return value
    text = normalize_input(str(value))
    for state in LoanState:
        if text in (state.value, state.label):
            return state
    raise ValidationError(f"贷款状态“{text}”无效，可选：未结清、已结清、已核销", "state")


def loan_register(
    uow,
    filters: RegisterFilters | None = None,
    after: str | None = None,
    limit: int = DEFAULT_LIMIT,
    today: date | None = None,
) -> list[RegisterRow]:
    """A page of the register: up to ``limit`` loans (at most 500), newest
    contract first, after the loan whose ``sort_key`` is ``after``."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"每页显示 1 至 {MAX_LIMIT} 笔", "limit")
    with uow:
        day = today or uow.clock.today()
        query = read_query(filters or RegisterFilters(), day, contract_prefix(uow))
        return uow.loan_reports.register_page(query, after, limit)
