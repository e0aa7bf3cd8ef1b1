"""Python's cycle collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate
when a threshold is crossed: the worker thread too. If a cycle it frees
holds a Qt wrapper (a closed dialog, a finished view), the Qt object is
destroyed off the GUI thread and the process crashes. So automatic
collection is switched off while the application runs and a timer on the
GUI thread collects instead, generation by generation, with the same
thresholds Python would have used.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Back to automatic collection, after one full collection here."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
