"""The notice list kept by hand: listing one person, lifting one entry with a
reason. The real view and dialogs on a real temporary SQLite database; the
dialogs are driven with ``when_shown`` while the view waits in their ``exec()``.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.dialogs.blacklist_entry import BlacklistEntryDialog, LiftEntryDialog
from desktop.navigation import ViewContext
from desktop.views.blacklist_view import BlacklistView
from desktop.widgets.form_fields import Tone
from domain.blacklist import add_to_blacklist, list_blacklist
from domain.identity import id_check_digit
from domain.users import Role
from tests.gui.conftest import make_user, when_shown


def rid(order: int, born: str = "19850515", region: str = "320124") -> str:
    first_17 = f"{region}{born}{order:03d}"
    return first_17 + id_check_digit(first_17)


def driving(cls, action):
    """``when_shown(cls, action)``, but a failing ``action`` closes the dialog
    (the view would otherwise wait in its ``exec()`` for ever) and is
    re-raised by ``check()``."""
    failures: list[BaseException] = []

    def safely(dialog):
        try:
            action(dialog)
        except BaseException as error:
            failures.append(error)
            dialog.reject()

    timer = when_shown(cls, safely)

    def check():
        timer.stop()
        if failures:
            raise failures[0]

    return check


def wrong_check(number: str) -> str:
    return number[:17] + ("1" if number[17] != "1" else "2")


@pytest.fixture
def boss(sqlite_store, admin):
    return make_user(sqlite_store, admin, "chen", Role.SUPERVISOR, full_name="陈主管")


@pytest.fixture
def view(main_window, boss, wait_idle):
    shown = main_window(boss).show_view("blacklist")
    wait_idle()
    return shown


def fill(dialog: BlacklistEntryDialog, id_number: str, reason: str = "贷款逾期超过90天未还"):
    dialog.name.setText("王五")
    dialog.id_number.setText(id_number)
    dialog.reason.setText(reason)
    dialog.source.setText("县联社通报第3期")


def test_a_supervisor_lists_a_person_who_shows_masked(view, wait_idle, sqlite_store):
    assert view.add_button.isEnabled() and not view.lift_button.isEnabled()
    number = rid(5)

    def type_and_add(dialog):
        fill(dialog, number.lower())
        dialog.findChild(QPushButton, "ok").click()

    check = driving(BlacklistEntryDialog, type_and_add)
    view.add_button.click()
    wait_idle()
    check()

    model = view.model
    assert [e.name for e in model.rows] == ["王五"]
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells[0] == "3201**********" + number[-4:] and number not in cells
    assert cells[2:4] == ["贷款逾期超过90天未还", "县联社通报第3期"]
    assert view.status.tone is Tone.OK and "王五" in view.status.text()
    assert [e.id_number for e in list_blacklist(sqlite_store.uow())] == [number]


def test_a_bad_id_is_refused_beside_the_field_and_nothing_saved(view, wait_idle, sqlite_store):
    seen = {}

    def type_a_bad_id(dialog):
        fill(dialog, wrong_check(rid(5)))
        dialog.submit()
        note = dialog.notes.notes["id_number"]
        seen.update(visible=dialog.isVisible(), tone=note.tone, text=note.text())
        dialog.reject()

    check = driving(BlacklistEntryDialog, type_a_bad_id)
    view.add_button.click()
    wait_idle()
    check()

    assert seen["visible"] and seen["tone"] is Tone.ERROR
    assert f"最后一位应为 {rid(5)[17]}" in seen["text"]
    assert list_blacklist(sqlite_store.uow()) == [] and view.model.rows == []


def test_a_refusal_by_the_domain_brings_the_dialog_back(view, wait_idle, qtbot, sqlite_store):
    """A reason longer than the domain allows: the same dialog, with the reason."""
    seen = []

    def too_long(dialog):
        fill(dialog, rid(5), reason="逾期" * 101)
        dialog.submit()
        seen.append(dialog)

    def shorter(dialog):
        seen.append(dialog.notes.notes["reason"].text())
        dialog.reason.setText("贷款逾期未还")
        dialog.submit()

    first = driving(BlacklistEntryDialog, too_long)
    view.add_button.click()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    first()
    second = driving(BlacklistEntryDialog, shorter)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    wait_idle()
    second()

    assert seen[1] == "列入原因不能超过 200 个字，目前 202 个"
    assert [e.reason for e in list_blacklist(sqlite_store.uow())] == ["贷款逾期未还"]


def test_lifting_asks_for_the_reason(main_window, boss, wait_idle, sqlite_store, qtbot):
    add_to_blacklist(sqlite_store.uow(), boss, rid(8), "钱八", "恶意逃废债务")
    view = main_window(boss).show_view("blacklist")
    wait_idle()
    view.table.selectRow(0)
    assert view.lift_button.isEnabled()
    seen = {}

    def give_reason(dialog):
        dialog.submit()  # no reason yet: refused beside the field
        seen["empty"] = (dialog.isVisible(), dialog.note.text())
        seen["whom"] = dialog.findChild(QLabel, "whom").text()
        dialog.reason.setText("欠款已于本月全部结清")
        dialog.submit()

    check = driving(LiftEntryDialog, give_reason)
    view.lift_button.click()
    wait_idle()
    check()

    assert seen["empty"] == (True, "请填写移出名单的原因。")
    assert "钱八" in seen["whom"] and rid(8) not in seen["whom"]
    assert view.model.rows == [] and "钱八" in view.status.text()
    [lifted] = list_blacklist(sqlite_store.uow(), include_lifted=True)
    assert not lifted.active
    with sqlite_store.uow() as uow:
        [event] = [e for e in uow.audit.page(limit=5) if e.action == "lift_blacklist"]
    assert event.after == {"reason": "欠款已于本月全部结清"} and event.actor == "chen"
    view.show_lifted.setChecked(True)
    wait_idle()
    view.table.selectRow(0)
    assert view.model.data(view.model.index(0, 5)) == "已移出"
    assert not view.lift_button.isEnabled()  # already lifted


def test_an_officer_can_neither_add_nor_lift(sqlite_store, admin, boss, ops, qtbot, wait_idle):
    add_to_blacklist(sqlite_store.uow(), boss, rid(8), "钱八", "恶意逃废债务")
    officer = make_user(sqlite_store, admin, "li", Role.LOAN_OFFICER)
    view = BlacklistView(ViewContext(officer, sqlite_store, ops, None))
    qtbot.addWidget(view)
    view.show()
    wait_idle()
    view.table.selectRow(0)

    assert not view.add_button.isEnabled() and not view.lift_button.isEnabled()
    assert not view.import_button.isEnabled()
    view.add_entry()  # even when called directly, nothing is asked
    view.lift_entry()
    wait_idle()
    assert [e.active for e in list_blacklist(sqlite_store.uow(), include_lifted=True)] == [True]
