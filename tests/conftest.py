"""Shared fixtures. Database tests run on SQLite and on PostgreSQL.

PostgreSQL comes from LOANDESK_TEST_DATABASE_URL; each test gets a schema of
its own, dropped afterwards. Without the variable the PostgreSQL half is
skipped locally; CI always sets it, and an unreachable server fails the run.
"""

from __future__ import annotations

import os
import uuid

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("LOANDESK_TEST_DATABASE_URL")


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path, monkeypatch):
    """Never read or write the real user's settings, data or keyring."""
    monkeypatch.setenv("LOANDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LOANDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOANDESK_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.delenv("LOANDESK_DATABASE_URL", raising=False)


@pytest.fixture(autouse=True, scope="session")
def _quick_password_hashing():
    """argon2id with the smallest costs: the tests create hundreds of users, and
    the production costs are there to slow down an attacker, not a test run."""
    from argon2 import PasswordHasher

    from domain import passwords

    production = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    passwords._hasher = production


@pytest.fixture(autouse=True)
def _no_system_keyring():
    """Every test starts with no keyring at all, whatever the machine offers;
    a test that needs one installs an in-memory backend itself."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def _pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A URL to an empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    if not PG_URL:
        pytest.skip("LOANDESK_TEST_DATABASE_URL not set")
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_URL)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with admin.begin() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield _pg_schema_url(schema)
    finally:
        with admin.begin() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def store(database_url):
    """An upgraded database of each kind, wrapped as the desktop sees it."""
    from desktop.startup import open_store

    s = open_store(database_url)
    s.upgrade()
    yield s
    s.close()


@pytest.fixture
def sqlite_store(tmp_path):
    from desktop.startup import open_store

    s = open_store(f"sqlite:///{tmp_path / 'local.db'}")
    s.upgrade()
    yield s
    s.close()
