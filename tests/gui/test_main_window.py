"""The main window: navigation by role, status bar, switching user, idle lock, language."""

from __future__ import annotations

from desktop import config
from desktop.dialogs.sign_in import SignInDialog
from desktop.dialogs.unlock import UnlockDialog
from domain.users import Role
from tests.gui.conftest import PASSWORD, make_user, when_shown


def _nav_texts(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


# Views only administrators are offered; later issues add views for other roles,
# so the tests name what must and must not be there rather than whole lists.
ADMIN_ONLY = {"用户管理", "产品管理", "利率定价", "数据库连接"}


def test_navigation_depends_on_the_roles(main_window, sqlite_store, admin):
    teller = make_user(sqlite_store, admin, "teller", Role.TELLER, full_name="李柜员")
    supervisor = make_user(sqlite_store, admin, "boss", Role.SUPERVISOR)
    admin_nav = _nav_texts(main_window(admin))
    assert admin_nav[:2] == ["我的工作", "首页"]
    assert ADMIN_ONLY | {"审计日志", "贷款试算"} <= set(admin_nav)
    teller_window = main_window(teller)
    teller_nav = _nav_texts(teller_window)
    assert teller_nav[0] == "我的工作" and "贷款试算" in teller_nav
    assert not (ADMIN_ONLY | {"审计日志"}) & set(teller_nav)
    assert not teller_window.connection_action.isEnabled()
    assert teller_window.show_view("users") is None
    supervisor_nav = set(_nav_texts(main_window(supervisor)))
    assert "审计日志" in supervisor_nav and not ADMIN_ONLY & supervisor_nav


def test_window_title_status_bar_and_home(main_window, sqlite_store, admin, qtbot):
    window = main_window(admin)
    assert window.current_view().objectName() == "work_view"  # each role lands on its work
    window.show_view("home")
    assert window.windowTitle() == "小微信贷柜面系统"
    assert "张管理" in window.status_user.text() and "管理员" in window.status_user.text()
    assert sqlite_store.display_name in window.status_database.text()
    home = window.current_view()
    assert home.objectName() == "home_view"
    schema = home.findChild(type(window.status_user), "schema")
    qtbot.waitUntil(lambda: schema.text() == sqlite_store.schema_status().revision)
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "设置(&S)", "帮助(&H)"]


def test_switch_user_without_closing(main_window, sqlite_store, admin, monkeypatch):
    teller = make_user(sqlite_store, admin, "teller", Role.TELLER, full_name="李柜员")
    window = main_window(admin)
    window.show_view("users")
    monkeypatch.setattr(SignInDialog, "sign_in", lambda self: teller)
    window.switch_action.trigger()
    assert window.isVisible() and window.user.username == "teller"
    assert not ADMIN_ONLY & set(_nav_texts(window))
    assert "李柜员" in window.status_user.text()
    assert window.current_view().objectName() == "work_view"


def test_switch_user_cancelled_closes_the_window(main_window, admin, monkeypatch):
    window = main_window(admin)
    monkeypatch.setattr(SignInDialog, "sign_in", lambda self: None)
    window.switch_user()
    assert not window.isVisible() and window.user is None


def test_idle_lock_and_unlock_with_password(main_window, admin, qtbot, wait_idle):
    window = main_window(admin)
    users_view = window.show_view("users")
    seen = {}

    def unlock(dialog):
        seen["covered"] = window.stack.currentWidget() is window.lock_page
        seen["menu"] = window.menuBar().isEnabled()
        dialog.password.setText("not-it-123")
        dialog.unlock_button.click()
        qtbot.waitUntil(lambda: dialog.error.isVisible())
        seen["error"] = dialog.error.text()
        window.idle.set_interval_ms(10 * 60_000)  # no second lock while the test goes on
        dialog.password.setText(PASSWORD)
        dialog.unlock_button.click()

    timer = when_shown(UnlockDialog, unlock)
    window.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: "error" in seen and not window.locked, timeout=10_000)
    timer.stop()
    assert seen["covered"] and not seen["menu"]
    assert "不正确" in seen["error"]
    assert window.current_view() is users_view and window.nav.isEnabled()
    assert window.idle.is_running()


def test_unlock_dialog_offers_switch_user(main_window, sqlite_store, admin, qtbot, monkeypatch):
    teller = make_user(sqlite_store, admin, "teller", Role.TELLER)
    window = main_window(admin)
    monkeypatch.setattr(SignInDialog, "sign_in", lambda self: teller)
    timer = when_shown(UnlockDialog, lambda dialog: dialog.switch_button.click())
    window.idle.set_interval_ms(30)
    qtbot.waitUntil(
        lambda: window.user is not None and window.user.username == "teller", timeout=5000
    )
    timer.stop()
    window.idle.set_interval_ms(10 * 60_000)
    assert not ADMIN_ONLY & set(_nav_texts(window))


def test_language_switch_is_live_and_saved(main_window, admin, qtbot):
    window = main_window(admin)
    window.show_view("users")
    window.language_actions["en"].trigger()
    assert config.load_language() == "en"
    qtbot.waitUntil(lambda: window.windowTitle() != "小微信贷柜面系统")
    assert {"Home", "Users", "Audit log", "Database connection"} <= set(_nav_texts(window))
    assert window.windowTitle() == "Micro and Small Business Loan Desk"
    assert window.current_view().objectName() == "users_view"
    assert window.current_view().findChild(type(window.status_user), "view_title").text() == "Users"
    window.language_actions["zh_CN"].trigger()
    assert config.load_language() == "zh_CN"
    qtbot.waitUntil(lambda: window.windowTitle() == "小微信贷柜面系统")
    assert "用户管理" in _nav_texts(window) and "Users" not in _nav_texts(window)
    assert (
        window.current_view().findChild(type(window.status_user), "view_title").text() == "用户管理"
    )


def test_diagnostics_go_to_the_clipboard(main_window, admin, wait_idle, messages, sqlite_store):
    from PySide6.QtWidgets import QApplication

    window = main_window(admin)
    window.diagnostics_action.trigger()
    wait_idle()
    assert sqlite_store.display_name in QApplication.clipboard().text()
    assert messages.texts("info")
