"""The analysis sheet (分析表) as a form: the officer types the figures he
verified on site and sees the totals, the cross-checks and the repayment
capacity change as he types.

Sections and their labels come from ``domain.analysis`` (``labels()``), so
the form shows exactly the items the printed sheet has. Every figure is
read the way clerks type amounts (``10万``, ``1,000.50``, full-width digits);
an item left empty counts as nothing (zero, or the domain's default). A
figure the domain refuses shows its reason under the input, in red, and the
section is left out of the totals until it is corrected.

The proposed instalment comes from the application's terms:
``set_terms`` builds the schedule (``build_schedule``) with the product's
quoted rate and takes ``representative_instalment`` of it; the repayment
capacity is judged against ``AnalysisPolicy``.

All arithmetic is the domain's and pure, so it runs on the UI thread on
every keystroke; nothing here touches the database. UI thread only.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.form_fields import FieldNote, NoteBoard, Tone, noted
from domain.analysis import (
    AnalysisPolicy,
    AnalysisSheet,
    BalanceSheet,
    EquityReconciliation,
    Household,
    MonthlyProfitAndLoss,
    SalesEvidence,
    representative_instalment,
)
from domain.errors import ValidationError
from domain.money import format_amount, parse_amount, parse_percent
from domain.schedule import RepaymentMethod, build_schedule
from domain.text import normalize_input

translate = QCoreApplication.translate
NOT_SHOWN = "—"

# The sections the officer fills in, in the order of the printed sheet.
SECTIONS: list[tuple[str, type, str]] = [
    ("balance_sheet", BalanceSheet, QT_TRANSLATE_NOOP("AnalysisForm", "Balance sheet")),
    (
        "profit_and_loss",
        MonthlyProfitAndLoss,
        QT_TRANSLATE_NOOP("AnalysisForm", "Monthly profit and loss"),
    ),
    ("household", Household, QT_TRANSLATE_NOOP("AnalysisForm", "Household income and spending")),
    ("equity", EquityReconciliation, QT_TRANSLATE_NOOP("AnalysisForm", "Equity cross-check")),
    ("sales_evidence", SalesEvidence, QT_TRANSLATE_NOOP("AnalysisForm", "Sales cross-check")),
]

# The figures shown as the officer types, in order.
RESULTS = [
    ("total_assets", QT_TRANSLATE_NOOP("AnalysisForm", "Total assets")),
    ("total_liabilities", QT_TRANSLATE_NOOP("AnalysisForm", "Total liabilities")),
    ("equity", QT_TRANSLATE_NOOP("AnalysisForm", "Owner's equity")),
    ("gross_profit", QT_TRANSLATE_NOOP("AnalysisForm", "Gross profit (month)")),
    ("net_profit", QT_TRANSLATE_NOOP("AnalysisForm", "Net operating profit (month)")),
    ("surplus", QT_TRANSLATE_NOOP("AnalysisForm", "Household surplus (month)")),
    ("instalment", QT_TRANSLATE_NOOP("AnalysisForm", "Proposed instalment")),
    ("ratio", QT_TRANSLATE_NOOP("AnalysisForm", "Instalment / surplus")),
]


# Items whose empty value means something particular, said in the input.
PLACEHOLDERS = {
    "profit_and_loss.cost_of_goods": QT_TRANSLATE_NOOP("AnalysisForm", "or the margin below"),
    "profit_and_loss.gross_margin_percent": QT_TRANSLATE_NOOP(
        "AnalysisForm", "%, or the cost above"
    ),
    "equity.initial_equity": QT_TRANSLATE_NOOP("AnalysisForm", "required"),
    "equity.months": QT_TRANSLATE_NOOP("AnalysisForm", "required, in months"),
    "equity.profit_over_period": QT_TRANSLATE_NOOP("AnalysisForm", "from the profit and loss"),
    "equity.actual_equity": QT_TRANSLATE_NOOP("AnalysisForm", "from the balance sheet"),
    "equity.average_disposable_income": QT_TRANSLATE_NOOP(
        "AnalysisForm", "from the household surplus"
    ),
}


@dataclass(frozen=True)
class Terms:
    """The application's terms the instalment is worked out from."""

    amount: Decimal
    months: int
    method: RepaymentMethod
    due_day: int | None
    annual_rate: Decimal
    start: date


def read_figure(text: str, kind: str, name: str, label: str) -> Any:
    """The value of one typed item (``None`` when left empty), or
    ``ValidationError`` naming ``name``. ``kind`` is the domain's kind of
    figure: amount, signed, margin, share or months."""
    plain = normalize_input(text)
    if not plain:
        return None
    if kind == "months":
        if not plain.isdigit():
            raise ValidationError(f"{label}请填写整数（月数）", name)
        return int(plain)
    if kind in ("margin", "share"):
        return parse_percent(plain, name, label=label)
    negative = plain.startswith(("-", "\u2212"))
    body = plain.lstrip("-\u2212").strip() if kind == "signed" and negative else plain
    if _is_zero(body):
        return Decimal("0.00")
    value = parse_amount(body, name, label=label)
    return -value if kind == "signed" and negative else value


def _is_zero(text: str) -> bool:
    figure = text.replace(",", "").removesuffix("元").strip()
    try:
        return Decimal(figure) == 0
    except InvalidOperation:
        return False


def _shown(value: Decimal, kind: str) -> str:
    """A stored figure as the form shows it."""
    if kind in ("amount", "signed"):
        return format_amount(value)
    return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)


class AnalysisForm(QWidget):
    """The sheet's inputs (scrolling, left) and its results (right, always in view).

    ``changed`` follows every edit by the officer (not a recomputation for new terms). ``sheet()`` is the sheet as it stands
    (sections with a refused figure left out), ``problems()`` the refused
    figures, ``to_dict()``/``load()`` the stored form.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, policy: AnalysisPolicy | None = None):
        super().__init__(parent)
        self.setObjectName("analysis_form")
        self.policy = policy or AnalysisPolicy()
        self.terms: Terms | None = None
        self.terms_note = ""
        self.inputs: dict[str, QLineEdit] = {}
        self.kinds: dict[str, tuple[str, Any, str]] = {}  # name → (kind, default, label)
        self.notes = NoteBoard()
        self._problems: dict[str, str] = {}
        self._build()
        self.recompute()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        sections = QWidget(objectName="analysis_sections")
        grid = QGridLayout(sections)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        for number, (section, cls, title) in enumerate(SECTIONS):
            grid.addWidget(self._section_box(section, cls, title), number // 2, number % 2)
        grid.setRowStretch(len(SECTIONS) // 2 + 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea(objectName="analysis_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(sections)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._results_panel())

    def _section_box(self, section: str, cls: type, title: str) -> QGroupBox:
        box = QGroupBox(translate("AnalysisForm", title), objectName=f"section_{section}")
        form = QFormLayout(box)
        form.setContentsMargins(12, 10, 12, 10)
        form.setVerticalSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = cls.labels()
        for spec in fields(cls):
            name = f"{section}.{spec.name}"
            kind = spec.metadata["kind"]
            default = None if spec.default is MISSING else spec.default
            self.kinds[name] = (kind, default, labels[spec.name])
            field = QLineEdit(objectName=name.replace(".", "__"))
            field.setPlaceholderText(self._placeholder(name, kind, default))
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.textChanged.connect(self._edited)
            field.editingFinished.connect(lambda name=name: self._tidy(name))
            self.inputs[name] = field
            note = self.notes.add(name, FieldNote(name.replace(".", "__"), self))
            form.addRow(labels[spec.name], noted(field, note))
        return box

    def _edited(self, _text: str = "") -> None:
        self.recompute()
        self.changed.emit()

    def _tidy(self, name: str) -> None:
        """Show a readable figure in its one form once typed (``2万`` → ``20,000.00``)."""
        kind, _default, label = self.kinds[name]
        field = self.inputs[name]
        try:
            value = read_figure(field.text(), kind, name, label)
        except ValidationError:
            return
        if value is not None and field.text() != _shown(value, kind):
            field.setText(_shown(value, kind))

    def _placeholder(self, name: str, kind: str, default: Any) -> str:
        if name in PLACEHOLDERS:
            return translate("AnalysisForm", PLACEHOLDERS[name])
        if kind in ("margin", "share"):
            shown = "" if default is None else f"{default.normalize():f}"
            return f"{shown} %".strip()
        if default is None:
            return self.tr("optional")
        return "0.00"

    def _results_panel(self) -> QWidget:
        panel = QGroupBox(self.tr("Results"), objectName="analysis_results")
        panel.setMinimumWidth(330)
        panel.setMaximumWidth(380)
        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.results: dict[str, QLabel] = {}
        for key, label in RESULTS:
            value = QLabel(NOT_SHOWN, objectName=f"result_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.results[key] = value
            form.addRow(translate("AnalysisForm", label), value)
        self.capacity = FieldNote("capacity", self)
        self.warnings = FieldNote("warnings", self)
        self.missing = FieldNote("completeness", self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(form)
        self.captions = {
            "warnings": QLabel(self.tr("Warnings")),
            "completeness": QLabel(self.tr("Still missing before submission")),
        }
        layout.addWidget(self.capacity)
        for key, label in (("warnings", self.warnings), ("completeness", self.missing)):
            self.captions[key].setStyleSheet("font-weight: bold;")
            layout.addWidget(self.captions[key])
            layout.addWidget(label)
        layout.addStretch(1)
        return panel

    # --- reading --------------------------------------------------------------------------

    def _section(self, section: str, cls: type) -> Any:
        """The section as typed, ``None`` if empty or refused (the reason noted)."""
        values, required = {}, []
        for spec in fields(cls):
            name = f"{section}.{spec.name}"
            kind, _default, label = self.kinds[name]
            try:
                value = read_figure(self.inputs[name].text(), kind, name, label)
            except ValidationError as error:
                self._problems[name] = str(error)
                continue
            if value is not None:
                values[spec.name] = value
            elif spec.default is MISSING:
                required.append((name, label))
        if not values and not any(n.startswith(f"{section}.") for n in self._problems):
            return None
        for name, label in required:
            self._problems.setdefault(name, f"请填写{label}")
        if any(n.startswith(f"{section}.") for n in self._problems):
            return None
        try:
            return cls(**values)
        except ValidationError as error:
            self._problems[error.field or f"{section}"] = str(error)
            return None

    def sheet(self) -> AnalysisSheet:
        """The sheet as it stands; refused sections are left out (see ``problems``)."""
        self._problems = {}
        sections = {name: self._section(name, cls) for name, cls, _title in SECTIONS}
        return AnalysisSheet(**sections, proposed_instalment=self.instalment())

    def problems(self) -> dict[str, str]:
        """Refused figures by item name (``balance_sheet.cash``), as last computed."""
        return dict(self._problems)

    def is_empty(self) -> bool:
        return not any(field.text().strip() for field in self.inputs.values())

    def to_dict(self) -> dict[str, Any] | None:
        """The sheet for ``ApplicationDraft.analysis``; ``None`` when nothing is filled in."""
        if self.is_empty():
            return None
        return self.sheet().to_dict()

    # --- terms and instalment -------------------------------------------------------------

    def set_terms(self, terms: Terms | None, why_not: str = "") -> None:
        """The application's terms changed (``None``: not enough to build a
        schedule; ``why_not`` says what is missing)."""
        self.terms = terms
        self.terms_note = why_not
        self.recompute()

    def instalment(self) -> Decimal | None:
        """The largest regular payment of the proposed schedule, or ``None``."""
        terms = self.terms
        if terms is None:
            return None
        if terms.method is RepaymentMethod.CASH_FLOW:
            self.terms_note = self.tr("A cash-flow plan sets its own instalments.")
            return None
        try:
            schedule = build_schedule(
                terms.amount,
                terms.annual_rate,
                terms.months,
                terms.start,
                terms.method,
                due_day=terms.due_day,
            )
        except ValidationError as error:
            self.terms_note = str(error)
            return None
        return representative_instalment(schedule)

    # --- showing --------------------------------------------------------------------------

    def load(self, data: dict[str, Any] | None) -> None:
        """Fill the form from a stored sheet (``to_dict`` output) or clear it."""
        sheet = AnalysisSheet.from_dict(data) if data else AnalysisSheet()
        values: dict[str, Any] = {}
        for section, _cls, _title in SECTIONS:
            part = getattr(sheet, section)
            for spec in fields(part) if part is not None else ():
                values[f"{section}.{spec.name}"] = getattr(part, spec.name)
        for name, field in self.inputs.items():
            kind, default, _label = self.kinds[name]
            value = values.get(name)
            blank = value is None or (default is not None and value == default)
            field.blockSignals(True)
            field.setText("" if blank else _shown(value, kind))
            field.blockSignals(False)
        self.recompute()

    def recompute(self) -> None:
        """Totals, cross-checks and capacity for the figures as they stand."""
        sheet = self.sheet()
        self.notes.clear()
        self.notes.show(self._problems)
        self._show_results(sheet)
        self._show_lists(sheet)

    def _show_results(self, sheet: AnalysisSheet) -> None:
        bs, pnl = sheet.balance_sheet, sheet.profit_and_loss
        capacity = sheet.capacity(self.policy)
        figures = {
            "total_assets": bs and bs.total_assets,
            "total_liabilities": bs and bs.total_liabilities,
            "equity": bs and bs.equity,
            "gross_profit": pnl and pnl.gross_profit,
            "net_profit": sheet.net_operating_profit,
            "surplus": sheet.monthly_surplus,
            "instalment": sheet.proposed_instalment,
        }
        for key, value in figures.items():
            shown = NOT_SHOWN if value is None else self.tr("{0} yuan").format(format_amount(value))
            self.results[key].setText(shown)
            negative = value is not None and value < 0
            self.results[key].setStyleSheet("color: #b3261e;" if negative else "")
        ratio = capacity.ratio_percent if capacity is not None else None
        self.results["ratio"].setText(NOT_SHOWN if ratio is None else f"{ratio:.2f}%")
        if capacity is not None:
            self.capacity.say(capacity.message, Tone.OK if capacity.acceptable else Tone.ERROR)
        else:
            self.capacity.say(self.terms_note, Tone.INFO)

    def _show_lists(self, sheet: AnalysisSheet) -> None:
        capacity = sheet.capacity(self.policy)
        # The capacity verdict has its own line above; not twice.
        warnings = [w for w in sheet.warnings(self.policy) if not capacity or w != capacity.message]
        for key, label, lines, tone in (
            ("warnings", self.warnings, warnings, Tone.WARNING),
            ("completeness", self.missing, sheet.completeness_problems(), Tone.INFO),
        ):
            label.say("\n".join(f"• {line}" for line in lines), tone)
            self.captions[key].setVisible(bool(lines))
