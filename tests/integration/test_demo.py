"""``loandesk demo`` on a fresh SQLite file: realistic data, one line per state."""

from __future__ import annotations

import argparse
import re

import pytest

from desktop.cli import UserError
from desktop.commands.demo import register
from desktop.startup import open_store
from domain.applications import ApplicationState, get_application
from domain.customers import businesses_of, get_customer
from domain.identity import parse_mobile, parse_resident_id, parse_uscc
from domain.search import search_applications, search_customers


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["demo", *argv])
    return args.func(args)


@pytest.fixture
def loaded(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    assert _run("--url", url, "--customers", "200", "--seed", "7", "--loans", "20") == 0
    return url, capsys.readouterr().out


def test_prints_one_line_per_state_with_tab_separated_fields(loaded):
    _url, out = loaded
    lines = out.splitlines()
    state_lines = lines[-len(ApplicationState) :]

    rows = [line.split("\t") for line in state_lines]
    assert [row[0] for row in rows] == [s.value for s in ApplicationState]
    assert all(len(row) == 3 for row in rows)
    counts = {row[0]: (int(row[1]), row[2]) for row in rows}
    for state in ("draft", "submitted"):
        count, example = counts[state]
        assert count > 0
        assert re.fullmatch(r"[A-Z]{2}\d{8}-\d{4}", example)
    # 50 applications from the intake demo, and one disbursed application per demo loan
    assert sum(count for count, _example in counts.values()) == 50 + 20
    assert "贷款 20 笔" in out
    assert all(example == "-" for count, example in counts.values() if count == 0)
    assert "客户 200 户" in lines[0]
    assert re.search(r"密码均为 Demo\d{6}", out)


def test_the_data_is_what_a_desk_would_type(loaded):
    url, _out = loaded
    store = open_store(url)
    try:
        hits = search_customers(store.uow(), "", limit=200)
        assert len(hits) == 200
        for hit in hits[:40]:
            customer = get_customer(store.uow(), hit.id)
            assert parse_resident_id(customer.id_number).warnings == ()
            assert parse_mobile(customer.phone) == customer.phone
            assert customer.address.startswith("江苏省南京市溧水区")
            (business,) = businesses_of(store.uow(), customer.id)
            if business.uscc:
                assert parse_uscc(business.uscc) == business.uscc
        for hit in search_applications(store.uow(), state="submitted", limit=10):
            application = get_application(store.uow(), hit.application_number)
            assert 50_000 <= application.amount <= 300_000
            assert application.investigation.officer != application.investigation.assisting_officer
            assert application.analysis
    finally:
        store.close()


def test_a_database_with_customers_is_refused(loaded):
    url, _out = loaded

    with pytest.raises(UserError, match="已有客户"):
        _run("--url", url, "--customers", "20")


def test_too_few_customers_is_refused(tmp_path):
    with pytest.raises(UserError, match="至少需要 10 户"):
        _run("--url", f"sqlite:///{tmp_path / 'x.db'}", "--customers", "3")


def test_staff_already_there_keep_their_password(tmp_path, capsys):
    from domain import accounts

    url = f"sqlite:///{tmp_path / 'staffed.db'}"
    store = open_store(url)
    store.upgrade()
    admin = accounts.create_first_administrator(store.uow(), "admin", "张管理", "secret123")
    accounts.add_user(store.uow(), admin, "li.xin", "李信", ["loan_officer"], "secret123")
    store.close()

    assert _run("--url", url, "--customers", "20") == 0

    out = capsys.readouterr().out
    assert "li.xin  李信  客户经理、辅助信贷员（已存在）" in out
    store = open_store(url)
    try:
        assert accounts.sign_in(store.uow(), "li.xin", "secret123").username == "li.xin"
    finally:
        store.close()
