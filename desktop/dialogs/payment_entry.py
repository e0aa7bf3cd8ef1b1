"""还款入账 and 冲正 requests: the two small forms of a loan's servicing.

``PaymentEntryDialog(parent, loan_number, amount_due).get_values()`` returns
a ``RepaymentEntry`` (amount, date, channel, receipt number) or ``None`` if
cancelled; the amount is checked with ``parse_amount`` before the dialog
closes, the note beside the field saying what is wrong. The posting itself
(and the refusal of a receipt number already used) is the caller's, on the
worker.

``ReversalRequestDialog(parent, receipt_number).get_values()`` returns
``(reason, supervisor user name)`` or ``None``; the supervisor's password is
asked for afterwards with ``PasswordPrompt``.

UI thread only. Tests replace ``get_values``.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.form_fields import FieldNote, Tone, noted
from domain.errors import ValidationError
from domain.money import format_amount, parse_amount
from domain.servicing import Channel, RepaymentEntry


def _buttons(dialog: QDialog, ok_text: str, cancel_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox()
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName("ok")
    ok.setDefault(True)
    buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PaymentEntryDialog(QDialog):
    def __init__(self, parent: QWidget | None, loan_number: str, amount_due: Decimal | None = None):
        super().__init__(parent)
        self.setObjectName("payment_entry")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Post a payment"))
        self.value: RepaymentEntry | None = None
        self._build(loan_number, amount_due)

    def _build(self, loan_number: str, amount_due: Decimal | None) -> None:
        heading = QLabel(self.tr("Loan {0}").format(loan_number), objectName="heading")
        self.amount = QLineEdit(objectName="amount")
        self.amount.setPlaceholderText(self.tr("e.g. 8,530.99"))
        self.amount_note = FieldNote("amount", self)
        if amount_due is not None:
            self.amount_note.say(
                self.tr("Due today: {0} yuan").format(format_amount(amount_due)), Tone.INFO
            )
        self.paid_on = QDateEdit(QDate.currentDate(), objectName="paid_on")
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setDisplayFormat("yyyy-MM-dd")
        self.channel = QComboBox(objectName="channel")
        for channel in Channel:
            self.channel.addItem(channel.label, channel.value)
        self.receipt = QLineEdit(objectName="receipt_number")
        self.receipt.setPlaceholderText(self.tr("The number on the bank's slip"))
        self.receipt_note = FieldNote("receipt_number", self)
        form = QFormLayout()
        form.addRow(self.tr("Amount (yuan)"), noted(self.amount, self.amount_note))
        form.addRow(self.tr("Date paid"), self.paid_on)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Receipt number"), noted(self.receipt, self.receipt_note))
        buttons = _buttons(self, self.tr("Post"), self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def entry(self) -> RepaymentEntry | None:
        """The entries as typed, or ``None`` with the notes saying what is wrong."""
        ok = True
        try:
            amount = parse_amount(self.amount.text(), "amount", label="还款金额")
        except ValidationError as error:
            self.amount_note.say(str(error), Tone.ERROR)
            ok = False
        if not self.receipt.text().strip():
            self.receipt_note.say(self.tr("Enter the receipt number."), Tone.ERROR)
            ok = False
        if not ok:
            return None
        day = self.paid_on.date()
        return RepaymentEntry(
            amount,
            day.toPython(),
            self.channel.currentData(),
            self.receipt.text().strip(),
        )

    def submit(self) -> None:
        self.value = self.entry()
        if self.value is not None:
            self.accept()

    def get_values(self) -> RepaymentEntry | None:
        """The payment as entered, or ``None`` if cancelled."""
        return self.value if self.exec() == QDialog.DialogCode.Accepted else None


class ReversalRequestDialog(QDialog):
    def __init__(self, parent: QWidget | None, receipt_number: str):
        super().__init__(parent)
        self.setObjectName("reversal_request")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Reverse a payment"))
        self.value: tuple[str, str] | None = None
        explanation = QLabel(
            self.tr(
                "Reverse the payment with receipt {0}. A supervisor other than the "
                "teller who posted it approves with his password."
            ).format(receipt_number)
        )
        explanation.setWordWrap(True)
        self.reason = QLineEdit(objectName="reason")
        self.approver = QLineEdit(objectName="approver")
        self.approver.setPlaceholderText(self.tr("Supervisor's user name"))
        self.error = FieldNote("reversal", self)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Approved by"), self.approver)
        buttons = _buttons(self, self.tr("Continue"), self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def submit(self) -> None:
        reason, approver = self.reason.text().strip(), self.approver.text().strip()
        if not reason or not approver:
            self.error.say(self.tr("Enter the reason and the supervisor."), Tone.ERROR)
            return
        self.value = (reason, approver)
        self.accept()

    def get_values(self) -> tuple[str, str] | None:
        """``(reason, supervisor)`` or ``None`` if cancelled."""
        return self.value if self.exec() == QDialog.DialogCode.Accepted else None
