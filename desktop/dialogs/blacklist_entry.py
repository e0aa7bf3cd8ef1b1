"""The two small forms of the notice list: listing one person, lifting one entry.

``BlacklistEntryDialog(parent).get_values()`` returns a ``ListingForm``
(name, ID number, reason, source) or ``None`` if cancelled. The ID number
is checked before the dialog closes (``parse_resident_id``: length, birth
date, check digit), its problem shown beside the field; name and reason
must be there. Saving is the caller's, on the worker: when the domain
refuses (``FormErrors``), the caller shows the problems with
``show_problems`` and calls ``get_values`` again on the same dialog, so
what was typed is still there.

``LiftEntryDialog(parent, entry).get_values()`` returns the reason typed
for lifting the entry, or ``None`` if cancelled.

UI thread only. Tests replace ``get_values``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.widgets.form_fields import (
    GROWS_FOR_NOTES,
    FieldNote,
    NoteBoard,
    Tone,
    dialog_buttons,
    noted,
)
from domain.blacklist import NAME_MAX, REASON_MAX, SOURCE_MAX, BlacklistEntry
from domain.errors import ValidationError
from domain.identity import parse_resident_id


@dataclass(frozen=True)
class ListingForm:
    """What the supervisor typed to list a person; the domain checks it again."""

    name: str
    id_number: str
    reason: str
    source: str


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setVerticalSpacing(8)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class BlacklistEntryDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("blacklist_entry_dialog")
        self.setProperty(GROWS_FOR_NOTES, True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Add to the notice list"))
        self.values: ListingForm | None = None
        self.notes = NoteBoard()
        self._build()

    def _build(self) -> None:
        explanation = QLabel(
            self.tr(
                "Applications naming this person as borrower, spouse, guarantor or group "
                "member are stopped at intake with the reason below. A person already on "
                "the list is listed again with this reason."
            ),
            objectName="explanation",
        )
        explanation.setWordWrap(True)
        self.name = self._line("name", NAME_MAX, self.tr("As on the ID card"))
        self.id_number = self._line("id_number", 18, self.tr("18 digits; x is read as X"))
        self.reason = self._line(
            "reason", REASON_MAX, self.tr("e.g. loan more than 90 days overdue, not repaid")
        )
        self.source = self._line(
            "source", SOURCE_MAX, self.tr("Optional: the notice it comes from")
        )
        form = _form()
        for label, widget in (
            (self.tr("Name"), self.name),
            (self.tr("Resident ID"), self.id_number),
            (self.tr("Reason for listing"), self.reason),
            (self.tr("Source"), self.source),
        ):
            key = widget.objectName()
            form.addRow(label, noted(widget, self.notes.add(key, FieldNote(key, self))))
        self.error = messages.inline_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons, _ok = dialog_buttons(
            self, self.tr("Add to the list"), self.tr("Cancel"), self.submit
        )
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _line(self, name: str, limit: int, hint: str) -> QLineEdit:
        line = QLineEdit(objectName=name)
        line.setMaxLength(limit + 8)  # room for spaces typed, which are dropped
        line.setPlaceholderText(hint)
        return line

    def form(self) -> ListingForm | None:
        """The fields as typed, or ``None`` with the notes saying what is missing
        or wrong. Only what the clerk can fix here is checked; the domain
        checks everything again when saving."""
        self.notes.clear()
        messages.set_inline(self.error, "")
        try:
            parse_resident_id(self.id_number.text(), "id_number")
        except ValidationError as error:
            self.notes.notes["id_number"].say(str(error), Tone.ERROR)
        for line, text in (
            (self.name, self.tr("Enter the name.")),
            (self.reason, self.tr("Enter why the person is listed.")),
        ):
            if not line.text().strip():
                self.notes.notes[line.objectName()].say(text, Tone.ERROR)
        if any(note.tone is Tone.ERROR and note.text() for note in self.notes.notes.values()):
            return None
        return ListingForm(
            self.name.text(), self.id_number.text(), self.reason.text(), self.source.text()
        )

    def submit(self) -> None:
        self.values = self.form()
        if self.values is not None:
            self.accept()

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show the domain's refusal beside the fields; the rest in the form's
        message line. What was typed stays."""
        unplaced = self.notes.show(problems)
        summary = self.tr("Nothing was saved: please correct the fields in red.")
        messages.set_inline(self.error, "\n".join([summary, *unplaced]))

    def show_error(self, text: str) -> None:
        messages.set_inline(self.error, text)

    def get_values(self) -> ListingForm | None:
        """The person as entered, or ``None`` if cancelled."""
        self.values = None
        return self.values if self.exec() == QDialog.DialogCode.Accepted else None


class LiftEntryDialog(QDialog):
    """Why a person comes off the list: required, kept in the audit trail."""

    def __init__(self, parent: QWidget | None, entry: BlacklistEntry):
        super().__init__(parent)
        self.setObjectName("lift_entry_dialog")
        self.setProperty(GROWS_FOR_NOTES, True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Lift from the notice list"))
        self.value: str | None = None
        whom = QLabel(
            self.tr("Take {0} ({1}) off the list. Listed for: {2}").format(
                entry.name, entry.masked_id_number, entry.reason
            ),
            objectName="whom",
        )
        whom.setWordWrap(True)
        self.reason = QLineEdit(objectName="reason")
        self.reason.setMaxLength(REASON_MAX + 8)
        self.reason.setPlaceholderText(self.tr("e.g. debt repaid in full, notice withdrawn"))
        self.note = FieldNote("reason", self)
        form = _form()
        form.addRow(self.tr("Reason for lifting"), noted(self.reason, self.note))
        buttons, _ok = dialog_buttons(self, self.tr("Lift"), self.tr("Cancel"), self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(whom)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def submit(self) -> None:
        if not self.reason.text().strip():
            self.note.say(self.tr("Enter why the person comes off the list."), Tone.ERROR)
            return
        self.value = self.reason.text()
        self.accept()

    def get_values(self) -> str | None:
        """The reason typed, or ``None`` if cancelled."""
        return self.value if self.exec() == QDialog.DialogCode.Accepted else None
