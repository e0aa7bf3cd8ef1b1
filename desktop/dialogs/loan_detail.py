"""One loan as the register opens it: the account, its schedule with totals,
its payments (reversed ones marked, with who approved), its follow-up tasks
and its classification history.

还款入账 (tellers) opens ``PaymentEntryDialog`` (a regular payment, an early
partial repayment or a settlement, with the domain's quote worked out on the
worker) and posts on the worker; a refusal, such as a receipt number
already used or an amount that does not fit, is shown as an error, nothing
changes, and the form offers the same entries again next time. 冲正
(tellers, supervisors) reverses the selected payment (or the latest
standing one): a reason and a supervisor's user name from
``ReversalRequestDialog``, the supervisor's password from
``PasswordPrompt``; the domain checks both. 核销 (supervisors, for a loan
confirmed 损失) asks for the reason and a second person's approval with his
password (``WriteOffDialog``) and writes the loan off on the worker. After
each the loan is loaded again.

UI thread only; loading, quoting and posting run on the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.dialogs.loan_classification import LoanClassifier
from desktop.dialogs.loan_documents import LoanDocumentsTab
from desktop.dialogs.password_prompt import PasswordPrompt
from desktop.dialogs.payment_entry import PaymentDraft, PaymentEntryDialog, ReversalRequestDialog
from desktop.dialogs.write_off import WriteOffDialog, WriteOffRequest
from desktop.models.names import Names, load_names
from desktop.operations import describe_error
from desktop.widgets.tables import fill_table, read_only_table
from domain.classification import ClassificationDecision, classification_history
from domain.errors import DomainError
from domain.followup import FollowUpTask, loan_tasks
from domain.loans import LoanState
from domain.money import ZERO, format_amount
from domain.overdue import ScheduleLine
from domain.servicing import (
    LoanAccount,
    Repayment,
    RepaymentEntry,
    amount_due,
    early_repayment_quote,
    loan_account,
    post_repayment,
    repayment_history,
    reverse_repayment,
    servicing_schedule,
)
from domain.users import Role
from domain.write_off import WriteOff, write_off, write_off_refusal

REVERSED_COLOUR = "#9aa0a6"
SUMMARY_FIELDS = 13


@dataclass(frozen=True)
class LoanDetail:
    account: LoanAccount
    lines: list[ScheduleLine]
    payments: list[Repayment]
    tasks: list[FollowUpTask]
    decisions: list[ClassificationDecision]
    amount_due: Decimal | None
    today: date | None = None  # the business day, from the store's clock
    product_name: str = ""
    officer_name: str = ""


def load_detail(uow, loan_number: str, actor=None) -> LoanDetail:
    """Everything the dialog shows (worker thread); with ``actor``, the
    product's and the officer's names rather than their codes."""
    account = loan_account(uow(), loan_number)
    names = Names() if actor is None else load_names(uow, actor)
    product_name, officer_name = names.product(account.product_code), names.person(account.officer)
    today = uow().clock.today()
    due = None
    if account.state is LoanState.ACTIVE:
        try:
            due = amount_due(uow(), loan_number)
        except DomainError:
            due = None
    return LoanDetail(
        account,
        servicing_schedule(uow(), loan_number),
        repayment_history(uow(), loan_number),
        loan_tasks(uow(), loan_number),
        classification_history(uow(), loan_number),
        due,
        today,
        product_name,
        officer_name,
    )


def _day(value) -> str:
    return value.isoformat() if value else ""


def _moment(value) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def _state(account: LoanAccount) -> str:
    """The state, with the day a closed or written-off loan left the books."""
    if account.state is LoanState.ACTIVE or account.closed_on is None:
        return account.state.label
    return f"{account.state.label}（{_day(account.closed_on)}）"


class LoanDetailDialog(QDialog):
    def __init__(self, ctx, loan_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loan_number = loan_number
        self.detail: LoanDetail | None = None
        # Entries of a refused posting or write-off, offered again next time.
        self.payment_draft: PaymentDraft | None = None
        self.write_off_draft: WriteOffRequest | None = None
        self.setObjectName("loan_detail")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Loan {0}").format(loan_number))
        self._build()
        self.resize(1000, 680)
        self.reload()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.summary = self._summary_grid()
        self.tabs = QTabWidget(objectName="tabs")
        self.schedule = read_only_table("schedule_table")
        self.payments = read_only_table("payments_table")
        self.tasks = read_only_table("tasks_table")
        self.decisions = read_only_table("classification_table")
        self.tabs.addTab(self.schedule, self.tr("Schedule"))
        self.tabs.addTab(self.payments, self.tr("Payments"))
        self.tabs.addTab(self.tasks, self.tr("Follow-up tasks"))
        self.tabs.addTab(self.decisions, self.tr("Classification"))
        self.documents = LoanDocumentsTab(self.ctx, self.loan_number, self)
        self.tabs.addTab(self.documents, self.tr("Documents"))
        user = self.ctx.user
        self.pay_button = QPushButton(self.tr("Post a payment…"), objectName="post_payment")
        self.pay_button.clicked.connect(self.post_payment)
        self.pay_button.setVisible(user.has_role(Role.TELLER))
        self.reverse_button = QPushButton(self.tr("Reverse…"), objectName="reverse_payment")
        self.reverse_button.clicked.connect(self.reverse_payment)
        self.reverse_button.setVisible(user.has_role(Role.TELLER, Role.SUPERVISOR))
        self.write_off_button = QPushButton(self.tr("Write off…"), objectName="write_off")
        self.write_off_button.clicked.connect(self.write_off_loan)
        self.write_off_button.setVisible(user.has_role(Role.SUPERVISOR))
        self.write_off_button.setEnabled(False)
        self.classify_button = QPushButton(self.tr("Classify…"), objectName="classify")
        self.classify_button.clicked.connect(self.classify_loan)
        self.classify_button.setVisible(user.has_role(Role.SUPERVISOR))
        self.classify_button.setEnabled(False)
        self.classifier = LoanClassifier(self.ctx, self)
        self.classifier.decided.connect(self._classified)
        self.classifier.changed_meanwhile.connect(self.reload)
        close = QPushButton(self.tr("Close"), objectName="close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pay_button)
        buttons.addWidget(self.reverse_button)
        buttons.addWidget(self.classify_button)
        buttons.addWidget(self.write_off_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        uow, number, user = self.ctx.uow, self.loan_number, self.ctx.user
        self.ctx.ops.run(
            lambda: load_detail(uow, number, user),
            on_done=self.show_detail,
            on_error=lambda error: messages.show_error(self, describe_error(error)),
            label=self.tr("Loading the loan…"),
            parent=self,
        )
        self.documents.reload()

    def show_detail(self, detail: LoanDetail) -> None:
        self.detail = detail
        self.documents.set_business_day(detail.today)
        self._show_summary(detail)
        self._show_schedule(detail.lines)
        self._show_payments(detail.payments)
        self._show_tasks(detail.tasks)
        self._show_decisions(detail.decisions)
        active = detail.account.state is LoanState.ACTIVE
        self.pay_button.setEnabled(active)
        self.classify_button.setEnabled(active)
        written_off = detail.account.state is LoanState.WRITTEN_OFF
        self.reverse_button.setEnabled(
            not written_off and any(not p.reversed for p in detail.payments)
        )
        refusal = write_off_refusal(detail.account)
        self.write_off_button.setEnabled(refusal is None)
        self.write_off_button.setToolTip(refusal or "")

    def _summary_grid(self) -> QGridLayout:
        """The summary's label and value pairs, three a row, made once: a
        reload only changes their texts."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.summary_names: list[QLabel] = []
        self.summary_values: list[QLabel] = []
        for n in range(SUMMARY_FIELDS):
            row, col = divmod(n, 3)
            name = QLabel()
            name.setStyleSheet("color: #5f6368;")
            shown = QLabel(objectName=f"summary_{n}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, col * 2)
            grid.addWidget(shown, row, col * 2 + 1)
            self.summary_names.append(name)
            self.summary_values.append(shown)
        return grid

    def _show_summary(self, detail: LoanDetail) -> None:
        a, due = detail.account, detail.amount_due
        # As in the register: a loan settled or written off is no longer overdue.
        overdue = a.days_past_due if a.state is LoanState.ACTIVE else 0
        pairs = [
            (self.tr("Contract number"), a.loan_number),
            (self.tr("Borrower"), a.borrower_name),
            (self.tr("Product"), detail.product_name or a.product_code),
            (self.tr("Officer"), detail.officer_name or a.officer),
            (self.tr("State"), _state(a)),
            (self.tr("Amount"), format_amount(a.amount)),
            (self.tr("Rate"), f"{a.annual_rate}%"),
            (self.tr("Disbursed / matures"), f"{_day(a.disbursed_on)} / {_day(a.maturity_date)}"),
            (self.tr("Outstanding"), format_amount(a.outstanding_principal)),
            (self.tr("Next due"), f"{_day(a.next_due_date)}  {format_amount(a.next_due_amount)}"),
            (self.tr("Days past due"), str(overdue)),
            (self.tr("Classification"), a.classification.label),
            (self.tr("Due today"), "" if due is None else format_amount(due)),
        ]
        for (label, value), name, shown in zip(
            pairs, self.summary_names, self.summary_values, strict=True
        ):
            name.setText(label)
            shown.setText(value)
            late = label == self.tr("Days past due") and overdue > 0
            shown.setStyleSheet("color: #c5221f; font-weight: bold;" if late else "")

    def _show_schedule(self, lines: list[ScheduleLine]) -> None:
        rows = [
            [
                ln.period,
                _day(ln.due_date),
                format_amount(ln.principal),
                format_amount(ln.interest),
                format_amount(ln.principal + ln.interest),
                format_amount(ln.principal_paid),
                format_amount(ln.interest_paid),
                format_amount(ln.balance),
            ]
            for ln in lines
        ]

        def total(attr: str) -> Decimal:
            return sum((getattr(ln, attr) for ln in lines), ZERO)

        rows.append(
            [
                self.tr("Total"),
                "",
                format_amount(total("principal")),
                format_amount(total("interest")),
                format_amount(total("principal") + total("interest")),
                format_amount(total("principal_paid")),
                format_amount(total("interest_paid")),
                "",
            ]
        )
        headers = [
            self.tr("Period"),
            self.tr("Due date"),
            self.tr("Principal"),
            self.tr("Interest"),
            self.tr("Instalment"),
            self.tr("Principal paid"),
            self.tr("Interest paid"),
            self.tr("Balance"),
        ]
        fill_table(self.schedule, headers, rows, right=range(2, 8), bold_last=True)

    def _show_payments(self, payments: list[Repayment]) -> None:
        rows = []
        for p in payments:
            r = p.reversal
            rows.append(
                [
                    p.receipt_number,
                    _day(p.paid_on),
                    format_amount(p.amount),
                    p.channel.label,
                    p.posted_by,
                    self.tr("Reversed") if r else self.tr("Standing"),
                    f"{r.reason}（{r.requested_by} / {r.approved_by}）" if r else "",
                ]
            )
        headers = [
            self.tr("Receipt"),
            self.tr("Date paid"),
            self.tr("Amount"),
            self.tr("Channel"),
            self.tr("Posted by"),
            self.tr("Status"),
            self.tr("Reversal"),
        ]
        fill_table(self.payments, headers, rows, right=(2,))
        for r, p in enumerate(payments):
            if p.reversed:
                for c in range(len(headers)):
                    self.payments.item(r, c).setForeground(QColor(REVERSED_COLOUR))

    def _show_tasks(self, tasks: list[FollowUpTask]) -> None:
        rows = [
            [t.kind.label, _day(t.due_on), t.officer, t.status.label, _moment(t.completed_at)]
            for t in tasks
        ]
        headers = [
            self.tr("Task"),
            self.tr("Due"),
            self.tr("Officer"),
            self.tr("Status"),
            self.tr("Completed"),
        ]
        fill_table(self.tasks, headers, rows)

    def _show_decisions(self, decisions: list[ClassificationDecision]) -> None:
        rows = [
            [
                _moment(d.decided_at),
                d.suggested.label,
                d.category.label,
                d.days_past_due,
                d.decided_by,
                d.reason,
            ]
            for d in decisions
        ]
        headers = [
            self.tr("Decided"),
            self.tr("Suggested"),
            self.tr("Category"),
            self.tr("Days past due"),
            self.tr("By"),
            self.tr("Reason"),
        ]
        fill_table(self.decisions, headers, rows)

    # --- posting --------------------------------------------------------------------------

    def ask_payment(self) -> RepaymentEntry | None:
        """The teller's entries, or ``None``; tests replace this.

        The form's quote for an early repayment or a settlement is read on
        the worker through ``early_repayment_quote``.
        """
        detail = self.detail
        uow, number = self.ctx.uow, self.loan_number

        def quote(on, principal, option):  # worker thread
            return early_repayment_quote(uow(), number, on, principal, option)

        dialog = PaymentEntryDialog(
            self,
            number,
            detail.amount_due if detail else None,
            today=detail.today if detail else None,
            ops=self.ctx.ops,
            quote=quote,
            lines=detail.lines if detail else (),
        )
        if self.payment_draft is not None:
            dialog.restore(self.payment_draft)
        try:
            entry = dialog.get_values()
            self.payment_draft = dialog.draft() if entry is not None else None
            return entry
        finally:
            dialog.deleteLater()

    def post_payment(self) -> None:
        entry = self.ask_payment()
        if entry is None:
            return
        uow, actor, number = self.ctx.uow, self.ctx.user, self.loan_number
        self.ctx.ops.run(
            lambda: post_repayment(uow(), actor, number, entry),
            on_done=self._posted,
            on_error=lambda error: messages.show_error(self, describe_error(error)),
            label=self.tr("Posting the payment…"),
            parent=self,
        )

    def _posted(self, repayment: Repayment) -> None:
        self.payment_draft = None
        messages.show_info(
            self,
            self.tr("Payment {0} of {1} yuan posted.").format(
                repayment.receipt_number, format_amount(repayment.amount)
            ),
        )
        self.reload()

    # --- reversing ------------------------------------------------------------------------

    def payment_to_reverse(self) -> Repayment | None:
        """The selected payment, or the latest standing one."""
        if self.detail is None:
            return None
        rows = self.payments.selectionModel().selectedRows()
        if rows:
            return self.detail.payments[rows[0].row()]
        standing = [p for p in self.detail.payments if not p.reversed]
        return standing[-1] if standing else None

    def ask_reversal(self, receipt: str) -> tuple[str, str] | None:
        """``(reason, supervisor)`` or ``None``; tests replace this."""
        dialog = ReversalRequestDialog(self, receipt)
        try:
            return dialog.get_values()
        finally:
            dialog.deleteLater()

    def ask_password(self, approver: str) -> str | None:
        """The supervisor's password, or ``None``; tests replace this."""
        prompt = PasswordPrompt(
            self,
            title=self.tr("Supervisor's approval"),
            text=self.tr("{0}, enter your password to approve the reversal.").format(approver),
        )
        try:
            return prompt.ask()
        finally:
            prompt.deleteLater()

    def reverse_payment(self) -> None:
        payment = self.payment_to_reverse()
        if payment is None:
            messages.show_info(self, self.tr("There is no payment to reverse."))
            return
        request = self.ask_reversal(payment.receipt_number)
        if request is None:
            return
        reason, approver = request
        password = self.ask_password(approver)
        if password is None:
            return
        uow, actor, receipt = self.ctx.uow, self.ctx.user, payment.receipt_number
        self.ctx.ops.run(
            lambda: reverse_repayment(uow(), actor, receipt, reason, approver, password),
            on_done=lambda _reversal: self._reversed(receipt),
            on_error=lambda error: messages.show_error(self, describe_error(error)),
            label=self.tr("Reversing the payment…"),
            parent=self,
        )

    def _reversed(self, receipt: str) -> None:
        messages.show_info(self, self.tr("Payment {0} reversed.").format(receipt))
        self.reload()

    # --- writing off ----------------------------------------------------------------------

    def ask_write_off(self) -> WriteOffRequest | None:
        """The reason and the approval, or ``None``; tests replace this."""
        dialog = WriteOffDialog(self, self.detail.account, self.write_off_draft)
        try:
            request = dialog.get_values()
            # Kept without the password, should the write-off be refused.
            self.write_off_draft = (
                WriteOffRequest(request.reason, request.approver, "") if request else None
            )
            return request
        finally:
            dialog.deleteLater()

    def classify_loan(self) -> None:
        """The supervisor confirms or changes the loan's five-level category."""
        if self.detail is None:
            return
        detail = self.detail
        self.classifier.start(self.loan_number, detail.product_name, detail.officer_name)

    def _classified(self, decision) -> None:
        self.tabs.setCurrentWidget(self.decisions)
        self.reload()

    def write_off_loan(self) -> None:
        if self.detail is None:
            return
        refusal = write_off_refusal(self.detail.account)
        if refusal is not None:
            messages.show_error(self, refusal)
            return
        request = self.ask_write_off()
        if request is None:
            return
        uow, actor, number = self.ctx.uow, self.ctx.user, self.loan_number
        version = self.detail.account.version
        self.ctx.ops.run(
            lambda: write_off(
                uow(),
                actor,
                number,
                request.reason,
                version=version,
                approver=request.approver,
                approver_password=request.password,
            ),
            on_done=self._written_off,
            on_error=lambda error: messages.show_error(self, describe_error(error)),
            label=self.tr("Writing off the loan…"),
            parent=self,
        )

    def _written_off(self, done: WriteOff) -> None:
        self.write_off_draft = None
        messages.show_info(
            self,
            self.tr(
                "Loan {0} written off: {1} yuan (principal {2}, interest {3}), "
                "approved by {4}. It stays in the register."
            ).format(
                done.loan_number,
                format_amount(done.total),
                format_amount(done.principal),
                format_amount(done.interest),
                done.approved_by,
            ),
        )
        self.reload()
