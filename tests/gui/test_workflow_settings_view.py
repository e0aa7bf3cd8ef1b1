"""审批与面签设置 against a real database with the default catalogue."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication

from desktop.views.workflow_settings_view import (
    ApprovalLimitDialog,
    ChecklistItemDialog,
    WorkflowSettingsView,
)
from domain import checklist, workflow
from domain.checklist import EvidenceKind, ItemScope, TemplateItem
from domain.users import Role
from tests.gui.conftest import make_user

SHOTS = os.environ.get("LOANDESK_SHOTS", "")


@pytest.fixture
def settings_view(main_window, admin, wait_idle) -> WorkflowSettingsView:
    window = main_window(admin)
    view = window.show_view("workflow_settings")
    wait_idle()
    return view


def _answer(monkeypatch, cls, *values) -> None:
    """Replace the dialog's one method: the queued values, then ``None`` (cancelled)."""
    queue = list(values)
    monkeypatch.setattr(cls, "get_values", lambda dialog: queue.pop(0) if queue else None)


def test_an_administrator_adds_a_mandatory_item_to_a_template(
    settings_view, sqlite_store, monkeypatch, wait_idle
):
    view = settings_view
    view.product.setCurrentIndex(view.product.findData("micro"))
    wait_idle()
    before = len(view.items)
    assert before == view.item_table.rowCount() > 0
    item = TemplateItem("income_proof", "收入证明原件已核对", True, EvidenceKind.SCAN)
    _answer(monkeypatch, ChecklistItemDialog, item)
    view.item_table.selectRow(0)
    view.add_item()
    assert view.items[1] == item and view.save_template_button.isEnabled()
    view.move_item(-1)
    assert view.items[0] == item
    view.save_template()
    wait_idle()
    saved = checklist.checklist_template(sqlite_store.uow(), "micro")
    assert saved.version > 0 and len(saved.items) == before + 1
    assert saved.items[0].key == "income_proof" and saved.items[0].mandatory
    assert saved.items[0].scope is ItemScope.ONCE
    assert view.template_message.text() == "模板已保存。"
    if SHOTS:
        window = view.window()
        window.resize(1180, 760)
        for _ in range(3):
            QApplication.processEvents()
        os.makedirs(SHOTS, exist_ok=True)
        window.grab().save(os.path.join(SHOTS, "wf_settings.png"))


def test_a_stale_template_save_is_reported_and_reloaded(
    settings_view, sqlite_store, admin, messages, monkeypatch, wait_idle
):
    view = settings_view
    view.product.setCurrentIndex(view.product.findData("micro"))
    wait_idle()
    loaded = checklist.checklist_template(sqlite_store.uow(), "micro")
    checklist.save_checklist_template(sqlite_store.uow(), admin, loaded)  # someone else saves
    view.item_table.selectRow(0)
    view.remove_item()
    view.save_template()
    wait_idle()
    assert messages.texts("error") and "其他人" in messages.texts("error")[0]
    assert view.template.version == loaded.version + 1
    assert len(view.items) == len(loaded.items)


def test_an_administrator_changes_a_supervisor_approval_limit(
    settings_view, sqlite_store, monkeypatch, wait_idle
):
    view = settings_view
    row = next(
        i
        for i, limit in enumerate(view.limits)
        if limit.role is Role.SUPERVISOR and limit.product_code == "micro"
    )
    original = view.limits[row]
    _answer(monkeypatch, ApprovalLimitDialog, (Role.SUPERVISOR, "micro", Decimal("300000")))
    view.limit_table.selectRow(row)
    view.edit_limit()
    wait_idle()
    limits = workflow.approval_limits(sqlite_store.uow())
    changed = next(
        limit for limit in limits if limit.role is Role.SUPERVISOR and limit.product_code == "micro"
    )
    assert changed.max_amount == Decimal("300000.00") and changed.version > original.version
    assert "300,000.00" in [
        view.limit_table.item(r, 2).text() for r in range(view.limit_table.rowCount())
    ]


def test_the_dialog_reads_the_amount_as_typed(qtbot):
    dialog = ApprovalLimitDialog(None, [])
    qtbot.addWidget(dialog)
    dialog.amount.setText("50万")
    dialog.submit()
    assert dialog.values[0] in (Role.SUPERVISOR, Role.HEAD_OFFICE_APPROVER)
    assert dialog.values[1:] == (workflow.ALL_PRODUCTS, Decimal("500000.00"))


def test_a_non_administrator_is_not_offered_the_view(main_window, sqlite_store, admin):
    supervisor = make_user(sqlite_store, admin, "zhuguan", Role.SUPERVISOR)
    window = main_window(supervisor)
    assert "workflow_settings" not in window.nav_keys()
    assert window.show_view("workflow_settings") is None
