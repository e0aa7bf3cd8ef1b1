"""还款入账 and 冲正 requests: the two small forms of a loan's servicing.

``PaymentEntryDialog(parent, loan_number, amount_due, ...).get_values()``
returns a ``RepaymentEntry`` or ``None`` if cancelled. The teller chooses
the kind of payment: 正常还款, 提前部分还款 (then whether the rest of the
loan runs shorter or with a lower instalment, and the principal to repay
early) or 提前结清. For those two a live quote stands beside the form
(``RepaymentQuotePanel``): ``quote(on, principal, option)`` (``principal``
``None`` for a settlement) is a callable the caller builds over
``domain.servicing.early_repayment_quote``; the dialog runs it on the
database worker through ``ops`` a moment after the inputs stop changing and
drops answers overtaken by newer inputs. The quote's total fills the amount
(for a settlement, the exact payoff amount); the teller may still change it,
the domain refusing an amount that does not fit. The amount is checked with
``parse_amount`` before the dialog closes, the note beside the field saying
what is wrong. The posting itself (and the refusal of a receipt number
already used, or of a wrong amount) is the caller's, on the worker;
``draft()`` / ``restore()`` let the caller offer the entries again after a
refusal.

``ReversalRequestDialog(parent, receipt_number).get_values()`` returns
``(reason, supervisor user name)`` or ``None``; the supervisor's password is
asked for afterwards with ``PasswordPrompt``.

UI thread only. Tests replace ``get_values``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.repayment_quote import RepaymentQuotePanel
from desktop.operations import describe_error
from desktop.widgets.form_fields import FieldNote, Tone, dialog_buttons, noted
from domain.errors import ValidationError
from domain.money import format_amount, parse_amount
from domain.overdue import ScheduleLine
from domain.schedule import EarlyRepaymentOption
from domain.servicing import Channel, EarlyRepaymentQuote, PaymentKind, RepaymentEntry

QuoteFunction = Callable[[date, Decimal | None, EarlyRepaymentOption], EarlyRepaymentQuote]
QUOTE_DELAY_MS = 250  # typing a figure does not send a quote per keystroke


@dataclass(frozen=True)
class PaymentDraft:
    """The form's entries as typed, to offer them again after a refusal."""

    kind: PaymentKind
    option: EarlyRepaymentOption | None
    principal: str
    amount: str
    paid_on: date
    channel: str
    receipt: str


class PaymentEntryDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        loan_number: str,
        amount_due: Decimal | None = None,
        *,
        today: date | None = None,
        ops=None,
        quote: QuoteFunction | None = None,
        lines: Sequence[ScheduleLine] = (),
    ):
        super().__init__(parent)
        self.setObjectName("payment_entry")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Post a payment"))
        self.value: RepaymentEntry | None = None
        self.ops, self.quote_fn, self.lines = ops, quote, list(lines)
        self._serial = 0  # the latest quote asked for; older answers are dropped
        self._quote_due = False  # inputs changed, their quote not back yet
        self._auto_amount: str | None = None  # the amount as the last quote filled it
        self._timer = QTimer(self, singleShot=True, interval=QUOTE_DELAY_MS)
        self._timer.timeout.connect(self.request_quote)
        self._build(loan_number, amount_due, today)

    # --- layout ---------------------------------------------------------------------------

    def _build(self, loan_number: str, amount_due: Decimal | None, today: date | None) -> None:
        heading = QLabel(self.tr("Loan {0}").format(loan_number), objectName="heading")
        self.due_text = (
            self.tr("Due today: {0} yuan").format(format_amount(amount_due))
            if amount_due is not None
            else ""
        )
        form = self.form = QFormLayout()
        form.addRow(self.tr("Kind of payment"), self._kind_row())
        self.option_note = FieldNote("option", self)
        form.addRow(self.tr("The rest of the loan"), noted(self._option_row(), self.option_note))
        self.principal = QLineEdit(objectName="principal")
        self.principal.setPlaceholderText(self.tr("e.g. 30,000"))
        self.principal_note = FieldNote("principal", self)
        form.addRow(
            self.tr("Principal to repay early (yuan)"), noted(self.principal, self.principal_note)
        )
        self.amount = QLineEdit(objectName="amount")
        self.amount.setPlaceholderText(self.tr("e.g. 8,530.99"))
        self.amount_note = FieldNote("amount", self)
        if self.due_text:
            self.amount_note.say(self.due_text, Tone.INFO)
        form.addRow(self.tr("Amount (yuan)"), noted(self.amount, self.amount_note))
        self.paid_on = QDateEdit(QDate(today) if today else QDate.currentDate())
        self.paid_on.setObjectName("paid_on")
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setDisplayFormat("yyyy-MM-dd")
        if today is not None:
            self.paid_on.setMaximumDate(QDate(today))
        self.channel = QComboBox(objectName="channel")
        for channel in Channel:
            self.channel.addItem(channel.label, channel.value)
        self.receipt = QLineEdit(objectName="receipt_number")
        self.receipt.setPlaceholderText(self.tr("The number on the bank's slip"))
        self.receipt_note = FieldNote("receipt_number", self)
        form.addRow(self.tr("Date paid"), self.paid_on)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Receipt number"), noted(self.receipt, self.receipt_note))
        self.quote_panel = RepaymentQuotePanel(self)
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addLayout(form, 1)
        body.addWidget(self.quote_panel)
        buttons, _ok = dialog_buttons(self, self.tr("Post"), self.tr("Cancel"), self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(heading)
        layout.addLayout(body)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._connect()
        self._show_kind()

    def _kind_row(self) -> QWidget:
        row, self.kinds, self.kind_buttons = self._radio_row(
            {
                PaymentKind.REGULAR: (self.tr("Regular payment"), "kind_regular"),
                PaymentKind.EARLY: (self.tr("Early partial repayment"), "kind_early"),
                PaymentKind.SETTLEMENT: (self.tr("Full settlement"), "kind_settlement"),
            }
        )
        self.kind_buttons[PaymentKind.REGULAR].setChecked(True)
        return row

    def _option_row(self) -> QWidget:
        row, self.options, self.option_buttons = self._radio_row(
            {
                EarlyRepaymentOption.SHORTEN_TERM: (self.tr("Shorten the term"), "option_shorten"),
                EarlyRepaymentOption.REDUCE_INSTALMENT: (
                    self.tr("Lower the instalment"),
                    "option_reduce",
                ),
            }
        )
        return row

    def _radio_row(self, choices: dict) -> tuple[QWidget, QButtonGroup, dict]:
        """One exclusive choice as a row of radio buttons: ``choices`` maps
        each value to its text and object name."""
        row, layout = QWidget(), QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        row.setLayout(layout)
        group = QButtonGroup(self)
        buttons = {}
        for value, (text, name) in choices.items():
            button = QRadioButton(text, objectName=name)
            group.addButton(button)
            buttons[value] = button
            layout.addWidget(button)
        layout.addStretch(1)
        return row, group, buttons

    def _connect(self) -> None:
        self.kinds.buttonToggled.connect(self._kind_toggled)
        self.options.buttonToggled.connect(self._option_toggled)
        self.principal.textEdited.connect(self.inputs_changed)
        self.paid_on.dateChanged.connect(self.inputs_changed)
        self.amount.textEdited.connect(self._amount_edited)

    # --- the kind of payment -----------------------------------------------------------------

    def kind(self) -> PaymentKind:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def option(self) -> EarlyRepaymentOption | None:
        return next((o for o, b in self.option_buttons.items() if b.isChecked()), None)

    def set_kind(self, kind: PaymentKind, option: EarlyRepaymentOption | None = None) -> None:
        """Choose the kind (and option) as the teller would."""
        if option is not None:
            self.option_buttons[option].setChecked(True)
        self.kind_buttons[kind].setChecked(True)

    def _kind_toggled(self, _button, checked: bool) -> None:
        if checked:
            self._show_kind()
            self.inputs_changed()

    def _option_toggled(self, _button, checked: bool) -> None:
        if checked:
            self.option_note.clear_note()
            self.inputs_changed()

    def _show_kind(self) -> None:
        kind = self.kind()
        early = kind is PaymentKind.EARLY
        self.form.setRowVisible(1, early)
        self.form.setRowVisible(2, early)
        self.quote_panel.setVisible(kind is not PaymentKind.REGULAR)
        if kind is PaymentKind.REGULAR:
            self.amount_note.say(self.due_text, Tone.INFO)
        self.setMinimumWidth(460 if kind is PaymentKind.REGULAR else 820)
        QTimer.singleShot(0, self, self.adjustSize)

    # --- the quote ------------------------------------------------------------------------

    def inputs_changed(self, *_args) -> None:
        """What the quote depends on changed: ask again in a moment."""
        self._serial += 1  # whatever is on its way answers older inputs
        if self._auto_amount is not None and self.amount.text() == self._auto_amount:
            self.amount.clear()
        self._auto_amount = None
        if self.kind() is PaymentKind.REGULAR:
            self._quote_due = False
            self._timer.stop()
            return
        self._quote_due = True
        self.quote_panel.show_waiting()
        self._timer.start()

    def request_quote(self) -> None:
        """Send the quote for the current inputs to the worker, or say what is missing."""
        kind = self.kind()
        if kind is PaymentKind.REGULAR:
            return
        principal, option = None, EarlyRepaymentOption.REDUCE_INSTALMENT
        if kind is PaymentKind.EARLY:
            option = self.option()
            principal = self._principal()
            if option is None or principal is None:
                self._quote_due = False
                self.quote_panel.show_message(
                    self.tr("Choose how the rest of the loan changes.")
                    if option is None
                    else self.tr("Enter the principal to repay early to see the quote.")
                )
                return
        if self.ops is None or self.quote_fn is None:
            self._quote_due = False
            self.quote_panel.show_message(self.tr("No quote is available here."))
            return
        self._serial += 1
        serial, quote, on = self._serial, self.quote_fn, self.paid_on.date().toPython()
        self.ops.run(
            lambda: quote(on, principal, option),
            on_done=lambda found: self._quoted(serial, found),
            on_error=lambda error: self._quote_failed(serial, error),
            label=self.tr("Working out the quote…"),
            parent=self,
            retry=False,
        )

    def _principal(self) -> Decimal | None:
        text = self.principal.text()
        if not text.strip():
            self.principal_note.clear_note()
            return None
        try:
            value = parse_amount(text, "principal", label="提前还款本金")
        except ValidationError as error:
            self.principal_note.say(str(error), Tone.ERROR)
            return None
        self.principal_note.clear_note()
        return value

    def _quoted(self, serial: int, quote: EarlyRepaymentQuote) -> None:
        if serial != self._serial:
            return
        self._quote_due = False
        self.quote_panel.show_quote(quote, self.lines)
        text = format_amount(quote.total)
        self.amount.setText(text)
        self._auto_amount = text
        self._say_amount_against_quote()

    def _quote_failed(self, serial: int, error: Exception) -> None:
        if serial != self._serial:
            return
        self._quote_due = False
        self.quote_panel.show_message(describe_error(error), error=True)

    def _amount_edited(self, _text: str) -> None:
        if self.kind() is not PaymentKind.REGULAR:
            self._say_amount_against_quote()

    def _say_amount_against_quote(self) -> None:
        """The amount beside the quote's total: a payoff must match it exactly."""
        quote = self.quote_panel.quote
        if quote is None:
            self.amount_note.clear_note()
            return
        total = format_amount(quote.total)
        try:
            matches = parse_amount(self.amount.text()) == quote.total
        except ValidationError:
            matches = False
        if matches:
            self.amount_note.say(self.tr("As quoted: {0} yuan").format(total), Tone.INFO)
        elif self.kind() is PaymentKind.SETTLEMENT:
            self.amount_note.say(
                self.tr("Settling takes exactly {0} yuan; the amount differs.").format(total),
                Tone.WARNING,
            )
        else:
            self.amount_note.say(
                self.tr("Differs from the quote ({0} yuan).").format(total), Tone.WARNING
            )

    # --- the entries --------------------------------------------------------------------------

    def entry(self) -> RepaymentEntry | None:
        """The entries as typed, or ``None`` with the notes saying what is wrong."""
        ok = True
        kind = self.kind()
        option = self.option() if kind is PaymentKind.EARLY else None
        if kind is PaymentKind.EARLY and option is None:
            self.option_note.say(
                self.tr("Choose whether to shorten the term or lower the instalment."),
                Tone.ERROR,
            )
            ok = False
        if kind is not PaymentKind.REGULAR and (self._quote_due or self._timer.isActive()):
            self.amount_note.say(
                self.tr("The quote is still being worked out; post again in a moment."),
                Tone.ERROR,
            )
            return None
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
            kind,
            option,
        )

    def submit(self) -> None:
        self.value = self.entry()
        if self.value is not None:
            self.accept()

    def get_values(self) -> RepaymentEntry | None:
        """The payment as entered, or ``None`` if cancelled."""
        return self.value if self.exec() == QDialog.DialogCode.Accepted else None

    def draft(self) -> PaymentDraft:
        """The entries as typed (to offer them again if the posting is refused)."""
        return PaymentDraft(
            self.kind(),
            self.option(),
            self.principal.text(),
            self.amount.text(),
            self.paid_on.date().toPython(),
            self.channel.currentData(),
            self.receipt.text(),
        )

    def restore(self, draft: PaymentDraft) -> None:
        """Fill the form from ``draft``; a quote is asked for again."""
        self.principal.setText(draft.principal)
        self.amount.setText(draft.amount)
        self.paid_on.setDate(QDate(draft.paid_on))
        self.channel.setCurrentIndex(max(self.channel.findData(draft.channel), 0))
        self.receipt.setText(draft.receipt)
        self.set_kind(draft.kind, draft.option)
        self.inputs_changed()


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
        buttons, _ok = dialog_buttons(self, self.tr("Continue"), self.tr("Cancel"), self.submit)
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
