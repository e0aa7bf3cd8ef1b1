"""Pricing: LPR in force on a date, spreads by product and grade, the printed description."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from domain.errors import DomainError, ValidationError
from domain.pricing import (
    BaseRate,
    LprTenor,
    Pricing,
    RiskGrade,
    SpreadTable,
    base_rate_in_force,
    base_rate_on,
    default_base_rates,
    default_spreads,
    format_percent,
    lpr_tenor,
    price,
    validate_base_rate,
    validate_base_rate_history,
    validate_spread,
)
from domain.products import default_catalogue

HISTORY = [
    BaseRate(date(2024, 10, 21), Decimal("3.10"), Decimal("3.60")),
    BaseRate(date(2025, 5, 20), Decimal("3.00"), Decimal("3.50")),
]


# --- the rate in force -----------------------------------------------------------


def test_rate_in_force_on_the_effective_date():
    assert base_rate_on(HISTORY, date(2025, 5, 20), 12) == Decimal("3.00")


def test_previous_rate_in_force_the_day_before():
    assert base_rate_on(HISTORY, date(2025, 5, 19), 12) == Decimal("3.10")


def test_history_order_does_not_matter():
    assert base_rate_on(list(reversed(HISTORY)), date(2025, 6, 1), 12) == Decimal("3.00")


def test_sixty_months_uses_one_year_lpr_and_sixty_one_the_five_year():
    assert base_rate_on(HISTORY, date(2025, 6, 1), 60) == Decimal("3.00")
    assert base_rate_on(HISTORY, date(2025, 6, 1), 61) == Decimal("3.50")
    assert lpr_tenor(60) is LprTenor.ONE_YEAR and lpr_tenor(61) is LprTenor.FIVE_YEAR


def test_no_rate_before_the_first_quotation_says_how_far_off():
    with pytest.raises(DomainError, match="2024-10-20 没有生效的 LPR 基准利率") as caught:
        base_rate_on(HISTORY, date(2024, 10, 20), 12)
    assert "2024-10-21 起生效，晚了 1 天" in str(caught.value)


def test_empty_history_is_a_clear_error():
    with pytest.raises(DomainError, match="尚未录入 LPR 基准利率"):
        base_rate_in_force([], date(2025, 1, 1))


def test_term_must_be_at_least_a_month():
    with pytest.raises(ValidationError, match="目前 0 个月"):
        base_rate_on(HISTORY, date(2025, 6, 1), 0)


def test_default_history_is_seeded_and_valid():
    rates = default_base_rates()
    validate_base_rate_history(rates)
    assert base_rate_in_force(rates, date(2025, 5, 20)) == HISTORY[1]
    assert base_rate_in_force(rates, date(2025, 5, 19)) == HISTORY[0]


# --- spreads --------------------------------------------------------------------


def test_grade_labels():
    assert [g.label for g in RiskGrade] == ["优", "良", "中", "差"]


def test_default_micro_spreads():
    spreads = default_spreads()
    assert [spreads.spread_for("micro", g) for g in RiskGrade] == [
        Decimal("1.00"),
        Decimal("1.50"),
        Decimal("2.00"),
        Decimal("3.00"),
    ]


def test_every_default_product_has_a_valid_spread_for_every_grade():
    spreads = default_spreads()
    for product in default_catalogue():
        for grade in RiskGrade:
            validate_spread(spreads.spread_for(product.code, grade))


def test_missing_spread_is_a_clear_error():
    with pytest.raises(DomainError, match="产品“car-loan”风险等级 B（良）未设置风险加点"):
        default_spreads().spread_for("car-loan", RiskGrade.B)


def test_with_spread_returns_a_new_table():
    table = default_spreads()
    changed = table.with_spread("micro", RiskGrade.A, Decimal("0.80"))
    assert changed.spread_for("micro", RiskGrade.A) == Decimal("0.80")
    assert table.spread_for("micro", RiskGrade.A) == Decimal("1.00")


def test_with_spread_validates():
    with pytest.raises(ValidationError, match="风险加点不能为负数"):
        default_spreads().with_spread("micro", RiskGrade.A, Decimal("-0.10"))


def test_spread_table_accepts_stored_rows_and_lists_them_back():
    table = SpreadTable({("micro", "A"): Decimal("1.00"), ("joint-group", "D"): Decimal("3.50")})
    assert list(table.entries()) == [
        ("joint-group", RiskGrade.D, Decimal("3.50")),
        ("micro", RiskGrade.A, Decimal("1.00")),
    ]


def test_spread_table_is_not_changed_by_its_source():
    source = {("micro", RiskGrade.A): Decimal("1.00")}
    table = SpreadTable(source)
    source[("micro", RiskGrade.A)] = Decimal("9.00")
    assert table.spread_for("micro", RiskGrade.A) == Decimal("1.00")


# --- validation of edited settings ----------------------------------------------


@pytest.mark.parametrize(
    ("rate", "field", "text"),
    [
        (
            BaseRate(date(2025, 1, 1), Decimal("-0.10"), Decimal("3.50")),
            "one_year_lpr",
            "不能为负数",
        ),
        (
            BaseRate(date(2025, 1, 1), Decimal("3.00"), Decimal("40")),
            "five_year_lpr",
            "5年期以上LPR 40.00% 须低于 36.00%，超出 4.00 个百分点",
        ),
        (BaseRate(date(2025, 1, 1), Decimal("36"), Decimal("3.50")), "one_year_lpr", "须低于"),
        (
            BaseRate(date(2025, 1, 1), Decimal("3.000001"), Decimal("3.5")),
            "one_year_lpr",
            "四位小数",
        ),
        (BaseRate(date(2025, 1, 1), Decimal("NaN"), Decimal("3.5")), "one_year_lpr", "须为数字"),
    ],
)
def test_incoherent_base_rates_are_refused(rate, field, text):
    with pytest.raises(ValidationError, match=re.escape(text)) as caught:
        validate_base_rate(rate)
    assert caught.value.field == field


def test_zero_is_an_acceptable_rate_setting():
    validate_base_rate(BaseRate(date(2025, 1, 1), Decimal("0"), Decimal("0")))
    validate_spread(Decimal("0"))


def test_spread_at_ceiling_is_refused():
    with pytest.raises(ValidationError, match=re.escape("风险加点 36.00% 须低于 36.00%")) as caught:
        validate_spread(Decimal("36"))
    assert caught.value.field == "spread"


def test_two_quotations_on_one_day_are_refused():
    with pytest.raises(ValidationError, match="2025-05-20 已有一条 LPR 报价"):
        validate_base_rate_history([*HISTORY, HISTORY[1]])


# --- price ------------------------------------------------------------------------


def test_price_adds_spread_to_lpr_in_force():
    pricing = price("micro", RiskGrade.B, date(2025, 6, 1), 12, HISTORY, default_spreads())
    assert pricing == Pricing(
        Decimal("3.00"), Decimal("1.50"), Decimal("4.50"), date(2025, 5, 20), LprTenor.ONE_YEAR
    )
    assert pricing.description == "1年期LPR(2025-05-20) 3.00% + 风险加点 1.50% = 4.50%"


def test_price_on_the_day_before_a_change_uses_the_old_lpr():
    pricing = price("micro", RiskGrade.A, date(2025, 5, 19), 12, HISTORY, default_spreads())
    assert pricing.annual_rate == Decimal("4.10")
    assert pricing.base_rate_effective_date == date(2024, 10, 21)


def test_long_loans_are_priced_on_the_five_year_lpr():
    pricing = price("quick-mortgage", RiskGrade.A, date(2025, 6, 1), 72, HISTORY, default_spreads())
    assert pricing.annual_rate == Decimal("4.00")
    assert pricing.description == "5年期以上LPR(2025-05-20) 3.50% + 风险加点 0.50% = 4.00%"


def test_price_refuses_a_rate_at_the_ceiling():
    spreads = SpreadTable({("micro", RiskGrade.D): Decimal("33.50")})
    with pytest.raises(
        DomainError, match=re.escape("年利率 36.50% 须低于 36.00%，超出 0.50 个百分点")
    ):
        price("micro", RiskGrade.D, date(2025, 6, 1), 12, HISTORY, spreads)


@pytest.mark.parametrize(
    ("value", "shown"),
    [("3", "3.00%"), ("4.35", "4.35%"), ("3.125", "3.125%"), ("3.1000", "3.10%"), ("10", "10.00%")],
)
def test_format_percent_never_hides_a_decimal(value, shown):
    assert format_percent(Decimal(value)) == shown
