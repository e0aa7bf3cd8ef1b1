"""Identity numbers as clerks type them: resident ID, unified social credit
code, mainland mobile number.

Each ``parse_*`` function accepts what a keyboard really produces (full-width
digits, a lowercase ``x``, spaces and dashes between groups) and returns the
number in its one canonical form, or raises ``ValidationError`` with a
message that tells the clerk what to fix. ``field`` names the form input the
message belongs to, so the spouse and guarantor forms pass their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from stdnum import numdb

from domain.errors import ValidationError
from domain.text import compact_code

# ---------------------------------------------------------------------------
# Resident ID (居民身份证号码, GB 11643)
# ---------------------------------------------------------------------------

ID_LENGTH = 18
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"  # indexed by the weighted sum mod 11
_EARLIEST_BIRTH = date(1900, 1, 1)


@dataclass(frozen=True)
class ResidentId:
    """A checked 18-digit resident ID number and what it says about its holder.

    ``number`` is canonical: 18 characters, digits with an upper-case ``X``
    as the only possible last character. ``warnings`` holds points the clerk
    should check against the card (for example a region code missing from the
    known list); they never stop the work.
    """

    number: str
    birth_date: date
    gender: str  # "男" or "女"
    region_code: str
    warnings: tuple[str, ...] = ()

    @property
    def masked(self) -> str:
        """The number for lists and screens: ``3201**********123X``."""
        return mask_id_number(self.number)

    def __repr__(self) -> str:
        # Objects end up in logs and tracebacks; the full number and birth
        # date are personal information (PIPL) and stay out of them.
        return f"ResidentId({self.masked})"


def parse_resident_id(
    text: str | None, field: str = "id_number", *, today: date | None = None
) -> ResidentId:
    """The ``ResidentId`` for an ID number as typed.

    Accepts full-width digits, a lowercase ``x`` and spaces or dashes between
    groups. Checks the length, the characters, the birth date (a real date,
    from 1900 up to ``today``, which defaults to the computer's date) and the
    weighted mod-11 check digit. A region code that the known list lacks, or
    that was abolished before the holder was born, only adds a warning: the
    list lags behind real cards, and the clerk has the card in hand.

    Raises ``ValidationError(message, field=field)`` otherwise.
    """
    number = compact_code(text)
    _check_id_form(number, field)
    birth_date = _id_birth_date(number, field, today or date.today())
    _check_id_check_digit(number, field)
    region_code = number[:6]
    warning = _region_warning(region_code, birth_date.year)
    return ResidentId(
        number=number,
        birth_date=birth_date,
        gender="男" if int(number[16]) % 2 == 1 else "女",
        region_code=region_code,
        warnings=(warning,) if warning else (),
    )


def id_check_digit(first_17: str) -> str:
    """The check character (``0``-``9`` or ``X``) for the first 17 digits of
    a resident ID number, by the weighted mod-11 rule of GB 11643."""
    total = sum(int(d) * w for d, w in zip(first_17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def mask_id_number(number: str | None) -> str:
    """Any stored identity number with its middle hidden, same length:
    ``320102198505150020`` → ``3201**********0020``.

    Shows the first and last four characters of numbers of 16 characters or
    more, and never more than a quarter at each end of shorter ones, so no
    more than 8 characters are ever revealed. Spaces and dashes are dropped
    first. ``None`` or ``""`` gives ``""``.
    """
    plain = compact_code(number)
    shown = min(4, len(plain) // 4)
    if shown == 0:
        return "*" * len(plain)
    return plain[:shown] + "*" * (len(plain) - 2 * shown) + plain[-shown:]


def _check_id_form(number: str, field: str) -> None:
    if not number:
        raise ValidationError("请输入身份证号码", field=field)
    for position, char in enumerate(number, start=1):
        if char == "X" and position == len(number):
            continue
        if char == "X":
            raise ValidationError(
                f"身份证号码只有最后一位可以是 X，第 {position} 位的 X 请核对", field=field
            )
        if not ("0" <= char <= "9"):
            raise ValidationError(
                f"身份证号码只能包含数字（最后一位可以是 X），第 {position} 位的“{char}”请核对",
                field=field,
            )
    if len(number) == 15:
        raise ValidationError(
            "身份证号码应为18位，您输入了15位。15位的旧身份证号码已停用，请按第二代身份证填写18位号码",
            field=field,
        )
    if len(number) != ID_LENGTH:
        raise ValidationError(f"身份证号码应为18位，您输入了{len(number)}位", field=field)


def _id_birth_date(number: str, field: str, today: date) -> date:
    digits = number[6:14]
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise ValidationError(
            f"身份证号码中的出生日期 {digits} 不是有效日期，请核对第7至14位", field=field
        ) from None
    if born < _EARLIEST_BIRTH:
        raise ValidationError(
            f"身份证号码中的出生日期 {digits} 早于1900年，请核对第7至14位", field=field
        )
    if born > today:
        raise ValidationError(
            f"身份证号码中的出生日期 {digits} 晚于今天，请核对第7至14位", field=field
        )
    return born


def _check_id_check_digit(number: str, field: str) -> None:
    expected = id_check_digit(number[:17])
    if number[17] != expected:
        raise ValidationError(
            f"身份证号码校验位不符：按前17位计算，最后一位应为 {expected}，"
            f"您输入的是 {number[17]}。请对照证件逐位核对",
            field=field,
        )


def _region_warning(region_code: str, birth_year: int) -> str | None:
    """A warning for a region code the known list lacks, or one abolished
    before the holder was born; ``None`` when the code is plausible.

    Unlike ``stdnum.cn.ric``, a code set up *after* the birth year is fine:
    first-generation cards were issued from 1984 with the code current at
    issue, so everyone born earlier carries a code newer than themselves.
    """
    info: dict[str, str] = {}
    for _part, props in numdb.get("cn/loc").info(region_code):
        info.update(props)
    if "province" not in info or "county" not in info:
        return f"地区代码 {region_code} 不在已知列表中，请核对证件"
    if all(_abolished_before(entry, birth_year) for entry in info["county"].split(",")):
        return f"地区代码 {region_code} 在出生年份 {birth_year} 年之前已撤销，请核对证件"
    return None


def _abolished_before(county_entry: str, year: int) -> bool:
    """Whether an entry of the known list, ``名称`` or ``[起-止]名称``, was
    abolished before ``year``."""
    if not county_entry.startswith("[") or "]" not in county_entry:
        return False
    _start, _dash, end = county_entry[1 : county_entry.index("]")].partition("-")
    return end.isdigit() and int(end) < year


# ---------------------------------------------------------------------------
# Unified social credit code (统一社会信用代码, GB 32100)
# ---------------------------------------------------------------------------

USCC_LENGTH = 18
# The code's 31 characters: digits and capitals without I, O, Z, S, V, which
# are too easily read as 1, 0, 2, 5 and U.
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, …
_USCC_LOOKALIKES = {"I": "1", "O": "0", "Z": "2", "S": "5"}


def parse_uscc(text: str | None, field: str = "uscc") -> str:
    """The canonical 18-character unified social credit code for a code as
    typed (lower case, full-width and spaces are accepted).

    Checks the length, the character set, that characters 3 to 8 (the
    registering region) are digits, and the mod-31 check character. Letters
    are allowed in the registering authority and entity type (characters 1
    and 2) and in the organisation code (9 to 17): ``stdnum.cn.uscc`` refuses
    codes beginning with a letter, such as those of rural collective economic
    organisations (``N2…``), which are real.

    Raises ``ValidationError(message, field=field)`` otherwise.
    """
    code = compact_code(text)
    _check_uscc_form(code, field)
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise ValidationError(
            f"统一社会信用代码校验位不符：按前17位计算，最后一位应为 {expected}，"
            f"您输入的是 {code[17]}。请对照营业执照逐位核对",
            field=field,
        )
    return code


def uscc_check_char(first_17: str) -> str:
    """The check character for the first 17 characters of a unified social
    credit code: weights 3^i mod 31, check = (31 − sum mod 31) mod 31."""
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first_17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[-total % 31]


def _check_uscc_form(code: str, field: str) -> None:
    if not code:
        raise ValidationError("请输入统一社会信用代码", field=field)
    for position, char in enumerate(code, start=1):
        if char not in USCC_CHARSET:
            raise ValidationError(_uscc_bad_char_message(position, char), field=field)
    if len(code) == 15:
        raise ValidationError(
            "统一社会信用代码应为18位，您输入了15位，可能是旧的工商注册号。"
            "请填写营业执照上的18位统一社会信用代码",
            field=field,
        )
    if len(code) != USCC_LENGTH:
        raise ValidationError(f"统一社会信用代码应为18位，您输入了{len(code)}位", field=field)
    if not code[2:8].isdigit():
        raise ValidationError(
            f"统一社会信用代码第3至8位是登记机关的行政区划码，应全为数字，您输入的是 {code[2:8]}",
            field=field,
        )


def _uscc_bad_char_message(position: int, char: str) -> str:
    if char in _USCC_LOOKALIKES:
        return (
            f"统一社会信用代码不使用字母 I、O、Z、S、V：第 {position} 位的“{char}”请核对，"
            f"可能是数字 {_USCC_LOOKALIKES[char]}"
        )
    if char == "V":
        return f"统一社会信用代码不使用字母 I、O、Z、S、V：第 {position} 位的“V”请核对"
    return f"统一社会信用代码只能包含数字和大写字母，第 {position} 位的“{char}”请核对"


# ---------------------------------------------------------------------------
# Mainland mobile number (手机号码)
# ---------------------------------------------------------------------------

MOBILE_LENGTH = 11


def parse_mobile(text: str | None, field: str = "mobile") -> str:
    """The 11 digits of a mainland mobile number as typed.

    Accepts spaces, dashes, brackets and full-width digits, and a leading
    ``+86``, ``0086`` or ``86`` country code. The number must start with 1
    and its second digit be 3 to 9.

    Raises ``ValidationError(message, field=field)`` otherwise.
    """
    digits = _without_country_code(compact_code(text).replace("(", "").replace(")", ""))
    if not digits:
        raise ValidationError("请输入手机号码", field=field)
    if digits.startswith("+"):
        raise ValidationError("只能登记中国大陆手机号码（+86），请核对区号", field=field)
    for position, char in enumerate(digits, start=1):
        if not ("0" <= char <= "9"):
            raise ValidationError(
                f"手机号码只能包含数字，第 {position} 位的“{char}”请核对", field=field
            )
    if digits.startswith("0"):
        raise ValidationError(
            "手机号码应以 1 开头，这像是固定电话号码。请填写11位手机号码", field=field
        )
    if len(digits) != MOBILE_LENGTH:
        raise ValidationError(f"手机号码应为11位数字，您输入了{len(digits)}位", field=field)
    if digits[0] != "1" or digits[1] not in "3456789":
        raise ValidationError(
            f"手机号码应以 13 至 19 开头，{digits[:2]} 开头的号码不是手机号码，请核对",
            field=field,
        )
    return digits


def _without_country_code(number: str) -> str:
    """The number with a leading China country code removed.

    ``+86`` and ``0086`` are unambiguous. A bare ``86`` is removed only when
    11 digits remain: otherwise it may be the start of a mistyped number.
    """
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            return number.removeprefix(prefix)
    if number.startswith("86") and len(number) == 2 + MOBILE_LENGTH:
        return number.removeprefix("86")
    return number
