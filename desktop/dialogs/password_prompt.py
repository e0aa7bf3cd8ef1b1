"""Ask for a password again: before a sign-off, or for the database server.

``PasswordPrompt(parent, title=..., text=...).ask()`` returns the password
typed or ``None`` if cancelled. With ``check`` (a callable taking the
password, run on the database worker through ``ops``) the dialog stays open
until the check passes, showing its error inline, e.g. for a sign-off::

    check = lambda pw: accounts.confirm_password(uow(), user.username, pw)
    if PasswordPrompt(self, title=..., text=..., ops=ops, check=check).ask() is None:
        return

UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.operations import describe_error


class PasswordPrompt(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        text: str,
        ops=None,
        check: Callable[[str], Any] | None = None,
    ):
        super().__init__(parent)
        self.ops = ops
        self.check = check
        self.value: str | None = None
        self.setObjectName("password_prompt")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(title)
        self._build(text)

    def _build(self, text: str) -> None:
        explanation = QLabel(text, objectName="explanation")
        explanation.setWordWrap(True)
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.error = messages.inline_label(self)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok")
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(explanation)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def ask(self) -> str | None:
        """The password (checked, if a check was given) or ``None`` if cancelled."""
        return self.value if self.exec() == QDialog.DialogCode.Accepted else None

    def submit(self) -> None:
        password = self.password.text()
        if self.check is None:
            self._passed(password)
            return
        self.ok_button.setEnabled(False)
        check = self.check
        self.ops.run(
            lambda: check(password),
            on_done=lambda _result: self._passed(password),
            on_error=self._failed,
            label=self.tr("Checking the password…"),
            parent=self,
        )

    def _passed(self, password: str) -> None:
        self.ok_button.setEnabled(True)
        self.value = password
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        messages.set_inline(self.error, describe_error(error))
        self.password.selectAll()
        self.password.setFocus()
