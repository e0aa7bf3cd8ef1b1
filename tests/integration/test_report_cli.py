"""``loandesk report portfolio`` to xlsx, csv and pdf, checked by reading the
files back (openpyxl, csv, pypdf); ``loandesk pay`` and ``loandesk accrue``
on a small loan book, on SQLite and PostgreSQL."""

from __future__ import annotations

import argparse
import csv
import io
import re
from datetime import date, timedelta
from decimal import Decimal as D

import openpyxl
import pytest
from pypdf import PdfReader

from desktop import cli
from desktop.commands import servicing as servicing_commands
from desktop.startup import open_store
from domain import accounts
from domain.reports import portfolio_report
from domain.servicing import amount_due, load_loan_book
from tests.integration.test_servicing import PASSWORD, booked

COMMANDS = {
    "accrue": "desktop.commands.servicing",
    "report": "desktop.commands.servicing",
    "pay": "desktop.commands.servicing",
    "demo-loans": "desktop.commands.demo_loans",
}


@pytest.fixture
def book(database_url, monkeypatch):
    """Three loans under two products, one of them far behind; the URL."""
    for name, module in COMMANDS.items():
        monkeypatch.setitem(cli.COMMAND_MODULES, name, module)
    store = open_store(database_url)
    store.upgrade()
    admin = accounts.create_first_administrator(store.uow(), "admin", "张管理", PASSWORD)
    today = date.today()
    loans = [
        _paid_up(booked(1, "100000", today - timedelta(days=200)), today),
        booked(2, "50000", today - timedelta(days=300), paid=1, product="personal-guarantee"),
        booked(3, "30000", today - timedelta(days=80)),
    ]
    load_loan_book(store.uow(), admin, loans)
    yield store, database_url, [b.loan.loan_number for b in loans]
    store.close()


def _paid_up(loan, today: date):
    """The same loan with every instalment due before ``today`` paid on time."""
    due = sum(1 for i in loan.schedule.instalments if i.due_date < today)
    return booked(1, "100000", loan.loan.start_date, paid=due)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_xlsx_has_a_row_per_product_a_total_and_par_as_percentages(book, tmp_path, capsys):
    store, url, _numbers = book
    out = tmp_path / "portfolio.xlsx"

    code, printed, _err = run(
        capsys, "report", "portfolio", "--format", "xlsx", "--out", str(out), "--url", url
    )

    assert code == 0 and "已写入" in printed and "2 行加合计" in printed
    report = portfolio_report(store.uow())
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "贷款组合报告" and "按产品" in rows[1][0]
    assert rows[2] == (
        "产品代码",
        "名称",
        "累计放款笔数",
        "累计放款金额（元）",
        "在贷笔数",
        "贷款余额（元）",
        "PAR1",
        "PAR30",
        "PAR90",
    )
    body = rows[3:]
    assert [r[0] for r in body] == ["micro", "personal-guarantee", None]
    assert [r[1] for r in body] == ["小微贷款", "自然人保证贷款", "合计"]
    for line, expected in zip(body, report.all_rows, strict=True):
        assert line[2] == expected.loans_disbursed and line[4] == expected.active_loans
        assert D(str(line[5])) == expected.outstanding
        assert [D(str(v)).quantize(D("0.0001")) for v in line[6:]] == [
            expected.par1,
            expected.par30,
            expected.par90,
        ]
    total_row = sheet.max_row
    assert sheet.cell(total_row, 2).font.bold
    assert {sheet.cell(r, c).number_format for r in range(4, total_row + 1) for c in (7, 8, 9)} == {
        "0.00%"
    }
    assert sheet.cell(4, 6).number_format == "#,##0.00"
    assert 0 < report.total.par90 < report.total.par30 < 1  # loans 1, 2 and 3 differ


def test_the_csv_has_ratios_with_four_decimals(book, tmp_path, capsys):
    store, url, _numbers = book
    out = tmp_path / "portfolio.csv"

    code, _printed, _err = run(capsys, "report", "portfolio", "--out", str(out), "--url", url)

    assert code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read Chinese
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][-3:] == ["PAR1", "PAR30", "PAR90"]
    assert [r[1] for r in rows[1:]] == ["小微贷款", "自然人保证贷款", "合计"]
    report = portfolio_report(store.uow())
    for line, expected in zip(rows[1:], report.all_rows, strict=True):
        assert all(re.fullmatch(r"\d\.\d{4}", v) for v in line[-3:])
        assert line[-3:] == [str(expected.par1), str(expected.par30), str(expected.par90)]
        assert D(line[5]) == expected.outstanding and int(line[2]) == expected.loans_disbursed


def test_the_pdf_shows_the_table(book, tmp_path, capsys):
    store, url, _numbers = book
    out = tmp_path / "portfolio.pdf"

    code, _printed, _err = run(
        capsys, "report", "portfolio", "--as-of", "2026-06-30", "--out", str(out), "--url", url
    )

    assert code == 0
    text = "".join("".join(page.extract_text().split()) for page in PdfReader(out).pages)
    report = portfolio_report(store.uow(), date(2026, 6, 30))
    assert "贷款组合报告" in text and "截至2026-06-30" in text
    for needle in ("小微贷款", "自然人保证贷款", "合计", "PAR1", "PAR30", "PAR90"):
        assert needle in text
    assert f"{report.total.outstanding:,.2f}" in text
    assert f"{report.total.par30 * 100:.2f}%" in text


def test_a_report_needs_a_known_format(book, tmp_path, capsys):
    _store, url, _numbers = book
    code, _out, err = run(
        capsys, "report", "portfolio", "--out", str(tmp_path / "p.txt"), "--url", url
    )
    assert code == 1 and "xlsx、csv 或 pdf" in err
    code, _out, err = run(
        capsys,
        "report",
        "portfolio",
        "--as-of",
        "明天",
        "--out",
        str(tmp_path / "p.csv"),
        "--url",
        url,
    )
    assert code == 1 and "不是有效日期" in err


def test_pay_and_accrue_on_the_console(book, capsys):
    store, url, numbers = book
    due = amount_due(store.uow(), numbers[0])
    today = date.today().isoformat()
    argv = ["pay", "--loan", numbers[0], "--amount", str(due), "--date", today]
    argv += ["--channel", "现金", "--receipt", "CLI-0001", "--url", url]

    code, printed, _err = run(capsys, *argv)
    assert code == 0 and f"已入账：贷款 {numbers[0]} 回单 CLI-0001" in printed
    code, _printed, err = run(capsys, *argv)
    assert code == 1 and "同一回单不能重复入账" in err

    code, first, _err = run(capsys, "accrue", "--url", url)
    assert code == 0 and "日终处理完成" in first and "记录贷款 3 笔" in first
    code, second, _err = run(capsys, "accrue", "--url", url)
    assert code == 0 and "记录贷款 0 笔" in second


def test_registering_the_commands_twice_is_harmless():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    servicing_commands.register(sub)
    servicing_commands.register(sub)
    args = parser.parse_args(["report", "portfolio", "--out", "x.csv"])
    assert args.func is servicing_commands.run_portfolio_report
