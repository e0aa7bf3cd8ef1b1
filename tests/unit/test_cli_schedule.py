"""``loandesk schedule`` through its own argparse parser, as the main CLI wires it."""

from __future__ import annotations

import argparse
import json

import pytest

from desktop.commands import schedule as schedule_command

WORKED_EXAMPLE = [
    "schedule",
    "--amount",
    "100000",
    "--annual-rate",
    "4.35",
    "--months",
    "12",
    "--method",
    "equal-installment",
    "--start",
    "2026-01-15",
]


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="loandesk")
    subparsers = parser.add_subparsers(dest="command", required=True)
    schedule_command.register(subparsers)
    args = parser.parse_args(argv)
    return args.func(args)


def test_csv_of_the_worked_example(capsys):
    assert run_cli([*WORKED_EXAMPLE, "--format", "csv"]) == 0

    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[:3] == [
        "period,due_date,payment,principal,interest,balance",
        "1,2026-02-15,8530.99,8168.49,362.50,91831.51",
        "2,2026-03-15,8530.99,8198.10,332.89,83633.41",
    ]
    assert lines[-1] == "12,2027-01-15,8531.01,8500.20,30.81,0.00"
    assert len(lines) == 13  # header and twelve instalments, no totals row
    assert err == ""


def test_table_has_totals(capsys):
    assert run_cli(WORKED_EXAMPLE) == 0

    out, _ = capsys.readouterr()
    assert "8,530.99" in out
    totals = out.splitlines()[-1]
    assert totals.startswith("合计")
    assert totals.split()[1:] == ["102,371.90", "100,000.00", "2,371.90"]


def test_json_carries_inputs_instalments_and_totals(capsys):
    argv = [*WORKED_EXAMPLE, "--method", "interest-monthly", "--due-day", "20", "--format", "json"]
    assert run_cli(argv) == 0

    document = json.loads(capsys.readouterr().out)
    assert document["method"] == "interest-monthly"
    assert document["amount"] == "100000.00"
    assert document["due_day"] == 20
    assert len(document["instalments"]) == 13
    assert document["instalments"][0] == {
        "period": 1,
        "due_date": "2026-01-20",
        "days": 5,
        "payment": "60.42",
        "principal": "0.00",
        "interest": "60.42",
        "balance": "100000.00",
    }
    assert document["totals"]["principal"] == "100000.00"


def test_amounts_and_rates_as_people_type_them(capsys):
    args = [
        "--amount",
        "10万",
        "--annual-rate",
        "4.35%",
        "--months",
        "12",
        "--method",
        "equal-installment",
        "--start",
        "2026-01-15",
        "--format",
        "csv",
    ]
    assert run_cli(["schedule", *args]) == 0
    assert "1,2026-02-15,8530.99,8168.49,362.50,91831.51" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--amount", "10x", "贷款金额只能包含数字"),
        ("--amount", "0", "贷款金额必须大于零"),
        ("--annual-rate", "abc", "年利率只能包含数字和小数点"),
        ("--annual-rate", "40", "年利率必须低于 36%"),
        ("--months", "1.5", "贷款期限（月）“1.5”不是整数"),
        ("--start", "2026-02-30", "放款日“2026-02-30”不是有效日期"),
        ("--method", "balloon", "未知的还款方式“balloon”"),
        ("--method", "cash-flow", "未知的还款方式“cash-flow”"),
        ("--due-day", "32", "还款日必须是每月 1 日到 31 日之间的一天"),
        ("--format", "xml", "未知的输出格式“xml”"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(capsys, option, value, message):
    assert run_cli([*WORKED_EXAMPLE, option, value]) == 2

    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err
