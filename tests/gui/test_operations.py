"""The database worker: order, threads, errors, the busy indicator, cancel, retry."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QProgressBar, QPushButton

from desktop.operations import OperationCancelled, Operations
from domain.errors import DomainError, StorageUnavailable


def test_runs_in_order_on_one_worker_and_answers_on_the_ui_thread(ops, wait_idle):
    ui_thread = threading.current_thread()
    ran_on, answered_on, results = set(), set(), []

    def work(n):
        ran_on.add(threading.current_thread())
        time.sleep(0.01 * (3 - n))  # later submissions are quicker, still they wait their turn
        return n

    def done(n):
        answered_on.add(threading.current_thread())
        results.append(n)

    for n in range(3):
        ops.run(lambda n=n: work(n), on_done=done)
    assert not ops.is_idle()
    wait_idle()
    assert results == [0, 1, 2]
    assert len(ran_on) == 1 and ui_thread not in ran_on
    assert answered_on == {ui_thread}


def test_a_domain_error_goes_to_on_error(ops, wait_idle):
    errors = []
    ops.run(
        lambda: (_ for _ in ()).throw(DomainError("不行")),
        on_done=pytest.fail,
        on_error=errors.append,
    )
    wait_idle()
    assert [str(e) for e in errors] == ["不行"]


def test_without_on_error_the_message_is_shown(ops, wait_idle, messages):
    def fail():
        raise DomainError("金额不能为负数。")

    def crash():
        raise KeyError("x")

    ops.run(fail)
    ops.run(crash)
    wait_idle()
    shown = messages.texts("error")
    assert shown[0] == "金额不能为负数。"
    assert "KeyError" in shown[1] and "日志" in shown[1]


def _busy_visible() -> bool:
    return any(w.objectName() == "busy" and w.isVisible() for w in QApplication.topLevelWidgets())


def test_busy_indicator_only_for_slow_operations(qtbot):
    ops = Operations(busy_delay_ms=100)
    try:
        seen = []
        ops.run(lambda: None, on_done=lambda _r: seen.append(_busy_visible()))
        qtbot.waitUntil(ops.is_idle)
        qtbot.wait(150)
        assert seen == [False] and not _busy_visible()

        release = threading.Event()
        ops.run(lambda: release.wait(5), label="正在处理…")
        qtbot.waitUntil(_busy_visible, timeout=2000)
        release.set()
        qtbot.waitUntil(ops.is_idle)
        qtbot.waitUntil(lambda: not _busy_visible())
    finally:
        ops.shutdown()


def test_a_batch_reports_progress_and_can_be_cancelled(qtbot):
    ops = Operations(busy_delay_ms=50)
    try:
        steps, errors = [], []

        def batch(progress):
            for i in range(1000):
                progress.check()
                progress.report(i, 1000, f"第 {i} 笔")
                steps.append(i)
                time.sleep(0.005)
            return "finished"

        ops.run_batch(batch, on_done=pytest.fail, on_error=errors.append, label="批量处理")
        qtbot.waitUntil(_busy_visible, timeout=2000)
        dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "busy")
        bar = dialog.findChild(QProgressBar, "busy_progress")
        qtbot.waitUntil(lambda: bar.maximum() == 1000 and bar.value() > 0)
        dialog.findChild(QPushButton, "busy_cancel").click()
        qtbot.waitUntil(ops.is_idle, timeout=5000)
        assert len(errors) == 1 and isinstance(errors[0], OperationCancelled)
        assert 0 < len(steps) < 1000
    finally:
        ops.shutdown()


def test_a_lost_server_is_retried_on_request(ops, wait_idle, messages):
    attempts, results = [], []

    def flaky():
        attempts.append(1)
        if len(attempts) == 1:
            raise StorageUnavailable("无法连接数据库服务器。")
        return "ok"

    messages.retry_answers = [True]
    ops.run(flaky, on_done=results.append, on_error=pytest.fail)
    wait_idle()
    assert results == ["ok"] and len(attempts) == 2
    assert messages.texts("retry") == ["无法连接数据库服务器。"]


def test_a_lost_server_not_retried_reaches_on_error(ops, wait_idle, messages):
    errors = []

    def lost():
        raise StorageUnavailable("连接已断开。")

    ops.run(lost, on_done=pytest.fail, on_error=errors.append)
    wait_idle()
    assert isinstance(errors[0], StorageUnavailable)
    assert len(messages.texts("retry")) == 1


def test_results_for_a_deleted_widget_are_dropped(qtbot, ops, wait_idle):
    import shiboken6
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    release = threading.Event()
    ops.run(lambda: release.wait(5), on_done=pytest.fail, parent=widget)
    shiboken6.delete(widget)
    release.set()
    wait_idle()


def test_cycles_are_collected_on_the_gui_thread_only(qtbot):
    import gc
    import threading

    from desktop.collector import MainThreadCollector

    collected_in: list[str] = []

    def note(phase, info):
        if phase == "start":
            collected_in.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        collector = MainThreadCollector(interval_ms=10)
        assert not gc.isenabled()
        kept: list = []  # alive, so they count towards the threshold
        worker = threading.Thread(
            target=lambda: kept.extend([] for _ in range(50_000)), name="worker"
        )
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(collected_in), timeout=2000)
        assert set(collected_in) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)
    collector.stop()
