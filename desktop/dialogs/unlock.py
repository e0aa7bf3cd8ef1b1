"""Locking an unattended desk: the idle watcher and the unlock dialog.

A desk left alone must not stay open to the next person in the queue. The
``IdleWatcher`` sees every key press, click, wheel turn and mouse move in the
application; after ``SecurityPolicy.idle_lock_minutes`` without any it emits
``timed_out`` and the main window covers its content and shows the
``UnlockDialog``. UI thread only.

``UnlockDialog(store, ops, user, parent).unlock()`` returns the ``User``
once the password is confirmed (on the worker, via ``confirm_password``,
which counts failures like a sign-in), or ``None`` when "switch user" was
chosen. It cannot be dismissed with Esc or the close button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.operations import describe_error
from domain import accounts
from domain.users import User

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits ``timed_out`` after ``interval_ms`` without keyboard or mouse input.

    Installs itself as an application-wide event filter while started.
    An interval of 0 disables the lock (a bank may choose so in its settings).
    """

    timed_out = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.timed_out)
        self._installed = False

    def set_interval_ms(self, interval_ms: int) -> None:
        self._timer.setInterval(max(0, interval_ms))
        if self._installed:
            self._restart()

    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        if not self._installed:
            QApplication.instance().installEventFilter(self)
            self._installed = True
        self._restart()

    def stop(self) -> None:
        self._timer.stop()
        if self._installed:
            QApplication.instance().removeEventFilter(self)
            self._installed = False

    def is_running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._restart()
        return False

    def _restart(self) -> None:
        if self._timer.interval() > 0:
            self._timer.start()
        else:
            self._timer.stop()


class UnlockDialog(QDialog):
    def __init__(self, store, ops, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = ops
        self.locked_user = user
        self.user: User | None = None
        self.setObjectName("unlock_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Desk locked"))
        self._build()

    def _build(self) -> None:
        heading = QLabel(self.tr("The desk is locked"), objectName="heading")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        who = QLabel(
            self.tr(
                "Locked after a period without use. {0} ({1}), enter your password to go on."
            ).format(self.locked_user.full_name, self.locked_user.username),
            objectName="who",
        )
        who.setWordWrap(True)
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.error = messages.inline_label(self)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.switch_button = buttons.addButton(
            self.tr("Switch user"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.switch_button.setObjectName("switch_user")
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button.clicked.connect(self._switch_user)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(who)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def unlock(self) -> User | None:
        """Until the password is confirmed (the ``User``) or "switch user" (``None``)."""
        self.exec()
        return self.user

    def submit(self) -> None:
        password = self.password.text()
        username = self.locked_user.username
        store = self.store
        self.unlock_button.setEnabled(False)
        self.ops.run(
            lambda: accounts.confirm_password(store.uow(), username, password),
            on_done=self._unlocked,
            on_error=self._failed,
            label=self.tr("Checking the password…"),
            parent=self,
        )

    def _unlocked(self, user: User) -> None:
        self.unlock_button.setEnabled(True)
        self.user = user
        self.done(QDialog.DialogCode.Accepted)

    def _failed(self, error: Exception) -> None:
        self.unlock_button.setEnabled(True)
        messages.set_inline(self.error, describe_error(error))
        self.password.clear()
        self.password.setFocus()

    def _switch_user(self) -> None:
        self.user = None
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Esc must not reveal the window behind: only unlock or switch user leave."""

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
