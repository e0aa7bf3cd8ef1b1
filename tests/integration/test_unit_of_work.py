"""Unit of work: commit, rollback, optimistic locking, exact money — on both databases."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, select

from domain.errors import ConcurrencyConflict
from domain.users import Role, User
from persistence.types import Fen


def _user(name="li", roles=(Role.LOAN_OFFICER,)):
    return User(name, "李四", frozenset(roles), "x", created_at=datetime.now(UTC))


def test_uncommitted_work_is_rolled_back(store):
    with store.uow().acting("t") as uow:
        uow.users.add(_user())
        # no commit
    with store.uow() as uow:
        assert uow.users.get("li") is None
    assert store.verify_audit().checked == 0


def test_failed_work_is_rolled_back(store):
    with pytest.raises(RuntimeError), store.uow().acting("t") as uow:
        uow.users.add(_user())
        uow.settings.put("bank", {"bank_name": "半途"})
        raise RuntimeError("boom")
    with store.uow() as uow:
        assert uow.users.get("li") is None
        assert uow.settings.get("bank") is None


def test_committed_work_stays_and_is_audited(store):
    with store.uow().acting("admin") as uow:
        uow.users.add(_user())
        uow.commit()
    with store.uow() as uow:
        assert uow.users.get("li").roles == {Role.LOAN_OFFICER}
        entries = uow.audit.page()
    assert {e.entity for e in entries} == {"users", "user_roles"}
    assert all(e.actor == "admin" for e in entries)
    assert "password_hash" not in entries[-1].after


def test_second_desk_saving_a_stale_copy_gets_a_conflict(store):
    with store.uow().acting("t") as uow:
        uow.users.add(_user())
        uow.commit()
    with store.uow() as desk1:
        first = desk1.users.get("li")
    with store.uow() as desk2:
        second = desk2.users.get("li")
    with store.uow().acting("desk1") as uow:
        first.full_name = "李四甲"
        uow.users.update(first)
        uow.commit()
    with pytest.raises(ConcurrencyConflict, match="重新加载"), store.uow().acting("desk2") as uow:
        second.full_name = "李四乙"
        uow.users.update(second)
        uow.commit()
    with store.uow() as uow:
        assert uow.users.get("li").full_name == "李四甲"


def test_role_change_bumps_the_version(store):
    with store.uow().acting("t") as uow:
        user = _user()
        uow.users.add(user)
        uow.commit()
    before = user.version
    with store.uow().acting("t") as uow:
        user.roles = frozenset({Role.TELLER, Role.SUPERVISOR})
        uow.users.update(user)
        uow.commit()
    assert user.version == before + 1
    with store.uow() as uow:
        assert uow.users.get("li").roles == {Role.TELLER, Role.SUPERVISOR}


@pytest.mark.parametrize(
    "amount", ["0.01", "8530.99", "92233720368547758.07", "99999999999.99", "-1.10"]
)
def test_money_is_stored_as_exact_fen(store, amount):
    table = Table(
        "money_probe", MetaData(), Column("id", Integer, primary_key=True), Column("v", Fen)
    )
    table.create(store.database.engine)
    with store.database.engine.begin() as c:
        c.execute(table.insert(), {"id": 1, "v": Decimal(amount)})
    with store.database.engine.connect() as c:
        assert c.execute(select(table.c.v)).scalar_one() == Decimal(amount)
        raw = c.exec_driver_sql("SELECT v FROM money_probe").scalar_one()
    assert raw == int(Decimal(amount) * 100)


def test_timestamps_come_back_in_utc(store):
    moment = datetime(2026, 3, 1, 8, 30, 15, 123456, tzinfo=UTC)
    with store.uow().acting("t") as uow:
        u = _user()
        u.created_at = moment
        uow.users.add(u)
        uow.commit()
    with store.uow() as uow:
        assert uow.users.get("li").created_at == moment


def test_audit_names_the_new_record(store):
    with store.uow().acting("admin") as uow:
        user = _user()
        uow.users.add(user)
        uow.commit()
    with store.uow() as uow:
        created = [e for e in uow.audit.page() if e.entity == "users" and e.action == "create"]
    assert created and created[0].entity_id == str(user.id)
