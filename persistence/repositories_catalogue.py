"""Repositories of the product catalogue and pricing settings.

Domain objects in, domain objects out: ``Product``, ``BaseRate``,
``SpreadTable``. Every write flushes at once, so a conflict surfaces inside
the use case that caused it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.errors import ConcurrencyConflict, NotFound
from domain.pricing import BaseRate, RiskGrade, SpreadTable
from domain.products import GroupSize, GuaranteeType, Product
from domain.schedule import RepaymentMethod
from persistence.models_catalogue import BaseRateRow, ProductRow, RateSpreadRow

# Product fields stored in a column of the same name and kind.
_PLAIN_FIELDS = (
    "name",
    "min_amount",
    "max_amount",
    "min_months",
    "max_months",
    "min_months_in_business",
    "higher_amount_threshold",
    "min_months_in_business_above_threshold",
    "penalty_uplift",
    "misuse_penalty_uplift",
    "requires_collateral",
    "max_loan_to_value",
    "active",
)


class ProductRepository:
    def __init__(self, session: Session):
        self.session = session

    def list(self, include_inactive: bool = True) -> list[Product]:
        """Products ordered by code; only those on sale unless ``include_inactive``."""
        query = select(ProductRow).order_by(ProductRow.code)
        if not include_inactive:
            query = query.where(ProductRow.active.is_(True))
        return [_product(row) for row in self.session.scalars(query)]

    def get(self, code: str) -> Product | None:
        row = self.session.get(ProductRow, code)
        return None if row is None else _product(row)

    def add(self, product: Product) -> Product:
        """Insert a new product; returns it with the version it was stored under."""
        row = ProductRow(code=product.code)
        _write(row, product)
        self.session.add(row)
        self.session.flush()
        return _product(row)

    def update(self, product: Product) -> Product:
        """Save ``product`` over the stored one with the same code.

        ``ConcurrencyConflict`` unless ``product.version`` is the stored version.
        Returns the product with its new version.
        """
        row = self.session.get(
            ProductRow, product.code, with_for_update=True, populate_existing=True
        )
        if row is None:
            raise NotFound(f"没有代码为“{product.code}”的贷款产品")
        if row.version != product.version:
            raise ConcurrencyConflict(f"产品“{row.name}”已被其他人修改，请重新加载后再保存。")
        _write(row, product)
        self.session.flush()
        return _product(row)


def _write(row: ProductRow, product: Product) -> None:
    for name in _PLAIN_FIELDS:
        value = getattr(product, name)
        if getattr(row, name, None) != value:  # an equal Decimal is no change to audit
            setattr(row, name, value)
    row.guarantee_types = _codes(GuaranteeType, product.guarantee_types)
    row.repayment_methods = _codes(RepaymentMethod, product.repayment_methods)
    size = product.group_size
    row.group_min_households = None if size is None else size.minimum
    row.group_max_households = None if size is None else size.maximum


def _codes(enum: type[StrEnum], chosen: Iterable[StrEnum]) -> str:
    """``"natural-person,collateral"``: declaration order, so equal sets read equal."""
    return ",".join(member.value for member in enum if member in set(chosen))


def _members(text: str) -> list[str]:
    return [code for code in text.split(",") if code]


def _product(row: ProductRow) -> Product:
    size = None
    if row.group_min_households is not None and row.group_max_households is not None:
        size = GroupSize(row.group_min_households, row.group_max_households)
    return Product(
        code=row.code,
        guarantee_types=frozenset(GuaranteeType(c) for c in _members(row.guarantee_types)),
        repayment_methods=frozenset(RepaymentMethod(c) for c in _members(row.repayment_methods)),
        group_size=size,
        version=row.version,
        **{name: getattr(row, name) for name in _PLAIN_FIELDS},
    )


class BaseRateRepository:
    """The LPR history. Quotations have no version of their own: ``update`` and
    ``remove`` take the quotation as the caller saw it and refuse if it changed."""

    def __init__(self, session: Session):
        self.session = session

    def history(self) -> list[BaseRate]:
        """Every quotation, oldest first."""
        rows = self.session.scalars(select(BaseRateRow).order_by(BaseRateRow.effective_date))
        return [_base_rate(row) for row in rows]

    def add(self, rate: BaseRate) -> None:
        self.session.add(
            BaseRateRow(
                effective_date=rate.effective_date,
                one_year_lpr=rate.one_year_lpr,
                five_year_lpr=rate.five_year_lpr,
            )
        )
        self.session.flush()

    def update(self, original: BaseRate, corrected: BaseRate) -> None:
        """Replace ``original`` by ``corrected`` (the effective date may change too)."""
        row = self._locked(original)
        if row.effective_date != corrected.effective_date:
            row.effective_date = corrected.effective_date
        for name in ("one_year_lpr", "five_year_lpr"):
            if getattr(row, name) != getattr(corrected, name):
                setattr(row, name, getattr(corrected, name))
        self.session.flush()

    def remove(self, rate: BaseRate) -> None:
        self.session.delete(self._locked(rate))
        self.session.flush()

    def _locked(self, seen: BaseRate) -> BaseRateRow:
        row = self.session.get(
            BaseRateRow, seen.effective_date, with_for_update=True, populate_existing=True
        )
        if row is None or _base_rate(row) != seen:
            raise ConcurrencyConflict()
        return row


def _base_rate(row: BaseRateRow) -> BaseRate:
    return BaseRate(row.effective_date, row.one_year_lpr, row.five_year_lpr)


class SpreadRepository:
    """Risk spreads by product code and grade."""

    def __init__(self, session: Session):
        self.session = session

    def table(self) -> SpreadTable:
        rows = self.session.scalars(select(RateSpreadRow))
        return SpreadTable({(row.product_code, RiskGrade(row.grade)): row.spread for row in rows})

    def get(self, product_code: str, grade: RiskGrade) -> Decimal | None:
        row = self.session.get(RateSpreadRow, (product_code, RiskGrade(grade).value))
        return None if row is None else row.spread

    def put(self, product_code: str, grade: RiskGrade, spread: Decimal) -> None:
        """Set one spread, adding the entry if the product had none for ``grade``."""
        key = (product_code, RiskGrade(grade).value)
        row = self.session.get(RateSpreadRow, key, with_for_update=True, populate_existing=True)
        if row is None:
            self.session.add(RateSpreadRow(product_code=key[0], grade=key[1], spread=spread))
        elif row.spread != spread:
            row.spread = spread
        self.session.flush()
