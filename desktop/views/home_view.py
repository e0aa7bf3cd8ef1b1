"""首页: who is signed in, with which roles, on which database.

Kept honest: it shows only facts LoanDesk knows. Later issues add the
work lists (applications waiting, repayments due, what is late) below.
UI thread only; the schema version is read on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from desktop import navigation
from desktop.navigation import ViewContext, role_names


class HomeView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("home_view")
        self._signed_in_at = QDateTime.currentDateTime()
        self._build()
        self.refresh()

    def _build(self) -> None:
        user = self.ctx.user
        greeting = QLabel(self.tr("Welcome, {0}").format(user.full_name), objectName="greeting")
        font = QFont(greeting.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        greeting.setFont(font)

        self.schema = QLabel(self.tr("Reading…"), objectName="schema")
        facts = QFrame(objectName="facts")
        facts.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(facts)
        form.setContentsMargins(16, 12, 16, 12)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(
            self.tr("User"),
            self._value(self.tr("{0} ({1})").format(user.full_name, user.username), "user"),
        )
        form.addRow(self.tr("Roles"), self._value(role_names(user.roles), "roles"))
        when = QLocale().toString(self._signed_in_at, QLocale.FormatType.ShortFormat)
        form.addRow(self.tr("Signed in at"), self._value(when, "signed_in_at"))
        form.addRow(self.tr("Database"), self._value(self.ctx.store.display_name, "database"))
        form.addRow(self.tr("Schema version"), self.schema)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        layout.addWidget(greeting)
        layout.addWidget(facts)
        layout.addStretch(1)

    @staticmethod
    def _value(text: str, name: str) -> QLabel:
        label = QLabel(text, objectName=name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def refresh(self) -> None:
        store = self.ctx.store
        self.ctx.ops.run(
            store.schema_status,
            on_done=self._show_schema,
            on_error=self._schema_failed,
            parent=self,
        )

    def _show_schema(self, status) -> None:
        self.schema.setText(status.revision or "—")

    def _schema_failed(self, error: Exception) -> None:
        self.schema.setText(self.tr("unknown ({0})").format(error))


navigation.register("home", QT_TRANSLATE_NOOP("Navigation", "Home"), HomeView, order=0)
