"""报表 (supervisors, administrators): the loan book at a glance.

The portfolio by product, officer and marketing area (loans disbursed,
active loans, outstanding, PAR1/30/90 as percentages, with the total row),
the five-category classification, loans due in the next N days, officers'
performance against the milestones (45 active loans to qualify, 100 to be
mature) and a chart of the outstanding portfolio and PAR30 month by month.

导出 Excel / 导出 PDF write the portfolio of the grouping on show (by product
unless an officer or area tab is open) with ``printing.reports``; the file
name comes from ``choose_file`` (tests replace it). Everything is read, and
files written, on the worker. UI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from desktop.widgets.form_fields import FieldNote, Tone, title_label
from desktop.widgets.tables import fill_table, read_only_table
from desktop.widgets.trend_chart import TrendChart
from domain.money import format_amount
from domain.reports import (
    ClassificationLine,
    DueLoan,
    Grouping,
    MonthEnd,
    OfficerPerformance,
    PortfolioReport,
    bank_heading,
    classification_breakdown,
    load_milestones,
    loans_due,
    non_performing_ratio,
    officer_performance,
    portfolio_report,
    portfolio_series,
)
from domain.users import Role
from printing.reports import write_portfolio_pdf, write_portfolio_xlsx

ROLES = {Role.SUPERVISOR, Role.ADMINISTRATOR}
SERIES_MONTHS = 12
DEFAULT_DUE_DAYS = 7


def percent(value: Decimal) -> str:
    """A four-place ratio as a percentage: ``0.0123`` → ``1.23%``."""
    return f"{value * 100:.2f}%"


@dataclass(frozen=True)
class ReportSet:
    portfolios: dict[Grouping, PortfolioReport]
    classification: list[ClassificationLine]
    due: list[DueLoan]
    officers: list[OfficerPerformance]
    milestones: tuple[int, int]
    series: list[MonthEnd]
    bank: str


def _months_back(day: date, months: int) -> date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def load_reports(uow, actor, due_days: int) -> ReportSet:
    """Every figure the view shows (worker thread)."""
    portfolios = {g: portfolio_report(uow(), None, g) for g in Grouping}
    today = portfolios[Grouping.PRODUCT].as_of
    with uow() as u:
        milestones = load_milestones(u)
    return ReportSet(
        portfolios,
        classification_breakdown(uow()),
        loans_due(uow(), due_days),
        officer_performance(uow(), actor),
        (milestones.qualified, milestones.mature),
        portfolio_series(uow(), _months_back(today, SERIES_MONTHS - 1)),
        bank_heading(uow()),
    )


class ReportsView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.reports: ReportSet | None = None
        self.setObjectName("reports_view")
        self._build()
        self.load()

    def _build(self) -> None:
        self.due_days = QSpinBox(objectName="due_days")
        self.due_days.setRange(0, 90)
        self.due_days.setValue(DEFAULT_DUE_DAYS)
        self.due_days.setSuffix(self.tr(" days"))
        self.due_days.editingFinished.connect(self.load)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Due within")))
        bar.addWidget(self.due_days)
        bar.addStretch(1)
        for name, text, slot in (
            ("refresh", self.tr("Refresh"), self.load),
            ("export_xlsx", self.tr("Export Excel…"), lambda: self.export("xlsx")),
            ("export_pdf", self.tr("Export PDF…"), lambda: self.export("pdf")),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            bar.addWidget(button)
        self.headline = QLabel(objectName="headline")
        self.headline.setStyleSheet("font-size: 12pt;")
        self.headline.setWordWrap(True)
        self.tabs = QTabWidget(objectName="report_tabs")
        self.portfolio_tables = {}
        for grouping, title in (
            (Grouping.PRODUCT, self.tr("By product")),
            (Grouping.OFFICER, self.tr("By officer")),
            (Grouping.AREA, self.tr("By marketing area")),
        ):
            table = read_only_table(f"portfolio_{grouping.value}")
            self.portfolio_tables[grouping] = table
            self.tabs.addTab(table, title)
        self.classification = read_only_table("classification_table")
        self.due = read_only_table("due_table")
        self.officers = read_only_table("officers_table")
        self.chart = TrendChart(self)
        self.tabs.addTab(self.classification, self.tr("Classification"))
        self.tabs.addTab(self.due, self.tr("Due soon"))
        self.tabs.addTab(self.officers, self.tr("Officer performance"))
        self.tabs.addTab(self.chart, self.tr("Trend"))
        self.status = FieldNote("status", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Reports")))
        layout.addLayout(bar)
        layout.addWidget(self.headline)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.load()

    def load(self) -> None:
        uow, actor, days = self.ctx.uow, self.ctx.user, self.due_days.value()
        self.ctx.ops.run(
            lambda: load_reports(uow, actor, days),
            on_done=self.show_reports,
            on_error=lambda error: self.status.say(describe_error(error), Tone.ERROR),
            label=self.tr("Adding up the portfolio…"),
            parent=self,
        )

    def show_reports(self, reports: ReportSet) -> None:
        self.reports = reports
        total = reports.portfolios[Grouping.PRODUCT].total
        self.headline.setText(
            self.tr(
                "As of {0}: {1} active loans, outstanding {2} yuan; "
                "PAR1 {3}, PAR30 {4}, PAR90 {5}; non-performing {6}"
            ).format(
                reports.portfolios[Grouping.PRODUCT].as_of.isoformat(),
                total.active_loans,
                format_amount(total.outstanding),
                percent(total.par1),
                percent(total.par30),
                percent(total.par90),
                percent(non_performing_ratio(reports.classification)),
            )
        )
        for grouping, table in self.portfolio_tables.items():
            self._show_portfolio(table, reports.portfolios[grouping])
        self._show_classification(reports.classification)
        self._show_due(reports.due)
        self._show_officers(reports.officers, reports.milestones)
        self.chart.set_points([(m.day, m.outstanding, m.par30) for m in reports.series])
        self.status.clear_note()

    def _show_portfolio(self, table, report: PortfolioReport) -> None:
        headers = [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Loans disbursed"),
            self.tr("Amount disbursed"),
            self.tr("Active loans"),
            self.tr("Outstanding"),
            "PAR1",
            "PAR30",
            "PAR90",
        ]
        rows = [
            [
                "" if row is report.total else row.key,
                row.label,
                row.loans_disbursed,
                format_amount(row.amount_disbursed),
                row.active_loans,
                format_amount(row.outstanding),
                percent(row.par1),
                percent(row.par30),
                percent(row.par90),
            ]
            for row in report.all_rows
        ]
        fill_table(table, headers, rows, right=range(2, 9), bold_last=True)

    def _show_classification(self, lines: list[ClassificationLine]) -> None:
        headers = [self.tr("Category"), self.tr("Loans"), self.tr("Outstanding"), self.tr("Share")]
        rows = [
            [ln.category.label, ln.loans, format_amount(ln.outstanding), percent(ln.share)]
            for ln in lines
        ]
        fill_table(self.classification, headers, rows, right=(1, 2, 3))

    def _show_due(self, due: list[DueLoan]) -> None:
        headers = [
            self.tr("Contract number"),
            self.tr("Borrower"),
            self.tr("Officer"),
            self.tr("Due date"),
            self.tr("Amount due"),
            self.tr("Days past due"),
        ]
        rows = [
            [
                d.loan_number,
                d.borrower_name,
                d.officer,
                d.next_due_date.isoformat(),
                format_amount(d.next_due_amount),
                d.days_past_due,
            ]
            for d in due
        ]
        fill_table(self.due, headers, rows, right=(4, 5))

    def _show_officers(self, officers: list[OfficerPerformance], milestones) -> None:
        qualified, mature = milestones
        self.officers.setToolTip(
            self.tr("Milestones: {0} active loans to qualify, {1} to be mature.").format(
                qualified, mature
            )
        )
        headers = [
            self.tr("Officer"),
            self.tr("Name"),
            self.tr("Loans disbursed"),
            self.tr("Amount disbursed"),
            self.tr("Active loans"),
            self.tr("Outstanding"),
            "PAR30",
            self.tr("Stage"),
            self.tr("Loans to next stage"),
        ]
        rows = [
            [
                o.officer,
                o.full_name,
                o.loans_disbursed,
                format_amount(o.amount_disbursed),
                o.active_loans,
                format_amount(o.outstanding),
                percent(o.par30),
                o.stage,
                o.to_next_stage,
            ]
            for o in officers
        ]
        fill_table(self.officers, headers, rows, right=(2, 3, 4, 5, 6, 8))

    # --- exporting ------------------------------------------------------------------------

    def current_grouping(self) -> Grouping:
        for grouping, table in self.portfolio_tables.items():
            if self.tabs.currentWidget() is table:
                return grouping
        return Grouping.PRODUCT

    def choose_file(self, kind: str, suggested: str) -> str | None:
        """Where to save, or ``None``; tests replace this."""
        patterns = {"xlsx": self.tr("Excel workbook (*.xlsx)"), "pdf": self.tr("PDF (*.pdf)")}
        path, _selected = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), suggested, patterns[kind]
        )
        return path or None

    def export(self, kind: str) -> None:
        if self.reports is None:
            messages.show_info(self, self.tr("The figures are still being added up."))
            return
        report = self.reports.portfolios[self.current_grouping()]
        bank = self.reports.bank
        suggested = f"贷款组合报告_{report.grouping.label}_{report.as_of.isoformat()}.{kind}"
        path = self.choose_file(kind, suggested)
        if path is None:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        writer = write_portfolio_xlsx if kind == "xlsx" else write_portfolio_pdf
        self.ctx.ops.run(
            lambda: writer(report, Path(path), bank),
            on_done=lambda _none: self.status.say(self.tr("Saved to {0}").format(path), Tone.OK),
            on_error=lambda error: messages.show_error(self, describe_error(error)),
            label=self.tr("Writing the file…"),
            parent=self,
        )


navigation.register(
    "reports",
    QT_TRANSLATE_NOOP("Navigation", "Reports"),
    ReportsView,
    roles=ROLES,
    order=85,
)
