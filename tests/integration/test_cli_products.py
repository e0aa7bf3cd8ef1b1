"""``loandesk products list`` against a real database of each kind."""

from __future__ import annotations

import argparse
import unicodedata

import pytest

from desktop.cli import UserError
from desktop.commands.products import register
from domain import accounts, catalogue


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["products", "list", *argv])
    return args.func(args)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_lists_the_catalogue_as_an_aligned_table(store, capsys):
    assert _run("--url", store.url) == 0

    lines = capsys.readouterr().out.splitlines()
    header, rule, *rows = lines
    assert header.split() == [
        "代码",
        "名称",
        "金额范围（元）",
        "期限（月）",
        "担保方式",
        "逾期罚息上浮",
        "状态",
    ]
    assert [row.split()[0] for row in rows] == [
        "guarantee-company",
        "joint-group",
        "micro",
        "personal-guarantee",
        "quick-mortgage",
        "trade-chain",
    ]
    micro = next(row for row in rows if row.startswith("micro "))
    assert "小微贷款" in micro
    assert "5,000.00 – 500,000.00" in micro
    assert "3 – 24" in micro
    assert "自然人保证" in micro
    assert "50.00%" in micro
    assert micro.endswith("在售")
    assert "自然人保证、担保公司保证" in next(r for r in rows if r.startswith("trade-chain"))
    # Every row ends under the last header: Chinese characters count two columns.
    status_column = _width(header) - _width("状态")
    assert all(_width(row) - _width(row.split()[-1]) == status_column for row in rows)
    assert _width(rule) == _width(header)


def test_switched_off_products_are_listed_as_such(store, capsys):
    admin = accounts.create_first_administrator(store.uow(), "admin", "张管理", "secret123")
    catalogue.set_product_active(store.uow(), admin, "joint-group", False)

    _run("--url", store.url)

    joint = next(r for r in capsys.readouterr().out.splitlines() if r.startswith("joint-group"))
    assert joint.endswith("已停用")


def test_a_database_not_yet_created_is_refused(tmp_path):
    with pytest.raises(UserError, match="loandesk db upgrade"):
        _run("--url", f"sqlite:///{tmp_path / 'empty.db'}")
