"""The quote beside the payment form for an early repayment or a settlement.

``RepaymentQuotePanel`` shows an ``EarlyRepaymentQuote`` worked out by the
domain (``domain.servicing.early_repayment_quote``, run on the worker by
the form): what is owed now, the principal repaid ahead, the interest on it
to the day, the total to collect, and, for an early repayment, the
instalment, the number of instalments and the final due date before and
after. For a settlement the total is the exact payoff amount. While a
quote is on its way, or when the form lacks something, the panel says so;
a refusal (a principal above what remains, a loan past its maturity)
is shown in red.

UI thread only: the panel only displays what it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.dialogs import messages
from desktop.widgets.form_fields import INFO_COLOUR
from domain.money import format_amount
from domain.overdue import ScheduleLine
from domain.servicing import EarlyRepaymentQuote

ARROW = " → "


class RepaymentQuotePanel(QGroupBox):
    """Label/value rows; ``value(name)`` reads one back (tests, screenshots)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quote_panel")
        self.setTitle(self.tr("Quote"))
        self.quote: EarlyRepaymentQuote | None = None
        self._names: dict[str, QLabel] = {}
        self._values: dict[str, QLabel] = {}
        self._build()
        self.show_message("")

    def _build(self) -> None:
        self.status = QLabel(objectName="quote_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        for row, name in enumerate(
            ("due_now", "principal", "interest", "total", "instalment", "periods", "maturity")
        ):
            label = QLabel()
            label.setStyleSheet(f"color: {INFO_COLOUR};")
            value = QLabel(objectName=f"quote_{name}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(value, row, 1)
            self._names[name], self._values[name] = label, value
        self._values["total"].setStyleSheet("font-weight: bold;")
        self.closing = QLabel(objectName="quote_closing")
        self.closing.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addLayout(self.grid)
        layout.addWidget(self.closing)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setMinimumWidth(340)

    # --- what the panel says --------------------------------------------------------------

    def value(self, name: str) -> str:
        return self._values[name].text()

    def _rows_visible(self, names: Sequence[str]) -> None:
        for name in self._values:
            shown = name in names
            self._names[name].setVisible(shown)
            self._values[name].setVisible(shown)

    def _set(self, name: str, label: str, value: str) -> None:
        self._names[name].setText(label)
        self._values[name].setText(value)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """No figures: ``text`` instead (grey, or red for a refusal)."""
        self.quote = None
        self._rows_visible(())
        self.closing.setVisible(False)
        colour = messages.ERROR_COLOUR if error else INFO_COLOUR
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def show_waiting(self) -> None:
        self.show_message(self.tr("Working out the quote…"))

    def show_quote(self, quote: EarlyRepaymentQuote, lines: Sequence[ScheduleLine] = ()) -> None:
        """The figures of ``quote``; ``lines`` (the current schedule) give
        the instalment, count and final due date before it."""
        self.quote = quote
        self.status.setVisible(False)
        self._set("due_now", self.tr("Arrears and charges due now"), _money(quote.due_now))
        interest = self.tr("Interest to date ({0} days)").format(quote.days)
        self._set("interest", interest, _money(quote.interest))
        if quote.settles:
            self._show_settlement(quote)
        else:
            self._show_early(quote, list(lines)[quote.after_period :])

    def _show_settlement(self, quote: EarlyRepaymentQuote) -> None:
        self._set("principal", self.tr("Principal outstanding"), _money(quote.principal))
        self._set("total", self.tr("Payoff amount"), _money(quote.total))
        self._rows_visible(("due_now", "principal", "interest", "total"))
        self.closing.setText(
            self.tr("Collect exactly this amount: the loan is settled once it is posted.")
        )
        self.closing.setVisible(True)

    def _show_early(self, quote: EarlyRepaymentQuote, before: list[ScheduleLine]) -> None:
        after = quote.schedule.instalments
        self._set("principal", self.tr("Principal repaid early"), _money(quote.principal))
        self._set("total", self.tr("Total to pay"), _money(quote.total))
        old_payment = _money(before[0].principal + before[0].interest) if before else ""
        old_count = str(len(before)) if before else ""
        old_end = before[-1].due_date.isoformat() if before else ""
        self._set(
            "instalment", self.tr("Next instalment"), _change(old_payment, _money(after[0].payment))
        )
        self._set("periods", self.tr("Instalments left"), _change(old_count, str(len(after))))
        self._set(
            "maturity",
            self.tr("Final due date"),
            _change(old_end, after[-1].due_date.isoformat()),
        )
        self._rows_visible(tuple(self._values))
        self.closing.setVisible(False)


def _money(amount: Decimal) -> str:
    return format_amount(amount)


def _change(before: str, after: str) -> str:
    """``before → after``, or just ``after`` when nothing is known before."""
    return f"{before}{ARROW}{after}" if before else after
