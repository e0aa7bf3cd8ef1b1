"""数据库连接 (administrators): the database in use and the saved connection.

Changing the connection is saved for this computer and takes effect at the
next start: the desk keeps working on the database it signed in to, so no
half-finished work is carried over to another database. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import config, navigation
from desktop.dialogs import messages
from desktop.dialogs.connection import ConnectionDialog
from desktop.navigation import ViewContext
from domain.users import Role


class ConnectionView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("connection_view")
        self._build()

    def _build(self) -> None:
        title = QLabel(self.tr("Database connection"), objectName="view_title")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        facts = QFrame()
        facts.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(facts)
        form.setContentsMargins(16, 12, 16, 12)
        form.setVerticalSpacing(10)
        self.current = QLabel(self.ctx.store.display_name, objectName="current")
        self.saved = QLabel(self._saved_text(), objectName="saved")
        for label in (self.current, self.saved):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("In use now"), self.current)
        form.addRow(self.tr("Saved for the next start"), self.saved)
        change = QPushButton(self.tr("Change connection…"), objectName="change")
        change.clicked.connect(self.change)
        self.notice = messages.inline_label(self, "notice")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(facts)
        layout.addWidget(change, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.notice)
        layout.addStretch(1)

    def _saved_text(self) -> str:
        saved = config.load_connection()
        return saved.describe() if saved else self.tr("none (the local data file is used)")

    def change(self) -> None:
        if ConnectionDialog(self.ctx.ops, self).edit() is None:
            return
        self.saved.setText(self._saved_text())
        messages.set_inline(
            self.notice,
            self.tr("Saved. LoanDesk uses the new connection from its next start."),
            ok=True,
        )


navigation.register(
    "connection",
    QT_TRANSLATE_NOOP("Navigation", "Database connection"),
    ConnectionView,
    roles={Role.ADMINISTRATOR},
    order=95,
)
