"""Interest-rate pricing (利率风险定价): annual rate = LPR in force + risk spread.

All rates here are annual, in **percent** (``Decimal("3.00")`` is 3.00%); the
schedule engine divides by 100 itself. The LPR history and the spread table
are bank settings the administrator maintains; nothing here is a constant the
bank cannot change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from domain.errors import DomainError, ValidationError

# Rates at or above 36% a year are not protected by the courts (Supreme
# People's Court rules on private lending); a bank rate that high is a typing
# mistake, not a price.
RATE_CEILING = Decimal("36")

# Loans up to five years are priced on the one-year LPR, longer ones on the
# five-year-and-above LPR (PBOC announcement on the LPR reform, 2019).
ONE_YEAR_LPR_MAX_MONTHS = 60

# Rates are published to the basis point; four decimals leaves room for a
# spread in fractions of a basis point without accepting typing noise.
_RATE_PLACES = Decimal("0.0001")


class LprTenor(StrEnum):
    """Which published LPR a loan is priced on."""

    ONE_YEAR = "1y"
    FIVE_YEAR = "5y"

    @property
    def label(self) -> str:
        return "1年期LPR" if self is LprTenor.ONE_YEAR else "5年期以上LPR"


def lpr_tenor(months: int) -> LprTenor:
    """The LPR a loan of ``months`` is priced on: one-year up to 60 months."""
    if months < 1:
        raise ValidationError(f"贷款期限须至少 1 个月，目前 {months} 个月", "months")
    return LprTenor.ONE_YEAR if months <= ONE_YEAR_LPR_MAX_MONTHS else LprTenor.FIVE_YEAR


@dataclass(frozen=True)
class BaseRate:
    """The LPR published with effect from ``effective_date``, in percent."""

    effective_date: date
    one_year_lpr: Decimal
    five_year_lpr: Decimal

    def for_tenor(self, tenor: LprTenor) -> Decimal:
        return self.one_year_lpr if tenor is LprTenor.ONE_YEAR else self.five_year_lpr


def default_base_rates() -> list[BaseRate]:
    """The LPR history a new installation starts with (published figures).

    The administrator adds each new quotation as it is published (on the
    20th of the month, or the next working day).
    """
    return [
        BaseRate(date(2024, 2, 20), Decimal("3.45"), Decimal("3.95")),
        BaseRate(date(2024, 7, 22), Decimal("3.35"), Decimal("3.85")),
        BaseRate(date(2024, 10, 21), Decimal("3.10"), Decimal("3.60")),
        BaseRate(date(2025, 5, 20), Decimal("3.00"), Decimal("3.50")),
    ]


def base_rate_in_force(history: Iterable[BaseRate], on_date: date) -> BaseRate:
    """The quotation in force on ``on_date``: the latest one effective on or before it.

    Raises ``DomainError`` when the history is empty or starts after ``on_date``.
    """
    rates = list(history)
    if not rates:
        raise DomainError("尚未录入 LPR 基准利率，请管理员先录入后再定价")
    in_force = [rate for rate in rates if rate.effective_date <= on_date]
    if not in_force:
        earliest = min(rate.effective_date for rate in rates)
        raise DomainError(
            f"{on_date.isoformat()} 没有生效的 LPR 基准利率：最早一条自 "
            f"{earliest.isoformat()} 起生效，晚了 {(earliest - on_date).days} 天，"
            "请管理员补录更早的报价"
        )
    return max(in_force, key=lambda rate: rate.effective_date)


def base_rate_on(history: Iterable[BaseRate], on_date: date, months: int) -> Decimal:
    """The LPR (percent) in force on ``on_date`` for a loan of ``months``."""
    return base_rate_in_force(history, on_date).for_tenor(lpr_tenor(months))


class RiskGrade(StrEnum):
    """The customer's risk grade from the credit analysis; the spread depends on it."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def label(self) -> str:
        return _GRADE_LABELS[self]


_GRADE_LABELS = {RiskGrade.A: "优", RiskGrade.B: "良", RiskGrade.C: "中", RiskGrade.D: "差"}


@dataclass(frozen=True)
class SpreadTable:
    """Risk spreads in percentage points, by (product code, risk grade).

    A bank setting: the administrator edits it with ``with_spread``; storage
    reads and writes it through ``entries``. Read-only once built.
    """

    spreads: Mapping[tuple[str, RiskGrade], Decimal]

    def __post_init__(self) -> None:
        # Copy so a caller's dict cannot change a table already in use.
        frozen = {(code, RiskGrade(grade)): s for (code, grade), s in self.spreads.items()}
        object.__setattr__(self, "spreads", MappingProxyType(frozen))

    def spread_for(self, product_code: str, grade: RiskGrade) -> Decimal:
        """The spread for a product and grade; ``DomainError`` if none is set."""
        try:
            return self.spreads[(product_code, RiskGrade(grade))]
        except KeyError:
            raise DomainError(
                f"产品“{product_code}”风险等级 {grade}（{RiskGrade(grade).label}）"
                "未设置风险加点，请管理员补录"
            ) from None

    def with_spread(self, product_code: str, grade: RiskGrade, spread: Decimal) -> SpreadTable:
        """A copy with one spread set, after ``validate_spread``."""
        validate_spread(spread)
        return SpreadTable({**self.spreads, (product_code, RiskGrade(grade)): spread})

    def entries(self) -> Iterator[tuple[str, RiskGrade, Decimal]]:
        """``(product_code, grade, spread)`` rows in a stable order."""
        for code, grade in sorted(self.spreads):
            yield code, grade, self.spreads[(code, grade)]


# Percentage points over the LPR, grades A–D. Collateral and guarantee-company
# loans carry less risk than personal guarantees; joint groups the most.
_DEFAULT_SPREADS = {
    "micro": ("1.00", "1.50", "2.00", "3.00"),
    "quick-mortgage": ("0.50", "0.80", "1.20", "1.80"),
    "trade-chain": ("0.80", "1.20", "1.80", "2.50"),
    "guarantee-company": ("0.80", "1.20", "1.80", "2.50"),
    "personal-guarantee": ("1.00", "1.50", "2.00", "3.00"),
    "joint-group": ("1.20", "1.80", "2.50", "3.50"),
}


def default_spreads() -> SpreadTable:
    """The spreads a new installation starts with, for every default product.

    Bank settings: each bank prices its own risk. 小微贷款 A +1.00, B +1.50,
    C +2.00, D +3.00 percentage points; the siblings lower for collateral and
    guarantee companies, higher for joint groups.
    """
    return SpreadTable(
        {
            (code, grade): Decimal(spread)
            for code, row in _DEFAULT_SPREADS.items()
            for grade, spread in zip(RiskGrade, row, strict=True)
        }
    )


# ---------------------------------------------------------------------------
# Validation of edited settings
# ---------------------------------------------------------------------------


def validate_rate(value: Decimal, label: str, field: str) -> None:
    """A rate setting in percent: 0 ≤ value < 36, at most four decimals.

    Raises ``ValidationError`` naming ``label`` and ``field``.
    """
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError(f"{label}须为数字，目前为“{value}”", field)
    if value < 0:
        raise ValidationError(f"{label}不能为负数，目前 {format_percent(value)}", field)
    if value >= RATE_CEILING:
        raise ValidationError(
            f"{label} {format_percent(value)} 须低于 {format_percent(RATE_CEILING)}，"
            f"超出 {_points(value - RATE_CEILING)} 个百分点",
            field,
        )
    if value != value.quantize(_RATE_PLACES):
        raise ValidationError(f"{label} {value}% 超过四位小数", field)


def validate_base_rate(rate: BaseRate) -> None:
    """Refuse an edited LPR quotation that cannot be right."""
    validate_rate(rate.one_year_lpr, "1年期LPR", "one_year_lpr")
    validate_rate(rate.five_year_lpr, "5年期以上LPR", "five_year_lpr")


def validate_base_rate_history(history: Iterable[BaseRate]) -> None:
    """Every quotation sound, and no two effective on the same day."""
    seen: set[date] = set()
    for rate in history:
        validate_base_rate(rate)
        if rate.effective_date in seen:
            raise ValidationError(
                f"{rate.effective_date.isoformat()} 已有一条 LPR 报价，同一生效日只能有一条",
                "effective_date",
            )
        seen.add(rate.effective_date)


def validate_spread(spread: Decimal) -> None:
    """Refuse an edited risk spread: 0 ≤ spread < 36 percentage points."""
    validate_rate(spread, "风险加点", "spread")


# ---------------------------------------------------------------------------
# Pricing one loan
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pricing:
    """How a loan's annual rate (percent) was built, kept with the contract."""

    base_rate: Decimal
    spread: Decimal
    annual_rate: Decimal
    base_rate_effective_date: date
    lpr_tenor: LprTenor = LprTenor.ONE_YEAR

    @property
    def description(self) -> str:
        """The sentence printed on the contract, e.g.
        ``1年期LPR(2025-05-20) 3.00% + 风险加点 1.50% = 4.50%``."""
        return (
            f"{self.lpr_tenor.label}({self.base_rate_effective_date.isoformat()}) "
            f"{format_percent(self.base_rate)} + 风险加点 {format_percent(self.spread)} "
            f"= {format_percent(self.annual_rate)}"
        )


def price(
    product_code: str,
    grade: RiskGrade,
    application_date: date,
    months: int,
    history: Iterable[BaseRate],
    spreads: SpreadTable,
) -> Pricing:
    """Price a loan: the LPR in force on ``application_date`` for its term, plus the
    spread for product and grade. Raises ``DomainError`` when a setting is missing
    or the result would be at or above the 36% ceiling."""
    tenor = lpr_tenor(months)
    quotation = base_rate_in_force(history, application_date)
    base = quotation.for_tenor(tenor)
    spread = spreads.spread_for(product_code, grade)
    annual = base + spread
    if annual >= RATE_CEILING:
        raise DomainError(
            f"年利率 {format_percent(annual)} 须低于 {format_percent(RATE_CEILING)}，"
            f"超出 {_points(annual - RATE_CEILING)} 个百分点，请检查 LPR 与风险加点设置"
        )
    return Pricing(base, spread, annual, quotation.effective_date, tenor)


def format_percent(value: Decimal) -> str:
    """A rate in percent as printed: at least two decimals, more only when set.

    ``3`` → ``3.00%``, ``4.35`` → ``4.35%``, ``3.125`` → ``3.125%``: a contract
    must never show a rounded rate that differs from the one charged.
    """
    return f"{_points(value)}%"


def _points(value: Decimal) -> str:
    """``format_percent`` without the sign, for differences in percentage points."""
    two = value.quantize(Decimal("0.01"))
    shown = two if two == value else value.normalize()
    return f"{shown:f}"
