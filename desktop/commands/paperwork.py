"""``loandesk print``, ``loandesk notices`` and ``loandesk verify``: paperwork
on the command line, and the generating the desktop shares with it.

    loandesk print KIND --application NO --out FILE.pdf [--as-of DATE] [--url URL]
    loandesk notices (--due-within DAYS | --overdue) --out FILE.pdf [--as-of DATE] [--url URL]
    loandesk verify CODE [--url URL]

``KIND`` is ``contract``, ``guarantee``, ``schedule``, ``reminder``,
``overdue`` or ``signoff``; ``NO`` an application number or a loan contract
number. Every document is registered (its number and verification code) and
its printing to the file recorded, under ``console:<login>``.

A loan with several guarantors has a guarantee contract for each, each a
document of its own: they go to ``FILE-1.pdf``, ``FILE-2.pdf``… in the order
the application lists the guarantors (one guarantor: ``FILE.pdf`` itself).
An overdue notice goes to the borrower and to each guarantor: all of them
in one PDF, each starting on a new page.

``notices`` prints the reminders of every instalment due from the as-of
date (default today) to DAYS days later, or with ``--overdue`` the overdue
notices of every loan with anything overdue, into one PDF in due-date order.
No notice to print: a message, no file, exit 0.

``verify`` exits 0 and describes the document when the code is known and
the database still fills the same paper; 1 (unknown code) or 3 (the record
changed since printing) with the reason on stderr otherwise.

Every mistake ends with one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from domain.documents import (
    DocumentKind,
    console_operator,
    due_reminders,
    issue_all,
    overdue_notices,
    papers_for,
    record_prints,
    verify_code,
)
from domain.errors import ValidationError
from domain.paperwork import (
    GuaranteeContractPaper,
    LoanContractPaper,
    OverdueNotice,
    Paper,
    ReminderNotice,
    SchedulePaper,
    SignOffRecord,
)
from domain.users import User

EXIT_UNKNOWN_CODE = 1
EXIT_CHANGED = 3
PDF = "PDF"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


# ---------------------------------------------------------------------------
# Generating: shared with the desktop
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedFile:
    """A PDF written for one or more issued papers (numbered), in page order."""

    path: Path
    papers: tuple[Paper, ...]

    @property
    def document_numbers(self) -> tuple[str, ...]:
        return tuple(p.document_number for p in self.papers)

    @property
    def title(self) -> str:
        """``借款合同 JKHT20261128-0001``; a batch by its kind and count."""
        first = self.papers[0]
        label = _KIND_LABELS[type(first)]
        if len(self.papers) == 1:
            return f"{label} {first.document_number}"
        return f"{label}（{len(self.papers)} 份）"


_KIND_LABELS = {
    LoanContractPaper: DocumentKind.LOAN_CONTRACT.label,
    GuaranteeContractPaper: DocumentKind.GUARANTEE_CONTRACT.label,
    SchedulePaper: DocumentKind.SCHEDULE.label,
    ReminderNotice: DocumentKind.REMINDER.label,
    OverdueNotice: DocumentKind.OVERDUE_NOTICE.label,
    SignOffRecord: DocumentKind.SIGNOFF_RECORD.label,
}


def render(
    papers: Sequence[Paper],
    out: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Print ``papers`` (all of one kind) into the PDF ``out``; the page count.

    Notices of a batch share one PDF; a contract, schedule or record is one
    paper per PDF. ``PrintingCancelled`` when ``cancelled()`` turns true.
    Runs on the calling thread: never the UI thread.
    """
    from printing.guarantee_contract import render_guarantee_contract
    from printing.loan_contract import render_loan_contract
    from printing.overdue_notice import render_overdue_notices
    from printing.reminder_notice import render_reminders
    from printing.schedule_table import render_schedule
    from printing.signoff_record import render_signoff_record

    first = papers[0]
    if isinstance(first, ReminderNotice):
        return render_reminders(papers, out, progress, cancelled)
    if isinstance(first, OverdueNotice):
        return render_overdue_notices(papers, out, progress, cancelled)
    (paper,) = papers
    single = {
        LoanContractPaper: render_loan_contract,
        GuaranteeContractPaper: render_guarantee_contract,
        SchedulePaper: render_schedule,
        SignOffRecord: render_signoff_record,
    }
    return single[type(paper)](paper, out)


def generate(
    uow_factory: Callable,
    actor: User,
    kind: DocumentKind | str,
    number: str,
    as_of: date | None,
    out: Path,
) -> list[GeneratedFile]:
    """Fill the papers of ``kind`` for an application or loan, issue them
    and print them to ``out`` (several guarantee contracts: ``out`` with
    ``-1``, ``-2``… before the suffix). Domain errors as they come."""
    papers = papers_for(uow_factory(), kind, number, as_of)
    issued = issue_all(uow_factory(), actor, papers)
    if DocumentKind(kind) is not DocumentKind.GUARANTEE_CONTRACT or len(issued) == 1:
        render(issued, out)
        return [GeneratedFile(out, tuple(issued))]
    files = []
    for index, paper in enumerate(issued, start=1):
        path = out.with_name(f"{out.stem}-{index}{out.suffix}")
        render([paper], path)
        files.append(GeneratedFile(path, (paper,)))
    return files


def generate_notices(
    uow_factory: Callable,
    actor: User,
    as_of: date,
    within_days: int | None,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> GeneratedFile | None:
    """The reminders due within ``within_days`` of ``as_of`` or, with
    ``within_days=None``, the overdue notices as of ``as_of``: filled,
    issued and printed into ``out``. ``None`` (and no file) when there is
    none. ``progress(done, total)`` runs over the whole batch: filling, then
    laying out; it may raise to stop, as may ``cancelled()`` turning true."""
    fill_progress = None if progress is None else (lambda done, total: progress(done, 2 * total))
    if within_days is None:
        papers = overdue_notices(uow_factory(), as_of, fill_progress)
    else:
        papers = due_reminders(uow_factory(), as_of, within_days, fill_progress)
    if not papers:
        return None
    issued = issue_all(uow_factory(), actor, papers)
    total = len(issued)
    layout_progress = (
        None if progress is None else (lambda done, _n: progress(total + done, 2 * total))
    )
    render(issued, out, layout_progress, cancelled)
    return GeneratedFile(out, tuple(issued))


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``print``, ``notices`` and ``verify``. Registering twice (the
    command line imports this module once per command name) adds nothing."""
    from desktop.commands.common import add_url

    if "print" in subparsers.choices:
        return
    kinds = "、".join(f"{k.value}（{k.label}）" for k in DocumentKind)
    p = subparsers.add_parser(
        "print",
        help="打印借款合同、保证合同、还款计划表、通知书或合规确认记录",
        description=f"按数据库记录生成文书并登记编号和验证码。文书种类：{kinds}。",
    )
    p.add_argument("kind", metavar="KIND", help=f"文书种类：{kinds}")
    p.add_argument("--application", required=True, metavar="NO", help="申请编号或借款合同编号")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    p.add_argument("--as-of", metavar="DATE", help="通知书的基准日（默认今天），如 2026-11-28")
    add_url(p)
    p.set_defaults(func=run_print)

    p = subparsers.add_parser(
        "notices",
        help="批量打印还款提醒或逾期催收通知书",
        description="把到期提醒（或逾期催收通知书）按到期日顺序打印到一个 PDF。",
    )
    p.add_argument("--due-within", metavar="DAYS", help="提醒从基准日起多少天内到期的还款")
    p.add_argument("--overdue", action="store_true", help="改为打印逾期催收通知书")
    p.add_argument("--as-of", metavar="DATE", help="基准日（默认今天），如 2026-11-28")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    add_url(p)
    p.set_defaults(func=run_notices)

    p = subparsers.add_parser(
        "verify",
        help="核验文书上的验证码",
        description="按验证码查找文书，并核对数据库现有记录是否仍与之一致。",
    )
    p.add_argument("code", metavar="CODE", help="文书页脚的验证码，如 7KQ2-M9XD-4RTB")
    add_url(p)
    p.set_defaults(func=run_verify)


def run_print(args: argparse.Namespace) -> int:
    """Generate, register and record the printing of one kind of document."""
    kind = _kind(args.kind)
    out = _out(args.out)
    as_of = _as_of(args.as_of)
    store, actor = _open(args)
    try:
        files = generate(store.uow, actor, kind, args.application, as_of, out)
        for file in files:
            record_prints(store.uow(), actor, file.document_numbers, PDF)
    finally:
        store.close()
    for file in files:
        _say_written(file)
    return 0


def run_notices(args: argparse.Namespace) -> int:
    """Print a batch of reminders or overdue notices into one PDF."""
    from desktop.commands.common import EXIT_USAGE, UserError

    if args.overdue == (args.due_within is not None):
        raise UserError(
            "请指定 --due-within 天数（到期提醒）或 --overdue（逾期催收）之一。", EXIT_USAGE
        )
    out = _out(args.out)
    as_of = _as_of(args.as_of)
    within = None if args.overdue else _days(args.due_within)
    store, actor = _open(args)
    try:
        day = as_of or store.uow().clock.today()
        file = generate_notices(store.uow, actor, day, within, out)
        if file is not None:
            record_prints(store.uow(), actor, file.document_numbers, PDF)
    finally:
        store.close()
    if file is None:
        what = "逾期款项" if args.overdue else f"{within} 天内到期的还款"
        print(f"截至 {day.isoformat()} 没有{what}，未生成文件。")
        return 0
    _say_written(file)
    return 0


def run_verify(args: argparse.Namespace) -> int:
    """Describe the document and exit 0 when it still matches the records."""
    from desktop.commands.common import UserError, open_ready_store

    store = open_ready_store(args)
    try:
        result = verify_code(store.uow(), args.code)
    finally:
        store.close()
    if result.matches:
        print(result.summary)
        return 0
    raise UserError(result.summary, EXIT_CHANGED if result.found else EXIT_UNKNOWN_CODE)


# --- reading the arguments ------------------------------------------------------


def _open(args: argparse.Namespace):
    from desktop.commands.common import open_ready_store

    return open_ready_store(args), console_operator(f"console:{getpass.getuser()}")


def _kind(text: str) -> DocumentKind:
    from desktop.commands.common import EXIT_USAGE, UserError

    word = text.strip().lower()
    for kind in DocumentKind:
        if word in (kind.value, kind.label):
            return kind
    known = "、".join(f"{k.value}（{k.label}）" for k in DocumentKind)
    raise UserError(f"未知的文书种类“{text}”，可选：{known}", EXIT_USAGE)


def _out(text: str) -> Path:
    from desktop.commands.common import EXIT_USAGE, UserError

    path = Path(text).expanduser()
    if path.is_dir():
        raise UserError(f"{text} 是文件夹，请给出 PDF 文件名。", EXIT_USAGE)
    if not path.parent.is_dir():
        raise UserError(f"文件夹 {path.parent} 不存在。", EXIT_USAGE)
    return path


def _as_of(text: str | None) -> date | None:
    from desktop.commands.common import EXIT_USAGE, UserError
    from domain.customers import parse_date

    if text is None:
        return None
    try:
        return parse_date(text, "as_of", "基准日")
    except ValidationError as exc:
        raise UserError(str(exc), EXIT_USAGE) from None


def _days(text: str) -> int:
    from desktop.commands.common import EXIT_USAGE, UserError

    try:
        days = int(text.strip())
    except ValueError:
        raise UserError(f"天数“{text}”不是整数。", EXIT_USAGE) from None
    if days < 0:
        raise UserError("天数不能为负数。", EXIT_USAGE)
    return days


def _say_written(file: GeneratedFile) -> None:
    for paper in file.papers:
        label = _KIND_LABELS[type(paper)]
        print(f"{label} {paper.document_number}（验证码 {paper.verification_code}）")
    print(f"已写入 {file.path}")
