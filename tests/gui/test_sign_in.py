"""Signing in, the first administrator, and the password prompt, on a real database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.dialogs.first_admin import FirstAdminDialog
from desktop.dialogs.password_prompt import PasswordPrompt
from desktop.dialogs.sign_in import SignInDialog
from domain import accounts
from tests.gui.conftest import PASSWORD


@pytest.fixture
def sign_in_dialog(qtbot, sqlite_store, ops):
    dialog = SignInDialog(sqlite_store, ops)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _try(dialog, qtbot, wait_idle, name: str, password: str) -> None:
    dialog.username.setText(name)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    wait_idle()


def test_sign_in_succeeds(sign_in_dialog, admin, qtbot, wait_idle):
    _try(sign_in_dialog, qtbot, wait_idle, "admin", PASSWORD)
    assert sign_in_dialog.result() == QDialog.DialogCode.Accepted
    assert sign_in_dialog.user.full_name == "张管理"


def test_the_dialog_is_in_chinese_with_the_database_named(sign_in_dialog, sqlite_store):
    assert sign_in_dialog.windowTitle() == "登录"
    assert (
        sign_in_dialog.findChild(type(sign_in_dialog.error), "title").text() == "小微信贷柜面系统"
    )
    assert (
        sqlite_store.display_name
        in sign_in_dialog.findChild(type(sign_in_dialog.error), "database").text()
    )


def test_enter_submits(sign_in_dialog, admin, qtbot, wait_idle):
    sign_in_dialog.username.setText("admin")
    sign_in_dialog.password.setText(PASSWORD)
    qtbot.keyClick(sign_in_dialog.password, Qt.Key.Key_Return)
    wait_idle()
    assert sign_in_dialog.user is not None


def test_wrong_password_is_shown_inline_in_red(sign_in_dialog, admin, qtbot, wait_idle):
    _try(sign_in_dialog, qtbot, wait_idle, "admin", "wrong-password1")
    assert sign_in_dialog.isVisible() and sign_in_dialog.user is None
    assert sign_in_dialog.error.isVisible()
    assert "用户名或密码不正确" in sign_in_dialog.error.text()
    assert "#b3261e" in sign_in_dialog.error.styleSheet()
    assert sign_in_dialog.username.text() == "admin"
    assert sign_in_dialog.password.text() == ""


def test_five_wrong_passwords_lock_the_account(sign_in_dialog, admin, qtbot, wait_idle):
    for _ in range(5):
        _try(sign_in_dialog, qtbot, wait_idle, "admin", "wrong-password1")
    assert "已锁定" in sign_in_dialog.error.text()
    _try(sign_in_dialog, qtbot, wait_idle, "admin", PASSWORD)
    assert sign_in_dialog.user is None
    assert "锁定" in sign_in_dialog.error.text()


def test_a_lost_server_keeps_what_was_typed_and_retries(
    qtbot, ops, wait_idle, messages, admin, sqlite_store, unreachable_store
):
    dialog = SignInDialog(unreachable_store, ops)
    qtbot.addWidget(dialog)
    dialog.show()
    _try(dialog, qtbot, wait_idle, "admin", PASSWORD)  # 取消 at the retry question
    assert messages.texts("retry") and "重试" in messages.texts("retry")[0]
    assert dialog.isVisible() and dialog.user is None
    assert dialog.username.text() == "admin" and dialog.password.text() == PASSWORD
    assert "数据库" in dialog.error.text()

    def server_back() -> bool:
        unreachable_store.uow = sqlite_store.uow
        return True

    messages.retry_answers = [server_back]
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.user is not None and dialog.user.username == "admin"


def test_first_administrator(qtbot, sqlite_store, ops, wait_idle):
    dialog = FirstAdminDialog(sqlite_store, ops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("zhang")
    dialog.full_name.setText("张三")
    dialog.password.setText("abc12345")
    dialog.repeat.setText("abc12346")
    dialog.submit_button.click()
    assert "不一致" in dialog.error.text() and dialog.isVisible()

    dialog.password.setText("short")
    dialog.repeat.setText("short")
    dialog.submit_button.click()
    wait_idle()
    assert "密码至少" in dialog.error.text() and dialog.isVisible()
    assert dialog.full_name.text() == "张三"

    dialog.password.setText("abc12345")
    dialog.repeat.setText("abc12345")
    dialog.submit_button.click()
    wait_idle()
    assert dialog.user.username == "zhang"
    assert not accounts.needs_first_administrator(sqlite_store.uow())
    assert accounts.sign_in(sqlite_store.uow(), "zhang", "abc12345").full_name == "张三"


def test_password_prompt_checks_on_the_worker(qtbot, sqlite_store, ops, wait_idle, admin):
    dialog = PasswordPrompt(
        None,
        title="签核",
        text="请再次输入密码。",
        ops=ops,
        check=lambda pw: accounts.confirm_password(sqlite_store.uow(), "admin", pw),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("nope-nope1")
    dialog.ok_button.click()
    wait_idle()
    assert dialog.value is None and "不正确" in dialog.error.text()
    dialog.password.setText(PASSWORD)
    dialog.ok_button.click()
    wait_idle()
    assert dialog.value == PASSWORD and dialog.result() == QDialog.DialogCode.Accepted
