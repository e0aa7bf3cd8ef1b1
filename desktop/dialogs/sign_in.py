"""The sign-in dialog: user name and password, checked on the database worker.

``SignInDialog(store, ops).sign_in()`` returns the signed-in ``User`` or
``None`` when the clerk cancels. Wrong passwords and locked accounts are
shown inline in red (the domain's own message); the dialog stays open and
keeps the user name. UI thread only; the password check runs on the worker.

At start-up the dialog is shown while the database is still being opened
(``store`` is None); ``set_store`` arrives a moment later, and a sign-in
asked for before then is carried out as soon as it does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
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
from domain.errors import DomainError, StorageUnavailable
from domain.users import User


class SignInDialog(QDialog):
    def __init__(self, store, ops, parent: QWidget | None = None, username: str = ""):
        super().__init__(parent)
        self.store = store
        self.ops = ops
        self.user: User | None = None
        self._waiting_for_store = False
        self.setObjectName("sign_in_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Sign in"))
        self._build(username)

    def _build(self, username: str) -> None:
        title = QLabel(self.tr("Micro and Small Business Loan Desk"), objectName="title")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where = QLabel(objectName="database")
        self.where.setWordWrap(True)
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where.setStyleSheet("color: #555;")
        self._show_where()

        self.username = QLineEdit(username, objectName="username")
        self.username.setPlaceholderText(self.tr("Sign-in name"))
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = messages.inline_label(self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)

        self.buttons = QDialogButtonBox()
        self.submit_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setObjectName("submit")
        self.submit_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("Exit"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.where)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password if username else self.username).setFocus()

    def _show_where(self) -> None:
        if self.store is None:
            self.where.setText(self.tr("Connecting to the database…"))
        else:
            self.where.setText(self.tr("Database: {0}").format(self.store.display_name))

    def set_store(self, store) -> None:
        """The database is open: name it, and sign in if that was already asked for."""
        self.store = store
        self._show_where()
        if self._waiting_for_store:
            self._waiting_for_store = False
            self.submit()

    def sign_in(self) -> User | None:
        """Show the dialog until the clerk signs in (the ``User``) or cancels (``None``)."""
        return self.user if self.exec() == QDialog.DialogCode.Accepted else None

    def submit(self) -> None:
        """Check the name and password on the worker; Enter in either field lands here."""
        name, password = self.username.text(), self.password.text()
        if not name.strip():
            messages.set_inline(self.error, self.tr("Please enter your user name."))
            self.username.setFocus()
            return
        self._set_busy(True)
        if self.store is None:
            self._waiting_for_store = True
            return
        store = self.store
        self.ops.run(
            lambda: _check_password(store, name, password),
            on_done=self._signed_in,
            on_error=self._failed,
            label=self.tr("Signing in…"),
            parent=self,
        )

    def _signed_in(self, user: User) -> None:
        self._set_busy(False)
        self.user = user
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        messages.set_inline(self.error, describe_error(error))
        if isinstance(error, DomainError) and not isinstance(error, StorageUnavailable):
            # A wrong password is typed again from scratch; a lost server keeps it.
            self.password.clear()
        self.password.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.submit_button):
            widget.setEnabled(not busy)


def _check_password(store, name: str, password: str) -> User:
    """Worker thread. The accounts module (and its password hashing) is
    imported here, off the path to the first window."""
    from domain.accounts import sign_in

    return sign_in(store.uow(), name, password)
