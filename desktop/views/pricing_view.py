"""利率定价 (administrators): the LPR history and the risk spreads.

A loan's annual rate is the LPR in force on the application date plus the
spread for its product and the customer's risk grade. On the left the LPR
quotations, newest first, with the one in force today marked: add a newly
published quotation, correct one typed wrongly, remove one entered by
mistake. On the right the spreads, one row per product and one column per
grade: a cell is edited in place and saved as soon as Enter is pressed.

Every change goes through ``domain.catalogue`` on the worker, which checks
the permission, refuses impossible rates and writes the audit trail. Edits
carry the value the administrator started from, so a change someone else
saved meanwhile is reported (and the tables reloaded), never overwritten.
UI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.product_edit import grade_name
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from desktop.widgets.form_fields import EditDialog, button_row, list_look, show_failure
from domain import catalogue
from domain.errors import ConcurrencyConflict, ValidationError
from domain.money import parse_percent
from domain.pricing import BaseRate, RiskGrade, SpreadTable, format_percent
from domain.products import Product
from domain.users import Role

translate = QCoreApplication.translate
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_MUTED = QColor("#8a8a8a")


# --- the LPR history -----------------------------------------------------------------

_LPR_COLUMNS = [
    QT_TRANSLATE_NOOP("BaseRateTableModel", "Effective from"),
    QT_TRANSLATE_NOOP("BaseRateTableModel", "1-year LPR"),
    QT_TRANSLATE_NOOP("BaseRateTableModel", "5-year+ LPR"),
    QT_TRANSLATE_NOOP("BaseRateTableModel", "Status"),
]


class BaseRateTableModel(QAbstractTableModel):
    """LPR quotations, newest first; the one in force on ``today`` in bold."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rates: list[BaseRate] = []
        self.today = date.today()

    def set_rates(self, rates: list[BaseRate], today: date | None = None) -> None:
        self.beginResetModel()
        self.rates = sorted(rates, key=lambda r: r.effective_date, reverse=True)
        self.today = today or date.today()
        self.endResetModel()

    def in_force(self) -> BaseRate | None:
        return next((r for r in self.rates if r.effective_date <= self.today), None)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rates)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_LPR_COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("BaseRateTableModel", _LPR_COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (1, 2):
            return _RIGHT
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        rate = self.rates[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                rate.effective_date.isoformat(),
                format_percent(rate.one_year_lpr),
                format_percent(rate.five_year_lpr),
                self._status(rate),
            ][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() in (1, 2) else None
        if role == Qt.ItemDataRole.FontRole and rate == self.in_force():
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and rate.effective_date < self.today:
            return None if rate == self.in_force() else _MUTED
        return None

    def _status(self, rate: BaseRate) -> str:
        if rate.effective_date > self.today:
            return translate("BaseRateTableModel", "Not yet in force")
        if rate == self.in_force():
            return translate("BaseRateTableModel", "In force")
        return translate("BaseRateTableModel", "Superseded")


class BaseRateDialog(EditDialog):
    """One LPR quotation: its effective date and the two published rates.

    ``get_values()`` returns a ``BaseRate`` or ``None`` if cancelled; the view
    calls ``show_error`` and ``get_values`` again when saving fails, so what
    was typed stays. UI thread only.
    """

    def __init__(self, parent: QWidget | None = None, rate: BaseRate | None = None):
        super().__init__(
            parent,
            self.tr("Add LPR quotation") if rate is None else self.tr("Correct LPR quotation"),
            "base_rate_dialog",
            min_width=420,
        )
        self._build()
        if rate is not None:
            self.effective_date.setDate(_qdate(rate.effective_date))
            self.one_year.setText(f"{rate.one_year_lpr}")
            self.five_year.setText(f"{rate.five_year_lpr}")

    def _build(self) -> None:
        self.effective_date = QDateEdit(QDate.currentDate(), objectName="effective_date")
        self.effective_date.setCalendarPopup(True)
        self.effective_date.setDisplayFormat("yyyy-MM-dd")
        self.one_year = _rate_edit("one_year_lpr")
        self.five_year = _rate_edit("five_year_lpr")
        self.add_row(self.tr("Effective from"), self.effective_date)
        self.add_row(self.tr("1-year LPR (%)"), self.one_year)
        self.add_row(self.tr("5-year+ LPR (%)"), self.five_year)
        hint = QLabel(
            self.tr("As published by the National Interbank Funding Center, e.g. 3.00"),
            objectName="hint",
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.add_below_form(hint)

    def read(self) -> BaseRate:
        return BaseRate(
            self.effective_date.date().toPython(),
            parse_percent(self.one_year.text(), "one_year_lpr", label="1年期LPR"),
            parse_percent(self.five_year.text(), "five_year_lpr", label="5年期以上LPR"),
        )


def _rate_edit(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setPlaceholderText("3.00")
    return edit


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


# --- the spread table --------------------------------------------------------------------


@dataclass(frozen=True)
class SpreadEdit:
    """A spread typed into a cell: what it was when the table was loaded, and what
    it is to become (percentage points)."""

    product_code: str
    grade: RiskGrade
    old: Decimal | None
    new: Decimal


class SpreadTableModel(QAbstractTableModel):
    """Rows are products, columns their name then grades A–D; grade cells are editable.

    Editing a cell does not change the model: it emits ``edited`` with a
    ``SpreadEdit`` (or ``refused`` with the reason for unreadable text); the
    view saves it on the worker and loads the table the domain returns.
    """

    edited = Signal(object)
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.products: list[Product] = []
        self.table = SpreadTable({})

    def set_data(self, products: list[Product], table: SpreadTable) -> None:
        self.beginResetModel()
        self.products = sorted(products, key=lambda p: p.code)
        self.table = table
        self.endResetModel()

    def set_table(self, table: SpreadTable) -> None:
        self.table = table
        if self.products:
            last = self.index(len(self.products) - 1, len(RiskGrade))
            self.dataChanged.emit(self.index(0, 1), last)

    def spread(self, row: int, grade: RiskGrade) -> Decimal | None:
        return self.table.spreads.get((self.products[row].code, grade))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.products)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(RiskGrade)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return translate("SpreadTableModel", "Product")
            return grade_name(list(RiskGrade)[section - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return _RIGHT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() > 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        product = self.products[index.row()]
        column = index.column()
        if column == 0:
            return self._product_data(product, role)
        spread = self.spread(index.row(), list(RiskGrade)[column - 1])
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if spread is None else "+" + format_percent(spread)
        if role == Qt.ItemDataRole.EditRole:
            return "" if spread is None else f"{spread}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and not product.active:
            return _MUTED
        return None

    def _product_data(self, product: Product, role) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if product.active:
                return product.name
            return translate("SpreadTableModel", "{0} (switched off)").format(product.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return product.code
        if role == Qt.ItemDataRole.ForegroundRole and not product.active:
            return _MUTED
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role=Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or index.column() == 0 or role != Qt.ItemDataRole.EditRole:
            return False
        grade = list(RiskGrade)[index.column() - 1]
        old = self.spread(index.row(), grade)
        try:
            new = parse_percent(str(value), "spread", label="风险加点")
        except ValidationError as error:
            self.refused.emit(str(error))
            return False
        if new != old:
            self.edited.emit(SpreadEdit(self.products[index.row()].code, grade, old, new))
        return False  # shown once the domain has saved it


# --- the view ------------------------------------------------------------------------------


class PricingView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("pricing_view")
        self.rates = BaseRateTableModel(self)
        self.spreads = SpreadTableModel(self)
        self.spreads.edited.connect(self.save_spread)
        self.spreads.refused.connect(self._spread_message)
        self._build()
        self.reload()

    def _build(self) -> None:
        title = QLabel(self.tr("Rates"), objectName="view_title")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.rule = QLabel(
            self.tr("Annual rate = LPR in force on the application date + risk spread"),
            objectName="pricing_rule",
        )
        self.rule.setStyleSheet("color: #5f6368;")
        reload = QPushButton(self.tr("Reload"), objectName="reload")
        reload.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(reload)
        panels = QHBoxLayout()
        panels.setSpacing(24)
        panels.addLayout(self._lpr_panel(), 42)
        panels.addLayout(self._spread_panel(), 58)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.rule)
        layout.addLayout(panels, 1)

    def _lpr_panel(self) -> QVBoxLayout:
        self.lpr_table = _table("lpr_table", self.rates)
        self.lpr_table.doubleClicked.connect(lambda _index: self.correct_base_rate())
        self.rates.modelReset.connect(self.lpr_table.resizeColumnsToContents)
        buttons = button_row(
            (
                ("add_rate", self.tr("Add…"), self.add_base_rate),
                ("correct_rate", self.tr("Correct…"), self.correct_base_rate),
                ("remove_rate", self.tr("Remove"), self.remove_base_rate),
            )
        )
        panel = QVBoxLayout()
        panel.addWidget(_heading(self.tr("LPR quotations")))
        panel.addLayout(buttons)
        panel.addWidget(self.lpr_table, 1)
        return panel

    def _spread_panel(self) -> QVBoxLayout:
        self.spread_table = _table("spread_table", self.spreads)
        self.spread_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.spread_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.spread_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + len(RiskGrade)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.spread_table.setColumnWidth(column, 78)
        hint = QLabel(
            self.tr("Percentage points over the LPR. Double-click a figure to change it."),
            objectName="spread_hint",
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.spread_message = messages.inline_label(self, "spread_message")
        panel = QVBoxLayout()
        panel.addWidget(_heading(self.tr("Risk spreads by product and grade")))
        panel.addWidget(hint)  # where the other panel has its buttons: the tables line up
        panel.addWidget(self.spread_table, 1)
        panel.addWidget(self.spread_message)
        return panel

    # --- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        uow = self.ctx.uow

        def load():
            return (
                catalogue.base_rate_history(uow()),
                catalogue.list_products(uow(), include_inactive=True),
                catalogue.spread_table(uow()),
            )

        self.ctx.ops.run(load, on_done=self._loaded, label=self.tr("Loading rates…"), parent=self)

    def _loaded(self, result: tuple[list[BaseRate], list[Product], SpreadTable]) -> None:
        history, products, table = result
        self.rates.set_rates(history)
        self.spreads.set_data(products, table)

    def selected_rate(self) -> BaseRate | None:
        rows = self.lpr_table.selectionModel().selectedRows()
        return self.rates.rates[rows[0].row()] if rows else None

    # --- LPR quotations -----------------------------------------------------------------------

    def add_base_rate(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.user
        self._edit_rate(
            BaseRateDialog(self), lambda rate: catalogue.add_base_rate(uow(), actor, rate)
        )

    def correct_base_rate(self) -> None:
        original = self._require_rate()
        if original is None:
            return
        uow, actor = self.ctx.uow, self.ctx.user
        self._edit_rate(
            BaseRateDialog(self, original),
            lambda rate: catalogue.correct_base_rate(uow(), actor, original, rate),
        )

    def remove_base_rate(self) -> None:
        rate = self._require_rate()
        if rate is None or not messages.confirm(
            self,
            self.tr("Remove the LPR quotation effective from {0}?").format(
                rate.effective_date.isoformat()
            ),
            self.tr("Remove quotation"),
            self.tr("Remove"),
            self.tr("Keep"),
        ):
            return
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: catalogue.remove_base_rate(uow(), actor, rate),
            on_done=lambda _result: self.reload(),
            on_error=self._failed,
            label=self.tr("Saving…"),
            parent=self,
        )

    def _require_rate(self) -> BaseRate | None:
        rate = self.selected_rate()
        if rate is None:
            messages.show_info(self, self.tr("Select a quotation in the list first."))
        return rate

    def _edit_rate(self, dialog: BaseRateDialog, save) -> None:
        """Ask, save on the worker; on failure ask again with the same dialog."""
        dialog.save_with(
            self.ctx.ops,
            save,
            on_saved=lambda _result: self.reload(),
            on_conflict=self._conflict,
            label=self.tr("Saving…"),
        )

    # --- spreads ------------------------------------------------------------------------------

    def save_spread(self, edit: SpreadEdit) -> None:
        """Save a spread typed into a cell; ``expected`` guards against a change
        someone else saved since the table was loaded."""
        uow, actor = self.ctx.uow, self.ctx.user
        self._spread_message("")
        self.ctx.ops.run(
            lambda: catalogue.set_spread(
                uow(), actor, edit.product_code, edit.grade, edit.new, expected=edit.old
            ),
            on_done=lambda table: self._spread_saved(table, edit),
            on_error=self._spread_failed,
            label=self.tr("Saving…"),
            parent=self,
        )

    def _spread_saved(self, table: SpreadTable, edit: SpreadEdit) -> None:
        self.spreads.set_table(table)
        name = next((p.name for p in self.spreads.products if p.code == edit.product_code), "")
        self._spread_message(
            self.tr("Saved: {0}, {1}: +{2}").format(
                name or edit.product_code, grade_name(edit.grade), format_percent(edit.new)
            ),
            ok=True,
        )

    def _spread_failed(self, error: Exception) -> None:
        if isinstance(error, ConcurrencyConflict):
            self._conflict(error)
        else:  # a refused figure: said under the table, where it was typed
            self._spread_message(describe_error(error))

    def _spread_message(self, text: str, ok: bool = False) -> None:
        messages.set_inline(self.spread_message, text, ok=ok)

    # --- failures -----------------------------------------------------------------------------

    def _failed(self, error: Exception) -> None:
        show_failure(self, error, self._conflict)

    def _conflict(self, error: ConcurrencyConflict) -> None:
        messages.show_error(
            self,
            self.tr(
                "Someone else changed this rate while you were editing. "
                "The tables are reloaded; please make your change again.\n{0}"
            ).format(error),
            self.tr("Changed by someone else"),
        )
        self.reload()


def _table(name: str, model: QAbstractTableModel) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    list_look(table)
    return table


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 12pt; font-weight: bold;")
    return label


navigation.register(
    "pricing",
    QT_TRANSLATE_NOOP("Navigation", "Rates"),
    PricingView,
    roles={Role.ADMINISTRATOR},
    order=65,
)
