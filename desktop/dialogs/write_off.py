"""核销: the supervisor's request to write off a loss loan, with the approval.

``WriteOffDialog(parent, account).get_values()`` returns a
``WriteOffRequest`` (reason, approver's user name, approver's password) or
``None`` if cancelled. The approver, an administrator or a supervisor other
than the one writing off, types his own password into the form at the
desk. The dialog shows what would leave the books (outstanding principal
and unpaid interest, as last computed) and what stays claimed; the rules
themselves (only a loan confirmed 损失, four eyes, the password) are
``domain.write_off.write_off``'s, run by the caller on the worker.

UI thread only. Tests replace ``get_values``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.form_fields import GROWS_FOR_NOTES, INFO_COLOUR, FieldNote, Tone
from domain.money import format_amount
from domain.servicing import LoanAccount


@dataclass(frozen=True)
class WriteOffRequest:
    reason: str
    approver: str
    password: str


class WriteOffDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, account: LoanAccount, draft: WriteOffRequest | None = None
    ):
        super().__init__(parent)
        self.setObjectName("write_off")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Write off a loan"))
        self.setProperty(GROWS_FOR_NOTES, True)
        self.value: WriteOffRequest | None = None
        self._build(account)
        if draft is not None:
            self.reason.setPlainText(draft.reason)
            self.approver.setText(draft.approver)

    def _build(self, a: LoanAccount) -> None:
        explanation = QLabel(
            self.tr(
                "Write off loan {0} of {1}, classified as loss. The loan leaves the "
                "books but stays on file: it remains in the register with all its "
                "history, and no more payments can be posted to it."
            ).format(a.loan_number, a.borrower_name),
            objectName="explanation",
        )
        explanation.setWordWrap(True)
        principal, interest = a.outstanding_principal, a.overdue_interest
        figures = QFormLayout()
        figures.addRow(self.tr("Outstanding principal"), self._figure("principal", principal))
        figures.addRow(self.tr("Unpaid interest"), self._figure("interest", interest))
        total = self._figure("total", principal + interest)
        total.setStyleSheet("font-weight: bold;")
        figures.addRow(self.tr("Amount written off"), total)
        charges = a.penalty_owed + a.compound_owed
        figures.addRow(
            self.tr("Penalty and compound interest, still claimed"),
            self._figure("charges", charges),
        )
        as_of = QLabel(
            self.tr("As last computed on {0}; the write-off takes the figures of the day.").format(
                a.computed_on.isoformat() if a.computed_on else "—"
            )
        )
        as_of.setWordWrap(True)
        as_of.setStyleSheet(f"color: {INFO_COLOUR};")
        self.reason = QPlainTextEdit(objectName="reason")
        self.reason.setPlaceholderText(
            self.tr("Why the loan cannot be recovered, and the evidence on file")
        )
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.approver = QLineEdit(objectName="approver")
        self.approver.setPlaceholderText(self.tr("Another supervisor or an administrator"))
        self.password = QLineEdit(objectName="approver_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("The approver types his password"))
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Approved by"), self.approver)
        form.addRow(self.tr("Approver's password"), self.password)
        self.error = FieldNote("write_off", self)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Write off"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("ok")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(explanation)
        layout.addLayout(figures)
        layout.addWidget(as_of)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _figure(self, name: str, amount) -> QLabel:
        label = QLabel(format_amount(amount), objectName=f"figure_{name}")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def submit(self) -> None:
        reason = self.reason.toPlainText().strip()
        approver = self.approver.text().strip()
        password = self.password.text()
        if not reason or not approver or not password:
            self.error.say(
                self.tr("Enter the reason, the approver and the approver's password."),
                Tone.ERROR,
            )
            return
        self.value = WriteOffRequest(reason, approver, password)
        self.accept()

    def get_values(self) -> WriteOffRequest | None:
        """The request, or ``None`` if cancelled."""
        return self.value if self.exec() == QDialog.DialogCode.Accepted else None
