"""贷款试算 (everyone signed in): what a loan would cost, month by month.

The clerk picks a product and types the amount as the customer says it
("10万"), the term, the repayment method, the customer's risk grade, the
start date and, if agreed, the monthly due day. The annual rate is the
product's price (LPR in force on the start date + the spread for the grade,
``domain.pricing.price``, the calculation behind ``catalogue.quote_rate``),
shown with how it was built; an agreed rate may be typed over it. The
schedule and its totals follow every change at once.

Threading: the products, the LPR history and the spread table are read on
the worker once (and again on 重新加载); everything after that is pure
arithmetic on those values and runs on the UI thread, debounced by
``DEBOUNCE_MS`` so typing stays smooth. Text that cannot be read is
explained beside its field and the last good schedule stays on screen.
UI thread only.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.product_edit import grade_name, method_name
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from domain import catalogue
from domain.errors import DomainError, ValidationError
from domain.money import amount_in_capitals, format_amount, parse_amount, parse_percent
from domain.pricing import BaseRate, Pricing, RiskGrade, SpreadTable, format_percent, price
from domain.products import EligibilityRequest, GuaranteeType, Product, Rule, check_eligibility
from domain.schedule import RepaymentMethod, Schedule, build_schedule

translate = QCoreApplication.translate

DEBOUNCE_MS = 150
DEFAULT_MONTHS = 12
DEFAULT_PRODUCT = "micro"

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_TOTALS_BACKGROUND = QColor("#e3ebf5")
_HINT_STYLE = "color: #5f6368;"
_STALE_STYLE = "color: #a05a00;"

# The rules of a product a quote can break: the rest (time in business,
# guarantees, collateral) belong to the application, not to a price.
_AMOUNT_RULES = frozenset({Rule.AMOUNT_MIN, Rule.AMOUNT_MAX, Rule.AMOUNT_PRECISION})
_TERM_RULES = frozenset({Rule.TERM_MIN, Rule.TERM_MAX})


# --- the schedule table ------------------------------------------------------------------

_COLUMNS = [
    QT_TRANSLATE_NOOP("ScheduleTableModel", "No."),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "Due date"),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "Payment"),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "Principal"),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "Interest"),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "Balance after"),
]


class ScheduleTableModel(QAbstractTableModel):
    """The instalments of one schedule, then a totals row (合计) in bold on a tint."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.schedule: Schedule | None = None

    def set_schedule(self, schedule: Schedule | None) -> None:
        self.beginResetModel()
        self.schedule = schedule
        self.endResetModel()

    def is_totals(self, row: int) -> bool:
        return self.schedule is not None and row == len(self.schedule.instalments)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.schedule is None or not self.schedule.instalments:
            return 0
        return len(self.schedule.instalments) + 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("ScheduleTableModel", _COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section >= 2 else _CENTRE
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or self.schedule is None:
            return None
        row, column = index.row(), index.column()
        totals = self.is_totals(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._totals_cells()[column] if totals else self._cells(row)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column >= 2 else _CENTRE
        if totals and role == Qt.ItemDataRole.BackgroundRole:
            return _TOTALS_BACKGROUND
        if totals and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _cells(self, row: int) -> list[str]:
        line = self.schedule.instalments[row]
        return [
            str(line.period),
            line.due_date.isoformat(),
            format_amount(line.payment),
            format_amount(line.principal),
            format_amount(line.interest),
            format_amount(line.balance),
        ]

    def _totals_cells(self) -> list[str]:
        s = self.schedule
        return [
            translate("ScheduleTableModel", "Total"),
            "",
            format_amount(s.total_payment),
            format_amount(s.total_principal),
            format_amount(s.total_interest),
            "",
        ]


# --- the view --------------------------------------------------------------------------------


class QuoteView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("quote_view")
        self.products: list[Product] = []
        self.history: list[BaseRate] = []
        self.spreads = SpreadTable({})
        self.pricing: Pricing | None = None
        self.annual_rate: Decimal | None = None
        self.model = ScheduleTableModel(self)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.recompute)
        self._build()
        self._connect_inputs()
        self.reload()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Loan quote"), objectName="view_title")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        reload = QPushButton(self.tr("Reload products and rates"), objectName="reload")
        reload.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(reload)

        self.load_message = messages.inline_label(self, "load_message")
        self.stale = QLabel(objectName="stale")
        self.stale.setStyleSheet(_STALE_STYLE)
        self.stale.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.load_message)
        layout.addWidget(self._inputs())
        layout.addWidget(self._rate_panel())
        layout.addWidget(self._summary())
        layout.addWidget(self.stale)
        layout.addWidget(self._table(), 1)

    def _inputs(self) -> QFrame:
        self.product = QComboBox(objectName="product")
        self.product.setMinimumContentsLength(12)
        self.amount = QLineEdit(objectName="amount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText(self.tr("e.g. 100000 or 10万"))
        self.amount_range = _hint("amount_range")
        self.capitals = _hint("capitals")
        self.amount_message = messages.inline_label(self, "amount_message")
        self.term = QSpinBox(objectName="term")
        self.term.setSuffix(self.tr(" months"))
        self.term.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.term_range = _hint("term_range")
        self.term_message = messages.inline_label(self, "term_message")
        self.method = QComboBox(objectName="method")
        self.grade = QComboBox(objectName="grade")
        for grade in RiskGrade:
            self.grade.addItem(grade_name(grade), grade.value)
        self.start_date = QDateEdit(QDate.currentDate(), objectName="start_date")
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat("yyyy-MM-dd")
        self.due_day = QSpinBox(objectName="due_day")
        self.due_day.setRange(0, 31)
        # 0 stands for "not agreed": the due day is then the start date's day.
        self.due_day.setSpecialValueText(self.tr("Same day as the start date"))
        self.due_day.setPrefix(self.tr("Day "))
        self.due_day.setSuffix(self.tr(" of the month"))
        self.override_rate = QLineEdit(objectName="override_rate")
        self.override_rate.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.override_rate.setPlaceholderText(self.tr("empty: the product's price"))
        self.override_message = messages.inline_label(self, "override_message")

        frame = QFrame(objectName="inputs")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        grid.setColumnMinimumWidth(2, 16)
        left = (
            (self.tr("Product"), _stack(self.product)),
            (
                self.tr("Amount (yuan)"),
                _stack(_beside(self.amount, self.amount_range), self.capitals, self.amount_message),
            ),
            (self.tr("Term"), _stack(_beside(self.term, self.term_range), self.term_message)),
            (self.tr("Repayment method"), _stack(self.method)),
        )
        right = (
            (self.tr("Risk grade"), _stack(self.grade)),
            (self.tr("Start date"), _stack(self.start_date)),
            (self.tr("Due day each month"), _stack(self.due_day)),
            (
                self.tr("Override rate (% a year)"),
                _stack(self.override_rate, self.override_message),
            ),
        )
        for row, (text, field) in enumerate(left):
            grid.addWidget(_label(text), row, 0)
            grid.addWidget(field, row, 1)
        for row, (text, field) in enumerate(right):
            grid.addWidget(_label(text), row, 3)
            grid.addWidget(field, row, 4)
        return frame

    def _rate_panel(self) -> QWidget:
        self.rate = QLabel(objectName="rate")
        self.rate.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.rate_description = QLabel(objectName="rate_description")
        self.rate_description.setStyleSheet(_HINT_STYLE)
        self.rate_description.setWordWrap(True)
        self.rate_message = messages.inline_label(self, "rate_message")
        panel = QWidget(objectName="rate_panel")
        line = QHBoxLayout()
        line.setSpacing(16)
        line.addWidget(self.rate)
        line.addWidget(self.rate_description, 1)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(self.rate_message)
        return panel

    def _summary(self) -> QLabel:
        self.summary = QLabel(objectName="summary")
        self.summary.setStyleSheet("font-size: 11pt;")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        return self.summary

    def _table(self) -> QTableView:
        self.table = QTableView(objectName="schedule_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(0, 64)
        return self.table

    def _connect_inputs(self) -> None:
        self.product.currentIndexChanged.connect(self._product_changed)
        for edit in (self.amount, self.override_rate):
            edit.textChanged.connect(self.schedule_recompute)
        for spin in (self.term, self.due_day):
            spin.valueChanged.connect(self.schedule_recompute)
        for combo in (self.method, self.grade):
            combo.currentIndexChanged.connect(self.schedule_recompute)
        self.start_date.dateChanged.connect(self.schedule_recompute)

    # --- loading (worker) --------------------------------------------------------------------

    def reload(self) -> None:
        """Read the products on sale, the LPR history and the spreads on the worker."""
        uow = self.ctx.uow

        def load():
            return (
                catalogue.list_products(uow()),
                catalogue.base_rate_history(uow()),
                catalogue.spread_table(uow()),
            )

        self.ctx.ops.run(
            load,
            on_done=self._loaded,
            on_error=self._load_failed,
            label=self.tr("Loading products and rates…"),
            parent=self,
        )

    def _loaded(self, result: tuple[list[Product], list[BaseRate], SpreadTable]) -> None:
        self.products, self.history, self.spreads = result
        messages.set_inline(self.load_message, "")
        if not self.products:
            messages.set_inline(
                self.load_message, self.tr("No product is on sale: ask the administrator.")
            )
        current = self.product.currentData()
        self.product.blockSignals(True)
        self.product.clear()
        for product in self.products:
            self.product.addItem(product.name, product.code)
        # The micro loan is what most customers at the desk ask about.
        index = self.product.findData(current or DEFAULT_PRODUCT)
        self.product.setCurrentIndex(max(index, 0))
        self.product.blockSignals(False)
        self._product_changed()

    def _load_failed(self, error: Exception) -> None:
        messages.set_inline(self.load_message, describe_error(error))

    def current_product(self) -> Product | None:
        code = self.product.currentData()
        return next((p for p in self.products if p.code == code), None)

    # --- following the inputs ---------------------------------------------------------------

    def _product_changed(self, *_args) -> None:
        """Fit the term and method to the product chosen, keeping what still fits."""
        product = self.current_product()
        if product is None:
            return
        months = self.term.value() if self.term.minimum() > 0 else DEFAULT_MONTHS
        self.term.blockSignals(True)
        self.term.setRange(product.min_months, product.max_months)
        self.term.setValue(min(max(months, product.min_months), product.max_months))
        self.term.blockSignals(False)
        self._fill_methods(product)
        self.amount_range.setText(
            f"{format_amount(product.min_amount)} – {format_amount(product.max_amount)}"
        )
        self.term_range.setText(
            self.tr("{0} – {1} months").format(product.min_months, product.max_months)
        )
        self.recompute()

    def _fill_methods(self, product: Product) -> None:
        current = self.method.currentData() or RepaymentMethod.EQUAL_INSTALLMENT.value
        self.method.blockSignals(True)
        self.method.clear()
        for method in RepaymentMethod:
            if method in product.repayment_methods:
                self.method.addItem(method_name(method), method.value)
        self.method.setCurrentIndex(max(self.method.findData(current), 0))
        self.method.blockSignals(False)

    def schedule_recompute(self, *_args) -> None:
        """Recompute once typing pauses (``DEBOUNCE_MS``)."""
        self._timer.start()

    def recompute(self) -> None:
        """Read every input, show what is wrong beside it, and redraw the schedule
        when the inputs make one. Pure arithmetic: safe on the UI thread."""
        self._timer.stop()
        product = self.current_product()
        if product is None:
            return
        amount = self._read_amount()
        months = self.term.value()
        method = RepaymentMethod(self.method.currentData())
        self._show_breaches(product, amount, months, method)
        rate = self._read_rate(product, months)
        if amount is None or rate is None:
            self._mark_stale()
            return
        if method is RepaymentMethod.CASH_FLOW:
            self._show_no_schedule(
                self.tr(
                    "A cash-flow schedule is agreed with the customer period by period; "
                    "it is drawn up with the application."
                )
            )
            return
        self._draw(amount, rate, months, method)

    def _draw(self, amount: Decimal, rate: Decimal, months: int, method: RepaymentMethod) -> None:
        due_day = self.due_day.value() or None
        try:
            schedule = build_schedule(amount, rate, months, self._start(), method, due_day)
        except ValidationError as error:
            messages.set_inline(self._label_for(error.field), str(error))
            self._mark_stale()
            return
        self.model.set_schedule(schedule)
        self.stale.setVisible(False)
        self._show_summary(schedule, method)

    def _label_for(self, field: str | None) -> QLabel:
        """The message label beside the input a refusal is about."""
        if field == "amount":
            return self.amount_message
        if field == "annual_rate" and self.override_rate.text().strip():
            return self.override_message
        return self.rate_message

    # --- the inputs, one by one ------------------------------------------------------------------

    def _read_amount(self) -> Decimal | None:
        """The amount typed, with its capitals shown; ``None`` (and why) when unreadable."""
        messages.set_inline(self.amount_message, "")
        try:
            amount = parse_amount(self.amount.text(), "amount", label="贷款金额")
        except ValidationError as error:
            self.capitals.setVisible(False)
            if self.amount.text().strip():
                messages.set_inline(self.amount_message, str(error))
            return None
        self.capitals.setText(amount_in_capitals(amount))
        self.capitals.setVisible(True)
        return amount

    def _show_breaches(
        self, product: Product, amount: Decimal | None, months: int, method: RepaymentMethod
    ) -> None:
        """Amount and term outside the product's range, in red beside each field."""
        messages.set_inline(self.term_message, "")
        if amount is None:
            return
        request = EligibilityRequest(
            amount=amount,
            months=months,
            # Not known at a quote: chosen so that only amount and term are judged.
            months_in_business=10**6,
            guarantee_type=next(iter(product.guarantee_types), GuaranteeType.CREDIT),
            repayment_method=method,
        )
        breaches = check_eligibility(product, request)
        amount_text = "\n".join(b.message for b in breaches if b.rule in _AMOUNT_RULES)
        term_text = "\n".join(b.message for b in breaches if b.rule in _TERM_RULES)
        messages.set_inline(self.amount_message, amount_text)
        messages.set_inline(self.term_message, term_text)

    def _read_rate(self, product: Product, months: int) -> Decimal | None:
        """The annual rate to quote: the override if typed, else the product's price."""
        messages.set_inline(self.override_message, "")
        messages.set_inline(self.rate_message, "")
        self.pricing = self._price(product, months)
        override = self.override_rate.text().strip()
        if override:
            try:
                rate = parse_percent(override, "annual_rate", label="指定利率")
            except ValidationError as error:
                messages.set_inline(self.override_message, str(error))
                return None
            self._show_rate(rate, overridden=True)
            return rate
        if self.pricing is None:
            self.rate.setText(self.tr("Annual rate —"))
            return None
        self._show_rate(self.pricing.annual_rate, overridden=False)
        return self.pricing.annual_rate

    def _price(self, product: Product, months: int) -> Pricing | None:
        try:
            grade = RiskGrade(self.grade.currentData())
            return price(product.code, grade, self._start(), months, self.history, self.spreads)
        except DomainError as error:
            messages.set_inline(
                self.rate_message,
                self.tr(
                    "Cannot price this loan: {0}. Type an override rate to quote anyway."
                ).format(error),
            )
            self.rate_description.setText("")
            return None

    def _show_rate(self, rate: Decimal, *, overridden: bool) -> None:
        self.annual_rate = rate
        self.rate.setText(self.tr("Annual rate {0}").format(format_percent(rate)))
        if not overridden:
            self.rate_description.setText(self.pricing.description)
        elif self.pricing is not None:
            self.rate_description.setText(
                self.tr("Override rate; the product's price would be {0}").format(
                    self.pricing.description
                )
            )
        else:
            self.rate_description.setText(self.tr("Override rate"))

    def _start(self) -> date:
        return self.start_date.date().toPython()

    # --- results ---------------------------------------------------------------------------------

    def _show_summary(self, schedule: Schedule, method: RepaymentMethod) -> None:
        first = schedule.instalments[0].payment
        each = (
            self.tr("Monthly payment {0}")
            if method is RepaymentMethod.EQUAL_INSTALLMENT
            else self.tr("First payment {0}")
        )
        self.summary.setText(
            self.tr("{0} yuan    Total interest {1} yuan    Total to repay {2} yuan").format(
                each.format(format_amount(first)),
                format_amount(schedule.total_interest),
                format_amount(schedule.total_payment),
            )
        )

    def _mark_stale(self) -> None:
        """Inputs that make no schedule: keep the last one, and say so."""
        if self.model.rowCount():
            self.stale.setText(
                self.tr("The schedule below is for the last complete entries, not the ones above.")
            )
            self.stale.setVisible(True)

    def _show_no_schedule(self, text: str) -> None:
        self.model.set_schedule(None)
        self.summary.setText(text)
        self.stale.setVisible(False)


# --- small layout helpers ----------------------------------------------------------------------


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, 5, 0, 0)  # level with the text of the input beside it
    return label


def _hint(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setStyleSheet(_HINT_STYLE)
    return label


def _beside(field: QWidget, hint: QLabel) -> QWidget:
    line = QWidget()
    layout = QHBoxLayout(line)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    layout.addWidget(hint)
    return line


def _stack(*widgets: QWidget) -> QWidget:
    """An input with its notes under it (capitals, messages in red)."""
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return cell


navigation.register(
    "quote",
    QT_TRANSLATE_NOOP("Navigation", "Quote"),
    QuoteView,
    order=20,
)
