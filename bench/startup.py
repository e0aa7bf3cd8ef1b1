"""Start-up time: from launching the process to the sign-in dialog on screen,
against a bare PySide6 window as the yardstick (target: at most 2x).

    QT_QPA_PLATFORM=offscreen python bench/startup.py [--runs 7]

Each run is a fresh process, so interpreter start and imports are counted as
the clerk would wait for them. The app runs against a prepared local
database (schema current, one administrator), so it goes straight to the
sign-in dialog; ``LOANDESK_EXIT_AT_SIGN_IN`` makes it print the moment the
dialog is shown and exit. The bare window does the same for a ``QWidget``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([])
window = QWidget()
window.setWindowTitle("bare")
window.resize(420, 240)
window.show()

def shown():
    print(f"sign-in-shown {time.time():.6f}", flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
"""


APP_ONLY = "from desktop.app import run_app; run_app(url={url!r})"


def prepare_database(folder: Path) -> str:
    """A migrated SQLite file with one administrator (set up once, not timed)."""
    sys.path.insert(0, str(ROOT))
    from desktop.startup import open_store
    from domain.accounts import create_first_administrator

    url = f"sqlite:///{folder / 'bench.db'}"
    store = open_store(url)
    store.upgrade()
    create_first_administrator(store.uow(), "admin", "基准测试", "bench1234")
    store.close()
    return url


def time_to_window(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launching ``command`` to the line it prints when its window is up."""
    started = time.time()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("sign-in-shown "):
            return float(line.split()[1]) - started
    raise RuntimeError(
        f"{command[:3]} showed no window (exit {done.returncode}): {done.stderr[-500:]}"
    )


def measure(runs: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="loandesk-bench-") as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "LOANDESK_CONFIG_DIR": str(folder / "config"),
            "LOANDESK_DATA_DIR": str(folder / "data"),
            "LOANDESK_LOG_DIR": str(folder / "logs"),
            "LOANDESK_EXIT_AT_SIGN_IN": "1",
        }
        env.pop("LOANDESK_DATABASE_URL", None)
        url = prepare_database(folder)
        commands = {
            "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
            "LoanDesk sign-in": [sys.executable, "-m", "desktop.cli", "--url", url],
            # The same without the command-line parser and its subcommand
            # modules: shows what the parser costs before the first window.
            "  desktop.app only": [sys.executable, "-c", APP_ONLY.format(url=url)],
        }
        for command in commands.values():  # warm the file cache once, untimed
            time_to_window(command, env)
        results: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):  # interleaved, so a busy moment hits both alike
            for name, command in commands.items():
                results[name].append(time_to_window(command, env))
        return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    results = measure(args.runs)
    print(f"time from launch to window shown, {args.runs} runs each (seconds)")
    print(f"{'':22} {'median':>8} {'min':>8} {'max':>8} {'ratio':>7}")
    bare = statistics.median(results["bare PySide6 window"])
    for name, times in results.items():
        median = statistics.median(times)
        print(f"{name:22} {median:8.3f} {min(times):8.3f} {max(times):8.3f} {median / bare:6.2f}x")
    print("target: LoanDesk sign-in ≤ 2x the bare window (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
