"""PySide6 6.12 on Python 3.11 loses a reference to None per void Qt call;
the application must survive far more calls than None's count at start."""

import subprocess
import sys

CALLS = 200_000

SCRIPT = f"""
import desktop
from PySide6.QtCore import QObject
o = QObject()
for _ in range({CALLS}):
    o.setObjectName("a")
print("ok")
"""


def test_many_void_qt_calls_do_not_free_none():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "ok"
