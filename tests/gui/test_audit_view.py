"""审计日志: newest first, keyset pages, filters, and the hash-chain check."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QPushButton

from desktop.views.audit_view import PAGE_SIZE, AuditTableModel
from domain.audit import audit_page
from domain.users import Role
from tests.gui.conftest import make_user


def _record_events(store, actor: str, count: int) -> None:
    """Cheap audit entries (business events), written in one transaction."""
    uow = store.uow()
    with uow.acting(actor):
        for i in range(count):
            uow.record("test_event", "settings", str(i), {"n": i})
        uow.commit()


@pytest.fixture
def audit_view(main_window, admin, wait_idle):
    def open_as(user):
        view = main_window(user).show_view("audit")
        wait_idle()
        return view

    return open_as


def test_entries_newest_first_and_the_chain_verified(audit_view, admin, sqlite_store, wait_idle):
    make_user(sqlite_store, admin, "teller", Role.TELLER)
    view = audit_view(admin)
    seqs = [e.seq for e in view.model.rows]
    assert seqs and seqs == sorted(seqs, reverse=True)
    actions = {view.model.data(view.model.index(row, 3)) for row in range(len(seqs))}
    assert {"创建初始管理员", "新增"} <= actions
    assert not view.more.isEnabled()
    view.verify_button.click()
    wait_idle()
    assert "审计日志完整" in view.verdict.text() and view.verdict.isVisible()


def test_supervisors_may_look_too(audit_view, admin, sqlite_store):
    boss = make_user(sqlite_store, admin, "boss", Role.SUPERVISOR)
    assert audit_view(boss).model.rowCount() > 0


def test_keyset_pages_and_more(audit_view, admin, sqlite_store, wait_idle):
    _record_events(sqlite_store, "admin", PAGE_SIZE + 30)
    view = audit_view(admin)
    assert view.model.rowCount() == PAGE_SIZE and view.more.isEnabled()
    newest = view.model.rows[0].seq
    view.more.click()
    wait_idle()
    total = len(audit_page(sqlite_store.uow(), admin, limit=10_000))
    assert view.model.rowCount() == total
    assert view.model.rows[0].seq == newest
    assert len({e.seq for e in view.model.rows}) == total
    assert not view.more.isEnabled()


def test_filters_by_user_and_record(audit_view, admin, sqlite_store, wait_idle):
    teller = make_user(sqlite_store, admin, "teller", Role.TELLER)
    _record_events(sqlite_store, "teller", 3)
    assert teller
    view = audit_view(admin)
    view.actor.setText("teller")
    view.findChild(QPushButton, "apply_filter").click()
    wait_idle()
    assert {e.actor for e in view.model.rows} == {"teller"} and view.model.rowCount() == 3
    view.actor.clear()
    view.entity.setCurrentIndex(view.entity.findData("users"))
    wait_idle()
    assert view.model.rowCount() > 0 and {e.entity for e in view.model.rows} == {"users"}


def test_the_model_keeps_qt_rules(qtmodeltester, ops, wait_idle, sqlite_store, admin):
    _record_events(sqlite_store, "admin", 12)
    model = AuditTableModel(ops, page_size=5)
    model.restart(
        lambda before, limit, _order: audit_page(
            sqlite_store.uow(), admin, before_seq=before, limit=limit
        )
    )
    wait_idle()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        wait_idle()
    assert model.rowCount() > 12
    qtmodeltester.check(model, force_py=True)


def test_scrolling_fast_through_many_pages_never_repeats_a_row(
    audit_view, admin, sqlite_store, wait_idle, qtbot
):
    """A table scrolled to its end asks for the next page as soon as rows are
    announced; the model must not take that request before the page it is
    adding counts as loaded, or the same page arrives twice (the old model
    did, showing every entry of the page again)."""
    _record_events(sqlite_store, "admin", 75)
    view = audit_view(admin)
    view.model.page_size = 20
    asked_early = []

    def scrolled_to_the_end(*_args) -> None:  # what a fast-scrolling view does
        asked_early.append(view.model.canFetchMore(QModelIndex()))
        view.model.fetchMore(QModelIndex())

    view.model.rowsAboutToBeInserted.connect(scrolled_to_the_end)
    view.apply_filter()
    for _ in range(200):  # scroll on while pages arrive, without waiting for each
        if view.model.is_complete() and not view.model.is_loading():
            break
        view.table.scrollToBottom()
        view.model.fetchMore(QModelIndex())
        qtbot.wait(5)
    wait_idle()
    view.model.rowsAboutToBeInserted.disconnect(scrolled_to_the_end)

    total = len(audit_page(sqlite_store.uow(), admin, limit=10_000))
    seqs = [entry.seq for entry in view.model.rows]
    assert total > 3 * view.model.page_size and len(asked_early) > 2
    assert len(seqs) == len(set(seqs)) == total
    assert seqs == sorted(seqs, reverse=True)
    assert not any(asked_early) and not view.more.isEnabled()
