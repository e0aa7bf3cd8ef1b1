"""审计日志 (administrators and supervisors): the audit trail, newest first.

Entries are fetched a page at a time by keyset (``before_seq``), never by
OFFSET: scrolling to the end of the table (Qt's ``fetchMore``) or the
"更多" button asks the worker for the next page. The audit trail only grows
at the top, so pages already loaded stay valid. The list can be filtered by
user and by kind of record; "校验哈希链" walks the whole chain on the worker
and shows the verdict. UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from domain.audit import AuditEntry, ChainReport, audit_page, canonical, verify_audit_trail
from domain.users import Role

PAGE_SIZE = 200

_COLUMNS = [
    QT_TRANSLATE_NOOP("AuditTableModel", "No."),
    QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
    QT_TRANSLATE_NOOP("AuditTableModel", "User"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Key"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Change"),
]

_COLUMN_WIDTHS = [64, 150, 96, 120, 90, 80]

# Names for the codes the trail stores. Later features add theirs here;
# a code without a name is shown as it is stored.
ACTION_NAMES = {
    "create": QT_TRANSLATE_NOOP("AuditNames", "created"),
    "update": QT_TRANSLATE_NOOP("AuditNames", "changed"),
    "delete": QT_TRANSLATE_NOOP("AuditNames", "deleted"),
    "sign_in": QT_TRANSLATE_NOOP("AuditNames", "signed in"),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditNames", "wrong password"),
    "create_first_administrator": QT_TRANSLATE_NOOP("AuditNames", "first administrator created"),
}
ENTITY_NAMES = {
    "users": QT_TRANSLATE_NOOP("AuditNames", "Users"),
    "settings": QT_TRANSLATE_NOOP("AuditNames", "Settings"),
    "user_roles": QT_TRANSLATE_NOOP("AuditNames", "User roles"),
}


def _name(names: dict[str, str], code: str) -> str:
    return QCoreApplication.translate("AuditNames", names[code]) if code in names else code


def fetch_page(
    uow, viewer, before_seq: int | None, limit: int, actor: str | None, entity: str | None
) -> list[AuditEntry]:
    """Worker thread: one page of the trail, newest first, filtered."""
    return audit_page(uow, viewer, before_seq, limit, actor=actor or None, entity=entity or None)


def _change(entry: AuditEntry) -> str:
    parts = [canonical(v) for v in (entry.before, entry.after) if v]
    return " → ".join(parts)


class AuditTableModel(QAbstractTableModel):
    """Audit entries loaded so far, newest first, growing by keyset pages.

    ``fetch(before_seq, limit)`` runs on the worker and returns the next
    page of at most ``limit`` entries (fewer means the end was reached);
    results of a fetch started before a ``restart`` are dropped.
    ``page_loaded`` follows every page that arrived (even an empty one).
    """

    page_loaded = Signal()

    def __init__(self, ops, parent=None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.ops = ops
        self.page_size = page_size
        self.entries: list[AuditEntry] = []
        self._fetch: Callable[[int | None, int], list[AuditEntry]] | None = None
        self._generation = 0
        self._loading = False
        self._exhausted = True

    def restart(self, fetch: Callable[[int | None, int], list[AuditEntry]]) -> None:
        """Forget what was loaded and fetch the newest page with ``fetch``."""
        self.beginResetModel()
        self.entries = []
        self._fetch = fetch
        self._generation += 1
        self._loading = False
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AuditTableModel", _COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(_COLUMNS) - 1:
            return _change(entry)
        return None

    @staticmethod
    def _cell(entry: AuditEntry, column: int) -> str:
        if column == 0:
            return str(entry.seq)
        if column == 1:
            return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == 6:
            text = _change(entry)
            return text if len(text) <= 120 else text[:119] + "…"
        return [
            entry.actor,
            _name(ACTION_NAMES, entry.action),
            _name(ENTITY_NAMES, entry.entity),
            entry.entity_id,
        ][column - 2]

    # --- paging -------------------------------------------------------------------------

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        self._loading = True
        fetch, generation, limit = self._fetch, self._generation, self.page_size
        before = self.entries[-1].seq if self.entries else None
        self.ops.run(
            lambda: fetch(before, limit),
            on_done=lambda page: self._append(generation, page),
            on_error=lambda error: self._failed(generation, error),
            label=QCoreApplication.translate("AuditTableModel", "Loading the audit log…"),
            owner=self,
        )

    def is_loading(self) -> bool:
        return self._loading

    def is_complete(self) -> bool:
        return self._exhausted

    def _append(self, generation: int, page: list[AuditEntry]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(page) < self.page_size
        if page:
            first = len(self.entries)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.entries.extend(page)
            self.endInsertRows()
        self.page_loaded.emit()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False  # "更多" can try again
        messages.show_error(None, describe_error(error))


class AuditView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("audit_view")
        self.model = AuditTableModel(ctx.ops, self)
        self.model.modelReset.connect(self._update_more)
        self.model.page_loaded.connect(self._update_more)
        self._build()
        self.apply_filter()

    def _build(self) -> None:
        title = QLabel(self.tr("Audit log"), objectName="view_title")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.actor = QLineEdit(objectName="filter_actor")
        self.actor.setPlaceholderText(self.tr("User name"))
        self.actor.setClearButtonEnabled(True)
        self.actor.returnPressed.connect(self.apply_filter)
        self.entity = QComboBox(objectName="filter_entity")
        self.entity.addItem(self.tr("All records"), "")
        for code in ENTITY_NAMES:
            self.entity.addItem(_name(ENTITY_NAMES, code), code)
        self.entity.currentIndexChanged.connect(lambda _i: self.apply_filter())
        apply = QPushButton(self.tr("Filter"), objectName="apply_filter")
        apply.clicked.connect(self.apply_filter)
        self.verify_button = QPushButton(self.tr("Verify hash chain"), objectName="verify")
        self.verify_button.clicked.connect(self.verify)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("User")))
        filters.addWidget(self.actor)
        filters.addWidget(QLabel(self.tr("Record")))
        filters.addWidget(self.entity)
        filters.addWidget(apply)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)

        self.verdict = messages.inline_label(self, "verdict")
        self.table = QTableView(objectName="audit_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Fixed starting widths: measuring every row (ResizeToContents) gets
        # slower with each page and misses rows added after the first.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(_COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.more = QPushButton(self.tr("More"), objectName="more")
        self.more.clicked.connect(lambda: self.model.fetchMore(QModelIndex()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)

    def apply_filter(self) -> None:
        """Reload from the newest entry with the filters as they stand."""
        uow, viewer = self.ctx.uow, self.ctx.user
        actor = self.actor.text().strip().lower() or None
        entity = self.entity.currentData() or None

        def fetch(before_seq: int | None, limit: int) -> list[AuditEntry]:
            return fetch_page(uow(), viewer, before_seq, limit, actor, entity)

        self.model.restart(fetch)

    def _update_more(self, *_args) -> None:
        self.more.setEnabled(not self.model.is_complete())

    def verify(self) -> None:
        uow = self.ctx.uow
        self.verify_button.setEnabled(False)
        self.ctx.ops.run(
            lambda: verify_audit_trail(uow()),
            on_done=self._verified,
            on_error=self._verify_failed,
            label=self.tr("Verifying the audit log…"),
            parent=self,
        )

    def _verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        messages.set_inline(self.verdict, report.message, ok=report.intact)

    def _verify_failed(self, error: Exception) -> None:
        self.verify_button.setEnabled(True)
        messages.set_inline(self.verdict, describe_error(error))


navigation.register(
    "audit",
    QT_TRANSLATE_NOOP("Navigation", "Audit log"),
    AuditView,
    roles={Role.ADMINISTRATOR, Role.SUPERVISOR},
    order=90,
)
