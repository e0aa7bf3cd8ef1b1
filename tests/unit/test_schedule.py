"""The repayment schedule engine against domain.md's worked examples, hand
checks of the day-based methods, the rules of form, early repayment, and
properties that must hold for any loan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import ValidationError
from domain.schedule import (
    EarlyRepaymentOption,
    RepaymentMethod,
    Schedule,
    annuity_payment,
    build_schedule,
    reschedule_after_prepayment,
)

D = Decimal
EI = RepaymentMethod.EQUAL_INSTALLMENT
EP = RepaymentMethod.EQUAL_PRINCIPAL
MONTHLY = RepaymentMethod.INTEREST_MONTHLY
QUARTERLY = RepaymentMethod.INTEREST_QUARTERLY
CASH_FLOW = RepaymentMethod.CASH_FLOW
SHORTEN = EarlyRepaymentOption.SHORTEN_TERM
REDUCE = EarlyRepaymentOption.REDUCE_INSTALMENT


def worked_example(method: RepaymentMethod, **terms) -> Schedule:
    """100,000 over 12 months at 4.35%, disbursed on 15 January 2026."""
    return build_schedule(D("100000"), D("4.35"), 12, date(2026, 1, 15), method, **terms)


# --- The worked examples of domain.md ------------------------------------------


def test_equal_instalments_worked_example():
    schedule = worked_example(EI)
    first, last = schedule.instalments[0], schedule.instalments[-1]

    assert len(schedule.instalments) == 12
    assert (first.payment, first.interest, first.principal, first.balance) == (
        D("8530.99"),
        D("362.50"),
        D("8168.49"),
        D("91831.51"),
    )
    assert all(i.payment == D("8530.99") for i in schedule.instalments[:-1])
    assert (last.principal, last.interest, last.payment) == (D("8500.20"), D("30.81"), D("8531.01"))
    assert last.balance == D("0.00")
    assert schedule.total_interest == D("2371.90")  # not 12 × M − P = 2,371.88
    assert schedule.total_principal == D("100000.00")
    assert schedule.total_payment == D("102371.90")


def test_equal_principal_worked_example():
    schedule = worked_example(EP)

    assert [i.principal for i in schedule.instalments] == [D("8333.33")] * 11 + [D("8333.37")]
    assert schedule.instalments[0].payment == D("8695.83")  # 8,333.33 + 362.50
    assert schedule.total_interest == D("2356.26")
    assert schedule.total_principal == D("100000.00")


def test_annuity_payment_of_the_worked_example():
    assert annuity_payment(D("100000"), D("4.35"), 12) == D("8530.99")


def test_zero_rate_splits_the_principal_and_the_last_takes_the_residue():
    schedule = build_schedule(D("100"), D("0"), 3, date(2026, 1, 15), EI)

    assert [i.payment for i in schedule.instalments] == [D("33.33"), D("33.33"), D("33.34")]
    assert schedule.total_interest == D("0.00")


def test_amounts_have_exactly_two_decimals():
    schedule = worked_example(EI)

    for i in schedule.instalments:
        for amount in (i.payment, i.principal, i.interest, i.balance):
            assert amount.as_tuple().exponent == -2


# --- Due dates -----------------------------------------------------------------


def test_due_dates_fall_on_the_start_day_each_month():
    schedule = worked_example(EI)

    assert [i.due_date for i in schedule.instalments[:3]] == [
        date(2026, 2, 15),
        date(2026, 3, 15),
        date(2026, 4, 15),
    ]
    assert schedule.instalments[-1].due_date == date(2027, 1, 15)
    assert [i.days for i in schedule.instalments[:2]] == [31, 28]


def test_due_dates_past_month_end_are_clamped_to_the_last_day():
    schedule = build_schedule(D("12000"), D("6"), 4, date(2026, 1, 31), EI)

    assert [i.due_date for i in schedule.instalments] == [
        date(2026, 2, 28),
        date(2026, 3, 31),  # back on the 31st: clamping does not drift
        date(2026, 4, 30),
        date(2026, 5, 31),
    ]


def test_clamping_in_a_leap_year():
    schedule = build_schedule(D("12000"), D("6"), 2, date(2028, 1, 30), EP)

    assert schedule.instalments[0].due_date == date(2028, 2, 29)


def test_due_day_other_than_the_start_day_stays_in_the_same_months():
    schedule = worked_example(EI, due_day=20)

    assert schedule.instalments[0].due_date == date(2026, 2, 20)
    assert schedule.instalments[0].days == 36  # 15 Jan → 20 Feb
    assert schedule.instalments[-1].due_date == date(2027, 1, 20)
    # Amortising methods charge a month's interest whatever the days.
    assert schedule.instalments[0].interest == D("362.50")


# --- Interest monthly / quarterly, principal at maturity --------------------------


def test_interest_monthly_with_settlement_on_the_20th_has_broken_periods():
    schedule = worked_example(MONTHLY, due_day=20)
    lines = schedule.instalments

    assert len(lines) == 13  # 12 settlement days (20 Jan … 20 Dec) and maturity
    # 15 Jan → 20 Jan: 5 days; 100,000 × 5 × 4.35% / 360 = 60.4166… → 60.42
    assert (lines[0].due_date, lines[0].days, lines[0].interest) == (
        date(2026, 1, 20),
        5,
        D("60.42"),
    )
    # 20 Jan → 20 Feb: 31 days; 100,000 × 31 × 0.0435 / 360 = 374.5833… → 374.58
    assert (lines[1].days, lines[1].interest) == (31, D("374.58"))
    # 20 Feb → 20 Mar: 28 days; 100,000 × 28 × 0.0435 / 360 = 338.3333… → 338.33
    assert (lines[2].days, lines[2].interest) == (28, D("338.33"))
    # 20 Dec 2026 → 15 Jan 2027 (maturity): 26 days; 314.1666… → 314.17, with all principal
    last = lines[-1]
    assert (last.due_date, last.days, last.interest) == (date(2027, 1, 15), 26, D("314.17"))
    assert (last.principal, last.payment, last.balance) == (
        D("100000.00"),
        D("100314.17"),
        D("0.00"),
    )
    assert all(i.principal == 0 for i in lines[:-1])
    assert sum(i.days for i in lines) == 365


def test_interest_quarterly_settles_in_march_june_september_december():
    schedule = worked_example(QUARTERLY, due_day=20)
    lines = schedule.instalments

    assert [i.due_date for i in lines] == [
        date(2026, 3, 20),
        date(2026, 6, 20),
        date(2026, 9, 20),
        date(2026, 12, 20),
        date(2027, 1, 15),
    ]
    # 15 Jan → 20 Mar: 16 + 28 + 20 = 64 days; 100,000 × 64 × 0.0435 / 360 = 773.333… → 773.33
    assert (lines[0].days, lines[0].interest) == (64, D("773.33"))
    # 20 Mar → 20 Jun: 92 days; 1,111.666… → 1,111.67
    assert (lines[1].days, lines[1].interest) == (92, D("1111.67"))
    # 20 Sep → 20 Dec: 91 days; 1,099.5833… → 1,099.58
    assert (lines[3].days, lines[3].interest) == (91, D("1099.58"))
    assert (lines[-1].days, lines[-1].interest) == (26, D("314.17"))
    assert lines[-1].principal == D("100000.00")


def test_interest_monthly_on_the_start_day_has_whole_months_only():
    schedule = worked_example(MONTHLY)

    assert len(schedule.instalments) == 12
    assert schedule.instalments[0].due_date == date(2026, 2, 15)
    assert schedule.instalments[-1].due_date == date(2027, 1, 15)
    # 15 Jan → 15 Feb, 31 days: 100,000 × 31 × 0.0435 / 360 = 374.58
    assert schedule.instalments[0].interest == D("374.58")


def test_settlement_on_the_disbursement_day_is_not_a_period():
    # Disbursed on a settlement day: the first period runs to the next one.
    schedule = build_schedule(D("50000"), D("5"), 6, date(2026, 3, 20), QUARTERLY, due_day=20)

    assert [i.due_date for i in schedule.instalments] == [date(2026, 6, 20), date(2026, 9, 20)]


def test_quarterly_loan_shorter_than_a_quarter_pays_at_maturity():
    schedule = build_schedule(D("50000"), D("5"), 1, date(2026, 4, 1), QUARTERLY, due_day=20)

    assert len(schedule.instalments) == 1
    # 1 Apr → 1 May: 30 days; 50,000 × 30 × 0.05 / 360 = 208.333… → 208.33
    assert schedule.instalments[0].interest == D("208.33")
    assert schedule.instalments[0].principal == D("50000.00")


# --- Cash-flow schedules and grace periods ---------------------------------------


def test_cash_flow_schedule_follows_the_plan():
    plan = [D("0"), D("0"), D("30000"), D("30000"), D("0"), D("40000")]
    schedule = build_schedule(
        D("100000"), D("6"), 6, date(2026, 1, 10), CASH_FLOW, principal_plan=plan
    )

    assert [i.principal for i in schedule.instalments] == [D(p).quantize(D("0.01")) for p in plan]
    # 0.5% a month on the balance: 500, 500, 500, 350, 200, 200
    assert [i.interest for i in schedule.instalments] == [
        D("500.00"),
        D("500.00"),
        D("500.00"),
        D("350.00"),
        D("200.00"),
        D("200.00"),
    ]
    assert schedule.instalments[-1].balance == D("0.00")


def test_cash_flow_plan_must_add_up_to_the_amount():
    plan = [D("30000"), D("30000"), D("39999.50")]
    with pytest.raises(ValidationError) as caught:
        build_schedule(D("100000"), D("6"), 3, date(2026, 1, 10), CASH_FLOW, principal_plan=plan)

    assert caught.value.field == "principal_plan"
    assert str(caught.value) == "还本计划合计 99,999.50 元，比贷款金额 100,000.00 元少 0.50 元"


def test_cash_flow_plan_over_the_amount_says_so():
    plan = [D("60000"), D("60000")]
    with pytest.raises(ValidationError, match=r"多 20,000\.00 元"):
        build_schedule(D("100000"), D("6"), 2, date(2026, 1, 10), CASH_FLOW, principal_plan=plan)


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        (None, "须填写每期还本金额"),
        ([D("100000")], "还本计划有 1 期，与贷款期限 2 个月不一致"),
        ([D("100001"), D("-1")], "第 2 期还本金额不能为负数"),
        ([D("50000.001"), D("49999.999")], "第 1 期还本金额最多保留两位小数"),
        ([D("100000"), D("0")], "最后一期的还本金额不能为 0"),
    ],
)
def test_cash_flow_plan_rules(plan, message):
    with pytest.raises(ValidationError, match=message) as caught:
        build_schedule(D("100000"), D("6"), 2, date(2026, 1, 10), CASH_FLOW, principal_plan=plan)
    assert caught.value.field == "principal_plan"


def test_plan_is_refused_for_other_methods():
    with pytest.raises(ValidationError) as caught:
        worked_example(EI, principal_plan=[D("100000")] + [D("0")] * 11)
    assert caught.value.field == "principal_plan"


def test_equal_instalments_with_grace_pay_interest_only_first():
    schedule = worked_example(EI, grace_months=3)
    lines = schedule.instalments

    assert len(lines) == 12
    assert all((i.principal, i.interest) == (D("0.00"), D("362.50")) for i in lines[:3])
    # Then 100,000 is amortised over the nine remaining months.
    assert lines[3].payment == annuity_payment(D("100000"), D("4.35"), 9)
    assert lines[3].interest == D("362.50")
    assert schedule.total_principal == D("100000.00")
    assert lines[-1].balance == D("0.00")


def test_equal_principal_with_grace_spreads_over_the_rest():
    schedule = worked_example(EP, grace_months=2)
    lines = schedule.instalments

    assert [i.principal for i in lines[:2]] == [D("0.00"), D("0.00")]
    # 100,000 / 10 = 10,000 a month.
    assert all(i.principal == D("10000.00") for i in lines[2:])


def test_grace_is_only_for_amortising_methods():
    with pytest.raises(ValidationError, match="不设宽限期") as caught:
        worked_example(MONTHLY, grace_months=2)
    assert caught.value.field == "grace_months"


# --- Rules of form -----------------------------------------------------------


@pytest.mark.parametrize(
    ("terms", "field", "message"),
    [
        ({"amount": D("0")}, "amount", "贷款金额必须大于零"),
        ({"amount": D("-5")}, "amount", "贷款金额不能为负数"),
        ({"amount": D("100.001")}, "amount", "贷款金额最多保留两位小数（到分）"),
        ({"amount": D("NaN")}, "amount", "贷款金额必须是数字"),
        ({"amount": 100000.0}, "amount", "贷款金额必须是数字"),
        ({"annual_rate": D("-0.01")}, "annual_rate", "年利率不能为负数"),
        ({"annual_rate": D("36")}, "annual_rate", "年利率必须低于 36%"),
        ({"months": 0}, "months", "贷款期限必须在 1 到 360 个月之间"),
        ({"months": 361}, "months", "贷款期限必须在 1 到 360 个月之间"),
        ({"months": "12"}, "months", "贷款期限必须是整数个月"),
        ({"due_day": 0}, "due_day", "还款日必须是每月 1 日到 31 日之间的一天"),
        ({"due_day": 32}, "due_day", "还款日必须是每月 1 日到 31 日之间的一天"),
        ({"grace_months": 12}, "grace_months", "宽限期（12 个月）必须短于贷款期限（12 个月）"),
        ({"grace_months": -1}, "grace_months", "宽限期必须是不小于零的整数个月"),
        ({"method": "balloon"}, "method", "未知的还款方式“balloon”"),
    ],
)
def test_terms_are_checked_with_clear_messages(terms, field, message):
    arguments = {
        "amount": D("100000"),
        "annual_rate": D("4.35"),
        "months": 12,
        "start": date(2026, 1, 15),
        "method": EI,
    } | terms
    with pytest.raises(ValidationError) as caught:
        build_schedule(**arguments)

    assert caught.value.field == field
    assert str(caught.value).startswith(message)


def test_method_may_be_given_by_its_value():
    assert build_schedule(D("1000"), D("5"), 2, date(2026, 1, 1), "equal-principal").instalments


def test_labels_are_kept():
    assert EI.label == "等额本息"
    assert RepaymentMethod("interest-quarterly").label == "按季付息到期还本"
    assert SHORTEN.label == "缩短期限"


# --- Early repayment ---------------------------------------------------------


def test_prepayment_reducing_the_instalment_keeps_the_periods():
    schedule = worked_example(EI)
    # After period 3 the balance is 75,405.59; 30,000 prepaid leaves 45,405.59.
    rest = reschedule_after_prepayment(schedule, EI, D("4.35"), 3, D("30000"), REDUCE)

    assert [i.period for i in rest.instalments] == list(range(4, 13))
    assert [i.due_date for i in rest.instalments] == [i.due_date for i in schedule.instalments[3:]]
    assert rest.instalments[0].payment == annuity_payment(D("45405.59"), D("4.35"), 9)
    assert rest.instalments[0].payment < D("8530.99")
    # 45,405.59 × 0.3625% = 164.5952… → 164.60
    assert rest.instalments[0].interest == D("164.60")
    assert rest.total_principal == D("45405.59")
    assert rest.instalments[-1].balance == D("0.00")


def test_prepayment_shortening_the_term_keeps_the_instalment():
    schedule = worked_example(EI)
    rest = reschedule_after_prepayment(schedule, EI, D("4.35"), 3, D("30000"), SHORTEN)

    # Five months at most 8,530.99 cannot repay 45,405.59; six can.
    assert annuity_payment(D("45405.59"), D("4.35"), 5) > D("8530.99")
    assert [i.period for i in rest.instalments] == [4, 5, 6, 7, 8, 9]
    assert rest.instalments[0].payment == annuity_payment(D("45405.59"), D("4.35"), 6)
    assert rest.instalments[0].payment <= D("8530.99")
    assert rest.total_principal == D("45405.59")


def test_small_prepayment_shortening_a_long_loan_keeps_the_instalment_almost_exactly():
    schedule = build_schedule(D("500000"), D("4.2"), 240, date(2026, 1, 15), EI)
    rest = reschedule_after_prepayment(schedule, EI, D("4.2"), 12, D("50000"), SHORTEN)

    before = schedule.instalments[0].payment
    assert len(rest.instalments) < 228
    assert before - D("50") < rest.instalments[0].payment <= before


def test_prepayment_on_equal_principal_both_ways():
    schedule = worked_example(EP)
    # After period 3: 100,000 − 3 × 8,333.33 = 75,000.01; less 30,000 = 45,000.01.
    reduced = reschedule_after_prepayment(schedule, EP, D("4.35"), 3, D("30000"), REDUCE)
    shortened = reschedule_after_prepayment(schedule, EP, D("4.35"), 3, D("30000"), SHORTEN)

    # Nine periods of 45,000.01 / 9 = 5,000.00, the last 5,000.01.
    assert [i.principal for i in reduced.instalments] == [D("5000.00")] * 8 + [D("5000.01")]
    # 8,333.33 a month: five full months and 3,333.36 in the sixth.
    assert [i.principal for i in shortened.instalments] == [D("8333.33")] * 5 + [D("3333.36")]
    assert shortened.instalments[-1].period == 9


def test_prepayment_on_an_interest_only_loan_lowers_the_interest():
    schedule = worked_example(MONTHLY, due_day=20)
    rest = reschedule_after_prepayment(schedule, MONTHLY, D("4.35"), 1, D("40000"), REDUCE)

    assert len(rest.instalments) == 12
    # 60,000 × 31 × 0.0435 / 360 = 224.75
    assert rest.instalments[0].interest == D("224.75")
    assert rest.instalments[-1].principal == D("60000.00")


def test_interest_only_loan_cannot_be_shortened():
    schedule = worked_example(MONTHLY)
    with pytest.raises(ValidationError, match="不能缩短期限"):
        reschedule_after_prepayment(schedule, MONTHLY, D("4.35"), 1, D("40000"), SHORTEN)


def test_prepayment_on_a_cash_flow_plan():
    plan = [D("0"), D("20000"), D("30000"), D("50000")]
    schedule = build_schedule(
        D("100000"), D("6"), 4, date(2026, 1, 10), CASH_FLOW, principal_plan=plan
    )
    # After period 1 the balance is 100,000; prepaying 60,000 leaves 40,000.
    shortened = reschedule_after_prepayment(schedule, CASH_FLOW, D("6"), 1, D("60000"), SHORTEN)
    reduced = reschedule_after_prepayment(schedule, CASH_FLOW, D("6"), 1, D("60000"), REDUCE)

    # Taken off the end: 50,000 then 10,000 of the 30,000.
    assert [i.principal for i in shortened.instalments] == [D("20000.00"), D("20000.00")]
    # Scaled by 40 %: 8,000, 12,000, 20,000.
    assert [i.principal for i in reduced.instalments] == [
        D("8000.00"),
        D("12000.00"),
        D("20000.00"),
    ]


def test_prepayment_during_grace_keeps_the_grace():
    schedule = worked_example(EI, grace_months=3)
    rest = reschedule_after_prepayment(schedule, EI, D("4.35"), 1, D("10000"), REDUCE)

    assert [i.principal for i in rest.instalments[:2]] == [D("0.00"), D("0.00")]
    assert rest.instalments[2].payment == annuity_payment(D("90000"), D("4.35"), 9)


def test_full_prepayment_leaves_nothing():
    schedule = worked_example(EI)
    rest = reschedule_after_prepayment(schedule, EI, D("4.35"), 1, D("91831.51"), SHORTEN)

    assert rest.instalments == ()
    assert rest.total_payment == D("0.00")


@pytest.mark.parametrize(
    ("after", "prepaid", "field", "message"),
    [
        (
            1,
            D("91831.52"),
            "prepaid_principal",
            "提前还款本金 91,831.52 元超过剩余本金 91,831.51 元",
        ),
        (1, D("0"), "prepaid_principal", "提前还款本金必须大于零"),
        (12, D("100"), "after_period", "提前还款须在第 0 到第 11 期还款后办理"),
    ],
)
def test_prepayment_is_checked(after, prepaid, field, message):
    schedule = worked_example(EI)
    with pytest.raises(ValidationError) as caught:
        reschedule_after_prepayment(schedule, EI, D("4.35"), after, prepaid, REDUCE)

    assert caught.value.field == field
    assert str(caught.value).startswith(message)


# --- Properties that hold for every loan ---------------------------------------

amounts = st.integers(min_value=1, max_value=10**10).map(lambda fen: D(fen) / 100)
rates = st.integers(min_value=0, max_value=35_9999).map(lambda r: D(r) / 10_000)
starts = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
due_days = st.none() | st.integers(min_value=1, max_value=31)


@st.composite
def loans(draw):
    """Terms of any valid loan, with any method."""
    method = draw(st.sampled_from(list(RepaymentMethod)))
    amount = draw(amounts)
    months = draw(st.integers(min_value=1, max_value=360))
    terms = {
        "amount": amount,
        "annual_rate": draw(rates),
        "months": months,
        "start": draw(starts),
        "method": method,
        "due_day": draw(due_days),
    }
    if method in (EI, EP):
        terms["grace_months"] = draw(st.integers(min_value=0, max_value=months - 1))
    if method is CASH_FLOW:
        terms["principal_plan"] = draw(plans(amount, months))
    return terms


@st.composite
def plans(draw, amount: Decimal, months: int):
    """A split of ``amount`` into ``months`` fen amounts, zeros allowed, the last not zero."""
    fen = int(amount * 100)
    cuts = sorted(draw(st.lists(st.integers(0, fen - 1), min_size=months - 1, max_size=months - 1)))
    bounds = [0, *cuts, fen]
    return [D(b - a) / 100 for a, b in pairwise(bounds)]


def has_two_decimals(amount: Decimal) -> bool:
    return amount.as_tuple().exponent == -2


def check_schedule(schedule: Schedule, principal: Decimal) -> None:
    lines = schedule.instalments
    assert schedule.total_principal == principal
    assert lines[-1].balance == 0
    opening = principal
    for line in lines:
        for amount in (line.payment, line.principal, line.interest, line.balance):
            assert has_two_decimals(amount)
        assert line.principal >= 0
        assert line.interest >= 0
        assert line.balance >= 0
        assert line.payment == line.principal + line.interest
        assert line.balance == opening - line.principal
        opening = line.balance
    assert [line.period for line in lines] == list(
        range(lines[0].period, lines[0].period + len(lines))
    )
    assert all(a.due_date < b.due_date for a, b in pairwise(lines))
    assert all(line.days > 0 for line in lines)


@settings(max_examples=200, deadline=None)
@given(loans())
def test_any_schedule_repays_exactly_the_amount(terms):
    schedule = build_schedule(**terms)

    check_schedule(schedule, terms["amount"])
    months, method = terms["months"], terms["method"]
    if method in (EI, EP, CASH_FLOW):
        assert len(schedule.instalments) == months
    elif method is MONTHLY:
        assert months <= len(schedule.instalments) <= months + 1
    else:
        assert months // 3 <= len(schedule.instalments) <= months // 3 + 2
    assert schedule.instalments[0].due_date > terms["start"]


@settings(max_examples=200, deadline=None)
@given(loans(), st.data())
def test_any_prepayment_leaves_a_schedule_for_exactly_the_rest(terms, data):
    schedule = build_schedule(**terms)
    count = len(schedule.instalments)
    after = data.draw(st.integers(min_value=0, max_value=count - 1))
    balance = schedule.instalments[after - 1].balance if after else terms["amount"]
    if balance == 0:
        return
    prepaid = data.draw(
        st.integers(min_value=1, max_value=int(balance * 100)).map(lambda f: D(f) / 100)
    )
    method = terms["method"]
    options = [REDUCE] if method in (MONTHLY, QUARTERLY) else [REDUCE, SHORTEN]
    option = data.draw(st.sampled_from(options))

    rest = reschedule_after_prepayment(
        schedule, method, terms["annual_rate"], after, prepaid, option
    )

    if prepaid == balance:
        assert rest.instalments == ()
        return
    check_schedule(rest, balance - prepaid)
    assert rest.instalments[0].period == after + 1
    assert len(rest.instalments) <= count - after
    if option is REDUCE:
        assert len(rest.instalments) == count - after
