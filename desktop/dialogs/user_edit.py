"""Add a user, edit one, or set a new password for one (administrators).

``UserEditDialog(mode, parent, user=...).get_values()`` returns a
``UserForm`` or ``None`` if cancelled. The dialog only collects and checks
the form (both passwords equal, at least one role); the users view saves it
through the domain services on the worker. When saving fails, the view calls
``show_error`` and ``get_values`` again on the same dialog, so what was
typed is still there. UI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.navigation import role_name
from domain.users import Role, User


class Mode(StrEnum):
    ADD = "add"
    EDIT = "edit"
    RESET = "reset"  # a new password only


@dataclass(frozen=True)
class UserForm:
    username: str
    full_name: str
    roles: frozenset[Role]
    active: bool
    password: str | None  # None when editing without a new password


class UserEditDialog(QDialog):
    def __init__(self, mode: Mode, parent: QWidget | None = None, user: User | None = None):
        super().__init__(parent)
        self.mode = Mode(mode)
        self.values: UserForm | None = None
        self.setObjectName("user_edit_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(
            {
                Mode.ADD: self.tr("Add user"),
                Mode.EDIT: self.tr("Edit user"),
                Mode.RESET: self.tr("Set a new password"),
            }[self.mode]
        )
        self._build()
        if user is not None:
            self._load(user)

    def _build(self) -> None:
        self.username = QLineEdit(objectName="username")
        self.username.setReadOnly(self.mode is not Mode.ADD)  # the sign-in name never changes
        self.full_name = QLineEdit(objectName="full_name")
        self.role_boxes = {
            role: QCheckBox(role_name(role), objectName=f"role_{role.value}") for role in Role
        }
        roles = QWidget(self)  # parented: the boxes outlive this method even when not shown
        grid = QGridLayout(roles)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.role_boxes.values()):
            grid.addWidget(box, i // 2, i % 2)
        self.active = QCheckBox(self.tr("Account in use"), self, objectName="active")
        self.active.setChecked(True)
        self.password = QLineEdit(objectName="password")
        self.repeat = QLineEdit(objectName="repeat")
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("At least 8 characters, letters and digits"))
        self.error = messages.inline_label(self)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Roles"), roles)
        form.addRow("", self.active)
        password_label = self.tr("New password") if self.mode is Mode.RESET else self.tr("Password")
        form.addRow(password_label, self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        # One layout for all three modes; each shows only its own rows.
        form.setRowVisible(self.full_name, self.mode is not Mode.RESET)
        form.setRowVisible(roles, self.mode is not Mode.RESET)
        form.setRowVisible(self.active, self.mode is Mode.EDIT)
        form.setRowVisible(self.password, self.mode is not Mode.EDIT)
        form.setRowVisible(self.repeat, self.mode is not Mode.EDIT)

        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("save")
        ok.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _load(self, user: User) -> None:
        self.username.setText(user.username)
        self.full_name.setText(user.full_name)
        for role, box in self.role_boxes.items():
            box.setChecked(role in user.roles)
        self.active.setChecked(user.active)

    def get_values(self) -> UserForm | None:
        """The form as filled in, or ``None`` if cancelled."""
        self.values = None
        return self.values if self.exec() == QDialog.DialogCode.Accepted else None

    def show_error(self, text: str) -> None:
        """Show why saving failed; the fields keep their content."""
        messages.set_inline(self.error, text)

    def submit(self) -> None:
        if self.mode is not Mode.EDIT and self.password.text() != self.repeat.text():
            self.show_error(self.tr("The two passwords are not the same."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        roles = frozenset(r for r, box in self.role_boxes.items() if box.isChecked())
        if self.mode is not Mode.RESET and not roles:
            self.show_error(self.tr("Choose at least one role."))
            return
        self.values = UserForm(
            username=self.username.text(),
            full_name=self.full_name.text(),
            roles=roles,
            active=self.active.isChecked(),
            password=None if self.mode is Mode.EDIT else self.password.text(),
        )
        self.accept()
