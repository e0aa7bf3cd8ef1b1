"""用户管理: adding, a refused form kept, a stale edit, a lost server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.dialogs.user_edit import UserEditDialog, UserForm
from domain import accounts
from domain.users import Role
from tests.gui.conftest import PASSWORD, make_user


@pytest.fixture
def users_view(main_window, admin, wait_idle):
    window = main_window(admin)
    view = window.show_view("users")
    wait_idle()
    return view


def _answers(monkeypatch, *forms):
    """Replace the dialog's one method: each call returns the next form (then None)."""
    queue, seen = list(forms), []

    def get_values(dialog):
        seen.append(dialog.error.text() if not dialog.error.isHidden() else "")
        return queue.pop(0) if queue else None

    monkeypatch.setattr(UserEditDialog, "get_values", get_values)
    return seen


def _select(view, username: str) -> None:
    row = [u.username for u in view.model.users].index(username)
    view.table.selectRow(row)


def test_the_list_shows_users_with_chinese_roles(users_view):
    assert users_view.model.rowCount() == 1
    assert users_view.model.headerData(2, Qt.Orientation.Horizontal) == "角色"
    assert users_view.model.data(users_view.model.index(0, 2)) == "管理员"
    assert users_view.model.data(users_view.model.index(0, 3)) == "启用"


def test_administrator_adds_a_user(users_view, monkeypatch, wait_idle, sqlite_store, admin):
    _answers(monkeypatch, UserForm("wang", "王柜员", frozenset({Role.TELLER}), True, "abc12345"))
    users_view.findChild(QPushButton, "add").click()
    wait_idle()
    assert [u.username for u in users_view.model.users] == ["admin", "wang"]
    assert accounts.sign_in(sqlite_store.uow(), "wang", "abc12345").roles == {Role.TELLER}


def test_a_refused_form_comes_back_with_the_reason(users_view, monkeypatch, wait_idle):
    seen = _answers(
        monkeypatch, UserForm("admin", "重复", frozenset({Role.TELLER}), True, "abc12345")
    )
    users_view.findChild(QPushButton, "add").click()
    wait_idle()
    assert seen[0] == "" and "已被使用" in seen[1]
    assert len(users_view.model.users) == 1


def test_a_stale_edit_says_someone_else_changed_it(
    users_view, monkeypatch, wait_idle, sqlite_store, admin, messages
):
    make_user(sqlite_store, admin, "teller", Role.TELLER, full_name="李柜员")
    users_view.reload()
    wait_idle()
    _select(users_view, "teller")
    # Another desk renames the teller after this list was loaded.
    stale = users_view.selected_user()
    accounts.update_user(
        sqlite_store.uow(),
        admin,
        "teller",
        version=stale.version,
        full_name="李四",
        roles=[Role.TELLER],
        active=True,
    )
    _answers(monkeypatch, UserForm("teller", "李柜员甲", frozenset({Role.TELLER}), True, None))
    users_view.findChild(QPushButton, "edit").click()
    wait_idle()
    assert any("其他人修改" in text for text in messages.texts("error"))
    assert {u.username: u.full_name for u in users_view.model.users}["teller"] == "李四"


def test_reset_password(users_view, monkeypatch, wait_idle, sqlite_store, admin):
    make_user(sqlite_store, admin, "teller", Role.TELLER)
    users_view.reload()
    wait_idle()
    _select(users_view, "teller")
    _answers(monkeypatch, UserForm("teller", "", frozenset(), True, "newpass99"))
    users_view.findChild(QPushButton, "reset_password").click()
    wait_idle()
    assert accounts.sign_in(sqlite_store.uow(), "teller", "newpass99")


def test_a_lost_server_is_retried_with_the_same_form(
    users_view, monkeypatch, wait_idle, sqlite_store, unreachable_store, messages
):
    real_uow = sqlite_store.uow
    sqlite_store.uow = unreachable_store.uow  # the server goes away

    def server_back() -> bool:
        sqlite_store.uow = real_uow
        return True

    messages.retry_answers = [server_back]
    _answers(
        monkeypatch, UserForm("zhao", "赵六", frozenset({Role.LOAN_OFFICER}), True, "abc12345")
    )
    users_view.findChild(QPushButton, "add").click()
    wait_idle()
    assert len(messages.texts("retry")) == 1
    assert "zhao" in [u.username for u in users_view.model.users]


def test_the_edit_dialog_collects_the_form(qtbot):
    dialog = UserEditDialog("add")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("chen")
    dialog.full_name.setText("陈七")
    dialog.role_boxes[Role.LOAN_OFFICER].setChecked(True)
    assert dialog.role_boxes[Role.LOAN_OFFICER].text() == "客户经理"
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    dialog.submit()
    assert dialog.values == UserForm("chen", "陈七", frozenset({Role.LOAN_OFFICER}), True, PASSWORD)
