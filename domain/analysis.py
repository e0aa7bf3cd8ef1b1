"""The loan officer's analysis sheet (分析表): the business's balance sheet and
monthly profit and loss as the officer builds them on site, the household's
income and spending, the cross-checks between them, and repayment capacity.

"What you see is what counts" (实地眼见、审慎保守): every figure is what the
two officers verified on site; assets that could not be verified are left
out. All amounts are ``Decimal`` yuan, exact to the fen, and monthly where
the name says so. Figures the officer types are never negative, except the
equities and revaluation of the equity cross-check; results (equity, profit,
surplus, deviations) may be.

Tolerances and the acceptance ratio are bank settings (``AnalysisPolicy``).
No regulation or public standard fixes them: each bank's credit policy does.

Percentages are ``Decimal`` numbers of percent (``Decimal("45.26")`` is
45.26%). Those a check is judged on are rounded *away from zero* to 0.01%, and
the judgement is made on the rounded figure: a deviation a hair beyond the
tolerance shows as beyond it, never as equal to it, and what the sheet prints
is what it judged.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, InvalidOperation, localcontext
from typing import Any, ClassVar, Self

from domain.errors import ValidationError
from domain.interest import MONEY_CONTEXT
from domain.money import FEN, ZERO, format_amount, round_fen
from domain.schedule import Schedule

# Ten yi: no figure of a micro business comes near it, so anything larger is a
# typing mistake (extra zeros); it also keeps every sum exact within Decimal's
# precision.
FIGURE_LIMIT = Decimal("1000000000")
MAX_MONTHS = 600  # fifty years: an equity or working-capital period longer is a typing mistake

SHEET_FORMAT = "1"  # written into ``to_dict`` so a later layout can still read this one

_HUNDRED = Decimal(100)
_PERCENT_PLACES = Decimal("0.01")
_NOT_SHOWN = "—"

# Kinds of figure on the sheet, each with its own validation.
_AMOUNT = "amount"  # yuan, ≥ 0
_SIGNED = "signed"  # yuan, may be negative (equity, profit)
_MARGIN = "margin"  # percent, 0 ≤ x < 100
_SHARE = "share"  # percent, 0 < x ≤ 100
_MONTHS = "months"  # whole months, 1 … MAX_MONTHS


# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AnalysisPolicy:
    """Tolerances of the cross-checks and the repayment acceptance ratio, in
    percent. Bank settings with these defaults; no public standard sets them.

    - ``equity_tolerance_percent``: largest equity deviation (per month, as a
      share of monthly disposable income) accepted without a warning.
    - ``sales_tolerance_percent``: largest gap between stated monthly sales
      and sales implied by purchases, bank inflows or electricity.
    - ``max_instalment_percent``: largest share of the monthly net surplus the
      instalment may take.

    Each must be above 0 and at most 100, with at most two decimals;
    otherwise ``ValidationError`` on ``analysis_policy.<name>``.
    """

    equity_tolerance_percent: Decimal = Decimal("10")
    sales_tolerance_percent: Decimal = Decimal("15")
    max_instalment_percent: Decimal = Decimal("70")

    _LABELS: ClassVar[dict[str, str]] = {
        "equity_tolerance_percent": "权益偏差容忍度",
        "sales_tolerance_percent": "销售收入偏差容忍度",
        "max_instalment_percent": "月供占月净结余上限",
    }

    def __post_init__(self) -> None:
        for name, label in self._LABELS.items():
            value = _valid_percent(getattr(self, name), f"analysis_policy.{name}", label, _SHARE)
            object.__setattr__(self, name, value)

    def to_settings(self) -> dict[str, str]:
        """The policy as stored among the bank settings: names to strings."""
        return {name: str(getattr(self, name)) for name in self._LABELS}

    @classmethod
    def from_settings(cls, stored: Mapping[str, str] | None) -> AnalysisPolicy:
        """The policy from stored settings; defaults where nothing is stored.
        Unknown names are ignored so an older desk can read newer settings."""
        stored = stored or {}
        values = {
            name: _parse_decimal(stored[name], f"analysis_policy.{name}", label)
            for name, label in cls._LABELS.items()
            if name in stored
        }
        return cls(**values)


# ---------------------------------------------------------------------------
# Sections of the sheet the officer fills in
# ---------------------------------------------------------------------------


def _meta(label: str, kind: str = _AMOUNT) -> dict[str, str]:
    """A field's Chinese label and kind, which drive validation, messages and storage."""
    return {"label": label, "kind": kind}


class _Section:
    """What the sections share: validation of every figure on construction,
    and storage as a dict of strings.

    A ``ValidationError`` names its field as ``<SECTION>.<field name>``
    (``balance_sheet.cash``) so a form can show it beside the input.
    """

    SECTION: ClassVar[str]

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value is None and spec.default is None:
                continue  # optional and not filled in
            name = f"{self.SECTION}.{spec.name}"
            checked = _validated(value, name, spec.metadata["label"], spec.metadata["kind"])
            object.__setattr__(self, spec.name, checked)
        self._check_together()

    def _check_together(self) -> None:
        """Rules between fields, for sections that have any."""

    @classmethod
    def labels(cls) -> dict[str, str]:
        """Field names to the Chinese labels a form and the printed sheet use."""
        return {spec.name: spec.metadata["label"] for spec in fields(cls)}

    def to_dict(self) -> dict[str, str]:
        """Filled-in fields as strings (``"8500.00"``, ``"12"``); unfilled optional ones left out."""
        return {
            spec.name: str(getattr(self, spec.name))
            for spec in fields(self)
            if getattr(self, spec.name) is not None
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> Self:
        """The section from ``to_dict``'s output, validated as on construction.

        Raises ``ValidationError`` for a value that is not a valid figure or
        a required field that is missing, ``ValueError`` for an unknown name.
        """
        specs = {spec.name: spec for spec in fields(cls)}
        unknown = sorted(set(data) - set(specs))
        if unknown:
            raise ValueError(f"分析表“{cls.SECTION}”部分有无法识别的项目：{'、'.join(unknown)}")
        missing = [
            spec
            for spec in specs.values()
            if spec.default is MISSING and spec.default_factory is MISSING and spec.name not in data
        ]
        if missing:
            spec = missing[0]
            raise ValidationError(f"请填写{spec.metadata['label']}", f"{cls.SECTION}.{spec.name}")
        values = {name: _parsed(text, cls.SECTION, specs[name]) for name, text in data.items()}
        return cls(**values)


@dataclass(frozen=True)
class BalanceSheet(_Section):
    """The business's balance sheet as verified on site (资产负债表).

    Loans are split into bank and private (民间借贷) because the desk asks
    about each. ``equity`` may be negative (资不抵债).
    """

    SECTION: ClassVar[str] = "balance_sheet"

    cash: Decimal = field(default=ZERO, metadata=_meta("现金及银行存款"))
    receivables: Decimal = field(default=ZERO, metadata=_meta("应收账款"))
    inventory: Decimal = field(default=ZERO, metadata=_meta("存货"))
    fixed_assets: Decimal = field(default=ZERO, metadata=_meta("固定资产"))
    other_assets: Decimal = field(default=ZERO, metadata=_meta("其他资产"))
    payables: Decimal = field(default=ZERO, metadata=_meta("应付账款"))
    bank_loans: Decimal = field(default=ZERO, metadata=_meta("银行借款"))
    private_loans: Decimal = field(default=ZERO, metadata=_meta("民间借款"))
    other_liabilities: Decimal = field(default=ZERO, metadata=_meta("其他负债"))

    @property
    def total_assets(self) -> Decimal:
        """资产合计."""
        return self.cash + self.receivables + self.inventory + self.fixed_assets + self.other_assets

    @property
    def total_liabilities(self) -> Decimal:
        """负债合计."""
        return self.payables + self.bank_loans + self.private_loans + self.other_liabilities

    @property
    def equity(self) -> Decimal:
        """所有者权益 = assets − liabilities; negative when liabilities exceed assets."""
        return self.total_assets - self.total_liabilities

    @property
    def debt_ratio_percent(self) -> Decimal | None:
        """资产负债率 in percent, half-up to 0.01; ``None`` without any assets."""
        if self.total_assets == 0:
            return None
        return _percent(self.total_liabilities, self.total_assets, ROUND_HALF_UP)


@dataclass(frozen=True)
class MonthlyProfitAndLoss(_Section):
    """The business's profit and loss for a typical month (月度损益表).

    The cost of goods is given either as an amount (``cost_of_goods``) or as
    a gross margin on sales (``gross_margin_percent``, below 100), never both;
    until one is given, the gross and net profit are ``None``.
    """

    SECTION: ClassVar[str] = "profit_and_loss"

    sales: Decimal = field(default=ZERO, metadata=_meta("月销售收入"))
    cost_of_goods: Decimal | None = field(default=None, metadata=_meta("月销货成本"))
    gross_margin_percent: Decimal | None = field(default=None, metadata=_meta("毛利率", _MARGIN))
    rent: Decimal = field(default=ZERO, metadata=_meta("房租"))
    wages: Decimal = field(default=ZERO, metadata=_meta("工资"))
    utilities: Decimal = field(default=ZERO, metadata=_meta("水电费"))
    transport: Decimal = field(default=ZERO, metadata=_meta("运输费"))
    tax: Decimal = field(default=ZERO, metadata=_meta("税费"))
    other_expenses: Decimal = field(default=ZERO, metadata=_meta("其他费用"))

    def _check_together(self) -> None:
        if self.cost_of_goods is not None and self.gross_margin_percent is not None:
            raise ValidationError(
                "销货成本和毛利率只填一项：已填销货成本就不要再填毛利率",
                f"{self.SECTION}.gross_margin_percent",
            )

    @property
    def cost_of_goods_sold(self) -> Decimal | None:
        """The cost of goods as given, or sales × (100 − margin)%, half-up to the fen."""
        if self.cost_of_goods is not None:
            return self.cost_of_goods
        if self.gross_margin_percent is not None:
            with localcontext(MONEY_CONTEXT):
                return round_fen(self.sales * (_HUNDRED - self.gross_margin_percent) / _HUNDRED)
        return None

    @property
    def gross_profit(self) -> Decimal | None:
        """毛利润 = sales − cost of goods sold (negative when selling at a loss)."""
        cost = self.cost_of_goods_sold
        return None if cost is None else self.sales - cost

    @property
    def margin_percent(self) -> Decimal | None:
        """The gross margin in percent: as given, or gross profit ÷ sales half-up
        to 0.01; ``None`` without cost or without sales."""
        if self.gross_margin_percent is not None:
            return self.gross_margin_percent
        if self.gross_profit is None or self.sales == 0:
            return None
        return _percent(self.gross_profit, self.sales, ROUND_HALF_UP)

    def sales_implied_by(self, purchases: Decimal) -> Decimal | None:
        """The monthly sales that ``purchases`` of goods imply at this margin:
        purchases ÷ (1 − margin), half-up to the fen, in one division so the
        fen is exact. ``None`` without a cost of goods or margin, or when the
        cost of goods is zero (nothing to gross up with)."""
        with localcontext(MONEY_CONTEXT):
            if self.gross_margin_percent is not None:
                return round_fen(purchases * _HUNDRED / (_HUNDRED - self.gross_margin_percent))
            if not self.cost_of_goods:
                return None
            return round_fen(purchases * self.sales / self.cost_of_goods)

    @property
    def operating_expenses(self) -> Decimal:
        """经营费用合计: rent, wages, utilities, transport, tax and other."""
        return (
            self.rent
            + self.wages
            + self.utilities
            + self.transport
            + self.tax
            + self.other_expenses
        )

    @property
    def net_operating_profit(self) -> Decimal | None:
        """月经营净利润 = gross profit − operating expenses; ``None`` without cost."""
        gross = self.gross_profit
        return None if gross is None else gross - self.operating_expenses


@dataclass(frozen=True)
class Household(_Section):
    """The family's monthly income and spending besides the business (家庭收支).

    The business income comes from the profit and loss, so it is an argument
    here, not a field: the sheet cannot hold two different figures for it.
    """

    SECTION: ClassVar[str] = "household"

    wage_income: Decimal = field(default=ZERO, metadata=_meta("家庭成员工资收入"))
    other_income: Decimal = field(default=ZERO, metadata=_meta("其他收入"))
    living: Decimal = field(default=ZERO, metadata=_meta("生活开支"))
    education: Decimal = field(default=ZERO, metadata=_meta("教育支出"))
    medical: Decimal = field(default=ZERO, metadata=_meta("医疗支出"))
    social: Decimal = field(default=ZERO, metadata=_meta("人情往来支出"))
    other_loan_repayments: Decimal = field(default=ZERO, metadata=_meta("其他贷款月还款额"))

    @property
    def total_spending(self) -> Decimal:
        """家庭支出合计, repayments of other loans included."""
        return (
            self.living + self.education + self.medical + self.social + self.other_loan_repayments
        )

    def total_income(self, business_income: Decimal) -> Decimal:
        """家庭收入合计: the business's monthly net profit plus wages and other income."""
        return business_income + self.wage_income + self.other_income

    def net_surplus(self, business_income: Decimal) -> Decimal:
        """月净结余 (monthly disposable income) = total income − total spending; may be negative."""
        return self.total_income(business_income) - self.total_spending


# ---------------------------------------------------------------------------
# Cross-check inputs
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EquityReconciliation(_Section):
    """Inputs of the equity cross-check (权益交叉检验) over the ``months`` since
    a known earlier equity (the last analysis, or the start of the business).

    Optional figures left ``None`` come from the rest of the sheet:
    ``profit_over_period`` = monthly net operating profit × months;
    ``actual_equity`` = the balance sheet's equity; ``average_disposable_income``
    = the monthly net surplus. ``withdrawals`` is everything the owner took
    out of the business, the family's living costs paid from it included;
    ``revaluation`` is a change in asset values not from trading (+ up, − down).
    """

    SECTION: ClassVar[str] = "equity"

    initial_equity: Decimal = field(metadata=_meta("期初所有者权益", _SIGNED))
    months: int = field(metadata=_meta("期间月数", _MONTHS))
    profit_over_period: Decimal | None = field(default=None, metadata=_meta("期间利润", _SIGNED))
    capital_injected: Decimal = field(default=ZERO, metadata=_meta("期间追加投入"))
    withdrawals: Decimal = field(default=ZERO, metadata=_meta("期间提款（含家庭开支）"))
    revaluation: Decimal = field(default=ZERO, metadata=_meta("资产重估增减值", _SIGNED))
    depreciation: Decimal = field(default=ZERO, metadata=_meta("期间折旧"))
    actual_equity: Decimal | None = field(default=None, metadata=_meta("实际所有者权益", _SIGNED))
    average_disposable_income: Decimal | None = field(
        default=None, metadata=_meta("月均可支配收入", _SIGNED)
    )


@dataclass(frozen=True)
class SalesEvidence(_Section):
    """Independent evidence of monthly sales (销售收入交叉检验); each source is optional.

    - ``monthly_purchases``: goods bought a month; sales implied = purchases
      ÷ (1 − gross margin).
    - ``bank_inflows``: average monthly inflows on the business's bank (and
      payment app) statements; ``bank_share_percent`` is the share of sales
      that passes through them (100 unless the customer also takes cash).
    - ``electricity_bill``: a month's electricity bill and
      ``electricity_share_percent``, the bill as a share of sales usual in
      the trade, both required together.
    """

    SECTION: ClassVar[str] = "sales_evidence"

    monthly_purchases: Decimal | None = field(default=None, metadata=_meta("月进货额"))
    bank_inflows: Decimal | None = field(default=None, metadata=_meta("月均银行流水进账"))
    bank_share_percent: Decimal = field(
        default=_HUNDRED, metadata=_meta("经银行收款占销售比例", _SHARE)
    )
    electricity_bill: Decimal | None = field(default=None, metadata=_meta("月电费"))
    electricity_share_percent: Decimal | None = field(
        default=None, metadata=_meta("电费占销售比例", _SHARE)
    )

    def _check_together(self) -> None:
        if self.electricity_bill is not None and self.electricity_share_percent is None:
            raise ValidationError(
                "填写了月电费，还须填写本行业电费占销售收入的比例",
                f"{self.SECTION}.electricity_share_percent",
            )

    @property
    def is_empty(self) -> bool:
        """True when no source of evidence is filled in."""
        return (
            self.monthly_purchases is None
            and self.bank_inflows is None
            and self.electricity_bill is None
        )


@dataclass(frozen=True)
class WorkingCapitalChange(_Section):
    """Receivables and payables ``months`` before the visit, for the
    cash-flow adjustment (the current ones are on the balance sheet)."""

    SECTION: ClassVar[str] = "working_capital"

    months: int = field(metadata=_meta("间隔月数", _MONTHS))
    receivables_before: Decimal = field(metadata=_meta("期初应收账款"))
    payables_before: Decimal = field(metadata=_meta("期初应付账款"))


# ---------------------------------------------------------------------------
# Cross-checks
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EquityCheck:
    """The equity cross-check worked out, every figure shown on the sheet.

    ``expected_equity`` = initial + profit + injected − withdrawals +
    revaluation − depreciation; ``difference`` = expected − actual;
    ``deviation_percent`` = difference ÷ months ÷ disposable income, or
    ``None`` when the disposable income is not positive (then the check fails).
    """

    months: int
    initial_equity: Decimal
    profit_over_period: Decimal
    capital_injected: Decimal
    withdrawals: Decimal
    revaluation: Decimal
    depreciation: Decimal
    expected_equity: Decimal
    actual_equity: Decimal
    difference: Decimal
    disposable_income: Decimal
    deviation_percent: Decimal | None
    tolerance_percent: Decimal
    within_tolerance: bool
    message: str


def check_equity(
    reconciliation: EquityReconciliation,
    policy: AnalysisPolicy,
    *,
    monthly_profit: Decimal | None,
    balance_sheet_equity: Decimal | None,
    monthly_surplus: Decimal | None,
) -> EquityCheck | None:
    """The equity cross-check, or ``None`` while a figure it needs is missing
    (no profit, no actual equity, or no disposable income from either the
    reconciliation or the rest of the sheet).

    Beyond the tolerance (strictly) the message is a warning: a positive
    deviation (less equity than expected) points to overstated profit or
    undeclared withdrawals; a negative one to hidden debt or undeclared income.
    """
    rec = reconciliation
    profit = rec.profit_over_period
    if profit is None and monthly_profit is not None:
        profit = monthly_profit * rec.months
    actual = rec.actual_equity if rec.actual_equity is not None else balance_sheet_equity
    income = rec.average_disposable_income
    if income is None:
        income = monthly_surplus
    if profit is None or actual is None or income is None:
        return None
    expected = (
        rec.initial_equity
        + profit
        + rec.capital_injected
        - rec.withdrawals
        + rec.revaluation
        - rec.depreciation
    )
    difference = expected - actual
    deviation = None if income <= 0 else _percent(difference, income * rec.months, ROUND_UP)
    tolerance = policy.equity_tolerance_percent
    within = deviation is not None and abs(deviation) <= tolerance
    return EquityCheck(
        months=rec.months,
        initial_equity=rec.initial_equity,
        profit_over_period=profit,
        capital_injected=rec.capital_injected,
        withdrawals=rec.withdrawals,
        revaluation=rec.revaluation,
        depreciation=rec.depreciation,
        expected_equity=expected,
        actual_equity=actual,
        difference=difference,
        disposable_income=income,
        deviation_percent=deviation,
        tolerance_percent=tolerance,
        within_tolerance=within,
        message=_equity_message(difference, income, deviation, tolerance),
    )


def _equity_message(
    difference: Decimal, income: Decimal, deviation: Decimal | None, tolerance: Decimal
) -> str:
    if deviation is None:
        return (
            f"月可支配收入为 {format_amount(income)} 元，不为正数，无法衡量权益偏差"
            f"（推算与实际权益相差 {format_amount(difference)} 元），请核实收支"
        )
    if abs(deviation) <= tolerance:
        return f"权益偏差 {_shown(deviation)}，在容忍度 {_shown(tolerance)} 以内"
    if difference > 0:
        why = (
            f"实际权益比推算少 {format_amount(difference)} 元，"
            "可能利润被高估，或有未申报的提款、损失"
        )
    else:
        why = (
            f"实际权益比推算多 {format_amount(-difference)} 元，"
            "可能存在隐性负债（资产的资金来源未申报），或有未申报的收入"
        )
    return f"权益偏差 {_shown(deviation)}，超过容忍度 {_shown(tolerance)}：{why}，请核实"


@dataclass(frozen=True)
class SalesCheck:
    """Stated monthly sales against one source of evidence.

    ``deviation_percent`` = (stated − implied) ÷ stated; positive when the
    stated sales are higher. ``implied_sales`` and the deviation are ``None``
    when the evidence cannot be turned into sales (zero cost of goods); the
    check then fails so that the officer looks again.
    """

    source: str
    stated_sales: Decimal
    implied_sales: Decimal | None
    deviation_percent: Decimal | None
    tolerance_percent: Decimal
    within_tolerance: bool
    message: str


PURCHASES = "按进货推算"
BANK_INFLOWS = "按银行流水推算"
ELECTRICITY = "按电费推算"


def check_sales(
    profit_and_loss: MonthlyProfitAndLoss, evidence: SalesEvidence, policy: AnalysisPolicy
) -> tuple[SalesCheck, ...]:
    """One ``SalesCheck`` per source of evidence filled in, in the order
    purchases, bank inflows, electricity. None without stated sales, and no
    purchases check until the cost of goods or margin is known.
    """
    if profit_and_loss.sales == 0:
        return ()
    checks = []
    if evidence.monthly_purchases is not None and profit_and_loss.cost_of_goods_sold is not None:
        implied = profit_and_loss.sales_implied_by(evidence.monthly_purchases)
        checks.append(_sales_check(PURCHASES, profit_and_loss.sales, implied, policy))
    if evidence.bank_inflows is not None:
        implied = _divided(evidence.bank_inflows * _HUNDRED, evidence.bank_share_percent)
        checks.append(_sales_check(BANK_INFLOWS, profit_and_loss.sales, implied, policy))
    if evidence.electricity_bill is not None and evidence.electricity_share_percent is not None:
        implied = _divided(evidence.electricity_bill * _HUNDRED, evidence.electricity_share_percent)
        checks.append(_sales_check(ELECTRICITY, profit_and_loss.sales, implied, policy))
    return tuple(checks)


def _sales_check(
    source: str, stated: Decimal, implied: Decimal | None, policy: AnalysisPolicy
) -> SalesCheck:
    tolerance = policy.sales_tolerance_percent
    deviation = None if implied is None else _percent(stated - implied, stated, ROUND_UP)
    within = deviation is not None and abs(deviation) <= tolerance
    return SalesCheck(
        source=source,
        stated_sales=stated,
        implied_sales=implied,
        deviation_percent=deviation,
        tolerance_percent=tolerance,
        within_tolerance=within,
        message=_sales_message(source, stated, implied, deviation, tolerance),
    )


def _sales_message(
    source: str,
    stated: Decimal,
    implied: Decimal | None,
    deviation: Decimal | None,
    tolerance: Decimal,
) -> str:
    if implied is None or deviation is None:
        return (
            f"销售收入交叉检验（{source}）：销货成本为零，无法由进货推算销售收入，请核对进货与成本"
        )
    figures = (
        f"申报月销售收入 {format_amount(stated)} 元，{source} {format_amount(implied)} 元，"
        f"偏差 {_shown(deviation)}"
    )
    if abs(deviation) <= tolerance:
        return f"销售收入交叉检验（{source}）：{figures}，在容忍度 {_shown(tolerance)} 以内"
    why = (
        "申报的销售收入可能偏高"
        if deviation > 0
        else "申报的销售收入可能偏低，或有未申报的收入、囤货，请核实"
    )
    return f"销售收入交叉检验（{source}）：{figures}，超过容忍度 {_shown(tolerance)}：{why}"


@dataclass(frozen=True)
class CashFlowAdjustment:
    """Monthly net operating profit adjusted for the change in receivables
    and payables (shown for information; it raises no warning).

    Changes are over ``months`` (now − before, + is an increase); the monthly
    ones are half-up to the fen. adjusted = profit − receivables increase +
    payables increase, per month.
    """

    months: int
    net_operating_profit: Decimal
    receivables_change: Decimal
    payables_change: Decimal
    monthly_receivables_change: Decimal
    monthly_payables_change: Decimal
    adjusted_monthly_cash_flow: Decimal
    message: str


def adjust_cash_flow(
    net_operating_profit: Decimal, balance_sheet: BalanceSheet, change: WorkingCapitalChange
) -> CashFlowAdjustment:
    """The cash-flow adjustment: credit given to customers ties up cash the
    profit counts, credit taken from suppliers frees it."""
    receivables = balance_sheet.receivables - change.receivables_before
    payables = balance_sheet.payables - change.payables_before
    monthly_receivables = _divided(receivables, Decimal(change.months))
    monthly_payables = _divided(payables, Decimal(change.months))
    adjusted = net_operating_profit - monthly_receivables + monthly_payables
    message = (
        f"按应收、应付变动调整后的月经营现金流 {format_amount(adjusted)} 元"
        f"（月经营净利润 {format_amount(net_operating_profit)} 元，"
        f"应收账款月均{_change(monthly_receivables)}，应付账款月均{_change(monthly_payables)}）"
    )
    return CashFlowAdjustment(
        months=change.months,
        net_operating_profit=net_operating_profit,
        receivables_change=receivables,
        payables_change=payables,
        monthly_receivables_change=monthly_receivables,
        monthly_payables_change=monthly_payables,
        adjusted_monthly_cash_flow=adjusted,
        message=message,
    )


def _change(amount: Decimal) -> str:
    if amount == 0:
        return "无变化"
    word = "增加" if amount > 0 else "减少"
    return f"{word} {format_amount(abs(amount))} 元"


# ---------------------------------------------------------------------------
# Repayment capacity
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RepaymentCapacity:
    """The proposed instalment against the monthly net surplus.

    ``ratio_percent`` = instalment ÷ surplus, rounded up to 0.01% (``None``
    when the surplus is missing or not positive); ``max_affordable_instalment``
    = surplus × the policy's ratio, rounded down to the fen (zero when the
    surplus is not positive). ``acceptable`` exactly when the instalment is
    at most that amount. Both roundings lean to caution, so the ratio never
    shows within the limit for an instalment that is above the maximum.
    """

    surplus: Decimal | None
    instalment: Decimal
    ratio_percent: Decimal | None
    max_ratio_percent: Decimal
    max_affordable_instalment: Decimal
    acceptable: bool
    message: str


def repayment_capacity(
    surplus: Decimal | None, instalment: Decimal, policy: AnalysisPolicy
) -> RepaymentCapacity:
    """Whether the monthly net ``surplus`` carries ``instalment`` under ``policy``.

    A missing (``None``), zero or negative surplus is never acceptable, and
    the message says why rather than dividing by it. Raises
    ``ValidationError`` on ``proposed_instalment`` unless the instalment is
    a positive amount exact to the fen.
    """
    instalment = _valid_amount(instalment, "proposed_instalment", "拟还款月供")
    if instalment == 0:
        raise ValidationError("拟还款月供必须大于零", "proposed_instalment")
    limit = policy.max_instalment_percent
    if surplus is None or surplus <= 0:
        return RepaymentCapacity(
            surplus, instalment, None, limit, ZERO, False, _no_surplus_message(surplus)
        )
    with localcontext(MONEY_CONTEXT):
        maximum = (surplus * limit / _HUNDRED).quantize(FEN, rounding=ROUND_DOWN)
    ratio = _percent(instalment, surplus, ROUND_UP)
    acceptable = instalment <= maximum
    figures = (
        f"月供 {format_amount(instalment)} 元，占月净结余 {format_amount(surplus)} 元的 "
        f"{_shown(ratio)}"
    )
    if acceptable:
        message = (
            f"{figures}，未超过上限 {_shown(limit)}（最高可承受月供 {format_amount(maximum)} 元）"
        )
    else:
        message = (
            f"{figures}，超过上限 {_shown(limit)}：最高可承受月供 {format_amount(maximum)} 元，"
            "请降低贷款金额或延长期限"
        )
    return RepaymentCapacity(surplus, instalment, ratio, limit, maximum, acceptable, message)


def _no_surplus_message(surplus: Decimal | None) -> str:
    if surplus is None:
        return "月净结余无法计算（损益表或家庭收支未填写完整），不能评估还款能力"
    return f"月净结余为 {format_amount(surplus)} 元，没有可用于还款的结余，还款能力不足"


def representative_instalment(schedule: Schedule) -> Decimal:
    """The instalment to weigh against a month's surplus: the largest payment
    of the schedule, leaving out the last one.

    The last instalment is where the schedule puts what remains: the rounding
    residue of equal instalments (a few fen), the principal of interest-only
    loans (按月/按季付息到期还本) and any balloon of a cash-flow plan. A month's
    surplus does not carry a repayment of principal at maturity, so it is
    judged separately, at renewal. Leaving it out costs amortising methods
    nothing: equal instalments give the regular 月供, equal principal its
    first (largest) payment; grace months pay less than the rest.

    A quarterly interest payment is compared with a month's surplus as it is,
    which errs on the side of caution. A one-instalment schedule gives that
    instalment. Raises ``ValueError`` for an empty schedule.
    """
    payments = [instalment.payment for instalment in schedule.instalments]
    if not payments:
        raise ValueError("还款计划为空，无法确定月供")
    if len(payments) == 1:
        return payments[0]
    return max(payments[:-1])


def months_between(start: date, end: date) -> int:
    """Full calendar months from ``start`` to ``end``: the domain's one rule
    for counting months (``Business.months_in_business``, the months in
    business the products require, counts with it). Never negative.

    A month is full on the same day of the month as ``start``; when the month
    reached has no such day, on its last day, because that month has ended.
    So 31 Jan to 28 Feb is one month (to 27 Feb none), 29 Feb 2024 to
    28 Feb 2025 twelve, and 30 Apr to 30 May one (31 May adds nothing more).
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    month_end = calendar.monthrange(end.year, end.month)[1]
    if end.day < min(start.day, month_end):
        months -= 1
    return max(months, 0)


# ---------------------------------------------------------------------------
# The sheet
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AnalysisSummary:
    """Key figures for the approval and sign-off screens and the printed record.

    Amounts in yuan, ratios in percent; ``None`` where the sheet does not yet
    give the figure. ``sales_deviations`` pairs each source with its deviation.
    """

    total_assets: Decimal | None
    total_liabilities: Decimal | None
    equity: Decimal | None
    debt_ratio_percent: Decimal | None
    monthly_sales: Decimal | None
    margin_percent: Decimal | None
    net_operating_profit: Decimal | None
    monthly_surplus: Decimal | None
    proposed_instalment: Decimal | None
    instalment_ratio_percent: Decimal | None
    max_affordable_instalment: Decimal | None
    repayment_acceptable: bool | None
    equity_deviation_percent: Decimal | None
    sales_deviations: tuple[tuple[str, Decimal | None], ...]
    adjusted_monthly_cash_flow: Decimal | None
    problems: tuple[str, ...]
    warnings: tuple[str, ...]

    def rows(self) -> list[tuple[str, str]]:
        """``(label, text)`` pairs in the order printed; ``—`` for a missing figure."""
        rows = [
            ("资产合计", _yuan(self.total_assets)),
            ("负债合计", _yuan(self.total_liabilities)),
            ("所有者权益", _yuan(self.equity)),
            ("资产负债率", _pct(self.debt_ratio_percent)),
            ("月销售收入", _yuan(self.monthly_sales)),
            ("毛利率", _pct(self.margin_percent)),
            ("月经营净利润", _yuan(self.net_operating_profit)),
            ("月净结余", _yuan(self.monthly_surplus)),
            ("拟还款月供", _yuan(self.proposed_instalment)),
            ("月供占月净结余", _pct(self.instalment_ratio_percent)),
            ("最高可承受月供", _yuan(self.max_affordable_instalment)),
            ("还款能力", _verdict(self.repayment_acceptable)),
            ("权益偏差", _pct(self.equity_deviation_percent)),
        ]
        rows += [(f"销售收入偏差（{source}）", _pct(d)) for source, d in self.sales_deviations]
        rows.append(("调整后月经营现金流", _yuan(self.adjusted_monthly_cash_flow)))
        return rows


@dataclass(frozen=True)
class AnalysisSheet:
    """The officer's analysis of one application; every section optional
    until the application is submitted (``completeness_problems``).

    ``proposed_instalment`` is set by the caller from the proposed terms with
    ``representative_instalment(build_schedule(...))`` and set again whenever
    the terms change. Raises ``ValidationError`` on ``proposed_instalment``
    unless it is ``None`` or a positive amount exact to the fen.
    """

    balance_sheet: BalanceSheet | None = None
    profit_and_loss: MonthlyProfitAndLoss | None = None
    household: Household | None = None
    equity: EquityReconciliation | None = None
    sales_evidence: SalesEvidence | None = None
    working_capital: WorkingCapitalChange | None = None
    proposed_instalment: Decimal | None = None

    _SECTIONS: ClassVar[dict[str, type[_Section]]] = {
        "balance_sheet": BalanceSheet,
        "profit_and_loss": MonthlyProfitAndLoss,
        "household": Household,
        "equity": EquityReconciliation,
        "sales_evidence": SalesEvidence,
        "working_capital": WorkingCapitalChange,
    }

    def __post_init__(self) -> None:
        if self.proposed_instalment is not None:
            amount = _valid_amount(self.proposed_instalment, "proposed_instalment", "拟还款月供")
            if amount == 0:
                raise ValidationError("拟还款月供必须大于零", "proposed_instalment")
            object.__setattr__(self, "proposed_instalment", amount)

    # --- derived figures ---------------------------------------------------------

    @property
    def net_operating_profit(self) -> Decimal | None:
        """The P&L's monthly net operating profit, ``None`` until it can be worked out."""
        pnl = self.profit_and_loss
        return None if pnl is None else pnl.net_operating_profit

    @property
    def monthly_surplus(self) -> Decimal | None:
        """月净结余: household surplus with the business's net profit as its
        business income; ``None`` until both are filled in."""
        profit = self.net_operating_profit
        if profit is None or self.household is None:
            return None
        return self.household.net_surplus(profit)

    def equity_check(self, policy: AnalysisPolicy) -> EquityCheck | None:
        """The equity cross-check (``check_equity``) with the sheet's figures."""
        if self.equity is None:
            return None
        return check_equity(
            self.equity,
            policy,
            monthly_profit=self.net_operating_profit,
            balance_sheet_equity=None if self.balance_sheet is None else self.balance_sheet.equity,
            monthly_surplus=self.monthly_surplus,
        )

    def sales_checks(self, policy: AnalysisPolicy) -> tuple[SalesCheck, ...]:
        """The sales cross-checks (``check_sales``) for the evidence filled in."""
        if self.profit_and_loss is None or self.sales_evidence is None:
            return ()
        return check_sales(self.profit_and_loss, self.sales_evidence, policy)

    def cash_flow(self) -> CashFlowAdjustment | None:
        """The cash-flow adjustment, when the earlier receivables and payables are given."""
        profit = self.net_operating_profit
        if self.working_capital is None or self.balance_sheet is None or profit is None:
            return None
        return adjust_cash_flow(profit, self.balance_sheet, self.working_capital)

    def capacity(self, policy: AnalysisPolicy) -> RepaymentCapacity | None:
        """Repayment capacity for the proposed instalment, once it is set."""
        if self.proposed_instalment is None:
            return None
        return repayment_capacity(self.monthly_surplus, self.proposed_instalment, policy)

    # --- for submission, approval and the record --------------------------------

    def completeness_problems(self) -> list[str]:
        """What is still missing before the application can be submitted;
        empty when the sheet is complete."""
        return [
            *self._balance_sheet_problems(),
            *self._profit_and_loss_problems(),
            *(["家庭收支未填写"] if self.household is None else []),
            *(["权益交叉检验未填写"] if self.equity is None else []),
            *self._sales_evidence_problems(),
            *(["拟申请贷款的月供未计算"] if self.proposed_instalment is None else []),
        ]

    def _balance_sheet_problems(self) -> list[str]:
        if self.balance_sheet is None:
            return ["资产负债表未填写"]
        if self.balance_sheet.total_assets == 0:
            return ["资产负债表的资产合计为零，请按实地核实的资产填写"]
        return []

    def _profit_and_loss_problems(self) -> list[str]:
        pnl = self.profit_and_loss
        if pnl is None:
            return ["月度损益表未填写"]
        problems = []
        if pnl.sales == 0:
            problems.append("月销售收入未填写")
        if pnl.cost_of_goods is None and pnl.gross_margin_percent is None:
            problems.append("销货成本或毛利率未填写（二选一）")
        return problems

    def _sales_evidence_problems(self) -> list[str]:
        if self.sales_evidence is None or self.sales_evidence.is_empty:
            return ["销售收入交叉检验未填写（进货、银行流水、电费至少填一项）"]
        return []

    def warnings(self, policy: AnalysisPolicy) -> list[str]:
        """Everything on the sheet the approver must see: negative equity,
        losses, loans without repayments, cross-checks beyond tolerance and
        insufficient repayment capacity. Empty when nothing is amiss."""
        found = [*self._position_warnings()]
        equity = self.equity_check(policy)
        if equity is not None and not equity.within_tolerance:
            found.append(equity.message)
        found += [
            check.message for check in self.sales_checks(policy) if not check.within_tolerance
        ]
        capacity = self.capacity(policy)
        if capacity is not None and not capacity.acceptable:
            found.append(capacity.message)
        return found

    def _position_warnings(self) -> list[str]:
        found = []
        sheet = self.balance_sheet
        if sheet is not None and sheet.equity < 0:
            found.append(f"所有者权益为 {format_amount(sheet.equity)} 元，资不抵债")
        profit = self.net_operating_profit
        if profit is not None and profit < 0:
            found.append(f"月经营净利润为 {format_amount(profit)} 元，经营亏损")
        if (
            sheet is not None
            and sheet.bank_loans > 0
            and self.household is not None
            and self.household.other_loan_repayments == 0
        ):
            # A bank loan on the balance sheet is being repaid from somewhere.
            found.append(
                f"资产负债表有银行借款 {format_amount(sheet.bank_loans)} 元，"
                "但家庭收支中其他贷款月还款额为零，请核实"
            )
        return found

    def summary(self, policy: AnalysisPolicy) -> AnalysisSummary:
        """The key figures, problems and warnings in one record."""
        sheet, pnl = self.balance_sheet, self.profit_and_loss
        equity = self.equity_check(policy)
        capacity = self.capacity(policy)
        cash_flow = self.cash_flow()
        return AnalysisSummary(
            total_assets=None if sheet is None else sheet.total_assets,
            total_liabilities=None if sheet is None else sheet.total_liabilities,
            equity=None if sheet is None else sheet.equity,
            debt_ratio_percent=None if sheet is None else sheet.debt_ratio_percent,
            monthly_sales=None if pnl is None else pnl.sales,
            margin_percent=None if pnl is None else pnl.margin_percent,
            net_operating_profit=self.net_operating_profit,
            monthly_surplus=self.monthly_surplus,
            proposed_instalment=self.proposed_instalment,
            instalment_ratio_percent=None if capacity is None else capacity.ratio_percent,
            max_affordable_instalment=(
                None if capacity is None else capacity.max_affordable_instalment
            ),
            repayment_acceptable=None if capacity is None else capacity.acceptable,
            equity_deviation_percent=None if equity is None else equity.deviation_percent,
            sales_deviations=tuple(
                (check.source, check.deviation_percent) for check in self.sales_checks(policy)
            ),
            adjusted_monthly_cash_flow=(
                None if cash_flow is None else cash_flow.adjusted_monthly_cash_flow
            ),
            problems=tuple(self.completeness_problems()),
            warnings=tuple(self.warnings(policy)),
        )

    # --- storage -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The sheet as plain strings for storage as JSON: a ``format`` key,
        each filled-in section as a dict of strings (``BalanceSheet.to_dict``),
        and ``proposed_instalment`` as a string. Unfilled parts are left out.
        ``from_dict`` gives back an equal sheet with equal strings."""
        data: dict[str, Any] = {"format": SHEET_FORMAT}
        for name in self._SECTIONS:
            section = getattr(self, name)
            if section is not None:
                data[name] = section.to_dict()
        if self.proposed_instalment is not None:
            data["proposed_instalment"] = str(self.proposed_instalment)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AnalysisSheet:
        """The sheet from ``to_dict``'s output, validated as on construction.

        Raises ``ValidationError`` (naming the field) for a bad figure and
        ``ValueError`` for an unknown format or key.
        """
        stored_format = data.get("format", SHEET_FORMAT)
        if stored_format != SHEET_FORMAT:
            raise ValueError(f"分析表格式“{stored_format}”无法识别，请升级本系统后再打开")
        known = {"format", "proposed_instalment", *cls._SECTIONS}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"分析表有无法识别的部分：{'、'.join(unknown)}")
        for name in cls._SECTIONS:
            if data.get(name) is not None and not isinstance(data[name], Mapping):
                raise ValueError(f"分析表“{name}”部分的格式不对，应为各项目的对照表")
        sections = {
            name: section.from_dict(data[name])
            for name, section in cls._SECTIONS.items()
            if data.get(name) is not None
        }
        instalment = data.get("proposed_instalment")
        if instalment is not None:
            instalment = _parse_decimal(instalment, "proposed_instalment", "拟还款月供")
        return cls(**sections, proposed_instalment=instalment)


# ---------------------------------------------------------------------------
# Figures: validation, parsing and arithmetic
# ---------------------------------------------------------------------------


def _validated(value: Any, name: str, label: str, kind: str) -> Any:
    if kind == _MONTHS:
        return _valid_months(value, name, label)
    if kind in (_MARGIN, _SHARE):
        return _valid_percent(value, name, label, kind)
    return _valid_amount(value, name, label, signed=kind == _SIGNED)


def _number(value: Any, name: str, label: str) -> Decimal:
    """``value`` as a finite ``Decimal``; floats are refused because they are
    not exact."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ValidationError(f"{label}必须是数字", name)
    number = Decimal(value)
    if not number.is_finite():
        raise ValidationError(f"{label}必须是数字", name)
    return number


def _valid_amount(value: Any, name: str, label: str, *, signed: bool = False) -> Decimal:
    """An amount in yuan: two decimals at most, within ``FIGURE_LIMIT``, not
    negative unless ``signed``; returned with exactly two decimals."""
    number = _number(value, name, label)
    if number < 0 and not signed:
        raise ValidationError(f"{label}不能为负数", name)
    if abs(number) > FIGURE_LIMIT:
        raise ValidationError(f"{label} {format_amount(number)} 元过大，超过10亿元，请核对", name)
    if number != round_fen(number):
        raise ValidationError(f"{label}最多保留两位小数（到分）", name)
    return round_fen(number)


def _valid_percent(value: Any, name: str, label: str, kind: str) -> Decimal:
    """A percentage with at most two decimals: 0 ≤ x < 100 for a margin,
    0 < x ≤ 100 for a share."""
    number = _number(value, name, label)
    if kind == _MARGIN and not 0 <= number < _HUNDRED:
        raise ValidationError(f"{label}应在 0 到 100 之间（不含100），按百分数填写", name)
    if kind == _SHARE and not 0 < number <= _HUNDRED:
        raise ValidationError(f"{label}应大于 0、不超过 100，按百分数填写", name)
    if number != number.quantize(_PERCENT_PLACES):
        raise ValidationError(f"{label}最多保留两位小数", name)
    return number


def _valid_months(value: Any, name: str, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label}必须是整数", name)
    if not 1 <= value <= MAX_MONTHS:
        raise ValidationError(f"{label}应在 1 到 {MAX_MONTHS} 个月之间，目前为 {value}", name)
    return value


def _parsed(text: Any, section: str, spec: Any) -> Any:
    name, label = f"{section}.{spec.name}", spec.metadata["label"]
    if spec.metadata["kind"] == _MONTHS:
        if isinstance(text, int):
            return text  # validated with the section, bools included
        digits = text.strip() if isinstance(text, str) else ""
        if not (digits.isascii() and digits.isdigit()):
            raise ValidationError(f"{label}“{text}”不是整数", name)
        return int(digits)
    return _parse_decimal(text, name, label)


def _parse_decimal(text: Any, name: str, label: str) -> Decimal:
    """A stored figure back to ``Decimal``. Strings and whole numbers only: a
    JSON float would already have lost the fen."""
    if isinstance(text, int) and not isinstance(text, bool):
        return Decimal(text)
    if not isinstance(text, str):
        raise ValidationError(f"{label}“{text}”应以文字形式保存", name)
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        raise ValidationError(f"{label}“{text}”不是有效数字", name) from None


def _percent(numerator: Decimal, denominator: Decimal, rounding: str) -> Decimal:
    """numerator ÷ denominator in percent, rounded to 0.01 as ``rounding`` says."""
    with localcontext(MONEY_CONTEXT):
        return (numerator * _HUNDRED / denominator).quantize(_PERCENT_PLACES, rounding=rounding)


def _divided(amount: Decimal, divisor: Decimal) -> Decimal:
    """amount ÷ divisor, half-up to the fen."""
    with localcontext(MONEY_CONTEXT):
        return round_fen(amount / divisor)


def _shown(percent: Decimal) -> str:
    return f"{percent:.2f}%"


def _yuan(amount: Decimal | None) -> str:
    return _NOT_SHOWN if amount is None else f"{format_amount(amount)} 元"


def _pct(percent: Decimal | None) -> str:
    return _NOT_SHOWN if percent is None else _shown(percent)


def _verdict(acceptable: bool | None) -> str:
    if acceptable is None:
        return _NOT_SHOWN
    return "可以承受" if acceptable else "不足"
