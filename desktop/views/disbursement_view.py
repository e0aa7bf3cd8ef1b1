"""放款 (tellers): what is ready to disburse, the disbursement form, the loan made.

On the left, the applications the supervisor has signed off, oldest first,
tinted as they near or pass their time limit. Choosing one opens the form:
the date, the amount (at most the approved amount; the figure is read as
people type it and shown in capitals), the borrower's repayment account, and
the payment: own payment (自主支付) or entrusted payment (受托支付) to a named
counterparty with account, bank and amount. A cash-flow loan also needs its
principal per month. 放款 asks once more, then the domain checks the
sign-off against what is on file and opens the loan; the loan (contract)
number and its repayment schedule with totals are shown.

Refusals land beside the inputs they concern (``FormErrors``); a sign-off
voided because the application changed since is explained and the list
reloaded.

Threading: UI thread only; reading and disbursing run on the worker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.models.paged_table import Column
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from desktop.views.work_view import (
    RowsModel,
    amount_text,
    applications_waiting,
    hint_label,
    make_table,
    status_text,
    when_text,
)
from desktop.widgets.queue_panel import QueuePanel, open_on_screen, queue_screen
from domain.applications import Application, ApplicationState, get_application
from domain.catalogue import get_product
from domain.customers import FormErrors, get_customer
from domain.errors import ConcurrencyConflict, DomainError, NotFound
from domain.loans import Disbursement, Loan, loan_schedule
from domain.money import amount_in_capitals, parse_amount
from domain.paperwork import EntrustedPayment, OwnPayment
from domain.schedule import RepaymentMethod, Schedule
from domain.users import Role
from domain.workflow import (
    Action,
    SignOffVoided,
    Waiting,
    application_history,
    approval_of,
    disburse,
)

translate = QCoreApplication.translate
TOTALS_TINT = "#eef1f5"

READY_COLUMNS = [
    Column(
        QT_TRANSLATE_NOOP("DisbursementView", "Application no."),
        lambda w: w.application_number,
        124,
    ),
    Column(QT_TRANSLATE_NOOP("DisbursementView", "Customer"), lambda w: w.customer_name, 50),
    Column(
        QT_TRANSLATE_NOOP("DisbursementView", "Amount (yuan)"),
        lambda w: amount_text(w.amount),
        86,
        align_right=True,
    ),
    Column(QT_TRANSLATE_NOOP("DisbursementView", "Time status"), status_text, 90),
]


@dataclass(frozen=True)
class ScheduleLine:
    """One row of the schedule table; ``totals`` for the 合计 row."""

    cells: tuple[str, ...]
    totals: bool = False


def _cell(index: int) -> Callable[[ScheduleLine], str]:
    return lambda line: line.cells[index]


SCHEDULE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("DisbursementView", "Period"), _cell(0), 44),
    Column(QT_TRANSLATE_NOOP("DisbursementView", "Due date"), _cell(1), 90),
    Column(QT_TRANSLATE_NOOP("DisbursementView", "Payment"), _cell(2), 96, align_right=True),
    Column(QT_TRANSLATE_NOOP("DisbursementView", "Principal"), _cell(3), 96, align_right=True),
    Column(QT_TRANSLATE_NOOP("DisbursementView", "Interest"), _cell(4), 80, align_right=True),
    Column(QT_TRANSLATE_NOOP("DisbursementView", "Balance"), _cell(5), 96, align_right=True),
]


def schedule_lines(schedule: Schedule) -> list[ScheduleLine]:
    """The instalments, then the column totals."""
    lines = [
        ScheduleLine(
            (
                str(i.period),
                i.due_date.isoformat(),
                amount_text(i.payment),
                amount_text(i.principal),
                amount_text(i.interest),
                amount_text(i.balance),
            )
        )
        for i in schedule.instalments
    ]
    totals = (
        translate("DisbursementView", "Total"),
        "",
        amount_text(schedule.total_payment),
        amount_text(schedule.total_principal),
        amount_text(schedule.total_interest),
        "",
    )
    return [*lines, ScheduleLine(totals, totals=True)]


@dataclass(frozen=True)
class DisbursementCase:
    """The application to pay out, as shown on the form."""

    application: Application
    customer_name: str
    product_name: str
    signed_off_by: str
    signed_off_at: datetime | None
    approved_amount: Decimal | None = None

    @property
    def number(self) -> str:
        return self.application.application_number


def load_case(uow: Callable[[], Any], number: str) -> DisbursementCase:
    """Worker thread: the application, its names, and who signed it off when."""
    application = get_application(uow(), number)
    customer = get_customer(uow(), application.customer_id)
    try:
        product_name = get_product(uow(), application.product_code).name
    except NotFound:
        product_name = application.product_code
    signoffs = [e for e in application_history(uow(), number) if e.action is Action.SIGN_OFF]
    approval = approval_of(uow(), number)
    last = signoffs[-1] if signoffs else None
    return DisbursementCase(
        application,
        customer.name,
        product_name,
        last.actor if last else "",
        last.at if last else None,
        approval.amount if approval else None,
    )


def pay_out(
    uow: Callable[[], Any], actor, case: DisbursementCase, entered: Disbursement
) -> tuple[Loan, Schedule]:
    """Worker thread: disburse, then read the loan's stored schedule."""
    loan = disburse(uow(), actor, case.number, case.application.version, entered)
    return loan, loan_schedule(uow(), loan.loan_number)


# Where each refused field's message goes.
FIELDS = (
    "disbursed_on",
    "amount",
    "repayment_account",
    "payment.counterparty_name",
    "payment.counterparty_account",
    "payment.counterparty_bank",
    "payment.amount",
    "principal_plan",
)


class DisbursementView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("disbursement_view")
        self.case: DisbursementCase | None = None
        self.loan: Loan | None = None
        self.notes: dict[str, QLabel] = {}
        self.ready_model = RowsModel(
            READY_COLUMNS,
            "DisbursementView",
            status=lambda w: w.status,
            status_column=4,
            parent=self,
        )
        self.schedule_model = RowsModel(
            SCHEDULE_COLUMNS, "DisbursementView", tint=_totals_tint, parent=self
        )
        self._build()
        self.refresh()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.ready = make_table("ready_table", self.ready_model, READY_COLUMNS)
        self.ready.activated.connect(lambda index: self._chosen(index.row()))
        self.ready.clicked.connect(lambda index: self._chosen(index.row()))
        queue = QueuePanel(
            "ready_panel",
            self.tr("Disbursement"),
            hint_label(self.tr("Signed off by the supervisor, oldest first.")),
            self.ready,
            min_width=356,
        )
        queue.reload_requested.connect(self.refresh)
        self.pages = queue_screen(
            self,
            "disbursement",
            queue,
            self.tr("Choose an application to disburse."),
            [self._form_page(), self._result_page()],
        )

    def _form_page(self) -> QScrollArea:
        page = QWidget(objectName="form_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(10)
        self.form_heading = QLabel(objectName="form_heading")
        self.form_heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.form_facts = QLabel(objectName="form_facts")
        self.form_facts.setWordWrap(True)
        layout.addWidget(self.form_heading)
        layout.addWidget(self.form_facts)
        layout.addWidget(self._terms_box())
        layout.addWidget(self._payment_box())
        self.error = messages.inline_label(page)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.disburse_button = QPushButton(self.tr("Disburse…"), objectName="disburse")
        self.disburse_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        self.disburse_button.clicked.connect(self.submit)
        row.addWidget(self.disburse_button)
        layout.addLayout(row)
        layout.addStretch(1)
        scroll = QScrollArea(objectName="form_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _noted(self, field: str, widget: QWidget) -> QWidget:
        """``widget`` with the red note for ``field`` under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        note = messages.inline_label(box, f"{field.replace('.', '_')}_error")
        column.addWidget(note)
        self.notes[field] = note
        return box

    def _terms_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Loan"))
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.disbursed_on = QDateEdit(objectName="disbursed_on")
        self.disbursed_on.setCalendarPopup(True)
        self.disbursed_on.setDisplayFormat("yyyy-MM-dd")
        self.amount = QLineEdit(objectName="amount")
        self.amount.textChanged.connect(self._read_amount)
        self.amount_reading = hint_label("", "amount_reading")
        amount = QWidget()
        amount_column = QVBoxLayout(amount)
        amount_column.setContentsMargins(0, 0, 0, 0)
        amount_column.addWidget(self._noted("amount", self.amount))
        amount_column.addWidget(self.amount_reading)
        self.account = QLineEdit(objectName="repayment_account")
        self.account.setPlaceholderText(self.tr("The borrower's account, 8 to 32 digits"))
        self.plan = QLineEdit(objectName="principal_plan")
        self.plan.setPlaceholderText(self.tr("Principal per month, separated by spaces or commas"))
        self.plan_label = QLabel(self.tr("Principal plan"))
        form.addRow(self.tr("Disbursement date"), self._noted("disbursed_on", self.disbursed_on))
        form.addRow(self.tr("Amount (yuan)"), amount)
        form.addRow(self.tr("Repayment account"), self._noted("repayment_account", self.account))
        form.addRow(self.plan_label, self._noted("principal_plan", self.plan))
        return box

    def _payment_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Payment method"))
        column = QVBoxLayout(box)
        choice = QHBoxLayout()
        self.own = QRadioButton(
            self.tr("Own payment (into the borrower's account)"), objectName="own_payment"
        )
        self.entrusted = QRadioButton(
            self.tr("Entrusted payment (to a named counterparty)"), objectName="entrusted_payment"
        )
        group = QButtonGroup(self)
        for button in (self.own, self.entrusted):
            group.addButton(button)
            choice.addWidget(button)
        choice.addStretch(1)
        self.own.setChecked(True)
        self.entrusted.toggled.connect(self._show_payment)
        column.addLayout(choice)
        self.counterparty = QWidget(objectName="counterparty")
        form = QFormLayout(self.counterparty)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.counterparty_name = QLineEdit(objectName="counterparty_name")
        self.counterparty_account = QLineEdit(objectName="counterparty_account")
        self.counterparty_bank = QLineEdit(objectName="counterparty_bank")
        self.counterparty_amount = QLineEdit(objectName="counterparty_amount")
        form.addRow(
            self.tr("Counterparty"),
            self._noted("payment.counterparty_name", self.counterparty_name),
        )
        form.addRow(
            self.tr("Account"),
            self._noted("payment.counterparty_account", self.counterparty_account),
        )
        form.addRow(
            self.tr("Bank"), self._noted("payment.counterparty_bank", self.counterparty_bank)
        )
        form.addRow(
            self.tr("Amount paid (yuan)"), self._noted("payment.amount", self.counterparty_amount)
        )
        column.addWidget(self.counterparty)
        self.counterparty.hide()
        return box

    def _result_page(self) -> QWidget:
        page = QWidget(objectName="result_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(8)
        done = QLabel(self.tr("Loan disbursed"))
        done.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {messages.SUCCESS_COLOUR};")
        self.loan_number = QLabel(objectName="loan_number")
        self.loan_number.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.loan_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.loan_facts = QLabel(objectName="loan_facts")
        self.loan_facts.setWordWrap(True)
        self.schedule_table = make_table("schedule_table", self.schedule_model, SCHEDULE_COLUMNS)
        next_button = QPushButton(self.tr("Next disbursement"), objectName="next")
        next_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        for widget in (done, self.loan_number, self.loan_facts):
            layout.addWidget(widget)
        layout.addWidget(self.schedule_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(next_button)
        layout.addLayout(row)
        return page

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        uow = self.ctx.uow
        self.ctx.ops.run(
            lambda: applications_waiting(uow, ApplicationState.SIGNED_OFF),
            on_done=self.ready_model.set_rows,
            label=self.tr("Loading what is ready to disburse…"),
            parent=self,
        )

    def _chosen(self, row: int) -> None:
        wait: Waiting = self.ready_model.row(row)
        if (
            self.case is None
            or self.case.number != wait.application_number
            or self.pages.currentIndex() != 1
        ):
            self.open_application(wait.application_number)

    def open_application(self, number: str) -> None:
        """Open the disbursement form of ``number`` (read on the worker)."""
        uow = self.ctx.uow
        self.ctx.ops.run(
            lambda: load_case(uow, number),
            on_done=self._show_form,
            label=self.tr("Loading the application…"),
            parent=self,
        )

    def _show_form(self, case: DisbursementCase) -> None:
        self.case = case
        a = case.application
        self.form_heading.setText(f"{case.number}  {case.customer_name}")
        self.form_facts.setText(
            self.tr(
                "{0} · applied for {1} yuan · {2} months · {3} · officer {4}\n"
                "Signed off by {5} at {6}. The amount may not exceed the approved amount."
            ).format(
                case.product_name,
                amount_text(a.amount),
                a.months or "—",
                a.repayment_method.label if a.repayment_method else "—",
                a.officer,
                case.signed_off_by or "—",
                when_text(case.signed_off_at) or "—",
            )
        )
        self._clear_form(a)
        if case.approved_amount is not None:  # pay out what was approved, not what was asked
            self.amount.setText(amount_text(case.approved_amount))
        self.pages.setCurrentIndex(1)

    def _clear_form(self, application: Application) -> None:
        self.disbursed_on.setDate(QDate.currentDate())
        self.amount.setText(amount_text(application.amount))
        for field in (self.account, self.plan, self.counterparty_name, self.counterparty_account):
            field.clear()
        self.counterparty_bank.clear()
        self.counterparty_amount.clear()
        self.own.setChecked(True)
        cash_flow = application.repayment_method is RepaymentMethod.CASH_FLOW
        self.plan.setVisible(cash_flow)
        self.plan_label.setVisible(cash_flow)
        self._clear_notes()

    def _show_payment(self, entrusted: bool) -> None:
        self.counterparty.setVisible(entrusted)
        if entrusted and not self.counterparty_amount.text():
            self.counterparty_amount.setText(self.amount.text())

    def _read_amount(self) -> None:
        try:
            amount = parse_amount(self.amount.text(), "amount", label=self.tr("Amount"))
        except DomainError:
            self.amount_reading.setText("")
            return
        self.amount_reading.setText(amount_in_capitals(amount))

    # --- disbursing -----------------------------------------------------------------------

    def entered(self) -> Disbursement:
        """What the teller entered, as the domain reads it (text as typed)."""
        payment = OwnPayment()
        if self.entrusted.isChecked():
            payment = EntrustedPayment(
                self.counterparty_name.text(),
                self.counterparty_account.text(),
                self.counterparty_bank.text(),
                self.counterparty_amount.text(),
            )
        plan = (
            [p for p in re.split(r"[\s,，、]+", self.plan.text()) if p]
            if not self.plan.isHidden()
            else None
        )
        return Disbursement(
            self.disbursed_on.date().toPython(),
            self.amount.text(),
            self.account.text(),
            payment,
            plan or None,
        )

    def submit(self) -> None:
        case = self.case
        if case is None:
            return
        entered = self.entered()
        self._clear_notes()
        if not messages.confirm(
            self,
            self._confirmation(case, entered),
            self.tr("Disburse"),
            self.tr("Disburse"),
            self.tr("Cancel"),
        ):
            return
        uow, actor = self.ctx.uow, self.ctx.user
        self.disburse_button.setEnabled(False)
        self.ctx.ops.run(
            lambda: pay_out(uow, actor, case, entered),
            on_done=self._disbursed,
            on_error=self._refused,
            label=self.tr("Disbursing…"),
            parent=self,
        )

    def _confirmation(self, case: DisbursementCase, entered: Disbursement) -> str:
        try:
            capitals = amount_in_capitals(parse_amount(entered.amount, "amount"))
        except DomainError:
            capitals = entered.amount
        way = (
            self.tr("entrusted payment to {0}").format(entered.payment.counterparty_name)
            if isinstance(entered.payment, EntrustedPayment)
            else self.tr("own payment")
        )
        return self.tr("Disburse {0} yuan ({1}) to {2} for {3}, {4}?").format(
            entered.amount, capitals, case.customer_name, case.number, way
        )

    def _disbursed(self, result: tuple[Loan, Schedule]) -> None:
        loan, schedule = result
        self.disburse_button.setEnabled(True)
        self.loan = loan
        self.loan_number.setText(self.tr("Loan (contract) number: {0}").format(loan.loan_number))
        self.loan_facts.setText(
            self.tr(
                "{0} · {1} yuan at {2}% a year ({3}) · {4} months from {5} to {6} · {7}"
            ).format(
                loan.borrower_name,
                amount_text(loan.amount),
                loan.annual_rate,
                loan.pricing_description,
                loan.months,
                loan.start_date.isoformat(),
                loan.maturity_date.isoformat(),
                loan.payment_mode.label,
            )
        )
        self.schedule_model.set_rows(schedule_lines(schedule))
        self.pages.setCurrentIndex(2)
        self.case = None
        self.refresh()

    def _refused(self, error: Exception) -> None:
        self.disburse_button.setEnabled(True)
        if isinstance(error, FormErrors):
            self._show_problems(error.problems)
            return
        messages.show_error(self, describe_error(error))
        if isinstance(error, SignOffVoided | ConcurrencyConflict):
            self.case = None
            self.pages.setCurrentIndex(0)
            self.refresh()

    def _show_problems(self, problems: dict[str, str]) -> None:
        unplaced = []
        for field, text in problems.items():
            note = self.notes.get(field)
            if note is None or not self._on_form(field):
                unplaced.append(text)
            else:
                messages.set_inline(note, text)
        messages.set_inline(self.error, "\n".join(unplaced))

    def _on_form(self, field: str) -> bool:
        """Whether the input of ``field`` is part of the form as it stands."""
        if field.startswith("payment."):
            return not self.counterparty.isHidden()
        if field == "principal_plan":
            return not self.plan.isHidden()
        return True

    def _clear_notes(self) -> None:
        for note in [*self.notes.values(), self.error]:
            messages.set_inline(note, "")


def _totals_tint(line: ScheduleLine) -> QBrush | None:
    return QBrush(QColor(TOTALS_TINT)) if line.totals else None


def open_disbursement(ctx: ViewContext, application_number: str) -> DisbursementView | None:
    """Show the disbursement form of ``application_number`` in the main
    window; ``None`` (and a message) if the user is not a teller."""
    return open_on_screen(
        ctx,
        "disbursement",
        application_number,
        translate("DisbursementView", "Disbursement is for tellers."),
    )


navigation.register(
    "disbursement",
    QT_TRANSLATE_NOOP("Navigation", "Disbursement"),
    DisbursementView,
    roles={Role.TELLER},
    order=50,
)
