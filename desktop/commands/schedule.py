"""``loandesk schedule``: print a repayment schedule as a table, CSV or JSON.

    loandesk schedule --amount 100000 --annual-rate 4.35 --months 12 \\
        --method equal-installment --start 2026-01-15 [--due-day 20] [--format csv]

Numbers and dates are taken as text and checked here, so that any bad input
ends with one line on stderr and exit code 2 rather than a usage dump or a
traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

from domain.errors import ValidationError
from domain.money import format_amount, parse_amount, parse_percent, round_fen
from domain.schedule import RepaymentMethod, Schedule, build_schedule

EXIT_BAD_INPUT = 2

# The command line offers the methods that need no plan of their own.
_METHODS = (
    RepaymentMethod.EQUAL_INSTALLMENT,
    RepaymentMethod.EQUAL_PRINCIPAL,
    RepaymentMethod.INTEREST_MONTHLY,
    RepaymentMethod.INTEREST_QUARTERLY,
)
_CSV_COLUMNS = ("period", "due_date", "payment", "principal", "interest", "balance")
_TABLE_HEADERS = ("期次", "还款日", "天数", "应还金额", "本金", "利息", "剩余本金")


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``schedule`` subcommand; its ``func`` is :func:`run`."""
    methods = ", ".join(f"{m.value} ({m.label})" for m in _METHODS)
    parser = subparsers.add_parser(
        "schedule",
        help="计算还款计划表",
        description="按贷款金额、年利率、期限和还款方式计算还款计划表。",
    )
    parser.add_argument("--amount", required=True, help="贷款金额（元），如 100000")
    parser.add_argument("--annual-rate", required=True, help="年利率（百分数），如 4.35")
    parser.add_argument("--months", required=True, help="贷款期限（月）")
    parser.add_argument("--method", required=True, help=f"还款方式：{methods}")
    parser.add_argument("--start", required=True, help="放款日（起息日），如 2026-01-15")
    parser.add_argument("--due-day", help="每月还款日/结息日（1–31），默认为放款日的日子")
    parser.add_argument("--grace-months", default="0", help="宽限期（月），只付息不还本")
    parser.add_argument("--format", default="table", help="输出格式：table（默认）、csv 或 json")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the schedule to stdout and return 0, or one line on stderr and 2."""
    try:
        write = _writer(args.format)
        terms = _terms_from(args)
        schedule = build_schedule(**terms)
    except ValidationError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    write(schedule, terms)
    return 0


def _writer(name: str) -> Callable[[Schedule, dict[str, Any]], None]:
    try:
        return _WRITERS[name.strip().lower()]
    except KeyError:
        raise ValidationError(f"未知的输出格式“{name}”，可选：table、csv、json", "format") from None


def _terms_from(args: argparse.Namespace) -> dict[str, Any]:
    return {
        # As people type them: "10万", "100,000", "4.35%" are all understood.
        "amount": parse_amount(args.amount, "amount", label="贷款金额"),
        "annual_rate": parse_percent(args.annual_rate, "annual_rate", label="年利率"),
        "months": _integer(args.months, "贷款期限（月）", "months"),
        "start": _date(args.start),
        "method": _method(args.method),
        "due_day": None if args.due_day is None else _integer(args.due_day, "还款日", "due_day"),
        "grace_months": _integer(args.grace_months, "宽限期（月）", "grace_months"),
    }


def _integer(text: str, label: str, field: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValidationError(f"{label}“{text}”不是整数", field) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"放款日“{text}”不是有效日期，请写成 2026-01-15", "start") from None


def _method(text: str) -> RepaymentMethod:
    for method in _METHODS:
        if text.strip() in (method.value, method.label):
            return method
    known = "、".join(f"{m.value}（{m.label}）" for m in _METHODS)
    raise ValidationError(f"未知的还款方式“{text}”，可选：{known}", "method")


# --- Output ----------------------------------------------------------------------


def _write_csv(schedule: Schedule, _terms: dict[str, Any]) -> None:
    """Plain figures for spreadsheets: no thousands separators, no totals row."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for i in schedule.instalments:
        writer.writerow(
            (i.period, i.due_date.isoformat(), i.payment, i.principal, i.interest, i.balance)
        )


def _write_json(schedule: Schedule, terms: dict[str, Any]) -> None:
    """Amounts as strings, so no reader turns them into floats."""
    document = {
        "amount": str(round_fen(terms["amount"])),
        "annual_rate": str(terms["annual_rate"]),
        "months": terms["months"],
        "method": terms["method"].value,
        "method_label": terms["method"].label,
        "start": terms["start"].isoformat(),
        "due_day": terms["due_day"],
        "grace_months": terms["grace_months"],
        "instalments": [
            {
                "period": i.period,
                "due_date": i.due_date.isoformat(),
                "days": i.days,
                "payment": str(i.payment),
                "principal": str(i.principal),
                "interest": str(i.interest),
                "balance": str(i.balance),
            }
            for i in schedule.instalments
        ],
        "totals": {
            "payment": str(schedule.total_payment),
            "principal": str(schedule.total_principal),
            "interest": str(schedule.total_interest),
        },
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _write_table(schedule: Schedule, terms: dict[str, Any]) -> None:
    """A table for people, with the column totals the printed schedule has."""
    rows = [
        (
            str(i.period),
            i.due_date.isoformat(),
            str(i.days),
            format_amount(i.payment),
            format_amount(i.principal),
            format_amount(i.interest),
            format_amount(i.balance),
        )
        for i in schedule.instalments
    ]
    totals = (
        "合计",
        "",
        "",
        format_amount(schedule.total_payment),
        format_amount(schedule.total_principal),
        format_amount(schedule.total_interest),
        "",
    )
    widths = [max(_width(row[c]) for row in [_TABLE_HEADERS, *rows, totals]) for c in range(7)]
    method = terms["method"]
    print(
        f"{method.label}  贷款金额 {format_amount(terms['amount'])} 元  "
        f"年利率 {terms['annual_rate']}%  期限 {terms['months']} 个月"
    )
    print(_line(_TABLE_HEADERS, widths))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(_line(row, widths))
    print("  ".join("-" * w for w in widths))
    print(_line(totals, widths))


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    """Text left-aligned in the first two columns, figures right-aligned."""
    padded = []
    for column, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        gap = " " * (width - _width(cell))
        padded.append(cell + gap if column < 2 else gap + cell)
    return "  ".join(padded).rstrip()


def _width(text: str) -> int:
    """Columns the text takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_WRITERS = {"table": _write_table, "csv": _write_csv, "json": _write_json}
