"""客户 (officers; administrators too): find a customer, register a new one.

One search box takes a name, any part of an ID number or a phone number;
results come a page at a time (``PagedTableModel`` over
``domain.search.search_customers``) with ID numbers masked. 新建客户 and a
double-click open ``CustomerEditDialog``; the list is searched again after
a save so the change shows. UI thread only; searching and loading run on
the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.customer_edit import CustomerEditDialog, Saved, reload_customer
from desktop.models.paged_table import Column, PagedTableModel
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from desktop.widgets.form_fields import FieldNote, Tone, configure_table, title_label
from domain.search import CustomerHit, search_customers
from domain.users import Role

SEARCH_DELAY_MS = 350

COLUMNS = [
    Column(QT_TRANSLATE_NOOP("CustomersView", "Name"), lambda h: h.name, 120),
    Column(QT_TRANSLATE_NOOP("CustomersView", "Resident ID"), lambda h: h.masked_id_number, 190),
    Column(QT_TRANSLATE_NOOP("CustomersView", "Mobile phone"), lambda h: h.phone, 130),
    Column(QT_TRANSLATE_NOOP("CustomersView", "Address"), lambda h: h.address, 300),
]

# Who works with customers: the officers; administrators correct records.
ROLES = {Role.LOAN_OFFICER, Role.ASSISTING_OFFICER, Role.ADMINISTRATOR}


class CustomersView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customers_view")
        self.model = PagedTableModel(ctx.ops, COLUMNS, "CustomersView", parent=self)
        self.model.page_loaded.connect(self._update_status)
        self.model.modelReset.connect(self._update_status)
        self.model.load_failed.connect(lambda text: self._say(text, Tone.ERROR))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self._build()
        self.search()

    def _build(self) -> None:
        self.query = QLineEdit(objectName="search")
        self.query.setPlaceholderText(self.tr("Name, any part of the ID number, or phone"))
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumWidth(320)
        self.query.textChanged.connect(lambda _text: self._search_timer.start())
        self.query.returnPressed.connect(self.search)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Search")))
        bar.addWidget(self.query)
        bar.addStretch(1)
        for name, text, slot in (
            ("new_customer", self.tr("New customer…"), self.new_customer),
            ("open_customer", self.tr("Open…"), self.open_selected),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            bar.addWidget(button)
        self.table = QTableView(objectName="customers_table")
        self.table.setModel(self.model)
        configure_table(self.table, [c.width for c in COLUMNS])
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.status = FieldNote("status", self)
        self.more = QPushButton(self.tr("More"), objectName="more")
        self.more.clicked.connect(lambda: self.model.fetchMore(QModelIndex()))
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Customers")))
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

    # --- searching ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown again (the main window calls this): search again, others may have saved."""
        self.search()

    def search(self) -> None:
        """Search again with the text as it stands, from the first page."""
        self._search_timer.stop()
        uow, text = self.ctx.uow, self.query.text()

        def fetch(after, limit: int, _order) -> list[CustomerHit]:
            return search_customers(uow(), text, after=after, limit=limit)

        self.model.restart(fetch)

    def _update_status(self) -> None:
        count = self.model.rowCount()
        if self.model.is_capped():
            text = self.tr("Showing the first {0} customers: narrow the search.").format(count)
        elif self.model.is_complete():
            text = self.tr("{0} customers found.").format(count)
        else:
            text = self.tr("{0} customers shown; scroll down for more.").format(count)
        self._say(text)
        self.more.setEnabled(self.model.canFetchMore(QModelIndex()))

    def _say(self, text: str, tone: Tone = Tone.INFO) -> None:
        self.status.say(text, tone)

    def selected(self) -> CustomerHit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    # --- opening --------------------------------------------------------------------------

    def new_customer(self) -> None:
        self.edit(None)

    def open_selected(self) -> None:
        hit = self.selected()
        if hit is None:
            messages.show_info(self, self.tr("Select a customer in the list first."))
            return
        uow = self.ctx.uow
        self.ctx.ops.run(
            lambda: reload_customer(uow, hit.id),
            on_done=self.edit,
            on_error=lambda error: messages.show_error(self, describe_error(error)),
            label=self.tr("Opening the customer…"),
            parent=self,
        )

    def edit(self, found: Saved | None) -> None:
        """The customer form for ``found`` (``None``: a new customer)."""
        dialog = CustomerEditDialog(
            self.ctx,
            self,
            None if found is None else found.customer,
            None if found is None else found.businesses,
        )
        saved = dialog.run()
        dialog.deleteLater()
        if saved is not None:
            self.search()


navigation.register(
    "customers",
    QT_TRANSLATE_NOOP("Navigation", "Customers"),
    CustomersView,
    roles=ROLES,
    order=10,
)
