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
