"""The text a clerk copies for the help desk (Help → 复制诊断信息).

``collect_diagnostics`` never raises and never shows a password: the
database appears by its display name, and the whole text, log tail
included, goes through the same masking as the log file.
"""

from __future__ import annotations

import platform
import sys
from collections import deque
from pathlib import Path

from desktop.config import config_dir, log_dir
from desktop.logging_setup import log_file, mask_secrets

LOG_TAIL_LINES = 50


def collect_diagnostics(store=None) -> str:
    """Version, Python, Qt, platform, database and the last log lines, as plain text.

    ``store`` is the open ``desktop.startup.Store`` or None before one is
    open. With a store it reads the schema version from the database, so run
    it on the database worker (``ops.run(lambda: collect_diagnostics(store),
    on_done=clipboard.setText)``): the UI thread never waits on the database.
    """
    sections = [
        _program_lines(),
        _database_lines(store),
        _place_lines(),
        _log_tail_lines(log_file()),
    ]
    text = "\n".join(line for section in sections for line in section)
    return mask_secrets(text)


def _program_lines() -> list[str]:
    from desktop.cli import app_version

    frozen = "是（安装包）" if getattr(sys, "frozen", False) else "否（源代码运行）"
    return [
        "== LoanDesk 诊断信息 ==",
        f"版本：LoanDesk {app_version()}",
        f"Python：{platform.python_version()} ({platform.python_implementation()})",
        f"Qt：{_qt_versions()}",
        f"操作系统：{platform.platform()} {platform.machine()}",
        f"打包运行：{frozen}",
    ]


def _qt_versions() -> str:
    try:
        import PySide6
        from PySide6 import QtCore
    except ImportError as exc:
        return f"不可用（{exc}）"
    return f"Qt {QtCore.qVersion()}，PySide6 {PySide6.__version__}"


def _database_lines(store) -> list[str]:
    if store is None:
        return ["数据库：尚未打开"]
    lines = [f"数据库：{store.display_name}", f"数据库类型：{store.kind}"]
    try:
        status = store.schema_status()
    except Exception as exc:  # the help desk wants to see this, not a crash
        lines.append(f"结构版本：无法读取（{type(exc).__name__}: {exc}）")
        return lines
    lines.append(
        f"结构版本：{status.revision or '无'}（程序版本 {status.head}，{status.state.value}）"
    )
    return lines


def _place_lines() -> list[str]:
    return [f"配置目录：{config_dir()}", f"日志目录：{log_dir()}"]


def _log_tail_lines(path: Path) -> list[str]:
    header = f"== 日志最后 {LOG_TAIL_LINES} 行（{path.name}）=="
    try:
        with path.open(encoding="utf-8", errors="replace") as stream:
            tail = deque(stream, maxlen=LOG_TAIL_LINES)
    except OSError:
        return [header, "（暂无日志）"]
    return [header, *(line.rstrip("\n") for line in tail)]
