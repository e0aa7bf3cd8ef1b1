"""Use cases for the product catalogue and pricing settings.

The administrator maintains the loan products, the LPR history and the risk
spreads; the desk reads them to check a request against a product and to
quote a rate. Each use case takes a unit of work (``domain.ports.UnitOfWork``
with the repositories ``products``, ``base_rates`` and ``spreads``) and opens
and commits it itself. Permissions are checked here, not only by hiding
buttons. Every change is written to the audit trail under the acting user.

Two desks editing the same setting: the second save raises
``ConcurrencyConflict`` instead of overwriting. Products carry a ``version``;
LPR quotations and spreads, which have none, are compared with the values the
editor started from.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.errors import ConcurrencyConflict, DomainError, NotFound, ValidationError
from domain.pricing import (
    BaseRate,
    Pricing,
    RiskGrade,
    SpreadTable,
    format_percent,
    price,
    validate_base_rate,
    validate_base_rate_history,
    validate_spread,
)
from domain.products import (
    EligibilityRequest,
    Product,
    RuleBreach,
    check_eligibility,
    validate_product,
)
from domain.users import Role, User

# Room kept for a product in storage. A code is typed on the command line and
# printed on contracts, so it stays short; names are Chinese and short anyway.
PRODUCT_CODE_MAX = 40
PRODUCT_NAME_MAX = 60

# Ratios (uplifts, loan-to-value) and rates are kept to four decimals: 0.01%
# for a ratio, a hundredth of a basis point for a rate. More is typing noise.
RATIO_PLACES = 4

_RATIO_FIELDS = {
    "penalty_uplift": "逾期罚息上浮比例",
    "misuse_penalty_uplift": "挪用罚息上浮比例",
    "max_loan_to_value": "抵押率上限",
}


# ---------------------------------------------------------------------------
# Products
# ---------------------------------------------------------------------------


def list_products(uow, include_inactive: bool = False) -> list[Product]:
    """The catalogue ordered by code; products switched off only when asked."""
    with uow:
        return uow.products.list(include_inactive=include_inactive)


def get_product(uow, code: str) -> Product:
    """The product with ``code``, active or not; ``NotFound`` if there is none."""
    with uow:
        return _product(uow, code)


def save_product(uow, actor: User, product: Product) -> Product:
    """Add a new product (``version == 0``) or save an edited one.

    Administrator only. The product is validated first (``ValidationError``
    naming the field). A new product whose code is taken is refused; an edited
    one must carry the version it was loaded with, else ``ConcurrencyConflict``.
    Returns the stored product with its new version.
    """
    actor.require(Role.ADMINISTRATOR, doing="修改产品")
    validate_product(product)
    validate_storable(product)
    with uow.acting(actor.username):
        if product.version == 0:
            saved = _add_product(uow, product)
        else:
            _product(uow, product.code)
            saved = uow.products.update(product)
        uow.commit()
        return saved


def set_product_active(
    uow, actor: User, code: str, active: bool, *, version: int | None = None
) -> Product:
    """Put a product on sale again or stop new applications under it.

    Administrator only. Products are never deleted: loans already granted keep
    referring to them. ``version``, when given, is the copy the administrator
    was looking at (``ConcurrencyConflict`` if someone saved since).
    """
    actor.require(Role.ADMINISTRATOR, doing="启用或停用产品")
    with uow.acting(actor.username):
        stored = _product(uow, code)
        if version is not None and version != stored.version:
            raise ConcurrencyConflict()
        if stored.active == active:
            return stored
        saved = uow.products.update(stored.replace(active=active))
        uow.commit()
        return saved


def validate_storable(product: Product) -> None:
    """Refuse what the catalogue cannot keep exactly: over-long code or name, or a
    ratio with more than four decimals. Raises ``ValidationError`` naming the field."""
    if len(product.code) > PRODUCT_CODE_MAX:
        raise ValidationError(
            f"产品代码不能超过 {PRODUCT_CODE_MAX} 个字符，目前 {len(product.code)} 个", "code"
        )
    if len(product.name) > PRODUCT_NAME_MAX:
        raise ValidationError(
            f"产品名称不能超过 {PRODUCT_NAME_MAX} 个字，目前 {len(product.name)} 个", "name"
        )
    for field, label in _RATIO_FIELDS.items():
        ratio = getattr(product, field)
        if ratio is not None and ratio != round(ratio, RATIO_PLACES):
            raise ValidationError(
                f"{label} {format_percent(ratio * 100)} 超过两位小数的百分比，请精确到 0.01%",
                field,
            )


def _add_product(uow, product: Product) -> Product:
    existing = uow.products.get(product.code)
    if existing is not None:
        raise DomainError(
            f"产品代码“{product.code}”已被“{existing.name}”使用，请换一个代码，或打开该产品进行修改"
        )
    return uow.products.add(product)


def _product(uow, code: str) -> Product:
    product = uow.products.get(code)
    if product is None:
        raise NotFound(f"没有代码为“{code}”的贷款产品")
    return product


# ---------------------------------------------------------------------------
# LPR history
# ---------------------------------------------------------------------------


def base_rate_history(uow) -> list[BaseRate]:
    """Every LPR quotation, oldest first."""
    with uow:
        return uow.base_rates.history()


def add_base_rate(uow, actor: User, rate: BaseRate) -> BaseRate:
    """Record a newly published LPR quotation. Administrator only.

    Refused (``ValidationError``) when a rate is out of range or a quotation
    with the same effective date exists.
    """
    actor.require(Role.ADMINISTRATOR, doing="录入 LPR 基准利率")
    validate_base_rate(rate)
    with uow.acting(actor.username):
        validate_base_rate_history([*uow.base_rates.history(), rate])
        uow.base_rates.add(rate)
        uow.commit()
        return rate


def correct_base_rate(uow, actor: User, original: BaseRate, corrected: BaseRate) -> BaseRate:
    """Correct a quotation typed wrongly. Administrator only.

    ``original`` is the quotation as the administrator saw it: if the stored one
    differs (someone corrected it meanwhile) or is gone, ``ConcurrencyConflict``.
    """
    actor.require(Role.ADMINISTRATOR, doing="修改 LPR 基准利率")
    validate_base_rate(corrected)
    with uow.acting(actor.username):
        history = uow.base_rates.history()
        _expect_unchanged(history, original)
        others = [r for r in history if r.effective_date != original.effective_date]
        validate_base_rate_history([*others, corrected])
        uow.base_rates.update(original, corrected)
        uow.commit()
        return corrected


def remove_base_rate(uow, actor: User, rate: BaseRate) -> None:
    """Delete a quotation entered by mistake. Administrator only.

    The last quotation cannot go: no loan could be priced without one.
    ``ConcurrencyConflict`` if the stored quotation is no longer ``rate``.
    """
    actor.require(Role.ADMINISTRATOR, doing="删除 LPR 基准利率")
    with uow.acting(actor.username):
        history = uow.base_rates.history()
        _expect_unchanged(history, rate)
        if len(history) == 1:
            raise DomainError("这是唯一一条 LPR 报价，删除后将无法定价；请先录入正确的报价再删除")
        uow.base_rates.remove(rate)
        uow.commit()


def _expect_unchanged(history: list[BaseRate], seen: BaseRate) -> None:
    if seen not in history:
        raise ConcurrencyConflict(
            f"{seen.effective_date.isoformat()} 的 LPR 报价已被其他人修改或删除，"
            "请重新加载后再操作。"
        )


# ---------------------------------------------------------------------------
# Risk spreads
# ---------------------------------------------------------------------------


def spread_table(uow) -> SpreadTable:
    """Every risk spread, by product code and grade."""
    with uow:
        return uow.spreads.table()


def set_spread(
    uow,
    actor: User,
    product_code: str,
    grade: RiskGrade,
    spread: Decimal,
    *,
    expected: Decimal | None = None,
) -> SpreadTable:
    """Set the spread (percentage points) for a product and grade. Administrator only.

    ``expected``, when given, is the spread the administrator was editing: if the
    stored one differs, ``ConcurrencyConflict``. Returns the updated table.
    """
    actor.require(Role.ADMINISTRATOR, doing="修改风险加点")
    validate_spread(spread)
    grade = RiskGrade(grade)
    with uow.acting(actor.username):
        _product(uow, product_code)
        stored = uow.spreads.get(product_code, grade)
        if expected is not None and stored != expected:
            raise ConcurrencyConflict(
                f"产品“{product_code}”风险等级 {grade} 的加点已被其他人修改，请重新加载后再操作。"
            )
        uow.spreads.put(product_code, grade, spread)
        table = uow.spreads.table()
        uow.commit()
        return table


# ---------------------------------------------------------------------------
# What the desk asks
# ---------------------------------------------------------------------------


def quote_rate(uow, product_code: str, grade: RiskGrade, on_date: date, months: int) -> Pricing:
    """The annual rate for a loan under ``product_code`` to a customer of ``grade``,
    applied for on ``on_date`` for ``months``: the LPR then in force plus the spread.

    ``NotFound`` for an unknown product; ``DomainError`` when the LPR or the
    spread is missing or the rate would reach the legal ceiling.
    """
    with uow:
        _product(uow, product_code)
        history = uow.base_rates.history()
        spreads = uow.spreads.table()
    return price(product_code, RiskGrade(grade), on_date, months, history, spreads)


def check_application_eligibility(
    uow, product_code: str, request: EligibilityRequest
) -> list[RuleBreach]:
    """Every rule of the stored product the request breaks; ``[]`` when it fits.

    A switched-off product is found (not ``NotFound``) and reported as a breach.
    """
    with uow:
        product = _product(uow, product_code)
    return check_eligibility(product, request)
