"""Identity numbers as clerks really type them: what can be understood is
understood, what is wrong gets a message that says what to fix."""

from __future__ import annotations

from datetime import date

import pytest
import stdnum.cn.ric
import stdnum.cn.uscc
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import ValidationError
from domain.identity import (
    ResidentId,
    id_check_digit,
    mask_id_number,
    parse_mobile,
    parse_resident_id,
    parse_uscc,
    uscc_check_char,
)
from domain.text import compact_code, normalize_input

TODAY = date(2025, 6, 1)

# ---------------------------------------------------------------------------
# Helpers that build valid numbers independently of the code under test
# ---------------------------------------------------------------------------


def resident_id(first_17: str) -> str:
    """``first_17`` completed with its GB 11643 check digit: weights 2^(17−i)
    mod 11, check = (12 − sum mod 11) mod 11, 10 written X."""
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first_17))
    check = (12 - total % 11) % 11
    return first_17 + ("X" if check == 10 else str(check))


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(first_17: str) -> str:
    """``first_17`` completed with its GB 32100 check character."""
    total = sum(USCC_CHARS.index(c) * pow(3, i, 31) for i, c in enumerate(first_17))
    return first_17 + USCC_CHARS[(31 - total % 31) % 31]


BEIJING = resident_id("11010119900307123")  # 北京市东城区, 1990-03-07, man
NANJING = resident_id("32010219850515002")  # 江苏省南京市玄武区, 1985-05-15, woman
UNKNOWN_REGION = resident_id("99010119900101001")  # not in the known list
WITH_X = next(
    n for n in (resident_id(f"11010119800101{i:03d}") for i in range(1000)) if n.endswith("X")
)


def test_helper_agrees_with_stdnum():
    assert stdnum.cn.ric.validate(BEIJING) == BEIJING
    assert stdnum.cn.ric.validate(NANJING) == NANJING
    assert stdnum.cn.ric.validate(WITH_X) == WITH_X
    assert stdnum.cn.uscc.validate("91110000600037341L") == uscc("91110000600037341")


# ---------------------------------------------------------------------------
# normalize_input: the first step of every validator
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("１２３ＡＢＣｘ", "123ABCx"),  # full-width digits and letters
        ("\u3000张三\u3000", "张三"),  # ideographic spaces around a name
        ("南京市  玄武区\t中山路", "南京市 玄武区 中山路"),  # runs of spaces collapse
        ("１，０００．５０", "1,000.50"),  # full-width punctuation
        ("13800\u200b138000\ufeff", "13800138000"),  # zero-width characters from a paste
        ("a\x00b", "ab"),  # NUL, which PostgreSQL refuses
        ("10²", "10²"),  # NFKC would make this 102
        ("①号楼", "①号楼"),  # NFKC would make this 1号楼
        ("\uf900", "\uf900"),  # a compatibility ideograph stays as typed
        ("", ""),
        (None, ""),
    ],
)
def test_normalize_input(typed, expected):
    assert normalize_input(typed) == expected


def test_normalize_input_can_keep_inner_spacing():
    assert normalize_input("  第一行\n第二行  ", collapse_spaces=False) == "第一行\n第二行"


def test_compact_code_drops_group_separators():
    assert compact_code("３２０１ ０２１９—８５０５-x") == "320102198505X"


@given(st.text())
def test_normalize_input_is_idempotent(text):
    once = normalize_input(text)
    assert normalize_input(once) == once
    assert once == once.strip()


# ---------------------------------------------------------------------------
# Resident ID
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        (BEIJING, BEIJING),
        (NANJING, NANJING),
        (WITH_X.lower(), WITH_X),  # lowercase x
        (WITH_X[:-1] + "ｘ", WITH_X),  # full-width lowercase x
        ("".join(chr(ord(c) + 0xFEE0) for c in BEIJING), BEIJING),  # full-width digits
        (f"{BEIJING[:6]} {BEIJING[6:14]} {BEIJING[14:]}", BEIJING),  # grouped with spaces
        (f"{BEIJING[:6]}-{BEIJING[6:14]}-{BEIJING[14:]}", BEIJING),  # grouped with hyphens
        (f"\u3000{BEIJING}\u3000", BEIJING),  # ideographic spaces around
    ],
)
def test_resident_id_as_typed_is_understood(typed, number):
    assert parse_resident_id(typed, today=TODAY).number == number


def test_resident_id_tells_birth_date_gender_and_region():
    man = parse_resident_id(BEIJING, today=TODAY)
    assert (man.birth_date, man.gender, man.region_code) == (date(1990, 3, 7), "男", "110101")
    assert man.warnings == ()
    woman = parse_resident_id(NANJING, today=TODAY)
    assert (woman.birth_date, woman.gender, woman.region_code) == (
        date(1985, 5, 15),
        "女",
        "320102",
    )


@pytest.mark.parametrize(
    ("typed", "key_words"),
    [
        ("", ["请输入身份证号码"]),
        ("   ", ["请输入身份证号码"]),
        (BEIJING[:17], ["应为18位", "输入了17位"]),
        (BEIJING + "1", ["应为18位", "输入了19位"]),
        ("110101900307123", ["应为18位", "15位", "第二代"]),
        (
            BEIJING[:-1] + ("1" if BEIJING[-1] != "1" else "2"),
            ["校验位不符", f"应为 {BEIJING[-1]}"],
        ),
        (BEIJING[:5] + "X" + BEIJING[6:], ["只有最后一位可以是 X", "第 6 位"]),
        ("张三", ["只能包含数字", "“张”"]),
        (BEIJING[:10] + "O" + BEIJING[11:], ["只能包含数字", "第 11 位", "“O”"]),
        (resident_id("11010120250231001"), ["出生日期 20250231 不是有效日期"]),
        (resident_id("11010119901301001"), ["出生日期 19901301 不是有效日期"]),
        (resident_id("11010118991231001"), ["出生日期 18991231", "早于1900年"]),
        (resident_id("11010120250602001"), ["出生日期 20250602", "晚于今天"]),
    ],
)
def test_wrong_resident_id_says_what_to_fix(typed, key_words):
    with pytest.raises(ValidationError) as caught:
        parse_resident_id(typed, today=TODAY)
    for words in key_words:
        assert words in str(caught.value)
    assert caught.value.field == "id_number"


def test_resident_id_error_belongs_to_the_callers_field():
    with pytest.raises(ValidationError) as caught:
        parse_resident_id("123", field="spouse_id_number")
    assert caught.value.field == "spouse_id_number"


def test_born_today_is_accepted():
    number = resident_id("11010120250601001")
    assert parse_resident_id(number, today=TODAY).birth_date == TODAY


def test_unknown_region_code_is_accepted_with_a_warning():
    with pytest.raises(stdnum.cn.ric.ValidationError):
        stdnum.cn.ric.validate(UNKNOWN_REGION)  # the reason for the warning path
    parsed = parse_resident_id(UNKNOWN_REGION, today=TODAY)
    assert parsed.number == UNKNOWN_REGION
    assert parsed.warnings == ("地区代码 990101 不在已知列表中，请核对证件",)


def test_region_code_newer_than_the_holder_is_fine():
    # 320102 dates from 1983; people born before got it when cards were issued.
    born_1970 = resident_id("32010219700101001")
    with pytest.raises(stdnum.cn.ric.ValidationError):
        stdnum.cn.ric.validate(born_1970)
    assert parse_resident_id(born_1970, today=TODAY).warnings == ()


def test_region_code_abolished_before_birth_warns():
    # 330103 (杭州市下城区) was abolished in 2021.
    born_2022 = resident_id("33010320220101001")
    assert parse_resident_id(born_2022, today=TODAY).warnings == (
        "地区代码 330103 在出生年份 2022 年之前已撤销，请核对证件",
    )
    assert parse_resident_id(resident_id("33010319900101001"), today=TODAY).warnings == ()


def test_resident_id_is_masked_for_screens_and_logs():
    parsed = parse_resident_id(BEIJING, today=TODAY)
    assert parsed.masked == "1101**********1233"
    assert len(parsed.masked) == 18
    assert BEIJING not in repr(parsed)
    assert "1990" not in repr(parsed)


@pytest.mark.parametrize(
    ("stored", "masked"),
    [
        ("32010219850515123X", "3201**********123X"),
        ("3201 0219 8505 1512 3x", "3201**********123X"),
        ("110101900307123", "110*********123"),  # old 15-digit number
        ("12345678", "12****78"),
        ("123", "***"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(stored, masked):
    assert mask_id_number(stored) == masked


@given(st.text().filter(lambda text: "*" not in text))
def test_mask_never_reveals_more_than_eight_characters(text):
    plain = compact_code(text)
    masked = mask_id_number(text)
    assert len(masked) == len(plain)
    assert sum(c != "*" for c in masked) <= 8
    assert sum(c != "*" for c in masked) <= len(plain) // 2


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_digit_agrees_with_stdnum(first_17):
    assert id_check_digit(first_17) == stdnum.cn.ric.calc_check_digit(first_17 + "0")


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.integers(min_value=0, max_value=999),
    st.sampled_from(["110101", "320102", "440106", "510104", "650102"]),
)
def test_every_well_formed_resident_id_is_accepted(born, sequence, region):
    number = resident_id(f"{region}{born:%Y%m%d}{sequence:03d}")
    parsed = parse_resident_id(number, today=TODAY)
    assert (parsed.number, parsed.birth_date) == (number, born)
    assert parsed.gender == ("男" if sequence % 2 else "女")
    assert parsed.warnings == ()


# ---------------------------------------------------------------------------
# Unified social credit code
# ---------------------------------------------------------------------------

LETTER_FIRST = uscc("N2320102MA1XY20K1")  # 农村集体经济组织
LETTERS_IN_ORGANISATION = uscc("92320102MA1W8K3D0")  # 个体工商户, 组织机构代码 with letters


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("91110000600037341L", "91110000600037341L"),
        ("91110000600037341l", "91110000600037341L"),  # lowercase
        ("９１１１００００６０００３７３４１Ｌ", "91110000600037341L"),  # full-width
        ("9111 0000 6000 3734 1L", "91110000600037341L"),  # grouped with spaces
        ("911100-00600037341L", "91110000600037341L"),
        (LETTER_FIRST, LETTER_FIRST),  # stdnum refuses these
        (LETTER_FIRST.lower(), LETTER_FIRST),
        (LETTERS_IN_ORGANISATION, LETTERS_IN_ORGANISATION),
    ],
)
def test_credit_code_as_typed_is_understood(typed, code):
    assert parse_uscc(typed) == code


def test_stdnum_refuses_codes_starting_with_a_letter():
    assert not stdnum.cn.uscc.is_valid(LETTER_FIRST)
    assert parse_uscc(LETTER_FIRST) == LETTER_FIRST


@pytest.mark.parametrize(
    ("typed", "key_words"),
    [
        ("", ["请输入统一社会信用代码"]),
        ("9111000060003734", ["应为18位", "输入了16位"]),
        ("911100006000373", ["15位", "工商注册号"]),
        ("91110000600037341A", ["校验位不符", "应为 L"]),
        ("9111000060003734OL", ["不使用字母", "第 17 位", "数字 0"]),
        ("9111000060003734IL", ["不使用字母", "数字 1"]),
        ("9111000V600037341L", ["不使用字母", "第 8 位"]),
        ("91AB0000600037341L", ["第3至8位", "数字"]),
        ("营业执照", ["只能包含数字和大写字母"]),
    ],
)
def test_wrong_credit_code_says_what_to_fix(typed, key_words):
    with pytest.raises(ValidationError) as caught:
        parse_uscc(typed, field="business_uscc")
    for words in key_words:
        assert words in str(caught.value)
    assert caught.value.field == "business_uscc"


@given(st.text(alphabet=USCC_CHARS, min_size=17, max_size=17))
def test_check_character_agrees_with_stdnum(first_17):
    assert uscc_check_char(first_17) == stdnum.cn.uscc.calc_check_digit(first_17)


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.text(alphabet=USCC_CHARS, min_size=9, max_size=9),
)
def test_accepts_every_code_stdnum_accepts(head, organisation):
    code = uscc(head + organisation)
    assert parse_uscc(code) == stdnum.cn.uscc.validate(code)


@given(
    st.text(alphabet=USCC_CHARS, min_size=2, max_size=2),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=USCC_CHARS, min_size=9, max_size=9),
    st.integers(min_value=0, max_value=16),
    st.sampled_from(USCC_CHARS),
)
def test_any_single_changed_character_is_caught(authority, region, organisation, at, other):
    code = uscc(authority + region + organisation)
    assert parse_uscc(code) == code
    changed = code[:at] + other + code[at + 1 :]
    if changed != code and changed[2:8].isdigit():
        with pytest.raises(ValidationError, match="校验位不符"):
            parse_uscc(changed)


# ---------------------------------------------------------------------------
# Mobile number
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "１３８００１３８０００",
        "+86 138 0013 8000",
        "+8613800138000",
        "8613800138000",
        "0086-13800138000",
        "(+86) 138-0013-8000",
        " 13800138000\u3000",
    ],
)
def test_mobile_as_typed_is_understood(typed):
    assert parse_mobile(typed) == "13800138000"


@pytest.mark.parametrize(
    ("typed", "key_words"),
    [
        ("", ["请输入手机号码"]),
        ("1380013800", ["应为11位", "输入了10位"]),
        ("138001380001", ["应为11位", "输入了12位"]),
        ("12800138000", ["13 至 19 开头"]),
        ("23800138000", ["13 至 19 开头"]),
        ("025-84561234", ["以 1 开头", "固定电话"]),
        ("138OO138000", ["只能包含数字", "第 4 位"]),
        ("+44 7700 900123", ["中国大陆"]),
    ],
)
def test_wrong_mobile_says_what_to_fix(typed, key_words):
    with pytest.raises(ValidationError) as caught:
        parse_mobile(typed, field="guarantor_mobile")
    for words in key_words:
        assert words in str(caught.value)
    assert caught.value.field == "guarantor_mobile"


@given(st.sampled_from("3456789"), st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_every_mainland_mobile_is_accepted(second, rest):
    number = "1" + second + rest
    assert parse_mobile(f"+86 {number[:3]} {number[3:7]} {number[7:]}") == number


# ---------------------------------------------------------------------------
# Every validator survives arbitrary text
# ---------------------------------------------------------------------------

NEAR_MISSES = st.text(alphabet="0123456789xX０１２３ｘ +-()—\u3000NOIZSVLA张")


@pytest.mark.parametrize("validator", [parse_resident_id, parse_uscc, parse_mobile])
@given(text=st.one_of(st.text(), NEAR_MISSES))
def test_validators_raise_only_validation_errors(validator, text):
    try:
        result = validator(text)
    except ValidationError as error:
        assert str(error)
        return
    assert result  # whatever is accepted is not empty


@given(st.one_of(st.text(), NEAR_MISSES))
def test_accepted_resident_id_is_canonical(text):
    try:
        parsed = parse_resident_id(text)
    except ValidationError:
        return
    assert isinstance(parsed, ResidentId)
    assert len(parsed.number) == 18
    assert parsed.number[:17].isdigit()
    assert parsed.number[17] in "0123456789X"
