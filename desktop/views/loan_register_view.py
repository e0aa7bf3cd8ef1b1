"""贷款台账 (officers, supervisors, tellers, administrators): every loan with
its state, outstanding principal, next due date, days past due and officer.

One search box (contract number, borrower's name, officer) and two filters
(state; overdue or not) narrow the list; rows come a page at a time by
keyset (a ``PagedList`` over ``domain.register.loan_register``), days
past due in red when the loan is late. A double-click (or 打开) opens
``LoanDetailDialog`` with the schedule, payments, tasks and classification,
where a teller posts a payment and a reversal is requested. 日终处理…
(tellers, supervisors, administrators) makes the daily run for a chosen
day. UI thread only; every query runs on the worker.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.daily_run import DailyRunDialog
from desktop.dialogs.loan_detail import LoanDetailDialog
from desktop.models.names import Names, load_names
from desktop.models.paged_table import Column, PagedTableModel
from desktop.navigation import ViewContext
from desktop.widgets.form_fields import title_label
from desktop.widgets.paged_list import PagedList, StatusTexts
from domain.loans import LoanState
from domain.money import format_amount
from domain.register import RegisterFilters, RegisterRow, loan_register
from domain.servicing import DAILY_RUN_ROLES, AccrualReport, accrue
from domain.users import Role

LATE_COLOUR = "#c5221f"
DAYS_COLUMN = 6


def register_columns(names: Names) -> list[Column]:
    """The register's columns; products and officers by name once ``names``
    is filled (by code until then)."""
    return [
        Column(
            QT_TRANSLATE_NOOP("LoanRegisterView", "Contract number"), lambda r: r.loan_number, 170
        ),
        Column(QT_TRANSLATE_NOOP("LoanRegisterView", "Borrower"), lambda r: r.borrower_name, 100),
        Column(
            QT_TRANSLATE_NOOP("LoanRegisterView", "Product"),
            lambda r: names.product(r.product_code),
            110,
        ),
        Column(QT_TRANSLATE_NOOP("LoanRegisterView", "State"), lambda r: r.state.label, 80),
        Column(
            QT_TRANSLATE_NOOP("LoanRegisterView", "Outstanding"),
            lambda r: format_amount(r.outstanding_principal),
            120,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("LoanRegisterView", "Next due"),
            lambda r: r.next_due_date.isoformat() if r.next_due_date else "",
            110,
        ),
        Column(
            QT_TRANSLATE_NOOP("LoanRegisterView", "Days past due"),
            lambda r: str(r.days_past_due),
            100,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("LoanRegisterView", "Officer"),
            lambda r: names.person(r.officer),
            100,
        ),
    ]


ROLES = {Role.LOAN_OFFICER, Role.SUPERVISOR, Role.TELLER, Role.ADMINISTRATOR}


class RegisterModel(PagedTableModel):
    """The register's rows; days past due in red when the loan is late."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == DAYS_COLUMN
            and index.row() < len(self.rows)
            and self.rows[index.row()].days_past_due > 0
        ):
            return QColor(LATE_COLOUR)
        return super().data(index, role)


class LoanRegisterView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("loan_register_view")
        self.names = Names()
        columns = register_columns(self.names)
        self.model = RegisterModel(ctx.ops, columns, "LoanRegisterView", parent=self)
        self._build()
        self._load_names()
        self.search()

    def _load_names(self) -> None:
        # Submitted before the first search, so the names come first.
        uow, user = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(lambda: load_names(uow, user), on_done=self._named, parent=self)

    def _named(self, names: Names) -> None:
        self.names.products.update(names.products)
        self.names.staff.update(names.staff)
        self.table.viewport().update()

    def _build(self) -> None:
        self.list = PagedList(
            self.model,
            table_name="register_table",
            placeholder=self.tr("Contract number, borrower's name or officer"),
            status_texts=StatusTexts(
                capped=self.tr("Showing the first {0} loans: narrow the search."),
                complete=self.tr("{0} loans found."),
                partial=self.tr("{0} loans shown; scroll down for more."),
            ),
            search_width=300,
            parent=self,
        )
        self.list.search_requested.connect(self.search)
        self.query, self.table = self.list.query, self.list.table
        self.status, self.more = self.list.status, self.list.more
        self.state = QComboBox(objectName="state_filter")
        self.state.addItem(self.tr("All states"), None)
        for state in LoanState:
            self.state.addItem(state.label, state.value)
        self.overdue = QComboBox(objectName="overdue_filter")
        self.overdue.addItem(self.tr("Overdue or not"), None)
        self.overdue.addItem(self.tr("Overdue only"), True)
        self.overdue.addItem(self.tr("Not overdue"), False)
        self.list.add_filter(self.state)
        self.list.add_filter(self.overdue)
        self.list.add_button("open_loan", self.tr("Open…"), self.open_selected)
        self.daily_run_button = self.list.add_button(
            "daily_run", self.tr("Daily run…"), self.run_daily
        )
        self.daily_run_button.setVisible(self.ctx.user.has_role(*DAILY_RUN_ROLES))
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Loan register")))
        layout.addWidget(self.list, 1)

    # --- searching ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown again: search again, postings move the register."""
        self.search()

    def filters(self) -> RegisterFilters:
        return RegisterFilters(
            search=self.query.text(),
            state=self.state.currentData(),
            overdue=self.overdue.currentData(),
        )

    def search(self) -> None:
        """Search again with the text and filters as they stand, from the first page."""
        uow, filters = self.ctx.uow, self.filters()

        def fetch(after, limit: int, _order) -> list[RegisterRow]:
            return loan_register(uow(), filters, after=after, limit=limit)

        self.list.restart(fetch)

    def selected(self) -> RegisterRow | None:
        return self.list.selected()

    # --- opening --------------------------------------------------------------------------

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            messages.show_info(self, self.tr("Select a loan in the list first."))
            return
        self.open_loan(row.loan_number)

    # --- the daily run --------------------------------------------------------------------

    def run_daily(self) -> None:
        """Ask for the day (the business day first), then run it on the worker."""
        uow = self.ctx.uow
        self.ctx.ops.run(
            lambda: uow().clock.today(), on_done=self._ask_day, parent=self, retry=False
        )

    def ask_day(self, today: date) -> date | None:
        return DailyRunDialog(self, today).get_values()

    def _ask_day(self, today: date) -> None:
        day = self.ask_day(today)
        if day is None:
            return
        uow, user = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: accrue(uow(), user, day),
            on_done=self._ran,
            label=self.tr("Daily run for {0}…").format(day.isoformat()),
            parent=self,
        )

    def _ran(self, report: AccrualReport) -> None:
        messages.show_info(self, report.message, self.tr("Daily run"))
        self.search()

    def open_loan(self, loan_number: str) -> LoanDetailDialog:
        """Open the loan's detail (window-modal, shown without blocking); the
        register is searched again when it closes, postings may have moved it."""
        dialog = LoanDetailDialog(self.ctx, loan_number, self)
        dialog.finished.connect(lambda _result: self.search())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


navigation.register(
    "loan_register",
    QT_TRANSLATE_NOOP("Navigation", "Loan register"),
    LoanRegisterView,
    roles=ROLES,
    order=45,
)
