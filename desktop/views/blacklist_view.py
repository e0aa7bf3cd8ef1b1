"""违约名单 (supervisors and administrators): the default notice list, kept
by hand or by importing the CSV file the head office or the credit
association circulates.

The list is read whole (``list_blacklist``: it is the bank's own list, a few
thousand lines at most) with ID numbers masked; lifted entries show on
request. 导入 CSV asks for the file (``choose_csv``, which tests replace),
imports it on the worker and shows what became of every line in
``ImportReportDialog``: accepted or rejected, and why.

列入名单 asks for one person (``BlacklistEntryDialog``) and lists him on the
worker; a refusal brings the same dialog back with the problems beside the
fields. 移出名单 asks why the selected active entry is lifted
(``LiftEntryDialog``); the reason goes to the audit trail. Both buttons are
offered to supervisors and administrators only (the domain checks again).
UI thread only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.blacklist_entry import BlacklistEntryDialog, LiftEntryDialog, ListingForm
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from desktop.widgets.form_fields import FieldNote, Tone, configure_table, title_label
from domain.blacklist import (
    KEEPERS,
    BlacklistEntry,
    ImportReport,
    add_to_blacklist,
    import_blacklist_csv,
    lift_from_blacklist,
    list_blacklist,
)
from domain.customers import FormErrors
from domain.errors import ConcurrencyConflict

translate = QCoreApplication.translate
REJECTED_COLOUR = QColor("#b3261e")

_ENTRY_COLUMNS = [
    (QT_TRANSLATE_NOOP("BlacklistTableModel", "Resident ID"), 150),
    (QT_TRANSLATE_NOOP("BlacklistTableModel", "Name"), 70),
    (QT_TRANSLATE_NOOP("BlacklistTableModel", "Reason"), 270),
    (QT_TRANSLATE_NOOP("BlacklistTableModel", "Source"), 190),
    (QT_TRANSLATE_NOOP("BlacklistTableModel", "Listed on"), 100),
    (QT_TRANSLATE_NOOP("BlacklistTableModel", "Status"), 80),
]

_REPORT_COLUMNS = [
    (QT_TRANSLATE_NOOP("ImportReportModel", "Line"), 56),
    (QT_TRANSLATE_NOOP("ImportReportModel", "Resident ID"), 160),
    (QT_TRANSLATE_NOOP("ImportReportModel", "Result"), 80),
    (QT_TRANSLATE_NOOP("ImportReportModel", "Details"), 360),
]


class _ListModel(QAbstractTableModel):
    """A short list shown whole: rows replaced at once, cells from ``cells``."""

    CONTEXT = ""
    COLUMNS: ClassVar[list[tuple[str, int]]] = []

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate(self.CONTEXT, self.COLUMNS[section][0])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(row)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(row)
        return None

    def cells(self, row: Any) -> list[str]:
        raise NotImplementedError

    def colour(self, row: Any) -> QColor | None:
        return None


class BlacklistTableModel(_ListModel):
    CONTEXT = "BlacklistTableModel"
    COLUMNS = _ENTRY_COLUMNS

    def cells(self, entry: BlacklistEntry) -> list[str]:
        status = (
            translate("BlacklistTableModel", "Listed")
            if entry.active
            else translate("BlacklistTableModel", "Lifted")
        )
        return [
            entry.masked_id_number,
            entry.name,
            entry.reason,
            entry.source,
            entry.listed_on.isoformat(),
            status,
        ]

    def colour(self, entry: BlacklistEntry) -> QColor | None:
        return None if entry.active else QColor("#80868b")


class ImportReportModel(_ListModel):
    CONTEXT = "ImportReportModel"
    COLUMNS = _REPORT_COLUMNS

    def cells(self, row) -> list[str]:
        result = (
            translate("ImportReportModel", "Accepted")
            if row.accepted
            else translate("ImportReportModel", "Rejected")
        )
        return [str(row.line_no), row.id_number, result, row.message]

    def colour(self, row) -> QColor | None:
        return None if row.accepted else REJECTED_COLOUR


class ImportReportDialog(QDialog):
    """What became of every line of an imported file; closes with 关闭."""

    def __init__(self, report: ImportReport, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_report_dialog")
        self.setWindowTitle(self.tr("Import report"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.model = ImportReportModel(self)
        self.model.set_rows(report.rows)
        heading = QLabel(self.tr("File: {0}").format(file_name), objectName="file")
        heading.setWordWrap(True)
        self.summary = QLabel(report.summary, objectName="summary")
        self.summary.setStyleSheet("font-weight: bold;")
        self.table = QTableView(objectName="report_table")
        self.table.setModel(self.model)
        configure_table(self.table, [width for _title, width in _REPORT_COLUMNS])
        self.table.setWordWrap(True)
        # The reason for a rejected line is the point of the report: never cut it off.
        self.table.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 12)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setObjectName("close")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 460)


class BlacklistView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("blacklist_view")
        self.model = BlacklistTableModel(self)
        self._news = ""
        self._build()
        self.reload()

    def _build(self) -> None:
        self.show_lifted = QCheckBox(self.tr("Show lifted entries"), objectName="show_lifted")
        self.show_lifted.toggled.connect(lambda _on: self.reload())
        self.add_button = QPushButton(self.tr("Add entry…"), objectName="add_entry")
        self.add_button.clicked.connect(self.add_entry)
        self.lift_button = QPushButton(self.tr("Lift…"), objectName="lift_entry")
        self.lift_button.clicked.connect(self.lift_entry)
        self.import_button = QPushButton(self.tr("Import CSV…"), objectName="import_csv")
        self.import_button.clicked.connect(self.import_csv)
        reload = QPushButton(self.tr("Reload"), objectName="reload")
        reload.clicked.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(self.show_lifted)
        bar.addStretch(1)
        for button in (self.add_button, self.lift_button, self.import_button, reload):
            bar.addWidget(button)
        self.table = QTableView(objectName="blacklist_table")
        self.table.setModel(self.model)
        configure_table(self.table, [width for _title, width in _ENTRY_COLUMNS])
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.status = FieldNote("status", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Default notice list")))
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._update_buttons()

    def keeps_the_list(self) -> bool:
        return self.ctx.user.has_role(*KEEPERS)

    def _update_buttons(self) -> None:
        keeper = self.keeps_the_list()
        entry = self.selected_entry()
        self.add_button.setEnabled(keeper)
        self.import_button.setEnabled(keeper)
        self.lift_button.setEnabled(keeper and entry is not None and entry.active)

    def selected_entry(self) -> BlacklistEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def refresh(self) -> None:
        """Shown again (the main window calls this): read the list again."""
        self.reload()

    def reload(self) -> None:
        uow, lifted = self.ctx.uow, self.show_lifted.isChecked()
        self.ctx.ops.run(
            lambda: list_blacklist(uow(), include_lifted=lifted),
            on_done=self._loaded,
            on_error=lambda error: self.status.say(describe_error(error), Tone.ERROR),
            label=self.tr("Loading the list…"),
            parent=self,
        )

    def _loaded(self, entries: list[BlacklistEntry]) -> None:
        self.model.set_rows(entries)
        listed = sum(1 for e in entries if e.active)
        count = self.tr("{0} people on the list.").format(listed)
        # What was just done is said once, with the list it produced.
        news, self._news = self._news, ""
        self.status.say(f"{news} {count}" if news else count, Tone.OK if news else Tone.INFO)

    # --- by hand --------------------------------------------------------------------------

    def add_entry(self) -> None:
        """Ask for one person and list him on the worker."""
        if self.keeps_the_list():
            self._ask_entry(BlacklistEntryDialog(self))

    def _ask_entry(self, dialog: BlacklistEntryDialog) -> None:
        """On a refusal the same dialog comes back with what was typed and why."""
        form = dialog.get_values()
        if form is None:
            dialog.deleteLater()
            return
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: _list_person(uow, actor, form),
            on_done=lambda entry: self._listed(entry, dialog),
            on_error=lambda error: self._add_failed(error, dialog),
            label=self.tr("Saving…"),
            parent=self,
        )

    def _listed(self, entry: BlacklistEntry, dialog: BlacklistEntryDialog) -> None:
        dialog.deleteLater()
        self._news = self.tr("{0} ({1}) is on the list.").format(entry.name, entry.masked_id_number)
        self.reload()

    def _add_failed(self, error: Exception, dialog: BlacklistEntryDialog) -> None:
        if isinstance(error, FormErrors):
            dialog.show_problems(error.problems)
        else:
            dialog.show_error(describe_error(error))
        self._ask_entry(dialog)

    def lift_entry(self) -> None:
        """Lift the selected active entry, with the reason the supervisor types."""
        entry = self.selected_entry()
        if not self.keeps_the_list() or entry is None or not entry.active:
            return
        dialog = LiftEntryDialog(self, entry)
        reason = dialog.get_values()
        dialog.deleteLater()
        if reason is None:
            return
        uow, actor = self.ctx.uow, self.ctx.user
        number, version = entry.id_number, entry.version
        self.ctx.ops.run(
            lambda: lift_from_blacklist(uow(), actor, number, version=version, reason=reason),
            on_done=self._lifted,
            on_error=self._lift_failed,
            label=self.tr("Saving…"),
            parent=self,
        )

    def _lifted(self, entry: BlacklistEntry) -> None:
        self._news = self.tr("{0} ({1}) was lifted from the list.").format(
            entry.name, entry.masked_id_number
        )
        self.reload()

    def _lift_failed(self, error: Exception) -> None:
        if isinstance(error, ConcurrencyConflict):
            text = self.tr(
                "Someone else changed this entry meanwhile. The list is reloaded; "
                "check it and lift again if still needed."
            )
            messages.show_error(self, text, self.tr("Changed by someone else"))
            self.reload()
            return
        messages.show_error(self, describe_error(error), self.tr("Not lifted"))

    # --- importing ------------------------------------------------------------------------

    def choose_csv(self) -> str | None:
        """The file to import, or ``None``; tests replace this method."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a notice list"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        return path or None

    def import_csv(self) -> None:
        path = self.choose_csv()
        if path is None:
            return
        uow, actor = self.ctx.uow, self.ctx.user
        self.import_button.setEnabled(False)
        self.ctx.ops.run(
            lambda: import_blacklist_csv(uow(), actor, Path(path)),
            on_done=lambda report: self._imported(report, Path(path).name),
            on_error=self._import_failed,
            label=self.tr("Importing the list…"),
            parent=self,
        )

    def _imported(self, report: ImportReport, file_name: str) -> None:
        self.import_button.setEnabled(True)
        self.reload()
        self.show_report(report, file_name)

    def _import_failed(self, error: Exception) -> None:
        self.import_button.setEnabled(True)
        messages.show_error(self, describe_error(error), self.tr("Import refused"))

    def show_report(self, report: ImportReport, file_name: str) -> None:
        dialog = ImportReportDialog(report, file_name, self)
        dialog.exec()
        dialog.deleteLater()


def _list_person(uow_factory, actor, form: ListingForm) -> BlacklistEntry:
    """Worker thread: list the person of ``form`` (or renew his entry)."""
    return add_to_blacklist(
        uow_factory(), actor, form.id_number, form.name, form.reason, form.source
    )


navigation.register(
    "blacklist",
    QT_TRANSLATE_NOOP("Navigation", "Blacklist"),
    BlacklistView,
    roles=set(KEEPERS),
    order=60,
)
