"""完成贷后任务: the officer records a follow-up task as done.

``TaskCompleteDialog(task, today, parent).get_values()`` returns a
``TaskCompletion`` (notes, an evidence reference, the path of an evidence
file) or ``None`` if cancelled. Notes are required; a use check and a
revisit also need evidence, a reference (the archive number of the photos,
a slip number) or a file, or both; a collection call needs only its notes.
The dialog says so beside each input and will not close without them.

The file is only chosen here (``choose_evidence_file``, which tests
replace): its bytes are read on the worker by ``read_evidence``, and the
domain (``complete_task``) checks its size and everything else again. The
caller shows a refusal with ``show_problem`` and asks again, so nothing
typed is lost.

Task kind names are English source texts whose Chinese equals the domain's
``TaskKind.label`` (``task_kind_name``).

UI thread only, except ``read_evidence`` (worker thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.widgets.form_fields import GROWS_FOR_NOTES, FieldNote, Tone, dialog_buttons, noted
from domain.errors import DomainError
from domain.followup import MAX_EVIDENCE_BYTES, Evidence, FollowUpTask, TaskKind

translate = QCoreApplication.translate

_KIND_NAMES = {
    TaskKind.USE_CHECK: QT_TRANSLATE_NOOP("FollowUp", "Use-of-funds check"),
    TaskKind.REVISIT: QT_TRANSLATE_NOOP("FollowUp", "Periodic revisit"),
    TaskKind.COLLECTION: QT_TRANSLATE_NOOP("FollowUp", "Collection call"),
}

_NOTES_HINTS = {
    TaskKind.USE_CHECK: QT_TRANSLATE_NOOP(
        "FollowUp", "e.g. visited the shop: the goods bought match the stated purpose"
    ),
    TaskKind.REVISIT: QT_TRANSLATE_NOOP(
        "FollowUp", "e.g. business running normally, stock and sales as at the analysis"
    ),
    TaskKind.COLLECTION: QT_TRANSLATE_NOOP(
        "FollowUp", "e.g. phoned the borrower: promises to pay by the end of the month"
    ),
}


def task_kind_name(kind: TaskKind) -> str:
    """The kind in the UI language (the Chinese equals ``TaskKind.label``)."""
    return translate("FollowUp", _KIND_NAMES[kind])


def due_text(task: FollowUpTask, today: date) -> str:
    """``逾期 5 天`` / ``今天到期`` / ``3 天后到期`` for an open task."""
    days = (task.due_on - today).days
    if days < 0:
        return translate("FollowUp", "{0} days late").format(-days)
    if days == 0:
        return translate("FollowUp", "Due today")
    return translate("FollowUp", "Due in {0} days").format(days)


@dataclass(frozen=True)
class TaskCompletion:
    """What the officer entered: texts as typed, the file by its path."""

    notes: str
    reference: str = ""
    file_path: str = ""


def read_evidence(completion: TaskCompletion, unreadable: str) -> Evidence:
    """Worker thread: the evidence with the file's bytes. Reads at most one
    byte past the domain's limit, so a huge file is refused by the domain
    (with its message) without being loaded whole. ``unreadable`` is the
    message (with ``{0}`` for the file name) for a file that cannot be read."""
    if not completion.file_path:
        return Evidence(completion.reference)
    path = Path(completion.file_path)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_EVIDENCE_BYTES + 1)
    except OSError:
        raise DomainError(unreadable.format(path.name)) from None
    return Evidence(completion.reference, path.name, data)


class TaskCompleteDialog(QDialog):
    def __init__(
        self, task: FollowUpTask, today: date | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.task = task
        self.today = today or date.today()
        self.values: TaskCompletion | None = None
        self.file_path = ""
        self.setObjectName("task_complete")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Complete a follow-up task"))
        self.setProperty(GROWS_FOR_NOTES, True)
        self._build()
        self._say_needs()
        self.setMinimumWidth(580)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        task = self.task
        heading = QLabel(
            self.tr("{0}: loan {1}  {2}").format(
                task_kind_name(task.kind), task.loan_number, task.borrower_name
            ),
            objectName="heading",
        )
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        heading.setWordWrap(True)
        due = QLabel(
            self.tr("Due {0} · {1}").format(task.due_on.isoformat(), due_text(task, self.today)),
            objectName="due",
        )
        if task.late_on(self.today):
            due.setStyleSheet(f"color: {messages.ERROR_COLOUR};")
        self.notes = QPlainTextEdit(objectName="notes")
        self.notes.setPlaceholderText(translate("FollowUp", _NOTES_HINTS[task.kind]))
        self.notes.setFixedHeight(self.fontMetrics().height() * 5 + 14)
        self.notes.setTabChangesFocus(True)
        self.notes_note = FieldNote("notes", self)
        self.notes.textChanged.connect(self._notes_typed)
        self.reference = QLineEdit(objectName="evidence_reference")
        self.reference.setPlaceholderText(
            self.tr("Archive number of the photos, slip number or call record")
        )
        self.evidence_note = FieldNote("evidence", self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("What you found (required)"), noted(self.notes, self.notes_note))
        self.evidence_label = QLabel()
        form.addRow(self.evidence_label, self.reference)
        form.addRow(self.tr("File"), noted(self._file_row(), self.evidence_note))
        self.error = messages.inline_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(due)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())

    def _file_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.file = QLineEdit(objectName="evidence_file")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        choose = QPushButton(self.tr("Choose file…"), objectName="choose_file")
        choose.clicked.connect(self.pick_file)
        self.clear_button = QPushButton(self.tr("Remove"), objectName="clear_file")
        self.clear_button.clicked.connect(lambda: self.set_file(""))
        self.clear_button.setEnabled(False)
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        row.addWidget(self.clear_button)
        return box

    def _buttons(self) -> QDialogButtonBox:
        buttons, self.ok_button = dialog_buttons(
            self, self.tr("Mark as done"), self.tr("Cancel"), self.submit
        )
        return buttons

    def _say_needs(self) -> None:
        self.notes_note.clear_note()
        limit = MAX_EVIDENCE_BYTES // (1024 * 1024)
        if self.task.kind.needs_evidence:
            self.evidence_label.setText(self.tr("Evidence (required)"))
            self.evidence_note.say(
                self.tr(
                    "A {0} needs evidence: a reference, a file of up to {1} MB, or both."
                ).format(task_kind_name(self.task.kind), limit),
                Tone.INFO,
            )
        else:
            self.evidence_label.setText(self.tr("Evidence"))
            self.evidence_note.say(
                self.tr("Optional for a collection call: a file of up to {0} MB.").format(limit),
                Tone.INFO,
            )

    def _notes_typed(self) -> None:
        if self.notes_note.tone is Tone.ERROR and self.notes.toPlainText().strip():
            self.notes_note.clear_note()

    # --- the file -------------------------------------------------------------------------

    def choose_evidence_file(self) -> str | None:
        """The photo, scan or record to attach, or ``None`` (tests replace this)."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach evidence"),
            "",
            self.tr(
                "Pictures, scans and records (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;All files (*)"
            ),
        )
        return path or None

    def pick_file(self) -> None:
        path = self.choose_evidence_file()
        if path:
            self.set_file(path)

    def set_file(self, path: str) -> None:
        self.file_path = path
        self.file.setText(Path(path).name if path else "")
        self.file.setToolTip(path)
        self.clear_button.setEnabled(bool(path))

    # --- the result -----------------------------------------------------------------------

    def entered(self) -> TaskCompletion:
        return TaskCompletion(self.notes.toPlainText(), self.reference.text(), self.file_path)

    def submit(self) -> None:
        """Accept if notes (and the evidence a visit needs) are there; else
        say beside the input what is missing."""
        completion = self.entered()
        self._say_needs()
        messages.set_inline(self.error, "")
        ok = True
        if not completion.notes.strip():
            self.notes_note.say(self.tr("Please write what you found or agreed."), Tone.ERROR)
            self.notes.setFocus()
            ok = False
        if self.task.kind.needs_evidence and not (
            completion.reference.strip() or completion.file_path
        ):
            self.evidence_note.say(
                self.tr("Please give a reference or choose a file: a {0} needs evidence.").format(
                    task_kind_name(self.task.kind)
                ),
                Tone.ERROR,
            )
            ok = False
        if ok:
            self.values = completion
            self.accept()

    def show_problem(self, field: str | None, text: str) -> None:
        """A refusal from the domain: beside the input ``field`` names, or below the form."""
        note = {"notes": self.notes_note, "evidence": self.evidence_note}.get(field or "")
        if note is None:
            messages.set_inline(self.error, text)
            self.adjustSize()
            return
        note.say(text, Tone.ERROR)

    def get_values(self) -> TaskCompletion | None:
        """What was entered, or ``None`` if cancelled."""
        self.values = None
        return self.values if self.exec() == QDialog.DialogCode.Accepted else None
