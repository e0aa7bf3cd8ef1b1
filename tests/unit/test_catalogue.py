"""Catalogue use cases on an in-memory unit of work: rules, not storage."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain import catalogue
from domain.errors import ConcurrencyConflict, DomainError, PermissionDenied, ValidationError
from domain.pricing import BaseRate, RiskGrade, SpreadTable, default_base_rates, default_spreads
from domain.products import Product, default_catalogue
from domain.users import Role, User

ADMIN = User("admin", "张管理", frozenset({Role.ADMINISTRATOR}), password_hash="")
TELLER = User("teller", "王柜员", frozenset({Role.TELLER}), password_hash="")


class FakeProducts:
    def __init__(self, products: list[Product]):
        self.rows = {p.code: p.replace(version=1) for p in products}

    def list(self, include_inactive: bool = True) -> list[Product]:
        return [p for _, p in sorted(self.rows.items()) if include_inactive or p.active]

    def get(self, code: str) -> Product | None:
        return self.rows.get(code)

    def add(self, product: Product) -> Product:
        self.rows[product.code] = product.replace(version=1)
        return self.rows[product.code]

    def update(self, product: Product) -> Product:
        if self.rows[product.code].version != product.version:
            raise ConcurrencyConflict()
        self.rows[product.code] = product.replace(version=product.version + 1)
        return self.rows[product.code]


class FakeBaseRates:
    def __init__(self, history: list[BaseRate]):
        self.rates = list(history)

    def history(self) -> list[BaseRate]:
        return sorted(self.rates, key=lambda r: r.effective_date)

    def add(self, rate: BaseRate) -> None:
        self.rates.append(rate)

    def update(self, original: BaseRate, corrected: BaseRate) -> None:
        self.rates[self.rates.index(original)] = corrected

    def remove(self, rate: BaseRate) -> None:
        self.rates.remove(rate)


class FakeSpreads:
    def __init__(self, table: SpreadTable):
        self.spreads = dict(table.spreads)

    def table(self) -> SpreadTable:
        return SpreadTable(self.spreads)

    def get(self, code: str, grade: RiskGrade) -> Decimal | None:
        return self.spreads.get((code, grade))

    def put(self, code: str, grade: RiskGrade, spread: Decimal) -> None:
        self.spreads[(code, grade)] = spread


class FakeUnitOfWork:
    """Commits are counted; nothing is rolled back (the tests check what was refused first)."""

    def __init__(self):
        self.products = FakeProducts(default_catalogue())
        self.base_rates = FakeBaseRates(default_base_rates())
        self.spreads = FakeSpreads(default_spreads())
        self.actor = None
        self.commits = 0

    def acting(self, actor):
        self.actor = actor
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def commit(self):
        self.commits += 1


@pytest.fixture
def uow():
    return FakeUnitOfWork()


def test_only_an_administrator_saves_a_product(uow):
    micro = catalogue.get_product(uow, "micro")

    with pytest.raises(PermissionDenied, match=r"王柜员.*管理员.*修改产品"):
        catalogue.save_product(uow, TELLER, micro.replace(name="改名"))

    saved = catalogue.save_product(uow, ADMIN, micro.replace(name="改名"))
    assert (saved.name, saved.version, uow.commits, uow.actor) == ("改名", 2, 1, "admin")


def test_a_product_is_validated_before_anything_is_stored(uow):
    micro = catalogue.get_product(uow, "micro")

    with pytest.raises(ValidationError) as refused:
        catalogue.save_product(uow, ADMIN, micro.replace(min_months=30))

    assert refused.value.field == "max_months"
    assert uow.commits == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": "x" * 41}, "code"),
        ({"name": "贷" * 61}, "name"),
        ({"misuse_penalty_uplift": Decimal("0.55555")}, "misuse_penalty_uplift"),
    ],
)
def test_what_storage_cannot_keep_exactly_is_refused(changes, field):
    product = default_catalogue()[0].replace(**changes)
    with pytest.raises(ValidationError) as refused:
        catalogue.validate_storable(product)
    assert refused.value.field == field


def test_a_stale_product_is_a_conflict(uow):
    micro = catalogue.get_product(uow, "micro")
    catalogue.save_product(uow, ADMIN, micro.replace(name="第一次"))

    with pytest.raises(ConcurrencyConflict):
        catalogue.save_product(uow, ADMIN, micro.replace(name="第二次"))


def test_a_new_product_with_a_taken_code_is_refused(uow):
    with pytest.raises(DomainError, match="已被“小微贷款”使用"):
        catalogue.save_product(uow, ADMIN, default_catalogue()[0])


def test_switching_off_an_already_inactive_product_commits_nothing(uow):
    catalogue.set_product_active(uow, ADMIN, "micro", False)
    catalogue.set_product_active(uow, ADMIN, "micro", False)
    assert uow.commits == 1
    assert "micro" not in [p.code for p in catalogue.list_products(uow)]


def test_quote_rate_uses_the_stored_history_and_spreads(uow):
    catalogue.add_base_rate(uow, ADMIN, BaseRate(date(2025, 6, 20), Decimal("2.9"), Decimal("3.4")))
    catalogue.set_spread(uow, ADMIN, "micro", RiskGrade.C, Decimal("2.25"), expected=Decimal("2"))

    quote = catalogue.quote_rate(uow, "micro", RiskGrade.C, date(2025, 6, 20), 24)

    assert quote.annual_rate == Decimal("5.15")
    assert quote.description == "1年期LPR(2025-06-20) 2.90% + 风险加点 2.25% = 5.15%"


def test_a_stale_spread_is_a_conflict(uow):
    with pytest.raises(ConcurrencyConflict, match="micro"):
        catalogue.set_spread(
            uow, ADMIN, "micro", RiskGrade.A, Decimal("1.1"), expected=Decimal("9")
        )


def test_an_out_of_range_base_rate_is_refused(uow):
    with pytest.raises(ValidationError) as refused:
        catalogue.add_base_rate(
            uow, ADMIN, BaseRate(date(2025, 6, 20), Decimal("-1"), Decimal("3"))
        )
    assert refused.value.field == "one_year_lpr"
