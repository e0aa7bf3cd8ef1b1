"""Register a customer, or open one, with the business he borrows for.

``CustomerEditDialog(ctx, parent, customer, businesses).run()`` shows the
form and returns the ``Customer`` as last saved, or ``None`` if nothing was
saved. Unlike the small dialogs, this one saves itself: what happens after
a save depends on its answer (switch to a customer already registered,
stay open after a refusal with every problem beside its input), which only
the form can show.

* The resident ID is read as it is typed: what can be understood already
  (how many digits are left, the birth date, the gender) shows under the
  field in grey; a mistake in red; a region code the known list lacks in
  amber. A new customer whose complete ID number is already registered is
  opened at once: the clerk is told, and edits the existing record instead
  of typing a twin.
* Saving checks the customer and the business together first (the domain's
  pure validators), so a refusal saves nothing; then it registers or
  updates the customer and saves the business.
* A stale copy (someone saved this customer since it was opened) is
  explained and the current copy loaded.

Threading: UI thread; every database call is one operation on the worker,
its inputs read from the widgets before it is submitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.operations import describe_error
from desktop.widgets.form_fields import (
    GROWS_FOR_NOTES,
    FieldNote,
    NoteBoard,
    Tone,
    choice_combo,
    noted,
    select_data,
)
from domain.customers import (
    EMPLOYEES_MAX,
    Business,
    BusinessDraft,
    Customer,
    CustomerDraft,
    CustomerExists,
    FormErrors,
    MaritalStatus,
    Premises,
    businesses_of,
    find_customer_by_id_number,
    get_customer,
    register_customer,
    save_business,
    update_customer,
    validate_business,
    validate_customer,
)
from domain.errors import ConcurrencyConflict, DomainError, ValidationError
from domain.identity import ID_LENGTH, parse_mobile, parse_resident_id, parse_uscc
from domain.text import compact_code

# A date edit cannot be empty: its minimum stands for "not filled in".
NO_DATE = QDate(1900, 1, 1)
LOOKUP_DELAY_MS = 300

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Saved:
    """What a save (or a lookup) brought back: the customer as stored, his
    businesses, and the domain's notice when an existing customer was opened."""

    customer: Customer
    businesses: list[Business]
    opened_existing: str | None = None


class BusinessNotSaved(Exception):
    """The customer was saved but his business was refused; carries both."""

    def __init__(self, customer: Customer, error: Exception):
        super().__init__(str(error))
        self.customer = customer
        self.error = error


def save_customer_and_business(
    uow_factory,
    actor,
    customer: Customer | None,
    draft: CustomerDraft,
    business: tuple[int | None, int, BusinessDraft] | None,
    today: date,
) -> Saved:
    """Worker thread: check both forms, then save the customer and his business.

    ``business`` is ``(business_id, version, draft)`` or ``None`` when the
    business part was left empty. A registered ID number comes back as a
    ``Saved`` with ``opened_existing`` set, and nothing saved.
    """
    _refuse_any_problem(customer, draft, business, today)
    try:
        if customer is None or customer.id is None:
            stored = register_customer(uow_factory(), actor, draft)
        else:
            stored = update_customer(
                uow_factory(), actor, customer.id, draft, version=customer.version
            )
    except CustomerExists as exists:
        known = exists.existing
        return Saved(known, businesses_of(uow_factory(), known.id), str(exists))
    if business is not None:
        business_id, version, business_draft = business
        try:
            save_business(
                uow_factory(),
                actor,
                stored.id,
                business_draft,
                business_id=business_id,
                version=version,
            )
        except DomainError as error:
            raise BusinessNotSaved(stored, error) from error
    return Saved(stored, businesses_of(uow_factory(), stored.id))


def _refuse_any_problem(customer, draft, business, today: date) -> None:
    """``FormErrors`` with the problems of both forms (business fields
    prefixed ``business.``), before anything is written."""
    problems: dict[str, str] = {}
    try:
        validate_customer(draft, today=today)
    except FormErrors as error:
        problems.update(error.problems)
    if business is not None:
        owner = customer.id if customer is not None and customer.id else 0
        try:
            validate_business(owner, business[2], today=today)
        except FormErrors as error:
            problems.update({f"business.{k}": v for k, v in error.problems.items()})
    if problems:
        raise FormErrors(problems)


def lookup_by_id_number(uow_factory, id_number: str) -> Saved | None:
    """Worker thread: the registered customer with this ID number, if any."""
    try:
        known = find_customer_by_id_number(uow_factory(), id_number)
    except ValidationError:
        return None
    if known is None:
        return None
    return Saved(known, businesses_of(uow_factory(), known.id))


def reload_customer(uow_factory, customer_id: int) -> Saved:
    """Worker thread: the customer and businesses as stored now."""
    return Saved(
        get_customer(uow_factory(), customer_id), businesses_of(uow_factory(), customer_id)
    )


class CustomerEditDialog(QDialog):
    def __init__(
        self,
        ctx,
        parent: QWidget | None = None,
        customer: Customer | None = None,
        businesses: list[Business] | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.customer: Customer | None = None
        self.businesses: list[Business] = []
        self.saved: Customer | None = None
        self.notes = NoteBoard()
        self._looked_up = ""
        self.setObjectName("customer_edit_dialog")
        self.setProperty(GROWS_FOR_NOTES, True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._lookup_timer = QTimer(self, singleShot=True, interval=LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self._look_up_id)
        self._build()
        self.load(customer, businesses or [])

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.error = messages.inline_label(self)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(self._customer_group(), 1)
        columns.addWidget(self._business_group(), 1)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        close = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(960)

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        field = QLineEdit(objectName=name)
        field.setPlaceholderText(placeholder)
        return field

    def _row(self, form: QFormLayout, label: str, field: QWidget, key: str) -> None:
        note = self.notes.add(key, FieldNote(key.replace(".", "_"), self))
        form.addRow(label, noted(field, note))

    def _form(self, group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setContentsMargins(14, 12, 14, 12)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _customer_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Customer"), objectName="customer_group")
        form = self._form(group)
        self.name = self._line("name")
        self.id_number = self._line("id_number", self.tr("18 digits; the last may be X"))
        self.id_number.textChanged.connect(self._id_typed)
        self.id_number.editingFinished.connect(lambda: self._tidy_id(self.id_number))
        self.phone = self._line("phone", self.tr("11-digit mobile number"))
        self.phone.editingFinished.connect(self._phone_done)
        self.address = self._line("address")
        self.marital = choice_combo(
            "marital_status", MaritalStatus, self.tr("Please choose"), parent=self
        )
        self.marital.currentIndexChanged.connect(lambda _i: self._marital_changed())
        self.spouse_name = self._line("spouse_name")
        self.spouse_id = self._line("spouse_id_number", self.tr("18 digits; the last may be X"))
        self.spouse_id.textChanged.connect(self._spouse_id_typed)
        self.spouse_id.editingFinished.connect(lambda: self._tidy_id(self.spouse_id))
        for label, field, key in (
            (self.tr("Name"), self.name, "name"),
            (self.tr("Resident ID"), self.id_number, "id_number"),
            (self.tr("Mobile phone"), self.phone, "phone"),
            (self.tr("Address"), self.address, "address"),
            (self.tr("Marital status"), self.marital, "marital_status"),
            (self.tr("Spouse's name"), self.spouse_name, "spouse_name"),
            (self.tr("Spouse's resident ID"), self.spouse_id, "spouse_id_number"),
        ):
            self._row(form, label, field, key)
        return group

    def _business_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Business"), objectName="business_group")
        form = self._form(group)
        self.business_choice = QComboBox(objectName="business_choice")
        self.business_choice.currentIndexChanged.connect(lambda _i: self._business_chosen())
        form.addRow(self.tr("Registered businesses"), self.business_choice)
        self.business_name = self._line("business_name")
        self.uscc = self._line("uscc", self.tr("Optional"))
        self.uscc.setToolTip(
            self.tr("Many individual businesses trade unregistered and have none.")
        )
        self.uscc.editingFinished.connect(self._uscc_done)
        self.industry = self._line("industry", self.tr("e.g. grocery retail"))
        self.since = QDateEdit(objectName="operating_since")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setMinimumDate(NO_DATE)
        self.since.setMaximumDate(QDate.currentDate())
        self.since.setSpecialValueText(self.tr("Not filled in"))
        self.premises = choice_combo("premises", Premises, self.tr("Please choose"), parent=self)
        self.employees = QSpinBox(objectName="employees")
        self.employees.setRange(0, EMPLOYEES_MAX)
        self.employees.setSuffix(self.tr(" people"))
        self.area = self._line("marketing_area", self.tr("The bank's marketing area, if any"))
        for label, field, key in (
            (self.tr("Business name"), self.business_name, "business.name"),
            (self.tr("Unified social credit code"), self.uscc, "business.uscc"),
            (self.tr("Industry"), self.industry, "business.industry"),
            (self.tr("Operating since"), self.since, "business.operating_since"),
            (self.tr("Premises"), self.premises, "business.premises"),
            (self.tr("Employees"), self.employees, "business.employees"),
            (self.tr("Marketing area"), self.area, "business.marketing_area"),
        ):
            self._row(form, label, field, key)
        return group

    # --- filling in -----------------------------------------------------------------------

    def load(self, customer: Customer | None, businesses: list[Business]) -> None:
        """Show ``customer`` (``None``: a new one) and his businesses."""
        self.customer = customer
        self.businesses = list(businesses)
        self.setWindowTitle(
            self.tr("New customer")
            if customer is None
            else self.tr("Customer {0}").format(customer.name)
        )
        draft = customer.draft() if customer is not None else CustomerDraft()
        self.name.setText(draft.name)
        self._looked_up = draft.id_number
        self.id_number.setText(draft.id_number)
        self.phone.setText(draft.phone)
        self.address.setText(draft.address)
        select_data(self.marital, draft.marital_status)
        self.spouse_name.setText(draft.spouse_name)
        self.spouse_id.setText(draft.spouse_id_number)
        self._fill_business_choice()
        self._marital_changed()
        self.notes.clear()
        messages.set_inline(self.error, "")

    def _fill_business_choice(self) -> None:
        self.business_choice.blockSignals(True)
        self.business_choice.clear()
        for business in self.businesses:
            self.business_choice.addItem(business.name, business.id)
        self.business_choice.addItem(self.tr("New business"), None)
        self.business_choice.setCurrentIndex(0)
        self.business_choice.blockSignals(False)
        self._business_chosen()

    def _business_chosen(self) -> None:
        business = self.chosen_business()
        draft = business.draft() if business is not None else BusinessDraft()
        self.business_name.setText(draft.name)
        self.uscc.setText(draft.uscc)
        self.industry.setText(draft.industry)
        since = draft.operating_since
        self.since.setDate(QDate(since.year, since.month, since.day) if since else NO_DATE)
        select_data(self.premises, draft.premises)
        self.employees.setValue(int(draft.employees or 0))
        self.area.setText(draft.marketing_area)

    def chosen_business(self) -> Business | None:
        business_id = self.business_choice.currentData()
        return next((b for b in self.businesses if b.id == business_id), None)

    # --- reading as typed -----------------------------------------------------------------

    def _id_typed(self, text: str) -> None:
        note = self.notes.notes["id_number"]
        message, tone = describe_id(text)
        note.say(message, tone)
        if self.customer is None and tone is not Tone.ERROR and _complete(text):
            self._lookup_timer.start()

    def _spouse_id_typed(self, text: str) -> None:
        message, tone = describe_id(text)
        self.notes.notes["spouse_id_number"].say(message, tone)

    @staticmethod
    def _tidy_id(field: QLineEdit) -> None:
        """Show a sound number in its one form (full-width digits, a small x gone)."""
        try:
            canonical = parse_resident_id(field.text()).number
        except ValidationError:
            return
        if canonical != field.text():
            field.setText(canonical)

    def _phone_done(self) -> None:
        self._check_now("phone", self.phone, parse_mobile)

    def _uscc_done(self) -> None:
        self._check_now("business.uscc", self.uscc, parse_uscc)

    def _check_now(self, key: str, field: QLineEdit, parse) -> None:
        note = self.notes.notes[key]
        if not field.text().strip():
            note.clear_note()
            return
        try:
            field.setText(parse(field.text()))
            note.clear_note()
        except ValidationError as error:
            note.say(str(error), Tone.ERROR)

    def _marital_changed(self) -> None:
        married = self.marital.currentData() == MaritalStatus.MARRIED.value
        for field in (self.spouse_name, self.spouse_id):
            field.setEnabled(married)

    def _look_up_id(self) -> None:
        """A new customer's complete ID number: is he registered already?"""
        number = compact_code(self.id_number.text())
        if self.customer is not None or number == self._looked_up:
            return
        self._looked_up = number
        uow = self.ctx.uow
        self.ctx.ops.run(
            lambda: lookup_by_id_number(uow, number),
            on_done=self._looked_up_id,
            on_error=lambda _error: None,  # only a convenience: saving checks again
            label=self.tr("Looking up the ID number…"),
            parent=self,
        )

    def _looked_up_id(self, found: Saved | None) -> None:
        if found is None or self.customer is not None:
            return
        notice = self.tr(
            "This ID number is already registered as customer {0}: it is opened for you."
        )
        self._open_existing(found, notice.format(found.customer.name))

    def _open_existing(self, found: Saved, notice: str) -> None:
        self.load(found.customer, found.businesses)
        messages.show_info(self, notice, self.tr("Customer already registered"))

    # --- saving ---------------------------------------------------------------------------

    def customer_draft(self) -> CustomerDraft:
        married = self.marital.currentData() == MaritalStatus.MARRIED.value
        return CustomerDraft(
            name=self.name.text(),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            marital_status=self.marital.currentData(),
            spouse_name=self.spouse_name.text() if married else "",
            spouse_id_number=self.spouse_id.text() if married else "",
        )

    def business_part(self) -> tuple[int | None, int, BusinessDraft] | None:
        """The business to save with its id and version, or ``None`` when the
        business part of a new record was left empty."""
        chosen = self.chosen_business()
        since = self.since.date()
        draft = BusinessDraft(
            name=self.business_name.text(),
            uscc=self.uscc.text(),
            industry=self.industry.text(),
            operating_since=None if since == NO_DATE else since.toPython(),
            premises=self.premises.currentData(),
            employees=self.employees.value(),
            marketing_area=self.area.text(),
        )
        if chosen is None and _business_empty(draft):
            return None
        return (None, 0, draft) if chosen is None else (chosen.id, chosen.version, draft)

    def save(self) -> None:
        """Check and save on the worker; the dialog closes once all is saved."""
        self.notes.clear()
        messages.set_inline(self.error, "")
        uow, actor, customer = self.ctx.uow, self.ctx.user, self.customer
        draft, business, today = self.customer_draft(), self.business_part(), date.today()
        self.save_button.setEnabled(False)
        self.ctx.ops.run(
            lambda: save_customer_and_business(uow, actor, customer, draft, business, today),
            on_done=self._saved,
            on_error=self._save_failed,
            label=self.tr("Saving…"),
            parent=self,
        )

    def _saved(self, result: Saved) -> None:
        self.save_button.setEnabled(True)
        if result.opened_existing:
            self._open_existing(result, result.opened_existing)
            return
        self.saved = result.customer
        self.load(result.customer, result.businesses)
        self.accept()

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, FormErrors):
            unplaced = self.notes.show(error.problems)
            messages.set_inline(
                self.error,
                "\n".join(unplaced)
                or self.tr("Nothing was saved: please correct the fields in red."),
            )
        elif isinstance(error, ConcurrencyConflict):
            self._conflict(error)
        elif isinstance(error, BusinessNotSaved):
            self._business_refused(error)
        else:
            messages.set_inline(self.error, describe_error(error))

    def _business_refused(self, error: BusinessNotSaved) -> None:
        # The customer is stored: from now on saving updates him.
        self.saved = self.customer = error.customer
        messages.set_inline(
            self.error,
            self.tr("The customer was saved, but not the business: {0}").format(
                describe_error(error.error)
            ),
        )

    def _conflict(self, error: ConcurrencyConflict) -> None:
        messages.show_error(
            self,
            self.tr(
                "Someone else changed this customer while you were editing. "
                "The current record is loaded; please make your change again.\n{0}"
            ).format(error),
            self.tr("Changed by someone else"),
        )
        if self.customer is None or self.customer.id is None:
            return
        uow, customer_id = self.ctx.uow, self.customer.id
        self.ctx.ops.run(
            lambda: reload_customer(uow, customer_id),
            on_done=lambda found: self.load(found.customer, found.businesses),
            label=self.tr("Loading…"),
            parent=self,
        )

    def run(self) -> Customer | None:
        """Show the form; the customer as last saved, or ``None`` if none was."""
        self.exec()
        return self.saved


# --- the resident ID as typed -------------------------------------------------------------


def _complete(text: str) -> bool:
    return len(compact_code(text)) == ID_LENGTH


def _business_empty(draft: BusinessDraft) -> bool:
    texts = (draft.name, draft.uscc, draft.industry, draft.marketing_area)
    return (
        not any(t.strip() for t in texts)
        and draft.operating_since is None
        and draft.premises is None
        and not draft.employees
    )


def describe_id(text: str, today: date | None = None) -> tuple[str, Tone]:
    """What can be understood of a resident ID number typed so far, and how
    to show it: the domain's message in red for a mistake, the region
    warning in amber, what is known (birth date, gender) in grey."""
    number = compact_code(text)
    if not number:
        return "", Tone.INFO
    if len(number) < ID_LENGTH and number.isdigit():
        return _partial_id(number)
    try:
        resident = parse_resident_id(text, today=today)
    except ValidationError as error:
        return str(error), Tone.ERROR
    male = resident.gender == "男"
    gender = (
        translate("CustomerEditDialog", "male")
        if male
        else translate("CustomerEditDialog", "female")
    )
    known = translate("CustomerEditDialog", "Born {0}, {1}, region code {2}").format(
        resident.birth_date.isoformat(), gender, resident.region_code
    )
    if resident.warnings:
        return f"{known}\n{'；'.join(resident.warnings)}", Tone.WARNING
    return known, Tone.OK


def _partial_id(number: str) -> tuple[str, Tone]:
    """A number still being typed: how far it is, and the birth date once its
    eight digits are in (a date that cannot be is a mistake already)."""
    typed = translate("CustomerEditDialog", "{0} of 18 digits typed").format(len(number))
    if len(number) < 14:
        return typed, Tone.INFO
    digits = number[6:14]
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        problem = translate(
            "CustomerEditDialog", "The birth date {0} is not a real date: check digits 7 to 14"
        )
        return problem.format(digits), Tone.ERROR
    born_text = translate("CustomerEditDialog", "born {0}").format(born.isoformat())
    return translate("CustomerEditDialog", "{0}, {1}").format(typed, born_text), Tone.INFO
