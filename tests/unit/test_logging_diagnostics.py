"""The log file and the diagnostics text: rotation, and never a password."""

from __future__ import annotations

import logging
import sys
import threading
from logging.handlers import RotatingFileHandler

import pytest

from desktop import logging_setup
from desktop.cli import app_version
from desktop.diagnostics import collect_diagnostics
from desktop.logging_setup import mask_secrets, setup_logging, teardown_logging

SECRET = "s3cr3t-Pa55"
PG_URL = f"postgresql+psycopg://clerk:{SECRET}@db.branch.local:5432/loans"


@pytest.fixture
def logging_on(tmp_path):
    """The app's logging into tmp_path/logs (LOANDESK_LOG_DIR from conftest), undone after."""
    root = logging.getLogger()
    level = root.level
    path = setup_logging()
    yield path
    teardown_logging()
    root.setLevel(level)


def _our_handlers():
    return [h for h in logging.getLogger().handlers if getattr(h, "_loandesk", False)]


def _log_text(path) -> str:
    for handler in _our_handlers():
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_log_file_rotates_in_the_log_directory(logging_on, tmp_path):
    assert logging_on == tmp_path / "logs" / "loandesk.log"
    (handler,) = _our_handlers()
    assert isinstance(handler, RotatingFileHandler)
    assert handler.maxBytes == 1_000_000
    assert handler.backupCount == 5
    assert handler.encoding == "utf-8"


def test_setup_is_idempotent(logging_on):
    assert setup_logging() == logging_on
    assert setup_logging() == logging_on
    assert len(_our_handlers()) == 1


def test_lines_carry_time_level_logger_and_message(logging_on):
    logging.getLogger("loandesk.test").warning("还款计划已生成")
    line = _log_text(logging_on).splitlines()[-1]
    assert line.endswith("WARNING  loandesk.test: 还款计划已生成")
    assert line[:4].isdigit()  # starts with the date


def test_url_passwords_are_masked_in_the_log(logging_on):
    log = logging.getLogger("loandesk.test")
    log.info("connecting to %s", PG_URL)
    log.info("conninfo host=db password=%s user=clerk", SECRET)
    log.info("form %s", {"username": "clerk", "password": SECRET})
    try:
        raise ConnectionError(f"cannot reach {PG_URL}")
    except ConnectionError:
        log.exception("open failed")
    text = _log_text(logging_on)
    assert SECRET not in text
    assert "postgresql+psycopg://clerk:***@db.branch.local:5432/loans" in text
    assert "password=***" in text
    assert "ConnectionError" in text  # the traceback is kept, only masked


def test_uncaught_exceptions_are_logged(logging_on, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", lambda *args: None)
    monkeypatch.setattr(threading, "excepthook", lambda args: None)
    logging_setup.install_excepthook()
    logging_setup.install_excepthook()  # a second call must not chain the hook twice
    try:
        raise RuntimeError(f"lost {PG_URL}")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    text = _log_text(logging_on)
    assert "CRITICAL loandesk.uncaught" in text
    assert "RuntimeError" in text and "ZeroDivisionError" in text
    assert SECRET not in text


def test_masking_leaves_ordinary_text_alone():
    assert mask_secrets("sqlite:////tmp/loandesk.db") == "sqlite:////tmp/loandesk.db"
    assert mask_secrets("密码错误次数过多，账户已锁定") == "密码错误次数过多，账户已锁定"
    assert mask_secrets("密码：abc123 已重置") == "密码：*** 已重置"


def test_diagnostics_report_version_schema_and_masked_log(logging_on, sqlite_store):
    logging.getLogger("loandesk.test").error("lost connection to %s", PG_URL)
    text = collect_diagnostics(sqlite_store)
    status = sqlite_store.schema_status()
    assert f"LoanDesk {app_version()}" in text
    assert f"结构版本：{status.revision}" in text
    assert sqlite_store.display_name in text
    assert "数据库类型：sqlite" in text
    assert str(logging_on.parent) in text
    assert "lost connection to postgresql+psycopg://clerk:***@db.branch.local" in text
    assert SECRET not in text


def test_diagnostics_without_a_store_or_a_log(tmp_path):
    text = collect_diagnostics()
    assert "数据库：尚未打开" in text
    assert "（暂无日志）" in text
    assert "Qt " in text and "Python" in text


def test_diagnostics_keep_only_the_last_lines(logging_on):
    log = logging.getLogger("loandesk.test")
    for number in range(80):
        log.info("line %03d", number)
    text = _log_text(logging_on) and collect_diagnostics()
    assert "line 079" in text and "line 030" in text
    assert "line 029" not in text
