"""Servicing rules without a database: allocation order, partial payments,
early repayment both ways, settlement, reversal, overdue figures (penalty
interest checked by hand), classification thresholds, PAR and the register's
reading of the search box."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.classification import Category, Thresholds, refreshed, suggest
from domain.customers import FormErrors
from domain.errors import DomainError, ValidationError
from domain.followup import TaskKind, new_task
from domain.overdue import ChargeTerms, ScheduleLine, accrued_charges, pay_line, position
from domain.register import RegisterFilters, read_query
from domain.reports import GroupFacts, Grouping, build_report, month_ends, ratio
from domain.schedule import EarlyRepaymentOption, RepaymentMethod, build_schedule
from domain.servicing import (
    DEFAULT_ALLOCATION_ORDER,
    Allocation,
    Channel,
    Component,
    LoanAccount,
    PaymentKind,
    RepaymentEntry,
    allocate,
    check_allocation_order,
    lines_of,
    plan_posting,
    principal_for_amount,
    quote_early_repayment,
    read_entry,
    regular_amount_due,
    undo,
)

START = date(2026, 1, 20)
TERMS = ChargeTerms(D("4.35"), D("0.5"))
# domain.md's worked example: 100,000 over 12 months at 4.35%, equal instalments.
SCHEDULE = build_schedule(D("100000"), D("4.35"), 12, START, RepaymentMethod.EQUAL_INSTALLMENT, 20)
LINES = lines_of(SCHEDULE)
FIRST_DUE = date(2026, 2, 20)


def account(**changes) -> LoanAccount:
    values = {
        "loan_id": 1,
        "loan_number": "JK20260120-0001",
        "customer_id": 1,
        "borrower_name": "张三",
        "product_code": "micro",
        "officer": "li",
        "marketing_area": "永阳片区",
        "amount": D("100000.00"),
        "annual_rate": D("4.35"),
        "repayment_method": RepaymentMethod.EQUAL_INSTALLMENT,
        "penalty_uplift": D("0.5"),
        "disbursed_on": START,
        "maturity_date": SCHEDULE.instalments[-1].due_date,
        "outstanding_principal": D("100000.00"),
    }
    return LoanAccount(**{**values, **changes})


def paid_up_to(period: int, lines=LINES) -> list[ScheduleLine]:
    """The lines with the first ``period`` instalments paid on their due dates."""
    return [
        replace(ln, principal_paid=ln.principal, interest_paid=ln.interest)
        if ln.period <= period
        else ln
        for ln in lines
    ]


# --- overdue figures -------------------------------------------------------------------


def test_the_schedule_is_the_worked_example():
    first = LINES[0]
    assert (first.due_date, first.principal, first.interest) == (
        FIRST_DUE,
        D("8168.49"),
        D("362.50"),
    )


def test_penalty_and_compound_interest_checked_by_hand():
    # Instalment 1 (principal 8,168.49, interest 362.50) unpaid on 2026-03-02:
    # 10 days past its due date 2026-02-20. Penalty rate = 4.35% × 1.5 = 6.525%.
    #   penalty  = 8,168.49 × 6.525% × 10 / 360 = 14.8054… → 14.81
    #   compound =   362.50 × 6.525% × 10 / 360 =  0.6570… →  0.66
    # The day's accrual: on 2026-03-01 the penalty stood at 9 days' worth
    #   8,168.49 × 6.525% × 9 / 360 = 13.3249… → 13.32, so 03-02 added 14.81 − 13.32 = 1.49.
    figures = position(LINES, date(2026, 3, 2), TERMS)
    assert figures.penalty_interest == D("14.81")
    assert figures.compound_interest == D("0.66")
    assert figures.penalty_accrued == D("1.49")
    assert figures.days_past_due == 10
    assert figures.overdue_principal == D("8168.49")
    assert figures.overdue_interest == D("362.50")
    assert figures.outstanding_principal == D("100000.00")
    assert figures.next_due_date == date(2026, 3, 20)
    assert figures.next_due_amount == D("8530.99")
    assert figures.total_overdue == D("8168.49") + D("362.50") + D("14.81") + D("0.66")


def test_unpaid_on_its_due_date_is_not_yet_overdue():
    on_the_day = position(LINES, FIRST_DUE, TERMS)
    assert on_the_day.days_past_due == 0 and on_the_day.penalty_interest == 0
    assert on_the_day.next_due_date == FIRST_DUE and on_the_day.arrears_since == FIRST_DUE
    next_day = position(LINES, date(2026, 2, 21), TERMS)
    assert next_day.days_past_due == 1 and next_day.overdue


def test_days_past_due_count_from_the_oldest_unpaid_instalment():
    figures = position(LINES, date(2026, 4, 25), TERMS)
    assert figures.days_past_due == (date(2026, 4, 25) - FIRST_DUE).days == 64
    assert figures.overdue_principal == sum((ln.principal for ln in LINES[:3]), D(0))
    assert figures.next_due_date == date(2026, 5, 20)


def test_a_partial_payment_of_an_overdue_instalment_keeps_the_charges_it_ran_up():
    on = date(2026, 3, 2)
    before = accrued_charges(LINES, on, TERMS)
    half = pay_line(LINES[0], D("4000.00"), D("0"), on, TERMS)
    after = accrued_charges([half, *LINES[1:]], on, TERMS)
    assert after == before  # paying moves no fen of penalty
    assert half.penalty_settled > 0
    # Later only the unpaid 4,168.49 keeps accruing. Ten more days on, its
    # running charge is 20 days' worth (15.1108… → 15.11) where it was 10
    # days' (7.5554… → 7.56): the total grows by 15.11 − 7.56 = 7.55.
    later = accrued_charges([half, *LINES[1:]], date(2026, 3, 12), TERMS)
    assert later[0] - before[0] == D("7.55")


# --- allocation --------------------------------------------------------------------------


def test_the_default_order_takes_charges_then_overdue_interest_then_principal():
    on = date(2026, 3, 2)  # instalment 1 ten days late: charges 14.81 and 0.66
    done = allocate(LINES, D("400.00"), on, TERMS, current=(2,))
    allocation = done.allocation
    assert (allocation.penalty, allocation.compound) == (D("14.81"), D("0.66"))
    (line,) = allocation.lines
    assert (line.period, line.interest, line.principal) == (1, D("362.50"), D("22.03"))
    assert allocation.total == D("400.00") and done.left_over == 0


def test_current_instalments_come_last_interest_before_principal():
    on = date(2026, 3, 2)
    overdue_total = D("14.81") + D("0.66") + D("8530.99")
    done = allocate(LINES, overdue_total + D("500.00"), on, TERMS, current=(2,))
    second = next(a for a in done.allocation.lines if a.period == 2)
    assert second.interest == LINES[1].interest == D("332.89")
    assert second.principal == D("500.00") - D("332.89")
    assert done.lines[0].settled and not done.lines[1].settled


def test_the_order_is_a_setting():
    principal_first = (
        Component.OVERDUE_PRINCIPAL,
        Component.OVERDUE_INTEREST,
        Component.PENALTY,
        Component.COMPOUND,
        Component.CURRENT,
    )
    done = allocate(LINES, D("8200.00"), date(2026, 3, 2), TERMS, order=principal_first)
    (line,) = done.allocation.lines
    assert line.principal == D("8168.49") and line.interest == D("31.51")
    assert done.allocation.penalty == 0


def test_an_order_must_name_each_component_once():
    assert check_allocation_order(["罚息", "复利", "逾期利息", "逾期本金", "current"]) == (
        DEFAULT_ALLOCATION_ORDER
    )
    with pytest.raises(ValidationError, match="只包含以下各项一次"):
        check_allocation_order(["penalty", "penalty", "compound", "current", "overdue_interest"])
    with pytest.raises(ValidationError):
        check_allocation_order(["penalty", "fees"])


def test_a_regular_payment_covers_arrears_and_the_next_instalment_only():
    on = date(2026, 3, 2)
    due = regular_amount_due(LINES, on, TERMS, D(0), D(0))
    assert due == D("14.81") + D("0.66") + D("8530.99") * 2
    plan = plan_posting(account(), LINES, due, on, PaymentKind.REGULAR, None)
    assert [a.period for a in plan.allocation.lines] == [1, 2]
    with pytest.raises(DomainError, match="提前部分还款或提前结清") as refused:
        plan_posting(account(), LINES, due + D("0.01"), on, PaymentKind.REGULAR, None)
    assert "17,077.45" in str(refused.value)


def test_a_partial_payment_leaves_the_rest_owed():
    plan = plan_posting(account(), LINES, D("5000.00"), FIRST_DUE, PaymentKind.REGULAR, None)
    (line,) = plan.allocation.lines
    assert (line.interest, line.principal) == (D("362.50"), D("4637.50"))
    figures = position(plan.lines, date(2026, 2, 25), TERMS)
    assert figures.days_past_due == 5
    assert figures.overdue_principal == D("8168.49") - D("4637.50")
    assert figures.overdue_interest == 0


# --- early repayment and settlement ---------------------------------------------------------


def test_early_repayment_shortening_the_term():
    lines = paid_up_to(2)
    on = date(2026, 3, 25)  # five days after instalment 2 was due (and paid)
    quote = quote_early_repayment(
        lines, on, TERMS, RepaymentMethod.EQUAL_INSTALLMENT, START, D("30000"),
        EarlyRepaymentOption.SHORTEN_TERM,
    )  # fmt: skip
    assert quote.after_period == 2 and quote.days == 5 and quote.due_now == 0
    # Interest on the prepaid principal since the last due date: 30,000 × 4.35% × 5 / 360 = 18.125
    assert quote.interest == D("18.13")
    assert quote.total == D("30018.13")
    remaining = quote.schedule.instalments
    assert len(remaining) < 10
    assert remaining[0].period == 3 and remaining[0].due_date == date(2026, 4, 20)
    assert sum((i.principal for i in remaining), D(0)) == quote.balance_before - D("30000")
    assert remaining[0].payment <= D("8530.99")


def test_early_repayment_reducing_the_instalment():
    lines = paid_up_to(2)
    quote = quote_early_repayment(
        lines, date(2026, 3, 20), TERMS, RepaymentMethod.EQUAL_INSTALLMENT, START, D("30000"),
        EarlyRepaymentOption.REDUCE_INSTALMENT,
    )  # fmt: skip
    remaining = quote.schedule.instalments
    assert len(remaining) == 10 and quote.days == 0 and quote.interest == 0
    assert remaining[0].payment < D("8530.99")
    assert sum((i.principal for i in remaining), D(0)) == quote.balance_before - D("30000")


def test_an_early_repayment_posting_pays_what_is_due_first_and_replaces_the_schedule():
    lines = paid_up_to(1)
    on = date(2026, 3, 20)  # instalment 2 falls due today
    quote = quote_early_repayment(
        lines, on, TERMS, RepaymentMethod.EQUAL_INSTALLMENT, START, D("20000"),
        EarlyRepaymentOption.REDUCE_INSTALMENT,
    )  # fmt: skip
    assert quote.due_now == D("8530.99")
    plan = plan_posting(
        account(), lines, quote.total, on, PaymentKind.EARLY, EarlyRepaymentOption.REDUCE_INSTALMENT
    )
    assert plan.rescheduled
    assert plan.allocation.prepaid_principal == D("20000.00")
    assert plan.allocation.total == quote.total
    assert [ln.period for ln in plan.lines] == list(range(1, 13))
    assert plan.lines[1].settled and plan.lines[2].principal_paid == 0
    outstanding = sum((ln.unpaid_principal for ln in plan.lines), D(0))
    assert outstanding == LINES[1].balance - D("20000")


def test_an_early_repayment_amount_must_split_exactly():
    lines = paid_up_to(2)
    principal = principal_for_amount(D("30018.13"), D("4.35"), 5)
    assert principal == D("30000.00")
    acct = account()
    with pytest.raises(DomainError, match="没有余额"):
        plan_posting(acct, lines, D("0.00"), date(2026, 3, 25), PaymentKind.EARLY,
                     EarlyRepaymentOption.SHORTEN_TERM)  # fmt: skip


def test_settlement_repays_everything_and_nothing_is_owed_after():
    lines = paid_up_to(2)
    on = date(2026, 4, 1)
    quote = quote_early_repayment(
        lines, on, TERMS, RepaymentMethod.EQUAL_INSTALLMENT, START, None,
        EarlyRepaymentOption.REDUCE_INSTALMENT,
    )  # fmt: skip
    assert quote.settles and quote.principal == LINES[1].balance
    # 12 days of interest on the remaining principal: 83,633.41 × 4.35% × 12 / 360 = 121.2684…
    assert quote.interest == D("121.27")
    plan = plan_posting(account(), lines, quote.total, on, PaymentKind.SETTLEMENT, None)
    figures = position(plan.lines, on, TERMS, penalty_paid=plan.allocation.penalty)
    assert figures.nothing_owed
    with pytest.raises(DomainError, match="应还"):
        plan_posting(account(), lines, quote.total - D("1"), on, PaymentKind.SETTLEMENT, None)


def test_early_repayment_after_maturity_is_refused():
    with pytest.raises(DomainError, match="已于 2027-01-20 到期"):
        quote_early_repayment(
            LINES, date(2027, 2, 1), TERMS, RepaymentMethod.EQUAL_INSTALLMENT, START, D("100"),
            EarlyRepaymentOption.REDUCE_INSTALMENT,
        )  # fmt: skip


def test_interest_only_loans_cannot_shorten_their_term():
    schedule = build_schedule(D("50000"), D("5"), 12, START, RepaymentMethod.INTEREST_MONTHLY, 20)
    with pytest.raises(ValidationError, match="不能缩短期限"):
        quote_early_repayment(
            lines_of(schedule), date(2026, 1, 25), TERMS, RepaymentMethod.INTEREST_MONTHLY, START,
            D("10000"), EarlyRepaymentOption.SHORTEN_TERM,
        )  # fmt: skip


# --- reversal --------------------------------------------------------------------------


def test_undoing_an_allocation_restores_the_lines_exactly():
    on = date(2026, 4, 25)
    done = allocate(LINES, D("10000.00"), on, TERMS, current=(4,))
    assert undo(done.lines, done.allocation) == LINES
    negated = done.allocation.negated()
    assert negated.total == -done.allocation.total
    assert Allocation.from_dict(negated.to_dict()) == negated


@settings(max_examples=60, deadline=None)
@given(
    amount=st.integers(min_value=1, max_value=5_000_000),
    day=st.integers(min_value=0, max_value=420),
)
def test_allocation_never_overpays_and_adds_up(amount, day):
    on = date(2026, 1, 21).fromordinal(date(2026, 1, 21).toordinal() + day)
    paid = D(amount) / 100
    done = allocate(LINES, paid, on, TERMS, current=range(1, 13))
    assert done.allocation.total + done.left_over == paid
    assert all(0 <= ln.principal_paid <= ln.principal for ln in done.lines)
    assert all(0 <= ln.interest_paid <= ln.interest for ln in done.lines)
    assert undo(done.lines, done.allocation) == LINES


# --- the teller's entries ------------------------------------------------------------------


def test_entries_are_read_as_typed_and_every_mistake_is_named():
    checked = read_entry(
        RepaymentEntry("8,530.99元", "2026/2/20", "现金", " rc-001 "), date(2026, 3, 1)
    )
    assert (checked.amount, checked.paid_on, checked.channel) == (
        D("8530.99"),
        FIRST_DUE,
        Channel.CASH,
    )
    assert checked.receipt_number == "RC-001" and checked.kind is PaymentKind.REGULAR
    with pytest.raises(FormErrors) as wrong:
        read_entry(RepaymentEntry("", "2026-03-05", "支票", ""), date(2026, 3, 1))
    assert set(wrong.value.problems) == {"amount", "paid_on", "channel", "receipt_number"}
    assert "晚于今天" in wrong.value.problems["paid_on"]
    with pytest.raises(FormErrors, match="缩短期限或减少每期还款额"):
        read_entry(RepaymentEntry("100", FIRST_DUE, "转账", "R1", kind="early"), FIRST_DUE)


# --- classification --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "category"),
    [
        (0, Category.NORMAL),
        (1, Category.SPECIAL_MENTION),
        (90, Category.SPECIAL_MENTION),
        (91, Category.SUBSTANDARD),
        (270, Category.SUBSTANDARD),
        (271, Category.DOUBTFUL),
        (360, Category.DOUBTFUL),
        (361, Category.LOSS),
    ],
)
def test_default_thresholds_are_more_than_90_270_360_days(days, category):
    assert suggest(days) is category


def test_thresholds_are_settings_and_must_rise():
    tight = Thresholds(30, 60, 90)
    assert suggest(31, tight) is Category.SUBSTANDARD and suggest(91, tight) is Category.LOSS
    with pytest.raises(ValidationError, match="次级 < 可疑 < 损失"):
        Thresholds(90, 60, 360)


def test_a_decision_stands_until_the_suggestion_changes():
    worse = Category.DOUBTFUL
    kept = refreshed(worse, True, Category.SUBSTANDARD, Category.SUBSTANDARD)
    assert kept == (worse, True)
    assert refreshed(worse, True, Category.SUBSTANDARD, Category.LOSS) == (Category.LOSS, False)
    assert Category.SUBSTANDARD.in_default and not Category.SPECIAL_MENTION.in_default


# --- PAR and reports -----------------------------------------------------------------------------


def test_par_is_by_balance_of_loans_more_than_x_days_late():
    facts = GroupFacts("micro")
    facts.add_loan(D("100000"), D("60000"), 0, True)
    facts.add_loan(D("50000"), D("30000"), 1, True)  # 1 day: not "more than 1"
    facts.add_loan(D("50000"), D("10000"), 31, True)
    facts.add_loan(D("20000"), D("0"), 0, True)  # repaid: disbursed, not active
    facts.add_loan(D("20000"), D("5000"), 400, False)  # written off: out of the portfolio
    assert (facts.loans_disbursed, facts.active_loans) == (5, 3)
    assert facts.outstanding == D("100000")
    assert facts.par(1) == D("0.1000") and facts.par(30) == D("0.1000") and facts.par(90) == 0
    report = build_report(date(2026, 5, 31), Grouping.PRODUCT, [facts], {"micro": "小微贷款"}, "x")
    assert [r.label for r in report.all_rows] == ["小微贷款", "合计"]
    assert report.total.outstanding == D("100000") and report.total.par30 == D("0.1000")


def test_ratios_have_four_places():
    assert ratio(D(1), D(3)) == D("0.3333") and ratio(D(1), D(0)) == D("0.0000")
    assert month_ends(date(2025, 11, 5), date(2026, 2, 1)) == [
        date(2025, 11, 30),
        date(2025, 12, 31),
        date(2026, 1, 31),
        date(2026, 2, 28),
    ]


# --- the register's search box, and tasks ------------------------------------------------------


def test_the_search_box_reads_numbers_names_and_officers():
    today = date(2026, 5, 1)
    number = read_query(RegisterFilters("jk2026"), today, "JK")
    assert number.number_prefix == "JK2026" and number.name_prefix is None
    digits = read_query(RegisterFilters("20260120-00"), today, "JK")
    assert digits.number_prefix == "JK20260120-00"
    name = read_query(RegisterFilters("张 三"), today, "JK")
    assert name.name_prefix == "张三" and name.officer_name == "张三" and name.number_prefix is None
    officer = read_query(RegisterFilters("li.xin"), today, "JK")
    assert officer.officer_prefix == "li.xin" and officer.number_prefix is None
    with pytest.raises(ValidationError, match="贷款状态"):
        read_query(RegisterFilters(state="逾期"), today, "JK")


def test_a_task_is_late_after_its_due_date():
    task = new_task(account(), TaskKind.USE_CHECK, date(2026, 2, 4), datetime.now(UTC), "system")
    assert task.officer == "li" and not task.late_on(date(2026, 2, 4))
    assert task.late_on(date(2026, 2, 5)) and task.days_late(date(2026, 2, 7)) == 3
