"""Write-off (核销) rules without a database: which loans may be written
off, the amounts that leave the books, and the four eyes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from domain.classification import Category
from domain.errors import PermissionDenied
from domain.loans import LoanState
from domain.overdue import position
from domain.users import Role, User
from domain.write_off import (
    WriteOff,
    check_write_off_staff,
    write_off_refusal,
    written_off_amounts,
)
from tests.unit.test_servicing_rules import LINES, TERMS, account, paid_up_to


def loss(**changes):
    return account(classification=Category.LOSS, classification_confirmed=True, **changes)


def user(name: str, *roles: Role) -> User:
    return User(name, f"{name}全名", frozenset(roles), password_hash="")


def test_only_a_standing_loan_confirmed_as_loss_may_be_written_off():
    assert write_off_refusal(loss()) is None
    suggested = account(classification=Category.LOSS, classification_confirmed=False)
    assert "“损失”（尚未经业务主管认定）" in write_off_refusal(suggested)
    doubtful = account(classification=Category.DOUBTFUL, classification_confirmed=True)
    assert "“可疑”（已认定）" in write_off_refusal(doubtful)
    assert "已结清，无需核销" in write_off_refusal(loss(state=LoanState.CLOSED))
    done = loss(state=LoanState.WRITTEN_OFF, closed_on=date(2026, 6, 30))
    assert "已于 2026-06-30 核销，不能重复核销" in write_off_refusal(done)


def test_the_amount_written_off_is_principal_and_unpaid_interest():
    # Instalments 1-2 paid, 3-5 overdue on 2026-06-30.
    figures = position(paid_up_to(2), date(2026, 6, 30), TERMS)
    principal, interest, penalty, compound = written_off_amounts(figures)
    assert principal == sum((ln.principal for ln in LINES[2:]), D(0))
    assert interest == sum((ln.interest for ln in LINES[2:5]), D(0))
    assert penalty > 0 and compound > 0
    done = WriteOff(
        "JK20260120-0001",
        "张三",
        date(2026, 6, 30),
        principal,
        interest,
        penalty,
        compound,
        "借款人失联",
        "chen",
        "sun",
    )
    assert done.total == principal + interest  # penalty and compound stay claimed


def test_four_eyes_on_a_write_off():
    chen, sun = user("chen", Role.SUPERVISOR), user("sun", Role.SUPERVISOR)
    admin, liu = user("admin", Role.ADMINISTRATOR), user("liu", Role.TELLER)
    loan = loss(officer="li")
    check_write_off_staff(chen, sun, loan)
    check_write_off_staff(chen, admin, loan)
    with pytest.raises(PermissionDenied, match="另一位业务主管或管理员"):
        check_write_off_staff(chen, chen, loan)
    with pytest.raises(PermissionDenied, match="审批核销"):
        check_write_off_staff(chen, liu, loan)
    officer = user("li", Role.LOAN_OFFICER, Role.SUPERVISOR)
    with pytest.raises(PermissionDenied, match="经办客户经理"):
        check_write_off_staff(chen, officer, loan)
    with pytest.raises(PermissionDenied, match="经办客户经理"):
        check_write_off_staff(officer, sun, loan)
