"""The first administrator, asked for on a database without any user.

There is no default account and no default password: whoever installs
LoanDesk chooses both here. ``FirstAdminDialog(store, ops).create()``
returns the new ``User`` or ``None`` if cancelled. The account is created
on the worker; a refused name or password is shown inline and the dialog
stays open with what was typed. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.operations import describe_error
from domain import accounts
from domain.users import User


class FirstAdminDialog(QDialog):
    def __init__(self, store, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = ops
        self.user: User | None = None
        self.setObjectName("first_admin_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Create the first administrator"))
        self._build()

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "This database has no users yet. Create the administrator account: "
                "the administrator then adds the other staff and their roles. "
                "Choose a password only you know; there is no default password."
            ),
            objectName="intro",
        )
        intro.setWordWrap(True)
        self.username = QLineEdit(objectName="username")
        self.full_name = QLineEdit(objectName="full_name")
        self.password = QLineEdit(objectName="password")
        self.repeat = QLineEdit(objectName="repeat")
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.username.setPlaceholderText(self.tr("Letters and digits, e.g. zhangsan"))
        self.password.setPlaceholderText(self.tr("At least 8 characters, letters and digits"))
        self.error = messages.inline_label(self)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)

        buttons = QDialogButtonBox()
        self.submit_button = buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setObjectName("submit")
        self.submit_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def create(self) -> User | None:
        """Show the dialog until the administrator exists (``User``) or it is cancelled."""
        return self.user if self.exec() == QDialog.DialogCode.Accepted else None

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            messages.set_inline(self.error, self.tr("The two passwords are not the same."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        values = (self.username.text(), self.full_name.text(), self.password.text())
        self.submit_button.setEnabled(False)
        store = self.store
        self.ops.run(
            lambda: accounts.create_first_administrator(store.uow(), *values),
            on_done=self._created,
            on_error=self._failed,
            label=self.tr("Creating the administrator…"),
            parent=self,
        )

    def _created(self, user: User) -> None:
        self.submit_button.setEnabled(True)
        self.user = user
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.submit_button.setEnabled(True)
        messages.set_inline(self.error, describe_error(error))
