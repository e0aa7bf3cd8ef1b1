"""GUI test fixtures: the real windows on a real temporary SQLite database.

Message boxes are replaced by a recorder (``messages`` fixture) so no test
ever blocks on a modal ``exec()``; dialogs opened by the code under test are
driven with ``when_shown`` (a timer that finds the dialog once it is up).
The Chinese translation is installed, as at a real desk.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.dialogs import messages as messages_module
from domain import accounts
from domain.users import Role

PASSWORD = "secret123"


@pytest.fixture(scope="session", autouse=True)
def _desk_application(qapp):
    """The font the app ships, registered once for the whole run."""
    from desktop.app import application

    application()
    return qapp


@pytest.fixture(scope="package", autouse=True)
def _collector_on_gui_thread(_desk_application):
    """As in the running app: cycles are collected on the GUI thread only,
    never in the worker thread (where freeing a Qt object crashes)."""
    from desktop.collector import MainThreadCollector

    collector = MainThreadCollector()
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def chinese(_desk_application):
    """Every test starts in Simplified Chinese, the default UI language."""
    from desktop.app import apply_language

    apply_language("zh_CN")
    yield
    apply_language("zh_CN")


class MessageLog:
    """Stands in for ``desktop.dialogs.messages``: records, answers from queues.

    ``retry_answers`` / ``confirm_answers`` hold booleans or callables
    returning one (to change the world before answering); when empty the
    answer is "cancel".
    """

    def __init__(self):
        self.calls: list[tuple[str, str]] = []
        self.retry_answers: list = []
        self.confirm_answers: list = []

    def _answer(self, queue: list) -> bool:
        if not queue:
            return False
        answer = queue.pop(0)
        return answer() if callable(answer) else answer

    def show_error(self, parent, text, title=None):
        self.calls.append(("error", text))

    def show_info(self, parent, text, title=None):
        self.calls.append(("info", text))

    def confirm(self, parent, text, title, yes, no):
        self.calls.append(("confirm", text))
        return self._answer(self.confirm_answers)

    def ask_retry(self, parent, text):
        self.calls.append(("retry", text))
        return self._answer(self.retry_answers)

    def texts(self, kind: str) -> list[str]:
        return [text for k, text in self.calls if k == kind]


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> MessageLog:
    log = MessageLog()
    for name in ("show_error", "show_info", "confirm", "ask_retry"):
        monkeypatch.setattr(messages_module, name, getattr(log, name))
    return log


@pytest.fixture
def ops():
    from desktop.operations import Operations

    operations = Operations()
    yield operations
    operations.shutdown()


@pytest.fixture
def wait_idle(qtbot, ops) -> Callable[[], None]:
    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(ops.is_idle, timeout=timeout)

    return wait


@pytest.fixture
def admin(sqlite_store):
    return accounts.create_first_administrator(sqlite_store.uow(), "admin", "张管理", PASSWORD)


def make_user(store, actor, username: str, *roles: Role, full_name: str | None = None):
    return accounts.add_user(store.uow(), actor, username, full_name or username, roles, PASSWORD)


UNREACHABLE_URL = "postgresql+psycopg://x@127.0.0.1:1/x"


@pytest.fixture
def unreachable_store():
    """A PostgreSQL store whose server is not there: every operation loses it."""
    from desktop.startup import open_store

    store = open_store(UNREACHABLE_URL)
    yield store
    store.close()


def when_shown(cls: type[QWidget], action: Callable[[QWidget], None], interval: int = 20) -> QTimer:
    """Run ``action(dialog)`` once a visible ``cls`` window exists.

    Works while the code under test sits in that dialog's ``exec()``: the
    timer fires inside the nested event loop.
    """
    timer = QTimer()
    timer.setInterval(interval)

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, cls) and widget.isVisible():
                timer.stop()
                action(widget)
                return

    timer.timeout.connect(poll)
    timer.start()
    return timer


@pytest.fixture
def main_window(qtbot, sqlite_store, ops, wait_idle):
    """A factory: the main window signed in as ``user``, shown, views loaded."""
    from desktop.main_window import MainWindow

    windows = []

    def open_for(user):
        window = MainWindow(sqlite_store, ops, user)
        qtbot.addWidget(window)
        window.show()
        wait_idle()
        windows.append(window)
        return window

    yield open_for
    for window in windows:
        window.end_session()
