"""Repayment schedules, exact to the fen.

``build_schedule`` turns the terms of a loan into its repayment plan (还款计划表)
and ``reschedule_after_prepayment`` recomputes what is left after an early
repayment (提前还款). The arithmetic is domain.md's "Repayment arithmetic":
``Decimal`` throughout, rounded half-up to the fen at every step that produces
an amount, and the last instalment repays whatever balance remains, so the
principal always adds up to the loan amount exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal, localcontext
from enum import StrEnum

from domain.errors import ValidationError
from domain.interest import (
    MONEY_CONTEXT,
    check_amount,
    check_annual_rate,
    interest_for_days,
    interest_for_month,
)
from domain.money import ZERO, format_amount, round_fen

MAX_MONTHS = 360


class RepaymentMethod(StrEnum):
    """How a loan is repaid. Values are the command line's spellings."""

    EQUAL_INSTALLMENT = "equal-installment"  # 等额本息
    EQUAL_PRINCIPAL = "equal-principal"  # 等额本金
    INTEREST_MONTHLY = "interest-monthly"  # 按月付息到期还本
    INTEREST_QUARTERLY = "interest-quarterly"  # 按季付息到期还本
    CASH_FLOW = "cash-flow"  # 按现金流约定还本

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    RepaymentMethod.EQUAL_INSTALLMENT: "等额本息",
    RepaymentMethod.EQUAL_PRINCIPAL: "等额本金",
    RepaymentMethod.INTEREST_MONTHLY: "按月付息到期还本",
    RepaymentMethod.INTEREST_QUARTERLY: "按季付息到期还本",
    RepaymentMethod.CASH_FLOW: "按现金流约定还本",
}

# Interest counted by the day on settlement dates, principal at maturity.
_INTEREST_ONLY = frozenset({RepaymentMethod.INTEREST_MONTHLY, RepaymentMethod.INTEREST_QUARTERLY})
# Methods that may start with interest-only months (宽限期).
_WITH_GRACE = frozenset({RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.EQUAL_PRINCIPAL})


@dataclass(frozen=True, slots=True)
class Instalment:
    """One line of the schedule.

    ``payment`` = ``principal`` + ``interest``; ``balance`` is the principal
    outstanding after this instalment is paid; ``days`` is the length of the
    interest period ending on ``due_date``. Amounts carry exactly two decimals.
    """

    period: int
    due_date: date
    payment: Decimal
    principal: Decimal
    interest: Decimal
    balance: Decimal
    days: int


@dataclass(frozen=True)
class Schedule:
    """A repayment plan: its instalments in order, and the column totals."""

    instalments: tuple[Instalment, ...]

    @property
    def total_payment(self) -> Decimal:
        return sum((i.payment for i in self.instalments), ZERO)

    @property
    def total_principal(self) -> Decimal:
        return sum((i.principal for i in self.instalments), ZERO)

    @property
    def total_interest(self) -> Decimal:
        return sum((i.interest for i in self.instalments), ZERO)


@dataclass(frozen=True, slots=True)
class _Period:
    """An interest period: its number, the day it ends (the due date) and its length."""

    number: int
    due_date: date
    days: int


# --- Building a schedule -------------------------------------------------------


def build_schedule(
    amount: Decimal,
    annual_rate: Decimal,
    months: int,
    start: date,
    method: RepaymentMethod,
    due_day: int | None = None,
    principal_plan: Sequence[Decimal] | None = None,
    grace_months: int = 0,
) -> Schedule:
    """The repayment schedule of a loan of ``amount`` disbursed on ``start``.

    ``annual_rate`` is a percentage (``Decimal("4.35")``). ``due_day`` is the
    contract's repayment or settlement day of the month, by default the day of
    ``start``; days past a month's end fall on its last day.

    - Equal instalments, equal principal and cash-flow schedules have one
      instalment a month: period k falls in the k-th month after ``start``, and
      its interest is the balance × annual/12 whatever the number of days.
    - ``grace_months`` (equal instalments and equal principal only): the first
      months pay interest only; the principal is amortised over the rest.
    - ``principal_plan`` (cash flow only): the principal of each month, zeros
      allowed; it must have ``months`` entries adding up to ``amount``.
    - Interest monthly / quarterly: interest by the day (balance × days ×
      annual/360) up to each settlement day, monthly or in March, June,
      September and December; the first and last periods are broken periods
      unless ``due_day`` is the day of ``start``. Maturity is ``months`` after
      ``start``, when all principal is due.

    Raises ``ValidationError`` (field ``amount``, ``annual_rate``, ``months``,
    ``start``, ``due_day``, ``grace_months``, ``principal_plan`` or ``method``)
    for terms outside the rules.
    """
    method = _check_method(method)
    amount = check_amount(amount, "amount", "贷款金额")
    annual_rate = check_annual_rate(annual_rate)
    _check_months(months)
    _check_start(start, months)
    day = _check_due_day(due_day, start)
    _check_grace(grace_months, months, method)
    plan = _check_plan(principal_plan, amount, months, method)
    with localcontext(MONEY_CONTEXT):
        if method in _INTEREST_ONLY:
            quarterly = method is RepaymentMethod.INTEREST_QUARTERLY
            periods = _settlement_periods(start, months, day, quarterly=quarterly)
            return _interest_only(amount, annual_rate, periods)
        periods = _monthly_periods(start, months, day)
        if method is RepaymentMethod.EQUAL_INSTALLMENT:
            return _equal_instalments(amount, annual_rate, periods, grace_months)
        if method is RepaymentMethod.EQUAL_PRINCIPAL:
            plan = _equal_principal_plan(amount, months, grace_months)
        return _follow_plan(amount, annual_rate, periods, plan)


def _equal_instalments(
    balance: Decimal, annual_rate: Decimal, periods: Sequence[_Period], grace: int
) -> Schedule:
    """等额本息: after ``grace`` interest-only periods, a constant payment
    M = P·r(1+r)^n/((1+r)^n − 1) of which interest comes first."""
    payment = annuity_payment(balance, annual_rate, len(periods) - grace)

    def principal_due(index: int, interest: Decimal) -> Decimal:
        return ZERO if index < grace else payment - interest

    return _amortise(balance, periods, _monthly_interest(annual_rate), principal_due)


def _follow_plan(
    balance: Decimal, annual_rate: Decimal, periods: Sequence[_Period], plan: Sequence[Decimal]
) -> Schedule:
    """Principal as planned, monthly interest on the balance before it."""
    return _amortise(
        balance, periods, _monthly_interest(annual_rate), lambda index, _interest: plan[index]
    )


def _monthly_interest(annual_rate: Decimal) -> Callable[[Decimal, _Period], Decimal]:
    """A month's interest per period, whatever its number of days."""
    return lambda opening, _period: interest_for_month(opening, annual_rate)


def _daily_interest(annual_rate: Decimal) -> Callable[[Decimal, _Period], Decimal]:
    """Interest for the days of the period."""
    return lambda opening, period: interest_for_days(opening, annual_rate, period.days)


def _amortise(
    balance: Decimal,
    periods: Sequence[_Period],
    interest_due: Callable[[Decimal, _Period], Decimal],
    principal_due: Callable[[int, Decimal], Decimal],
) -> Schedule:
    """Walk the periods: ``interest_due(opening balance, period)``, then the
    principal ``principal_due(index, interest)`` asks for.

    The last period repays the whole remaining balance, absorbing the rounding
    residue. No earlier period repays more than is outstanding: on a loan of a
    few fen, rounded-up instalments would otherwise overshoot it.
    """
    last = len(periods) - 1
    rows = []
    for index, period in enumerate(periods):
        interest = interest_due(balance, period)
        principal = balance if index == last else min(principal_due(index, interest), balance)
        balance -= principal
        rows.append(
            Instalment(
                period=period.number,
                due_date=period.due_date,
                payment=principal + interest,
                principal=principal,
                interest=interest,
                balance=balance,
                days=period.days,
            )
        )
    return Schedule(tuple(rows))


def _interest_only(balance: Decimal, annual_rate: Decimal, periods: Sequence[_Period]) -> Schedule:
    """按月/按季付息到期还本: interest by the day each period, principal at the end."""
    return _amortise(balance, periods, _daily_interest(annual_rate), lambda _i, _interest: ZERO)


def annuity_payment(principal: Decimal, annual_rate: Decimal, periods: int) -> Decimal:
    """The equal monthly instalment that repays ``principal`` over ``periods``
    months, rounded to the fen: P·r(1+r)^n/((1+r)^n − 1) with r = annual/1200,
    or P/n at a zero rate."""
    with localcontext(MONEY_CONTEXT):
        if annual_rate == 0:
            return round_fen(principal / periods)
        rate = annual_rate / 1200
        growth = (1 + rate) ** periods
        return round_fen(principal * rate * growth / (growth - 1))


def _equal_principal_plan(amount: Decimal, months: int, grace: int) -> list[Decimal]:
    """等额本金: nothing during the grace months, then amount/n rounded each
    month; the last month's share is whatever remains."""
    share = round_fen(amount / (months - grace))
    return [ZERO] * grace + [share] * (months - grace - 1) + [amount - share * (months - grace - 1)]


# --- Due dates -----------------------------------------------------------------


def _monthly_periods(start: date, months: int, day: int) -> list[_Period]:
    """One period a month: period k ends in the k-th month after ``start`` on ``day``."""
    periods = []
    previous = start
    first_month = _month_index(start)
    for number in range(1, months + 1):
        due = _month_day(first_month + number, day)
        periods.append(_Period(number, due, (due - previous).days))
        previous = due
    return periods


def _settlement_periods(start: date, months: int, day: int, *, quarterly: bool) -> list[_Period]:
    """Interest periods ending on each settlement day strictly between ``start``
    and maturity, then at maturity (``months`` after ``start``, on its day).

    Quarterly settlement (按季结息) falls in March, June, September and December.
    """
    maturity = _month_day(_month_index(start) + months, start.day)
    step = 3 if quarterly else 1
    index = _month_index(start)
    if quarterly:
        index += 2 - index % 3  # the last month of start's quarter
    if _month_day(index, day) <= start:
        index += step
    ends = []
    while (settlement := _month_day(index, day)) < maturity:
        ends.append(settlement)
        index += step
    ends.append(maturity)
    periods = []
    previous = start
    for number, end in enumerate(ends, start=1):
        periods.append(_Period(number, end, (end - previous).days))
        previous = end
    return periods


def _month_index(day: date) -> int:
    """Months since year 0, so that month arithmetic is plain addition."""
    return day.year * 12 + day.month - 1


def _month_day(month_index: int, day: int) -> date:
    """``day`` of the month, or the month's last day if it is shorter."""
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day, _days_in_month(year, month + 1)))


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


# --- Checking the terms --------------------------------------------------------


def _check_method(method: RepaymentMethod | str) -> RepaymentMethod:
    try:
        return RepaymentMethod(method)
    except ValueError:
        known = "、".join(f"{m.value}（{m.label}）" for m in RepaymentMethod)
        raise ValidationError(f"未知的还款方式“{method}”，可选：{known}", "method") from None


def _check_months(months: int) -> None:
    if not isinstance(months, int) or isinstance(months, bool):
        raise ValidationError("贷款期限必须是整数个月", "months")
    if not 1 <= months <= MAX_MONTHS:
        raise ValidationError(f"贷款期限必须在 1 到 {MAX_MONTHS} 个月之间", "months")


def _check_start(start: date, months: int) -> None:
    if not isinstance(start, date):
        raise ValidationError("放款日必须是日期", "start")
    # Room for maturity and the settlement day a quarter after it, looked at to stop.
    if _month_index(start) + months + 3 > _month_index(date.max):
        raise ValidationError("放款日过晚，到期日超出日历范围", "start")


def _check_due_day(due_day: int | None, start: date) -> int:
    if due_day is None:
        return start.day
    if not isinstance(due_day, int) or isinstance(due_day, bool) or not 1 <= due_day <= 31:
        raise ValidationError("还款日必须是每月 1 日到 31 日之间的一天", "due_day")
    return due_day


def _check_grace(grace_months: int, months: int, method: RepaymentMethod) -> None:
    if not isinstance(grace_months, int) or isinstance(grace_months, bool) or grace_months < 0:
        raise ValidationError("宽限期必须是不小于零的整数个月", "grace_months")
    if grace_months and method not in _WITH_GRACE:
        raise ValidationError(
            f"{method.label}不设宽限期；按现金流还款的，把宽限期内的还本金额填为 0 即可",
            "grace_months",
        )
    if grace_months >= months:
        raise ValidationError(
            f"宽限期（{grace_months} 个月）必须短于贷款期限（{months} 个月）", "grace_months"
        )


def _check_plan(
    plan: Sequence[Decimal] | None, amount: Decimal, months: int, method: RepaymentMethod
) -> list[Decimal]:
    """The cash-flow principal plan, checked entry by entry and in total."""
    if method is not RepaymentMethod.CASH_FLOW:
        if plan is not None:
            raise ValidationError("只有按现金流约定还本的贷款才能指定还本计划", "principal_plan")
        return []
    if plan is None:
        raise ValidationError("按现金流约定还本须填写每期还本金额", "principal_plan")
    if len(plan) != months:
        raise ValidationError(
            f"还本计划有 {len(plan)} 期，与贷款期限 {months} 个月不一致", "principal_plan"
        )
    checked = [
        check_amount(value, "principal_plan", f"第 {n} 期还本金额", allow_zero=True)
        for n, value in enumerate(plan, start=1)
    ]
    difference = sum(checked, ZERO) - amount
    if difference:
        more_or_less = "多" if difference > 0 else "少"
        raise ValidationError(
            f"还本计划合计 {format_amount(amount + difference)} 元，"
            f"比贷款金额 {format_amount(amount)} 元{more_or_less} {format_amount(abs(difference))} 元",
            "principal_plan",
        )
    if checked[-1] == 0:
        # Otherwise the loan would be repaid before its term: shorten the term instead.
        raise ValidationError(
            "还本计划最后一期的还本金额不能为 0，请相应缩短贷款期限", "principal_plan"
        )
    return checked


# --- Early repayment -----------------------------------------------------------


class EarlyRepaymentOption(StrEnum):
    """What an early repayment of part of the principal changes."""

    SHORTEN_TERM = "shorten-term"  # 缩短期限，每期还款额基本不变
    REDUCE_INSTALMENT = "reduce-instalment"  # 期限不变，减少每期还款额

    @property
    def label(self) -> str:
        return _OPTION_LABELS[self]


_OPTION_LABELS = {
    EarlyRepaymentOption.SHORTEN_TERM: "缩短期限",
    EarlyRepaymentOption.REDUCE_INSTALMENT: "减少每期还款额",
}


def reschedule_after_prepayment(
    schedule: Schedule,
    method: RepaymentMethod,
    annual_rate: Decimal,
    after_period: int,
    prepaid_principal: Decimal,
    option: EarlyRepaymentOption,
) -> Schedule:
    """The instalments still to pay after ``prepaid_principal`` is repaid early
    on the due date of period ``after_period`` (0: before the first instalment),
    that period's own instalment having been paid as planned.

    ``schedule`` and ``method`` / ``annual_rate`` are the loan's current plan and
    terms. The result keeps the remaining periods' numbers and due dates and is
    recomputed from the new balance, which its principal adds up to exactly:

    - REDUCE_INSTALMENT keeps the number of remaining periods and lowers each
      payment (equal instalments: a new M over the same periods; equal
      principal: a smaller share; cash flow: every remaining principal amount
      scaled down in proportion; interest-only: interest on the lower balance).
    - SHORTEN_TERM keeps each payment about the same and drops periods from the
      end: equal instalments take the fewest periods whose M does not exceed the
      current one, recomputed over them; equal principal keeps its monthly
      share; cash flow takes the prepayment off the last amounts planned.
      Interest-only loans repay principal at maturity and cannot be shortened.

    Interest-only months that remain (grace) stay interest-only. Repaying the
    whole balance leaves an empty schedule.
    """
    method = _check_method(method)
    annual_rate = check_annual_rate(annual_rate)
    option = _check_option(option)
    remaining = _remaining_after(schedule, after_period)
    balance = _balance_after(schedule, after_period)
    prepaid = check_amount(prepaid_principal, "prepaid_principal", "提前还款本金")
    if prepaid > balance:
        raise ValidationError(
            f"提前还款本金 {format_amount(prepaid)} 元超过剩余本金 {format_amount(balance)} 元",
            "prepaid_principal",
        )
    balance -= prepaid
    if balance == 0:
        return Schedule(())
    periods = [_Period(i.period, i.due_date, i.days) for i in remaining]
    with localcontext(MONEY_CONTEXT):
        if method in _INTEREST_ONLY:
            if option is EarlyRepaymentOption.SHORTEN_TERM:
                raise ValidationError(
                    f"{method.label}的贷款到期一次还本，提前还款后不能缩短期限，请选择减少每期还款额",
                    "option",
                )
            return _interest_only(balance, annual_rate, periods)
        if method is RepaymentMethod.CASH_FLOW:
            return _reschedule_plan(balance, annual_rate, periods, remaining, option)
        if method is RepaymentMethod.EQUAL_INSTALLMENT:
            return _reschedule_equal_instalments(balance, annual_rate, periods, remaining, option)
        return _reschedule_equal_principal(balance, annual_rate, periods, remaining, option)


def _reschedule_equal_instalments(
    balance: Decimal,
    annual_rate: Decimal,
    periods: Sequence[_Period],
    remaining: Sequence[Instalment],
    option: EarlyRepaymentOption,
) -> Schedule:
    grace = _remaining_grace(remaining)
    if option is EarlyRepaymentOption.SHORTEN_TERM:
        # "About the same": a whole number of months rarely fits the old
        # instalment exactly, so M is recomputed over them and is at most it.
        payment = remaining[grace].payment
        needed = _periods_for_payment(balance, annual_rate, payment, len(periods) - grace)
        periods = periods[: grace + needed]
    return _equal_instalments(balance, annual_rate, periods, grace)


def _reschedule_equal_principal(
    balance: Decimal,
    annual_rate: Decimal,
    periods: Sequence[_Period],
    remaining: Sequence[Instalment],
    option: EarlyRepaymentOption,
) -> Schedule:
    grace = _remaining_grace(remaining)
    if option is EarlyRepaymentOption.SHORTEN_TERM:
        share = remaining[grace].principal
        plan = _shortened_equal_principal_plan(balance, share, len(periods), grace)
    else:
        plan = _equal_principal_plan(balance, len(periods), grace)
    return _follow_plan(balance, annual_rate, periods[: len(plan)], plan)


def _reschedule_plan(
    balance: Decimal,
    annual_rate: Decimal,
    periods: Sequence[_Period],
    remaining: Sequence[Instalment],
    option: EarlyRepaymentOption,
) -> Schedule:
    plan = [i.principal for i in remaining]
    if option is EarlyRepaymentOption.SHORTEN_TERM:
        plan = _take_from_the_end(plan, sum(plan, ZERO) - balance)
    else:
        plan = _scale_plan(plan, balance)
    return _follow_plan(balance, annual_rate, periods[: len(plan)], plan)


def _check_option(option: EarlyRepaymentOption | str) -> EarlyRepaymentOption:
    try:
        return EarlyRepaymentOption(option)
    except ValueError:
        raise ValidationError(
            f"未知的提前还款方式“{option}”，可选：缩短期限或减少每期还款额", "option"
        ) from None


def _remaining_after(schedule: Schedule, after_period: int) -> tuple[Instalment, ...]:
    count = len(schedule.instalments)
    if not isinstance(after_period, int) or isinstance(after_period, bool):
        raise ValidationError("提前还款的期次必须是整数", "after_period")
    if not 0 <= after_period < count:
        raise ValidationError(
            f"提前还款须在第 0 到第 {count - 1} 期还款后办理（共 {count} 期）", "after_period"
        )
    return schedule.instalments[after_period:]


def _balance_after(schedule: Schedule, after_period: int) -> Decimal:
    if after_period == 0:
        return schedule.total_principal
    return schedule.instalments[after_period - 1].balance


def _remaining_grace(remaining: Sequence[Instalment]) -> int:
    """Leading interest-only instalments, not counting the last one."""
    grace = 0
    while grace < len(remaining) - 1 and remaining[grace].principal == 0:
        grace += 1
    return grace


def _periods_for_payment(
    balance: Decimal, annual_rate: Decimal, payment: Decimal, most: int
) -> int:
    """The fewest periods (at most ``most``) over which the equal instalment on
    ``balance`` does not exceed ``payment``. The instalment falls as the term
    grows, so a binary search finds it."""
    low, high = 1, most
    while low < high:
        middle = (low + high) // 2
        if annuity_payment(balance, annual_rate, middle) <= payment:
            high = middle
        else:
            low = middle + 1
    return low


def _shortened_equal_principal_plan(
    balance: Decimal, share: Decimal, most: int, grace: int
) -> list[Decimal]:
    """Grace months, then ``share`` a month until the balance is repaid; the last
    month takes the remainder. Never longer than the ``most`` periods left."""
    months = most - grace
    if share > 0:
        needed = int((balance / share).to_integral_value(rounding=ROUND_CEILING))
        months = max(min(needed, months), 1)
    return [ZERO] * grace + [share] * (months - 1) + [balance - share * (months - 1)]


def _take_from_the_end(plan: Sequence[Decimal], prepaid: Decimal) -> list[Decimal]:
    """The plan with ``prepaid`` taken off its last amounts, and the periods
    that are left with nothing to repay at the end dropped."""
    new_plan = list(plan)
    for index in reversed(range(len(new_plan))):
        taken = min(prepaid, new_plan[index])
        new_plan[index] -= taken
        prepaid -= taken
    while new_plan[-1] == 0:
        new_plan.pop()
    return new_plan


def _scale_plan(plan: Sequence[Decimal], balance: Decimal) -> list[Decimal]:
    """Each planned amount scaled by balance / planned total. Rounding the
    running totals rather than each amount keeps every amount non-negative and
    makes the last one land exactly on ``balance``."""
    total = sum(plan, ZERO)
    scaled, running, previous = [], ZERO, ZERO
    for amount in plan:
        running += amount
        reached = round_fen(running * balance / total)
        scaled.append(reached - previous)
        previous = reached
    return scaled
