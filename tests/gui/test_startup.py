"""Start-up: schema checks, the first administrator, database passwords, the self-test."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import app as app_module
from desktop import config
from desktop.app import Startup, with_password
from desktop.dialogs.first_admin import FirstAdminDialog
from desktop.dialogs.password_prompt import PasswordPrompt
from desktop.dialogs.sign_in import SignInDialog
from domain import accounts
from tests.gui.conftest import PASSWORD, UNREACHABLE_URL

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def exits(monkeypatch) -> list[int]:
    codes: list[int] = []
    monkeypatch.setattr(Startup, "_exit", staticmethod(codes.append))
    return codes


@pytest.fixture
def start(qtbot, ops, exits):
    """Run the start-up sequence for ``url`` until it shows the window or quits."""
    started = []

    def run(url: str | None) -> Startup:
        startup = Startup(ops, url)
        started.append(startup)
        startup.begin()
        qtbot.waitUntil(lambda: startup.window is not None or bool(exits), timeout=15_000)
        return startup

    run.started = started
    yield run
    for startup in started:
        if startup.window is not None:
            startup.window.end_session()
            startup.window.close()
        if startup.store is not None:
            startup.store.close()


def _sign_in_as_admin(qtbot, start):
    """Stands in for the sign-in dialog, which opens while the database is still
    being opened: it waits for the store (or for start-up to call it off)."""
    shown = []

    def sign_in(dialog):
        startup = start.started[-1]
        shown.append(dialog.store)
        qtbot.waitUntil(
            lambda: dialog.store is not None or startup._next is not None, timeout=10_000
        )
        if dialog.store is None:
            return None
        return accounts.sign_in(dialog.store.uow(), "admin", PASSWORD)

    return sign_in, shown


def test_the_sign_in_dialog_comes_first_and_the_store_follows(
    start, qtbot, sqlite_store, admin, monkeypatch, exits
):
    sign_in, shown = _sign_in_as_admin(qtbot, start)
    monkeypatch.setattr(SignInDialog, "sign_in", sign_in)
    startup = start(sqlite_store.url)
    assert shown == [None]  # up before the database was open
    assert exits == [] and startup.window.user.username == "admin"


def test_a_new_database_is_created_then_the_first_admin_signs_in(
    start, qtbot, tmp_path, messages, monkeypatch, exits
):
    messages.confirm_answers = [True]  # yes, create the tables

    def create(dialog):
        return accounts.create_first_administrator(dialog.store.uow(), "admin", "张管理", PASSWORD)

    monkeypatch.setattr(FirstAdminDialog, "create", create)
    sign_in, shown = _sign_in_as_admin(qtbot, start)
    monkeypatch.setattr(SignInDialog, "sign_in", sign_in)
    startup = start(f"sqlite:///{tmp_path / 'new.db'}")
    assert exits == []
    assert shown[0] is None and shown[1] is not None  # called off, then shown again
    assert "空数据库" in messages.texts("confirm")[0]
    assert startup.window.isVisible() and startup.window.user.username == "admin"
    assert startup.store.schema_status().state.value == "current"


def test_results_after_the_clerk_left_are_ignored(
    start, sqlite_store, admin, monkeypatch, exits, messages, wait_idle
):
    monkeypatch.setattr(SignInDialog, "sign_in", lambda dialog: None)  # 退出 at once
    startup = start(sqlite_store.url)
    wait_idle()
    assert exits == [0] and messages.calls == [] and startup.store is None


def test_declining_the_upgrade_exits(start, tmp_path, messages, exits):
    messages.confirm_answers = [False]
    start(f"sqlite:///{tmp_path / 'new.db'}")
    assert exits == [0]


def test_a_newer_database_is_refused(start, sqlite_store, tmp_path, messages, exits):
    path = sqlite_store.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    start(sqlite_store.url)
    assert exits == [1]
    assert "更新" in messages.texts("error")[0]


def test_an_unreachable_server_offers_retry_then_the_connection(
    start, messages, exits, monkeypatch
):
    from desktop.dialogs.connection import ConnectionDialog

    opened = []
    monkeypatch.setattr(ConnectionDialog, "edit", lambda dialog: opened.append(1))
    messages.retry_answers = [False]
    messages.confirm_answers = [True]  # yes, look at the connection
    start(UNREACHABLE_URL.replace("x@", "x:pw@"))
    assert exits == [1] and opened == [1]
    assert "127.0.0.1" in messages.texts("retry")[0] or "无法" in messages.texts("retry")[0]


def test_a_server_password_is_asked_for_and_the_reason_given(start, exits, monkeypatch):
    asked = []

    def ask(dialog):
        asked.append(dialog.findChild(type(dialog.error), "explanation").text())
        return None

    monkeypatch.setattr(PasswordPrompt, "ask", ask)
    config.save_connection(
        config.ConnectionSettings(
            kind="postgresql", host="db.branch", port=5432, database="loans", user="desk"
        )
    )
    assert not config.keyring_available()
    start(None)
    assert exits == [0]
    assert config.NO_KEYRING_REASON in asked[0] and "db.branch" in asked[0]


def test_with_password_keeps_the_user():
    assert with_password("postgresql+psycopg://desk@h:5432/db", "p@ss:w") == (
        "postgresql+psycopg://desk:p%40ss%3Aw@h:5432/db"
    )


def test_self_test_is_run_instead_of_the_app(monkeypatch):
    import desktop.self_test

    monkeypatch.setattr(desktop.self_test, "run_self_test", lambda: 7)
    assert app_module.run_app(self_test=True) == 7


def test_the_app_starts_to_the_sign_in_dialog(sqlite_store, admin, tmp_path):
    env = {**os.environ, app_module.BENCH_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--url", sqlite_store.url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "sign-in-shown" in done.stdout


def test_starting_does_not_load_the_database_layer_on_the_ui_thread_imports():
    code = "import sys, desktop.app; print(any(m.startswith(('sqlalchemy', 'alembic', 'persistence')) for m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "False", done.stderr
