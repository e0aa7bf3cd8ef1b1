"""The ``loandesk`` command: without arguments it starts the desktop app.

Every subcommand that touches a database takes ``--url`` (default:
``LOANDESK_DATABASE_URL``, then the saved setting, then the local file).
Mistakes are reported on stderr in one line with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from desktop.commands.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    UserError,
    add_url,
    open_ready_store,
)
from domain.errors import DomainError

# Subcommand modules by command name: each has ``register(subparsers)`` setting
# ``func=run``. Only the one asked for is imported, so starting the desktop app
# (no subcommand) pays for none of them.
COMMAND_MODULES = {
    "schedule": "desktop.commands.schedule",
    "products": "desktop.commands.products",
    "demo": "desktop.commands.demo",
    "demo-loans": "desktop.commands.demo_loans",
    "print": "desktop.commands.paperwork",
    "notices": "desktop.commands.paperwork",
    "verify": "desktop.commands.paperwork",
    "accrue": "desktop.commands.servicing",
    "report": "desktop.commands.servicing",
    "pay": "desktop.commands.servicing",
}
_OPTIONS_WITH_VALUE = {"--url"}


def app_version() -> str:
    try:
        return version("loandesk")
    except PackageNotFoundError:
        return "0+unknown"


# --- db ----------------------------------------------------------------------


def cmd_db_upgrade(args) -> int:
    store = open_ready_store(args, allow_outdated=True)
    status = store.schema_status()
    if status.state.value in ("newer", "foreign"):
        raise UserError(status.message)
    store.upgrade()
    print(f"数据库结构已是最新版本 {store.schema_status().revision}（{store.display_name}）。")
    return 0


def cmd_db_check(args) -> int:
    store = open_ready_store(args, allow_outdated=True)
    facts, problems = store.check()
    for line in facts:
        print(line)
    for line in problems:
        print(f"问题：{line}", file=sys.stderr)
    return EXIT_FAILED if problems else 0


# --- user --------------------------------------------------------------------


def _read_password(args) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UserError(
            "没有终端可输入密码，请使用 --password-stdin 从标准输入提供密码。", EXIT_USAGE
        )
    first = getpass.getpass("新用户密码：")
    if getpass.getpass("再次输入密码：") != first:
        raise UserError("两次输入的密码不一致。")
    return first


def cmd_user_add(args) -> int:
    from domain.accounts import add_user_as_operator

    store = open_ready_store(args)
    roles = [r for part in args.role for r in part.split(",") if r.strip()]
    user = add_user_as_operator(
        store.uow(),
        operator=f"console:{getpass.getuser()}",
        username=args.name,
        full_name=args.full_name or args.name,
        roles=roles,
        password=_read_password(args),
    )
    print(f"已添加用户 {user.username}（{user.full_name}），角色：{user.role_labels}。")
    return 0


# --- audit -------------------------------------------------------------------


def cmd_audit_verify(args) -> int:
    store = open_ready_store(args)
    report = store.verify_audit()
    print(report.message, file=sys.stdout if report.intact else sys.stderr)
    return 0 if report.intact else EXIT_FAILED


# --- backup / restore ----------------------------------------------------------


def cmd_backup(args) -> int:
    from desktop.startup import BackupNotSupported

    store = open_ready_store(args, allow_outdated=True)
    try:
        store.backup(Path(args.out))
    except (BackupNotSupported, FileExistsError) as exc:
        raise UserError(str(exc)) from exc
    print(f"已备份到 {args.out}。")
    return 0


def cmd_restore(args) -> int:
    from desktop.startup import BackupNotSupported

    store = open_ready_store(args, allow_outdated=True)
    try:
        store.restore(Path(args.backup))
    except (BackupNotSupported, FileNotFoundError, ValueError) as exc:
        raise UserError(str(exc)) from exc
    print(f"已从 {args.backup} 恢复（{store.display_name}）。")
    return 0


# --- the parser ----------------------------------------------------------------


def _modules_for(argv: Sequence[str] | None) -> list[str]:
    """The subcommand modules ``argv`` needs: all of them for help or an unknown word."""
    every = list(dict.fromkeys(COMMAND_MODULES.values()))  # a module may serve several
    if argv is None:
        return every
    words, skip = [], False
    for token in argv:
        if skip:
            skip = False
        elif token in _OPTIONS_WITH_VALUE:
            skip = True
        elif not token.startswith("-"):
            words.append(token)
    if {"-h", "--help"} & set(argv):
        return every
    if not words or words[0] in _BUILT_IN:
        return []
    return [COMMAND_MODULES[words[0]]] if words[0] in COMMAND_MODULES else every


_BUILT_IN = {"db", "user", "audit", "backup", "restore"}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``; without ``argv``, with every subcommand."""
    parser = argparse.ArgumentParser(prog="loandesk", description="小微信贷柜面系统 LoanDesk")
    parser.add_argument("--version", action="version", version=f"LoanDesk {app_version()}")
    parser.add_argument(
        "--self-test", action="store_true", help="自检：临时数据库、迁移、打印、主窗口"
    )
    add_url(parser)
    sub = parser.add_subparsers(dest="command", metavar="命令")

    db = sub.add_parser("db", help="数据库结构升级与检查")
    db_sub = db.add_subparsers(dest="db_command", metavar="子命令", required=True)
    p = db_sub.add_parser("upgrade", help="创建或升级数据库结构")
    add_url(p)
    p.set_defaults(func=cmd_db_upgrade)
    p = db_sub.add_parser("check", help="显示结构版本并检查完整性")
    add_url(p)
    p.set_defaults(func=cmd_db_check)

    user = sub.add_parser("user", help="用户管理")
    user_sub = user.add_subparsers(dest="user_command", metavar="子命令", required=True)
    p = user_sub.add_parser("add", help="添加用户")
    p.add_argument("name", help="登录用户名")
    p.add_argument("--role", action="append", required=True, help="角色，可重复或用逗号分隔")
    p.add_argument("--full-name", help="姓名（默认同用户名）")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")
    add_url(p)
    p.set_defaults(func=cmd_user_add)

    audit = sub.add_parser("audit", help="审计日志")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="子命令", required=True)
    p = audit_sub.add_parser("verify", help="校验审计日志哈希链")
    add_url(p)
    p.set_defaults(func=cmd_audit_verify)

    p = sub.add_parser("backup", help="备份本地 SQLite 数据库")
    p.add_argument("out", help="备份文件")
    add_url(p)
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="从备份恢复本地 SQLite 数据库")
    p.add_argument("backup", help="备份文件")
    add_url(p)
    p.set_defaults(func=cmd_restore)

    for name in _modules_for(argv):
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv).parse_args(argv)
    func: Callable | None = getattr(args, "func", None)
    if func is None:
        from desktop.app import run_app

        return run_app(url=args.url, self_test=args.self_test)
    try:
        return func(args)
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.code
    except DomainError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
