"""What the forms and lists share: a note under each input, choice names,
combos, the look of a result table, a row of buttons, and the small
Save / Cancel dialog of the settings screens (``EditDialog``).

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
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.operations import describe_error
from domain.applications import ApplicationState, CollateralKind
from domain.customers import MaritalStatus, Premises
from domain.errors import ConcurrencyConflict, ValidationError
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


def list_look(table: QTableView) -> None:
    """What every read-only list shares: whole rows, one at a time, no
    editing, alternating rows, no row numbers, user-resizable columns with
    the last one stretching."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)


def configure_table(table: QTableView, widths: Iterable[int]) -> None:
    """The look every intake list shares (``list_look``, headings on the left),
    with fixed starting widths (measuring every row gets slower with each
    page and misses later ones)."""
    list_look(table)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    for number, width in enumerate(widths):
        table.setColumnWidth(number, width)


def button_row(specs: Iterable[tuple[str, str, Callable[[], Any]]]) -> QHBoxLayout:
    """Buttons ``(objectName, text, slot)`` from the left, then a stretch."""
    row = QHBoxLayout()
    for name, text, slot in specs:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    return row


def title_label(text: str) -> QLabel:
    """A view's heading."""
    title = QLabel(text, objectName="view_title")
    title.setStyleSheet("font-size: 16pt; font-weight: bold;")
    return title


# --- small edit dialogs -------------------------------------------------------------------


def dialog_buttons(
    dialog: QDialog,
    ok_text: str,
    cancel_text: str,
    on_ok: Callable[[], Any],
    *,
    ok_name: str = "ok",
) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's two buttons: the default one (object name ``ok_name``)
    calling ``on_ok``, and ``cancel`` rejecting the dialog. Returns the box
    and its default button."""
    buttons = QDialogButtonBox()
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName(ok_name)
    ok.setDefault(True)
    cancel = buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setObjectName("cancel")
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


class EditDialog(QDialog):
    """A small window-modal form with Save / Cancel, for one record of a
    settings screen.

    A subclass fills the form with ``add_row`` (and may put a hint under it
    with ``add_below_form``) and implements ``read()``: the values as typed, or
    ``ValidationError``, whose message is shown above the buttons while the
    dialog stays open. ``get_values()`` runs the dialog and returns the values,
    ``None`` if cancelled; ``save_with`` also saves them. UI thread only.
    """

    def __init__(self, parent: QWidget | None, title: str, name: str, min_width: int = 460):
        super().__init__(parent)
        self.values: Any = None
        self.setObjectName(name)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = messages.inline_label(self)
        buttons, _save = dialog_buttons(
            self,
            QCoreApplication.translate("EditDialog", "Save"),
            QCoreApplication.translate("EditDialog", "Cancel"),
            self.submit,
            ok_name="save",
        )
        self._buttons = buttons
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(24, 20, 24, 16)
        self._layout.setSpacing(12)
        self._layout.addLayout(self.form)
        self._layout.addWidget(self.error)
        self._layout.addWidget(buttons)
        self.setMinimumWidth(min_width)

    def add_row(self, label: str, field: QWidget) -> None:
        """A row of the form. Tab runs down the rows, then to Save and Cancel,
        and the first row has the focus when the dialog opens."""
        self.form.addRow(label, field)
        # The buttons were made first. Given to the dialog again, they join the
        # focus chain at its end (setTabOrder leaves a button box's buttons be).
        self._layout.removeWidget(self._buttons)
        self._buttons.setParent(None)
        self._buttons.setParent(self)
        self._layout.addWidget(self._buttons)

    def add_below_form(self, widget: QWidget) -> None:
        """``widget`` (a hint) between the form and the error line."""
        self._layout.insertWidget(self._layout.indexOf(self.error), widget)

    def get_values(self) -> Any:
        """What was filled in, or ``None`` if cancelled."""
        self.values = None
        return self.values if self.exec() == QDialog.DialogCode.Accepted else None

    def show_error(self, text: str) -> None:
        messages.set_inline(self.error, text)

    def read(self) -> Any:
        raise NotImplementedError

    def submit(self) -> None:
        try:
            self.values = self.read()
        except ValidationError as error:
            self.show_error(str(error))
            return
        self.accept()

    def save_with(
        self,
        ops,
        save: Callable[[Any], Any],
        *,
        on_saved: Callable[[Any], None],
        on_conflict: Callable[[ConcurrencyConflict], None],
        label: str,
    ) -> None:
        """Ask; run ``save(values)`` on the worker; ``on_saved(result)`` once it
        is saved. A refusal is shown in the dialog, which asks again with what
        was typed; a conflict (someone else saved first) closes it and goes to
        ``on_conflict``. The dialog deletes itself when done. The operation
        belongs to the dialog's parent (the view), as its callbacks do."""
        values = self.get_values()
        if values is None:
            self.deleteLater()
            return

        def saved(result: Any) -> None:
            self.deleteLater()
            on_saved(result)

        def failed(error: Exception) -> None:
            if isinstance(error, ConcurrencyConflict):
                self.deleteLater()
                on_conflict(error)
                return
            self.show_error(describe_error(error))
            self.save_with(ops, save, on_saved=on_saved, on_conflict=on_conflict, label=label)

        ops.run(
            lambda: save(values),
            on_done=saved,
            on_error=failed,
            label=label,
            parent=self.parentWidget(),
        )


def show_failure(
    parent: QWidget, error: Exception, on_conflict: Callable[[ConcurrencyConflict], None]
) -> None:
    """A change the worker could not save: a conflict (someone else saved
    first) goes to ``on_conflict``, which says so and reloads; any other
    refusal is shown in a message."""
    if isinstance(error, ConcurrencyConflict):
        on_conflict(error)
    else:
        messages.show_error(parent, describe_error(error))


def facts_grid(
    name: str, facts: Iterable[tuple[str, str]], *, wrap: bool = False
) -> tuple[QFrame, QGridLayout, dict[str, QLabel]]:
    """A framed grid of facts, two to a row: a grey caption beside each
    selectable value (objectName ``fact_<key>``). Returns the frame, its grid
    (for a line spanning it, below the facts) and the value labels by key."""
    frame = QFrame(objectName=name)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    grid = QGridLayout(frame)
    grid.setContentsMargins(12, 8, 12, 8)
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(4)
    values: dict[str, QLabel] = {}
    for index, (key, caption) in enumerate(facts):
        row, column = divmod(index, 2)
        label = QLabel(caption)
        label.setStyleSheet("color: #5f6368;")
        value = QLabel(objectName=f"fact_{key}")
        value.setWordWrap(wrap)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(label, row, column * 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, column * 2 + 1)
        values[key] = value
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return frame, grid, values
