"""Exact money: ``Decimal`` rounded half-up to the fen (0.01) at every step that
produces an amount, and whole fen (``int``) for storage."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

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
