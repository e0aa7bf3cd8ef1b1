"""用户管理 (administrators): the staff list; add, edit, set a new password.

Every change goes through ``domain.accounts`` on the worker. When saving
fails the same dialog opens again with what was typed and the reason; a
``ConcurrencyConflict`` (someone else saved this user first) is explained
and the list reloaded, so the administrator edits the current copy.
UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.user_edit import Mode, UserEditDialog, UserForm
from desktop.navigation import ViewContext, role_names
from desktop.operations import describe_error
from domain import accounts
from domain.errors import ConcurrencyConflict
from domain.users import Role, User

_COLUMNS = [
    QT_TRANSLATE_NOOP("UserTableModel", "User name"),
    QT_TRANSLATE_NOOP("UserTableModel", "Full name"),
    QT_TRANSLATE_NOOP("UserTableModel", "Roles"),
    QT_TRANSLATE_NOOP("UserTableModel", "Status"),
]


class UserTableModel(QAbstractTableModel):
    """The staff list as loaded; replaced whole on each reload (it is short)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.users: list[User] = []

    def set_users(self, users: list[User]) -> None:
        self.beginResetModel()
        self.users = sorted(users, key=lambda u: u.username)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.users)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("UserTableModel", _COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        user = self.users[index.row()]
        return [user.username, user.full_name, role_names(user.roles), _status(user)][
            index.column()
        ]


def _status(user: User) -> str:
    if not user.active:
        return QCoreApplication.translate("UserTableModel", "Disabled")
    if user.is_locked(datetime.now(UTC)):
        return QCoreApplication.translate("UserTableModel", "Locked (too many wrong passwords)")
    return QCoreApplication.translate("UserTableModel", "In use")


class UsersView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("users_view")
        self.model = UserTableModel(self)
        self._build()
        self.reload()

    def _build(self) -> None:
        title = QLabel(self.tr("Users"), objectName="view_title")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.table = QTableView(objectName="users_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 120, 320)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())

        buttons = QHBoxLayout()
        for name, text, slot in (
            ("add", self.tr("Add user…"), self.add_user),
            ("edit", self.tr("Edit…"), self.edit_user),
            ("reset_password", self.tr("Set new password…"), self.reset_password),
            ("reload", self.tr("Reload"), self.reload),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    # --- loading --------------------------------------------------------------------

    def reload(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: accounts.list_users(uow(), actor),
            on_done=self.model.set_users,
            label=self.tr("Loading users…"),
            parent=self,
        )

    def selected_user(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.users[rows[0].row()] if rows else None

    # --- actions --------------------------------------------------------------------------

    def add_user(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.user

        def save(form: UserForm) -> User:
            return accounts.add_user(
                uow(), actor, form.username, form.full_name, form.roles, form.password
            )

        self._edit(UserEditDialog(Mode.ADD, self), save)

    def edit_user(self) -> None:
        user = self._require_selection()
        if user is None:
            return
        uow, actor, version = self.ctx.uow, self.ctx.user, user.version

        def save(form: UserForm) -> User:
            return accounts.update_user(
                uow(),
                actor,
                user.username,
                version=version,
                full_name=form.full_name,
                roles=form.roles,
                active=form.active,
            )

        self._edit(UserEditDialog(Mode.EDIT, self, user), save)

    def reset_password(self) -> None:
        user = self._require_selection()
        if user is None:
            return
        uow, actor = self.ctx.uow, self.ctx.user

        def save(form: UserForm) -> None:
            accounts.reset_password(uow(), actor, user.username, form.password)

        self._edit(UserEditDialog(Mode.RESET, self, user), save)

    def _require_selection(self) -> User | None:
        user = self.selected_user()
        if user is None:
            messages.show_info(self, self.tr("Select a user in the list first."))
        return user

    def _edit(self, dialog: UserEditDialog, save: Callable[[UserForm], Any]) -> None:
        """Ask, save on the worker; on failure ask again with the same dialog."""
        form = dialog.get_values()
        if form is None:
            return
        self.ctx.ops.run(
            lambda: save(form),
            on_done=lambda _result: self._saved(dialog),
            on_error=lambda error: self._save_failed(error, dialog, save),
            label=self.tr("Saving…"),
            parent=self,
        )

    def _saved(self, dialog: UserEditDialog) -> None:
        dialog.deleteLater()
        self.reload()

    def _save_failed(self, error: Exception, dialog: UserEditDialog, save) -> None:
        if isinstance(error, ConcurrencyConflict):
            messages.show_error(
                self,
                self.tr(
                    "Someone else changed this user while you were editing. "
                    "The list is reloaded; please make your change again.\n{0}"
                ).format(error),
                self.tr("Changed by someone else"),
            )
            dialog.deleteLater()
            self.reload()
            return
        # A refused form, or a lost server the clerk chose not to retry now:
        # the same dialog comes back with everything typed and the reason.
        dialog.show_error(describe_error(error))
        self._edit(dialog, save)


navigation.register(
    "users",
    QT_TRANSLATE_NOOP("Navigation", "Users"),
    UsersView,
    roles={Role.ADMINISTRATOR},
    order=80,
)
