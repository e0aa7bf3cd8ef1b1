"""One Alembic history for both databases: single head, up and down with data present."""

from datetime import UTC, datetime

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from desktop.startup import open_store
from persistence import schema
from persistence.models import Base


def test_single_head():
    script = ScriptDirectory.from_config(schema._config())
    assert len(script.get_heads()) == 1


def _revisions_oldest_first():
    script = ScriptDirectory.from_config(schema._config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_empty_then_current(database_url):
    store = open_store(database_url)
    assert store.schema_status().state == schema.SchemaState.EMPTY
    store.upgrade()
    assert store.schema_status().state == schema.SchemaState.CURRENT
    with store.database.engine.connect() as c:
        tables = set(inspect(c).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    store.close()


def test_each_step_down_and_up_with_data_present(database_url):
    store = open_store(database_url)
    store.upgrade()
    with store.database.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO users (username, full_name, password_hash, active, failed_attempts,"
                " created_at, version) VALUES ('keep', '留存', 'h', :t, 0, :at, 1)"
            ),
            {"t": True, "at": datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)},
        )
    revisions = _revisions_oldest_first()
    # Down one step at a time to the first revision, then back up: the user survives.
    for target in reversed(revisions[:-1]):
        schema.downgrade(store.database, target)
        assert schema.current_revision(store.database) == target
    store.upgrade()
    assert store.schema_status().state == schema.SchemaState.CURRENT
    with store.database.engine.connect() as c:
        assert (
            c.execute(text("SELECT full_name FROM users WHERE username='keep'")).scalar_one()
            == "留存"
        )
    # And all the way down leaves nothing of ours behind.
    schema.downgrade(store.database, "base")
    with store.database.engine.connect() as c:
        assert set(inspect(c).get_table_names()) <= {"alembic_version"}
    store.close()


def test_database_from_a_newer_program_is_refused(database_url):
    store = open_store(database_url)
    store.upgrade()
    with store.database.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    status = store.schema_status()
    assert status.state == schema.SchemaState.NEWER
    assert "更新版本" in status.message
    with pytest.raises(RuntimeError, match="请先升级本机的 LoanDesk"):
        store.upgrade()
    store.close()


def _copy_row(connection, table: str, key: str, value: str, changes: dict) -> None:
    """Insert a copy of the row of ``table`` whose ``key`` is ``value``, with
    ``changes``: the columns are whatever the schema has at that revision."""
    row = (
        connection.execute(text(f"SELECT * FROM {table} WHERE {key} = :value"), {"value": value})
        .mappings()
        .one()
    )
    values = {name: v for name, v in row.items() if name != "id"} | changes
    columns = ", ".join(values)
    placeholders = ", ".join(f":{name}" for name in values)
    connection.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"), values)


def _loan_columns(store) -> set[str]:
    return {c["name"] for c in inspect(store.database.engine).get_columns("loans")}


def test_loans_from_before_0007_take_their_products_uplifts(database_url):
    from dataclasses import replace
    from decimal import Decimal

    from domain.loans import get_loan
    from domain.workflow import disburse
    from tests.integration.test_workflow import START, Desk, MovableClock, own_payment

    clock = MovableClock(START)
    store = open_store(database_url, clock)
    store.upgrade()
    desk = Desk(store, clock)
    application = desk.signed_off()
    clock.move(days=1)
    terms = replace(own_payment(), disbursed_on=clock.today())
    number = application.application_number
    loan = disburse(desk.uow(), desk.liu, number, application.version, terms)

    # Back at 0006 loans know nothing of uplifts. The products' uplifts have
    # changed since the loan above was granted, and a second loan is booked
    # under another product.
    schema.downgrade(store.database, "0006")
    assert "penalty_uplift" not in _loan_columns(store)
    other_number, other_loan = f"{number[:-4]}0099", f"{loan.loan_number[:-4]}0099"
    uplifts = text(
        "UPDATE products SET penalty_uplift = :p, misuse_penalty_uplift = :m WHERE code = :code"
    )
    with store.database.engine.begin() as c:
        c.execute(uplifts, {"p": 4000, "m": 8000, "code": "micro"})
        c.execute(uplifts, {"p": 3000, "m": 6000, "code": "personal-guarantee"})
        moved = {"application_number": other_number, "product_code": "personal-guarantee"}
        _copy_row(c, "applications", "application_number", number, moved)
        other_id = c.execute(
            text("SELECT id FROM applications WHERE application_number = :n"), {"n": other_number}
        ).scalar_one()
        booked = {
            "loan_number": other_loan,
            "application_id": other_id,
            "product_code": "personal-guarantee",
        }
        _copy_row(c, "loans", "loan_number", loan.loan_number, booked)

    schema.upgrade(store.database, "0007")

    query = text("SELECT loan_number, penalty_uplift, misuse_penalty_uplift FROM loans")
    with store.database.engine.connect() as c:
        stored = {n: (penalty, misuse) for n, penalty, misuse in c.execute(query)}
    assert stored == {loan.loan_number: (4000, 8000), other_loan: (3000, 6000)}
    store.upgrade()
    granted = get_loan(store.uow(), other_loan)
    assert (granted.penalty_uplift, granted.misuse_penalty_uplift) == (
        Decimal("0.30"),
        Decimal("0.60"),
    )
    store.close()


def test_a_migration_that_breaks_a_reference_is_rolled_back_on_sqlite(tmp_path):
    from sqlalchemy import text

    from persistence.database import open_database, sqlite_url
    from persistence.schema import _migrating

    database = open_database(sqlite_url(tmp_path / "fk.db"))
    try:
        with database.engine.begin() as c:
            c.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"))
            c.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, "
                           "parent_id INTEGER REFERENCES parent(id))"))
            c.execute(text("INSERT INTO parent VALUES (1)"))
            c.execute(text("INSERT INTO child VALUES (1, 1)"))
        with pytest.raises(RuntimeError, match="child"), _migrating(database) as c:
            c.execute(text("DELETE FROM parent"))
        with database.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM parent")).scalar() == 1
            assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        database.dispose()
