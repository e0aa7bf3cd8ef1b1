"""产品管理 (administrators): the loan product catalogue; add, edit, switch off and on.

Every change goes through ``domain.catalogue`` on the worker, which checks
the permission again and writes the audit trail. When saving fails the same
dialog opens again with what was typed and the reason beside the field; a
``ConcurrencyConflict`` (someone else saved this product first) is explained
and the list reloaded, so the administrator edits the current copy.
Products are never deleted: loans granted under them keep referring to them.
UI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.product_edit import (
    ProductEditDialog,
    guarantee_name,
    list_names,
    method_name,
    percent_text,
)
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from domain import catalogue
from domain.errors import ConcurrencyConflict, ValidationError
from domain.money import format_amount
from domain.products import GuaranteeType, Product
from domain.schedule import RepaymentMethod
from domain.users import Role

_COLUMNS = [
    QT_TRANSLATE_NOOP("ProductTableModel", "Code"),
    QT_TRANSLATE_NOOP("ProductTableModel", "Name"),
    QT_TRANSLATE_NOOP("ProductTableModel", "Amount (yuan)"),
    QT_TRANSLATE_NOOP("ProductTableModel", "Term (months)"),
    QT_TRANSLATE_NOOP("ProductTableModel", "Guarantees"),
    QT_TRANSLATE_NOOP("ProductTableModel", "Repayment methods"),
    QT_TRANSLATE_NOOP("ProductTableModel", "Penalty uplift"),
    QT_TRANSLATE_NOOP("ProductTableModel", "Status"),
]
_GUARANTEES_COLUMN, _METHODS_COLUMN = 4, 5
_GUARANTEES_WIDEST = 140
_FIGURES = frozenset({2, 3, 6})  # right-aligned, like figures on paper
_SWITCHED_OFF_COLOUR = QColor("#8a8a8a")


class ProductTableModel(QAbstractTableModel):
    """The whole catalogue, switched-off products included; replaced on each reload."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.products: list[Product] = []

    def set_products(self, products: list[Product]) -> None:
        self.beginResetModel()
        self.products = sorted(products, key=lambda p: p.code)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.products)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ProductTableModel", _COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _FIGURES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        product = self.products[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cells(product)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (_GUARANTEES_COLUMN, _METHODS_COLUMN):
            return _tooltip(product, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column in _FIGURES else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not product.active:
            return _SWITCHED_OFF_COLOUR
        return None


def _cells(product: Product) -> list[str]:
    translate = QCoreApplication.translate
    return [
        product.code,
        product.name,
        f"{format_amount(product.min_amount)} – {format_amount(product.max_amount)}",
        f"{product.min_months} – {product.max_months}",
        list_names(product.guarantee_types, GuaranteeType, guarantee_name),
        _methods(product),
        percent_text(product.penalty_uplift),
        translate("ProductTableModel", "On sale")
        if product.active
        else translate("ProductTableModel", "Switched off"),
    ]


def _tooltip(product: Product, column: int) -> str:
    if column == _GUARANTEES_COLUMN:
        return "\n".join(guarantee_name(g) for g in GuaranteeType if g in product.guarantee_types)
    return "\n".join(method_name(m) for m in RepaymentMethod if m in product.repayment_methods)


def _methods(product: Product) -> str:
    # Most products offer every method: "all" reads faster than five names.
    if product.repayment_methods == frozenset(RepaymentMethod):
        return QCoreApplication.translate("ProductTableModel", "All")
    return list_names(
        product.repayment_methods, RepaymentMethod, lambda m: method_name(m, short=True)
    )


class ProductsView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("products_view")
        self.model = ProductTableModel(self)
        self._build()
        self.reload()

    def _build(self) -> None:
        title = QLabel(self.tr("Products"), objectName="view_title")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.table = QTableView(objectName="products_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The methods column takes what the figures leave, so nothing scrolls sideways.
        header.setSectionResizeMode(_METHODS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.model.modelReset.connect(self._fit_columns)
        self.table.doubleClicked.connect(lambda _index: self.edit_product())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("add", self.tr("Add product…"), self.add_product),
            ("edit", self.tr("Edit…"), self.edit_product),
            ("toggle_active", self.tr("Switch off"), self.toggle_active),
            ("reload", self.tr("Reload"), self.reload),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        hint = QLabel(
            self.tr("Switched-off products take no new applications; loans granted keep them."),
            objectName="hint",
        )
        hint.setStyleSheet("color: #5f6368;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self._update_buttons()

    # --- loading --------------------------------------------------------------------

    def reload(self) -> None:
        uow = self.ctx.uow
        self.ctx.ops.run(
            lambda: catalogue.list_products(uow(), include_inactive=True),
            on_done=self.model.set_products,
            label=self.tr("Loading products…"),
            parent=self,
        )

    def selected_product(self) -> Product | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.products[rows[0].row()] if rows else None

    def select(self, code: str) -> None:
        """Select the product with ``code`` (after a reload, to keep the place)."""
        codes = [p.code for p in self.model.products]
        if code in codes:
            self.table.selectRow(codes.index(code))

    def _fit_columns(self) -> None:
        """Columns as wide as their content; the guarantee list capped (its tooltip
        has it whole)."""
        self.table.resizeColumnsToContents()
        width = self.table.columnWidth(_GUARANTEES_COLUMN)
        self.table.setColumnWidth(_GUARANTEES_COLUMN, min(width, _GUARANTEES_WIDEST))

    def _update_buttons(self, *_args) -> None:
        product = self.selected_product()
        toggle = self.buttons["toggle_active"]
        toggle.setEnabled(product is not None)
        self.buttons["edit"].setEnabled(product is not None)
        on_sale = product is None or product.active
        toggle.setText(self.tr("Switch off") if on_sale else self.tr("Put on sale"))

    # --- actions --------------------------------------------------------------------------

    def add_product(self) -> None:
        self._edit(ProductEditDialog(self))

    def edit_product(self) -> None:
        product = self._require_selection()
        if product is not None:
            self._edit(ProductEditDialog(self, product))

    def toggle_active(self) -> None:
        product = self._require_selection()
        if product is None:
            return
        if product.active and not messages.confirm(
            self,
            self.tr(
                "Switch off “{0}”? It will take no new applications; "
                "loans already granted are not affected."
            ).format(product.name),
            self.tr("Switch off product"),
            self.tr("Switch off"),
            self.tr("Keep on sale"),
        ):
            return
        uow, actor = self.ctx.uow, self.ctx.user
        code, active, version = product.code, not product.active, product.version
        self.ctx.ops.run(
            lambda: catalogue.set_product_active(uow(), actor, code, active, version=version),
            on_done=lambda saved: self._after_save(saved.code),
            on_error=self._toggle_failed,
            label=self.tr("Saving…"),
            parent=self,
        )

    def _require_selection(self) -> Product | None:
        product = self.selected_product()
        if product is None:
            messages.show_info(self, self.tr("Select a product in the list first."))
        return product

    def _edit(self, dialog: ProductEditDialog) -> None:
        """Ask, save on the worker; on failure ask again with the same dialog."""
        product = dialog.get_values()
        if product is None:
            dialog.deleteLater()
            return
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: catalogue.save_product(uow(), actor, product),
            on_done=lambda saved: self._saved(dialog, saved),
            on_error=lambda error: self._save_failed(error, dialog),
            label=self.tr("Saving…"),
            parent=self,
        )

    def _saved(self, dialog: ProductEditDialog, saved: Product) -> None:
        dialog.deleteLater()
        self._after_save(saved.code)

    def _after_save(self, code: str) -> None:
        uow = self.ctx.uow
        self.ctx.ops.run(
            lambda: catalogue.list_products(uow(), include_inactive=True),
            on_done=lambda products: self._reloaded(products, code),
            label=self.tr("Loading products…"),
            parent=self,
        )

    def _reloaded(self, products: list[Product], code: str) -> None:
        self.model.set_products(products)
        self.select(code)

    def _save_failed(self, error: Exception, dialog: ProductEditDialog) -> None:
        if isinstance(error, ConcurrencyConflict):
            self._conflict(error)
            dialog.deleteLater()
            return
        # A refused product, or a lost server the administrator chose not to
        # retry now: the same dialog comes back with everything typed and the
        # reason beside the field it concerns.
        field = error.field if isinstance(error, ValidationError) else None
        dialog.show_error(describe_error(error), field)
        self._edit(dialog)

    def _toggle_failed(self, error: Exception) -> None:
        if isinstance(error, ConcurrencyConflict):
            self._conflict(error)
        else:
            messages.show_error(self, describe_error(error))

    def _conflict(self, error: ConcurrencyConflict) -> None:
        messages.show_error(
            self,
            self.tr(
                "Someone else changed this product while you were editing. "
                "The list is reloaded; please make your change again.\n{0}"
            ).format(error),
            self.tr("Changed by someone else"),
        )
        self.reload()


navigation.register(
    "products",
    QT_TRANSLATE_NOOP("Navigation", "Products"),
    ProductsView,
    roles={Role.ADMINISTRATOR},
    order=60,
)
