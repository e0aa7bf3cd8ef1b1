"""Where a loan stands on a given day: what is overdue, for how long, and the
penalty and compound interest it has run up. Pure arithmetic, no storage.

A loan's servicing schedule is a list of ``ScheduleLine``: each instalment as
scheduled and what has been paid of it. From the lines, ``position`` works
out the figures a desk needs on any day from the last posting on: days past
due (counted from the oldest unpaid instalment), overdue principal and
interest, penalty interest (罚息) on overdue principal and compound interest
(复利) on overdue interest, the principal outstanding and the next instalment.

Charges follow ``domain.interest.overdue_charges``: the penalty rate is the
contract rate raised by the product's uplift, counted by the day on what
stays unpaid after its due date. An instalment is overdue from the day after
its due date: unpaid on the due date itself it is still current.

Partial payments of an overdue instalment: the charges that the paid part
ran up until the day it was paid are fixed on the line (``penalty_settled``,
``compound_settled``) and only the unpaid rest keeps accruing. The fixed part
is taken as the difference of the running charge before and after the
payment, so a payment never makes a fen of penalty appear or vanish.

Used by ``domain.servicing`` (posting, ``loan_position``, the daily run).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from domain.interest import OverdueCharges, OverdueItem, overdue_charges
from domain.money import ZERO


@dataclass(frozen=True, slots=True)
class ScheduleLine:
    """One instalment of the servicing schedule and what has been paid of it.

    ``principal`` and ``interest`` are as scheduled; ``principal_paid`` and
    ``interest_paid`` never exceed them. ``penalty_settled`` and
    ``compound_settled`` are the charges fixed on parts paid after the due
    date (see the module docstring). ``balance`` and ``days`` are the
    schedule's own columns, kept to rebuild a ``Schedule``.
    """

    period: int
    due_date: date
    principal: Decimal
    interest: Decimal
    principal_paid: Decimal = ZERO
    interest_paid: Decimal = ZERO
    penalty_settled: Decimal = ZERO
    compound_settled: Decimal = ZERO
    balance: Decimal = ZERO
    days: int = 0

    @property
    def unpaid_principal(self) -> Decimal:
        return self.principal - self.principal_paid

    @property
    def unpaid_interest(self) -> Decimal:
        return self.interest - self.interest_paid

    @property
    def unpaid(self) -> Decimal:
        return self.unpaid_principal + self.unpaid_interest

    @property
    def settled(self) -> bool:
        """Principal and interest fully paid."""
        return self.principal_paid == self.principal and self.interest_paid == self.interest

    def overdue_on(self, day: date) -> bool:
        """Unpaid after its due date: from the day after it on."""
        return self.due_date < day and not self.settled


@dataclass(frozen=True)
class ChargeTerms:
    """What the charges depend on: the contract's annual rate (percent) and
    the penalty uplift fixed for the loan (``0.5`` is +50%)."""

    annual_rate: Decimal
    penalty_uplift: Decimal


@dataclass(frozen=True)
class Position:
    """A loan's figures as of ``as_of``; amounts in yuan.

    ``penalty_interest`` and ``compound_interest`` are what is owed of them
    (run up so far, less what was paid). ``penalty_accrued`` and
    ``compound_accrued`` are what the day ``as_of`` itself added.
    ``arrears_since`` is the due date of the oldest instalment not fully
    paid (overdue or not): days past due on any later day, until the next
    posting, is that day minus it.
    """

    as_of: date
    outstanding_principal: Decimal
    overdue_principal: Decimal
    overdue_interest: Decimal
    penalty_interest: Decimal
    compound_interest: Decimal
    days_past_due: int
    arrears_since: date | None
    next_due_date: date | None
    next_due_amount: Decimal
    penalty_accrued: Decimal = ZERO
    compound_accrued: Decimal = ZERO

    @property
    def overdue(self) -> bool:
        return self.days_past_due > 0

    @property
    def total_overdue(self) -> Decimal:
        """Overdue principal and interest with penalty and compound interest:
        the "total overdue" of the collection notice."""
        return (
            self.overdue_principal
            + self.overdue_interest
            + self.penalty_interest
            + self.compound_interest
        )

    @property
    def nothing_owed(self) -> bool:
        """No principal, interest, penalty or compound interest left to pay."""
        return (
            self.outstanding_principal == 0
            and self.next_due_amount == 0
            and self.total_overdue == 0
        )


def arrears_since(lines: Iterable[ScheduleLine]) -> date | None:
    """The due date of the oldest instalment not fully paid; ``None`` when all are."""
    return min((line.due_date for line in lines if not line.settled), default=None)


def days_past_due(since: date | None, as_of: date) -> int:
    """Days from the oldest unpaid due date to ``as_of``; 0 when nothing is late."""
    if since is None:
        return 0
    return max((as_of - since).days, 0)


def running_charges(
    lines: Iterable[ScheduleLine], as_of: date, terms: ChargeTerms
) -> OverdueCharges:
    """Penalty and compound interest that the still unpaid parts of overdue
    instalments have run up by ``as_of`` (excluding the fixed parts)."""
    items = [
        OverdueItem(line.due_date, line.unpaid_principal, line.unpaid_interest)
        for line in lines
        if line.overdue_on(as_of)
    ]
    return overdue_charges(items, as_of, terms.annual_rate, terms.penalty_uplift)


def accrued_charges(
    lines: Sequence[ScheduleLine], as_of: date, terms: ChargeTerms
) -> tuple[Decimal, Decimal]:
    """Penalty and compound interest run up in all, paid or not, by ``as_of``."""
    penalty = sum([line.penalty_settled for line in lines], ZERO)
    compound = sum([line.compound_settled for line in lines], ZERO)
    if any(line.due_date < as_of and not line.settled for line in lines):
        running = running_charges(lines, as_of, terms)
        penalty += running.penalty_interest
        compound += running.compound_interest
    return penalty, compound


def pay_line(
    line: ScheduleLine, principal: Decimal, interest: Decimal, on: date, terms: ChargeTerms
) -> ScheduleLine:
    """The line after ``principal`` and ``interest`` of it are paid ``on`` a day.

    Paid after the due date, the charges the paid parts ran up until ``on``
    are fixed on the line: the running charge before the payment less the
    running charge on what is left, so the total run up stays the same.
    Negative amounts undo a payment (a reversal) the same way.
    """
    paid = ScheduleLine(
        line.period,
        line.due_date,
        line.principal,
        line.interest,
        line.principal_paid + principal,
        line.interest_paid + interest,
        line.penalty_settled,
        line.compound_settled,
        line.balance,
        line.days,
    )
    if line.due_date >= on:
        return paid
    before = running_charges([line], on, terms)
    after = running_charges([paid], on, terms)
    return replace(
        paid,
        penalty_settled=line.penalty_settled + before.penalty_interest - after.penalty_interest,
        compound_settled=line.compound_settled + before.compound_interest - after.compound_interest,
    )


def position(
    lines: Sequence[ScheduleLine],
    as_of: date,
    terms: ChargeTerms,
    *,
    penalty_paid: Decimal = ZERO,
    compound_paid: Decimal = ZERO,
) -> Position:
    """The loan's figures on ``as_of`` from its current lines and the
    penalty and compound interest paid so far.

    Valid for any day from the loan's last posting on: a payment dated after
    ``as_of`` is already counted in the lines.
    """
    overdue = [line for line in lines if line.overdue_on(as_of)]
    penalty, compound = accrued_charges(lines, as_of, terms)
    today = running_charges(lines, as_of, terms)
    yesterday = running_charges(lines, as_of - timedelta(days=1), terms)
    upcoming = next((ln for ln in lines if not ln.settled and ln.due_date >= as_of), None)
    since = arrears_since(lines)
    return Position(
        as_of=as_of,
        outstanding_principal=sum((line.unpaid_principal for line in lines), ZERO),
        overdue_principal=sum((line.unpaid_principal for line in overdue), ZERO),
        overdue_interest=sum((line.unpaid_interest for line in overdue), ZERO),
        penalty_interest=penalty - penalty_paid,
        compound_interest=compound - compound_paid,
        days_past_due=days_past_due(since, as_of),
        arrears_since=since,
        next_due_date=upcoming.due_date if upcoming else None,
        next_due_amount=upcoming.unpaid if upcoming else ZERO,
        # What the unpaid amounts ran up on the day itself; parts paid that
        # day had their last day fixed on the line when they were paid.
        penalty_accrued=today.penalty_interest - yesterday.penalty_interest,
        compound_accrued=today.compound_interest - yesterday.compound_interest,
    )
