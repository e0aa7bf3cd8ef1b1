"""Interest arithmetic: a month's interest, interest by the day, and the charges
on overdue instalments (罚息 and 复利).

Rates are annual percentages as written in the contract (``Decimal("4.35")``).
The monthly rate is annual / 12 and the daily rate annual / 360; every amount
is rounded half-up to the fen where it is produced (domain.md, "Repayment
arithmetic").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import (
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)

from domain.errors import ValidationError
from domain.money import ZERO, round_fen

# Wide enough that no intermediate result is rounded before the final rounding
# to the fen; trapping keeps a bad input from turning into NaN quietly.
MONEY_CONTEXT = Context(
    prec=34, rounding=ROUND_HALF_UP, traps=[InvalidOperation, DivisionByZero, Overflow]
)

RATE_CEILING = Decimal(36)
MAX_PENALTY_UPLIFT = Decimal(1)  # +100%, the ceiling for misused funds

# Dividing by these once keeps ``balance × annual% / 1200`` exact up to the
# final rounding (a precomputed monthly rate such as 5/1200 would not be).
_PERCENT_MONTHS = Decimal(1200)
_PERCENT_DAYS = Decimal(36000)


def interest_for_month(balance: Decimal, annual_rate: Decimal) -> Decimal:
    """One month's interest on ``balance``: balance × annual/100/12, to the fen.

    Amortising schedules charge this whatever the number of days in the month.
    """
    return round_fen(balance * annual_rate / _PERCENT_MONTHS)


def interest_for_days(balance: Decimal, annual_rate: Decimal, days: int) -> Decimal:
    """Interest on ``balance`` for ``days`` days: balance × days × annual/100/360, to the fen."""
    return round_fen(balance * annual_rate * days / _PERCENT_DAYS)


def check_annual_rate(annual_rate: Decimal) -> Decimal:
    """The rate if it is a percentage from 0 up to (not including) 36, else ``ValidationError``."""
    if not isinstance(annual_rate, Decimal | int) or isinstance(annual_rate, bool):
        raise ValidationError("年利率必须是数字（按百分数填写，如 4.35）", "annual_rate")
    rate = Decimal(annual_rate)
    if not rate.is_finite():
        raise ValidationError("年利率必须是数字（按百分数填写，如 4.35）", "annual_rate")
    if rate < 0:
        raise ValidationError("年利率不能为负数", "annual_rate")
    if rate >= RATE_CEILING:
        raise ValidationError(
            "年利率必须低于 36%（按百分数填写，如 4.35 表示 4.35%）", "annual_rate"
        )
    return rate


def check_amount(amount: Decimal, field: str, label: str, *, allow_zero: bool = False) -> Decimal:
    """The amount if it is a finite number of yuan with at most two decimals
    (and above zero unless ``allow_zero``), else ``ValidationError`` on ``field``."""
    if not isinstance(amount, Decimal | int) or isinstance(amount, bool):
        raise ValidationError(f"{label}必须是数字", field)
    value = Decimal(amount)
    if not value.is_finite():
        raise ValidationError(f"{label}必须是数字", field)
    if value < 0:
        raise ValidationError(f"{label}不能为负数", field)
    if value == 0 and not allow_zero:
        raise ValidationError(f"{label}必须大于零", field)
    if value != round_fen(value):
        raise ValidationError(f"{label}最多保留两位小数（到分）", field)
    return round_fen(value)


# --- Overdue instalments: penalty interest and compound interest -------------


@dataclass(frozen=True, slots=True)
class OverdueItem:
    """What is still unpaid of one instalment that fell due on ``due_date``."""

    due_date: date
    unpaid_principal: Decimal
    unpaid_interest: Decimal


@dataclass(frozen=True, slots=True)
class OverdueItemCharges:
    """The charges on one overdue instalment as of the calculation date."""

    item: OverdueItem
    days_past_due: int
    penalty_interest: Decimal
    compound_interest: Decimal


@dataclass(frozen=True)
class OverdueCharges:
    """Penalty interest (罚息) on overdue principal and compound interest (复利)
    on overdue interest, item by item and in total, as of ``as_of``.

    ``penalty_rate`` is the annual percentage the charges were computed at.
    ``days_past_due`` is that of the oldest overdue item (0 when nothing is late).
    """

    as_of: date
    penalty_rate: Decimal
    items: tuple[OverdueItemCharges, ...]

    @property
    def penalty_interest(self) -> Decimal:
        return sum((c.penalty_interest for c in self.items), ZERO)

    @property
    def compound_interest(self) -> Decimal:
        return sum((c.compound_interest for c in self.items), ZERO)

    @property
    def days_past_due(self) -> int:
        return max((c.days_past_due for c in self.items), default=0)

    @property
    def overdue_principal(self) -> Decimal:
        return sum((c.item.unpaid_principal for c in self.items if c.days_past_due), ZERO)

    @property
    def overdue_interest(self) -> Decimal:
        return sum((c.item.unpaid_interest for c in self.items if c.days_past_due), ZERO)

    @property
    def total_overdue(self) -> Decimal:
        """Principal, interest, penalty and compound interest overdue: the
        "total overdue" of the collection notice."""
        return (
            self.overdue_principal
            + self.overdue_interest
            + self.penalty_interest
            + self.compound_interest
        )


def penalty_rate(annual_rate: Decimal, penalty_uplift: Decimal) -> Decimal:
    """The contract rate raised by the uplift: 4.35% with +50% (``Decimal("0.5")``) is 6.525%."""
    return annual_rate * (1 + penalty_uplift)


def overdue_charges(
    overdue_items: Iterable[OverdueItem],
    as_of: date,
    annual_rate: Decimal,
    penalty_uplift: Decimal,
) -> OverdueCharges:
    """Penalty and compound interest on unpaid instalments as of ``as_of``.

    Penalty rate = annual × (1 + uplift), the uplift being a bank setting
    (0.3 to 0.5, up to 1.0 for misused funds). For each item, days overdue =
    ``as_of`` − due date (0 if not yet past due); penalty interest = unpaid
    principal × days × penalty rate/360 and compound interest = unpaid interest
    × days × penalty rate/360, each rounded half-up to the fen per item. Items
    not yet past due are kept, with no charges.
    """
    rate = check_annual_rate(annual_rate)
    uplift = _check_uplift(penalty_uplift)
    with localcontext(MONEY_CONTEXT):
        raised = penalty_rate(rate, uplift)
        charges = tuple(_charges_on(item, as_of, raised) for item in overdue_items)
    return OverdueCharges(as_of=as_of, penalty_rate=raised, items=charges)


def _charges_on(item: OverdueItem, as_of: date, rate: Decimal) -> OverdueItemCharges:
    principal = check_amount(item.unpaid_principal, "unpaid_principal", "逾期本金", allow_zero=True)
    interest = check_amount(item.unpaid_interest, "unpaid_interest", "逾期利息", allow_zero=True)
    days = max((as_of - item.due_date).days, 0)
    return OverdueItemCharges(
        item=item,
        days_past_due=days,
        penalty_interest=interest_for_days(principal, rate, days),
        compound_interest=interest_for_days(interest, rate, days),
    )


def _check_uplift(penalty_uplift: Decimal) -> Decimal:
    if not isinstance(penalty_uplift, Decimal | int) or isinstance(penalty_uplift, bool):
        raise ValidationError("罚息上浮比例必须是数字（如 0.5 表示上浮 50%）", "penalty_uplift")
    uplift = Decimal(penalty_uplift)
    if not uplift.is_finite() or not 0 <= uplift <= MAX_PENALTY_UPLIFT:
        raise ValidationError(
            "罚息上浮比例必须在 0 到 1 之间（如 0.5 表示在合同利率上上浮 50%）", "penalty_uplift"
        )
    return uplift
