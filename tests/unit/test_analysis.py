"""The officer's analysis sheet: statements, cross-checks, repayment capacity,
completeness and storage. Worked on a small grocery shop (小卖部) whose
arithmetic is written out beside each test."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analysis import (
    BANK_INFLOWS,
    ELECTRICITY,
    PURCHASES,
    AnalysisPolicy,
    AnalysisSheet,
    BalanceSheet,
    EquityReconciliation,
    Household,
    MonthlyProfitAndLoss,
    SalesEvidence,
    WorkingCapitalChange,
    check_equity,
    check_sales,
    months_between,
    repayment_capacity,
    representative_instalment,
)
from domain.customers import Business, Premises
from domain.errors import ValidationError
from domain.schedule import RepaymentMethod, Schedule, build_schedule

D = Decimal
POLICY = AnalysisPolicy()  # equity 10%, sales 15%, instalment at most 70% of the surplus

# --- the grocery shop ----------------------------------------------------------------
#
# Balance sheet as counted on site:
#   assets      cash 8,500 + receivables 3,000 + stock 45,000 + fixtures 12,000 = 68,500
#   liabilities payables 6,000 + bank loan 20,000 + private loan 5,000        = 31,000
#   equity      68,500 − 31,000                                               = 37,500
# Monthly P&L: sales 60,000 at a 20% margin → cost 48,000, gross profit 12,000;
#   expenses rent 2,000 + wages 2,500 + utilities 400 + transport 300 + tax 200
#   + other 100 = 5,500; net operating profit 12,000 − 5,500 = 6,500.
# Household: income 6,500 + spouse's wage 2,000 = 8,500; spending living 2,500
#   + school 800 + medical 200 + 人情 300 + bank loan repayment 1,200 = 5,000;
#   monthly net surplus 8,500 − 5,000 = 3,500.

SHOP = BalanceSheet(
    cash=D("8500"),
    receivables=D("3000"),
    inventory=D("45000"),
    fixed_assets=D("12000"),
    payables=D("6000"),
    bank_loans=D("20000"),
    private_loans=D("5000"),
)
SHOP_PNL = MonthlyProfitAndLoss(
    sales=D("60000"),
    gross_margin_percent=D("20"),
    rent=D("2000"),
    wages=D("2500"),
    utilities=D("400"),
    transport=D("300"),
    tax=D("200"),
    other_expenses=D("100"),
)
FAMILY = Household(
    wage_income=D("2000"),
    living=D("2500"),
    education=D("800"),
    medical=D("200"),
    social=D("300"),
    other_loan_repayments=D("1200"),
)
# A year since the last analysis, when equity was 30,000. Profit 6,500 × 12 =
# 78,000; the family took out 66,000 (living costs and a new roof); the
# freezers lost 2,400. Expected 30,000 + 78,000 − 66,000 − 2,400 = 39,600.
EQUITY = EquityReconciliation(
    initial_equity=D("30000"), months=12, withdrawals=D("66000"), depreciation=D("2400")
)
# Purchases 48,000 ÷ (1 − 20%) = 60,000; bank inflows 50,000 for the 80% of
# sales paid by card or app → 62,500.
EVIDENCE = SalesEvidence(
    monthly_purchases=D("48000"), bank_inflows=D("50000"), bank_share_percent=D("80")
)
SHEET = AnalysisSheet(
    balance_sheet=SHOP,
    profit_and_loss=SHOP_PNL,
    household=FAMILY,
    equity=EQUITY,
    sales_evidence=EVIDENCE,
    working_capital=WorkingCapitalChange(
        months=12, receivables_before=D("1800"), payables_before=D("7200")
    ),
    proposed_instalment=D("2246.57"),
)


# --- statements ------------------------------------------------------------------------


def test_balance_sheet_totals_equity_and_debt_ratio():
    assert SHOP.total_assets == D("68500.00")
    assert SHOP.total_liabilities == D("31000.00")
    assert SHOP.equity == D("37500.00")
    # 31,000 ÷ 68,500 = 45.2554…% → 45.26%
    assert SHOP.debt_ratio_percent == D("45.26")


def test_debt_ratio_without_assets_is_not_a_division_by_zero():
    assert BalanceSheet(private_loans=D("1000")).debt_ratio_percent is None


def test_amounts_are_kept_to_the_fen():
    assert str(SHOP.cash) == "8500.00"


def test_profit_and_loss_from_a_gross_margin():
    assert SHOP_PNL.cost_of_goods_sold == D("48000.00")
    assert SHOP_PNL.gross_profit == D("12000.00")
    assert SHOP_PNL.operating_expenses == D("5500.00")
    assert SHOP_PNL.net_operating_profit == D("6500.00")
    assert SHOP_PNL.margin_percent == D("20")


def test_profit_and_loss_from_a_cost_of_goods():
    # Sales 30,000, cost 22,150: gross profit 7,850, margin 26.1666…% → 26.17%.
    pnl = MonthlyProfitAndLoss(sales=D("30000"), cost_of_goods=D("22150"), rent=D("1000"))
    assert pnl.gross_profit == D("7850.00")
    assert pnl.margin_percent == D("26.17")
    assert pnl.net_operating_profit == D("6850.00")


def test_margin_cost_is_rounded_half_up_to_the_fen():
    # 333.33 × (100 − 12.5)% = 291.66375 → 291.66
    pnl = MonthlyProfitAndLoss(sales=D("333.33"), gross_margin_percent=D("12.5"))
    assert pnl.cost_of_goods_sold == D("291.66")
    assert pnl.gross_profit == D("41.67")


def test_profit_is_unknown_until_cost_or_margin_is_given():
    pnl = MonthlyProfitAndLoss(sales=D("60000"), rent=D("2000"))
    assert pnl.gross_profit is None and pnl.net_operating_profit is None
    assert pnl.margin_percent is None


def test_cost_and_margin_together_are_refused():
    with pytest.raises(ValidationError, match="只填一项") as caught:
        MonthlyProfitAndLoss(sales=D("100"), cost_of_goods=D("80"), gross_margin_percent=D("20"))
    assert caught.value.field == "profit_and_loss.gross_margin_percent"


def test_household_surplus_takes_the_business_profit():
    assert FAMILY.total_spending == D("5000.00")
    assert FAMILY.total_income(D("6500")) == D("8500.00")
    assert FAMILY.net_surplus(D("6500")) == D("3500.00")
    assert SHEET.monthly_surplus == D("3500.00")


def test_surplus_can_be_negative():
    # Loss of 1,000 a month, living 2,500: surplus −3,500.
    pnl = MonthlyProfitAndLoss(sales=D("1000"), cost_of_goods=D("1000"), rent=D("1000"))
    sheet = AnalysisSheet(profit_and_loss=pnl, household=Household(living=D("2500")))
    assert sheet.monthly_surplus == D("-3500.00")


# --- validation, with field names for the form -------------------------------------------


@pytest.mark.parametrize(
    ("build", "field", "message"),
    [
        (lambda: BalanceSheet(cash=D("-1")), "balance_sheet.cash", "现金及银行存款不能为负数"),
        (lambda: BalanceSheet(inventory=D("1.005")), "balance_sheet.inventory", "两位小数"),
        (lambda: BalanceSheet(payables=1.5), "balance_sheet.payables", "必须是数字"),
        (lambda: BalanceSheet(cash=D("NaN")), "balance_sheet.cash", "必须是数字"),
        (lambda: BalanceSheet(cash=D("1000000000.01")), "balance_sheet.cash", "超过10亿元"),
        (lambda: Household(social=D("-300")), "household.social", "人情往来支出不能为负数"),
        (
            lambda: MonthlyProfitAndLoss(gross_margin_percent=D("100")),
            "profit_and_loss.gross_margin_percent",
            "0 到 100",
        ),
        (
            lambda: MonthlyProfitAndLoss(gross_margin_percent=D("20.125")),
            "profit_and_loss.gross_margin_percent",
            "两位小数",
        ),
        (lambda: EquityReconciliation(D("0"), 0), "equity.months", "1 到 600"),
        (lambda: EquityReconciliation(D("0"), True), "equity.months", "整数"),
        (
            lambda: SalesEvidence(electricity_bill=D("300")),
            "sales_evidence.electricity_share_percent",
            "电费占销售收入的比例",
        ),
        (
            lambda: SalesEvidence(bank_inflows=D("1"), bank_share_percent=D("0")),
            "sales_evidence.bank_share_percent",
            "大于 0",
        ),
        (lambda: AnalysisSheet(proposed_instalment=D("0")), "proposed_instalment", "大于零"),
    ],
)
def test_bad_figures_are_refused_beside_their_field(build, field, message):
    with pytest.raises(ValidationError, match=message) as caught:
        build()
    assert caught.value.field == field


def test_signed_figures_of_the_equity_check_may_be_negative():
    rec = EquityReconciliation(
        initial_equity=D("-5000"), months=6, profit_over_period=D("-1200"), revaluation=D("-300")
    )
    assert rec.initial_equity == D("-5000.00") and rec.revaluation == D("-300.00")


def test_labels_for_the_form():
    assert BalanceSheet.labels()["cash"] == "现金及银行存款"
    assert Household.labels()["social"] == "人情往来支出"


# --- equity cross-check ------------------------------------------------------------------


def test_equity_check_worked_example():
    check = SHEET.equity_check(POLICY)
    assert check.expected_equity == D("39600.00")
    assert check.actual_equity == D("37500.00")
    # (39,600 − 37,500) ÷ 12 months ÷ 3,500 = 175 ÷ 3,500 = 5.00%
    assert check.difference == D("2100.00")
    assert check.deviation_percent == D("5.00")
    assert check.within_tolerance
    assert check.message == "权益偏差 5.00%，在容忍度 10.00% 以内"


def _equity_sheet(withdrawals: str) -> AnalysisSheet:
    return replace(SHEET, equity=replace(EQUITY, withdrawals=D(withdrawals)))


def test_equity_deviation_at_the_tolerance_is_no_warning():
    # Withdrawals 63,900: expected 105,600 − 63,900 = 41,700; 4,200 ÷ 12 ÷ 3,500 = 10.00%
    sheet = _equity_sheet("63900")
    assert sheet.equity_check(POLICY).deviation_percent == D("10.00")
    assert not any("权益偏差" in w for w in sheet.warnings(POLICY))


def test_equity_deviation_a_fen_beyond_the_tolerance_warns():
    # 4,200.01 ÷ 12 ÷ 3,500 = 10.0000238…% → shown 10.01%, beyond 10%
    sheet = _equity_sheet("63899.99")
    check = sheet.equity_check(POLICY)
    assert check.deviation_percent == D("10.01") and not check.within_tolerance
    assert check.message.startswith(
        "权益偏差 10.01%，超过容忍度 10.00%：实际权益比推算少 4,200.01 元"
    )
    assert "利润被高估" in check.message
    assert check.message in sheet.warnings(POLICY)


def test_more_equity_than_expected_points_to_hidden_debt():
    # Withdrawals 72,300: expected 33,300, actual 37,500 → −4,200 ÷ 12 ÷ 3,500 = −10.00%
    assert _equity_sheet("72300").equity_check(POLICY).within_tolerance
    check = _equity_sheet("72300.01").equity_check(POLICY)
    assert check.deviation_percent == D("-10.01") and not check.within_tolerance
    assert "实际权益比推算多 4,200.01 元" in check.message and "隐性负债" in check.message


def test_equity_check_takes_given_figures_over_the_sheet():
    # Profit 60,000, actual 40,000, income 5,000 over 10 months:
    # expected 30,000 + 60,000 − 50,000 = 40,000 → deviation 0.
    rec = EquityReconciliation(
        initial_equity=D("30000"),
        months=10,
        profit_over_period=D("60000"),
        withdrawals=D("50000"),
        actual_equity=D("40000"),
        average_disposable_income=D("5000"),
    )
    check = check_equity(
        rec, POLICY, monthly_profit=None, balance_sheet_equity=None, monthly_surplus=None
    )
    assert check.expected_equity == D("40000.00") and check.deviation_percent == D("0.00")


def test_equity_formula_adds_injections_and_revaluation_and_subtracts_depreciation():
    # 10,000 + 6,000 + 2,000 − 1,000 + 500 − 300 = 17,200
    rec = EquityReconciliation(
        initial_equity=D("10000"),
        months=2,
        profit_over_period=D("6000"),
        capital_injected=D("2000"),
        withdrawals=D("1000"),
        revaluation=D("500"),
        depreciation=D("300"),
        actual_equity=D("17200"),
        average_disposable_income=D("1000"),
    )
    check = check_equity(
        rec, POLICY, monthly_profit=None, balance_sheet_equity=None, monthly_surplus=None
    )
    assert check.expected_equity == D("17200.00") and check.difference == 0


def test_equity_check_waits_for_the_figures_it_needs():
    assert AnalysisSheet(equity=EQUITY).equity_check(POLICY) is None


def test_equity_check_without_disposable_income_warns_instead_of_dividing_by_zero():
    sheet = replace(SHEET, household=replace(FAMILY, living=D("6000")))  # surplus 0
    check = sheet.equity_check(POLICY)
    assert check.deviation_percent is None and not check.within_tolerance
    assert "不为正数，无法衡量权益偏差" in check.message
    assert check.message in sheet.warnings(POLICY)


# --- sales cross-checks -----------------------------------------------------------------


def _sales(purchases: str) -> tuple:
    return check_sales(SHOP_PNL, SalesEvidence(monthly_purchases=D(purchases)), POLICY)


def test_sales_implied_by_purchases_worked_example():
    (check,) = _sales("48000")
    assert check.source == PURCHASES
    assert check.implied_sales == D("60000.00") and check.deviation_percent == D("0.00")


def test_sales_deviation_at_the_tolerance_is_no_warning():
    # 40,800 ÷ 0.8 = 51,000; (60,000 − 51,000) ÷ 60,000 = 15.00%
    (check,) = _sales("40800")
    assert check.deviation_percent == D("15.00") and check.within_tolerance
    # 55,200 ÷ 0.8 = 69,000; (60,000 − 69,000) ÷ 60,000 = −15.00%
    (check,) = _sales("55200")
    assert check.deviation_percent == D("-15.00") and check.within_tolerance


def test_sales_deviation_a_fen_beyond_the_tolerance_warns():
    # 40,799.99 ÷ 0.8 = 50,999.9875 → 50,999.99; 9,000.01 ÷ 60,000 = 15.0000167% → 15.01%
    (check,) = _sales("40799.99")
    assert check.implied_sales == D("50999.99")
    assert check.deviation_percent == D("15.01") and not check.within_tolerance
    assert check.message == (
        "销售收入交叉检验（按进货推算）：申报月销售收入 60,000.00 元，按进货推算 50,999.99 元，"
        "偏差 15.01%，超过容忍度 15.00%：申报的销售收入可能偏高"
    )
    # 55,200.01 ÷ 0.8 = 69,000.0125 → 69,000.01 → −15.01%
    (check,) = _sales("55200.01")
    assert check.deviation_percent == D("-15.01") and "可能偏低" in check.message


def test_sales_beyond_tolerance_shows_among_the_sheet_warnings():
    sheet = replace(SHEET, sales_evidence=SalesEvidence(monthly_purchases=D("40799.99")))
    assert any(w.startswith("销售收入交叉检验（按进货推算）") for w in sheet.warnings(POLICY))


def test_sales_implied_by_purchases_with_a_cost_of_goods():
    # Cost 22,150 on sales 30,000: purchases 20,000 imply 20,000 × 30,000 ÷ 22,150
    # = 27,088.036… → 27,088.04; (30,000 − 27,088.04) ÷ 30,000 = 9.7065…% → 9.71%
    pnl = MonthlyProfitAndLoss(sales=D("30000"), cost_of_goods=D("22150"))
    (check,) = check_sales(pnl, SalesEvidence(monthly_purchases=D("20000")), POLICY)
    assert check.implied_sales == D("27088.04") and check.deviation_percent == D("9.71")


def test_bank_inflows_and_electricity():
    # Electricity 240 a month at 0.5% of sales → 48,000; (60,000 − 48,000) ÷ 60,000 = 20%
    evidence = replace(EVIDENCE, electricity_bill=D("240"), electricity_share_percent=D("0.5"))
    purchases, bank, power = check_sales(SHOP_PNL, evidence, POLICY)
    # 50,000 ÷ 80% = 62,500; −2,500 ÷ 60,000 = −4.1666…% → −4.17% (away from zero)
    assert purchases.source == PURCHASES
    assert bank.source == BANK_INFLOWS and bank.implied_sales == D("62500.00")
    assert bank.deviation_percent == D("-4.17") and bank.within_tolerance
    assert power.source == ELECTRICITY and power.implied_sales == D("48000.00")
    assert power.deviation_percent == D("20.00") and not power.within_tolerance


def test_zero_cost_of_goods_cannot_imply_sales_and_fails_the_check():
    pnl = MonthlyProfitAndLoss(sales=D("8000"), cost_of_goods=D("0"))
    (check,) = check_sales(pnl, SalesEvidence(monthly_purchases=D("500")), POLICY)
    assert check.implied_sales is None and not check.within_tolerance
    assert "销货成本为零" in check.message


def test_no_sales_checks_without_stated_sales_or_margin():
    assert check_sales(MonthlyProfitAndLoss(), EVIDENCE, POLICY) == ()
    pnl = MonthlyProfitAndLoss(sales=D("60000"))  # no cost or margin yet
    assert check_sales(pnl, SalesEvidence(monthly_purchases=D("48000")), POLICY) == ()


# --- cash-flow adjustment ----------------------------------------------------------------


def test_cash_flow_adjusted_for_receivables_and_payables():
    # Receivables 1,800 → 3,000: +1,200 over 12 months = +100 a month (cash tied up);
    # payables 7,200 → 6,000: −1,200 = −100 a month (suppliers paid down).
    # 6,500 − 100 − 100 = 6,300
    flow = SHEET.cash_flow()
    assert flow.monthly_receivables_change == D("100.00")
    assert flow.monthly_payables_change == D("-100.00")
    assert flow.adjusted_monthly_cash_flow == D("6300.00")
    assert "应收账款月均增加 100.00 元" in flow.message
    assert "应付账款月均减少 100.00 元" in flow.message


def test_cash_flow_adjustment_is_information_not_a_warning():
    sheet = replace(
        SHEET,
        working_capital=WorkingCapitalChange(1, receivables_before=D("0"), payables_before=D("0")),
    )
    assert sheet.cash_flow().adjusted_monthly_cash_flow == D("9500.00")  # 6,500 − 3,000 + 6,000
    assert not any("现金流" in w for w in sheet.warnings(POLICY))


# --- repayment capacity ------------------------------------------------------------------


def test_capacity_worked_example():
    # 2,246.57 ÷ 3,500 = 64.187…% → 64.19%; maximum 3,500 × 70% = 2,450.00
    capacity = SHEET.capacity(POLICY)
    assert capacity.ratio_percent == D("64.19")
    assert capacity.max_affordable_instalment == D("2450.00")
    assert capacity.acceptable
    assert capacity.message == (
        "月供 2,246.57 元，占月净结余 3,500.00 元的 64.19%，未超过上限 70.00%"
        "（最高可承受月供 2,450.00 元）"
    )


def test_capacity_at_the_limit_is_acceptable_and_a_fen_more_is_not():
    assert repayment_capacity(D("3500"), D("2450.00"), POLICY).acceptable
    over = repayment_capacity(D("3500"), D("2450.01"), POLICY)
    # 2,450.01 ÷ 3,500 = 70.0002…% → 70.01%: never shown as within 70%
    assert not over.acceptable and over.ratio_percent == D("70.01")
    assert "超过上限 70.00%：最高可承受月供 2,450.00 元" in over.message


def test_maximum_affordable_instalment_is_rounded_down():
    # 1,000.01 × 70% = 700.007 → 700.00, not 700.01
    assert repayment_capacity(D("1000.01"), D("1"), POLICY).max_affordable_instalment == D("700.00")


@pytest.mark.parametrize("surplus", [D("0"), D("-0.01"), D("-3500")])
def test_no_positive_surplus_is_never_acceptable(surplus):
    capacity = repayment_capacity(surplus, D("100"), POLICY)
    assert not capacity.acceptable and capacity.ratio_percent is None
    assert capacity.max_affordable_instalment == 0
    assert "没有可用于还款的结余，还款能力不足" in capacity.message


def test_unknown_surplus_is_not_acceptable():
    capacity = repayment_capacity(None, D("100"), POLICY)
    assert not capacity.acceptable and "月净结余无法计算" in capacity.message


def test_instalment_must_be_a_positive_amount():
    with pytest.raises(ValidationError) as caught:
        repayment_capacity(D("3500"), D("0"), POLICY)
    assert caught.value.field == "proposed_instalment"


def test_stricter_bank_setting():
    strict = AnalysisPolicy(max_instalment_percent=D("50"))
    capacity = SHEET.capacity(strict)
    assert capacity.max_affordable_instalment == D("1750.00") and not capacity.acceptable
    assert capacity.message in SHEET.warnings(strict)


# --- the instalment to weigh -------------------------------------------------------------


def _schedule(method, amount="100000", months=12, **terms) -> Schedule:
    return build_schedule(D(amount), D("4.35"), months, date(2024, 1, 20), method, **terms)


def test_representative_instalment_of_equal_instalments_is_the_regular_one():
    # domain.md: M = 8,530.99; the last, 8,531.01, carries the rounding residue
    assert representative_instalment(_schedule(RepaymentMethod.EQUAL_INSTALLMENT)) == D("8530.99")


def test_representative_instalment_of_equal_principal_is_the_first():
    # 8,333.33 + 100,000 × 4.35% ÷ 12 = 8,333.33 + 362.50 = 8,695.83
    assert representative_instalment(_schedule(RepaymentMethod.EQUAL_PRINCIPAL)) == D("8695.83")


def test_representative_instalment_of_interest_monthly_leaves_out_the_principal():
    # A 31-day month: 100,000 × 4.35% × 31 ÷ 360 = 374.583… → 374.58; the last
    # instalment (100,374.58) repays the principal and is left out.
    schedule = _schedule(RepaymentMethod.INTEREST_MONTHLY)
    assert schedule.instalments[-1].payment == D("100374.58")
    assert representative_instalment(schedule) == D("374.58")


def test_representative_instalment_with_grace_months_is_the_amortising_one():
    schedule = _schedule(RepaymentMethod.EQUAL_INSTALLMENT, grace_months=3)
    assert schedule.instalments[0].payment == D("362.50")
    assert representative_instalment(schedule) == schedule.instalments[3].payment


def test_representative_instalment_of_a_single_instalment_is_that_instalment():
    schedule = _schedule(RepaymentMethod.INTEREST_MONTHLY, months=1)
    assert representative_instalment(schedule) == D("100374.58")


def test_representative_instalment_of_an_empty_schedule_is_refused():
    with pytest.raises(ValueError, match="还款计划为空"):
        representative_instalment(Schedule(()))


def test_the_shop_loan_from_the_schedule_engine():
    # 50,000 over 24 months at 7.35%: r = 0.006125, (1 + r)^24 = 1.1578347…,
    # M = 50,000 × r × 1.1578347 ÷ 0.1578347 = 2,246.5708 → 2,246.57
    schedule = build_schedule(
        D("50000"), D("7.35"), 24, date(2025, 3, 10), RepaymentMethod.EQUAL_INSTALLMENT
    )
    assert representative_instalment(schedule) == SHEET.proposed_instalment


# --- completeness and warnings -----------------------------------------------------------


def test_an_empty_sheet_lists_everything_missing():
    assert AnalysisSheet().completeness_problems() == [
        "资产负债表未填写",
        "月度损益表未填写",
        "家庭收支未填写",
        "权益交叉检验未填写",
        "销售收入交叉检验未填写（进货、银行流水、电费至少填一项）",
        "拟申请贷款的月供未计算",
    ]


def test_the_shop_sheet_is_complete_and_raises_no_warnings():
    assert SHEET.completeness_problems() == []
    assert SHEET.warnings(POLICY) == []


def test_half_filled_sections_are_problems():
    sheet = replace(
        SHEET,
        balance_sheet=BalanceSheet(),
        profit_and_loss=MonthlyProfitAndLoss(rent=D("2000")),
        sales_evidence=SalesEvidence(),
    )
    assert sheet.completeness_problems() == [
        "资产负债表的资产合计为零，请按实地核实的资产填写",
        "月销售收入未填写",
        "销货成本或毛利率未填写（二选一）",
        "销售收入交叉检验未填写（进货、银行流水、电费至少填一项）",
    ]


def test_negative_equity_loss_and_unexplained_bank_loan_warn():
    sheet = AnalysisSheet(
        balance_sheet=BalanceSheet(inventory=D("10000"), bank_loans=D("12000")),
        profit_and_loss=MonthlyProfitAndLoss(
            sales=D("5000"), cost_of_goods=D("4000"), rent=D("1500")
        ),
        household=Household(living=D("1000")),
    )
    assert sheet.warnings(POLICY) == [
        "所有者权益为 -2,000.00 元，资不抵债",
        "月经营净利润为 -500.00 元，经营亏损",
        "资产负债表有银行借款 12,000.00 元，但家庭收支中其他贷款月还款额为零，请核实",
    ]


def test_summary_for_the_approval_screen():
    summary = SHEET.summary(POLICY)
    assert summary.equity == D("37500.00") and summary.monthly_surplus == D("3500.00")
    assert summary.instalment_ratio_percent == D("64.19") and summary.repayment_acceptable
    assert summary.sales_deviations == ((PURCHASES, D("0.00")), (BANK_INFLOWS, D("-4.17")))
    rows = dict(summary.rows())
    assert rows["资产负债率"] == "45.26%"
    assert rows["最高可承受月供"] == "2,450.00 元"
    assert rows["还款能力"] == "可以承受"
    assert rows["调整后月经营现金流"] == "6,300.00 元"
    assert summary.problems == () and summary.warnings == ()


def test_summary_of_an_empty_sheet_shows_dashes():
    summary = AnalysisSheet().summary(POLICY)
    assert {text for _label, text in summary.rows()} == {"—"}
    assert len(summary.problems) == 6


# --- storage ----------------------------------------------------------------------------


def test_round_trip_through_json_is_exact():
    stored = json.loads(json.dumps(SHEET.to_dict()))
    assert AnalysisSheet.from_dict(stored) == SHEET
    assert AnalysisSheet.from_dict(stored).to_dict() == SHEET.to_dict()


def test_stored_form_is_strings():
    data = SHEET.to_dict()
    assert data["format"] == "1"
    assert data["balance_sheet"]["cash"] == "8500.00"
    assert data["equity"]["months"] == "12"
    assert data["proposed_instalment"] == "2246.57"
    assert "profit_over_period" not in data["equity"]  # not filled: taken from the P&L
    assert "working_capital" in data and "cost_of_goods" not in data["profit_and_loss"]


def test_empty_sheet_round_trip():
    assert AnalysisSheet().to_dict() == {"format": "1"}
    assert AnalysisSheet.from_dict({"format": "1"}) == AnalysisSheet()


def test_bad_stored_figure_names_its_field():
    data = SHEET.to_dict()
    data["household"]["living"] = "两千"
    with pytest.raises(ValidationError) as caught:
        AnalysisSheet.from_dict(data)
    assert caught.value.field == "household.living"


def test_stored_floats_are_refused():
    data = SHEET.to_dict()
    data["balance_sheet"]["cash"] = 8500.1
    with pytest.raises(ValidationError) as caught:
        AnalysisSheet.from_dict(data)
    assert caught.value.field == "balance_sheet.cash"


@pytest.mark.parametrize("months", ["12.0", "²", "", 12.0])
def test_stored_months_must_be_whole_numbers(months):
    data = SHEET.to_dict()
    data["equity"]["months"] = months
    with pytest.raises(ValidationError) as caught:
        AnalysisSheet.from_dict(data)
    assert caught.value.field == "equity.months"


def test_stored_whole_numbers_are_read_exactly():
    data = SHEET.to_dict()
    data["balance_sheet"]["cash"] = 8500
    data["equity"]["months"] = 12
    assert AnalysisSheet.from_dict(data) == SHEET


def test_missing_required_stored_figure_names_its_field():
    data = SHEET.to_dict()
    del data["equity"]["months"]
    with pytest.raises(ValidationError) as caught:
        AnalysisSheet.from_dict(data)
    assert caught.value.field == "equity.months"


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format="2"),
        lambda d: d.update(notes="x"),
        lambda d: d["balance_sheet"].update(goodwill="1.00"),
    ],
)
def test_unknown_stored_layout_is_refused(change):
    data = SHEET.to_dict()
    change(data)
    with pytest.raises(ValueError):
        AnalysisSheet.from_dict(data)


# --- settings --------------------------------------------------------------------------


def test_policy_defaults_and_settings_round_trip():
    assert POLICY.to_settings() == {
        "equity_tolerance_percent": "10",
        "sales_tolerance_percent": "15",
        "max_instalment_percent": "70",
    }
    assert AnalysisPolicy.from_settings(None) == POLICY
    stored = {"max_instalment_percent": "50.5", "something_newer": "1"}
    assert AnalysisPolicy.from_settings(stored).max_instalment_percent == D("50.5")


@pytest.mark.parametrize("value", [D("0"), D("100.01"), D("-5"), D("12.345")])
def test_policy_out_of_range_is_refused(value):
    with pytest.raises(ValidationError) as caught:
        AnalysisPolicy(sales_tolerance_percent=value)
    assert caught.value.field == "analysis_policy.sales_tolerance_percent"


def test_months_between():
    assert months_between(date(2024, 3, 15), date(2025, 3, 15)) == 12
    assert months_between(date(2024, 3, 15), date(2025, 3, 14)) == 11
    assert months_between(date(2025, 3, 15), date(2024, 3, 15)) == 0


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        # February has no 31st: the month is full when February ends.
        (date(2026, 1, 31), date(2026, 2, 28), 1),
        (date(2026, 1, 31), date(2026, 2, 27), 0),
        (date(2024, 1, 31), date(2024, 2, 29), 1),  # a leap year's February too
        (date(2024, 1, 31), date(2024, 2, 28), 0),
        # 29 Feb to the next year's last day of February: twelve full months.
        (date(2024, 2, 29), date(2025, 2, 28), 12),
        (date(2024, 2, 29), date(2025, 2, 27), 11),
        (date(2024, 2, 29), date(2028, 2, 28), 47),  # February has its 29th again
        (date(2024, 2, 29), date(2028, 2, 29), 48),
        # A longer month reached: full on the same day, the 31st adds nothing.
        (date(2026, 4, 30), date(2026, 5, 30), 1),
        (date(2026, 4, 30), date(2026, 5, 31), 1),
        (date(2026, 4, 30), date(2026, 5, 29), 0),
        (date(2026, 3, 31), date(2026, 4, 30), 1),  # the 30th ends April
        (date(2026, 1, 31), date(2026, 3, 30), 1),  # March has a 31st: not full yet
        (date(2026, 1, 31), date(2026, 3, 31), 2),
        (date(2026, 12, 31), date(2027, 1, 31), 1),  # across the year end
        (date(2026, 5, 10), date(2026, 5, 10), 0),
    ],
)
def test_months_between_at_month_ends(start, end, months):
    assert months_between(start, end) == months


@settings(max_examples=300)
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
)
def test_months_between_grows_with_the_end_date_and_agrees_with_the_business(start, end):
    months = months_between(start, end)
    assert months >= 0
    assert months_between(start, end + timedelta(days=1)) in (months, months + 1)
    business = Business(1, "店", "零售", start, Premises.OWNED, 1)
    assert business.months_in_business(end) == months


# --- properties ------------------------------------------------------------------------

fen = st.decimals(min_value=0, max_value=D("99999999.99"), places=2)
small_fen = st.decimals(min_value=0, max_value=D("999999.99"), places=2)
margins = st.decimals(min_value=0, max_value=D("99.99"), places=2)


@given(st.lists(fen, min_size=9, max_size=9))
def test_balance_sheet_totals_are_the_sums(values):
    sheet = BalanceSheet(*values)
    assert sheet.total_assets == sum(values[:5])
    assert sheet.total_liabilities == sum(values[5:])
    assert sheet.equity == sheet.total_assets - sheet.total_liabilities


@given(small_fen, st.one_of(st.none(), small_fen), st.lists(small_fen, min_size=6, max_size=6))
def test_profit_and_loss_totals_are_the_sums(sales, cost, expenses):
    pnl = MonthlyProfitAndLoss(sales, cost, None, *expenses)
    assert pnl.operating_expenses == sum(expenses)
    if cost is None:
        assert pnl.net_operating_profit is None
    else:
        assert pnl.net_operating_profit == sales - cost - sum(expenses)


@settings(max_examples=200)
@given(
    small_fen,
    margins,
    st.lists(small_fen, min_size=6, max_size=6),
    st.lists(small_fen, min_size=7, max_size=7),
    st.one_of(st.none(), small_fen.filter(lambda v: v > 0)),
)
def test_any_household_gives_a_surplus_and_a_verdict_without_crashing(
    sales, margin, expenses, household, instalment
):
    pnl = MonthlyProfitAndLoss(sales, None, margin, *expenses)
    family = Household(*household)
    sheet = AnalysisSheet(
        balance_sheet=SHOP,
        profit_and_loss=pnl,
        household=family,
        equity=EQUITY,
        sales_evidence=EVIDENCE,
        proposed_instalment=instalment,
    )
    surplus = sheet.monthly_surplus
    assert surplus == pnl.net_operating_profit + household[0] + household[1] - sum(household[2:])
    summary = sheet.summary(POLICY)
    assert summary.monthly_surplus == surplus
    if instalment is not None and surplus <= 0:
        assert summary.repayment_acceptable is False
        assert any("还款能力不足" in w for w in summary.warnings)


@given(st.decimals(min_value=D("-1000000"), max_value=D("1000000"), places=2), small_fen)
def test_capacity_is_acceptable_exactly_up_to_the_limit(surplus, instalment):
    if instalment == 0:
        return
    capacity = repayment_capacity(surplus, instalment, POLICY)
    assert capacity.acceptable == (surplus > 0 and instalment * 100 <= surplus * 70)
    if capacity.ratio_percent is not None:
        assert (capacity.ratio_percent <= 70) == capacity.acceptable


sections = st.fixed_dictionaries(
    {
        "balance_sheet": st.one_of(st.none(), st.builds(BalanceSheet, fen, fen, fen, fen)),
        "profit_and_loss": st.one_of(
            st.none(),
            st.builds(MonthlyProfitAndLoss, small_fen, st.none(), margins, small_fen),
            st.builds(MonthlyProfitAndLoss, small_fen, small_fen),
        ),
        "household": st.one_of(st.none(), st.builds(Household, small_fen, small_fen, small_fen)),
        "equity": st.one_of(
            st.none(),
            st.builds(
                EquityReconciliation,
                st.decimals(min_value=D("-999999.99"), max_value=D("999999.99"), places=2),
                st.integers(min_value=1, max_value=600),
                st.one_of(st.none(), small_fen),
            ),
        ),
        "sales_evidence": st.one_of(
            st.none(),
            st.builds(
                SalesEvidence,
                st.one_of(st.none(), small_fen),
                st.one_of(st.none(), small_fen),
                st.decimals(min_value=D("0.01"), max_value=D("100"), places=2),
            ),
        ),
        "proposed_instalment": st.one_of(st.none(), small_fen.filter(lambda v: v > 0)),
    }
)


@given(sections)
def test_any_sheet_round_trips_exactly(parts):
    sheet = AnalysisSheet(**parts)
    stored = json.loads(json.dumps(sheet.to_dict()))
    assert AnalysisSheet.from_dict(stored) == sheet
    assert AnalysisSheet.from_dict(stored).to_dict() == sheet.to_dict()
    sheet.summary(POLICY)  # every combination of filled and empty parts can be shown
