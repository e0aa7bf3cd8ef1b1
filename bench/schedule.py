"""Schedules per second for 24-month loans, for each repayment method.

Beside each exact (``Decimal``, rounded to the fen) figure stands the same
computation in floating point with numpy-financial (or plain numpy where it
has no function for the method), so the price of exactness is visible. One
process, one core.

    python bench/schedule.py [--seconds 1.0]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import numpy_financial as npf

# Run as a script from a checkout, installed or not: the project root goes first.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.schedule import RepaymentMethod, build_schedule

MONTHS = 24
START = date(2026, 1, 15)
# Varied amounts and rates, so no single lucky input sets the pace.
LOANS = [
    (Decimal(5_000 + 997 * k) * 10 + Decimal(k) / 100, Decimal("3.45") + Decimal(k) / 20)
    for k in range(50)
]
FLOAT_LOANS = [(float(amount), float(rate)) for amount, rate in LOANS]
PERIODS = np.arange(1, MONTHS + 1)


def exact(method: RepaymentMethod) -> Callable[[int], object]:
    due_day = (
        20
        if method in (RepaymentMethod.INTEREST_MONTHLY, RepaymentMethod.INTEREST_QUARTERLY)
        else None
    )

    def one(k: int) -> object:
        amount, rate = LOANS[k % len(LOANS)]
        return build_schedule(amount, rate, MONTHS, START, method, due_day=due_day)

    return one


def float_equal_instalments(k: int) -> object:
    amount, rate = FLOAT_LOANS[k % len(FLOAT_LOANS)]
    r = rate / 1200
    payment = -npf.pmt(r, MONTHS, amount)
    interest = -npf.ipmt(r, PERIODS, MONTHS, amount)
    principal = -npf.ppmt(r, PERIODS, MONTHS, amount)
    balance = amount - np.cumsum(principal)
    return payment, interest, principal, balance


def float_equal_principal(k: int) -> object:
    amount, rate = FLOAT_LOANS[k % len(FLOAT_LOANS)]
    principal = np.full(MONTHS, amount / MONTHS)
    balance = amount - np.cumsum(principal)
    interest = (balance + principal) * rate / 1200
    return principal + interest, balance


# A 24-month interest-monthly loan settled on the 20th, disbursed on the 15th:
# 25 periods; the quarterly one has 9. Day counts as the engine finds them.
_MONTHLY_DAYS = np.array(
    [
        i.days
        for i in build_schedule(
            Decimal(1), Decimal(1), MONTHS, START, "interest-monthly", 20
        ).instalments
    ]
)
_QUARTERLY_DAYS = np.array(
    [
        i.days
        for i in build_schedule(
            Decimal(1), Decimal(1), MONTHS, START, "interest-quarterly", 20
        ).instalments
    ]
)


def float_interest_only(days: np.ndarray) -> Callable[[int], object]:
    def one(k: int) -> object:
        amount, rate = FLOAT_LOANS[k % len(FLOAT_LOANS)]
        interest = amount * days * rate / 36000
        principal = np.zeros(len(days))
        principal[-1] = amount
        return interest + principal

    return one


def rate(work: Callable[[int], object], seconds: float) -> float:
    """Calls per second of ``work`` over about ``seconds``, after a warm-up."""
    for k in range(200):
        work(k)
    count, began = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - began) < seconds:
        for k in range(count, count + 200):
            work(k)
        count += 200
    return count / elapsed


CASES = [
    (RepaymentMethod.EQUAL_INSTALLMENT, float_equal_instalments, "numpy-financial pmt/ipmt/ppmt"),
    (RepaymentMethod.EQUAL_PRINCIPAL, float_equal_principal, "numpy (npf has none)"),
    (RepaymentMethod.INTEREST_MONTHLY, float_interest_only(_MONTHLY_DAYS), "numpy (npf has none)"),
    (
        RepaymentMethod.INTEREST_QUARTERLY,
        float_interest_only(_QUARTERLY_DAYS),
        "numpy (npf has none)",
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    seconds = parser.parse_args().seconds
    print(f"{MONTHS}-month schedules per second, one core (Python {sys.version.split()[0]})")
    print(f"{'method':<20} {'exact Decimal':>14} {'float':>12}  float by")
    for method, floating, by in CASES:
        exact_rate = rate(exact(method), seconds)
        float_rate = rate(floating, seconds)
        print(f"{method.value:<20} {exact_rate:>14,.0f} {float_rate:>12,.0f}  {by}")


if __name__ == "__main__":
    main()
