"""审计日志 (administrators and supervisors): the audit trail, newest first.

Entries are fetched a page at a time by keyset (``before_seq``), never by
OFFSET, through the shared ``PagedTableModel``: scrolling to the end of the
table (Qt's ``fetchMore``) or the "更多" button asks the worker for the next
page. The audit trail only grows at the top, so pages already loaded stay
valid. The list can be filtered by user and by kind of record; "校验哈希链"
walks the whole chain on the worker and shows the verdict. UI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
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
from desktop.models.paged_table import Column, PagedTableModel
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from domain.audit import AuditEntry, ChainReport, audit_page, canonical, verify_audit_trail
from domain.users import Role

PAGE_SIZE = 200
CHANGE_SHOWN = 120  # characters of the change in its cell; the tooltip has all of it

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


def _short_change(entry: AuditEntry) -> str:
    text = _change(entry)
    return text if len(text) <= CHANGE_SHOWN else text[: CHANGE_SHOWN - 1] + "…"


COLUMNS = [
    Column(QT_TRANSLATE_NOOP("AuditTableModel", "No."), lambda e: str(e.seq), 64),
    Column(
        QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
        lambda e: e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        150,
    ),
    Column(QT_TRANSLATE_NOOP("AuditTableModel", "User"), lambda e: e.actor, 96),
    Column(
        QT_TRANSLATE_NOOP("AuditTableModel", "Action"), lambda e: _name(ACTION_NAMES, e.action), 120
    ),
    Column(
        QT_TRANSLATE_NOOP("AuditTableModel", "Record"), lambda e: _name(ENTITY_NAMES, e.entity), 90
    ),
    Column(QT_TRANSLATE_NOOP("AuditTableModel", "Key"), lambda e: e.entity_id, 80),
    Column(QT_TRANSLATE_NOOP("AuditTableModel", "Change"), _short_change),  # stretches
]


class AuditTableModel(PagedTableModel):
    """Audit entries loaded so far, newest first, growing by keyset pages of
    ``seq`` with no cap (the clerk may page back to the first entry).

    ``restart(fetch)`` takes ``fetch(before_seq, limit, _order)``, run on the
    worker; a page that cannot be read emits ``load_failed``. Only the change
    column has a tooltip: the whole change, which its cell may shorten.
    """

    def __init__(self, ops, parent=None, page_size: int = PAGE_SIZE):
        super().__init__(
            ops,
            COLUMNS,
            "AuditTableModel",
            key=lambda entry: entry.seq,
            page_size=page_size,
            max_rows=None,
            label=QT_TRANSLATE_NOOP("AuditTableModel", "Loading the audit log…"),
            parent=parent,
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.isValid() and index.column() == len(self.columns) - 1:
                return _change(self.rows[index.row()]) if index.row() < len(self.rows) else None
            return None
        return super().data(index, role)


class AuditView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("audit_view")
        self.model = AuditTableModel(ctx.ops, self)
        self.model.modelReset.connect(self._update_more)
        self.model.page_loaded.connect(self._update_more)
        self.model.load_failed.connect(lambda text: messages.show_error(None, text))
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
        for number, column in enumerate(COLUMNS[:-1]):  # the last one stretches
            self.table.setColumnWidth(number, column.width)
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

        def fetch(before_seq: int | None, limit: int, _order) -> list[AuditEntry]:
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
