"""面签 (officers): the face-to-face signing checklist of one application.

The officer picks one of his applications approved, in signing or signed
(or arrives here from the work list or the applications list through
``open_signing``). For an approved application he names the two bank staff
present and starts the signing: the checklist is made from the product's
template. Then, item by item, he confirms it with a note and attaches its
evidence: a photo or scan (a file, chosen with ``choose_evidence_file``,
which tests replace) or the reference of a recording segment. Who confirmed
each item and when is shown beside it. 完成面签 closes the signing; if
anything mandatory is still open, the refusal lists it and the open items
turn red in the list.

After the signing, evidence may still be added (a late scan) and items
confirmed, but nothing is taken back; after the supervisor's sign-off any
such change voids the sign-off (the domain does that).

Threading: UI thread only. Every read and change runs on the worker
through ``ctx.ops``; after each change the whole checklist is read again,
so what is shown is what is on file, with the current version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.models.paged_table import Column
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from desktop.views.work_view import (
    DONE_TINT,
    RED_TINT,
    RowsModel,
    amount_text,
    evidence_name,
    hint_label,
    make_table,
    short_when,
    state_name,
    title_label,
    when_text,
)
from domain.accounts import staff_with_roles
from domain.applications import Application, ApplicationState, get_application
from domain.catalogue import get_product
from domain.checklist import (
    Checklist,
    ChecklistItem,
    EvidenceInput,
    EvidenceKind,
    add_evidence,
    application_checklist,
    record_staff_present,
    tick_item,
    untick_item,
)
from domain.customers import get_customer
from domain.errors import DomainError, NotFound
from domain.search import MAX_LIMIT, ApplicationHit, search_applications
from domain.users import Role, User
from domain.workflow import SigningIncomplete, complete_signing, start_signing

translate = QCoreApplication.translate
State = ApplicationState

# The applications an officer signs, or completes the record of.
SIGNING_STATES = (State.APPROVED, State.SIGNING, State.SIGNED)
OPEN_FOR_TICKS = (State.SIGNING, State.SIGNED, State.SIGNED_OFF)
FILE_KINDS = (EvidenceKind.PHOTO, EvidenceKind.SCAN)


@dataclass(frozen=True)
class SigningCase:
    """One application's signing as the screen shows it."""

    application: Application
    customer_name: str
    product_name: str
    checklist: Checklist
    colleagues: tuple[str, ...] = ()

    @property
    def number(self) -> str:
        return self.application.application_number

    @property
    def state(self) -> ApplicationState:
        return self.application.state

    def staff_choices(self, actor: User) -> list[str]:
        """The user names the staff combos offer: the application's officers
        and investigators, the staff recorded, and the user himself. A
        colleague's user name may be typed as well (the domain checks it)."""
        application, signing = self.application, self.checklist.signing
        names = [application.officer, application.assisting_officer]
        if application.investigation is not None:
            names += [
                application.investigation.officer,
                application.investigation.assisting_officer,
            ]
        names += list(signing.staff) if signing else []
        names.append(actor.username)
        names += self.colleagues
        return list(dict.fromkeys(n for n in names if n))

    def staff(self) -> tuple[str, str]:
        """The staff on record, or the default for a signing not yet started."""
        signing = self.checklist.signing
        if signing is not None:
            return signing.staff
        return (self.application.officer, self.application.assisting_officer or "")


# Who may be named among the two bank staff present at a signing.
OFFICER_ROLES = (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)


def load_case(uow: Callable[[], Any], number: str, actor: User | None = None) -> SigningCase:
    """Worker thread: the application, its borrower and product names, its
    checklist, and (for ``actor``) the officers who may be named as present."""
    application = get_application(uow(), number)
    customer = get_customer(uow(), application.customer_id)
    try:
        product_name = get_product(uow(), application.product_code).name
    except NotFound:
        product_name = application.product_code
    checklist = application_checklist(uow(), application.application_number)
    colleagues = (
        ()
        if actor is None
        else tuple(name for name, _full in staff_with_roles(uow(), actor, OFFICER_ROLES))
    )
    return SigningCase(application, customer.name, product_name, checklist, colleagues)


def my_applications(uow: Callable[[], Any], actor: User) -> list[ApplicationHit]:
    """Worker thread: the user's applications approved, in signing or signed."""
    hits: list[ApplicationHit] = []
    for state in SIGNING_STATES:
        hits += search_applications(uow(), state=state, officer=actor.username, limit=MAX_LIMIT)
    return hits


# --- the checklist table -----------------------------------------------------------------------


def _confirmed_text(item: ChecklistItem) -> str:
    if not item.confirmed:
        return translate("SigningView", "Not confirmed")
    return f"{item.confirmed_by}  {short_when(item.confirmed_at)}"


def _evidence_text(item: ChecklistItem) -> str:
    """What the item needs and whether it is there: ``扫描件：已附 1 份``."""
    kind = evidence_name(item.evidence_kind)
    if item.evidence_kind is EvidenceKind.NONE and not item.evidence:
        return kind
    if not item.has_expected_evidence:
        return translate("SigningView", "{0}: missing").format(kind)
    return translate("SigningView", "{0}: {1} attached").format(kind, len(item.evidence))


def _mandatory_mark(item: ChecklistItem) -> str:
    return "★" if item.mandatory else ""


CHECKLIST_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("SigningView", "No."), lambda i: str(i.number), 40),
    Column(QT_TRANSLATE_NOOP("SigningView", "Mandatory"), _mandatory_mark, 44),
    Column(QT_TRANSLATE_NOOP("SigningView", "Item"), lambda i: i.text, 240),
    Column(QT_TRANSLATE_NOOP("SigningView", "Evidence"), _evidence_text, 124),
    Column(QT_TRANSLATE_NOOP("SigningView", "Confirmed by"), _confirmed_text, 110),
]


def item_done(item: ChecklistItem) -> bool:
    return item.confirmed and item.has_expected_evidence


class SigningView(QWidget):
    """The signing checklist of one application at a time."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("signing_view")
        self.case: SigningCase | None = None
        self.wanted: str | None = None
        self.flagged: set[int] = set()
        self.model = RowsModel(CHECKLIST_COLUMNS, "SigningView", tint=self._tint, parent=self)
        self._build()
        self._show_case(None)
        self.refresh()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(self._heading())
        self.summary = QLabel(objectName="summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        layout.addWidget(self._staff_row())
        splitter = QSplitter(objectName="signing_splitter")
        splitter.addWidget(self._checklist_table())
        splitter.addWidget(self._item_panel())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([560, 330])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._bottom_row())

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(title_label(self.tr("Face-to-face signing")))
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Application")))
        self.picker = QComboBox(objectName="application_picker")
        self.picker.setMinimumWidth(360)
        self.picker.activated.connect(self._picked)
        row.addWidget(self.picker)
        row.addStretch(1)
        reload_button = QPushButton(self.tr("Reload"), objectName="reload")
        reload_button.clicked.connect(self.refresh)
        row.addWidget(reload_button)
        return row

    def _staff_row(self) -> QFrame:
        frame = QFrame(objectName="staff_row")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(frame)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(QLabel(self.tr("Bank staff present")))
        self.first_staff = self._staff_combo("first_staff")
        self.second_staff = self._staff_combo("second_staff")
        row.addWidget(self.first_staff)
        row.addWidget(QLabel(self.tr("and")))
        row.addWidget(self.second_staff)
        self.start_button = QPushButton(self.tr("Start signing"), objectName="start_signing")
        self.start_button.clicked.connect(self.start)
        self.staff_button = QPushButton(self.tr("Save staff present"), objectName="record_staff")
        self.staff_button.clicked.connect(self.save_staff)
        row.addWidget(self.start_button)
        row.addWidget(self.staff_button)
        row.addStretch(1)
        self.staff_note = hint_label(self.tr("Two different officers; neither may sign it off."))
        self.staff_note.setWordWrap(False)
        row.addWidget(self.staff_note)
        return frame

    @staticmethod
    def _staff_combo(name: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setEditable(True)  # a colleague not on the application may be typed
        combo.setMinimumWidth(120)
        return combo

    def _checklist_table(self) -> QWidget:
        self.table = make_table("checklist_table", self.model, CHECKLIST_COLUMNS)
        self.table.setWordWrap(True)
        # Wrapped lines need air above and below, or rows run into each other.
        self.table.setStyleSheet("QTableView::item { padding: 3px 2px; }")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        self.model.modelReset.connect(self.table.resizeRowsToContents)
        return self.table

    def _item_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selected item"), objectName="item_panel")
        box.setMinimumWidth(330)
        grid = QVBoxLayout(box)
        grid.setSpacing(6)
        self.item_text = QLabel(objectName="item_text")
        self.item_text.setWordWrap(True)
        self.item_text.setStyleSheet("font-weight: bold;")
        self.item_state = hint_label("", "item_state")
        self.note = QLineEdit(objectName="note")
        self.note.setPlaceholderText(self.tr("Note (what was checked, anything unusual)"))
        self.tick_button = QPushButton(self.tr("Confirm item"), objectName="tick")
        self.tick_button.clicked.connect(self.tick)
        self.untick_button = QPushButton(self.tr("Take back…"), objectName="untick")
        self.untick_button.clicked.connect(self.untick)
        ticks = QHBoxLayout()
        ticks.addWidget(self.tick_button)
        ticks.addWidget(self.untick_button)
        ticks.addStretch(1)
        for widget in (self.item_text, self.item_state, self.note):
            grid.addWidget(widget)
        grid.addLayout(ticks)
        grid.addWidget(QLabel(self.tr("Evidence")))
        self.evidence_list = QListWidget(objectName="evidence_list")
        self.evidence_list.setMinimumHeight(self.fontMetrics().height() * 4)
        grid.addWidget(self.evidence_list, 1)
        grid.addLayout(self._evidence_inputs())
        return box

    def _evidence_inputs(self) -> QGridLayout:
        grid = QGridLayout()
        self.file_kind = QComboBox(objectName="file_kind")
        for kind in FILE_KINDS:
            self.file_kind.addItem(evidence_name(kind), kind)
        self.attach_button = QPushButton(self.tr("Attach file…"), objectName="attach_file")
        self.attach_button.clicked.connect(self.attach_file)
        self.reference = QLineEdit(objectName="recording_reference")
        self.reference.setPlaceholderText(
            self.tr("Recording no. and segment, e.g. REC-01 03:10-05:42")
        )
        self.recording_button = QPushButton(self.tr("Add recording"), objectName="add_recording")
        self.recording_button.clicked.connect(self.add_recording)
        grid.addWidget(self.file_kind, 0, 0)
        grid.addWidget(self.attach_button, 0, 1)
        grid.addWidget(self.reference, 1, 0)
        grid.addWidget(self.recording_button, 1, 1)
        grid.setColumnStretch(0, 1)
        return grid

    def _bottom_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QLabel(objectName="progress")
        self.message = messages.inline_label(self, "message")
        self.complete_button = QPushButton(self.tr("Complete signing"), objectName="complete")
        self.complete_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        self.complete_button.clicked.connect(self.complete)
        row.addWidget(self.progress)
        row.addSpacing(16)
        row.addWidget(self.message, 1)
        row.addStretch(0)
        row.addWidget(self.complete_button)
        return row

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the picker's list again, then the application shown."""
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: my_applications(uow, actor),
            on_done=self._fill_picker,
            label=self.tr("Loading your applications…"),
            parent=self,
        )
        if self.wanted:
            self.open_application(self.wanted)

    def open_application(self, number: str) -> None:
        """Show the checklist of ``number`` (read on the worker)."""
        self.wanted = number
        uow, user = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: load_case(uow, number, user),
            on_done=self._loaded,
            label=self.tr("Loading the checklist…"),
            parent=self,
        )

    def _fill_picker(self, hits: list[ApplicationHit]) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        for hit in hits:
            text = f"{hit.application_number}  {hit.customer_name}  {amount_text(hit.amount)}  · {state_name(hit.state)}"
            self.picker.addItem(text, hit.application_number)
        self.picker.setPlaceholderText(self.tr("Choose an application"))
        self._select_in_picker()
        self.picker.blockSignals(False)
        if self.wanted is None and hits:
            self.open_application(hits[0].application_number)

    def _select_in_picker(self) -> None:
        index = self.picker.findData(self.wanted) if self.wanted else -1
        if index < 0 and self.case is not None:
            # Opened from elsewhere (e.g. as staff present): list it too.
            self.picker.addItem(f"{self.case.number}  {self.case.customer_name}", self.case.number)
            index = self.picker.count() - 1
        self.picker.setCurrentIndex(index)

    def _picked(self, index: int) -> None:
        number = self.picker.itemData(index)
        if number and number != (self.case.number if self.case else None):
            self.flagged = set()
            self.open_application(number)

    def _loaded(self, case: SigningCase) -> None:
        if self.case is None or case.number != self.case.number:
            self.flagged = set()
        self._show_case(case)
        self.picker.blockSignals(True)
        self._select_in_picker()
        self.picker.blockSignals(False)

    # --- showing --------------------------------------------------------------------------

    def _show_case(self, case: SigningCase | None) -> None:
        selected = self.selected_item()
        self.case = case
        self.model.set_rows(case.checklist.items if case else [])
        self._show_summary()
        self._show_staff()
        self._show_progress()
        self._enable()
        if case is not None and case.checklist.items:
            number = selected.number if selected else 1
            self.select_item(min(number, len(case.checklist.items)))
        self._show_item()

    def _show_summary(self) -> None:
        case = self.case
        if case is None:
            self.summary.setText(self.tr("Choose an application approved for signing."))
            return
        a = case.application
        self.summary.setText(
            self.tr("{0} · {1} · {2} · {3} yuan · {4} months · officers {5} · state: {6}").format(
                case.number,
                case.customer_name,
                case.product_name,
                amount_text(a.amount),
                a.months or "—",
                " / ".join(n for n in (a.officer, a.assisting_officer) if n),
                state_name(a.state),
            )
        )

    def _show_staff(self) -> None:
        for combo in (self.first_staff, self.second_staff):
            combo.clear()
        if self.case is None:
            return
        choices = self.case.staff_choices(self.ctx.user)
        for combo, name in zip(
            (self.first_staff, self.second_staff), self.case.staff(), strict=True
        ):
            combo.addItems(choices)
            combo.setCurrentText(name)

    def _show_progress(self) -> None:
        case = self.case
        messages.set_inline(self.message, "")
        if case is None or not case.checklist.items:
            text = (
                self.tr("Start the signing to see its checklist.")
                if case and case.state is State.APPROVED
                else ""
            )
            self.progress.setText(text)
            return
        mandatory = [i for i in case.checklist.items if i.mandatory]
        done = sum(1 for i in mandatory if item_done(i))
        self.progress.setText(
            self.tr("Mandatory items done: {0} of {1}").format(done, len(mandatory))
        )

    def _enable(self) -> None:
        state = self.case.state if self.case else None
        signing = state is State.SIGNING
        self.start_button.setVisible(state is State.APPROVED)
        self.staff_button.setVisible(signing)
        for combo in (self.first_staff, self.second_staff):
            combo.setEnabled(state in (State.APPROVED, State.SIGNING))
        self.complete_button.setEnabled(signing)

    def _tint(self, item: ChecklistItem) -> QBrush | None:
        if item.number in self.flagged and not item_done(item):
            return QBrush(QColor(RED_TINT))
        return QBrush(QColor(DONE_TINT)) if item_done(item) else None

    def selected_item(self) -> ChecklistItem | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row(index.row())

    def select_item(self, number: int) -> None:
        """Select checklist item ``number`` (counting from 1)."""
        self.table.selectRow(number - 1)
        self.table.setCurrentIndex(self.model.index(number - 1, 0))

    def _show_item(self) -> None:
        item = self.selected_item()
        # Ticks and evidence are taken during the signing and, to complete
        # the record, after it; the domain decides what may still change.
        editable = item is not None and self.case.state in OPEN_FOR_TICKS
        inputs = (self.note, self.tick_button, self.file_kind, self.attach_button)
        for widget in (*inputs, self.reference, self.recording_button):
            widget.setEnabled(editable)
        self.untick_button.setEnabled(
            item is not None and item.confirmed and self.case.state is State.SIGNING
        )
        self.evidence_list.clear()
        if item is None:
            self.item_text.setText(self.tr("No item selected."))
            self.item_state.setText("")
            self.note.clear()
            return
        self.item_text.setText(f"{item.number}. {item.text}")
        self.item_state.setText(self._item_state(item))
        self.note.setText(item.note)
        for evidence in item.evidence:
            self.evidence_list.addItem(
                f"{evidence_name(evidence.kind)}  {evidence.file_name or evidence.reference}"
                f"  · {evidence.added_by}  {when_text(evidence.added_at)}"
            )
        if item.evidence_kind.is_file:
            self.file_kind.setCurrentIndex(FILE_KINDS.index(item.evidence_kind))

    def _item_state(self, item: ChecklistItem) -> str:
        lines = []
        if item.confirmed:
            lines.append(
                self.tr("Confirmed by {0} at {1}").format(
                    item.confirmed_by, when_text(item.confirmed_at)
                )
            )
        else:
            lines.append(self.tr("Not confirmed yet"))
        if item.evidence_kind is not EvidenceKind.NONE:
            lines.append(self.tr("Evidence needed: {0}").format(evidence_name(item.evidence_kind)))
        return "\n".join(lines)

    # --- actions --------------------------------------------------------------------------

    def start(self) -> None:
        staff = self._staff_entered()
        if self.case is None or staff is None:
            return
        uow, actor, number, version = (
            self.ctx.uow,
            self.ctx.user,
            self.case.number,
            self.case.application.version,
        )
        self._change(
            lambda: start_signing(uow(), actor, number, version, staff_present=staff),
            self.tr("Starting the signing…"),
        )

    def save_staff(self) -> None:
        staff = self._staff_entered()
        if self.case is None or staff is None:
            return
        uow, actor, number = self.ctx.uow, self.ctx.user, self.case.number
        self._change(
            lambda: record_staff_present(uow(), actor, number, *staff),
            self.tr("Saving the staff present…"),
        )

    def _staff_entered(self) -> tuple[str, str] | None:
        """The two names typed or chosen, if they are two different people."""
        first = self.first_staff.currentText().strip()
        second = self.second_staff.currentText().strip()
        if not first or not second:
            messages.set_inline(self.message, self.tr("Name the two bank staff present."))
            return None
        if first.lower() == second.lower():
            messages.set_inline(
                self.message, self.tr("The two staff present must be two different people.")
            )
            return None
        return first, second

    def tick(self) -> None:
        item = self.selected_item()
        if self.case is None or item is None:
            return
        uow, actor, number, note = self.ctx.uow, self.ctx.user, self.case.number, self.note.text()
        self._change(
            lambda: tick_item(uow(), actor, number, item.number, note),
            self.tr("Confirming the item…"),
        )

    def untick(self) -> None:
        item = self.selected_item()
        if self.case is None or item is None:
            return
        reason = self.ask_untick_reason(item)
        if reason is None:
            return
        uow, actor, number = self.ctx.uow, self.ctx.user, self.case.number
        self._change(
            lambda: untick_item(uow(), actor, number, item.number, reason),
            self.tr("Taking the confirmation back…"),
        )

    def ask_untick_reason(self, item: ChecklistItem) -> str | None:
        """Why the confirmation is taken back, or ``None`` if cancelled (tests replace this)."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Take back the confirmation"),
            self.tr("Why is item {0} no longer confirmed?").format(item.number),
        )
        return text if ok else None

    def choose_evidence_file(self) -> str | None:
        """The photo or scan to attach, or ``None`` (tests replace this)."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a photo or scan"),
            "",
            self.tr("Pictures and scans (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;All files (*)"),
        )
        return path or None

    def attach_file(self) -> None:
        item = self.selected_item()
        if self.case is None or item is None:
            return
        path = self.choose_evidence_file()
        if not path:
            return
        kind = self.file_kind.currentData()
        uow, actor, number = self.ctx.uow, self.ctx.user, self.case.number
        unreadable = self.tr("The file {0} cannot be read.").format(Path(path).name)

        def attach():
            try:
                data = Path(path).read_bytes()
            except OSError:
                raise DomainError(unreadable) from None
            evidence = EvidenceInput(kind, Path(path).name, data)
            return add_evidence(uow(), actor, number, item.number, evidence)

        self._change(attach, self.tr("Attaching the file…"))

    def add_recording(self) -> None:
        item = self.selected_item()
        if self.case is None or item is None:
            return
        reference = self.reference.text()
        uow, actor, number = self.ctx.uow, self.ctx.user, self.case.number
        evidence = EvidenceInput(EvidenceKind.RECORDING, reference=reference)
        self._change(
            lambda: add_evidence(uow(), actor, number, item.number, evidence),
            self.tr("Adding the recording…"),
            then=self.reference.clear,
        )

    def complete(self) -> None:
        if self.case is None:
            return
        uow, actor = self.ctx.uow, self.ctx.user
        number, version = self.case.number, self.case.application.version
        self.ctx.ops.run(
            lambda: complete_signing(uow(), actor, number, version),
            on_done=lambda _saved: self._completed(),
            on_error=self._complete_failed,
            label=self.tr("Completing the signing…"),
            parent=self,
        )

    def _completed(self) -> None:
        messages.show_info(
            self,
            self.tr(
                "The signing of {0} is complete. It now waits for the supervisor's sign-off."
            ).format(self.case.number),
        )
        self.refresh()

    def _complete_failed(self, error: Exception) -> None:
        if isinstance(error, SigningIncomplete) and self.case is not None:
            self.flagged = {i.number for i in self.case.checklist.items if i.open_reason}
            self.model.set_rows(self.case.checklist.items)
        self._failed(error)

    def _change(
        self, fn: Callable[[], Any], label: str, then: Callable[[], None] | None = None
    ) -> None:
        """Run one change on the worker, then read the checklist again."""
        number = self.case.number

        def done(_result) -> None:
            if then is not None:
                then()
            self.open_application(number)

        self.ctx.ops.run(fn, on_done=done, on_error=self._failed, label=label, parent=self)

    def _failed(self, error: Exception) -> None:
        text = describe_error(error)
        messages.set_inline(self.message, text)
        messages.show_error(self, text)
        if self.case is not None:
            self.open_application(self.case.number)


def open_signing(ctx: ViewContext, application_number: str) -> SigningView | None:
    """Show the signing checklist of ``application_number`` in the main
    window; ``None`` (and a message) if the user's roles do not offer it."""
    view = ctx.window.show_view("signing")
    if view is None:
        messages.show_error(
            ctx.window,
            translate(
                "SigningView", "The signing checklist is for loan officers and assisting officers."
            ),
        )
        return None
    view.open_application(application_number)
    return view


navigation.register(
    "signing",
    QT_TRANSLATE_NOOP("Navigation", "Signing"),
    SigningView,
    roles={Role.LOAN_OFFICER, Role.ASSISTING_OFFICER},
    order=30,
)
