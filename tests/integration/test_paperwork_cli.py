"""``loandesk print``, ``loandesk notices`` and ``loandesk verify`` against a
real database of each kind, through the ``loandesk`` entry point."""

from __future__ import annotations

import getpass
import re
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from desktop import cli
from desktop.startup import open_store
from domain.applications import Guarantor
from domain.documents import prints_of
from domain.loans import loan_schedule
from tests.integration.test_documents_db import disbursed
from tests.integration.test_workflow import START, Desk, MovableClock, rid

CODE = re.compile(r"验证码 ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")
NUMBER = re.compile(r"^\S+ ([A-Z]{4}\d{8}-\d{4})（", re.MULTILINE)


@pytest.fixture
def clock():
    return MovableClock(START)


@pytest.fixture
def desk(database_url, clock):
    store = open_store(database_url, clock)
    store.upgrade()
    yield Desk(store, clock)
    store.close()


@pytest.fixture
def loan(desk):
    return disbursed(desk)


@pytest.fixture
def loandesk(monkeypatch, desk, capsys):
    """Run ``loandesk ARGS --url <the desk's database>``: (exit code, stdout, stderr)."""
    for name in ("print", "notices", "verify"):
        monkeypatch.setitem(cli.COMMAND_MODULES, name, "desktop.commands.paperwork")

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main([*argv, "--url", desk.store.url])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def pdf_text(path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("contract", "人民币壹拾伍万元整"),
        ("guarantee", "连带责任保证"),
        ("schedule", "还款计划表"),
        ("reminder", "还款提醒通知书"),
        ("signoff", "面签核查及合规确认记录"),
    ],
)
def test_print_each_kind_to_a_pdf(kind, expected, loandesk, desk, loan, tmp_path):
    out = tmp_path / f"{kind}.pdf"

    code, stdout, stderr = loandesk(
        "print", kind, "--application", loan.application_number, "--out", str(out),
        "--as-of", loan.start_date.isoformat(),
    )  # fmt: skip

    assert code == 0, stderr
    (number,) = NUMBER.findall(stdout)
    assert CODE.search(stdout) and f"已写入 {out}" in stdout
    printed = pdf_text(out)
    assert expected in printed and number in printed
    if kind != "signoff":
        assert loan.loan_number in printed
    (record,) = prints_of(desk.uow(), number)
    assert record.printed_by == f"console:{getpass.getuser()}" and record.destination == "PDF"


def test_overdue_notices_for_borrower_and_guarantor_share_one_pdf(loandesk, desk, loan, tmp_path):
    first_due = loan_schedule(desk.uow(), loan.loan_number).instalments[0].due_date
    out = tmp_path / "overdue.pdf"

    code, stdout, _ = loandesk(
        "print", "overdue", "--application", loan.loan_number, "--out", str(out),
        "--as-of", f"{first_due + timedelta(days=10):%Y年%m月%d日}",
    )  # fmt: skip

    assert code == 0
    borrower, guarantor = NUMBER.findall(stdout)
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    assert borrower in pdf_text(out) and guarantor in pdf_text(out)
    assert "孙七" in "".join(reader.pages[1].extract_text().split())


def test_each_guarantor_gets_a_file_of_his_own(loandesk, desk, tmp_path):
    loan = disbursed(
        desk,
        guarantors=[
            Guarantor("孙七", rid(301), "13900000007", "朋友", "8000"),
            Guarantor("周八", rid(302), "13900000008", "亲属", "9000"),
        ],
    )

    code, stdout, _ = loandesk(
        "print", "guarantee", "--application", loan.loan_number,
        "--out", str(tmp_path / "bz.pdf"),
    )  # fmt: skip

    assert code == 0
    assert not (tmp_path / "bz.pdf").exists()
    assert "孙七" in pdf_text(tmp_path / "bz-1.pdf")
    assert "周八" in pdf_text(tmp_path / "bz-2.pdf")
    assert len(NUMBER.findall(stdout)) == 2


def test_printing_again_gives_the_same_number_and_code(loandesk, loan, tmp_path):
    argv = ("print", "contract", "--application", loan.loan_number)
    _, first, _ = loandesk(*argv, "--out", str(tmp_path / "a.pdf"))
    _, second, _ = loandesk(*argv, "--out", str(tmp_path / "b.pdf"))

    assert NUMBER.findall(first) == NUMBER.findall(second)
    assert CODE.findall(first) == CODE.findall(second)


def test_mistakes_end_with_one_line_and_a_non_zero_code(loandesk, desk, tmp_path):
    out = str(tmp_path / "x.pdf")
    cases = [
        (("print", "letter", "--application", "X", "--out", out), 2, "未知的文书种类"),
        (("print", "contract", "--application", "XW19990101-0001", "--out", out), 1, "找不到"),
        (("print", "reminder", "--application", "X", "--out", out, "--as-of", "昨天"), 2, "基准日"),
        (("print", "schedule", "--application", "X", "--out", "/nowhere/x.pdf"), 2, "不存在"),
        (("notices", "--out", out), 2, "--due-within"),
        (("notices", "--due-within", "abc", "--out", out), 2, "不是整数"),
    ]
    for argv, exit_code, message in cases:
        code, _, stderr = loandesk(*argv)
        assert code == exit_code, argv
        assert stderr.startswith("错误：") and message in stderr, stderr
        assert len(stderr.strip().splitlines()) == 1
    signed_off = desk.signed_off().application_number
    code, _, stderr = loandesk("print", "contract", "--application", signed_off, "--out", out)
    assert code == 1 and "尚未放款" in stderr
    assert not (tmp_path / "x.pdf").exists()


def test_notices_batch_in_due_date_order(loandesk, desk, tmp_path):
    first = disbursed(desk)
    second = disbursed(desk, due_day=10)
    second_due = loan_schedule(desk.uow(), second.loan_number).instalments[0].due_date
    first_due = loan_schedule(desk.uow(), first.loan_number).instalments[0].due_date
    out = tmp_path / "notices.pdf"

    code, stdout, _ = loandesk(
        "notices", "--due-within", "31", "--as-of", second_due.isoformat(), "--out", str(out)
    )

    assert code == 0
    pages = ["".join(p.extract_text().split()) for p in PdfReader(out).pages]
    assert second.loan_number in pages[0] and first.loan_number in pages[1]
    assert len(NUMBER.findall(stdout)) == 2

    overdue = tmp_path / "overdue.pdf"
    code, stdout, _ = loandesk(
        "notices", "--overdue", "--as-of", (first_due + timedelta(days=1)).isoformat(),
        "--out", str(overdue),
    )  # fmt: skip
    assert code == 0 and len(PdfReader(overdue).pages) == 4

    none = tmp_path / "none.pdf"
    code, stdout, _ = loandesk(
        "notices", "--overdue", "--as-of", START.date().isoformat(), "--out", str(none)
    )
    assert code == 0 and "没有逾期款项" in stdout and not none.exists()


def test_verify_exit_codes(loandesk, desk, loan, tmp_path):
    _, stdout, _ = loandesk(
        "print", "contract", "--application", loan.loan_number, "--out", str(tmp_path / "c.pdf")
    )
    (code_text,) = CODE.findall(stdout)

    code, out, _ = loandesk("verify", code_text.lower())
    assert code == 0
    assert code_text in out and loan.loan_number in out and "一致" in out

    code, _, err = loandesk("verify", "0000-0000-0000")
    assert code == 1 and "没有以此验证码出具的文书" in err

    with desk.store.database.engine.begin() as c:
        c.execute(text("UPDATE applications SET purpose = '购买货车'"))
    code, _, err = loandesk("verify", code_text)
    assert code == 3 and "出具后已被修改" in err
    assert len(err.strip().splitlines()) == 1
