"""Exact money: ``Decimal`` rounded half-up to the fen (0.01) at every step that
produces an amount, and whole fen (``int``) for storage. Also amounts and rates
as clerks type them, and amounts in Chinese capitals for the paperwork."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from domain.errors import ValidationError
from domain.text import normalize_input

FEN = Decimal("0.01")
ZERO = Decimal("0.00")


def round_fen(value: Decimal | int | str) -> Decimal:
    """Round half-up to the fen. Accepts ``str`` and ``int`` so literals stay exact."""
    return Decimal(value).quantize(FEN, rounding=ROUND_HALF_UP)


def to_fen(amount: Decimal) -> int:
    """Whole fen for storage. Refuses an amount with more than two decimals
    rather than rounding silently: rounding belongs to the calculation."""
    fen = Decimal(amount) * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"金额 {amount} 超过两位小数，不能按分保存")
    return int(fen)


def from_fen(fen: int) -> Decimal:
    """The ``Decimal`` amount for a stored number of fen."""
    return (Decimal(int(fen)) / 100).quantize(FEN)


def format_amount(amount: Decimal) -> str:
    """``1234567.5`` → ``1,234,567.50`` as printed on screens and paper."""
    return f"{round_fen(amount):,.2f}"


# ---------------------------------------------------------------------------
# Amounts as clerks type them
# ---------------------------------------------------------------------------

MAX_AMOUNT = Decimal("1000000000")  # ten yi: far above any loan a desk makes

# Units a clerk may put after the figure, as powers of ten. "1万5千" and other
# mixtures are refused: "1万5" reads as 15,000 to some and 10,005 to others.
_AMOUNT_UNITS = {"百": 2, "千": 3, "万": 4, "亿": 8}
_CURRENCY_PREFIXES = ("人民币", "RMB", "CNY", "¥", "￥")
_CURRENCY_SUFFIXES = ("元整", "圆整", "元", "圆")
_MINUS_SIGNS = ("-", "\u2212")
_CHINESE_NUMERALS = set("零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾佰仟")
_FIGURE = re.compile(r"(?P<whole>\d{1,3}(?:,\d{3})+|\d*)(?:\.(?P<fraction>\d*))?")


def parse_amount(text: str | None, field: str = "amount", *, label: str = "金额") -> Decimal:
    """The amount, in yuan quantized to the fen, for an amount as typed.

    Understands full-width digits, spaces, thousands commas (``1,000.50``),
    the Chinese input method's ``。`` as the decimal point, a currency sign or
    ``人民币`` in front, ``元`` behind, and one unit of 百, 千, 万 or 亿 after the
    figure: ``10万`` → 100000.00, ``1.5万元`` → 15000.00, ``5千`` → 5000.00.

    Refuses, with ``ValidationError(message, field=field)``: empty input,
    anything that is not such a figure (letters, Chinese numerals, mixed
    units such as ``1万5千``), misplaced commas, negative or zero amounts,
    more than two decimals once the unit is applied, and amounts above
    ``MAX_AMOUNT``. ``label`` names the amount in messages (``贷款金额``).
    """
    plain = _plain_figure(text)
    if not plain:
        raise ValidationError(f"请输入{label}", field=field)
    body, negative = _strip_currency(plain)
    if negative:
        raise ValidationError(f"{label}必须大于零，不能为负数", field=field)
    body, exponent = _strip_unit(body)
    whole, fraction = _split_figure(body, field, label)
    value = _exact_amount(whole, fraction, exponent, field, label)
    if value == 0:
        raise ValidationError(f"{label}必须大于零", field=field)
    if value > MAX_AMOUNT:
        raise ValidationError(
            f"{label} {format_amount(value)} 元过大，超过10亿元，请核对", field=field
        )
    return value.quantize(FEN)


def _plain_figure(text: str | None) -> str:
    """Normalised text with the ideographic full stop read as a decimal point:
    Chinese input mode types ``。`` for the ``.`` key."""
    return normalize_input(text).replace("。", ".")


def _strip_currency(plain: str) -> tuple[str, bool]:
    """The figure without currency words, and whether a minus sign was typed
    (before or after the currency sign)."""
    body = plain
    negative = body.startswith(_MINUS_SIGNS)
    body = body.lstrip("".join(_MINUS_SIGNS)).strip()
    for prefix in _CURRENCY_PREFIXES:
        if body.upper().startswith(prefix):
            body = body[len(prefix) :].strip()
            break
    negative = negative or body.startswith(_MINUS_SIGNS)
    body = body.lstrip("".join(_MINUS_SIGNS)).strip()
    for suffix in _CURRENCY_SUFFIXES:
        if body.endswith(suffix):
            body = body.removesuffix(suffix).strip()
            break
    return body, negative


def _strip_unit(body: str) -> tuple[str, int]:
    """The figure without its trailing unit, and the unit's power of ten."""
    if body and body[-1] in _AMOUNT_UNITS:
        return body[:-1].strip(), _AMOUNT_UNITS[body[-1]]
    return body, 0


def _split_figure(body: str, field: str, label: str) -> tuple[str, str]:
    """The whole and fraction digits of ``body``, commas removed. Spaces
    between digits count as thousands separators, so ``1 000`` is accepted
    but ``10 5`` is questioned, not read as 105."""
    grouped = re.sub(r"\s+", ",", body)
    match = _FIGURE.fullmatch(grouped)
    if match and (match["whole"] or match["fraction"]):
        return match["whole"].replace(",", ""), match["fraction"] or ""
    raise ValidationError(_figure_problem(grouped, label), field=field)


def _figure_problem(body: str, label: str) -> str:
    """What is wrong with a figure that is not one, in the clerk's terms."""
    example = "例如 100000、1,000.50 或 10万"
    if any(c in _AMOUNT_UNITS for c in body):
        return f"{label}只能在末尾带一个单位，请写成 15000 或 1.5万 这样的形式"
    if any(c in _CHINESE_NUMERALS for c in body):
        return f"{label}请用阿拉伯数字填写，{example}"
    if body.count(".") > 1:
        return f"{label}中只能有一个小数点，请核对"
    if body and all(c.isdigit() or c in ",." for c in body):
        return f"{label}中千分位分隔（逗号或空格）的位置不对，请核对（{example}）"
    return f"{label}只能包含数字、小数点和千分位逗号，可带“万”“千”单位，{example}"


def _exact_amount(whole: str, fraction: str, exponent: int, field: str, label: str) -> Decimal:
    """``whole.fraction × 10^exponent`` computed exactly. Sizes are checked on
    the digits first, so the arithmetic never exceeds ``Decimal``'s precision
    and nothing is rounded silently."""
    whole = whole.lstrip("0")
    fraction = fraction.rstrip("0")
    if len(whole) + exponent > len(str(int(MAX_AMOUNT))):
        raise ValidationError(f"{label}过大，超过10亿元，请核对", field=field)
    if len(fraction) - exponent > 2:
        raise ValidationError(f"{label}最多精确到分（两位小数），请核对", field=field)
    return Decimal(f"{whole or 0}.{fraction or 0}").scaleb(exponent)


# ---------------------------------------------------------------------------
# Rates typed in percent
# ---------------------------------------------------------------------------

_PERCENT = re.compile(r"\d+(?:\.\d*)?|\.\d+")


def parse_percent(text: str | None, field: str = "rate", *, label: str = "利率") -> Decimal:
    """A rate typed in percent, as a ``Decimal`` number of percent:
    ``"4.35"``, ``"4.35%"`` and ``"４.３５％"`` all give ``Decimal("4.35")``.

    The rate must be at least 0 and below 100, with at most four decimals.
    Raises ``ValidationError(message, field=field)`` otherwise; ``label``
    names the rate in messages (``年利率``, ``利率浮动``).
    """
    body = re.sub(r"\s+", "", _plain_figure(text)).removesuffix("%")
    if not body:
        raise ValidationError(f"请输入{label}", field=field)
    if body.startswith(_MINUS_SIGNS):
        raise ValidationError(f"{label}不能为负数", field=field)
    if not _PERCENT.fullmatch(body):
        raise ValidationError(
            f"{label}只能包含数字和小数点，按百分数填写，例如 4.35 或 4.35%", field=field
        )
    value = Decimal(body)
    if value >= 100:
        raise ValidationError(
            f"{label}应小于100%，请按百分数填写（例如 4.35% 填 4.35）", field=field
        )
    if len(body.partition(".")[2].rstrip("0")) > 4:
        raise ValidationError(f"{label}最多四位小数，请核对", field=field)
    return value


# ---------------------------------------------------------------------------
# Amounts in Chinese capitals (大写金额)
# ---------------------------------------------------------------------------

_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACE_UNITS = ("", "拾", "佰", "仟")  # within a group of four digits
_GROUP_UNITS = ("", "万", "亿")  # for each group of four digits
_CAPITALS_LIMIT = Decimal(10) ** (4 * len(_GROUP_UNITS))


def amount_in_capitals(amount: Decimal | int | str) -> str:
    """The amount in Chinese capitals as contracts and notices print it, by
    the PBOC settlement rules: ``人民币壹拾万元整`` for 100000.00,
    ``人民币捌仟伍佰叁拾元玖角玖分`` for 8530.99.

    - 整 follows 元 or 角 when nothing smaller remains; never 分.
    - One 零 stands for a run of zeros inside the figure (``壹仟零伍元整``,
      ``壹亿零壹万元整``) and before 分 when there are yuan but no jiao
      (``壹拾万元零伍分``). A zero yuan or wan place just before a non-zero
      digit of the next place down is not written (``壹拾万壹仟元整``,
      ``壹仟陆佰捌拾元叁角贰分``), one of the two forms the rules allow.
    - ``0`` gives ``人民币零元整``; less than one yuan has no 元 (``人民币伍角整``).

    Raises ``ValueError`` for a negative amount, one with more than two
    decimals, or one of a trillion yuan or more.
    """
    value = _capitals_amount(amount)
    fen_total = int(value * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    if fen_total == 0:
        return "人民币零元整"
    words = _integer_in_capitals(yuan) + "元" if yuan else ""
    if jiao:
        words += _CAPITAL_DIGITS[jiao] + "角"
    elif fen and yuan:
        words += "零"
    return "人民币" + words + (_CAPITAL_DIGITS[fen] + "分" if fen else "整")


def _capitals_amount(amount: Decimal | int | str) -> Decimal:
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"金额 {amount} 不是有效数字，无法写成大写")
    if value < 0:
        raise ValueError(f"金额 {amount} 为负数，大写金额只能写正数或零")
    if value >= _CAPITALS_LIMIT:
        raise ValueError(f"金额 {amount} 过大，大写金额最多写到千亿位")
    if value != value.quantize(FEN):
        raise ValueError(f"金额 {amount} 超过两位小数，请先按分取整再写大写")
    return value


def _integer_in_capitals(number: int) -> str:
    """A positive whole number in capitals, without 元: ``1005`` → ``壹仟零伍``."""
    digits = str(number)
    words: list[str] = []
    zero_pending = False
    for index, char in enumerate(digits):
        place = len(digits) - 1 - index
        if char == "0":
            zero_pending = True
        else:
            if zero_pending:
                words.append("零")
            words.append(_CAPITAL_DIGITS[int(char)] + _PLACE_UNITS[place % 4])
            zero_pending = False
        if place % 4 == 0 and place and int(digits[max(0, index - 3) : index + 1]):
            words.append(_GROUP_UNITS[place // 4])
            # 壹拾万壹仟, not 壹拾万零壹仟: the group unit closes the zeros.
            zero_pending = False
    return "".join(words)
