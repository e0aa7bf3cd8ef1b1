"""Penalty interest (罚息) on overdue principal and compound interest (复利) on
overdue interest, checked against sums done by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import ValidationError
from domain.interest import (
    OverdueItem,
    interest_for_days,
    interest_for_month,
    overdue_charges,
    penalty_rate,
)

D = Decimal
AS_OF = date(2026, 4, 14)

# Periods 1 and 2 of domain.md's worked example (100,000, 12 months, 4.35%,
# equal instalments, due on the 15th) left unpaid, and period 3 not yet due.
PERIOD_1 = OverdueItem(date(2026, 2, 15), D("8168.49"), D("362.50"))
PERIOD_2 = OverdueItem(date(2026, 3, 15), D("8198.10"), D("332.89"))
PERIOD_3 = OverdueItem(date(2026, 4, 15), D("8227.82"), D("303.17"))


def test_penalty_and_compound_interest_by_hand():
    charges = overdue_charges([PERIOD_1, PERIOD_2, PERIOD_3], AS_OF, D("4.35"), D("0.5"))

    # Penalty rate: 4.35% × (1 + 50%) = 6.525% a year, 6.525/360 % a day.
    assert charges.penalty_rate == D("6.525")
    first, second, third = charges.items
    # Period 1, due 15 Feb: 13 + 31 + 14 = 58 days overdue on 14 Apr.
    #   penalty  8,168.49 × 58 × 6.525% / 360 = 85.871251125 → 85.87
    #   compound   362.50 × 58 × 6.525% / 360 =  3.81078125  →  3.81
    assert (first.days_past_due, first.penalty_interest, first.compound_interest) == (
        58,
        D("85.87"),
        D("3.81"),
    )
    # Period 2, due 15 Mar: 30 days.
    #   penalty  8,198.10 × 30 × 6.525% / 360 = 44.57716875  → 44.58
    #   compound   332.89 × 30 × 6.525% / 360 =  1.810089375 →  1.81
    assert (second.days_past_due, second.penalty_interest, second.compound_interest) == (
        30,
        D("44.58"),
        D("1.81"),
    )
    # Period 3 falls due tomorrow: not overdue, no charges.
    assert (third.days_past_due, third.penalty_interest, third.compound_interest) == (
        0,
        D("0.00"),
        D("0.00"),
    )
    # Totals: rounded per item, then added.
    assert charges.penalty_interest == D("130.45")  # 85.87 + 44.58
    assert charges.compound_interest == D("5.62")  # 3.81 + 1.81
    assert charges.days_past_due == 58
    assert charges.overdue_principal == D("16366.59")  # 8,168.49 + 8,198.10
    assert charges.overdue_interest == D("695.39")  # 362.50 + 332.89
    assert charges.total_overdue == D("17198.05")  # 16,366.59 + 695.39 + 130.45 + 5.62


def test_due_today_is_not_overdue():
    charges = overdue_charges([PERIOD_3], date(2026, 4, 15), D("4.35"), D("0.5"))

    assert charges.days_past_due == 0
    assert charges.penalty_interest == D("0.00")
    assert charges.total_overdue == D("0.00")


def test_nothing_overdue():
    charges = overdue_charges([], AS_OF, D("4.35"), D("0.3"))

    assert (charges.penalty_interest, charges.compound_interest, charges.days_past_due) == (
        D("0.00"),
        D("0.00"),
        0,
    )


def test_penalty_rate_for_misused_funds():
    assert penalty_rate(D("4.35"), D("1")) == D("8.70")


@pytest.mark.parametrize(
    ("uplift", "rate", "field"),
    [
        (D("-0.1"), D("4.35"), "penalty_uplift"),
        (D("1.5"), D("4.35"), "penalty_uplift"),
        (D("0.5"), D("-1"), "annual_rate"),
    ],
)
def test_rates_are_checked(uplift, rate, field):
    with pytest.raises(ValidationError) as caught:
        overdue_charges([PERIOD_1], AS_OF, rate, uplift)
    assert caught.value.field == field


def test_unpaid_amounts_are_checked():
    bad = OverdueItem(date(2026, 2, 15), D("-1"), D("0"))
    with pytest.raises(ValidationError, match="逾期本金不能为负数"):
        overdue_charges([bad], AS_OF, D("4.35"), D("0.5"))


def test_interest_helpers_round_half_up():
    # 1,000 × 0.3625% = 3.625 → 3.63 (half-up, not half-even)
    assert interest_for_month(D("1000"), D("4.35")) == D("3.63")
    # 100 × 1 × 18% / 360 = 0.05 exactly; 10 × 1 × 18% / 360 = 0.005 → 0.01
    assert interest_for_days(D("100"), D("18"), 1) == D("0.05")
    assert interest_for_days(D("10"), D("18"), 1) == D("0.01")


@settings(max_examples=200, deadline=None)
@given(
    principal=st.integers(0, 10**9).map(lambda f: D(f) / 100),
    interest=st.integers(0, 10**7).map(lambda f: D(f) / 100),
    days=st.integers(-400, 4000),
    uplift=st.integers(0, 100).map(lambda p: D(p) / 100),
)
def test_charges_are_never_negative_and_in_fen(principal, interest, days, uplift):
    due = date(2026, 1, 1)
    item = OverdueItem(due, principal, interest)
    as_of = date.fromordinal(due.toordinal() + days)

    charges = overdue_charges([item], as_of, D("6"), uplift)

    assert charges.days_past_due == max(days, 0)
    for amount in (charges.penalty_interest, charges.compound_interest):
        assert amount >= 0
        assert amount.as_tuple().exponent == -2
