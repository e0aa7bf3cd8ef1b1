"""Products: the default catalogue, setting validation and eligibility rules."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from domain.errors import DomainError, NotFound, ValidationError
from domain.products import (
    EligibilityRequest,
    GroupSize,
    GuaranteeType,
    NotEligible,
    Product,
    Rule,
    check_eligibility,
    default_catalogue,
    ensure_eligible,
    find_product,
    product_problems,
    validate_product,
)
from domain.schedule import RepaymentMethod


def product(code: str) -> Product:
    return find_product(default_catalogue(), code)


def request(**changes: object) -> EligibilityRequest:
    """A request the micro-loan product accepts; tests change one thing at a time."""
    values: dict[str, object] = {
        "amount": Decimal("80000.00"),
        "months": 12,
        "months_in_business": 24,
        "guarantee_type": GuaranteeType.NATURAL_PERSON,
        "repayment_method": RepaymentMethod.EQUAL_INSTALLMENT,
    }
    values.update(changes)
    return EligibilityRequest(**values)


def only_breach(prod: Product, req: EligibilityRequest):
    breaches = check_eligibility(prod, req)
    assert len(breaches) == 1, breaches
    return breaches[0]


# --- catalogue ---------------------------------------------------------------


def test_default_catalogue_has_the_six_products():
    names = {p.code: p.name for p in default_catalogue()}
    assert names == {
        "micro": "小微贷款",
        "quick-mortgage": "快速抵押贷款",
        "trade-chain": "商贸链贷款",
        "guarantee-company": "担保公司担保贷款",
        "personal-guarantee": "自然人保证贷款",
        "joint-group": "联保贷款",
    }


@pytest.mark.parametrize("prod", default_catalogue(), ids=lambda p: p.code)
def test_every_default_product_is_coherent(prod):
    validate_product(prod)
    assert product_problems(prod) == []
    assert prod.active and prod.version == 0


def test_micro_loan_defaults_follow_the_source_documents():
    micro = product("micro")
    assert (micro.min_amount, micro.max_amount) == (Decimal("5000.00"), Decimal("500000.00"))
    assert (micro.min_months, micro.max_months) == (3, 24)
    assert micro.guarantee_types == {GuaranteeType.NATURAL_PERSON}
    assert micro.repayment_methods == set(RepaymentMethod)
    assert not micro.requires_collateral and micro.max_loan_to_value is None
    assert micro.min_months_in_business == 3
    assert micro.higher_amount_threshold == Decimal("100000")
    assert micro.min_months_in_business_above_threshold == 12
    assert micro.penalty_uplift == Decimal("0.50")
    assert micro.misuse_penalty_uplift == Decimal("1.00")


def test_siblings_carry_their_specific_settings():
    assert product("quick-mortgage").max_loan_to_value == Decimal("0.70")
    assert product("quick-mortgage").requires_collateral
    assert product("joint-group").group_size == GroupSize(3, 5)
    assert product("personal-guarantee").max_amount == Decimal("500000.00")


def test_find_product_reports_an_unknown_code():
    with pytest.raises(NotFound, match="car-loan"):
        find_product(default_catalogue(), "car-loan")


def test_guarantee_type_labels():
    assert [g.label for g in GuaranteeType] == [
        "自然人保证",
        "担保公司保证",
        "联保",
        "抵押",
        "信用",
    ]


def test_product_normalises_stored_values():
    micro = product("micro")
    stored = micro.replace(
        guarantee_types=["natural-person"],
        repayment_methods=["cash-flow"],
        min_amount="5000.00",
        group_size=None,
    )
    assert stored.guarantee_types == frozenset({GuaranteeType.NATURAL_PERSON})
    assert stored.repayment_methods == frozenset({RepaymentMethod.CASH_FLOW})
    assert stored.min_amount == Decimal("5000.00")
    assert micro.repayment_methods == frozenset(RepaymentMethod)  # original untouched
    group = product("joint-group").replace(group_size=(3, 4))
    assert group.group_size == GroupSize(3, 4)


def test_product_refuses_floats():
    with pytest.raises(TypeError, match="浮点数"):
        product("micro").replace(max_amount=500000.0)


# --- validate_product ----------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        (
            {"min_amount": Decimal("600000.00")},
            "max_amount",
            "金额上限 500,000.00 元低于下限 600,000.00 元，相差 100,000.00 元",
        ),
        ({"min_amount": Decimal("0")}, "min_amount", "金额下限须大于零"),
        ({"max_amount": Decimal("500000.005")}, "max_amount", "超过两位小数"),
        ({"min_months": 30}, "max_months", "期限上限 24 个月低于下限 30 个月，相差 6 个月"),
        ({"min_months": 0}, "min_months", "期限下限须至少 1 个月"),
        ({"min_months_in_business": -1}, "min_months_in_business", "不能为负数"),
        (
            {"min_months_in_business_above_threshold": 2},
            "min_months_in_business_above_threshold",
            "经营时间要求 2 个月低于基本要求 3 个月，相差 1 个月",
        ),
        (
            {"penalty_uplift": Decimal("0.60")},
            "penalty_uplift",
            "逾期罚息上浮比例须在 30.00% 至 50.00% 之间，目前 60.00%，超出 10.00 个百分点",
        ),
        (
            {"penalty_uplift": Decimal("0.25")},
            "penalty_uplift",
            "目前 25.00%，还差 5.00 个百分点",
        ),
        (
            {"misuse_penalty_uplift": Decimal("0.40")},
            "misuse_penalty_uplift",
            "挪用罚息上浮比例须在 50.00% 至 100.00% 之间，目前 40.00%，还差 10.00 个百分点",
        ),
        (
            {"misuse_penalty_uplift": Decimal("1.20")},
            "misuse_penalty_uplift",
            "超出 20.00 个百分点",
        ),
        ({"guarantee_types": frozenset()}, "guarantee_types", "至少须选择一种担保方式"),
        ({"repayment_methods": frozenset()}, "repayment_methods", "至少须选择一种还款方式"),
        ({"code": "Micro Loan"}, "code", "产品代码“Micro Loan”无效"),
        ({"name": "  "}, "name", "产品名称不能为空"),
        ({"max_loan_to_value": Decimal("0.70")}, "max_loan_to_value", "不接受抵押"),
        ({"group_size": GroupSize(3, 5)}, "group_size", "不接受联保"),
        ({"version": -1}, "version", "版本号"),
    ],
)
def test_incoherent_micro_settings_are_refused(changes, field, text):
    with pytest.raises(ValidationError, match=re.escape(text)) as caught:
        validate_product(product("micro").replace(**changes))
    assert caught.value.field == field


def test_collateral_product_needs_a_loan_to_value_limit():
    with pytest.raises(ValidationError, match="须设置抵押率上限") as caught:
        validate_product(product("quick-mortgage").replace(max_loan_to_value=None))
    assert caught.value.field == "max_loan_to_value"


@pytest.mark.parametrize("ltv", ["0", "1.10"])
def test_loan_to_value_limit_must_be_a_ratio(ltv):
    with pytest.raises(ValidationError, match=re.escape("抵押率上限须大于 0%")):
        validate_product(product("quick-mortgage").replace(max_loan_to_value=Decimal(ltv)))


def test_required_collateral_must_be_an_accepted_guarantee():
    broken = product("quick-mortgage").replace(
        guarantee_types=frozenset({GuaranteeType.NATURAL_PERSON})
    )
    with pytest.raises(ValidationError, match="担保方式中须包含“抵押”"):
        validate_product(broken)


@pytest.mark.parametrize("size", [GroupSize(2, 5), GroupSize(3, 6), GroupSize(5, 3)])
def test_group_size_must_stay_within_three_to_five(size):
    with pytest.raises(ValidationError, match=re.escape(f"目前设置 {size.label}")) as caught:
        validate_product(product("joint-group").replace(group_size=size))
    assert caught.value.field == "group_size"


def test_group_product_needs_a_group_size():
    with pytest.raises(ValidationError, match="须设置小组户数"):
        validate_product(product("joint-group").replace(group_size=None))


def test_product_problems_lists_every_problem():
    broken = product("micro").replace(min_months=30, penalty_uplift=Decimal("0.9"), name="")
    assert [p.field for p in product_problems(broken)] == [
        "name",
        "max_months",
        "penalty_uplift",
    ]


def test_threshold_rule_can_be_switched_off():
    relaxed = product("micro").replace(
        higher_amount_threshold=None, min_months_in_business_above_threshold=0
    )
    validate_product(relaxed)
    assert check_eligibility(relaxed, request(amount=Decimal("400000"), months_in_business=4)) == []


# --- eligibility ---------------------------------------------------------------


def test_an_ordinary_micro_request_is_eligible():
    assert check_eligibility(product("micro"), request()) == []
    ensure_eligible(product("micro"), request())


def test_amount_above_maximum_says_by_how_much():
    breach = only_breach(product("micro"), request(amount=Decimal("600000")))
    assert breach.rule == Rule.AMOUNT_MAX and breach.field == "amount"
    assert breach.message == "金额 600,000.00 元超过本产品上限 500,000.00 元，超出 100,000.00 元"


def test_amount_below_minimum_says_by_how_much():
    breach = only_breach(product("micro"), request(amount=Decimal("3000.50")))
    assert breach.rule == Rule.AMOUNT_MIN
    assert breach.message == "金额 3,000.50 元低于本产品下限 5,000.00 元，还差 1,999.50 元"


@pytest.mark.parametrize("amount", ["5000.00", "500000.00"])
def test_amount_limits_are_inclusive(amount):
    assert check_eligibility(product("micro"), request(amount=Decimal(amount))) == []


def test_amount_must_be_in_whole_fen():
    breach = only_breach(product("micro"), request(amount=Decimal("80000.005")))
    assert breach.rule == Rule.AMOUNT_PRECISION


def test_term_above_maximum():
    breach = only_breach(product("micro"), request(months=30))
    assert breach.rule == Rule.TERM_MAX and breach.field == "months"
    assert breach.message == "期限 30 个月超过本产品上限 24 个月，超出 6 个月"


def test_term_below_minimum():
    breach = only_breach(product("micro"), request(months=2))
    assert breach.message == "期限 2 个月低于本产品下限 3 个月，还差 1 个月"


@pytest.mark.parametrize("months", [3, 24])
def test_term_limits_are_inclusive(months):
    assert check_eligibility(product("micro"), request(months=months)) == []


def test_basic_months_in_business():
    breach = only_breach(product("micro"), request(months_in_business=2))
    assert breach.rule == Rule.MONTHS_IN_BUSINESS and breach.field == "months_in_business"
    assert breach.message == "经营时间须满 3 个月，目前 2 个月，还差 1 个月"
    assert check_eligibility(product("micro"), request(months_in_business=3)) == []


def test_exactly_the_threshold_needs_only_the_basic_months():
    req = request(amount=Decimal("100000.00"), months_in_business=3)
    assert check_eligibility(product("micro"), req) == []


def test_one_fen_above_the_threshold_needs_twelve_months():
    req = request(amount=Decimal("100000.01"), months_in_business=8)
    breach = only_breach(product("micro"), req)
    assert breach.rule == Rule.MONTHS_IN_BUSINESS_ABOVE_THRESHOLD
    assert (
        breach.message
        == "贷款金额超过 100,000.00 元时，经营时间须满 12 个月，目前 8 个月，还差 4 个月"
    )
    assert (
        check_eligibility(
            product("micro"), request(amount=Decimal("100000.01"), months_in_business=12)
        )
        == []
    )


def test_only_the_applicable_business_age_rule_is_reported():
    breaches = check_eligibility(
        product("micro"), request(amount=Decimal("200000"), months_in_business=1)
    )
    assert [b.rule for b in breaches] == [Rule.MONTHS_IN_BUSINESS_ABOVE_THRESHOLD]
    assert "还差 11 个月" in breaches[0].message


def test_guarantee_type_not_accepted():
    breach = only_breach(product("micro"), request(guarantee_type=GuaranteeType.CREDIT))
    assert breach.rule == Rule.GUARANTEE_TYPE and breach.field == "guarantee_type"
    assert breach.message.startswith("本产品不接受担保方式：信用")
    assert "可选：自然人保证" in breach.message


def test_repayment_method_not_supported():
    req = request(repayment_method=RepaymentMethod.EQUAL_INSTALLMENT, months=6)
    breach = only_breach(product("trade-chain"), req)
    assert breach.rule == Rule.REPAYMENT_METHOD
    assert breach.message == (
        "本产品不支持还款方式：等额本息（可选：按月付息到期还本、按季付息到期还本、按现金流约定还本）"
    )


def test_inactive_product():
    retired = product("micro").replace(active=False)
    breach = only_breach(retired, request())
    assert breach.rule == Rule.PRODUCT_ACTIVE and breach.field == "product"
    assert "已停用" in breach.message and "小微贷款" in breach.message


def mortgage_request(amount: str, appraised: str | None) -> EligibilityRequest:
    return request(
        amount=Decimal(amount),
        guarantee_type=GuaranteeType.COLLATERAL,
        collateral_appraised_value=None if appraised is None else Decimal(appraised),
    )


def test_loan_to_value_above_limit_says_by_how_much():
    breach = only_breach(product("quick-mortgage"), mortgage_request("595000", "700000"))
    assert breach.rule == Rule.LOAN_TO_VALUE
    assert breach.message.startswith("抵押率 85.00% 超过上限 70.00%")
    assert "最多可贷 490,000.00 元，超出 105,000.00 元" in breach.message


def test_loan_to_value_exactly_at_limit_is_accepted():
    assert check_eligibility(product("quick-mortgage"), mortgage_request("490000", "700000")) == []


def test_loan_to_value_just_over_limit_never_reads_as_equal():
    breach = only_breach(product("quick-mortgage"), mortgage_request("490000.01", "700000"))
    assert "抵押率 70.01% 超过上限 70.00%" in breach.message
    assert "超出 0.01 元" in breach.message


@pytest.mark.parametrize("appraised", [None, "0"])
def test_collateral_product_needs_an_appraised_value(appraised):
    breach = only_breach(product("quick-mortgage"), mortgage_request("100000", appraised))
    assert breach.rule == Rule.COLLATERAL_REQUIRED
    assert breach.field == "collateral_appraised_value"


def test_has_collateral_means_an_appraised_value():
    assert mortgage_request("100000", "300000").has_collateral
    assert not mortgage_request("100000", None).has_collateral


def group_request(households: int | None) -> EligibilityRequest:
    return request(guarantee_type=GuaranteeType.JOINT_GROUP, group_size=households)


@pytest.mark.parametrize(
    ("households", "detail"),
    [(2, "目前 2 户，还差 1 户"), (6, "目前 6 户，多出 1 户"), (None, "目前未填写户数")],
)
def test_group_size_outside_three_to_five(households, detail):
    breach = only_breach(product("joint-group"), group_request(households))
    assert breach.rule == Rule.GROUP_SIZE and breach.field == "group_size"
    assert breach.message == f"联保小组须 3 至 5 户，{detail}"


@pytest.mark.parametrize("households", [3, 4, 5])
def test_group_of_three_to_five_is_accepted(households):
    assert check_eligibility(product("joint-group"), group_request(households)) == []


def test_all_breaches_are_reported_in_form_order():
    req = request(
        amount=Decimal("600000"),
        months=30,
        months_in_business=1,
        guarantee_type=GuaranteeType.CREDIT,
        repayment_method=RepaymentMethod.CASH_FLOW,
    )
    fields = [b.field for b in check_eligibility(product("micro").replace(active=False), req)]
    assert fields == ["product", "amount", "months", "months_in_business", "guarantee_type"]


def test_ensure_eligible_joins_the_reasons():
    req = request(amount=Decimal("600000"), months=30)
    with pytest.raises(NotEligible) as caught:
        ensure_eligible(product("micro"), req)
    assert isinstance(caught.value, DomainError)
    assert len(caught.value.breaches) == 2
    message = str(caught.value)
    assert message.startswith("不符合“小微贷款”的准入条件：")
    assert "超出 100,000.00 元" in message and "超出 6 个月" in message
