"""Finding customers and applications from one search box.

The clerk types any part of a name, of an ID number, of a phone number or
of an application number; ``SearchTerms`` works out which of these the text
can be (digits cannot be part of a name, Chinese cannot be part of an ID
number) so the query only looks where a match is possible.

Results come a page at a time, by keyset: pass the last row's ``sort_key``
as ``after`` to get the next page, so no row is skipped or repeated while
others are being added. Rows are small and show ID numbers masked.

Substring search cannot use a B-tree index, so it reads every row. Measured
with 100,000 customers and 25,000 applications (``bench/search.py``), a
customer search takes 10–20 ms and an application search 5–55 ms, on SQLite
and PostgreSQL alike: well below what a clerk notices, so the schema carries
no trigram or full-text tables that would have to be kept in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from domain.applications import ApplicationState
from domain.errors import ValidationError
from domain.text import compact_code, normalize_input

DEFAULT_LIMIT = 50
MAX_LIMIT = 500

# Where an application without an amount yet sorts among amounts: below all.
NO_AMOUNT = Decimal("-0.01")

_ID_PART = re.compile(r"^[0-9]+X?$|^X$")
_NUMBER_PART = re.compile(r"^[A-Z0-9-]+$")


@dataclass(frozen=True)
class SearchTerms:
    """Where to look for the typed ``text``. A ``None`` part is not searched;
    no ``text`` lists everything, text that fits no part finds nothing."""

    text: str = ""
    name: str | None = None  # part of a person's name
    id_number: str | None = None  # part of an ID number, upper-case X
    phone: str | None = None  # digits of a phone number
    application_number: str | None = None  # part of XW20261128-0001

    @classmethod
    def of(cls, text: str | None) -> SearchTerms:
        plain = normalize_input(text)
        if not plain:
            return cls()
        code = compact_code(plain)
        number = plain.upper().replace(" ", "")
        return cls(
            text=plain,
            name=plain if not any(c.isdigit() for c in plain) else None,
            id_number=code if _ID_PART.match(code) and code != "X" else None,
            phone=code if code.isdigit() else None,
            application_number=number if _NUMBER_PART.match(number) else None,
        )

    @property
    def empty(self) -> bool:
        """No text typed: every row matches."""
        return not self.text


@dataclass(frozen=True)
class CustomerHit:
    id: int
    name: str
    masked_id_number: str
    phone: str
    address: str

    @property
    def sort_key(self) -> tuple[str, int]:
        return (self.name, self.id)


class ApplicationOrder(StrEnum):
    """How application results are sorted."""

    NEWEST = "newest"  # latest created first
    NUMBER = "number"  # by application number
    AMOUNT = "amount"  # largest amount first (no amount yet: last)
    CUSTOMER = "customer"  # by the borrower's name

    @property
    def label(self) -> str:
        return _ORDER_LABELS[self]


_ORDER_LABELS = {
    ApplicationOrder.NEWEST: "最新在前",
    ApplicationOrder.NUMBER: "申请编号",
    ApplicationOrder.AMOUNT: "金额从大到小",
    ApplicationOrder.CUSTOMER: "客户姓名",
}


@dataclass(frozen=True)
class ApplicationHit:
    id: int
    application_number: str
    customer_name: str
    masked_id_number: str
    product_code: str
    amount: Decimal | None
    months: int | None
    state: ApplicationState
    officer: str
    created_at: datetime
    order: ApplicationOrder = ApplicationOrder.NEWEST

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """The position of this row in its ordering, for ``after``."""
        if self.order is ApplicationOrder.NUMBER:
            return (self.application_number,)
        if self.order is ApplicationOrder.AMOUNT:
            return (self.amount if self.amount is not None else NO_AMOUNT, self.id)
        if self.order is ApplicationOrder.CUSTOMER:
            return (self.customer_name, self.id)
        return (self.id,)


def search_customers(
    uow, text: str | None, after: tuple[str, int] | None = None, limit: int = DEFAULT_LIMIT
) -> list[CustomerHit]:
    """Customers whose name, ID number or phone contains ``text``, by name.

    ``after`` is the ``sort_key`` of the last row of the previous page.
    Empty ``text`` lists every customer.
    """
    terms = SearchTerms.of(text)
    with uow:
        return uow.customers.search(terms, after=after, limit=_page_size(limit))


def search_applications(
    uow,
    text: str | None = None,
    state: ApplicationState | str | None = None,
    officer: str | None = None,
    after: tuple[Any, ...] | None = None,
    limit: int = DEFAULT_LIMIT,
    order_by: ApplicationOrder | str = ApplicationOrder.NEWEST,
) -> list[ApplicationHit]:
    """Applications whose number, or whose borrower's name, ID number or phone,
    contains ``text``; optionally only in ``state`` and only those ``officer``
    (a username) took or assisted. ``after`` is the ``sort_key`` of the last
    row of the previous page in the same ``order_by``."""
    terms = SearchTerms.of(text)
    wanted_state = _state(state)
    order = ApplicationOrder(order_by)
    officer = normalize_input(officer).lower() or None
    with uow:
        return uow.applications.search(
            terms,
            state=wanted_state,
            officer=officer,
            after=after,
            limit=_page_size(limit),
            order=order,
        )


def _state(state: ApplicationState | str | None) -> ApplicationState | None:
    if state is None or state == "":
        return None
    if isinstance(state, ApplicationState):
        return state
    for member in ApplicationState:
        if state in (member.value, member.label):
            return member
    raise ValidationError(f"未知的申请状态“{state}”", "state")


def _page_size(limit: int) -> int:
    return max(1, min(int(limit), MAX_LIMIT))
