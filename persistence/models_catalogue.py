"""Tables of the product catalogue and pricing settings: products, LPR history,
risk spreads.

Amounts are whole fen (``Fen``); ratios and rates are whole ten-thousandths
(``TenThousandths``): SQLite keeps ``Numeric`` as a float, an integer never
loses a digit. Sets of choices are comma-separated codes in declaration
order, readable in a query (``guarantee_types LIKE '%collateral%'``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from domain.catalogue import PRODUCT_CODE_MAX, PRODUCT_NAME_MAX, RATIO_PLACES
from persistence.models import Base
from persistence.types import Fen

_SCALE = 10**RATIO_PLACES
_TWO_PLACES = Decimal("0.01")


class TenThousandths(TypeDecorator[Decimal]):
    """A ``Decimal`` with at most four decimals, stored as a whole number of
    ten-thousandths: ``0.70`` → 7000, ``3.45`` (percent) → 34500.

    Refuses a fifth decimal rather than rounding: the domain checks first.
    Comes back with two decimals, or as many as are set (``3.125``).
    """

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value) * _SCALE
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} 超过 {RATIO_PLACES} 位小数，不能精确保存")
        return int(scaled)

    def process_result_value(self, value: int | None, dialect) -> Decimal | None:
        if value is None:
            return None
        exact = Decimal(int(value)).scaleb(-RATIO_PLACES)
        two = exact.quantize(_TWO_PLACES)
        return two if two == exact else exact.normalize()


# Products are never deleted (granted loans keep referring to them), and the
# code is how everyone names a product, so it is the key.


class ProductRow(Base):
    __tablename__ = "products"
    __audited__ = True

    code: Mapped[str] = mapped_column(String(PRODUCT_CODE_MAX), primary_key=True)
    name: Mapped[str] = mapped_column(String(PRODUCT_NAME_MAX))
    min_amount: Mapped[Decimal] = mapped_column(Fen)
    max_amount: Mapped[Decimal] = mapped_column(Fen)
    min_months: Mapped[int] = mapped_column(Integer)
    max_months: Mapped[int] = mapped_column(Integer)
    guarantee_types: Mapped[str] = mapped_column(Text)
    repayment_methods: Mapped[str] = mapped_column(Text)
    min_months_in_business: Mapped[int] = mapped_column(Integer)
    higher_amount_threshold: Mapped[Decimal | None] = mapped_column(Fen)
    min_months_in_business_above_threshold: Mapped[int] = mapped_column(Integer)
    penalty_uplift: Mapped[Decimal] = mapped_column(TenThousandths)
    misuse_penalty_uplift: Mapped[Decimal] = mapped_column(TenThousandths)
    requires_collateral: Mapped[bool]
    max_loan_to_value: Mapped[Decimal | None] = mapped_column(TenThousandths)
    group_min_households: Mapped[int | None] = mapped_column(Integer)
    group_max_households: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool]
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}


class BaseRateRow(Base):
    """One published LPR quotation, in percent, from ``effective_date`` on."""

    __tablename__ = "base_rates"
    __audited__ = True

    effective_date: Mapped[date] = mapped_column(Date, primary_key=True)
    one_year_lpr: Mapped[Decimal] = mapped_column(TenThousandths)
    five_year_lpr: Mapped[Decimal] = mapped_column(TenThousandths)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}


class RateSpreadRow(Base):
    """The risk spread, in percentage points, for one product and risk grade."""

    __tablename__ = "rate_spreads"
    __audited__ = True

    product_code: Mapped[str] = mapped_column(
        String(PRODUCT_CODE_MAX), ForeignKey("products.code"), primary_key=True
    )
    grade: Mapped[str] = mapped_column(String(1), primary_key=True)
    spread: Mapped[Decimal] = mapped_column(TenThousandths)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __mapper_args__ = {"version_id_col": version}
