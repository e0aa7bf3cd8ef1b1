"""Killing the app mid-save loses nothing committed and leaves nothing half-written."""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import text

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[2]


def _run_and_kill(url: str, prefix: str, after: float) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), url, prefix],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    committed: list[str] = []
    reader = threading.Thread(target=lambda: committed.extend(line.strip() for line in proc.stdout))
    reader.start()
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join()
    return committed


def test_sigkill_during_saves(store):
    rng = random.Random(20261128)
    committed: list[str] = []
    for round_no in range(5):
        committed += _run_and_kill(store.url, f"r{round_no}u", 1.2 + rng.random())
    assert len(committed) > 20, "the writer should have committed a good number of saves"

    with store.uow() as uow:
        users = {u.username: u for u in uow.users.list()}
    # Nothing committed is lost ...
    assert set(committed) <= set(users)
    # ... and no record is half-written: every user has both roles and its full name.
    for user in users.values():
        assert len(user.roles) == 2 and user.full_name == "测试" * 10
    # The audit chain is intact and covers every saved user.
    report = store.verify_audit()
    assert report.intact, report.message
    with store.database.engine.connect() as c:
        audited = c.execute(
            text("SELECT count(*) FROM audit_log WHERE entity = 'users' AND action = 'create'")
        ).scalar_one()
        if store.kind == "sqlite":
            assert c.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    assert audited == len(users)
