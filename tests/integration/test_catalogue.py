"""The product catalogue and pricing settings, stored: on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from domain import accounts, catalogue
from domain.errors import (
    ConcurrencyConflict,
    DomainError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from domain.pricing import BaseRate, LprTenor, RiskGrade, default_base_rates, default_spreads
from domain.products import (
    EligibilityRequest,
    GroupSize,
    GuaranteeType,
    Product,
    Rule,
    default_catalogue,
)
from domain.schedule import RepaymentMethod
from persistence import schema


@pytest.fixture
def admin(store):
    return accounts.create_first_administrator(store.uow(), "admin", "张管理", "secret123")


@pytest.fixture
def officer(store, admin):
    return accounts.add_user(store.uow(), admin, "officer", "李信贷", ["loan_officer"], "secret123")


def _entries(store, entity):
    with store.uow() as uow:
        return uow.audit.page(entity=entity)


def _exact(value):
    """A value as it would be printed: ``Decimal('0.5')`` and ``Decimal('0.50')`` differ."""
    return str(value) if isinstance(value, Decimal) else value


def _exact_fields(product: Product) -> dict:
    return {
        f.name: _exact(getattr(product, f.name))
        for f in dataclasses.fields(Product)
        if f.name != "version"
    }


# --- what a new database starts with ---------------------------------------------


def test_migration_seeds_the_default_catalogue(store):
    stored = {p.code: p for p in catalogue.list_products(store.uow(), include_inactive=True)}
    defaults = {p.code: p for p in default_catalogue()}

    assert stored.keys() == defaults.keys()
    for code, product in defaults.items():
        assert _exact_fields(stored[code]) == _exact_fields(product), code
        assert stored[code].version == 1


def test_migration_seeds_base_rates_and_spreads(store):
    history = catalogue.base_rate_history(store.uow())
    assert history == default_base_rates()
    assert [(str(r.one_year_lpr), str(r.five_year_lpr)) for r in history] == [
        (str(r.one_year_lpr), str(r.five_year_lpr)) for r in default_base_rates()
    ]
    table = catalogue.spread_table(store.uow())
    assert list(map(_exact_row, table.entries())) == list(
        map(_exact_row, default_spreads().entries())
    )


def _exact_row(entry):
    code, grade, spread = entry
    return code, grade, str(spread)


def test_downgrade_and_upgrade_with_data_present(store, admin):
    micro = catalogue.get_product(store.uow(), "micro")
    catalogue.save_product(store.uow(), admin, micro.replace(name="小微经营贷"))

    schema.downgrade(store.database, "0001")
    assert accounts.sign_in(store.uow(), "admin", "secret123").username == "admin"
    store.upgrade()

    assert catalogue.get_product(store.uow(), "micro").name == "小微贷款"
    assert store.verify_audit().intact


# --- the administrator edits a product ----------------------------------------------


def test_administrator_edits_a_product_and_the_audit_trail_keeps_before_and_after(store, admin):
    micro = catalogue.get_product(store.uow(), "micro")
    edited = micro.replace(
        max_amount=Decimal("600000.00"),
        penalty_uplift=Decimal("0.40"),
        guarantee_types={GuaranteeType.NATURAL_PERSON, GuaranteeType.GUARANTEE_COMPANY},
    )

    saved = catalogue.save_product(store.uow(), admin, edited)

    assert saved.version == micro.version + 1
    assert catalogue.get_product(store.uow(), "micro") == saved
    [entry] = _entries(store, "products")
    assert (entry.actor, entry.action, entry.entity_id) == ("admin", "update", "micro")
    assert entry.before == {
        "max_amount": "500000.00",
        "penalty_uplift": "0.50",
        "guarantee_types": "natural-person",
    }
    assert entry.after == {
        "max_amount": "600000.00",
        "penalty_uplift": "0.40",
        "guarantee_types": "natural-person,guarantee-company",
    }
    assert store.verify_audit().intact


def test_saving_an_unchanged_product_writes_nothing_to_the_audit_trail(store, admin):
    micro = catalogue.get_product(store.uow(), "micro")

    catalogue.save_product(store.uow(), admin, micro)

    assert _entries(store, "products") == []


def test_a_non_administrator_is_refused_and_nothing_changes(store, officer):
    micro = catalogue.get_product(store.uow(), "micro")

    with pytest.raises(PermissionDenied, match="管理员"):
        catalogue.save_product(store.uow(), officer, micro.replace(name="改名"))
    with pytest.raises(PermissionDenied):
        catalogue.set_product_active(store.uow(), officer, "micro", False)
    with pytest.raises(PermissionDenied):
        catalogue.set_spread(store.uow(), officer, "micro", RiskGrade.A, Decimal("0.10"))
    with pytest.raises(PermissionDenied):
        catalogue.add_base_rate(
            store.uow(), officer, BaseRate(date(2025, 6, 20), Decimal("2.9"), Decimal("3.4"))
        )

    assert catalogue.get_product(store.uow(), "micro") == micro
    assert catalogue.spread_table(store.uow()) == default_spreads()
    assert catalogue.base_rate_history(store.uow()) == default_base_rates()


def test_a_stale_copy_gives_a_concurrency_conflict(store, admin):
    first_desk = catalogue.get_product(store.uow(), "trade-chain")
    second_desk = catalogue.get_product(store.uow(), "trade-chain")
    catalogue.save_product(store.uow(), admin, first_desk.replace(max_months=18))

    with pytest.raises(ConcurrencyConflict, match="其他人修改"):
        catalogue.save_product(store.uow(), admin, second_desk.replace(min_months=6))

    stored = catalogue.get_product(store.uow(), "trade-chain")
    assert (stored.min_months, stored.max_months) == (3, 18)


def test_switching_a_product_off_and_on(store, admin):
    micro = catalogue.get_product(store.uow(), "micro")

    off = catalogue.set_product_active(store.uow(), admin, "micro", False, version=micro.version)

    assert not off.active
    assert "micro" not in {p.code for p in catalogue.list_products(store.uow())}
    assert "micro" in {p.code for p in catalogue.list_products(store.uow(), include_inactive=True)}
    with pytest.raises(ConcurrencyConflict):
        catalogue.set_product_active(store.uow(), admin, "micro", True, version=micro.version)
    on = catalogue.set_product_active(store.uow(), admin, "micro", True, version=off.version)
    assert on.active


# --- new products, exactly -------------------------------------------------------------


def _odd_product(**changes) -> Product:
    product = Product(
        code="orchard-mortgage",
        name="果园抵押贷款",
        min_amount=Decimal("12345.67"),
        max_amount=Decimal("98765432.19"),
        min_months=6,
        max_months=120,
        guarantee_types={GuaranteeType.COLLATERAL, GuaranteeType.NATURAL_PERSON},
        repayment_methods={RepaymentMethod.EQUAL_PRINCIPAL},
        min_months_in_business=7,
        higher_amount_threshold=Decimal("250000.01"),
        min_months_in_business_above_threshold=25,
        penalty_uplift=Decimal("0.3333"),
        misuse_penalty_uplift=Decimal("0.5001"),
        requires_collateral=True,
        max_loan_to_value=Decimal("0.6789"),
    )
    return product.replace(**changes)


def test_a_new_product_round_trips_exactly(store, admin):
    saved = catalogue.save_product(store.uow(), admin, _odd_product())

    stored = catalogue.get_product(store.uow(), "orchard-mortgage")
    assert stored == saved == _odd_product(version=1)
    assert _exact_fields(stored) == _exact_fields(_odd_product())
    [entry] = _entries(store, "products")
    assert entry.action == "create"
    assert entry.after["max_loan_to_value"] == "0.6789"
    assert entry.after["max_amount"] == "98765432.19"


def test_group_size_and_missing_threshold_round_trip(store, admin):
    group = default_catalogue()[-1].replace(
        code="village-group",
        name="整村联保",
        group_size=GroupSize(4, 5),
        higher_amount_threshold=None,
    )

    catalogue.save_product(store.uow(), admin, group)

    stored = catalogue.get_product(store.uow(), "village-group")
    assert stored.group_size == GroupSize(4, 5)
    assert stored.higher_amount_threshold is None


def test_a_ratio_with_more_than_four_decimals_is_refused(store, admin):
    with pytest.raises(ValidationError) as refused:
        catalogue.save_product(store.uow(), admin, _odd_product(penalty_uplift=Decimal("0.33333")))
    assert refused.value.field == "penalty_uplift"
    with pytest.raises(NotFound):
        catalogue.get_product(store.uow(), "orchard-mortgage")


def test_an_incoherent_product_is_refused_before_storage(store, admin):
    with pytest.raises(ValidationError) as refused:
        catalogue.save_product(store.uow(), admin, _odd_product(max_amount=Decimal("100.00")))
    assert refused.value.field == "max_amount"


def test_a_new_product_may_not_take_an_existing_code(store, admin):
    with pytest.raises(DomainError, match="已被“小微贷款”使用"):
        catalogue.save_product(store.uow(), admin, default_catalogue()[0].replace(name="重复"))
    assert catalogue.get_product(store.uow(), "micro").name == "小微贷款"


# --- LPR history and spreads --------------------------------------------------------------


def test_quote_rate_from_stored_settings(store, admin):
    quote = catalogue.quote_rate(store.uow(), "micro", RiskGrade.B, date(2025, 6, 1), 12)
    assert (quote.base_rate, quote.spread, quote.annual_rate) == (
        Decimal("3.00"),
        Decimal("1.50"),
        Decimal("4.50"),
    )
    assert quote.base_rate_effective_date == date(2025, 5, 20)

    catalogue.add_base_rate(
        store.uow(), admin, BaseRate(date(2025, 6, 20), Decimal("2.95"), Decimal("3.45"))
    )
    catalogue.set_spread(store.uow(), admin, "micro", RiskGrade.B, Decimal("1.2345"))

    later = catalogue.quote_rate(store.uow(), "micro", RiskGrade.B, date(2025, 7, 1), 12)
    assert str(later.annual_rate) == "4.1845"
    long = catalogue.quote_rate(store.uow(), "quick-mortgage", RiskGrade.A, date(2025, 7, 1), 72)
    assert (long.lpr_tenor, long.annual_rate) == (LprTenor.FIVE_YEAR, Decimal("3.95"))
    earlier = catalogue.quote_rate(store.uow(), "micro", RiskGrade.A, date(2024, 8, 1), 12)
    assert earlier.annual_rate == Decimal("4.35")


def test_quote_rate_for_an_unknown_product(store):
    with pytest.raises(NotFound, match="no-such"):
        catalogue.quote_rate(store.uow(), "no-such", RiskGrade.A, date(2025, 6, 1), 12)


def test_spreads_round_trip_exactly_and_a_stale_edit_conflicts(store, admin):
    catalogue.set_spread(
        store.uow(),
        admin,
        "joint-group",
        RiskGrade.D,
        Decimal("3.6125"),
        expected=Decimal("3.50"),
    )

    table = catalogue.spread_table(store.uow())
    assert str(table.spread_for("joint-group", RiskGrade.D)) == "3.6125"
    with pytest.raises(ConcurrencyConflict):
        catalogue.set_spread(
            store.uow(),
            admin,
            "joint-group",
            RiskGrade.D,
            Decimal("3.70"),
            expected=Decimal("3.50"),
        )
    [entry] = _entries(store, "rate_spreads")
    assert (entry.entity_id, entry.before, entry.after) == (
        "joint-group/D",
        {"spread": "3.50"},
        {"spread": "3.6125"},
    )
    assert store.verify_audit().intact


def test_a_spread_for_an_unknown_product_is_refused(store, admin):
    with pytest.raises(NotFound):
        catalogue.set_spread(store.uow(), admin, "no-such", RiskGrade.A, Decimal("1.00"))


def test_base_rates_are_added_corrected_and_removed(store, admin):
    typo = BaseRate(date(2025, 6, 20), Decimal("2.59"), Decimal("3.45"))
    catalogue.add_base_rate(store.uow(), admin, typo)
    with pytest.raises(ValidationError, match="同一生效日"):
        catalogue.add_base_rate(store.uow(), admin, typo)

    fixed = BaseRate(date(2025, 6, 21), Decimal("2.95"), Decimal("3.45"))
    catalogue.correct_base_rate(store.uow(), admin, typo, fixed)
    with pytest.raises(ConcurrencyConflict):
        catalogue.correct_base_rate(store.uow(), admin, typo, fixed)
    assert catalogue.base_rate_history(store.uow())[-1] == fixed

    catalogue.remove_base_rate(store.uow(), admin, fixed)
    assert catalogue.base_rate_history(store.uow()) == default_base_rates()
    actions = [e.action for e in reversed(_entries(store, "base_rates"))]
    assert actions == ["create", "update", "delete"]
    assert store.verify_audit().intact


def test_the_last_base_rate_cannot_be_removed(store, admin):
    *older, last = catalogue.base_rate_history(store.uow())
    for rate in older:
        catalogue.remove_base_rate(store.uow(), admin, rate)

    with pytest.raises(DomainError, match="唯一一条"):
        catalogue.remove_base_rate(store.uow(), admin, last)


# --- eligibility against the stored product ---------------------------------------------


def test_eligibility_is_checked_against_the_stored_product(store, admin):
    request = EligibilityRequest(
        amount=Decimal("550000.00"),
        months=12,
        months_in_business=24,
        guarantee_type=GuaranteeType.NATURAL_PERSON,
        repayment_method=RepaymentMethod.EQUAL_INSTALLMENT,
    )
    [breach] = catalogue.check_application_eligibility(store.uow(), "micro", request)
    assert breach.rule == Rule.AMOUNT_MAX

    micro = catalogue.get_product(store.uow(), "micro")
    catalogue.save_product(store.uow(), admin, micro.replace(max_amount=Decimal("600000.00")))
    assert catalogue.check_application_eligibility(store.uow(), "micro", request) == []

    catalogue.set_product_active(store.uow(), admin, "micro", False)
    rules = [b.rule for b in catalogue.check_application_eligibility(store.uow(), "micro", request)]
    assert rules == [Rule.PRODUCT_ACTIVE]
