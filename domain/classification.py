"""Five-category loan classification (五级分类): the suggestion from days past
due, and the supervisor's decision.

Every loan carries a category. The daily run and every posting suggest one
from days past due (``suggest``): current loans are 正常, any overdue loan is
at least 关注, and the thresholds for 次级, 可疑 and 损失 are bank settings
(more than 90, 270 and 360 days by default; a product may have its own).
A supervisor confirms the suggestion or overrides it with a reason
(``classify``); the decision stands while the suggestion stays the same and
the loan comes back to the queue (``classification_queue``) when its days
past due move it to another category. An overdue loan can never be
classified 正常.

A loan in default (次级 or worse) can put the borrower on the notice list
(违约信息通报名单) in the same step.

Use cases take a unit of work with the repositories ``loan_accounts``,
``classifications``, ``customers``, ``settings`` and ``blacklist``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from domain.blacklist import add_to_blacklist
from domain.customers import limited_text
from domain.errors import ConcurrencyConflict, DomainError, NotFound, ValidationError
from domain.overdue import days_past_due
from domain.text import normalize_input
from domain.users import Role, User

CLASSIFICATION_SETTING = "classification"
REASON_MAX = 500
DEFAULT_PRODUCT_KEY = "default"


class Category(StrEnum):
    """The five categories, best first. Values are stored."""

    NORMAL = "normal"
    SPECIAL_MENTION = "special_mention"
    SUBSTANDARD = "substandard"
    DOUBTFUL = "doubtful"
    LOSS = "loss"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """0 for 正常 up to 4 for 损失: a higher rank is a worse loan."""
        return list(Category).index(self)

    @property
    def in_default(self) -> bool:
        """次级, 可疑 and 损失: the non-performing categories (不良贷款)."""
        return self.rank >= Category.SUBSTANDARD.rank


_LABELS = {
    Category.NORMAL: "正常",
    Category.SPECIAL_MENTION: "关注",
    Category.SUBSTANDARD: "次级",
    Category.DOUBTFUL: "可疑",
    Category.LOSS: "损失",
}


def parse_category(value: Category | str) -> Category:
    """A category from itself, its code or its Chinese label."""
    if isinstance(value, Category):
        return value
    text = normalize_input(value)
    for category in Category:
        if text in (category.value, category.label):
            return category
    choices = "、".join(c.label for c in Category)
    raise ValidationError(f"五级分类“{text}”无效，可选：{choices}", "category")


@dataclass(frozen=True)
class Thresholds:
    """Days past due beyond which a loan is at least 次级, 可疑, 损失."""

    substandard: int = 90
    doubtful: int = 270
    loss: int = 360

    def __post_init__(self) -> None:
        if not 0 < self.substandard < self.doubtful < self.loss:
            raise ValidationError(
                "五级分类逾期天数须满足 0 < 次级 < 可疑 < 损失，"
                f"当前为 {self.substandard} / {self.doubtful} / {self.loss}",
                "thresholds",
            )


DEFAULT_THRESHOLDS = Thresholds()


def suggest(days_past_due: int, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> Category:
    """The category days past due call for. Pure.

    0 days: 正常; 1 day or more: 关注; more than ``substandard`` days: 次级;
    more than ``doubtful``: 可疑; more than ``loss``: 损失.
    """
    if days_past_due > thresholds.loss:
        return Category.LOSS
    if days_past_due > thresholds.doubtful:
        return Category.DOUBTFUL
    if days_past_due > thresholds.substandard:
        return Category.SUBSTANDARD
    if days_past_due > 0:
        return Category.SPECIAL_MENTION
    return Category.NORMAL


def load_thresholds(uow) -> dict[str, Thresholds]:
    """Thresholds by product code, inside an open unit of work; the key
    ``default`` applies to products without their own (setting
    ``classification.thresholds``: ``{"default": [90, 270, 360], ...}``)."""
    stored = (uow.settings.get(CLASSIFICATION_SETTING, {}) or {}).get("thresholds", {}) or {}
    found = {DEFAULT_PRODUCT_KEY: DEFAULT_THRESHOLDS}
    for key, days in stored.items():
        found[key] = Thresholds(*(int(d) for d in days))
    return found


def thresholds_for(table: dict[str, Thresholds], product_code: str) -> Thresholds:
    return table.get(product_code) or table[DEFAULT_PRODUCT_KEY]


def set_thresholds(
    uow, actor: User, substandard: int, doubtful: int, loss: int, product_code: str | None = None
) -> Thresholds:
    """The administrator sets the thresholds, for all products or one."""
    actor.require(Role.ADMINISTRATOR, doing="设置五级分类逾期天数")
    thresholds = Thresholds(int(substandard), int(doubtful), int(loss))
    with uow.acting(actor.username):
        stored = dict(uow.settings.get(CLASSIFICATION_SETTING, {}) or {})
        table = dict(stored.get("thresholds", {}) or {})
        table[product_code or DEFAULT_PRODUCT_KEY] = [substandard, doubtful, loss]
        stored["thresholds"] = table
        uow.settings.put(CLASSIFICATION_SETTING, stored)
        uow.commit()
    return thresholds


def refreshed(
    current: Category, confirmed: bool, old_suggestion: Category, new_suggestion: Category
) -> tuple[Category, bool]:
    """The category and whether it stays confirmed after a new suggestion. Pure.

    A supervisor's decision stands while the suggestion it answered is
    unchanged; otherwise the new suggestion takes over, unconfirmed.
    """
    if confirmed and new_suggestion == old_suggestion:
        return current, True
    return new_suggestion, False


# ---------------------------------------------------------------------------
# The supervisor's decision
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassificationDecision:
    """A supervisor's confirmation or override, kept for good."""

    loan_number: str
    category: Category
    suggested: Category
    days_past_due: int
    reason: str
    decided_by: str
    decided_at: datetime
    blacklisted: bool = False
    loan_id: int | None = None
    id: int | None = None

    @property
    def overridden(self) -> bool:
        return self.category != self.suggested


@dataclass(frozen=True)
class PendingClassification:
    """A loan whose category waits for a supervisor's confirmation."""

    loan_number: str
    borrower_name: str
    officer: str
    days_past_due: int
    suggested: Category
    category: Category
    outstanding_principal: Decimal
    version: int
    product_code: str = ""
    arrears_since: date | None = None

    def as_of(self, day: date, thresholds: dict[str, Thresholds]) -> PendingClassification:
        """The row with its days past due and suggestion counted on ``day``,
        as ``classify`` counts them: the stored ones are those of the last
        posting or daily run."""
        dpd = days_past_due(self.arrears_since, day)
        suggested = suggest(dpd, thresholds_for(thresholds, self.product_code))
        return replace(self, days_past_due=dpd, suggested=suggested)


def classify(
    uow,
    actor: User,
    loan_number: str,
    category: Category | str,
    reason: str = "",
    *,
    version: int,
    blacklist: bool = False,
    blacklist_reason: str = "",
    today: date | None = None,
) -> ClassificationDecision:
    """A supervisor confirms the suggested category or overrides it.

    ``reason`` is required for an override (a category other than the one
    suggested) and for putting the borrower on the notice list. Refused:
    正常 for an overdue loan; ``blacklist`` below 次级; a ``version`` older
    than the loan account's (``ConcurrencyConflict``). The decision is
    stored with the days past due and suggestion it answered, and audited.
    With ``blacklist`` the borrower is then listed through
    ``domain.blacklist.add_to_blacklist`` (its own transaction, after the
    decision is saved), the reason naming the loan and its category.
    """
    actor.require(Role.SUPERVISOR, doing="确认五级分类")
    chosen = parse_category(category)
    text = _reason(reason)
    with uow.acting(actor.username):
        account = _account(uow, loan_number)
        if account.state.value != "active":
            raise DomainError(
                f"贷款 {account.loan_number} 已{account.state.label}，无需再认定五级分类。"
            )
        if account.version != version:
            raise ConcurrencyConflict(
                f"贷款 {account.loan_number} 的状况刚刚有变化（还款或日终处理），请刷新后重新确认分类。"
            )
        day = today or uow.clock.today()
        dpd = account.days_past_due_on(day)
        suggested = suggest(dpd, thresholds_for(load_thresholds(uow), account.product_code))
        _check_decision(account.loan_number, chosen, suggested, dpd, text, blacklist)
        decision = ClassificationDecision(
            loan_number=account.loan_number,
            category=chosen,
            suggested=suggested,
            days_past_due=dpd,
            reason=text,
            decided_by=actor.username,
            decided_at=uow.clock.now(),
            blacklisted=blacklist,
            loan_id=account.loan_id,
        )
        saved = uow.classifications.add(decision)
        uow.loan_accounts.set_classification(
            account.loan_id, chosen, confirmed=True, suggested=suggested
        )
        uow.record("classify", "loan_accounts", account.loan_number, _detail(decision))
        customer = uow.customers.get(account.customer_id)
        uow.commit()
    if blacklist:
        listed_reason = _reason(blacklist_reason) or text
        add_to_blacklist(
            uow,
            actor,
            customer.id_number,
            customer.name,
            f"贷款 {account.loan_number} 五级分类为{chosen.label}：{listed_reason}"[:200],
            source="五级分类认定",
        )
    return saved


def _check_decision(
    number: str, chosen: Category, suggested: Category, dpd: int, reason: str, blacklist: bool
) -> None:
    if dpd > 0 and chosen is Category.NORMAL:
        raise DomainError(
            f"贷款 {number} 已逾期 {dpd} 天，逾期贷款至少应分为“关注”类，不能认定为正常。"
        )
    if chosen != suggested and not reason:
        raise ValidationError(
            f"系统建议为“{suggested.label}”，认定为“{chosen.label}”须填写理由。", "reason"
        )
    if blacklist and not chosen.in_default:
        raise DomainError(
            f"只有次级、可疑、损失类贷款的借款人才能列入违约信息通报名单，本笔认定为“{chosen.label}”。"
        )
    if blacklist and not reason:
        raise ValidationError("列入违约信息通报名单须填写理由。", "reason")


def _reason(text: str | None) -> str:
    return limited_text(text, "reason", "理由", REASON_MAX, remark=True)


def _detail(decision: ClassificationDecision) -> dict[str, Any]:
    return {
        "category": decision.category.value,
        "suggested": decision.suggested.value,
        "days_past_due": decision.days_past_due,
        "reason": decision.reason,
        "blacklist": decision.blacklisted,
    }


def _account(uow, loan_number: str):
    number = normalize_input(loan_number).upper()
    account = uow.loan_accounts.get(number) if number else None
    if account is None:
        raise NotFound(f"找不到贷款 {number or '（未填写编号）'}，请核对借款合同编号。")
    return account


def classification_history(uow, loan_number: str) -> list[ClassificationDecision]:
    """The supervisors' decisions on the loan, oldest first."""
    with uow:
        account = _account(uow, loan_number)
        return uow.classifications.for_loan(account.loan_id)


def classification_queue(uow, actor: User, limit: int = 200) -> list[PendingClassification]:
    """Active loans whose category is not confirmed, worst first: the
    supervisor's queue."""
    actor.require(Role.SUPERVISOR, doing="查看待认定的五级分类")
    with uow:
        today = uow.clock.today()
        thresholds = load_thresholds(uow)
        return [row.as_of(today, thresholds) for row in uow.classifications.pending(limit)]


def classification_of(uow, actor: User, loan_number: str) -> PendingClassification:
    """Any active loan as the decision screen shows it, its days past due
    and suggestion counted today: a supervisor may classify a loan again
    (a confirmed 关注 he now knows to be worse), not only those the queue
    lists. ``DomainError`` for a loan settled or written off."""
    actor.require(Role.SUPERVISOR, doing="认定五级分类")
    with uow:
        account = _account(uow, loan_number)
        if account.state.value != "active":
            raise DomainError(
                f"贷款 {account.loan_number} 已{account.state.label}，无需再认定五级分类。"
            )
        shown = PendingClassification(
            loan_number=account.loan_number,
            borrower_name=account.borrower_name,
            officer=account.officer,
            days_past_due=account.days_past_due,
            suggested=account.suggested_class,
            category=account.classification,
            outstanding_principal=account.outstanding_principal,
            version=account.version,
            product_code=account.product_code,
            arrears_since=account.arrears_since,
        )
        return shown.as_of(uow.clock.today(), load_thresholds(uow))
