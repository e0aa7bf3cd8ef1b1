"""The audit chain catches altered, deleted and inserted rows — on both databases."""

import pytest
from sqlalchemy import text

from domain import accounts


@pytest.fixture
def audited(store):
    accounts.create_first_administrator(store.uow(), "admin", "管理员", "secret123")
    admin = accounts.sign_in(store.uow(), "admin", "secret123")
    for name in ("wang", "zhao", "qian"):
        accounts.add_user(store.uow(), admin, name, name, ["teller"], "secret123")
    report = store.verify_audit()
    assert report.intact and report.checked >= 8
    return store


def _sql(store, statement, **params):
    with store.database.engine.begin() as c:
        c.execute(text(statement), params)


def test_intact_chain_verifies(audited):
    assert "完整" in audited.verify_audit().message


def test_altered_row_is_named(audited):
    _sql(audited, "UPDATE audit_log SET actor = 'nobody' WHERE seq = 4")
    report = audited.verify_audit()
    assert not report.intact and report.first_broken_seq == 4
    assert "改动" in report.message


def test_deleted_row_is_found(audited):
    _sql(audited, "DELETE FROM audit_log WHERE seq = 3")
    report = audited.verify_audit()
    assert not report.intact and report.first_broken_seq == 3


def test_inserted_row_is_found(audited):
    # shift everything after seq 5 up by one and slip a forged row in at 6
    _sql(audited, "UPDATE audit_log SET seq = seq + 1000 WHERE seq > 5")
    _sql(audited, "UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000")
    _sql(
        audited,
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash)"
        " SELECT 6, at, 'forger', 'update', 'users', '1', NULL, NULL, hash, hash FROM audit_log WHERE seq = 5",
    )
    report = audited.verify_audit()
    assert not report.intact and report.first_broken_seq == 6


def test_truncated_tail_is_found(audited):
    with audited.database.engine.connect() as c:
        last = c.execute(text("SELECT max(seq) FROM audit_log")).scalar_one()
    _sql(audited, "DELETE FROM audit_log WHERE seq = :s", s=last)
    report = audited.verify_audit()
    assert not report.intact and report.first_broken_seq == last


def test_failed_sign_in_is_audited_without_secrets(audited):
    with pytest.raises(Exception, match="密码不正确"):
        accounts.sign_in(audited.uow(), "wang", "wrong-one1")
    with audited.uow() as uow:
        newest = uow.audit.page(limit=5)
    assert any(e.action == "sign_in_failed" and e.actor == "wang" for e in newest)
    with audited.database.engine.connect() as c:
        dump = " ".join(str(r) for r in c.execute(text("SELECT before, after FROM audit_log")))
    assert "argon2" not in dump and "secret123" not in dump
