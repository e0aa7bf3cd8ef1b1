"""Loan products and who may borrow under them.

A product is a set of bank settings: amount and term ranges, the guarantees
and repayment methods it accepts, how long the business must have operated,
penalty-interest uplifts, collateral and group rules. The administrator edits
them; ``validate_product`` refuses an incoherent product before it is saved,
and ``check_eligibility`` tells the desk, rule by rule and by how much, why a
request does not fit a product.

Storage: amounts are ``Decimal`` yuan (stored as whole fen), ratios and uplifts
are ``Decimal`` fractions (``0.70`` = 70%), ``version`` is the optimistic-lock
counter the persistence layer increments on every save.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from enum import StrEnum

from domain.errors import DomainError, NotFound, ValidationError
from domain.money import FEN, format_amount
from domain.schedule import RepaymentMethod

# Joint-guarantee groups are 3 to 5 households: fewer gives no real mutual
# guarantee, more and members stop knowing each other's business.
GROUP_MIN_HOUSEHOLDS = 3
GROUP_MAX_HOUSEHOLDS = 5

# Penalty interest on overdue principal is the contract rate raised by 30% to
# 50%; on funds used for another purpose than agreed, by 50% to 100% (PBOC
# rules on interest). Each product picks its uplift within these ranges.
PENALTY_UPLIFT_RANGE = (Decimal("0.30"), Decimal("0.50"))
MISUSE_PENALTY_UPLIFT_RANGE = (Decimal("0.50"), Decimal("1.00"))

_CODE_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class GuaranteeType(StrEnum):
    """How a loan is secured. Values are the command line's spellings."""

    NATURAL_PERSON = "natural-person"  # 自然人保证
    GUARANTEE_COMPANY = "guarantee-company"  # 担保公司保证
    JOINT_GROUP = "joint-group"  # 联保
    COLLATERAL = "collateral"  # 抵押
    CREDIT = "credit"  # 信用（无担保）

    @property
    def label(self) -> str:
        return _GUARANTEE_LABELS[self]


_GUARANTEE_LABELS = {
    GuaranteeType.NATURAL_PERSON: "自然人保证",
    GuaranteeType.GUARANTEE_COMPANY: "担保公司保证",
    GuaranteeType.JOINT_GROUP: "联保",
    GuaranteeType.COLLATERAL: "抵押",
    GuaranteeType.CREDIT: "信用",
}


@dataclass(frozen=True)
class GroupSize:
    """How many households a joint-guarantee group may have, both ends included."""

    minimum: int
    maximum: int

    @property
    def label(self) -> str:
        return f"{self.minimum} 至 {self.maximum} 户"

    def __contains__(self, households: object) -> bool:
        return isinstance(households, int) and self.minimum <= households <= self.maximum


@dataclass(frozen=True)
class Product:
    """A loan product as the administrator set it up.

    ``higher_amount_threshold`` set to ``None`` switches off the longer
    time-in-business rule. ``max_loan_to_value`` is required when the product
    requires or accepts collateral, and only then. ``group_size`` is required
    when the product accepts joint-guarantee groups, and only then.
    Sets may be passed as any iterable of enum members or their values; they
    are kept as frozensets. Change a product with ``replace``.
    """

    code: str
    name: str
    min_amount: Decimal
    max_amount: Decimal
    min_months: int
    max_months: int
    guarantee_types: frozenset[GuaranteeType]
    repayment_methods: frozenset[RepaymentMethod]
    min_months_in_business: int = 3
    higher_amount_threshold: Decimal | None = Decimal("100000.00")
    min_months_in_business_above_threshold: int = 12
    penalty_uplift: Decimal = Decimal("0.50")
    misuse_penalty_uplift: Decimal = Decimal("1.00")
    requires_collateral: bool = False
    max_loan_to_value: Decimal | None = None
    group_size: GroupSize | None = None
    active: bool = True
    version: int = 0

    def __post_init__(self) -> None:
        # Rows come back from storage as plain lists and strings; normalise
        # here so every comparison below works on enums.
        _set(self, "guarantee_types", frozenset(GuaranteeType(g) for g in self.guarantee_types))
        _set(
            self, "repayment_methods", frozenset(RepaymentMethod(m) for m in self.repayment_methods)
        )
        for name in (
            "min_amount",
            "max_amount",
            "higher_amount_threshold",
            "penalty_uplift",
            "misuse_penalty_uplift",
            "max_loan_to_value",
        ):
            _set(self, name, _decimal(getattr(self, name)))
        if isinstance(self.group_size, tuple):
            _set(self, "group_size", GroupSize(*self.group_size))

    def replace(self, **changes: object) -> Product:
        """A copy with ``changes`` applied; the original is untouched."""
        return dataclasses.replace(self, **changes)

    def months_in_business_required(self, amount: Decimal) -> int:
        """Months the business must have operated to borrow ``amount``.

        The longer requirement applies strictly *above* the threshold: a
        request of exactly 100,000.00 needs only the basic months.
        """
        if self.higher_amount_threshold is not None and amount > self.higher_amount_threshold:
            return max(self.min_months_in_business, self.min_months_in_business_above_threshold)
        return self.min_months_in_business


def _set(product: Product, name: str, value: object) -> None:
    object.__setattr__(product, name, value)


def _decimal(value: Decimal | int | str | None) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        # A float has already lost the exact amount the clerk typed.
        raise TypeError(f"金额和比例须用 Decimal 或字符串表示，不能用浮点数：{value!r}")
    return Decimal(value)


# ---------------------------------------------------------------------------
# The catalogue a new installation starts with
# ---------------------------------------------------------------------------

_ALL_METHODS = frozenset(RepaymentMethod)


def default_catalogue() -> list[Product]:
    """The products a new installation starts with; every figure is a setting.

    - 小微贷款 (``micro``): the source documents' defaults: 5,000–500,000 yuan,
      3–24 months, natural-person guarantors and no collateral, at least 3
      months in business (12 above 100,000). All repayment methods, because
      repayment follows the customer's cash flow.
    - 快速抵押贷款 (``quick-mortgage``): collateral required, loan at most 70%
      of the appraised value; 10,000–1,000,000 yuan, 3–36 months.
    - 商贸链贷款 (``trade-chain``): dealers and suppliers of a trade chain;
      10,000–1,000,000 yuan over 3–12 months (one or two trade cycles), repaid
      by interest-only or cash-flow schedules that follow the goods.
    - 担保公司担保贷款 (``guarantee-company``): a guarantee company stands
      behind the loan; 10,000–2,000,000 yuan (the micro-business department's
      remit), 3–36 months.
    - 自然人保证贷款 (``personal-guarantee``): natural-person guarantors,
      5,000–500,000 yuan (the supervisor's approval authority), 3–36 months.
    - 联保贷款 (``joint-group``): 3 to 5 households guarantee each other;
      5,000–200,000 yuan per household, 3–24 months.

    All products keep the time-in-business rule (3 months, 12 above 100,000)
    and the penalty uplifts +50% (overdue) and +100% (misuse of funds).
    """
    return [
        Product(
            code="micro",
            name="小微贷款",
            min_amount=Decimal("5000.00"),
            max_amount=Decimal("500000.00"),
            min_months=3,
            max_months=24,
            guarantee_types=frozenset({GuaranteeType.NATURAL_PERSON}),
            repayment_methods=_ALL_METHODS,
        ),
        Product(
            code="quick-mortgage",
            name="快速抵押贷款",
            min_amount=Decimal("10000.00"),
            max_amount=Decimal("1000000.00"),
            min_months=3,
            max_months=36,
            guarantee_types=frozenset({GuaranteeType.COLLATERAL}),
            repayment_methods=_ALL_METHODS,
            requires_collateral=True,
            max_loan_to_value=Decimal("0.70"),
        ),
        Product(
            code="trade-chain",
            name="商贸链贷款",
            min_amount=Decimal("10000.00"),
            max_amount=Decimal("1000000.00"),
            min_months=3,
            max_months=12,
            guarantee_types=frozenset(
                {GuaranteeType.NATURAL_PERSON, GuaranteeType.GUARANTEE_COMPANY}
            ),
            repayment_methods=frozenset(
                {
                    RepaymentMethod.INTEREST_MONTHLY,
                    RepaymentMethod.INTEREST_QUARTERLY,
                    RepaymentMethod.CASH_FLOW,
                }
            ),
        ),
        Product(
            code="guarantee-company",
            name="担保公司担保贷款",
            min_amount=Decimal("10000.00"),
            max_amount=Decimal("2000000.00"),
            min_months=3,
            max_months=36,
            guarantee_types=frozenset({GuaranteeType.GUARANTEE_COMPANY}),
            repayment_methods=_ALL_METHODS,
        ),
        Product(
            code="personal-guarantee",
            name="自然人保证贷款",
            min_amount=Decimal("5000.00"),
            max_amount=Decimal("500000.00"),
            min_months=3,
            max_months=36,
            guarantee_types=frozenset({GuaranteeType.NATURAL_PERSON}),
            repayment_methods=_ALL_METHODS,
        ),
        Product(
            code="joint-group",
            name="联保贷款",
            min_amount=Decimal("5000.00"),
            max_amount=Decimal("200000.00"),
            min_months=3,
            max_months=24,
            guarantee_types=frozenset({GuaranteeType.JOINT_GROUP}),
            repayment_methods=_ALL_METHODS,
            group_size=GroupSize(GROUP_MIN_HOUSEHOLDS, GROUP_MAX_HOUSEHOLDS),
        ),
    ]


def find_product(products: Iterable[Product], code: str) -> Product:
    """The product with ``code``; ``NotFound`` if there is none."""
    for product in products:
        if product.code == code:
            return product
    raise NotFound(f"没有代码为“{code}”的贷款产品")


# ---------------------------------------------------------------------------
# Breaches: the shared shape of "which rule failed, on which field, by how much"
# ---------------------------------------------------------------------------


class Rule(StrEnum):
    """Names of the rules a product setting or a request can break."""

    PRODUCT_ACTIVE = "product-active"
    PRODUCT_CODE = "product-code"
    PRODUCT_NAME = "product-name"
    AMOUNT_RANGE = "amount-range"
    AMOUNT_PRECISION = "amount-precision"
    AMOUNT_MIN = "amount-min"
    AMOUNT_MAX = "amount-max"
    TERM_RANGE = "term-range"
    TERM_MIN = "term-min"
    TERM_MAX = "term-max"
    MONTHS_IN_BUSINESS = "months-in-business"
    MONTHS_IN_BUSINESS_ABOVE_THRESHOLD = "months-in-business-above-threshold"
    GUARANTEE_TYPE = "guarantee-type"
    REPAYMENT_METHOD = "repayment-method"
    PENALTY_UPLIFT = "penalty-uplift"
    MISUSE_PENALTY_UPLIFT = "misuse-penalty-uplift"
    COLLATERAL_REQUIRED = "collateral-required"
    LOAN_TO_VALUE = "loan-to-value"
    GROUP_SIZE = "group-size"
    VERSION = "version"


@dataclass(frozen=True)
class RuleBreach:
    """One rule a product or a request breaks.

    ``rule`` is a ``Rule`` value, ``field`` the name of the input to show the
    message beside, ``message`` a sentence for the clerk that says by how much.
    """

    rule: str
    field: str
    message: str


class NotEligible(DomainError):
    """The request does not fit the product; ``breaches`` lists every reason."""

    def __init__(self, product: Product, breaches: list[RuleBreach]):
        reasons = "；".join(b.message for b in breaches)
        super().__init__(f"不符合“{product.name}”的准入条件：{reasons}")
        self.breaches = breaches


# ---------------------------------------------------------------------------
# Product settings, checked when the administrator saves them
# ---------------------------------------------------------------------------


def validate_product(product: Product) -> None:
    """Refuse an incoherent product: raises ``ValidationError`` for the first
    problem, with ``field`` naming the setting. Returns ``None`` when sound."""
    for problem in product_problems(product):
        raise ValidationError(problem.message, problem.field)


def product_problems(product: Product) -> list[RuleBreach]:
    """Every problem in the product's settings, for a form that shows them all."""
    return [
        *_identity_problems(product),
        *_amount_problems(product),
        *_term_problems(product),
        *_business_age_problems(product),
        *_method_problems(product),
        *_uplift_problems(product),
        *_collateral_problems(product),
        *_group_problems(product),
        *_version_problems(product),
    ]


def _identity_problems(p: Product) -> Iterator[RuleBreach]:
    if not _CODE_PATTERN.match(p.code or ""):
        yield RuleBreach(
            Rule.PRODUCT_CODE,
            "code",
            f"产品代码“{p.code}”无效：只能用小写字母、数字和连字符，如 quick-mortgage",
        )
    if not (p.name or "").strip():
        yield RuleBreach(Rule.PRODUCT_NAME, "name", "产品名称不能为空")


def _amount_problems(p: Product) -> Iterator[RuleBreach]:
    for field, label, amount in (
        ("min_amount", "金额下限", p.min_amount),
        ("max_amount", "金额上限", p.max_amount),
        ("higher_amount_threshold", "经营时间加严的金额起点", p.higher_amount_threshold),
    ):
        if amount is None:
            continue
        if amount <= 0:
            yield RuleBreach(Rule.AMOUNT_RANGE, field, f"{label}须大于零，目前为 {amount}")
        elif amount != amount.quantize(FEN):
            yield RuleBreach(Rule.AMOUNT_PRECISION, field, f"{label} {amount} 超过两位小数")
    if p.min_amount > p.max_amount:
        yield RuleBreach(
            Rule.AMOUNT_RANGE,
            "max_amount",
            f"金额上限 {format_amount(p.max_amount)} 元低于下限 "
            f"{format_amount(p.min_amount)} 元，相差 {format_amount(p.min_amount - p.max_amount)} 元",
        )


def _term_problems(p: Product) -> Iterator[RuleBreach]:
    if p.min_months < 1:
        yield RuleBreach(
            Rule.TERM_RANGE, "min_months", f"期限下限须至少 1 个月，目前 {p.min_months} 个月"
        )
    if p.min_months > p.max_months:
        yield RuleBreach(
            Rule.TERM_RANGE,
            "max_months",
            f"期限上限 {p.max_months} 个月低于下限 {p.min_months} 个月，"
            f"相差 {p.min_months - p.max_months} 个月",
        )


def _business_age_problems(p: Product) -> Iterator[RuleBreach]:
    if p.min_months_in_business < 0:
        yield RuleBreach(
            Rule.MONTHS_IN_BUSINESS,
            "min_months_in_business",
            f"经营时间要求不能为负数，目前 {p.min_months_in_business} 个月",
        )
    if (
        p.higher_amount_threshold is not None
        and p.min_months_in_business_above_threshold < p.min_months_in_business
    ):
        yield RuleBreach(
            Rule.MONTHS_IN_BUSINESS_ABOVE_THRESHOLD,
            "min_months_in_business_above_threshold",
            f"金额超过 {format_amount(p.higher_amount_threshold)} 元时的经营时间要求 "
            f"{p.min_months_in_business_above_threshold} 个月低于基本要求 "
            f"{p.min_months_in_business} 个月，"
            f"相差 {p.min_months_in_business - p.min_months_in_business_above_threshold} 个月",
        )


def _method_problems(p: Product) -> Iterator[RuleBreach]:
    if not p.guarantee_types:
        yield RuleBreach(Rule.GUARANTEE_TYPE, "guarantee_types", "至少须选择一种担保方式")
    if not p.repayment_methods:
        yield RuleBreach(Rule.REPAYMENT_METHOD, "repayment_methods", "至少须选择一种还款方式")


def _uplift_problems(p: Product) -> Iterator[RuleBreach]:
    yield from _uplift_problem(
        Rule.PENALTY_UPLIFT,
        "penalty_uplift",
        "逾期罚息上浮比例",
        p.penalty_uplift,
        PENALTY_UPLIFT_RANGE,
    )
    yield from _uplift_problem(
        Rule.MISUSE_PENALTY_UPLIFT,
        "misuse_penalty_uplift",
        "挪用罚息上浮比例",
        p.misuse_penalty_uplift,
        MISUSE_PENALTY_UPLIFT_RANGE,
    )


def _uplift_problem(
    rule: Rule, field: str, label: str, uplift: Decimal, allowed: tuple[Decimal, Decimal]
) -> Iterator[RuleBreach]:
    low, high = allowed
    if uplift < low:
        gap = f"还差 {_points(low - uplift)} 个百分点"
    elif uplift > high:
        gap = f"超出 {_points(uplift - high)} 个百分点"
    else:
        return
    yield RuleBreach(
        rule,
        field,
        f"{label}须在 {_percent(low)} 至 {_percent(high)} 之间，目前 {_percent(uplift)}，{gap}",
    )


def _collateral_problems(p: Product) -> Iterator[RuleBreach]:
    takes_collateral = p.requires_collateral or GuaranteeType.COLLATERAL in p.guarantee_types
    if p.requires_collateral and GuaranteeType.COLLATERAL not in p.guarantee_types:
        yield RuleBreach(
            Rule.COLLATERAL_REQUIRED,
            "guarantee_types",
            "本产品要求抵押，担保方式中须包含“抵押”",
        )
    if takes_collateral and p.max_loan_to_value is None:
        yield RuleBreach(Rule.LOAN_TO_VALUE, "max_loan_to_value", "抵押类产品须设置抵押率上限")
    elif not takes_collateral and p.max_loan_to_value is not None:
        yield RuleBreach(
            Rule.LOAN_TO_VALUE,
            "max_loan_to_value",
            "本产品不接受抵押，不应设置抵押率上限",
        )
    elif p.max_loan_to_value is not None and not 0 < p.max_loan_to_value <= 1:
        yield RuleBreach(
            Rule.LOAN_TO_VALUE,
            "max_loan_to_value",
            f"抵押率上限须大于 0% 且不超过 100%，目前 {_percent(p.max_loan_to_value)}",
        )


def _group_problems(p: Product) -> Iterator[RuleBreach]:
    takes_groups = GuaranteeType.JOINT_GROUP in p.guarantee_types
    size = p.group_size
    if takes_groups and size is None:
        yield RuleBreach(Rule.GROUP_SIZE, "group_size", "联保类产品须设置小组户数")
    elif not takes_groups and size is not None:
        yield RuleBreach(Rule.GROUP_SIZE, "group_size", "本产品不接受联保，不应设置小组户数")
    elif size is not None and (
        size.minimum > size.maximum
        or size.minimum < GROUP_MIN_HOUSEHOLDS
        or size.maximum > GROUP_MAX_HOUSEHOLDS
    ):
        yield RuleBreach(
            Rule.GROUP_SIZE,
            "group_size",
            f"联保小组户数须在 {GROUP_MIN_HOUSEHOLDS} 至 {GROUP_MAX_HOUSEHOLDS} 户之内"
            f"且下限不高于上限，目前设置 {size.label}",
        )


def _version_problems(p: Product) -> Iterator[RuleBreach]:
    if p.version < 0:
        yield RuleBreach(Rule.VERSION, "version", f"版本号不能为负数：{p.version}")


# ---------------------------------------------------------------------------
# Eligibility of one request
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EligibilityRequest:
    """What the desk knows at intake that decides whether a product fits.

    ``collateral_appraised_value`` is the appraised value of the collateral,
    ``None`` while there is none or it has not been appraised (an unappraised
    asset does not count). ``group_size`` is the number of households in a
    joint-guarantee group, ``None`` if not a group loan.
    """

    amount: Decimal
    months: int
    months_in_business: int
    guarantee_type: GuaranteeType
    repayment_method: RepaymentMethod
    collateral_appraised_value: Decimal | None = None
    group_size: int | None = None

    @property
    def has_collateral(self) -> bool:
        return self.collateral_appraised_value is not None


def check_eligibility(product: Product, request: EligibilityRequest) -> list[RuleBreach]:
    """Every rule of ``product`` the request breaks, in form order; ``[]`` when eligible.

    Pure: reads nothing but its arguments, so the intake form can call it on
    every keystroke.
    """
    return [
        *_active_breaches(product),
        *_amount_breaches(product, request),
        *_term_breaches(product, request),
        *_business_age_breaches(product, request),
        *_guarantee_breaches(product, request),
        *_repayment_breaches(product, request),
        *_collateral_breaches(product, request),
        *_group_breaches(product, request),
    ]


def ensure_eligible(product: Product, request: EligibilityRequest) -> None:
    """Raise ``NotEligible`` (a ``DomainError``) naming every breach, if any."""
    breaches = check_eligibility(product, request)
    if breaches:
        raise NotEligible(product, breaches)


def _active_breaches(p: Product) -> Iterator[RuleBreach]:
    if not p.active:
        yield RuleBreach(Rule.PRODUCT_ACTIVE, "product", f"产品“{p.name}”已停用，不再受理新申请")


def _amount_breaches(p: Product, r: EligibilityRequest) -> Iterator[RuleBreach]:
    amount = r.amount
    if amount != amount.quantize(FEN):
        yield RuleBreach(Rule.AMOUNT_PRECISION, "amount", f"金额 {amount} 元须精确到分（两位小数）")
    if amount < p.min_amount:
        yield RuleBreach(
            Rule.AMOUNT_MIN,
            "amount",
            f"金额 {format_amount(amount)} 元低于本产品下限 {format_amount(p.min_amount)} 元，"
            f"还差 {format_amount(p.min_amount - amount)} 元",
        )
    elif amount > p.max_amount:
        yield RuleBreach(
            Rule.AMOUNT_MAX,
            "amount",
            f"金额 {format_amount(amount)} 元超过本产品上限 {format_amount(p.max_amount)} 元，"
            f"超出 {format_amount(amount - p.max_amount)} 元",
        )


def _term_breaches(p: Product, r: EligibilityRequest) -> Iterator[RuleBreach]:
    if r.months < p.min_months:
        yield RuleBreach(
            Rule.TERM_MIN,
            "months",
            f"期限 {r.months} 个月低于本产品下限 {p.min_months} 个月，"
            f"还差 {p.min_months - r.months} 个月",
        )
    elif r.months > p.max_months:
        yield RuleBreach(
            Rule.TERM_MAX,
            "months",
            f"期限 {r.months} 个月超过本产品上限 {p.max_months} 个月，"
            f"超出 {r.months - p.max_months} 个月",
        )


def _business_age_breaches(p: Product, r: EligibilityRequest) -> Iterator[RuleBreach]:
    # Only the requirement that applies to this amount is reported: a clerk
    # told "3 months" and "12 months" at once would not know which to meet.
    required = p.months_in_business_required(r.amount)
    if r.months_in_business >= required:
        return
    shortfall = f"目前 {r.months_in_business} 个月，还差 {required - r.months_in_business} 个月"
    if required > p.min_months_in_business:
        yield RuleBreach(
            Rule.MONTHS_IN_BUSINESS_ABOVE_THRESHOLD,
            "months_in_business",
            f"贷款金额超过 {format_amount(p.higher_amount_threshold)} 元时，"
            f"经营时间须满 {required} 个月，{shortfall}",
        )
    else:
        yield RuleBreach(
            Rule.MONTHS_IN_BUSINESS,
            "months_in_business",
            f"经营时间须满 {required} 个月，{shortfall}",
        )


def _guarantee_breaches(p: Product, r: EligibilityRequest) -> Iterator[RuleBreach]:
    if r.guarantee_type not in p.guarantee_types:
        yield RuleBreach(
            Rule.GUARANTEE_TYPE,
            "guarantee_type",
            f"本产品不接受担保方式：{r.guarantee_type.label}"
            f"（可选：{_labels(GuaranteeType, p.guarantee_types)}）",
        )


def _repayment_breaches(p: Product, r: EligibilityRequest) -> Iterator[RuleBreach]:
    if r.repayment_method not in p.repayment_methods:
        yield RuleBreach(
            Rule.REPAYMENT_METHOD,
            "repayment_method",
            f"本产品不支持还款方式：{r.repayment_method.label}"
            f"（可选：{_labels(RepaymentMethod, p.repayment_methods)}）",
        )


def _collateral_breaches(p: Product, r: EligibilityRequest) -> Iterator[RuleBreach]:
    pledged = p.requires_collateral or (
        r.guarantee_type is GuaranteeType.COLLATERAL and r.guarantee_type in p.guarantee_types
    )
    if not pledged:
        return
    value = r.collateral_appraised_value
    if value is None or value <= 0:
        yield RuleBreach(
            Rule.COLLATERAL_REQUIRED,
            "collateral_appraised_value",
            "本产品须提供抵押物，并填写大于零的评估价值",
        )
        return
    limit = p.max_loan_to_value
    if limit is None or r.amount <= value * limit:
        return
    # Round the ceiling down and the ratio up: the clerk must never read an
    # amount that would still breach the limit, or a ratio equal to it.
    ceiling = (value * limit).quantize(FEN, rounding=ROUND_DOWN)
    ratio = (r.amount / value).quantize(Decimal("0.0001"), rounding=ROUND_UP)
    yield RuleBreach(
        Rule.LOAN_TO_VALUE,
        "amount",
        f"抵押率 {_percent(ratio)} 超过上限 {_percent(limit)}：评估价值 {format_amount(value)} 元"
        f"最多可贷 {format_amount(ceiling)} 元，超出 {format_amount(r.amount - ceiling)} 元",
    )


def _group_breaches(p: Product, r: EligibilityRequest) -> Iterator[RuleBreach]:
    size = p.group_size
    if r.guarantee_type is not GuaranteeType.JOINT_GROUP or size is None:
        return
    households = r.group_size
    if households is None:
        detail = "目前未填写户数"
    elif households < size.minimum:
        detail = f"目前 {households} 户，还差 {size.minimum - households} 户"
    elif households > size.maximum:
        detail = f"目前 {households} 户，多出 {households - size.maximum} 户"
    else:
        return
    yield RuleBreach(Rule.GROUP_SIZE, "group_size", f"联保小组须 {size.label}，{detail}")


# ---------------------------------------------------------------------------
# Formatting helpers
# ---------------------------------------------------------------------------


def _percent(ratio: Decimal) -> str:
    """``Decimal("0.7")`` → ``"70.00%"``, rounded half-up like every figure we print."""
    return f"{_points(ratio)}%"


def _points(ratio: Decimal) -> str:
    """A ratio in percentage points with two decimals: ``0.05`` → ``"5.00"``."""
    return f"{(ratio * 100).quantize(FEN, rounding=ROUND_HALF_UP)}"


def _labels(enum: type[GuaranteeType] | type[RepaymentMethod], chosen: frozenset) -> str:
    """Labels of ``chosen`` in the enum's declaration order, so the list reads the same every time."""
    return "、".join(member.label for member in enum if member in chosen)
