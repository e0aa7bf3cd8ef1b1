"""Background operations: one database worker thread for the whole application.

Threading rules
---------------
* The UI thread never waits on the database. Every database call is a small
  callable handed to :meth:`Operations.run` (or :meth:`Operations.run_batch`);
  it runs on the one worker thread, strictly in the order submitted, so two
  operations of one desk never race each other.
* The callable runs on the worker thread: it must not touch any widget. Read
  what it needs from the widgets *before* submitting and capture those plain
  values in the closure. It returns plain values (domain objects, lists).
* ``on_done(result)`` and ``on_error(exc)`` run on the UI thread, delivered by
  a queued Qt signal, exactly once per operation (unless the user chose to
  retry, see below). They may update widgets and may submit further
  operations. If the widget the operation belongs to (``parent``, or
  ``owner`` for a non-widget such as an item model) has been deleted by
  then, the callbacks are dropped: a view closed mid-load is not revived.
* A progress indicator appears only when an operation takes longer than
  ``busy_delay_ms`` (half a second): quick ones do not flash a dialog.
* Batches (``run_batch``) receive a :class:`Progress`; they report progress
  and call ``progress.check()`` between steps so the user can cancel them.
* A lost server (``StorageUnavailable``) is offered for retry: "重试" runs
  the same callable again with the same callbacks; "取消" passes the error
  on to ``on_error``. Whatever the user typed stays where it is.

Example::

    ops.run(
        lambda: accounts.list_users(uow_factory(), actor),
        on_done=self.model.set_users,
        label=self.tr("Loading users…"),
        parent=self,
    )

Tests wait with ``qtbot.waitUntil(ops.is_idle)`` or
``with qtbot.waitSignal(ops.idle): ...``.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from domain.errors import DomainError, StorageUnavailable

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

BUSY_DELAY_MS = 500


class OperationCancelled(Exception):
    """Raised inside a batch by :meth:`Progress.check` once the user cancelled."""


class Progress:
    """What a batch callable gets to report progress and notice cancellation.

    Used on the worker thread only; ``report`` is safe there because it only
    emits a signal, which Qt queues to the UI thread.
    """

    def __init__(self, job: Operation, worker: _Worker):
        self._job = job
        self._worker = worker

    @property
    def cancelled(self) -> bool:
        return self._job.cancel_event.is_set()

    def check(self) -> None:
        """Stop the batch here if the user pressed 取消."""
        if self.cancelled:
            raise OperationCancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._worker.progress.emit((self._job, done, total, text))


@dataclass
class Operation:
    """One submitted operation, as returned by ``run``: ``cancel()`` stops a batch."""

    fn: Callable[..., Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    label: str
    parent: QWidget | None
    retry: bool
    batch: bool
    owner: QObject | None = None
    id: int = 0
    cancel_event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        """Ask a batch to stop at its next ``progress.check()``."""
        self.cancel_event.set()

    def again(self) -> Operation:
        """A fresh copy for a retry: same work, same callbacks."""
        return replace(self, id=0, cancel_event=threading.Event())

    def owner_gone(self) -> bool:
        """True once the widget (or model) the callbacks belong to was deleted."""
        return any(o is not None and not shiboken6.isValid(o) for o in (self.parent, self.owner))


class _Worker(QObject):
    """Lives on the database thread; runs one job at a time.

    A job travels in a list (``[job]``, then ``[job, result, error]``) that
    the UI thread empties once it has the outcome. The worker never names
    the job outside that list, so it never holds the last reference to it:
    the job's callbacks and the widgets they belong to are always freed on
    the UI thread. Freeing a widget here, after the UI thread had let go of
    it, crashed the process.
    """

    started = Signal(object)
    finished = Signal(object)  # [job, result, error]
    progress = Signal(object)  # (job, done, total, text)

    @Slot(object)
    def execute(self, handover: list) -> None:
        self.started.emit(handover[0])
        self._run_into(handover)
        self.finished.emit(handover)

    def _run_into(self, handover: list) -> None:
        job = handover[0]
        try:
            result = job.fn(Progress(job, self)) if job.batch else job.fn()
        except Exception as exc:  # every error goes back to the UI thread
            handover.extend((None, exc))
            return
        handover.extend((result, None))


class Operations(QObject):
    """The application's database worker. Create one, on the UI thread.

    ``idle`` is emitted on the UI thread whenever the last outstanding
    operation has finished and its callbacks have run.
    """

    idle = Signal()
    _submit = Signal(object)

    def __init__(self, parent: QObject | None = None, busy_delay_ms: int = BUSY_DELAY_MS):
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending = 0
        self._closed = False
        self._current: Operation | None = None
        self._busy: BusyDialog | None = None
        self._busy_timer = QTimer(self, singleShot=True, interval=busy_delay_ms)
        self._busy_timer.timeout.connect(self._show_busy)
        self._thread = QThread()
        self._thread.setObjectName("loandesk-database")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute)
        self._worker.started.connect(self._on_started)
        self._worker.finished.connect(self._on_finished)
        self._worker.progress.connect(self._on_progress)
        self._thread.start()

    # --- submitting ---------------------------------------------------------

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        label: str = "",
        parent: QWidget | None = None,
        owner: QObject | None = None,
        retry: bool = True,
    ) -> Operation:
        """Queue ``fn()`` for the worker thread. Call on the UI thread only.

        Without ``on_error`` a domain error is shown to the user in a message
        box; with it, the caller decides (e.g. an inline message in a form).
        Unexpected errors are always written to the log with their traceback.
        """
        return self._enqueue(Operation(fn, on_done, on_error, label, parent, retry, False, owner))

    def run_batch(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        label: str = "",
        parent: QWidget | None = None,
        owner: QObject | None = None,
    ) -> Operation:
        """Queue a long, cancellable ``fn(progress)``. Cancelling ends it with
        ``OperationCancelled``, passed to ``on_error`` (or silently dropped)."""
        return self._enqueue(Operation(fn, on_done, on_error, label, parent, False, True, owner))

    def _enqueue(self, job: Operation) -> Operation:
        job.id = next(self._ids)
        self._pending += 1
        self._submit.emit([job])
        return job

    def is_idle(self) -> bool:
        return self._pending == 0

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop the worker thread (at application exit). Cancels a running batch;
        results still on their way are dropped, their windows are gone."""
        self._closed = True
        if self._current is not None:
            self._current.cancel()
        self._close_busy()
        self._thread.quit()
        self._thread.wait(timeout_ms)

    # --- results, on the UI thread -------------------------------------------

    @Slot(object)
    def _on_started(self, job: Operation) -> None:
        if self._closed:
            return
        self._current = job
        self._busy_timer.start()

    @Slot(object)
    def _on_progress(self, report: tuple) -> None:
        job, done, total, text = report
        if self._busy is not None and job is self._current:
            self._busy.show_progress(done, total, text)

    @Slot(object)
    def _on_finished(self, handover: list) -> None:
        job, result, error = handover
        handover.clear()  # from now on only this thread holds the job
        if self._closed:
            return
        self._current = None
        self._close_busy()
        self._pending -= 1
        try:
            if job.owner_gone():
                return
            if error is None:
                if job.on_done is not None:
                    job.on_done(result)
            else:
                self._failed(job, error)
        finally:
            if self._pending == 0:
                self.idle.emit()

    def _failed(self, job: Operation, error: Exception) -> None:
        if isinstance(error, StorageUnavailable) and job.retry:
            if messages.ask_retry(self._parent_for(job), str(error)):
                self._enqueue(job.again())
                return
            if job.on_error is not None:
                job.on_error(error)
            return
        if isinstance(error, OperationCancelled):
            if job.on_error is not None:
                job.on_error(error)
            return
        if not isinstance(error, DomainError):
            log.error("operation %r failed", job.label or job.fn, exc_info=error)
        if job.on_error is not None:
            job.on_error(error)
        else:
            messages.show_error(self._parent_for(job), describe_error(error))

    # --- the busy indicator ----------------------------------------------------

    def _show_busy(self) -> None:
        job = self._current
        if job is None:
            return
        self._busy = BusyDialog(job, self._parent_for(job))
        self._busy.show()

    def _close_busy(self) -> None:
        self._busy_timer.stop()
        if self._busy is not None:
            self._busy.hide()  # not close(): that would go through reject()
            self._busy.deleteLater()
            self._busy = None

    @staticmethod
    def _parent_for(job: Operation) -> QWidget | None:
        return job.parent or QApplication.activeWindow()


class BusyDialog(QDialog):
    """ "Please wait" for an operation past its half second; 取消 for batches.

    A plain dialog rather than ``QProgressDialog``: that one runs a nested
    event loop on every ``setValue`` when modal, and a result arriving inside
    it would close the dialog under its own feet.
    """

    def __init__(self, job: Operation, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("busy")
        self.setWindowTitle(translate("Operations", "Please wait"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(
            job.label or translate("Operations", "Working…"), objectName="busy_label"
        )
        self.label.setWordWrap(True)
        self.bar = QProgressBar(objectName="busy_progress")
        self.bar.setRange(0, 0)  # "working" until a batch reports numbers
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        if job.batch:
            buttons = QDialogButtonBox()
            cancel = buttons.addButton(
                translate("Operations", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole
            )
            cancel.setObjectName("busy_cancel")
            cancel.clicked.connect(job.cancel)
            cancel.clicked.connect(lambda: cancel.setEnabled(False))
            layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def show_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if text:
            self.label.setText(text)

    def reject(self) -> None:
        """Esc does nothing: the work goes on (a batch stops only via 取消)."""


def describe_error(error: Exception) -> str:
    """The text shown for a failed operation: domain messages as they are
    (they are written for the clerk), anything else as a short notice."""
    if isinstance(error, DomainError):
        return str(error)
    return QCoreApplication.translate(
        "Operations", "Something went wrong: {0}. The details were written to the log."
    ).format(type(error).__name__)
