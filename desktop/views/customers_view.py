"""客户 (officers; administrators too): find a customer, register a new one.

One search box takes a name, any part of an ID number or a phone number;
results come a page at a time (a ``PagedList`` over
``domain.search.search_customers``) with ID numbers masked. 新建客户 and a
double-click open ``CustomerEditDialog``; the list is searched again after
a save so the change shows. UI thread only; searching and loading run on
the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.customer_edit import CustomerEditDialog, Saved, reload_customer
from desktop.models.paged_table import Column, PagedTableModel
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from desktop.widgets.form_fields import title_label
from desktop.widgets.paged_list import PagedList, StatusTexts
from domain.search import CustomerHit, search_customers
from domain.users import Role

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
        self._build()
        self.search()

    def _build(self) -> None:
        self.list = PagedList(
            self.model,
            table_name="customers_table",
            placeholder=self.tr("Name, any part of the ID number, or phone"),
            status_texts=StatusTexts(
                capped=self.tr("Showing the first {0} customers: narrow the search."),
                complete=self.tr("{0} customers found."),
                partial=self.tr("{0} customers shown; scroll down for more."),
            ),
            search_width=320,
            parent=self,
        )
        self.list.search_requested.connect(self.search)
        self.list.add_button("new_customer", self.tr("New customer…"), self.new_customer)
        self.list.add_button("open_customer", self.tr("Open…"), self.open_selected)
        self.query, self.table = self.list.query, self.list.table
        self.status, self.more = self.list.status, self.list.more
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Customers")))
        layout.addWidget(self.list, 1)

    # --- searching ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown again (the main window calls this): search again, others may have saved."""
        self.search()

    def search(self) -> None:
        """Search again with the text as it stands, from the first page."""
        uow, text = self.ctx.uow, self.query.text()

        def fetch(after, limit: int, _order) -> list[CustomerHit]:
            return search_customers(uow(), text, after=after, limit=limit)

        self.list.restart(fetch)

    def selected(self) -> CustomerHit | None:
        return self.list.selected()

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
