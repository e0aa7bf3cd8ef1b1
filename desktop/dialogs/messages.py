"""Short message boxes: errors, information, yes/no questions, retry after a lost server.

Call them through the module (``messages.show_error(...)``), never by
importing the functions, so tests can replace them with recording fakes and
never block on a modal ``exec()``. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

translate = QCoreApplication.translate

ERROR_COLOUR = "#b3261e"
SUCCESS_COLOUR = "#1b6e3a"


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    box = _box(
        parent, QMessageBox.Icon.Warning, title or translate("Messages", "Cannot continue"), text
    )
    box.addButton(translate("Messages", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    box = _box(
        parent, QMessageBox.Icon.Information, title or translate("Messages", "Information"), text
    )
    box.addButton(translate("Messages", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, text: str, title: str, yes: str, no: str) -> bool:
    """A question with two explicit answers; True for ``yes``."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def ask_retry(parent: QWidget | None, text: str) -> bool:
    """The database server was lost: True for 重试, False for 取消."""
    box = _box(
        parent, QMessageBox.Icon.Warning, translate("Messages", "Database unavailable"), text
    )
    retry = box.addButton(translate("Messages", "Retry"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Messages", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    return box.clickedButton() is retry


def inline_label(parent: QWidget | None = None, object_name: str = "error") -> QLabel:
    """A hidden, word-wrapped label for a form's own message (shown in red)."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setVisible(False)
    return label


def set_inline(label: QLabel, text: str, *, ok: bool = False) -> None:
    """Show ``text`` in the form's message label, red unless ``ok``; hide it when empty."""
    label.setStyleSheet(f"color: {SUCCESS_COLOUR if ok else ERROR_COLOUR};")
    label.setText(text)
    label.setVisible(bool(text))
