"""A loan application at intake (受理), from the first draft to submission.

``ApplicationEditDialog(ctx, parent, application_number=None).run()`` shows
the form and returns the ``Application`` as last saved (``None`` if nothing
was saved). Like the customer form it saves itself: the officer saves a
draft many times while he fills it in, and stays in the form.

Four tabs: 申请 (the request: customer, business, product, amount, term,
purpose, repayment method, due day, guarantee type; for a guarantee-company
loan also the company, its credit code and the amount it guarantees, shown
only then; a product with one guarantee type chooses it), 担保 (guarantors,
joint-guarantee group members, collateral with its loan-to-value), 调查
(the on-site visit by two officers, and the files kept with the
application) and 分析 (``AnalysisForm``).

* As the officer types, the request is checked against the product
  (``live_eligibility``) and priced (``quote_rate``, risk grade B until the
  approver grades the customer), debounced and on the worker; every broken
  rule shows under the input it concerns, and so does what submission will
  ask of the guarantee company (grey while a field is empty, red when what
  was typed is wrong). The quoted rate gives the analysis its proposed
  instalment.
* 保存草稿 saves whatever is there (``save_draft``); wrong fields come back
  under their inputs and nothing is saved. 提交审批 saves and submits in
  one go; a refusal lists everything still missing.
* An application that has left the officer's hands (submitted and beyond),
  or one opened by someone who does not take applications, is read only.

Threading: UI thread. Database work runs on the worker through
``ctx.ops``; its inputs are read from the widgets before submitting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.models.paged_table import PagedTableModel
from desktop.operations import describe_error
from desktop.views.customers_view import COLUMNS as CUSTOMER_COLUMNS
from desktop.widgets.analysis_form import AnalysisForm, Terms
from desktop.widgets.form_fields import (
    FieldNote,
    NoteBoard,
    Tone,
    choice_combo,
    choice_name,
    configure_table,
    noted,
    select_data,
)
from domain import accounts
from domain.analysis import AnalysisPolicy
from domain.applications import (
    EDITABLE_STATES,
    GUARANTEE_COMPANY_RULE,
    TAKERS,
    Application,
    ApplicationDraft,
    ApplicationState,
    Attachment,
    Collateral,
    CollateralKind,
    GroupMember,
    GuaranteeCompany,
    Guarantor,
    Investigation,
    SubmissionRefused,
    add_attachment,
    get_application,
    list_attachments,
    live_eligibility,
    save_draft,
    submit_application,
)
from domain.blacklist import Blacklisted
from domain.catalogue import list_products, quote_rate
from domain.customers import Business, Customer, FormErrors, businesses_of, get_customer
from domain.errors import ConcurrencyConflict, DomainError, ValidationError
from domain.money import format_amount, parse_amount
from domain.pricing import Pricing, RiskGrade
from domain.products import GuaranteeType, Product, RuleBreach
from domain.schedule import MAX_MONTHS, RepaymentMethod
from domain.search import CustomerHit, search_customers
from domain.settings import load_analysis_policy
from domain.users import Role

CHECK_DELAY_MS = 400
DEFAULT_GRADE = RiskGrade.B  # until the approver grades the customer
NO_DATE = QDate(1900, 1, 1)  # a date edit's "not filled in"
OFFICER_ROLES = (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)

# Where a problem named by the domain is shown on this form.
_NOTE_FOR = {
    "months_in_business": "business_id",
    "collateral_appraised_value": "collaterals",
    "group_size": "group_members",
    "product": "product_code",
    "officer": "investigation.officer",
    "assisting_officer": "investigation.assisting_officer",
}
_GROUPS = ("guarantors", "group_members", "collaterals", "analysis")
# The guarantee company's fields, by the domain's names.
COMPANY_NOTES = (
    "guarantee_company.name",
    "guarantee_company.credit_code",
    "guarantee_company.amount",
)


def note_for(field_name: str) -> str:
    """The note a domain field name (``guarantors.0.phone``) is shown in."""
    head = field_name.split(".")[0]
    if head in _GROUPS:
        return head
    return _NOTE_FOR.get(field_name, field_name)


# --- worker-side steps --------------------------------------------------------------------


@dataclass
class Loaded:
    """Everything the form shows, read in one go on the worker."""

    products: list[Product]
    application: Application | None = None
    customer: Customer | None = None
    businesses: list[Business] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    staff: list[str] = field(default_factory=list)
    policy: AnalysisPolicy = field(default_factory=AnalysisPolicy)


def load_form(uow_factory, actor, application_number: str | None) -> Loaded:
    """Worker thread: the products, the staff to choose from and, when
    opening one, the application with its customer, businesses and files."""
    loaded = Loaded(list_products(uow_factory()), staff=officer_names(uow_factory, actor))
    with uow_factory() as uow:
        loaded.policy = load_analysis_policy(uow)
    if application_number is None:
        return loaded
    application = get_application(uow_factory(), application_number)
    loaded.application = application
    loaded.customer = get_customer(uow_factory(), application.customer_id)
    loaded.businesses = businesses_of(uow_factory(), application.customer_id)
    loaded.attachments = list_attachments(uow_factory(), application.application_number)
    return loaded


def officer_names(uow_factory, actor) -> list[str]:
    """Worker thread: user names of the active officers and assisting officers."""
    return [name for name, _full in accounts.staff_with_roles(uow_factory(), actor, OFFICER_ROLES)]


@dataclass(frozen=True)
class Checked:
    """The request checked: broken rules, and the rate (or why there is none)."""

    breaches: list[RuleBreach]
    pricing: Pricing | None
    pricing_problem: str = ""


def check_request(uow_factory, draft: ApplicationDraft, months: int | None, today: date) -> Checked:
    """Worker thread: ``live_eligibility`` and the quoted rate for the draft."""
    breaches = live_eligibility(uow_factory(), draft)
    if not draft.product_code or not months:
        return Checked(breaches, None)
    try:
        pricing = quote_rate(uow_factory(), draft.product_code, DEFAULT_GRADE, today, months)
    except DomainError as error:
        return Checked(breaches, None, str(error))
    return Checked(breaches, pricing)


@dataclass(frozen=True)
class Submitted:
    """A submission attempt: the application as saved, and the refusal if any."""

    application: Application
    refused: SubmissionRefused | None = None


def save_and_submit(uow_factory, actor, draft: ApplicationDraft) -> Submitted:
    """Worker thread: save the draft as it stands, then submit that version.
    A refused submission leaves the saved draft, with the reasons."""
    saved = save_draft(uow_factory(), actor, draft)
    try:
        return Submitted(
            submit_application(uow_factory(), actor, saved.application_number, saved.version)
        )
    except SubmissionRefused as refused:
        return Submitted(saved, refused)


def attach_file(uow_factory, actor, application_number: str, path: str) -> list[Attachment]:
    """Worker thread: keep the file with the application; the files after it."""
    data = Path(path).read_bytes()
    add_attachment(uow_factory(), actor, application_number, path, data)
    return list_attachments(uow_factory(), application_number)


# --- small widgets ------------------------------------------------------------------------


class RowsTable(QTableWidget):
    """An editable table of people or things: one row each, text cells."""

    def __init__(self, name: str, headers: list[str], widths: list[int]):
        super().__init__(0, len(headers))
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(headers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        self.setMinimumHeight(self.fontMetrics().height() * 6)

    def text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def set_text(self, row: int, column: int, text: str) -> None:
        self.setItem(row, column, QTableWidgetItem(text))

    def add_row(self, values: list[str] | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        for column in range(self.columnCount()):
            values_here = values or []
            self.set_text(row, column, values_here[column] if column < len(values_here) else "")
        return row

    def remove_selected(self) -> None:
        """Remove the selected rows (nothing when none is selected: never guess)."""
        for row in sorted({index.row() for index in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def filled_rows(self, columns: int) -> list[list[str]]:
        """Rows with anything typed, their first ``columns`` cells as text."""
        rows = [[self.text(r, c) for c in range(columns)] for r in range(self.rowCount())]
        return [row for row in rows if any(row)]


def _table_box(title: str, table: RowsTable, note: FieldNote, add, remove) -> QGroupBox:
    box = QGroupBox(title, objectName=f"{table.objectName()}_group")
    buttons = QVBoxLayout()
    for name, text, slot in (
        (f"add_{table.objectName()}", add[0], add[1]),
        (f"remove_{table.objectName()}", remove[0], remove[1]),
    ):
        button = QPushButton(text, objectName=name)
        button.setMinimumWidth(120)  # the same width in every group
        button.clicked.connect(slot)
        buttons.addWidget(button)
    buttons.addStretch(1)
    row = QHBoxLayout()
    row.addWidget(table, 1)
    row.addLayout(buttons)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.addLayout(row)
    layout.addWidget(note)
    return box


def _spin(name: str, high: int, suffix: str, empty: str) -> QSpinBox:
    """A whole number where 0 means "not filled in" (shown as ``empty``)."""
    spin = QSpinBox(objectName=name)
    spin.setRange(0, high)
    spin.setSuffix(suffix)
    spin.setSpecialValueText(empty)
    return spin


def _form(parent: QWidget | None = None) -> QFormLayout:
    form = QFormLayout(parent)
    form.setVerticalSpacing(8)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class CustomerPicker(QDialog):
    """Find the borrower: the customer search in a small window.

    ``choose()`` returns the ``CustomerHit`` picked, or ``None``.
    """

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customer_picker")
        self.setWindowTitle(self.tr("Choose the borrower"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.model = PagedTableModel(ctx.ops, CUSTOMER_COLUMNS, "CustomersView", parent=self)
        self.query = QLineEdit(objectName="search")
        self.query.setPlaceholderText(self.tr("Name, any part of the ID number, or phone"))
        self.query.returnPressed.connect(self.search)
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.table = QTableView(objectName="customers_table")
        self.table.setModel(self.model)
        configure_table(self.table, [c.width for c in CUSTOMER_COLUMNS])
        self.table.doubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Choose"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("choose")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.query)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self.search()

    def search(self) -> None:
        uow, text = self.ctx.uow, self.query.text()
        self.model.restart(lambda after, limit, _o: search_customers(uow(), text, after, limit))

    def chosen(self) -> CustomerHit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def choose(self) -> CustomerHit | None:
        return self.chosen() if self.exec() == QDialog.DialogCode.Accepted else None


# --- the tabs -----------------------------------------------------------------------------


class RequestTab(QWidget):
    """申请: who borrows, for which business, under which product, how much and how."""

    def __init__(self, notes: NoteBoard, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("request_tab")
        self.notes = notes
        self.products: dict[str, Product] = {}
        self._build()

    def _build(self) -> None:
        self.customer = QLineEdit(objectName="customer")
        self.customer.setReadOnly(True)
        self.customer.setPlaceholderText(self.tr("No borrower chosen yet"))
        self.choose_customer = QPushButton(self.tr("Choose…"), objectName="choose_customer")
        who = QHBoxLayout()
        who.setContentsMargins(0, 0, 0, 0)
        who.addWidget(self.customer, 1)
        who.addWidget(self.choose_customer)
        customer_box = QWidget()
        customer_box.setLayout(who)
        self.business = QComboBox(objectName="business_id")
        self.product = QComboBox(objectName="product_code")
        self.amount = QLineEdit(objectName="amount")
        self.amount.setPlaceholderText(self.tr("e.g. 15万 or 150,000"))
        self.months = _spin("months", MAX_MONTHS, self.tr(" months"), self.tr("Not filled in"))
        self.purpose = QLineEdit(objectName="purpose")
        self.purpose.setPlaceholderText(self.tr("e.g. buying stock for the season"))
        self.method = choice_combo("repayment_method", RepaymentMethod, self.tr("Please choose"))
        self.due_day = _spin("due_day", 31, "", self.tr("Not filled in"))
        self.guarantee = choice_combo("guarantee_type", GuaranteeType, self.tr("Please choose"))
        self._build_company()
        form = self.form = _form()
        for label, widget, key in (
            (self.tr("Borrower"), customer_box, "customer_id"),
            (self.tr("Business"), self.business, "business_id"),
            (self.tr("Product"), self.product, "product_code"),
            (self.tr("Amount (yuan)"), self.amount, "amount"),
            (self.tr("Term"), self.months, "months"),
            (self.tr("Purpose"), self.purpose, "purpose"),
            (self.tr("Repayment method"), self.method, "repayment_method"),
            (self.tr("Due day of the month"), self.due_day, "due_day"),
            (self.tr("Guarantee type"), self.guarantee, "guarantee_type"),
            (self.tr("Guarantee company"), self.company_name, COMPANY_NOTES[0]),
            (self.tr("Its credit code"), self.company_code, COMPANY_NOTES[1]),
            (self.tr("Amount it guarantees"), self.company_amount, COMPANY_NOTES[2]),
        ):
            note = self.notes.add(key, FieldNote(key.replace(".", "_"), self))
            form.addRow(label, noted(widget, note))
        self.show_company(None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addLayout(form, 3)
        layout.addWidget(self._eligibility_panel(), 2)

    def _build_company(self) -> None:
        """The guarantee company's three fields, shown under the guarantee type."""
        self.company_name = QLineEdit(objectName="guarantee_company_name")
        self.company_name.setPlaceholderText(self.tr("Its full registered name"))
        self.company_code = QLineEdit(objectName="guarantee_company_credit_code")
        self.company_code.setPlaceholderText(self.tr("18 characters, on its business licence"))
        self.company_amount = QLineEdit(objectName="guarantee_company_amount")
        self.company_amount.setPlaceholderText(self.tr("All of the loan or part of it, e.g. 10万"))

    def show_company(self, guarantee: str | None) -> None:
        """Offer the company's fields only for a guarantee-company loan; what
        they hold stays, in case the type was changed by mistake (the domain
        drops it under any other type)."""
        shown = guarantee == GuaranteeType.GUARANTEE_COMPANY.value
        for line in (self.company_name, self.company_code, self.company_amount):
            self.form.setRowVisible(line.parentWidget(), shown)

    def company(self) -> GuaranteeCompany | None:
        """The company as typed, or ``None`` when not a guarantee-company loan."""
        if self.guarantee.currentData() != GuaranteeType.GUARANTEE_COMPANY.value:
            return None
        return GuaranteeCompany(
            self.company_name.text(),
            self.company_code.text(),
            self.company_amount.text() or None,
        )

    def fill_company(self, company: GuaranteeCompany | None) -> None:
        company = company or GuaranteeCompany()
        amount = company.amount
        self.company_name.setText(company.name)
        self.company_code.setText(company.credit_code)
        self.company_amount.setText(
            format_amount(amount) if isinstance(amount, Decimal) else amount or ""
        )

    def show_company_notes(self, gaps: list[RuleBreach]) -> None:
        """Beside each company field: what submission still needs (grey while
        the field is empty), what is wrong with what was typed (red), or how
        the guaranteed amount reads."""
        for key in COMPANY_NOTES:
            self.notes.notes[key].clear_note()
        lines = (self.company_name, self.company_code, self.company_amount)
        typed = dict(zip(COMPANY_NOTES, lines, strict=True))
        amount = _reading(self.company_amount.text(), "担保金额")
        if amount is not None:
            self.notes.notes[COMPANY_NOTES[2]].say(
                self.tr("Reads as {0} yuan").format(format_amount(amount)), Tone.INFO
            )
        for gap in gaps:
            line = typed.get(gap.field)
            if line is not None:
                tone = Tone.ERROR if line.text().strip() else Tone.INFO
                self.notes.notes[gap.field].say(gap.message, tone)

    def _eligibility_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Product rules and price"), objectName="eligibility_group")
        self.product_rules = QLabel(objectName="product_rules")
        self.rate = QLabel(objectName="rate")
        self.verdict = FieldNote("eligibility", self)
        for label in (self.product_rules, self.rate):
            label.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(10)
        layout.addWidget(self.product_rules)
        layout.addWidget(self.rate)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        return box

    def change_signals(self) -> list:
        return [
            self.business.currentIndexChanged,
            self.product.currentIndexChanged,
            self.amount.textChanged,
            self.months.valueChanged,
            self.purpose.textChanged,
            self.method.currentIndexChanged,
            self.due_day.valueChanged,
            self.guarantee.currentIndexChanged,
            self.company_name.textChanged,
            self.company_code.textChanged,
            self.company_amount.textChanged,
        ]

    def set_products(self, products: list[Product]) -> None:
        self.products = {p.code: p for p in products}
        self.product.clear()
        self.product.addItem(self.tr("Please choose"), None)
        for product in products:
            self.product.addItem(f"{product.name}（{product.code}）", product.code)

    def set_businesses(self, businesses: list[Business]) -> None:
        self.business.clear()
        self.business.addItem(self.tr("Please choose"), None)
        for business in businesses:
            self.business.addItem(business.name, business.id)
        if len(businesses) == 1:
            self.business.setCurrentIndex(1)

    def chosen_product(self) -> Product | None:
        return self.products.get(self.product.currentData())

    def show_product_rules(self) -> None:
        product = self.chosen_product()
        if product is None:
            self.product_rules.setText(self.tr("Choose a product to see its rules."))
            return
        kinds = "、".join(choice_name(g) for g in sorted(product.guarantee_types))
        self.product_rules.setText(
            self.tr("{0}: {1} to {2} yuan, {3} to {4} months; guarantee: {5}.").format(
                product.name,
                format_amount(product.min_amount),
                format_amount(product.max_amount),
                product.min_months,
                product.max_months,
                kinds,
            )
        )

    def amount_value(self) -> Decimal | None:
        return _reading(self.amount.text(), "申请金额")

    def show_amount_reading(self) -> None:
        """What the typed amount reads as, at once (the rules follow from the worker)."""
        note = self.notes.notes["amount"]
        if not self.amount.text().strip():
            note.clear_note()
            return
        try:
            value = parse_amount(self.amount.text(), "amount", label="申请金额")
        except ValidationError as error:
            note.say(str(error), Tone.ERROR)
            return
        note.say(self.tr("Reads as {0} yuan").format(format_amount(value)), Tone.INFO)


def _reading(text: str, label: str) -> Decimal | None:
    """The amount ``text`` reads as, or ``None`` if it cannot be read."""
    try:
        return parse_amount(text, "amount", label=label)
    except ValidationError:
        return None


class GuaranteesTab(QWidget):
    """担保: guarantors, the joint-guarantee group, collateral."""

    GUARANTOR_COLUMNS = 6
    MEMBER_COLUMNS = 3
    LTV_COLUMN = 4

    def __init__(self, notes: NoteBoard, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guarantees_tab")
        self.notes = notes
        self._build()

    def _build(self) -> None:
        self.guarantors = RowsTable(
            "guarantors",
            [
                self.tr("Name"),
                self.tr("Resident ID"),
                self.tr("Mobile phone"),
                self.tr("Relation"),
                self.tr("Monthly income"),
                self.tr("Employer"),
            ],
            [90, 170, 120, 104, 110],
        )
        self.members = RowsTable(
            "group_members",
            [self.tr("Name"), self.tr("Resident ID"), self.tr("Business")],
            [90, 170],
        )
        self.collaterals = RowsTable(
            "collaterals",
            [
                self.tr("Type"),
                self.tr("Certificate number"),
                self.tr("Owner"),
                self.tr("Appraised value"),
                self.tr("Loan-to-value"),
            ],
            [130, 170, 90, 130],
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        for title, table, add_text, add in (
            (self.tr("Guarantors"), self.guarantors, self.tr("Add guarantor"), None),
            (
                self.tr("Joint-guarantee group (the borrower's household is the first member)"),
                self.members,
                self.tr("Add member"),
                None,
            ),
            (
                self.tr("Collateral"),
                self.collaterals,
                self.tr("Add collateral"),
                self.add_collateral,
            ),
        ):
            key = table.objectName()
            note = self.notes.add(key, FieldNote(key, self))
            box = _table_box(
                title,
                table,
                note,
                (add_text, add or (lambda _checked=False, t=table: t.add_row())),
                (self.tr("Remove"), table.remove_selected),
            )
            setattr(self, f"{key}_box", box)
            layout.addWidget(box, 1)

    def add_collateral(self, collateral: Collateral | None = None) -> int:
        row = self.collaterals.add_row()
        kinds = choice_combo(f"collateral_kind_{row}", CollateralKind, self.tr("Please choose"))
        if collateral is not None:
            select_data(kinds, CollateralKind(collateral.kind))
            value = collateral.appraised_value
            for column, text in (
                (1, collateral.certificate_number),
                (2, collateral.owner),
                (3, format_amount(value) if isinstance(value, Decimal) else value or ""),
            ):
                self.collaterals.set_text(row, column, text)
        self.collaterals.setCellWidget(row, 0, kinds)
        ltv = QTableWidgetItem("")
        ltv.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.collaterals.setItem(row, self.LTV_COLUMN, ltv)
        return row

    def show_loan_to_value(self, amount: Decimal | None) -> None:
        """The amount over each appraised value, as the officer types either."""
        table = self.collaterals
        table.blockSignals(True)
        for row in range(table.rowCount()):
            item = table.item(row, self.LTV_COLUMN)
            try:
                value = parse_amount(table.text(row, 3), "appraised_value", label="评估价值")
            except ValidationError:
                value = None
            ratio = Collateral(CollateralKind.OTHER, appraised_value=value).loan_to_value(amount)
            if item is not None:
                item.setText("" if ratio is None else f"{ratio * 100:.2f}%")
        table.blockSignals(False)

    def show_group(self, guarantee: str | None) -> None:
        joint = guarantee == GuaranteeType.JOINT_GROUP.value
        self.group_members_box.setEnabled(joint)

    # --- reading and filling --------------------------------------------------------------

    def read(self) -> tuple[list[Guarantor], list[GroupMember], list[Collateral]]:
        guarantors = [
            Guarantor(name, id_number, phone, relation, income or None, employer)
            for name, id_number, phone, relation, income, employer in self.guarantors.filled_rows(
                self.GUARANTOR_COLUMNS
            )
        ]
        members = [GroupMember(*row) for row in self.members.filled_rows(self.MEMBER_COLUMNS)]
        return guarantors, members, self._collaterals()

    def _collaterals(self) -> list[Collateral]:
        found = []
        for row in range(self.collaterals.rowCount()):
            kind = self.collaterals.cellWidget(row, 0).currentData()
            number, owner, value = (self.collaterals.text(row, c) for c in (1, 2, 3))
            if kind or number or owner or value:
                found.append(Collateral(kind or "", number, owner, value or None))
        return found

    def fill(self, application: Application | None) -> None:
        for table in (self.guarantors, self.members, self.collaterals):
            table.setRowCount(0)
        if application is None:
            return
        for g in application.guarantors:
            income = format_amount(g.monthly_income) if g.monthly_income is not None else ""
            self.guarantors.add_row([g.name, g.id_number, g.phone, g.relation, income, g.employer])
        for m in application.group_members:
            self.members.add_row([m.name, m.id_number, m.business])
        for c in application.collaterals:
            self.add_collateral(c)


class InvestigationTab(QWidget):
    """调查: the visit by two officers, and the files kept with the application."""

    def __init__(self, notes: NoteBoard, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("investigation_tab")
        self.notes = notes
        self._build()

    def _build(self) -> None:
        self.visit_date = QDateEdit(objectName="visit_date")
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        self.visit_date.setMinimumDate(NO_DATE)
        self.visit_date.setMaximumDate(QDate.currentDate())
        self.visit_date.setSpecialValueText(self.tr("Not visited yet"))
        self.officer = self._staff_combo("officer")
        self.assistant = self._staff_combo("assisting_officer")
        self.visit_notes = QPlainTextEdit(objectName="visit_notes")
        self.visit_notes.setPlaceholderText(
            self.tr("What the two officers saw on site: premises, stock, books, neighbours…")
        )
        self.visit_notes.setMinimumHeight(self.fontMetrics().height() * 5)
        form = _form()
        for label, widget, key in (
            (self.tr("Visit date"), self.visit_date, "investigation.visit_date"),
            (self.tr("Loan officer"), self.officer, "investigation.officer"),
            (self.tr("Assisting officer"), self.assistant, "investigation.assisting_officer"),
            (self.tr("Findings"), self.visit_notes, "investigation.notes"),
        ):
            note = self.notes.add(key, FieldNote(key.replace(".", "_"), self))
            form.addRow(label, noted(widget, note))
        visit = QGroupBox(self.tr("On-site investigation (two officers)"), objectName="visit")
        visit.setLayout(form)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addWidget(visit, 1)
        layout.addWidget(self._attachments_box(), 1)

    def _staff_combo(self, name: str) -> QComboBox:
        # Editable: officers cannot list their colleagues, so a user name
        # may be typed; saving checks it belongs to an active officer.
        combo = QComboBox(objectName=name)
        combo.setEditable(True)
        combo.lineEdit().setPlaceholderText(self.tr("User name"))
        return combo

    def _attachments_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Files kept with the application"), objectName="attachments_box")
        self.attachments = QTableWidget(0, 3, objectName="attachments")
        self.attachments.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Size"), self.tr("Added by")]
        )
        self.attachments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachments.verticalHeader().hide()
        self.attachments.horizontalHeader().setStretchLastSection(True)
        self.attachments.setColumnWidth(0, 220)
        self.add_file = QPushButton(self.tr("Add file…"), objectName="add_file")
        note = self.notes.add("attachments", FieldNote("attachments", self))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.attachments, 1)
        layout.addWidget(note)
        layout.addWidget(self.add_file, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def set_staff(self, names: list[str]) -> None:
        for combo in (self.officer, self.assistant):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("")
            combo.addItems(names)
            combo.setCurrentText(current)
            combo.blockSignals(False)

    def show_attachments(self, files: list[Attachment]) -> None:
        self.attachments.setRowCount(len(files))
        for row, attachment in enumerate(files):
            size = self.tr("{0} KB").format(format(max(1, round(attachment.size / 1024)), ","))
            for column, text in enumerate((attachment.file_name, size, attachment.uploaded_by)):
                self.attachments.setItem(row, column, QTableWidgetItem(text or ""))

    def read(self) -> Investigation | None:
        day = self.visit_date.date()
        visit = Investigation(
            visit_date=None if day == NO_DATE else day.toPython(),
            officer=self.officer.currentText().strip() or None,
            assisting_officer=self.assistant.currentText().strip() or None,
            notes=self.visit_notes.toPlainText(),
        )
        if not (visit.visit_date or visit.officer or visit.assisting_officer or visit.notes):
            return None
        return visit

    def fill(self, application: Application | None, default_officer: str) -> None:
        visit = application.investigation if application else None
        day = visit.visit_date if visit and isinstance(visit.visit_date, date) else None
        self.visit_date.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        officer = (visit and visit.officer) or (application and application.officer)
        assistant = (visit and visit.assisting_officer) or (
            application and application.assisting_officer
        )
        self.officer.setCurrentText(officer or default_officer)
        self.assistant.setCurrentText(assistant or "")
        self.visit_notes.setPlainText(visit.notes if visit else "")

    def check_two_officers(self) -> None:
        note = self.notes.notes["investigation.assisting_officer"]
        same = self.officer.currentText().strip().lower()
        if same and same == self.assistant.currentText().strip().lower():
            note.say(self.tr("The assisting officer must be someone else."), Tone.ERROR)
        elif note.tone is Tone.ERROR:
            note.clear_note()


# --- the dialog ---------------------------------------------------------------------------


class ApplicationEditDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None, application_number: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.application: Application | None = None
        self.customer: Customer | None = None
        self.saved: Application | None = None
        self.notes = NoteBoard()
        self.pricing: Pricing | None = None
        self.dirty = False
        self._filling = True
        self._checking = False
        self._check_again = False
        self.setObjectName("application_edit_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("New loan application"))
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        self._build()
        self._connect()
        self._load(application_number)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(objectName="heading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.banner = FieldNote("banner", self)
        self.request = RequestTab(self.notes)
        self.guarantees = GuaranteesTab(self.notes)
        self.investigation = InvestigationTab(self.notes)
        self.analysis = AnalysisForm()
        analysis_page = QWidget(objectName="analysis_tab")
        QVBoxLayout(analysis_page).addWidget(self.analysis)
        analysis_page.layout().setContentsMargins(12, 12, 12, 12)
        self.tabs = QTabWidget(objectName="tabs")
        # Two-character Chinese tab names make tiny targets: give them room.
        self.tabs.setStyleSheet("QTabBar::tab { padding: 6px 22px; }")
        for page, title in (
            (self.request, self.tr("Application")),
            (self.guarantees, self.tr("Guarantees")),
            (self.investigation, self.tr("Investigation")),
            (analysis_page, self.tr("Analysis")),
        ):
            self.tabs.addTab(page, title)
        self.notes.add("analysis", self.analysis.warnings)
        self.error = messages.inline_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        self.resize(1120, 700)

    def _buttons(self) -> QHBoxLayout:
        # Save and submit on the left where the eye ends the form; closing
        # apart on the right, so it is not hit instead of saving.
        self.save_button = QPushButton(self.tr("Save draft"), objectName="save_draft")
        self.submit_button = QPushButton(self.tr("Submit for approval"), objectName="submit")
        close = QPushButton(self.tr("Close"), objectName="close")
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        close.clicked.connect(self.reject)
        self.save_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.submit_button)
        row.addStretch(1)
        row.addWidget(close)
        return row

    def _connect(self) -> None:
        for signal in self.request.change_signals():
            signal.connect(self._request_changed)
        self.request.choose_customer.clicked.connect(self.choose_customer)
        self.request.amount.textChanged.connect(lambda _t: self.request.show_amount_reading())
        self.request.guarantee.currentIndexChanged.connect(self._guarantee_changed)
        self.request.product.currentIndexChanged.connect(self._product_changed)
        for table in (self.guarantees.guarantors, self.guarantees.members):
            table.itemChanged.connect(self._request_changed)
        self.guarantees.collaterals.itemChanged.connect(self._request_changed)
        self.guarantees.collaterals.model().rowsInserted.connect(self._collateral_added)
        for table in (
            self.guarantees.guarantors,
            self.guarantees.members,
            self.guarantees.collaterals,
        ):
            table.model().rowsRemoved.connect(self._request_changed)
        for signal in (
            self.investigation.visit_date.dateChanged,
            self.investigation.visit_notes.textChanged,
            self.analysis.changed,
        ):
            signal.connect(self._touched)
        for combo in (self.investigation.officer, self.investigation.assistant):
            combo.currentTextChanged.connect(self._officers_changed)
        self.investigation.add_file.clicked.connect(self.add_file)

    def _guarantee_changed(self, _index: int) -> None:
        guarantee = self.request.guarantee.currentData()
        self.guarantees.show_group(guarantee)
        self.request.show_company(guarantee)

    def _product_changed(self, _index: int) -> None:
        """A product with one guarantee type (担保公司担保贷款: the company)
        chooses it, so its fields show at once; a choice made stays."""
        product = self.request.chosen_product()
        if self._filling or product is None or self.request.guarantee.currentData():
            return
        if len(product.guarantee_types) == 1:
            select_data(self.request.guarantee, next(iter(product.guarantee_types)))

    def _collateral_added(self, _parent: QModelIndex, first: int, _last: int) -> None:
        # Type combos are created after the row: connect once they exist.
        QTimer.singleShot(0, self, lambda: self._watch_kind(first))

    def _watch_kind(self, row: int) -> None:
        combo = self.guarantees.collaterals.cellWidget(row, 0)
        if combo is not None:
            combo.currentIndexChanged.connect(self._request_changed)

    # --- loading --------------------------------------------------------------------------

    def _load(self, application_number: str | None) -> None:
        uow, actor = self.ctx.uow, self.ctx.user
        self._set_editable(False)
        self.ctx.ops.run(
            lambda: load_form(uow, actor, application_number),
            on_done=self._loaded,
            on_error=lambda error: self._show_error(describe_error(error)),
            label=self.tr("Opening the application…"),
            parent=self,
        )

    def _loaded(self, loaded: Loaded) -> None:
        self._filling = True
        self.request.set_products(loaded.products)
        self.analysis.policy = loaded.policy
        known = {self.ctx.user.username} if self.ctx.user.has_role(*OFFICER_ROLES) else set()
        self.investigation.set_staff(sorted(set(loaded.staff) | known))
        self._fill(loaded.application, loaded.customer, loaded.businesses)
        self.investigation.show_attachments(loaded.attachments)
        self._filling = False
        self.dirty = False
        self.check_now()

    def _fill(self, application, customer, businesses) -> None:
        self.application, self.customer = application, customer
        self._show_customer(customer, businesses)
        draft = application.draft() if application else ApplicationDraft(None, None)
        request = self.request
        select_data(request.product, draft.product_code)
        select_data(request.business, draft.business_id)
        request.amount.setText("" if draft.amount is None else format_amount(draft.amount))
        request.months.setValue(int(draft.months or 0))
        request.purpose.setText(draft.purpose)
        select_data(request.method, draft.repayment_method)
        request.due_day.setValue(int(draft.due_day or 0))
        select_data(request.guarantee, draft.guarantee_type)
        request.fill_company(draft.guarantee_company)
        request.show_company(request.guarantee.currentData())
        self.guarantees.fill(application)
        self.guarantees.show_group(request.guarantee.currentData())
        default_officer = (
            self.ctx.user.username if self.ctx.user.has_role(Role.LOAN_OFFICER) else ""
        )
        self.investigation.fill(application, default_officer)
        self.analysis.load(draft.analysis)
        self.request.show_product_rules()
        self._show_state()

    def _show_customer(self, customer: Customer | None, businesses: list[Business]) -> None:
        self.customer = customer
        text = "" if customer is None else f"{customer.name}（{customer.masked_id_number}）"
        self.request.customer.setText(text)
        self.request.set_businesses(businesses)

    def _show_state(self) -> None:
        application = self.application
        if application is None:
            self.heading.setText(self.tr("New loan application"))
        else:
            self.heading.setText(
                self.tr("Application {0} — {1}").format(
                    application.application_number, choice_name(application.state)
                )
            )
            self.setWindowTitle(
                self.tr("Loan application {0}").format(application.application_number)
            )
        editable = self.is_editable()
        self._set_editable(editable)
        self.request.choose_customer.setEnabled(editable and application is None)
        self.investigation.add_file.setEnabled(editable and application is not None)
        if application is None:
            self.notes.notes["attachments"].say(
                self.tr("Save the draft first; then files can be added."), Tone.INFO
            )
        elif self.notes.notes["attachments"].tone is Tone.INFO:
            self.notes.notes["attachments"].clear_note()
        self.banner.say(self._read_only_reason(), Tone.WARNING)

    def is_editable(self) -> bool:
        takes = self.ctx.user.has_role(*TAKERS)
        state = self.application.state if self.application else ApplicationState.DRAFT
        return takes and state in EDITABLE_STATES

    def _read_only_reason(self) -> str:
        if not self.ctx.user.has_role(*TAKERS):
            return self.tr(
                "Read only: only loan officers and assisting officers take applications."
            )
        if self.application is not None and self.application.state not in EDITABLE_STATES:
            return self.tr("Read only: this application is {0}.").format(
                choice_name(self.application.state)
            )
        return ""

    def _set_editable(self, editable: bool) -> None:
        for page in (self.request, self.guarantees, self.investigation):
            page.setEnabled(editable)
        self.analysis.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.submit_button.setEnabled(editable)

    # --- the borrower ---------------------------------------------------------------------

    def choose_customer(self) -> None:
        picker = CustomerPicker(self.ctx, self)
        hit = picker.choose()
        picker.deleteLater()
        if hit is not None:
            self.use_customer(hit.id)

    def use_customer(self, customer_id: int) -> None:
        """Make the customer ``customer_id`` the borrower (a new application only)."""
        uow = self.ctx.uow
        self.ctx.ops.run(
            lambda: (get_customer(uow(), customer_id), businesses_of(uow(), customer_id)),
            on_done=lambda found: self._customer_chosen(*found),
            on_error=lambda error: self._show_error(describe_error(error)),
            label=self.tr("Loading the customer…"),
            parent=self,
        )

    def _customer_chosen(self, customer: Customer, businesses: list[Business]) -> None:
        self._show_customer(customer, businesses)
        self.notes.notes["customer_id"].clear_note()
        self._request_changed()

    # --- as the officer types -------------------------------------------------------------

    def _touched(self, *_args) -> None:
        if not self._filling:
            self.dirty = True

    def _officers_changed(self, *_args) -> None:
        self.investigation.check_two_officers()
        self._touched()

    def _request_changed(self, *_args) -> None:
        if self._filling:
            return
        self.dirty = True
        self.request.show_product_rules()
        self.guarantees.show_loan_to_value(self.request.amount_value())
        self._update_terms()
        self._check_timer.start()

    def check_now(self) -> None:
        """Check the request on the worker; one check at a time, the latest wins."""
        self._check_timer.stop()
        if self._checking:
            self._check_again = True
            return
        self._checking = True
        uow, draft = self.ctx.uow, self.draft()
        months, today = self.request.months.value() or None, date.today()
        self.ctx.ops.run(
            lambda: check_request(uow, draft, months, today),
            on_done=self._checked,
            on_error=self._check_failed,
            label=self.tr("Checking against the product…"),
            parent=self,
        )

    def _checked(self, checked: Checked) -> None:
        self._checking = False
        if self._check_again:
            self._check_again = False
            self.check_now()
            return
        self.pricing = checked.pricing
        self._show_breaches(checked.breaches)
        self._show_rate(checked)
        self._update_terms()

    def _check_failed(self, error: Exception) -> None:
        self._checking = False
        self.request.verdict.say(describe_error(error), Tone.ERROR)

    def _show_breaches(self, breaches: list[RuleBreach]) -> None:
        # What submission asks of the guarantee company is shown beside its
        # fields only: it is not one of the product's rules.
        company = [b for b in breaches if b.rule == GUARANTEE_COMPANY_RULE]
        breaches = [b for b in breaches if b.rule != GUARANTEE_COMPANY_RULE]
        self.request.show_company_notes(company)
        for key in ("amount", "months", "business_id", "product_code", "guarantee_type"):
            if self.notes.notes[key].tone is Tone.ERROR:
                self.notes.notes[key].clear_note()
        for key in ("repayment_method", "due_day", "collaterals", "group_members"):
            self.notes.notes[key].clear_note()
        self.request.show_amount_reading()
        rules = [b for b in breaches if b.rule != "input"]
        unreadable = [b for b in breaches if b.rule == "input" and self._typed(b.field)]
        self.notes.show({f"{b.rule}:{b.field}": b.message for b in rules + unreadable}, _by_field)
        waiting = [b.message for b in breaches if b.rule == "input" and not self._typed(b.field)]
        if rules:
            self.request.verdict.say("\n".join(f"• {b.message}" for b in rules), Tone.ERROR)
        elif waiting:
            text = self.tr("To check the product's rules: {0}").format("；".join(waiting))
            self.request.verdict.say(text, Tone.INFO)
        else:
            self.request.verdict.say(self.tr("Meets the product's rules."), Tone.OK)

    def _typed(self, field_name: str) -> bool:
        """Whether the officer entered something in the input ``field_name``."""
        request = self.request
        return {
            "amount": bool(request.amount.text().strip()),
            "months": request.months.value() > 0,
        }.get(field_name, False)

    def _show_rate(self, checked: Checked) -> None:
        if checked.pricing is not None:
            self.request.rate.setText(
                self.tr("Annual rate at risk grade {0}: {1}").format(
                    DEFAULT_GRADE.value, checked.pricing.description
                )
            )
        else:
            self.request.rate.setText(checked.pricing_problem)
        self.request.rate.setVisible(bool(self.request.rate.text()))

    def _update_terms(self) -> None:
        """Give the analysis the terms its proposed instalment comes from."""
        request = self.request
        amount, months = request.amount_value(), request.months.value()
        method = request.method.currentData()
        if self.pricing is None or amount is None or not months or method is None:
            self.analysis.set_terms(
                None,
                self.tr("The instalment follows once amount, term, method and rate are known."),
            )
            return
        terms = Terms(
            amount,
            months,
            RepaymentMethod(method),
            request.due_day.value() or None,
            self.pricing.annual_rate,
            date.today(),
        )
        self.analysis.set_terms(terms)

    # --- the draft ------------------------------------------------------------------------

    def draft(self) -> ApplicationDraft:
        """The form as plain values, for the worker."""
        request = self.request
        guarantors, members, collaterals = self.guarantees.read()
        visit = self.investigation.read()
        return ApplicationDraft(
            customer_id=self.customer.id if self.customer else None,
            product_code=request.product.currentData(),
            business_id=request.business.currentData(),
            amount=request.amount.text(),
            months=request.months.value() or None,
            purpose=request.purpose.text(),
            repayment_method=request.method.currentData(),
            due_day=request.due_day.value() or None,
            guarantee_type=request.guarantee.currentData(),
            guarantee_company=request.company(),
            officer=self._officer(visit),
            assisting_officer=visit.assisting_officer if visit else None,
            guarantors=guarantors,
            group_members=members,
            collaterals=collaterals,
            investigation=visit,
            analysis=self.analysis.to_dict(),
            application_number=self.application.application_number if self.application else None,
            version=self.application.version if self.application else 0,
        )

    def _officer(self, visit: Investigation | None) -> str | None:
        """The application's loan officer: kept once stored (changing who went
        on site does not hand the application to someone else); for a new one,
        the visit's loan officer (the domain defaults to the user saving)."""
        if self.application is not None:
            return self.application.officer
        return visit.officer if visit else None

    def _analysis_refused(self) -> bool:
        """Refuse to save while an analysis figure cannot be read: the sheet
        would be stored without it, which is worse than not at all."""
        self.analysis.recompute()
        if not self.analysis.problems():
            return False
        self.tabs.setCurrentIndex(self.tabs.count() - 1)
        self._show_error(self.tr("Correct the analysis figures in red first; nothing was saved."))
        return True

    def save(self) -> None:
        """保存草稿: save the form as it stands, complete or not."""
        if self._analysis_refused():
            return
        self._clear_problems()
        uow, actor, draft = self.ctx.uow, self.ctx.user, self.draft()
        self._busy(True)
        self.ctx.ops.run(
            lambda: save_draft(uow(), actor, draft),
            on_done=self._draft_saved,
            on_error=self._save_failed,
            label=self.tr("Saving the draft…"),
            parent=self,
        )

    def _draft_saved(self, application: Application) -> None:
        self._busy(False)
        self._stored(application)
        messages.set_inline(
            self.error,
            self.tr("Draft {0} saved.").format(application.application_number),
            ok=True,
        )

    def submit(self) -> None:
        """提交审批: save, then hand in for approval; a refusal lists what is missing."""
        if self._analysis_refused():
            return
        self._clear_problems()
        uow, actor, draft = self.ctx.uow, self.ctx.user, self.draft()
        self._busy(True)
        self.ctx.ops.run(
            lambda: save_and_submit(uow, actor, draft),
            on_done=self._submitted,
            on_error=self._save_failed,
            label=self.tr("Submitting…"),
            parent=self,
        )

    def _submitted(self, outcome: Submitted) -> None:
        self._busy(False)
        self._stored(outcome.application)
        if outcome.refused is not None:
            messages.show_error(self, str(outcome.refused), self.tr("Cannot submit yet"))
            return
        messages.show_info(
            self,
            self.tr("Application {0} was submitted for approval.").format(
                outcome.application.application_number
            ),
        )
        self.accept()

    def _stored(self, application: Application) -> None:
        self.application = self.saved = application
        self.dirty = False
        self._show_state()

    def _save_failed(self, error: Exception) -> None:
        self._busy(False)
        if isinstance(error, FormErrors):
            self._show_problems(error.problems)
        elif isinstance(error, Blacklisted):
            messages.show_error(self, str(error), self.tr("On the default notice list"))
        elif isinstance(error, ConcurrencyConflict):
            messages.show_error(
                self,
                self.tr(
                    "Someone else saved this application after you opened it. Close it and "
                    "open it again to see their changes; yours were not saved.\n{0}"
                ).format(error),
                self.tr("Changed by someone else"),
            )
        else:
            self._show_error(describe_error(error))

    def _show_problems(self, problems: dict[str, str]) -> None:
        unplaced = self.notes.show(problems, note_for)
        summary = self.tr("Nothing was saved: please correct the fields in red.")
        self._show_error("\n".join([summary, *unplaced]))
        first = note_for(next(iter(problems)))
        note = self.notes.notes.get(first)
        for index in range(self.tabs.count()):
            if note is not None and self.tabs.widget(index).isAncestorOf(note):
                self.tabs.setCurrentIndex(index)
                break

    def _clear_problems(self) -> None:
        self.notes.clear()
        messages.set_inline(self.error, "")

    def _show_error(self, text: str) -> None:
        messages.set_inline(self.error, text)

    def _busy(self, busy: bool) -> None:
        editable = self.is_editable()
        self.save_button.setEnabled(editable and not busy)
        self.submit_button.setEnabled(editable and not busy)

    # --- files ----------------------------------------------------------------------------

    def choose_file(self) -> str | None:
        """The file to attach, or ``None``; tests replace this method."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Add a file to the application"),
            "",
            self.tr("Photos and documents (*.jpg *.jpeg *.png *.pdf);;All files (*)"),
        )
        return path or None

    def add_file(self) -> None:
        if self.application is None:
            return
        path = self.choose_file()
        if path is None:
            return
        uow, actor = self.ctx.uow, self.ctx.user
        number = self.application.application_number
        note = self.notes.notes["attachments"]
        note.clear_note()
        self.ctx.ops.run(
            lambda: attach_file(uow, actor, number, path),
            on_done=self.investigation.show_attachments,
            on_error=lambda error: note.say(describe_error(error), Tone.ERROR),
            label=self.tr("Adding the file…"),
            parent=self,
        )

    # --- closing --------------------------------------------------------------------------

    def reject(self) -> None:
        """Close; with unsaved changes only once the officer agrees to drop them."""
        if (
            self.dirty
            and self.is_editable()
            and not messages.confirm(
                self,
                self.tr("The changes since the last save will be lost."),
                self.tr("Close without saving?"),
                self.tr("Close without saving"),
                self.tr("Keep editing"),
            )
        ):
            return
        super().reject()

    def run(self) -> Application | None:
        """Show the form; the application as last saved, or ``None`` if never saved."""
        self.exec()
        return self.saved


def _by_field(key: str) -> str:
    """Breaches are keyed ``rule:field`` (several rules may name one field)."""
    return note_for(key.split(":", 1)[1])
