"""Portfolio reports: the loan book by product, officer and marketing area,
portfolio at risk, classification, what falls due soon, officers'
performance, and the portfolio month by month.

PAR_X (portfolio at risk) is the outstanding principal of loans with any
instalment more than X days overdue, divided by the gross outstanding
portfolio (active loans; written-off loans are out of it): balances, not
counts (domain.md). Ratios are ``Decimal`` with four places.

Figures for today come from the loan accounts, which every posting and the
daily run keep current; for an earlier day from that day's snapshots when
the daily run recorded it, otherwise recomputed from the postings (each
posting keeps the principal outstanding and the oldest unpaid due date
right after it). Reversed postings count as never made.

Use cases take a unit of work with the repositories ``loan_reports``,
``users`` and ``settings``.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from domain.classification import Category
from domain.errors import ValidationError
from domain.money import ZERO
from domain.settings import load_bank
from domain.users import Role, User

PAR_DAYS = (1, 30, 90)
RATIO = Decimal("0.0001")
REPORTS_SETTING = "reports"
TOTAL_LABEL = "合计"
VIEWERS = (Role.SUPERVISOR, Role.ADMINISTRATOR, Role.HEAD_OFFICE_APPROVER, Role.LOAN_OFFICER)
MAX_SERIES_MONTHS = 120


class Grouping(StrEnum):
    PRODUCT = "product"
    OFFICER = "officer"
    AREA = "area"

    @property
    def label(self) -> str:
        return {"product": "产品", "officer": "客户经理", "area": "营销片区"}[self.value]


def ratio(part: Decimal, whole: Decimal) -> Decimal:
    """``part`` / ``whole`` to four places (half up); 0 when ``whole`` is 0."""
    if not whole:
        return Decimal("0.0000")
    return (part / whole).quantize(RATIO, rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------
# Facts one group of loans adds up to
# ---------------------------------------------------------------------------


@dataclass
class GroupFacts:
    """What the loans of one group add up to on a day.

    ``loans_disbursed`` and ``amount_disbursed`` count every loan disbursed
    by then; ``active_loans`` and ``outstanding`` the loans still owing;
    ``at_risk`` maps X to the outstanding of those more than X days overdue.
    """

    key: str
    loans_disbursed: int = 0
    amount_disbursed: Decimal = ZERO
    active_loans: int = 0
    outstanding: Decimal = ZERO
    at_risk: dict[int, Decimal] = field(default_factory=dict)

    def add(self, other: GroupFacts) -> None:
        self.loans_disbursed += other.loans_disbursed
        self.amount_disbursed += other.amount_disbursed
        self.active_loans += other.active_loans
        self.outstanding += other.outstanding
        for days, amount in other.at_risk.items():
            self.at_risk[days] = self.at_risk.get(days, ZERO) + amount

    def add_loan(
        self, amount: Decimal, outstanding: Decimal, days_past_due: int, active: bool
    ) -> None:
        """Count one loan: disbursed, and if ``active`` owing ``outstanding``."""
        self.loans_disbursed += 1
        self.amount_disbursed += amount
        if not active or outstanding <= 0:
            return
        self.active_loans += 1
        self.outstanding += outstanding
        for days in PAR_DAYS:
            if days_past_due > days:
                self.at_risk[days] = self.at_risk.get(days, ZERO) + outstanding

    def par(self, days: int) -> Decimal:
        return ratio(self.at_risk.get(days, ZERO), self.outstanding)


@dataclass(frozen=True)
class PortfolioRow:
    """One line of the portfolio report: a product, officer or area, or the total."""

    key: str
    label: str
    loans_disbursed: int
    amount_disbursed: Decimal
    active_loans: int
    outstanding: Decimal
    par1: Decimal
    par30: Decimal
    par90: Decimal
    at_risk_30: Decimal = ZERO


def _row(facts: GroupFacts, label: str) -> PortfolioRow:
    return PortfolioRow(
        key=facts.key,
        label=label,
        loans_disbursed=facts.loans_disbursed,
        amount_disbursed=facts.amount_disbursed,
        active_loans=facts.active_loans,
        outstanding=facts.outstanding,
        par1=facts.par(1),
        par30=facts.par(30),
        par90=facts.par(90),
        at_risk_30=facts.at_risk.get(30, ZERO),
    )


@dataclass(frozen=True)
class PortfolioReport:
    """The portfolio on ``as_of`` by ``grouping``; ``total`` is the 合计 row.
    ``source`` says where the figures came from (accounts, snapshots,
    postings)."""

    as_of: date
    grouping: Grouping
    rows: tuple[PortfolioRow, ...]
    total: PortfolioRow
    source: str

    @property
    def all_rows(self) -> tuple[PortfolioRow, ...]:
        return (*self.rows, self.total)


def build_report(
    as_of: date,
    grouping: Grouping,
    facts: Iterable[GroupFacts],
    labels: dict[str, str],
    source: str,
) -> PortfolioReport:
    """Rows in key order with their labels, and the total. Pure."""
    total = GroupFacts(TOTAL_LABEL)
    rows = []
    for item in sorted(facts, key=lambda f: f.key):
        total.add(item)
        rows.append(_row(item, labels.get(item.key) or item.key or "（未填）"))
    return PortfolioReport(as_of, grouping, tuple(rows), _row(total, TOTAL_LABEL), source)


# ---------------------------------------------------------------------------
# Use cases
# ---------------------------------------------------------------------------


def portfolio_report(
    uow, as_of: date | None = None, grouping: Grouping | str = Grouping.PRODUCT
) -> PortfolioReport:
    """Loans disbursed, active loans, outstanding and PAR1/30/90 per product
    (or officer, or marketing area) with a total row, on ``as_of`` (today)."""
    group = _grouping(grouping)
    with uow:
        today = uow.clock.today()
        day = as_of or today
        facts, source = _facts_on(uow, day, today, group)
        return build_report(day, group, facts, _labels(uow, group), source)


def bank_heading(uow) -> str:
    """The bank and branch as printed above a report (bank settings)."""
    with uow:
        bank = load_bank(uow)
    return f"{bank['bank_name']}{bank['branch_name']}"


def _facts_on(uow, day: date, today: date, group: Grouping) -> tuple[list[GroupFacts], str]:
    reports = uow.loan_reports
    if day >= today:
        return reports.live_facts(group.value, day, PAR_DAYS), "accounts"
    if reports.has_snapshots(day):
        return reports.snapshot_facts(group.value, day, PAR_DAYS), "snapshots"
    return _recomputed(reports.loan_histories(day), group, [day])[day], "postings"


def _grouping(value: Grouping | str) -> Grouping:
    try:
        return Grouping(value)
    except ValueError:
        raise ValidationError(
            "报表分组只能是 product（产品）、officer（客户经理）或 area（营销片区）", "grouping"
        ) from None


def _labels(uow, group: Grouping) -> dict[str, str]:
    if group is Grouping.PRODUCT:
        return {p.code: p.name for p in uow.products.list(include_inactive=True)}
    if group is Grouping.OFFICER:
        return {u.username: u.full_name for u in uow.users.list()}
    return {}


@dataclass(frozen=True)
class LoanHistory:
    """One loan's facts for recomputing past days: its group keys, amount,
    disbursement, first due date, write-off, and its standing postings as
    (date, outstanding after, oldest unpaid due date after), in order."""

    keys: dict[str, str]
    amount: Decimal
    disbursed_on: date
    first_due_on: date
    written_off_on: date | None
    postings: Sequence[tuple[date, Decimal, date | None]]


def _recomputed(
    histories: Iterable[LoanHistory], group: Grouping, days: Sequence[date]
) -> dict[date, list[GroupFacts]]:
    """Group facts on each of ``days`` (ascending) from the loans' postings. Pure."""
    found: dict[date, dict[str, GroupFacts]] = {d: {} for d in days}
    for loan in histories:
        key = loan.keys[group.value]
        index, outstanding, since = 0, loan.amount, loan.first_due_on
        for day in days:
            if loan.disbursed_on > day:
                continue
            while index < len(loan.postings) and loan.postings[index][0] <= day:
                _paid_on, outstanding, since = loan.postings[index]
                index += 1
            active = loan.written_off_on is None or loan.written_off_on > day
            dpd = max((day - since).days, 0) if since is not None else 0
            facts = found[day].setdefault(key, GroupFacts(key))
            facts.add_loan(loan.amount, outstanding, dpd, active)
    return {day: list(groups.values()) for day, groups in found.items()}


# ---------------------------------------------------------------------------
# Classification, due soon, officers
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassificationLine:
    category: Category
    loans: int
    outstanding: Decimal
    share: Decimal


def classification_breakdown(uow) -> list[ClassificationLine]:
    """Active loans by category (as stands: confirmed or suggested), every
    category listed, with the share of the outstanding portfolio."""
    with uow:
        counts = uow.loan_reports.by_classification()
    total = sum((amount for _n, amount in counts.values()), ZERO)
    lines = []
    for category in Category:
        loans, amount = counts.get(category.value, (0, ZERO))
        lines.append(ClassificationLine(category, loans, amount, ratio(amount, total)))
    return lines


def non_performing_ratio(lines: Sequence[ClassificationLine]) -> Decimal:
    """次级 + 可疑 + 损失 over all outstanding (不良贷款率). Pure."""
    total = sum((line.outstanding for line in lines), ZERO)
    bad = sum((line.outstanding for line in lines if line.category.in_default), ZERO)
    return ratio(bad, total)


@dataclass(frozen=True)
class DueLoan:
    loan_number: str
    borrower_name: str
    officer: str
    next_due_date: date
    next_due_amount: Decimal
    days_past_due: int


def loans_due(uow, days: int = 7, today: date | None = None, limit: int = 1000) -> list[DueLoan]:
    """Active loans with an instalment falling due from today within ``days``
    days, soonest first: who to remind."""
    if days < 0:
        raise ValidationError("天数不能为负数", "days")
    with uow:
        start = today or uow.clock.today()
        return uow.loan_reports.due_between(start, start + timedelta(days=days), limit)


@dataclass(frozen=True)
class Milestones:
    """Active loans an officer needs to qualify (独立管户) and to be mature."""

    qualified: int = 45
    mature: int = 100

    def stage(self, active_loans: int) -> str:
        if active_loans >= self.mature:
            return "成熟"
        if active_loans >= self.qualified:
            return "合格"
        return "培养期"


def load_milestones(uow) -> Milestones:
    stored = (uow.settings.get(REPORTS_SETTING, {}) or {}).get("officer_milestones", {}) or {}
    return Milestones(**{k: int(v) for k, v in stored.items() if k in ("qualified", "mature")})


@dataclass(frozen=True)
class OfficerPerformance:
    officer: str
    full_name: str
    loans_disbursed: int
    amount_disbursed: Decimal
    active_loans: int
    outstanding: Decimal
    par30: Decimal
    stage: str
    to_next_stage: int


def officer_performance(uow, actor: User, as_of: date | None = None) -> list[OfficerPerformance]:
    """Per officer: loans disbursed, active portfolio, PAR30, and the bank's
    milestones (45 active loans to qualify, 100 to be mature: settings),
    with how many loans to the next one. Busiest first."""
    actor.require(*VIEWERS, doing="查看客户经理业绩")
    report = portfolio_report(uow, as_of, Grouping.OFFICER)
    with uow:
        milestones = load_milestones(uow)
    rows = []
    for row in report.rows:
        stage = milestones.stage(row.active_loans)
        target = milestones.qualified if stage == "培养期" else milestones.mature
        rows.append(
            OfficerPerformance(
                officer=row.key,
                full_name=row.label,
                loans_disbursed=row.loans_disbursed,
                amount_disbursed=row.amount_disbursed,
                active_loans=row.active_loans,
                outstanding=row.outstanding,
                par30=row.par30,
                stage=stage,
                to_next_stage=max(target - row.active_loans, 0),
            )
        )
    return sorted(rows, key=lambda r: (-r.active_loans, r.officer))


# ---------------------------------------------------------------------------
# Over time
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthEnd:
    """The whole portfolio at one month's end."""

    day: date
    active_loans: int
    outstanding: Decimal
    par1: Decimal
    par30: Decimal
    par90: Decimal
    source: str


def month_ends(first: date, last: date) -> list[date]:
    """The last day of each month from ``first``'s month to ``last``'s. Pure."""
    days, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        days.append(date(year, month, calendar.monthrange(year, month)[1]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def portfolio_series(uow, first: date, last: date | None = None) -> list[MonthEnd]:
    """Month-end portfolio and PAR from ``first``'s month to ``last``'s
    (today's; the current month ends today). Each month from the daily
    run's snapshot of that day when there is one, otherwise recomputed from
    the postings."""
    with uow:
        today = uow.clock.today()
        ends = [min(d, today) for d in month_ends(first, min(last or today, today))]
        if len(ends) > MAX_SERIES_MONTHS:
            raise ValidationError(f"最多按 {MAX_SERIES_MONTHS} 个月统计", "first")
        reports = uow.loan_reports
        snapshots = {d for d in ends if d < today and reports.has_snapshots(d)}
        missing = [d for d in ends if d < today and d not in snapshots]
        recomputed = (
            _recomputed(reports.loan_histories(max(missing)), Grouping.PRODUCT, missing)
            if missing
            else {}
        )
        series = []
        for day in ends:
            if day >= today:
                facts, source = (
                    reports.live_facts(Grouping.PRODUCT.value, day, PAR_DAYS),
                    "accounts",
                )
            elif day in snapshots:
                facts, source = (
                    reports.snapshot_facts(Grouping.PRODUCT.value, day, PAR_DAYS),
                    "snapshots",
                )
            else:
                facts, source = recomputed[day], "postings"
            series.append(_month_end(day, facts, source))
        return series


def _month_end(day: date, facts: Iterable[GroupFacts], source: str) -> MonthEnd:
    total = GroupFacts(TOTAL_LABEL)
    for item in facts:
        total.add(item)
    return MonthEnd(
        day,
        total.active_loans,
        total.outstanding,
        total.par(1),
        total.par(30),
        total.par(90),
        source,
    )
