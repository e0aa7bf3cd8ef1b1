"""Amounts and rates as clerks really type them, and amounts in Chinese
capitals as contracts print them."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import ValidationError
from domain.money import (
    MAX_AMOUNT,
    amount_in_capitals,
    format_amount,
    parse_amount,
    parse_percent,
)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# ---------------------------------------------------------------------------
# parse_amount
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("100000", "100000.00"),
        ("1,000.50", "1000.50"),
        ("１００００", "10000.00"),  # full-width digits
        ("１，０００．５０", "1000.50"),  # full-width comma and point
        (" 5000 ", "5000.00"),
        ("\u30005000\u3000", "5000.00"),  # ideographic spaces
        ("1 000", "1000.00"),  # a space as thousands separator
        ("10万", "100000.00"),
        ("1.5万", "15000.00"),
        ("10万元", "100000.00"),
        ("10 万元", "100000.00"),
        ("0.85万", "8500.00"),
        ("1.23456万", "12345.60"),
        ("1,000万", "10000000.00"),
        ("5千", "5000.00"),  # accepted: unambiguous
        ("3百", "300.00"),
        ("1亿", "100000000.00"),
        ("10亿", "1000000000.00"),  # the largest amount accepted
        ("8530.99元", "8530.99"),
        ("¥8,530.99", "8530.99"),
        ("￥8,530.99", "8530.99"),  # the Chinese keyboard's yuan sign
        ("¥ 8530.99", "8530.99"),
        ("RMB 8530.99", "8530.99"),
        ("人民币10万元", "100000.00"),
        ("人民币100000元整", "100000.00"),
        ("1000。50", "1000.50"),  # Chinese input mode types 。 for the point
        ("5.", "5.00"),
        (".5", "0.50"),
        ("007000", "7000.00"),
        ("1000.500", "1000.50"),  # trailing zeros are not extra precision
        ("0.01", "0.01"),
    ],
)
def test_amount_as_typed_is_understood(typed, amount):
    assert parse_amount(typed) == Decimal(amount)
    assert str(parse_amount(typed)) == amount  # quantized to the fen


@pytest.mark.parametrize(
    ("typed", "key_words"),
    [
        ("", ["请输入金额"]),
        ("   ", ["请输入金额"]),
        (None, ["请输入金额"]),
        ("abc", ["金额只能包含数字"]),
        ("5000元abc", ["金额只能包含数字"]),
        ("1e5", ["金额只能包含数字"]),
        ("5k", ["金额只能包含数字"]),
        ("-5000", ["必须大于零", "负数"]),
        ("－5000", ["必须大于零", "负数"]),
        ("¥-5000", ["必须大于零", "负数"]),
        ("0", ["金额必须大于零"]),
        ("0.00", ["金额必须大于零"]),
        ("0万", ["金额必须大于零"]),
        ("1.234", ["最多精确到分", "两位小数"]),
        ("1.2345678万", ["最多精确到分"]),
        ("1000000000.01", ["过大", "10亿"]),
        ("10.1亿", ["过大"]),
        ("99999999999999999999999999999999", ["过大"]),
        ("1,00", ["千分位", "位置不对"]),
        ("1000,50", ["千分位"]),
        ("10 5", ["千分位"]),
        ("1..2", ["只能有一个小数点"]),
        ("1万5千", ["只能在末尾带一个单位"]),
        ("1万5", ["只能在末尾带一个单位"]),
        ("十万", ["阿拉伯数字"]),
        ("壹拾万元整", ["阿拉伯数字"]),
        ("万", ["金额只能包含数字"]),
        ("¥", ["金额只能包含数字"]),
    ],
)
def test_wrong_amount_says_what_to_fix(typed, key_words):
    with pytest.raises(ValidationError) as caught:
        parse_amount(typed)
    for words in key_words:
        assert words in str(caught.value)
    assert caught.value.field == "amount"


def test_amount_errors_name_the_callers_field_and_label():
    with pytest.raises(ValidationError) as caught:
        parse_amount("", field="monthly_income", label="月收入")
    assert (str(caught.value), caught.value.field) == ("请输入月收入", "monthly_income")


def test_tiny_fraction_beyond_decimal_precision_is_not_rounded_away():
    with pytest.raises(ValidationError, match="最多精确到分"):
        parse_amount("1." + "0" * 40 + "1万")


FEN_AMOUNTS = st.integers(min_value=1, max_value=int(MAX_AMOUNT * 100)).map(
    lambda fen: Decimal(fen) / 100
)


@given(FEN_AMOUNTS)
def test_printed_amounts_read_back(amount):
    assert parse_amount(format_amount(amount)) == amount
    assert parse_amount(full_width(str(amount)) + "元") == amount


@given(st.integers(min_value=1, max_value=100_000 * 100))
def test_amounts_in_wan_read_back(fen):
    amount = Decimal(fen) / 100
    wan = amount / 10000  # exact: at most six decimals
    assert parse_amount(f"{wan}万") == amount


# ---------------------------------------------------------------------------
# parse_percent
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "rate"),
    [
        ("4.35", "4.35"),
        ("4.35%", "4.35"),
        ("４.３５％", "4.35"),
        (" 4.35 % ", "4.35"),
        ("4。35", "4.35"),
        ("0", "0"),
        ("3.8125", "3.8125"),
        ("99.9999", "99.9999"),
    ],
)
def test_rate_as_typed_is_understood(typed, rate):
    assert parse_percent(typed) == Decimal(rate)


@pytest.mark.parametrize(
    ("typed", "key_words"),
    [
        ("", ["请输入年利率"]),
        ("-1", ["年利率不能为负数"]),
        ("100", ["应小于100%"]),
        ("435", ["应小于100%"]),
        ("4.12345", ["最多四位小数"]),
        ("abc", ["只能包含数字"]),
        ("四点三五", ["只能包含数字"]),
        ("1e1", ["只能包含数字"]),
    ],
)
def test_wrong_rate_says_what_to_fix(typed, key_words):
    with pytest.raises(ValidationError) as caught:
        parse_percent(typed, field="annual_rate", label="年利率")
    for words in key_words:
        assert words in str(caught.value)
    assert caught.value.field == "annual_rate"


@given(st.decimals(min_value=0, max_value=Decimal("99.9999"), places=4))
def test_rates_read_back(rate):
    assert parse_percent(f"{rate}%") == rate
    assert parse_percent(full_width(str(rate))) == rate


# ---------------------------------------------------------------------------
# amount_in_capitals
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "capitals"),
    [
        ("100000.00", "人民币壹拾万元整"),
        ("8530.99", "人民币捌仟伍佰叁拾元玖角玖分"),
        ("1005.00", "人民币壹仟零伍元整"),
        ("100000.05", "人民币壹拾万元零伍分"),
        ("0.50", "人民币伍角整"),
        ("1010.10", "人民币壹仟零壹拾元壹角整"),
        ("100010000.00", "人民币壹亿零壹万元整"),
        ("0.05", "人民币伍分"),
        ("0.01", "人民币壹分"),
        ("0.00", "人民币零元整"),
        ("10.00", "人民币壹拾元整"),
        ("15.00", "人民币壹拾伍元整"),
        # Examples of the PBOC rules for writing settlement documents:
        ("1680.32", "人民币壹仟陆佰捌拾元叁角贰分"),
        ("107000.53", "人民币壹拾万柒仟元伍角叁分"),
        ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "人民币叁佰贰拾伍元零肆分"),
        # Zeros across places and groups:
        ("1000001.00", "人民币壹佰万零壹元整"),
        ("101000.00", "人民币壹拾万壹仟元整"),
        ("100100.00", "人民币壹拾万零壹佰元整"),
        ("100000001.00", "人民币壹亿零壹元整"),
        ("100001000.00", "人民币壹亿零壹仟元整"),  # cn2an writes 壹亿壹仟 here
        ("1000000000.00", "人民币壹拾亿元整"),
        ("999999999.99", "人民币玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_amount_in_capitals(amount, capitals):
    assert amount_in_capitals(Decimal(amount)) == capitals


def test_capitals_accept_int_and_str():
    assert amount_in_capitals(100000) == "人民币壹拾万元整"
    assert amount_in_capitals("8530.99") == "人民币捌仟伍佰叁拾元玖角玖分"


@pytest.mark.parametrize(
    ("amount", "key_words"),
    [
        (Decimal("-1.00"), "负数"),
        (Decimal("1.005"), "两位小数"),
        (Decimal("1E+12"), "过大"),
        (Decimal("NaN"), "不是有效数字"),
        (Decimal("Infinity"), "不是有效数字"),
    ],
)
def test_capitals_refuse_what_cannot_be_written(amount, key_words):
    with pytest.raises(ValueError, match=key_words):
        amount_in_capitals(amount)


CAPITAL_AMOUNTS = st.one_of(
    st.integers(min_value=1, max_value=99_999_999_999),
    # Sparse figures exercise the zero rules: 100010000.05 and the like.
    st.lists(st.sampled_from("0000001"), min_size=1, max_size=11).map(
        lambda digits: int("".join(digits)) or 1
    ),
).map(lambda fen: Decimal(fen) / 100)


def read_capitals(capitals: str) -> Decimal:
    """Read capitals back to an amount, with cn2an for the yuan part."""
    body = capitals.removeprefix("人民币").removesuffix("整")
    yuan, _, fraction = body.rpartition("元")
    amount = Decimal(cn2an.cn2an(yuan, "strict")) if yuan else Decimal(0)
    digits = "零壹贰叁肆伍陆柒捌玖"
    for place, worth in (("角", Decimal("0.1")), ("分", Decimal("0.01"))):
        at = fraction.find(place)
        if at > 0:
            amount += digits.index(fraction[at - 1]) * worth
    return amount


@given(CAPITAL_AMOUNTS)
def test_capitals_are_well_formed_and_read_back(amount):
    capitals = amount_in_capitals(amount)
    assert capitals.startswith("人民币")
    assert not capitals.endswith("分整")
    has_fen = amount * 100 % 10 != 0
    assert capitals.endswith("分") == has_fen
    assert capitals.endswith("整") != has_fen
    assert "零零" not in capitals
    assert not capitals.removeprefix("人民币").startswith("零")
    assert read_capitals(capitals) == amount


@given(CAPITAL_AMOUNTS.filter(lambda amount: amount < 100_000_000))
def test_capitals_agree_with_cn2an_below_one_yi(amount):
    # cn2an leaves out 整 after 角, and above one yi drops the 零 for an empty
    # wan group (壹亿壹仟), so the comparison stops there.
    theirs = "人民币" + cn2an.an2cn(str(amount), "rmb")
    if theirs.endswith("角"):
        theirs += "整"
    assert amount_in_capitals(amount) == theirs


# ---------------------------------------------------------------------------
# Every validator survives arbitrary text
# ---------------------------------------------------------------------------

NEAR_MISSES = st.text(alphabet="0123456789０１,.。，% -－¥￥元万千亿百整人民币eE十壹\u3000")


@pytest.mark.parametrize("validator", [parse_amount, parse_percent])
@given(text=st.one_of(st.text(), NEAR_MISSES))
def test_validators_raise_only_validation_errors(validator, text):
    try:
        result = validator(text)
    except ValidationError as error:
        assert str(error)
        return
    assert isinstance(result, Decimal)


@given(st.one_of(st.text(), NEAR_MISSES))
def test_accepted_amounts_are_in_range_and_in_fen(text):
    try:
        amount = parse_amount(text)
    except ValidationError:
        return
    assert Decimal("0.01") <= amount <= MAX_AMOUNT
    assert amount == amount.quantize(Decimal("0.01"))
    assert amount_in_capitals(amount).startswith("人民币")
