"""What the intake forms and lists share: a note under each input, choice
names, combos, the look of a result table.

``FieldNote`` is the line under an input that says what the form understood
(grey), what to check (amber) or what is wrong (red). ``NoteBoard`` maps the
field names the domain uses in ``FormErrors.problems`` and ``RuleBreach.field``
to those notes, so a refusal lands beside the inputs it concerns.

Choice names: the domain's enums carry Chinese labels; the desktop shows
them through ``tr`` (English source texts, Chinese translations equal to
the domain labels) so the English interface reads English too.

UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum, StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from domain.applications import ApplicationState, CollateralKind
from domain.customers import MaritalStatus, Premises
from domain.products import GuaranteeType
from domain.schedule import RepaymentMethod

WARNING_COLOUR = "#8a5a00"  # amber dark enough to read on white
INFO_COLOUR = "#5f6368"


class Tone(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OK = "ok"


_TONE_COLOURS = {
    Tone.ERROR: messages.ERROR_COLOUR,
    Tone.WARNING: WARNING_COLOUR,
    Tone.INFO: INFO_COLOUR,
    Tone.OK: messages.SUCCESS_COLOUR,
}


class FieldNote(QLabel):
    """The note under one input; hidden while it has nothing to say."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{name}_note")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.tone = Tone.INFO
        self.setVisible(False)

    def say(self, text: str, tone: Tone = Tone.INFO) -> None:
        self.tone = Tone(tone)
        self.setStyleSheet(f"color: {_TONE_COLOURS[self.tone]};")
        self.setText(text)
        self.setVisible(bool(text))
        # A dialog does not grow by itself for a wrapped label's extra lines:
        # without this a long message would be cut off after a line or two.
        QTimer.singleShot(0, self, lambda: fit_dialog(self))

    def clear_note(self) -> None:
        self.say("")


GROWS_FOR_NOTES = "growsForNotes"


def fit_dialog(widget: QWidget) -> None:
    """Make the dialog holding ``widget`` tall enough for its content, if the
    dialog asked for it (``setProperty(GROWS_FOR_NOTES, True)``): forms
    without a scroll area, whose notes would otherwise be cut off."""
    window = widget.window()
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None or not window.property(GROWS_FOR_NOTES):
        return
    layout.activate()
    width = window.width()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(width)
    else:
        needed = layout.totalSizeHint().height()
    screen = window.screen().availableGeometry().height() if window.screen() else needed
    if needed > window.height():
        window.resize(width, min(needed, screen))


def noted(field: QWidget, note: FieldNote) -> QWidget:
    """``field`` with ``note`` under it, as one cell of a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(note)
    return box


class NoteBoard:
    """The notes of one form by field name (``name``, ``business.uscc``…)."""

    def __init__(self) -> None:
        self.notes: dict[str, FieldNote] = {}

    def add(self, field: str, note: FieldNote) -> FieldNote:
        self.notes[field] = note
        return note

    def clear(self, tones: Iterable[Tone] = (Tone.ERROR,)) -> None:
        wanted = set(tones)
        for note in self.notes.values():
            if note.tone in wanted:
                note.clear_note()

    def show(self, problems: dict[str, str], alias: Callable[[str], str] = str) -> list[str]:
        """Put each problem under its field (``alias`` maps the domain's name
        to the note's, e.g. every ``guarantors.<n>.<field>`` to ``guarantors``);
        return the messages that have no field on this form."""
        unplaced = []
        for field, message in problems.items():
            note = self.notes.get(alias(field))
            if note is None:
                unplaced.append(message)
            elif note.tone is Tone.ERROR and note.text():
                note.say(f"{note.text()}\n{message}", Tone.ERROR)
            else:
                note.say(message, Tone.ERROR)
        return unplaced


# --- choice names -------------------------------------------------------------------------

_NAMES: dict[Enum, str] = {
    MaritalStatus.SINGLE: QT_TRANSLATE_NOOP("Choices", "Single"),
    MaritalStatus.MARRIED: QT_TRANSLATE_NOOP("Choices", "Married"),
    MaritalStatus.DIVORCED: QT_TRANSLATE_NOOP("Choices", "Divorced"),
    MaritalStatus.WIDOWED: QT_TRANSLATE_NOOP("Choices", "Widowed"),
    Premises.OWNED: QT_TRANSLATE_NOOP("Choices", "Owned"),
    Premises.RENTED: QT_TRANSLATE_NOOP("Choices", "Rented"),
    RepaymentMethod.EQUAL_INSTALLMENT: QT_TRANSLATE_NOOP("Choices", "Equal instalments"),
    RepaymentMethod.EQUAL_PRINCIPAL: QT_TRANSLATE_NOOP("Choices", "Equal principal"),
    RepaymentMethod.INTEREST_MONTHLY: QT_TRANSLATE_NOOP(
        "Choices", "Interest monthly, principal at maturity"
    ),
    RepaymentMethod.INTEREST_QUARTERLY: QT_TRANSLATE_NOOP(
        "Choices", "Interest quarterly, principal at maturity"
    ),
    RepaymentMethod.CASH_FLOW: QT_TRANSLATE_NOOP("Choices", "Principal by agreed cash flow"),
    GuaranteeType.NATURAL_PERSON: QT_TRANSLATE_NOOP("Choices", "Personal guarantee"),
    GuaranteeType.GUARANTEE_COMPANY: QT_TRANSLATE_NOOP("Choices", "Guarantee company"),
    GuaranteeType.JOINT_GROUP: QT_TRANSLATE_NOOP("Choices", "Joint-guarantee group"),
    GuaranteeType.COLLATERAL: QT_TRANSLATE_NOOP("Choices", "Collateral"),
    GuaranteeType.CREDIT: QT_TRANSLATE_NOOP("Choices", "Credit (unsecured)"),
    CollateralKind.HOUSE: QT_TRANSLATE_NOOP("Choices", "House"),
    CollateralKind.LAND: QT_TRANSLATE_NOOP("Choices", "Land-use right"),
    CollateralKind.VEHICLE: QT_TRANSLATE_NOOP("Choices", "Vehicle"),
    CollateralKind.EQUIPMENT: QT_TRANSLATE_NOOP("Choices", "Machinery and equipment"),
    CollateralKind.DEPOSIT: QT_TRANSLATE_NOOP("Choices", "Certificate of deposit"),
    CollateralKind.OTHER: QT_TRANSLATE_NOOP("Choices", "Other"),
    ApplicationState.DRAFT: QT_TRANSLATE_NOOP("Choices", "Draft"),
    ApplicationState.SUBMITTED: QT_TRANSLATE_NOOP("Choices", "Submitted"),
    ApplicationState.ESCALATED: QT_TRANSLATE_NOOP("Choices", "Escalated to head office"),
    ApplicationState.APPROVED: QT_TRANSLATE_NOOP("Choices", "Approved"),
    ApplicationState.SIGNING: QT_TRANSLATE_NOOP("Choices", "Signing"),
    ApplicationState.SIGNED: QT_TRANSLATE_NOOP("Choices", "Signed"),
    ApplicationState.SIGNED_OFF: QT_TRANSLATE_NOOP("Choices", "Signed off by supervisor"),
    ApplicationState.DISBURSED: QT_TRANSLATE_NOOP("Choices", "Disbursed"),
    ApplicationState.REJECTED: QT_TRANSLATE_NOOP("Choices", "Rejected"),
    ApplicationState.RETURNED: QT_TRANSLATE_NOOP("Choices", "Returned for more information"),
    ApplicationState.WITHDRAWN: QT_TRANSLATE_NOOP("Choices", "Withdrawn"),
}


def choice_name(member: Enum) -> str:
    """The member in the UI language (the Chinese equals the domain's ``label``)."""
    source = _NAMES.get(member)
    if source is None:
        return getattr(member, "label", str(member.value))
    return QCoreApplication.translate("Choices", source)


def choice_combo(
    name: str, members: Iterable[Enum], empty: str | None = None, parent: QWidget | None = None
) -> QComboBox:
    """A combo of enum members (item data: the member's value), optionally
    starting with ``empty`` for "not chosen yet" (item data ``None``)."""
    combo = QComboBox(parent, objectName=name)
    if empty is not None:
        combo.addItem(empty, None)
    for member in members:
        combo.addItem(choice_name(member), member.value)
    return combo


def select_data(combo: QComboBox, value) -> None:
    """Select the item whose data is ``value`` (an enum's value or ``None``)."""
    data = value.value if isinstance(value, Enum) else value
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


# --- lists --------------------------------------------------------------------------------


def configure_table(table: QTableView, widths: Iterable[int]) -> None:
    """The look every intake list shares: whole rows, no editing, fixed starting
    widths (measuring every row gets slower with each page and misses later ones)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for number, width in enumerate(widths):
        table.setColumnWidth(number, width)


def title_label(text: str) -> QLabel:
    """A view's heading."""
    title = QLabel(text, objectName="view_title")
    title.setStyleSheet("font-size: 16pt; font-weight: bold;")
    return title
