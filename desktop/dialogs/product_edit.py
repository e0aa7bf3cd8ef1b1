"""Add a loan product or edit one (administrators).

``ProductEditDialog(parent, product=None).get_values()`` returns the
``Product`` as filled in, or ``None`` if cancelled. Every setting of the
product is on the form; amounts are typed as people type them ("10万",
"1,000.50"), uplifts and the loan-to-value ceiling are percentages. Before
the dialog closes, ``domain.products.product_problems`` checks the whole
product and each problem is shown in red beside its own field; once a
problem has been shown the form is checked again as the administrator types,
so a message goes away as soon as it is fixed.

The products view saves the result on the worker. When saving fails it
calls ``show_error`` (with the ``field`` of a ``ValidationError``) and
``get_values`` again on the same dialog, so what was typed is still there.

Also here: the names of guarantee types, repayment methods and risk grades
as the desktop shows them (the domain's labels are Chinese only).

UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from domain.errors import ValidationError
from domain.money import format_amount, parse_amount
from domain.pricing import RiskGrade
from domain.products import GroupSize, GuaranteeType, Product, RuleBreach, product_problems
from domain.schedule import RepaymentMethod

translate = QCoreApplication.translate

# --- names as the desktop shows them ----------------------------------------------

_GUARANTEE_NAMES = {
    GuaranteeType.NATURAL_PERSON: QT_TRANSLATE_NOOP("CatalogueNames", "Natural-person guarantee"),
    GuaranteeType.GUARANTEE_COMPANY: QT_TRANSLATE_NOOP("CatalogueNames", "Guarantee company"),
    GuaranteeType.JOINT_GROUP: QT_TRANSLATE_NOOP("CatalogueNames", "Joint-guarantee group"),
    GuaranteeType.COLLATERAL: QT_TRANSLATE_NOOP("CatalogueNames", "Collateral"),
    GuaranteeType.CREDIT: QT_TRANSLATE_NOOP("CatalogueNames", "Credit (unsecured)"),
}

_METHOD_NAMES = {
    RepaymentMethod.EQUAL_INSTALLMENT: QT_TRANSLATE_NOOP("CatalogueNames", "Equal instalments"),
    RepaymentMethod.EQUAL_PRINCIPAL: QT_TRANSLATE_NOOP("CatalogueNames", "Equal principal"),
    RepaymentMethod.INTEREST_MONTHLY: QT_TRANSLATE_NOOP(
        "CatalogueNames", "Interest monthly, principal at maturity"
    ),
    RepaymentMethod.INTEREST_QUARTERLY: QT_TRANSLATE_NOOP(
        "CatalogueNames", "Interest quarterly, principal at maturity"
    ),
    RepaymentMethod.CASH_FLOW: QT_TRANSLATE_NOOP("CatalogueNames", "Principal by agreed cash flow"),
}

# Lists with several methods in one table cell need the short forms.
_METHOD_SHORT_NAMES = {
    RepaymentMethod.EQUAL_INSTALLMENT: QT_TRANSLATE_NOOP("CatalogueNames", "Equal instalments"),
    RepaymentMethod.EQUAL_PRINCIPAL: QT_TRANSLATE_NOOP("CatalogueNames", "Equal principal"),
    RepaymentMethod.INTEREST_MONTHLY: QT_TRANSLATE_NOOP("CatalogueNames", "Monthly interest"),
    RepaymentMethod.INTEREST_QUARTERLY: QT_TRANSLATE_NOOP("CatalogueNames", "Quarterly interest"),
    RepaymentMethod.CASH_FLOW: QT_TRANSLATE_NOOP("CatalogueNames", "Cash flow"),
}

_GRADE_NAMES = {
    RiskGrade.A: QT_TRANSLATE_NOOP("CatalogueNames", "A (excellent)"),
    RiskGrade.B: QT_TRANSLATE_NOOP("CatalogueNames", "B (good)"),
    RiskGrade.C: QT_TRANSLATE_NOOP("CatalogueNames", "C (fair)"),
    RiskGrade.D: QT_TRANSLATE_NOOP("CatalogueNames", "D (poor)"),
}


def guarantee_name(guarantee: GuaranteeType) -> str:
    """The guarantee type in the UI language (the Chinese equals ``.label``)."""
    return translate("CatalogueNames", _GUARANTEE_NAMES[GuaranteeType(guarantee)])


def method_name(method: RepaymentMethod, *, short: bool = False) -> str:
    """The repayment method in the UI language; ``short`` for lists in a table cell."""
    names = _METHOD_SHORT_NAMES if short else _METHOD_NAMES
    return translate("CatalogueNames", names[RepaymentMethod(method)])


def grade_name(grade: RiskGrade) -> str:
    """The risk grade with its meaning, e.g. "A（优）"."""
    return translate("CatalogueNames", _GRADE_NAMES[RiskGrade(grade)])


def list_names(members: Iterable, enum: type, name: Callable[[Any], str]) -> str:
    """``name`` of each of ``members`` in ``enum``'s declaration order, joined
    for one table cell, so a list always reads the same way."""
    chosen = set(members)
    separator = translate("CatalogueNames", ", ")
    return separator.join(name(m) for m in enum if m in chosen)


def percent_text(ratio: Decimal | None) -> str:
    """A stored ratio as the percentage a person reads: ``0.5`` → ``50.00%``."""
    if ratio is None:
        return "—"
    return f"{(ratio * 100).quantize(Decimal('0.01'))}%"


# --- the dialog ------------------------------------------------------------------------

# Which message label each field of the domain's problems belongs to; several
# fields share a row (a range), the rest go to the message under the form.
_FIELD_ROWS = {
    "code": "code",
    "name": "name",
    "min_amount": "amount",
    "max_amount": "amount",
    "min_months": "term",
    "max_months": "term",
    "guarantee_types": "guarantees",
    "repayment_methods": "methods",
    "min_months_in_business": "business",
    "higher_amount_threshold": "threshold",
    "min_months_in_business_above_threshold": "threshold",
    "penalty_uplift": "penalty",
    "misuse_penalty_uplift": "misuse",
    "max_loan_to_value": "ltv",
    "group_size": "group",
}

_HOUSEHOLD_RANGE = (0, 99)
_MONTH_RANGE = (0, 360)


class ProductEditDialog(QDialog):
    """The product form. ``original`` is the product being edited (``None`` when adding);
    its ``version`` travels with the result so a stale save is refused."""

    def __init__(self, parent: QWidget | None = None, product: Product | None = None):
        super().__init__(parent)
        self.original = product
        self.values: Product | None = None
        self._checking = False  # after a refused submit: check again on every change
        self.setObjectName("product_edit_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Add product") if product is None else self.tr("Edit product"))
        self._row_errors: dict[str, QLabel] = {}
        self._build()
        self._load(product or _new_product())
        self._connect_changes()
        self._update_enabled()

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.error = messages.inline_label(self)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        for box in (self._identity_box(), self._range_box(), self._business_box()):
            left.addWidget(box)
        left.addWidget(self._penalty_box())
        left.addStretch(1)
        for box in (self._guarantee_box(), self._method_box(), self._collateral_box()):
            right.addWidget(box)
        right.addWidget(self._group_box())
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("save")
        ok.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(860)

    def _identity_box(self) -> QGroupBox:
        self.code = QLineEdit(objectName="code")
        self.code.setPlaceholderText(self.tr("lower-case letters, digits and hyphens"))
        # The code is the product's key on contracts and in the CLI: it never changes.
        self.code.setReadOnly(self.original is not None)
        self.name = QLineEdit(objectName="name")
        self.active = QCheckBox(self.tr("On sale (new applications accepted)"), objectName="active")
        form = self._form(self.tr("Product"))
        form.addRow(self.tr("Code"), self._cell("code", self.code))
        form.addRow(self.tr("Name"), self._cell("name", self.name))
        form.addRow("", self.active)
        return form.parentWidget()

    def _range_box(self) -> QGroupBox:
        self.min_amount = _amount_edit("min_amount")
        self.max_amount = _amount_edit("max_amount")
        self.min_months = _spin("min_months", *_MONTH_RANGE)
        self.max_months = _spin("max_months", *_MONTH_RANGE)
        form = self._form(self.tr("Amount and term"))
        form.addRow(
            self.tr("Amount (yuan)"), self._range_cell("amount", self.min_amount, self.max_amount)
        )
        form.addRow(
            self.tr("Term (months)"), self._range_cell("term", self.min_months, self.max_months)
        )
        return form.parentWidget()

    def _business_box(self) -> QGroupBox:
        self.min_months_in_business = _spin("min_months_in_business", *_MONTH_RANGE)
        self.higher_amount_threshold = _amount_edit("higher_amount_threshold")
        self.higher_amount_threshold.setPlaceholderText(self.tr("empty: no stricter rule"))
        self.months_above_threshold = _spin("min_months_in_business_above_threshold", *_MONTH_RANGE)
        form = self._form(self.tr("Time in business"))
        form.addRow(
            self.tr("At least (months)"),
            self._cell("business", self.min_months_in_business),
        )
        form.addRow(
            self.tr("For amounts above (yuan)"),
            self._cell("threshold", self.higher_amount_threshold),
        )
        form.addRow(self.tr("above it, at least (months)"), self.months_above_threshold)
        return form.parentWidget()

    def _penalty_box(self) -> QGroupBox:
        # Spin boxes with two decimals: a percentage with two decimals is a
        # ratio with four, exactly what the catalogue keeps. The range is wide
        # so the domain, not the widget, says what is allowed and by how much.
        self.penalty_uplift = _percent_spin("penalty_uplift", 999.99)
        self.misuse_penalty_uplift = _percent_spin("misuse_penalty_uplift", 999.99)
        form = self._form(self.tr("Penalty interest uplift"))
        form.addRow(self.tr("Overdue principal"), self._cell("penalty", self.penalty_uplift))
        form.addRow(self.tr("Funds misused"), self._cell("misuse", self.misuse_penalty_uplift))
        return form.parentWidget()

    def _guarantee_box(self) -> QGroupBox:
        self.guarantee_boxes = {
            g: QCheckBox(guarantee_name(g), objectName=f"guarantee_{g.value}")
            for g in GuaranteeType
        }
        return self._checkbox_box(
            self.tr("Guarantee types accepted"), "guarantees", self.guarantee_boxes, columns=2
        )

    def _method_box(self) -> QGroupBox:
        self.method_boxes = {
            m: QCheckBox(method_name(m), objectName=f"method_{m.value}") for m in RepaymentMethod
        }
        return self._checkbox_box(
            self.tr("Repayment methods offered"), "methods", self.method_boxes, columns=1
        )

    def _collateral_box(self) -> QGroupBox:
        self.requires_collateral = QCheckBox(
            self.tr("Collateral required"), objectName="requires_collateral"
        )
        self.max_loan_to_value = _percent_spin("max_loan_to_value", 100.0)
        # 0 reads as "not set": a ceiling of 0% would lend nothing anyway.
        self.max_loan_to_value.setSpecialValueText(self.tr("not set"))
        form = self._form(self.tr("Collateral"))
        form.addRow("", self.requires_collateral)
        form.addRow(self.tr("Loan-to-value at most"), self._cell("ltv", self.max_loan_to_value))
        return form.parentWidget()

    def _group_box(self) -> QGroupBox:
        self.group_min = _spin("group_min", *_HOUSEHOLD_RANGE)
        self.group_max = _spin("group_max", *_HOUSEHOLD_RANGE)
        form = self._form(self.tr("Joint-guarantee group"))
        form.addRow(
            self.tr("Households"), self._range_cell("group", self.group_min, self.group_max)
        )
        return form.parentWidget()

    def _form(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setContentsMargins(12, 10, 12, 10)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _checkbox_box(self, title: str, row: str, boxes: dict, columns: int) -> QGroupBox:
        group = QGroupBox(title, self)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(boxes.values()):
            grid.addWidget(box, i // columns, i % columns)
        layout = QVBoxLayout(group)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(grid)
        layout.addWidget(self._error_label(row))
        return group

    def _cell(self, row: str, widget: QWidget) -> QWidget:
        """The input with its own message label under it."""
        cell = QWidget(self)
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(row))
        return cell

    def _range_cell(self, row: str, low: QWidget, high: QWidget) -> QWidget:
        """ "from … to …" on one line, one message label under both."""
        line = QWidget(self)
        pair = QHBoxLayout(line)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.addWidget(low, 1)
        pair.addWidget(QLabel(self.tr("to")))
        pair.addWidget(high, 1)
        return self._cell(row, line)

    def _error_label(self, row: str) -> QLabel:
        label = messages.inline_label(self, f"{row}_error")
        self._row_errors[row] = label
        return label

    # --- reading and writing the form ----------------------------------------------------

    def _load(self, product: Product) -> None:
        self.code.setText(product.code)
        self.name.setText(product.name)
        self.active.setChecked(product.active)
        self.min_amount.setText(_amount_text(product.min_amount))
        self.max_amount.setText(_amount_text(product.max_amount))
        self.min_months.setValue(product.min_months)
        self.max_months.setValue(product.max_months)
        for guarantee, box in self.guarantee_boxes.items():
            box.setChecked(guarantee in product.guarantee_types)
        for method, box in self.method_boxes.items():
            box.setChecked(method in product.repayment_methods)
        self.min_months_in_business.setValue(product.min_months_in_business)
        self.higher_amount_threshold.setText(_amount_text(product.higher_amount_threshold))
        self.months_above_threshold.setValue(product.min_months_in_business_above_threshold)
        self.penalty_uplift.setValue(float(product.penalty_uplift * 100))
        self.misuse_penalty_uplift.setValue(float(product.misuse_penalty_uplift * 100))
        self.requires_collateral.setChecked(product.requires_collateral)
        ltv = product.max_loan_to_value
        self.max_loan_to_value.setValue(float(ltv * 100) if ltv is not None else 0.0)
        size = product.group_size or GroupSize(3, 5)
        self.group_min.setValue(size.minimum)
        self.group_max.setValue(size.maximum)

    def product_from_form(self) -> Product:
        """The product as typed. Raises ``ValidationError`` (``.field`` set) for an
        amount that cannot be read; the product's rules are checked separately."""
        guarantees = frozenset(g for g, box in self.guarantee_boxes.items() if box.isChecked())
        threshold_text = self.higher_amount_threshold.text().strip()
        return Product(
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            min_amount=parse_amount(self.min_amount.text(), "min_amount", label="金额下限"),
            max_amount=parse_amount(self.max_amount.text(), "max_amount", label="金额上限"),
            min_months=self.min_months.value(),
            max_months=self.max_months.value(),
            guarantee_types=guarantees,
            repayment_methods=frozenset(
                m for m, box in self.method_boxes.items() if box.isChecked()
            ),
            min_months_in_business=self.min_months_in_business.value(),
            higher_amount_threshold=(
                parse_amount(threshold_text, "higher_amount_threshold", label="加严起点金额")
                if threshold_text
                else None
            ),
            min_months_in_business_above_threshold=self.months_above_threshold.value(),
            penalty_uplift=_ratio(self.penalty_uplift),
            misuse_penalty_uplift=_ratio(self.misuse_penalty_uplift),
            requires_collateral=self.requires_collateral.isChecked(),
            max_loan_to_value=self._loan_to_value(),
            group_size=(
                GroupSize(self.group_min.value(), self.group_max.value())
                if GuaranteeType.JOINT_GROUP in guarantees
                else None
            ),
            active=self.active.isChecked(),
            version=self.original.version if self.original is not None else 0,
        )

    def _loan_to_value(self) -> Decimal | None:
        """The ceiling as a ratio; ``None`` when not set or the product takes no collateral."""
        if not self._takes_collateral() or self.max_loan_to_value.value() == 0:
            return None
        return _ratio(self.max_loan_to_value)

    def _takes_collateral(self) -> bool:
        return (
            self.requires_collateral.isChecked()
            or self.guarantee_boxes[GuaranteeType.COLLATERAL].isChecked()
        )

    # --- checking -------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        for edit in (self.code, self.name, self.min_amount, self.max_amount):
            edit.textChanged.connect(self._changed)
        self.higher_amount_threshold.textChanged.connect(self._changed)
        for spin in (
            self.min_months,
            self.max_months,
            self.min_months_in_business,
            self.months_above_threshold,
            self.penalty_uplift,
            self.misuse_penalty_uplift,
            self.max_loan_to_value,
            self.group_min,
            self.group_max,
        ):
            spin.valueChanged.connect(self._changed)
        for box in (
            *self.guarantee_boxes.values(),
            *self.method_boxes.values(),
            self.requires_collateral,
            self.active,
        ):
            box.toggled.connect(self._changed)

    def _changed(self, *_args) -> None:
        self._update_enabled()
        if self._checking:
            self.check()

    def _update_enabled(self) -> None:
        """Settings that do not apply to this product are greyed out (and not saved)."""
        self.max_loan_to_value.setEnabled(self._takes_collateral())
        joint = self.guarantee_boxes[GuaranteeType.JOINT_GROUP].isChecked()
        self.group_min.setEnabled(joint)
        self.group_max.setEnabled(joint)
        self.months_above_threshold.setEnabled(bool(self.higher_amount_threshold.text().strip()))

    def check(self) -> Product | None:
        """Show every problem of the form beside its field; the product if there are none."""
        self._clear_errors()
        try:
            product = self.product_from_form()
        except ValidationError as error:
            self.show_error(str(error), error.field)
            return None
        problems = product_problems(product)
        self.show_problems(problems)
        return None if problems else product

    def show_problems(self, problems: list[RuleBreach]) -> None:
        for problem in problems:
            self._append(problem.field, problem.message)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every wrapped message: a window's own size ignores the
        extra lines of word-wrapped labels, which would then be clipped."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def show_error(self, text: str, field: str | None = None) -> None:
        """Show why saving failed, beside ``field`` when there is one; the fields
        keep their content."""
        self._append(field, text)
        self._fit_height()

    def _append(self, field: str | None, text: str) -> None:
        row = _FIELD_ROWS.get(field or "")
        label = self._row_errors[row] if row else self.error
        shown = "" if label.isHidden() else label.text()
        messages.set_inline(label, f"{shown}\n{text}" if shown else text)

    def _clear_errors(self) -> None:
        for label in (*self._row_errors.values(), self.error):
            messages.set_inline(label, "")

    # --- the one method callers use ---------------------------------------------------------

    def get_values(self) -> Product | None:
        """The product as filled in, or ``None`` if cancelled."""
        self.values = None
        return self.values if self.exec() == QDialog.DialogCode.Accepted else None

    def submit(self) -> None:
        product = self.check()
        if product is None:
            self._checking = True
            return
        self.values = product
        self.accept()


# --- small helpers -------------------------------------------------------------------------


def _new_product() -> Product:
    """What the form shows for a new product: the micro-loan defaults, nothing chosen."""
    return Product(
        code="",
        name="",
        min_amount=Decimal("5000.00"),
        max_amount=Decimal("500000.00"),
        min_months=3,
        max_months=24,
        guarantee_types=frozenset(),
        repayment_methods=frozenset(),
    )


def _amount_edit(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setPlaceholderText(translate("ProductEditDialog", "e.g. 500000 or 50万"))
    return edit


def _amount_text(amount: Decimal | None) -> str:
    return format_amount(amount) if amount is not None else ""


def _spin(name: str, low: int, high: int) -> QSpinBox:
    spin = QSpinBox(objectName=name)
    spin.setRange(low, high)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    return spin


def _percent_spin(name: str, high: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(objectName=name)
    spin.setDecimals(2)
    spin.setRange(0.0, high)
    spin.setSuffix("%")
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    return spin


def _ratio(spin: QDoubleSpinBox) -> Decimal:
    """The percentage in the spin box as a stored ratio, exact: 50.00% → 0.5000."""
    return Decimal(f"{spin.value():.2f}") / 100
