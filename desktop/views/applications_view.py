"""贷款申请 (officers; administrators too): find applications, start one,
resume a draft.

Search by application number or the borrower's name, ID number or phone,
narrowed by officer and state; results come a page at a time by keyset
(a ``PagedList`` over ``domain.search.search_applications``). A click
on the number, customer, amount or date header sorts by it, in the one
direction the search runs for that order (amounts largest first, dates
newest first). 新建申请 and a double-click open ``ApplicationEditDialog``;
the list is searched again when the form closes, so a new draft or a
submission shows at once. UI thread only; searching runs on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.application_edit import ApplicationEditDialog
from desktop.models.names import product_names
from desktop.models.paged_table import Column, PagedTableModel
from desktop.navigation import ViewContext
from desktop.widgets.form_fields import choice_combo, choice_name, title_label
from desktop.widgets.paged_list import PagedList, StatusTexts
from domain.applications import TAKERS, ApplicationState
from domain.money import format_amount
from domain.search import ApplicationHit, ApplicationOrder, search_applications
from domain.users import Role

# Officers take applications; administrators may look.
ROLES = {Role.LOAN_OFFICER, Role.ASSISTING_OFFICER, Role.ADMINISTRATOR}


def _amount(hit: ApplicationHit) -> str:
    return "" if hit.amount is None else format_amount(hit.amount)


def _created(hit: ApplicationHit) -> str:
    return hit.created_at.astimezone().strftime("%Y-%m-%d %H:%M")


def application_columns(product_names: dict[str, str]) -> list[Column]:
    """The list's columns; product names are filled in once the catalogue is read."""
    return [
        Column(
            QT_TRANSLATE_NOOP("ApplicationsView", "Application no."),
            lambda h: h.application_number,
            136,
            order=ApplicationOrder.NUMBER,
        ),
        Column(
            QT_TRANSLATE_NOOP("ApplicationsView", "Customer"),
            lambda h: h.customer_name,
            70,
            order=ApplicationOrder.CUSTOMER,
        ),
        Column(
            QT_TRANSLATE_NOOP("ApplicationsView", "Resident ID"), lambda h: h.masked_id_number, 150
        ),
        Column(
            QT_TRANSLATE_NOOP("ApplicationsView", "Product"),
            lambda h: product_names.get(h.product_code, h.product_code),
            90,
        ),
        Column(
            QT_TRANSLATE_NOOP("ApplicationsView", "Amount (yuan)"),
            _amount,
            100,
            align_right=True,
            order=ApplicationOrder.AMOUNT,
            descending=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("ApplicationsView", "Months"),
            lambda h: "" if h.months is None else str(h.months),
            44,
            align_right=True,
        ),
        Column(QT_TRANSLATE_NOOP("ApplicationsView", "State"), lambda h: choice_name(h.state), 80),
        Column(QT_TRANSLATE_NOOP("ApplicationsView", "Officer"), lambda h: h.officer, 70),
        Column(
            QT_TRANSLATE_NOOP("ApplicationsView", "Created"),
            _created,
            130,
            order=ApplicationOrder.NEWEST,
            descending=True,
        ),
    ]


class ApplicationsView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("applications_view")
        self.product_names: dict[str, str] = {}
        self.columns = application_columns(self.product_names)
        self.model = PagedTableModel(
            ctx.ops, self.columns, "ApplicationsView", order=ApplicationOrder.NEWEST, parent=self
        )
        self._build()
        self.model.modelReset.connect(self._show_sort)
        self._load_product_names()
        self.search()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.list = PagedList(
            self.model,
            table_name="applications_table",
            placeholder=self.tr("Application no., name, ID or phone"),
            status_texts=StatusTexts(
                capped=self.tr("Showing the first {0} applications: narrow the search."),
                complete=self.tr("{0} applications found."),
                partial=self.tr("{0} applications shown; scroll down for more."),
            ),
            search_width=260,
            bar_spacing=8,
            parent=self,
        )
        self.list.search_requested.connect(self.search)
        self.query, self.table = self.list.query, self.list.table
        self.status, self.more = self.list.status, self.list.more
        self._filters()
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self.sort_by)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Loan applications")))
        layout.addWidget(self.list, 1)

    def _filters(self) -> None:
        self.officer = QLineEdit(objectName="officer_filter")
        self.officer.setPlaceholderText(self.tr("User name"))
        self.officer.setClearButtonEnabled(True)
        self.officer.setMaximumWidth(120)
        self.state = choice_combo("state_filter", ApplicationState, self.tr("All states"), self)
        self.list.add_filter(self.officer, self.tr("Officer"))
        self.list.add_filter(self.state, self.tr("State"))
        self.new_button = self.list.add_button(
            "new_application", self.tr("New application…"), self.new_application
        )
        self.new_button.setEnabled(self.ctx.user.has_role(*TAKERS))
        self.list.add_button("open_application", self.tr("Open…"), self.open_selected)

    # --- searching ------------------------------------------------------------------------

    def _load_product_names(self) -> None:
        uow = self.ctx.uow
        self.ctx.ops.run(
            lambda: product_names(uow),
            on_done=self._product_names_loaded,
            on_error=lambda _error: None,  # the codes show instead
            label=self.tr("Loading products…"),
            parent=self,
        )

    def _product_names_loaded(self, names: dict[str, str]) -> None:
        self.product_names.update(names)
        if self.model.rowCount():
            self.model.dataChanged.emit(
                self.model.index(0, 0),
                self.model.index(self.model.rowCount() - 1, len(self.columns) - 1),
            )

    def refresh(self) -> None:
        """Shown again (the main window calls this): search again, states move on."""
        self.search()

    def search(self) -> None:
        """Search again with the filters as they stand, from the first page."""
        uow, text = self.ctx.uow, self.query.text()
        officer, state = self.officer.text(), self.state.currentData()

        def fetch(after, limit: int, order) -> list[ApplicationHit]:
            return search_applications(
                uow(), text, state=state, officer=officer, after=after, limit=limit, order_by=order
            )

        self.list.restart(fetch)

    def sort_by(self, column: int) -> None:
        self.model.sort(column)
        self._show_sort()

    def _show_sort(self) -> None:
        """The header shows the order the rows really are in."""
        column = self.model.column_for_order(self.model.order)
        if column < 0:
            return
        direction = (
            Qt.SortOrder.DescendingOrder
            if self.columns[column].descending
            else Qt.SortOrder.AscendingOrder
        )
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, direction)
        header.blockSignals(False)

    def selected(self) -> ApplicationHit | None:
        return self.list.selected()

    # --- opening --------------------------------------------------------------------------

    def new_application(self) -> None:
        self.edit(None)

    def open_selected(self) -> None:
        hit = self.selected()
        if hit is None:
            messages.show_info(self, self.tr("Select an application in the list first."))
            return
        self.edit(hit.application_number)

    def edit(self, application_number: str | None) -> None:
        """The application form (``None``: a new application); search again after."""
        dialog = ApplicationEditDialog(self.ctx, self, application_number)
        dialog.run()
        dialog.deleteLater()
        self.search()


navigation.register(
    "applications",
    QT_TRANSLATE_NOOP("Navigation", "Applications"),
    ApplicationsView,
    roles=ROLES,
    order=20,
)
