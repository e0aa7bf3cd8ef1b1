"""What every subcommand shares: opening the database, and mistakes reported without a traceback."""

from __future__ import annotations

import argparse
import sys

from domain.errors import DomainError

EXIT_FAILED = 1
EXIT_USAGE = 2


class UserError(Exception):
    """A mistake the user can fix: printed without a traceback."""

    def __init__(self, message: str, code: int = EXIT_FAILED):
        super().__init__(message)
        self.code = code


def add_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--url", help="数据库地址（默认依次取 LOANDESK_DATABASE_URL、已保存的设置、本机数据文件）"
    )


def open_ready_store(args, *, allow_outdated: bool = False):
    """The database for ``args.url``, refusing one whose schema does not match."""
    from desktop.config import mask_url, resolve_url
    from desktop.startup import open_store

    url, _source = resolve_url(getattr(args, "url", None))
    try:
        store = open_store(url)
        status = store.schema_status()
    except DomainError:
        raise
    except Exception as exc:
        raise UserError(f"无法打开数据库 {mask_url(url)}：{_first_line(exc)}") from exc
    if not allow_outdated and status.state.value != "current":
        hint = "" if status.state.value == "newer" else " 请先运行：loandesk db upgrade"
        raise UserError(status.message + hint)
    for warning in store.warnings:
        print(f"警告：{warning}", file=sys.stderr)
    return store


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
