"""Column types that keep money exact and time unambiguous on both databases."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.types import TypeDecorator

from domain.money import from_fen, to_fen


class Fen(TypeDecorator[Decimal]):
    """A ``Decimal`` amount in yuan, stored as whole fen in a BIGINT.

    SQLite keeps ``Numeric`` as a float and loses cents on large values; an
    integer never does.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect) -> int | None:
        return None if value is None else to_fen(value)

    def process_result_value(self, value: int | None, dialect) -> Decimal | None:
        return None if value is None else from_fen(value)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant, stored in UTC; comes back aware (UTC) on both databases."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an instant in UTC is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
