"""审批与面签设置 against a real database with the default catalogue."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from desktop.views.workflow_settings_view import (
    ApprovalLimitDialog,
    ChecklistItemDialog,
    HolidayDialog,
    WorkflowSettingsView,
)
from domain import checklist, workflow
from domain.checklist import EvidenceKind, ItemScope, TemplateItem
from domain.errors import ValidationError
from domain.users import Role
from tests.gui.conftest import make_user

SHOTS = os.environ.get("LOANDESK_SHOTS", "")


@pytest.fixture
def settings_view(main_window, admin, wait_idle) -> WorkflowSettingsView:
    window = main_window(admin)
    view = window.show_view("workflow_settings")
    wait_idle()
    return view


def _shot(view, name: str) -> None:
    """The main window as it stands, saved when LOANDESK_SHOTS names a folder."""
    if SHOTS:
        window = view.window()
        window.resize(1180, 760)
        for _ in range(3):
            QApplication.processEvents()
        os.makedirs(SHOTS, exist_ok=True)
        window.grab().save(os.path.join(SHOTS, f"{name}.png"))


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
    _shot(view, "wf_settings")


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


# --- the holiday calendar ----------------------------------------------------------------------

NATIONAL_DAY = [date(2026, 10, d) for d in (1, 2, 5, 6, 7)]  # the weekdays of 1-7 October


def _holidays_shown(view) -> list[str]:
    return [view.holiday_table.item(r, 0).text() for r in range(view.holiday_table.rowCount())]


def test_an_administrator_adds_and_removes_holidays(
    settings_view, sqlite_store, admin, monkeypatch, messages, wait_idle
):
    view = settings_view
    view.tabs.setCurrentWidget(view.findChild(QWidget, "time_tab"))
    assert view.holiday_table.rowCount() == 0
    _answer(monkeypatch, HolidayDialog, NATIONAL_DAY)
    view.findChild(QPushButton, "add_holiday").click()
    wait_idle()
    assert workflow.time_limits(sqlite_store.uow()).holidays == set(NATIONAL_DAY)
    assert _holidays_shown(view) == [d.isoformat() for d in NATIONAL_DAY]
    assert view.holiday_table.item(0, 1).text() == "星期四"

    workflow.set_holidays(sqlite_store.uow(), admin, [*NATIONAL_DAY, date(2027, 1, 1)])
    view.holiday_table.selectRow(1)  # 2 October
    messages.confirm_answers.append(True)
    view.findChild(QPushButton, "remove_holiday").click()
    wait_idle()
    assert "2026-10-02" in messages.texts("confirm")[0]
    # the day another administrator added meanwhile is kept
    expected = {*NATIONAL_DAY, date(2027, 1, 1)} - {date(2026, 10, 2)}
    assert workflow.time_limits(sqlite_store.uow()).holidays == expected
    assert _holidays_shown(view) == sorted(d.isoformat() for d in expected)
    _shot(view, "wf_holidays")


def test_removing_asks_first_and_needs_a_selection(
    settings_view, sqlite_store, admin, messages, wait_idle
):
    view = settings_view
    workflow.set_holidays(sqlite_store.uow(), admin, NATIONAL_DAY)
    view.reload()
    wait_idle()
    view.remove_holiday()
    assert messages.texts("info") == ["请先在列表中选择一个节假日。"]
    view.holiday_table.selectRow(0)
    view.remove_holiday()  # "keep": the confirmation is declined
    wait_idle()
    assert workflow.time_limits(sqlite_store.uow()).holidays == set(NATIONAL_DAY)


def test_the_holiday_dialog_takes_the_weekdays_of_a_run(qtbot):
    dialog = HolidayDialog(None, frozenset({date(2026, 10, 1)}))
    qtbot.addWidget(dialog)
    dialog.first.setDate(date(2026, 9, 30))
    assert dialog.last.date().toPython() == date(2026, 9, 30)  # the last day follows
    dialog.last.setDate(date(2026, 10, 8))
    assert dialog.read() == [date(2026, 9, 30), *NATIONAL_DAY[1:], date(2026, 10, 8)]

    dialog.first.setDate(date(2026, 10, 3))
    dialog.last.setDate(date(2026, 10, 4))  # Saturday and Sunday
    with pytest.raises(ValidationError, match="周末"):
        dialog.read()
    dialog.last.setDate(date(2026, 10, 1))  # before the first day
    dialog.submit()
    assert dialog.values is None and "早于" in dialog.error.text()
    dialog.first.setDate(date(2026, 10, 1))
    with pytest.raises(ValidationError, match="已是节假日"):
        dialog.read()


def test_a_failed_save_is_shown_and_nothing_changes(
    settings_view, sqlite_store, monkeypatch, messages, wait_idle
):
    view = settings_view
    _answer(monkeypatch, HolidayDialog, [date(2026, 10, 1)])

    def refuse(*_args):
        raise ValidationError("不能修改节假日", "holidays")

    monkeypatch.setattr(workflow, "set_holidays", refuse)
    view.add_holidays()
    wait_idle()
    assert messages.texts("error") == ["不能修改节假日"]
    assert view.holiday_table.rowCount() == 0
