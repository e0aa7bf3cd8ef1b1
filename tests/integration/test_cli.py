"""The command line, run as a user would run it (in-process for speed)."""

import io
import sys

import pytest
from sqlalchemy import text

from desktop import cli
from desktop.startup import open_store


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert "LoanDesk" in capsys.readouterr().out


def test_upgrade_check_user_and_audit(database_url, capsys, monkeypatch):
    code, out, _ = run(capsys, "db", "upgrade", "--url", database_url)
    assert code == 0 and "最新版本" in out
    code, out, err = run(capsys, "db", "check", "--url", database_url)
    assert code == 0 and "完整性检查通过" in out, err
    code, out, err = run(
        capsys,
        "user",
        "add",
        "zhang",
        "--role",
        "administrator,supervisor",
        "--full-name",
        "张三",
        "--password-stdin",
        "--url",
        database_url,
        stdin="secret123\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0, err
    assert "张三" in out and "业务主管" in out
    code, out, _ = run(capsys, "audit", "verify", "--url", database_url)
    assert code == 0 and "完整" in out


def test_tampering_makes_audit_verify_fail(database_url, capsys, monkeypatch):
    run(capsys, "db", "upgrade", "--url", database_url)
    for name in ("a1", "a2"):
        run(
            capsys,
            "user",
            "add",
            name,
            "--role",
            "teller",
            "--password-stdin",
            "--url",
            database_url,
            stdin="secret123\n",
            monkeypatch=monkeypatch,
        )
    store = open_store(database_url)
    with store.database.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET after = '{}' WHERE seq = 2"))
    store.close()
    code, _, err = run(capsys, "audit", "verify", "--url", database_url)
    assert code != 0 and "第 2 条" in err


def test_user_mistakes_get_a_message_not_a_traceback(database_url, capsys, monkeypatch):
    code, _, err = run(capsys, "audit", "verify", "--url", database_url)
    assert code == 1 and "loandesk db upgrade" in err
    run(capsys, "db", "upgrade", "--url", database_url)
    code, _, err = run(
        capsys,
        "user",
        "add",
        "x1",
        "--role",
        "wizard",
        "--password-stdin",
        "--url",
        database_url,
        stdin="secret123\n",
        monkeypatch=monkeypatch,
    )
    assert code == 1 and "未知角色" in err and "Traceback" not in err
    code, _, err = run(
        capsys,
        "user",
        "add",
        "x1",
        "--role",
        "teller",
        "--password-stdin",
        "--url",
        database_url,
        stdin="short\n",
        monkeypatch=monkeypatch,
    )
    assert code == 1 and "至少 8 位" in err


def test_unreachable_server_is_a_clear_error(capsys):
    code, _, err = run(capsys, "db", "check", "--url", "postgresql+psycopg://x@127.0.0.1:1/none")
    assert code == 1 and "无法打开数据库" in err and "Traceback" not in err


def test_url_falls_back_to_environment(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("LOANDESK_DATABASE_URL", url)
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and str(tmp_path / "env.db") in out


def test_default_is_the_local_file(tmp_path, capsys):
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and str(tmp_path / "data" / "loandesk.db") in out


def test_backup_and_restore_sqlite(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'live.db'}"
    run(capsys, "db", "upgrade", "--url", url)
    run(
        capsys,
        "user",
        "add",
        "keep",
        "--role",
        "teller",
        "--password-stdin",
        "--url",
        url,
        stdin="secret123\n",
        monkeypatch=monkeypatch,
    )
    code, _, err = run(capsys, "backup", str(tmp_path / "b.db"), "--url", url)
    assert code == 0, err
    run(
        capsys,
        "user",
        "add",
        "later",
        "--role",
        "teller",
        "--password-stdin",
        "--url",
        url,
        stdin="secret123\n",
        monkeypatch=monkeypatch,
    )
    code, _, err = run(capsys, "restore", str(tmp_path / "b.db"), "--url", url)
    assert code == 0, err
    store = open_store(url)
    with store.uow() as uow:
        assert uow.users.get("keep") and uow.users.get("later") is None
    assert store.verify_audit().intact
    store.close()
    code, _, err = run(capsys, "backup", str(tmp_path / "b.db"), "--url", url)
    assert code == 1 and "已存在" in err


def test_restore_refuses_a_damaged_file(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'live.db'}"
    run(capsys, "db", "upgrade", "--url", url)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    code, _, err = run(capsys, "restore", str(bad), "--url", url)
    assert code == 1 and "Traceback" not in err


def test_postgresql_backup_points_to_pg_dump(database_url, capsys):
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    run(capsys, "db", "upgrade", "--url", database_url)
    code, _, err = run(capsys, "backup", "x.dump", "--url", database_url)
    assert code == 1 and "pg_dump" in err
