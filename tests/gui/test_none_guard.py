"""PySide6 6.12 on Python 3.11 loses a reference to None per void Qt call,
and to True per signal emitted; the
application must survive far more calls than their counts at start."""

import subprocess
import sys

CALLS = 200_000

SCRIPT = f"""
import desktop
from PySide6.QtCore import QObject, Signal

class Emitter(QObject):
    changed = Signal(bool)

o = Emitter()
for _ in range({CALLS}):
    o.setObjectName("a")  # returns nothing: None loses a reference
for _ in range({CALLS}):
    o.changed.emit(False)  # returns True, which loses a reference
print("ok")
"""


def test_many_void_qt_calls_do_not_free_none():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "ok"
