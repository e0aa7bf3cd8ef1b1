"""``loandesk --self-test``: prove that this installation works, end to end.

Everything happens in a temporary directory that is removed afterwards: a
new SQLite database is created and migrated, an administrator is added, the
worked schedule example is checked to the fen, the printed documents the
``printing`` package offers are generated, and the main window is drawn
off screen. The user's own settings and database are never touched.

One line per check goes to stdout (``OK 数据库迁移``, ``FAIL 主窗口：原因``,
``SKIP …`` for a part this build does not have); the exit code is 0 only if
no check failed. Runs on the calling (UI) thread and takes a few seconds;
it is meant for installers, CI and the help desk, not for daily use.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from desktop.paths import resource_path

ADMIN_USERNAME = "selftest"
ADMIN_PASSWORD = "Zixun-2024-check!"
# The worked example of domain.md: 100,000 over 12 months at 4.35%, equal instalments.
EXAMPLE_FIRST_PAYMENT = Decimal("8530.99")
WINDOW_SETTLE_SECONDS = 5.0

log = logging.getLogger(__name__)


class Skipped(Exception):
    """A check that does not apply to this build (reported, but not a failure)."""


@dataclass
class Context:
    """What the checks hand on to each other."""

    workdir: Path
    store: object | None = None
    admin: object | None = None
    schedule: object | None = None
    documents: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    status: str  # "OK", "FAIL" or "SKIP"
    name: str
    detail: str = ""

    def line(self) -> str:
        return f"{self.status} {self.name}" + (f"：{self.detail}" if self.detail else "")


def run_self_test(out: Callable[[str], None] | None = None) -> int:
    """Run every check, print one line each; 0 if none failed, else 1."""
    say = out or _print_flushed
    outcomes: list[Outcome] = []
    # A file Windows still holds open must not turn a passed test into a traceback.
    with tempfile.TemporaryDirectory(
        prefix="loandesk-selftest-", ignore_cleanup_errors=True
    ) as tmp:
        context = Context(Path(tmp))
        with _private_settings(context.workdir):
            try:
                for name, check in CHECKS:
                    outcome = _run(name, check, context)
                    outcomes.append(outcome)
                    say(outcome.line())
                    # Also to the log: the windowed Windows program has no stdout.
                    level = logging.ERROR if outcome.status == "FAIL" else logging.INFO
                    log.log(level, "%s", outcome.line())
            finally:
                _close_store(context)
    failed = sum(o.status == "FAIL" for o in outcomes)
    say(
        f"自检{'通过' if not failed else '未通过'}：{len(outcomes) - failed} 项正常，{failed} 项失败。"
    )
    return 1 if failed else 0


def _print_flushed(line: str) -> None:
    # A windowed build on Windows has no stdout at all.
    if sys.stdout is not None:
        print(line, flush=True)


def _run(name: str, check: Callable[[Context], str], context: Context) -> Outcome:
    try:
        return Outcome("OK", name, check(context) or "")
    except Skipped as reason:
        return Outcome("SKIP", name, str(reason))
    except Exception as exc:  # every failure becomes one line, never a traceback
        return Outcome("FAIL", name, f"{type(exc).__name__}: {exc}".splitlines()[0])


@contextlib.contextmanager
def _private_settings(workdir: Path) -> Iterator[None]:
    """Point settings and data at the temporary directory for the duration."""
    names = ("LOANDESK_CONFIG_DIR", "LOANDESK_DATA_DIR")
    saved = {name: os.environ.get(name) for name in names}
    os.environ["LOANDESK_CONFIG_DIR"] = str(workdir / "config")
    os.environ["LOANDESK_DATA_DIR"] = str(workdir / "data")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _close_store(context: Context) -> None:
    if context.store is not None:
        context.store.close()  # releases the file so the temp dir can go (Windows)
        context.store = None


# --- the checks ----------------------------------------------------------------------


def check_resources(_context: Context) -> str:
    """The fonts (and their licences) are where the program looks for them."""
    wanted = [
        resource_path("fonts", "wqy-microhei.ttc"),
        resource_path("fonts", "uming.ttc"),
        resource_path("fonts", "LICENSE-uming-ARPHICPL.txt"),
    ]
    missing = [str(p) for p in wanted if not p.is_file()]
    if missing:
        raise FileNotFoundError("缺少 " + "，".join(missing))
    translations = sorted(p.name for p in resource_path("translations").glob("*.qm"))
    return f"字体齐全；翻译文件 {', '.join(translations) or '无'}"


def check_migration(context: Context) -> str:
    """A new SQLite database is created and brought to the newest schema."""
    from desktop.startup import open_store

    database = context.workdir / "selftest.db"
    context.store = store = open_store(f"sqlite:///{database.as_posix()}")
    store.upgrade()
    status = store.schema_status()
    if status.state.value != "current":
        raise RuntimeError(status.message)
    return f"结构版本 {status.revision}"


def check_administrator(context: Context) -> str:
    """The first administrator can be created and signs in with the password."""
    from domain.accounts import create_first_administrator, sign_in

    store = _need_store(context)
    create_first_administrator(store.uow(), ADMIN_USERNAME, "自检管理员", ADMIN_PASSWORD)
    context.admin = sign_in(store.uow(), ADMIN_USERNAME, ADMIN_PASSWORD)
    return f"已创建并登录 {context.admin.username}"


def check_schedule(context: Context) -> str:
    """The worked example: 100,000 / 12 months / 4.35 % → first payment 8,530.99."""
    from domain.schedule import RepaymentMethod, build_schedule

    schedule = build_schedule(
        Decimal("100000"),
        Decimal("4.35"),
        12,
        date(2025, 1, 15),
        RepaymentMethod.EQUAL_INSTALLMENT,
    )
    first = schedule.instalments[0].payment
    if first != EXAMPLE_FIRST_PAYMENT:
        raise AssertionError(f"首期还款 {first}，应为 {EXAMPLE_FIRST_PAYMENT}")
    if schedule.total_principal != Decimal("100000"):
        raise AssertionError(f"本金合计 {schedule.total_principal}，应为 100000.00")
    context.schedule = schedule
    return f"首期还款 {first}，利息合计 {schedule.total_interest}"


def check_components(context: Context) -> str:
    """Libraries loaded only on some paths (PostgreSQL, keyring, Excel, QR) are present.

    In a frozen bundle these are the usual victims of a missing hidden import
    or data file, and the first use would otherwise be at a customer's desk.
    """
    import cn2an
    import keyring
    import openpyxl
    import psycopg
    import qrcode
    from sqlalchemy import create_engine

    from domain.identity import parse_resident_id

    create_engine("postgresql+psycopg://check@127.0.0.1:1/none").dispose()  # loads the dialect
    region = parse_resident_id("33010219800101123X")  # region table: stdnum's data files
    if region.warnings:
        raise RuntimeError("行政区划代码表缺失：" + "；".join(region.warnings))
    if cn2an.an2cn("8530.99", "rmb") != "捌仟伍佰叁拾元玖角玖分":
        raise RuntimeError("cn2an 大写金额不正确")
    book = openpyxl.Workbook()
    book.active["A1"] = "自检"
    book.save(context.workdir / "components.xlsx")
    code = qrcode.QRCode()
    code.add_data("LoanDesk")
    code.make()
    libpq = psycopg.pq.version()  # e.g. 180006 for 18.6
    backend = type(keyring.get_keyring())
    return (
        f"PostgreSQL 驱动 libpq {libpq // 10000}.{libpq % 10000}（{psycopg.pq.__impl__}），"
        f"密码保管库 {backend.__module__.rsplit('.', 1)[-1]}.{backend.__name__}"
    )


def check_printing(context: Context) -> str:
    """Each document the ``printing`` package offers comes out as a real PDF."""
    jobs, problems = printing_jobs()
    if not jobs and not problems:
        raise Skipped("printing 包尚未提供文档生成函数")
    samples = sample_papers(context.schedule or _example_schedule())
    produced: list[str] = []
    for paper_type, render in jobs:
        title = DOCUMENT_TITLES.get(paper_type, paper_type)
        target = context.workdir / f"{paper_type}.pdf"
        try:
            render(samples[paper_type], target)
            _check_pdf(target)
        except Exception as exc:
            problems.append(f"{title}（{type(exc).__name__}: {exc}）".splitlines()[0])
            continue
        produced.append(title)
        context.documents.append(target)
    if problems:
        done = f"；已生成：{'、'.join(produced)}" if produced else ""
        raise RuntimeError("；".join(problems) + done)
    return "已生成 " + "、".join(produced)


# The papers of domain.paperwork, by class name, as the documents are called.
DOCUMENT_TITLES = {
    "LoanContractPaper": "借款合同",
    "GuaranteeContractPaper": "保证合同",
    "SchedulePaper": "还款计划表",
    "ReminderNotice": "还款提醒通知书",
    "OverdueNotice": "逾期催收通知书",
    "SignOffRecord": "面签核查及合规确认记录",
}


def printing_jobs() -> tuple[list[tuple[str, Callable]], list[str]]:
    """(paper class name, render function) for every document ``printing`` offers,
    and the ``printing`` modules that failed to import (as messages).

    A render function is a public ``render_*`` function of a ``printing``
    module whose first parameter is annotated with one paper class (the
    batch variants take an iterable and are left out). Found by looking, so
    documents added later are checked without changing this file. A module
    that cannot be imported is reported, not skipped: in a frozen bundle
    that is a missing hidden import or data file.
    """
    try:
        import printing
    except ImportError as exc:
        return [], [f"printing（{exc}）"]
    modules, broken = _printing_modules(printing)
    found: dict[str, Callable] = {}
    for module in modules:
        for name, function in sorted(vars(module).items()):
            paper_type = _paper_parameter(name, function, module.__name__)
            if paper_type in DOCUMENT_TITLES and paper_type not in found:
                found[paper_type] = function
    jobs = [(kind, found[kind]) for kind in DOCUMENT_TITLES if kind in found]
    return jobs, broken


def _printing_modules(package) -> tuple[list, list[str]]:
    """The package's modules, and a message for each one that would not import."""
    import importlib
    import pkgutil

    modules, broken = [], []
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        try:
            modules.append(importlib.import_module(info.name))
        except Exception as exc:  # one broken module must not hide the others' results
            broken.append(f"{info.name}（{type(exc).__name__}: {exc}）".splitlines()[0])
    return modules, broken


def _paper_parameter(name: str, function, module_name: str) -> str | None:
    """The paper class named by the first parameter of a ``render_*`` function."""
    import inspect

    if not name.startswith("render_") or not inspect.isfunction(function):
        return None
    if function.__module__ != module_name:
        return None  # imported from elsewhere: checked in its own module
    parameters = list(inspect.signature(function).parameters.values())
    if len(parameters) < 2:
        return None
    annotation = parameters[0].annotation
    return annotation if isinstance(annotation, str) else getattr(annotation, "__name__", None)


def _example_schedule():
    from domain.schedule import RepaymentMethod, build_schedule

    return build_schedule(
        Decimal("100000"), Decimal("4.35"), 12, date(2025, 1, 15), RepaymentMethod.EQUAL_INSTALLMENT
    )


def sample_papers(schedule) -> dict[str, object]:
    """One filled-in paper of each kind, for the worked example loan."""
    from domain import paperwork as pw
    from domain.schedule import RepaymentMethod

    bank = pw.BankDetails("示范农村商业银行", "城关支行", "城关镇人民路1号", "0571-00000000")
    borrower = pw.Party("张自检", "33010219800101123X", "13800000001", "城关镇解放街8号")
    spouse = pw.Party("李自检", "330102198506152345", "13800000002", "城关镇解放街8号")
    guarantor = pw.Party("王自检", "330102197909093453", "13800000003", "城关镇新华路2号")
    first = schedule.instalments[0]
    start, maturity = date(2025, 1, 15), schedule.instalments[-1].due_date
    loan = {"amount": Decimal("100000.00"), "annual_rate": Decimal("4.35"), "term_months": 12}
    contract = "自检借字2025第0001号"
    account = "6230000000000000001"
    return {
        "LoanContractPaper": pw.LoanContractPaper(
            document_number="ZJ-HT-0001",
            contract_number=contract,
            bank=bank,
            borrower=borrower,
            spouse=spouse,
            product_name="小微贷款",
            loan_type="个人经营性贷款",
            purpose="购进货物",
            **loan,
            pricing_description="一年期LPR加105个基点",
            start_date=start,
            maturity_date=maturity,
            repayment_method=RepaymentMethod.EQUAL_INSTALLMENT.label,
            due_day=15,
            penalty_uplift=Decimal("0.5"),
            misuse_penalty_uplift=Decimal("1.0"),
            payment=pw.OwnPayment(),
            repayment_account=account,
            guarantee_summary="王自检提供连带责任保证",
            schedule=schedule,
        ),
        "GuaranteeContractPaper": pw.GuaranteeContractPaper(
            document_number="ZJ-BZ-0001",
            loan_contract_number=contract,
            bank=bank,
            guarantor=guarantor,
            borrower=borrower,
            loan_type="个人经营性贷款",
            **loan,
            start_date=start,
            maturity_date=maturity,
        ),
        "SchedulePaper": pw.SchedulePaper(
            document_number="ZJ-JH-0001",
            bank=bank,
            contract_number=contract,
            borrower_name=borrower.name,
            **loan,
            repayment_method=RepaymentMethod.EQUAL_INSTALLMENT.label,
            start_date=start,
            schedule=schedule,
        ),
        "ReminderNotice": pw.ReminderNotice(
            document_number="ZJ-TX-0001",
            bank=bank,
            borrower=borrower,
            contract_number=contract,
            period=first.period,
            due_date=first.due_date,
            principal_due=first.principal,
            interest_due=first.interest,
            repayment_account=account,
            issued_on=date(2025, 2, 8),
        ),
        "OverdueNotice": pw.OverdueNotice(
            document_number="ZJ-CS-0001",
            bank=bank,
            addressee=borrower,
            role=pw.NoticeRole.BORROWER,
            borrower_name=borrower.name,
            contract_number=contract,
            original_principal=loan["amount"],
            as_of=date(2025, 3, 1),
            outstanding_principal=first.balance,
            overdue_principal=first.principal,
            overdue_interest=first.interest,
            penalty_interest=Decimal("5.20"),
            compound_interest=Decimal("0.05"),
            repayment_account=account,
        ),
        "SignOffRecord": pw.SignOffRecord(
            document_number="ZJ-QR-0001",
            bank=bank,
            application_number="ZJ-SQ-0001",
            borrower=borrower,
            product_name="小微贷款",
            amount=loan["amount"],
            term_months=12,
            items=(
                pw.ChecklistEntry(
                    "借款人本人到场并出示身份证原件",
                    "客户经理",
                    datetime(2025, 1, 14, 10, 0),
                    "身份核查结果一致",
                ),
            ),
            officer="客户经理",
            assisting_officer="辅助信贷员",
            supervisor="业务主管",
            signed_off_at=datetime(2025, 1, 14, 16, 0),
            signoff_hash="0" * 64,
        ),
    }


def _check_pdf(path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise AssertionError("没有生成文件或文件为空")
    with path.open("rb") as stream:
        if stream.read(4) != b"%PDF":
            raise AssertionError("不是 PDF 文件")


def check_main_window(context: Context) -> str:
    """The main window builds for the administrator and draws off screen."""
    store = _need_store(context)
    if context.admin is None:
        raise RuntimeError("没有可登录的用户（上一项失败）")
    try:
        from desktop.main_window import MainWindow
        from desktop.operations import Operations
    except ImportError as exc:
        raise Skipped(f"主窗口模块不可用（{exc}）") from exc
    app = _application()
    _register_font()
    ops = Operations()
    window = MainWindow(store, ops, context.admin)
    try:
        _settle(app, ops)
        image = window.grab()
        target = context.workdir / "main_window.png"
        if image.isNull() or image.width() == 0 or image.height() == 0:
            raise AssertionError("截图为空")
        if not image.save(str(target), "PNG"):
            raise OSError(f"无法保存截图 {target}")
        return f"截图 {image.width()}×{image.height()}"
    finally:
        window.close()
        window.deleteLater()
        _settle(app, ops)
        ops.shutdown()
        app.processEvents()


def _need_store(context: Context):
    if context.store is None:
        raise RuntimeError("没有可用的数据库（上一项失败）")
    return context.store


def _application():
    """The running QApplication, or a new one (off screen where there is no display)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "loandesk"])


def _register_font() -> None:
    """Without the shipped CJK font, Chinese text would be drawn as empty boxes."""
    from PySide6.QtGui import QFontDatabase

    if QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc"))) < 0:
        raise RuntimeError("无法加载界面字体 wqy-microhei.ttc")


def _settle(app, ops, timeout: float = WINDOW_SETTLE_SECONDS) -> None:
    """Let queued work (first view, security policy) finish before drawing or closing."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if ops.is_idle():
            break
        time.sleep(0.01)
    app.processEvents()


CHECKS: list[tuple[str, Callable[[Context], str]]] = [
    ("资源文件", check_resources),
    ("数据库迁移", check_migration),
    ("初始管理员", check_administrator),
    ("还款计划", check_schedule),
    ("依赖组件", check_components),
    ("打印文件", check_printing),
    ("主窗口", check_main_window),
]
