"""The workflow screens with real windows on a real SQLite database, several
users at one desk: the work lists, the decision dialog, the signing
checklist, the compliance sign-off and the disbursement."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.dialogs.decision import Decision, DecisionDialog, load_case
from desktop.dialogs.password_prompt import PasswordPrompt
from desktop.startup import open_store
from domain.applications import ApplicationState
from domain.checklist import EvidenceInput, EvidenceKind, application_checklist, tick_item
from domain.pricing import RiskGrade
from domain.workflow import (
    Action,
    approve,
    complete_signing,
    return_for_information,
    set_approval_limit,
    sign_off,
    signoff_view,
    start_signing,
)
from tests.integration.test_workflow import PASSWORD, Desk, MovableClock

State = ApplicationState


@pytest.fixture
def desk(tmp_path):
    """A branch on a temporary SQLite file: staff, and a clock at the real
    time, so the dates the screens offer (today) are the domain's too."""
    clock = MovableClock(datetime.now(UTC))
    store = open_store(f"sqlite:///{tmp_path / 'desk.db'}", clock)
    store.upgrade()
    yield Desk(store, clock)
    store.close()


@pytest.fixture
def window_for(qtbot, desk, ops, wait_idle):
    """A factory: the main window signed in as ``user``, shown, views loaded."""
    from desktop.main_window import MainWindow

    windows = []

    def open_for(user):
        window = MainWindow(desk.store, ops, user)
        qtbot.addWidget(window)
        window.show()
        wait_idle()
        windows.append(window)
        return window

    yield open_for
    for window in windows:
        window.end_session()


def work_view(window, wait_idle):
    view = window.show_view("work")
    wait_idle()
    return view


def numbers(section) -> list[str]:
    return [row.number if hasattr(row, "number") else row.item.number for row in section.model.rows]


def double_click(qtbot, table, row: int) -> None:
    """A real double-click on the first cell of ``row``."""
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click(view, name: str) -> None:
    view.findChild(QPushButton, name).click()


def decisions(monkeypatch, *answers):
    """Replace the decision dialog's one method: each call returns the next
    answer (then None); records the error each dialog showed when asked."""
    queue, seen = list(answers), []

    def get_values(dialog):
        seen.append(dialog.error.text() if not dialog.error.isHidden() else "")
        return queue.pop(0) if queue else None

    monkeypatch.setattr(DecisionDialog, "get_values", get_values)
    return seen


def sign_everything(qtbot, view, wait_idle, tmp_path, monkeypatch) -> None:
    """Tick every item in the signing view, with the evidence it needs."""
    picture = tmp_path / "签字照片.jpg"
    picture.write_bytes(b"\xff\xd8 a photo of the signed contract")
    monkeypatch.setattr(type(view), "choose_evidence_file", lambda self: str(picture))
    for row in range(view.model.rowCount()):
        view.select_item(row + 1)
        item = view.selected_item()
        if item.evidence_kind.is_file:
            click(view, "attach_file")
            wait_idle()
        elif item.evidence_kind is EvidenceKind.RECORDING:
            view.reference.setText(f"REC-01 0{row}:00-0{row}:59")
            click(view, "add_recording")
            wait_idle()
        view.select_item(row + 1)
        view.note.setText("已当面核对")
        click(view, "tick")
        wait_idle()


# --- the whole path -------------------------------------------------------------------------


def test_the_whole_path_through_the_screens(
    qtbot, desk, window_for, wait_idle, messages, monkeypatch, tmp_path
):
    # boss is a loan officer and a supervisor: he takes the application.
    submitted = desk.submitted(officer=desk.boss)
    number = submitted.application_number

    # The supervisor finds it in his approval queue and approves it.
    chen = window_for(desk.chen)
    work = work_view(chen, wait_idle)
    assert numbers(work.section("approval")) == [number]
    assert work.section("signoff").isVisibleTo(work) and work.section("late").isVisibleTo(work)
    assert not work.section("mine").isVisibleTo(work)
    assert work.section("approval").title() == "待审批（1）"
    seen = decisions(monkeypatch, Decision(Action.APPROVE, "经营稳定，同意", "15万", RiskGrade.A))
    double_click(qtbot, work.section("approval").table, 0)
    wait_idle()
    assert seen == [""]
    assert desk.get(number).state is State.APPROVED
    assert numbers(work.section("approval")) == []

    # The officer sees it approved, opens the signing and starts it.
    boss = window_for(desk.boss)
    mine = work_view(boss, wait_idle).section("mine")
    assert numbers(mine) == [number]
    assert mine.model.data(mine.model.index(0, 4)) == "已批准"
    double_click(qtbot, mine.table, 0)
    wait_idle()
    signing = boss.current_view()
    assert signing.objectName() == "signing_view"
    assert signing.case.number == number
    assert signing.first_staff.currentText() == "boss"
    assert signing.second_staff.currentText() == "wang"
    click(signing, "start_signing")
    wait_idle()
    assert desk.get(number).state is State.SIGNING
    assert signing.model.rowCount() == len(application_checklist(desk.uow(), number).items) > 10

    # Completing before everything is done lists what is open.
    click(signing, "complete")
    wait_idle()
    (refusal,) = messages.texts("error")
    assert "以下必办事项尚未完成" in refusal and "借款人身份证原件" in refusal
    assert signing.flagged

    sign_everything(qtbot, signing, wait_idle, tmp_path, monkeypatch)
    checklist = application_checklist(desk.uow(), number)
    assert checklist.open_items() == []
    first = checklist.items[0]
    assert first.confirmed_by == "boss" and first.note == "已当面核对"
    assert first.evidence[0].file_name == "签字照片.jpg"
    assert "boss" in signing.model.data(signing.model.index(0, 4))
    click(signing, "complete")
    wait_idle()
    assert desk.get(number).state is State.SIGNED
    assert any("已完成" in text for text in messages.texts("info"))

    # Four eyes: the officer, a supervisor too, may not sign off his own work.
    monkeypatch.setattr(PasswordPrompt, "ask", lambda self: PASSWORD)
    boss.show_view("signoff")
    wait_idle()
    own = boss.current_view()
    own.open_application(number)
    wait_idle()
    click(own, "confirm")
    wait_idle()
    assert "四眼原则" in messages.texts("error")[-1]
    assert "四眼原则" in own.outcome.text() and not own.outcome.isHidden()
    assert desk.get(number).state is State.SIGNED

    # Another supervisor reviews it from his work list and signs it off.
    sun = window_for(desk.sun)
    queue = work_view(sun, wait_idle).section("signoff")
    assert numbers(queue) == [number]
    double_click(qtbot, queue.table, 0)
    wait_idle()
    review = sun.current_view()
    assert review.objectName() == "signoff_view"
    assert review.review.application.application_number == number
    assert review.checklist_model.rowCount() == len(checklist.items)
    assert "签字照片.jpg" in review.checklist_model.data(review.checklist_model.index(0, 4))
    assert review.analysis_model.rowCount() > 5
    assert [e.action for e in review.history_model.rows][-1] is Action.COMPLETE_SIGNING
    review.opinion.setText("面签过程合规")
    click(review, "confirm")
    wait_idle()
    assert desk.get(number).state is State.SIGNED_OFF
    assert review.queue_model.rowCount() == 0

    # The teller disburses it from his list and sees the loan and its schedule.
    liu = window_for(desk.liu)
    ready = work_view(liu, wait_idle).section("ready")
    assert numbers(ready) == [number]
    double_click(qtbot, ready.table, 0)
    wait_idle()
    teller = liu.current_view()
    assert teller.objectName() == "disbursement_view" and teller.case.number == number
    assert teller.amount.text() == "150,000.00"
    teller.account.setText("6228 4800 1234 5678")
    teller.entrusted.setChecked(True)
    teller.counterparty_name.setText("溧水永利批发部")
    teller.counterparty_account.setText("3201000011112222")
    teller.counterparty_bank.setText("溧水农商银行城关支行")
    teller.counterparty_amount.setText("10万")
    messages.confirm_answers = [True]
    click(teller, "disburse")
    wait_idle()
    assert desk.get(number).state is State.DISBURSED
    loan_number = teller.loan.loan_number
    assert loan_number.startswith("JK") and loan_number in teller.loan_number.text()
    schedule = teller.schedule_model
    assert schedule.rowCount() == 13  # twelve instalments and the totals
    assert schedule.data(schedule.index(12, 0)) == "合计"
    assert schedule.data(schedule.index(12, 3)) == "150,000.00"
    assert teller.ready_model.rowCount() == 0


# --- the decision dialog ---------------------------------------------------------------------


def test_an_authority_refusal_comes_back_in_the_dialog_and_escalating_works(
    qtbot, desk, window_for, wait_idle, monkeypatch
):
    set_approval_limit(desk.uow(), desk.admin, "supervisor", "micro", "10万", version=1)
    number = desk.submitted().application_number
    work = work_view(window_for(desk.chen), wait_idle)
    assert "超出" in work.section("approval").model.data(work.section("approval").model.index(0, 7))
    seen = decisions(
        monkeypatch,
        Decision(Action.APPROVE, "同意"),
        Decision(Action.ESCALATE, "超出支行权限"),
    )
    double_click(qtbot, work.section("approval").table, 0)
    wait_idle()
    assert seen[0] == "" and "超出审批权限" in seen[1] and "100,000.00" in seen[1]
    assert desk.get(number).state is State.ESCALATED

    # Head office finds it in the escalated queue.
    hq = work_view(window_for(desk.hq), wait_idle)
    assert numbers(hq.section("escalated")) == [number]
    assert not hq.section("approval").isVisibleTo(hq)


def test_the_dialog_insists_on_a_reason_to_return_or_reject(qtbot, desk):
    application = desk.submitted()
    case = load_case(desk.uow, desk.chen, application.application_number)
    assert case.actions == [Action.APPROVE, Action.ESCALATE, Action.REJECT, Action.RETURN]
    dialog = DecisionDialog(case)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choice_buttons[Action.APPROVE].text() == "审批通过"
    assert dialog.amount.text() == "150,000.00"
    assert "壹拾伍万元整" in dialog.amount_note.text()
    dialog.choose(Action.REJECT)
    assert dialog.amount.isHidden()
    dialog.submit()
    assert dialog.values is None and "原因" in dialog.error.text()
    dialog.text.setPlainText("经营流水无法核实")
    dialog.submit()
    assert dialog.values == Decision(Action.REJECT, "经营流水无法核实")


def test_the_dialog_refuses_more_than_applied_for(qtbot, desk):
    application = desk.submitted()
    dialog = DecisionDialog(load_case(desk.uow, desk.chen, application.application_number))
    qtbot.addWidget(dialog)
    dialog.amount.setText("16万")
    dialog.submit()
    assert dialog.values is None and "150,000.00" in dialog.error.text()
    dialog.amount.setText("12万")
    dialog.grade.setCurrentIndex(2)
    dialog.submit()
    assert dialog.values == Decision(Action.APPROVE, "", "12万", RiskGrade.C)


# --- sign-off refusals -------------------------------------------------------------------------


def test_a_change_after_the_review_asks_for_a_new_review(
    desk, window_for, wait_idle, messages, monkeypatch
):
    number = desk.signed().application_number
    window = window_for(desk.sun)
    view = window.show_view("signoff")
    wait_idle()
    view.open_application(number)
    wait_idle()
    shown = view.review.fingerprint
    # The officer adds a late scan while the supervisor is reading.
    tick_item(
        desk.uow(),
        desk.li,
        number,
        1,
        "补扫身份证",
        [EvidenceInput("scan", "补扫.jpg", b"a late scan")],
    )
    monkeypatch.setattr(PasswordPrompt, "ask", lambda self: PASSWORD)
    click(view, "confirm")
    wait_idle()
    assert "内容在您审阅后已被修改，请重新审阅" in messages.texts("error")[-1]
    assert view.review.fingerprint != shown  # read again
    assert desk.get(number).state is State.SIGNED
    click(view, "confirm")
    wait_idle()
    assert desk.get(number).state is State.SIGNED_OFF


def test_a_second_supervisor_is_told_it_is_already_signed_off(
    desk, window_for, wait_idle, messages, monkeypatch
):
    number = desk.signed().application_number
    window = window_for(desk.chen)
    view = window.show_view("signoff")
    wait_idle()
    view.open_application(number)
    wait_idle()
    # Another supervisor signs it off meanwhile, at his own desk.
    other = signoff_view(desk.uow(), desk.sun, number)
    sign_off(desk.uow(), desk.sun, number, PASSWORD, other.fingerprint)
    monkeypatch.setattr(PasswordPrompt, "ask", lambda self: PASSWORD)
    click(view, "confirm")
    wait_idle()
    assert "另一位主管已" in messages.texts("error")[-1]
    assert view.review is None and view.queue_model.rowCount() == 0


def test_a_cancelled_password_signs_nothing_off(desk, window_for, wait_idle, monkeypatch):
    number = desk.signed().application_number
    view = window_for(desk.sun).show_view("signoff")
    wait_idle()
    view.queue.selectRow(0)
    wait_idle()
    assert view.review.application.application_number == number
    monkeypatch.setattr(PasswordPrompt, "ask", lambda self: None)
    click(view, "confirm")
    wait_idle()
    assert desk.get(number).state is State.SIGNED


# --- the work lists --------------------------------------------------------------------------


def test_each_role_sees_its_own_lists(desk, window_for, wait_idle):
    returned = desk.submitted()
    return_for_information(
        desk.uow(), desk.chen, returned.application_number, returned.version, "补充流水"
    )
    waiting = desk.submitted()
    desk.clock.move(days=6)  # past the three working days for a decision

    officer = work_view(window_for(desk.li), wait_idle)
    assert numbers(officer.section("mine")) == [returned.application_number]
    assert not officer.section("approval").isVisibleTo(officer)

    supervisor = work_view(window_for(desk.chen), wait_idle)
    approval = supervisor.section("approval")
    assert numbers(approval) == [waiting.application_number]
    assert approval.model.data(approval.model.index(0, 6)).startswith("已超时")
    assert approval.model.data(approval.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    late = supervisor.section("late")
    assert numbers(late) == [waiting.application_number]
    assert "李信贷" in late.summary.text()
    assert supervisor.section("signoff").empty.isVisibleTo(supervisor)

    teller = work_view(window_for(desk.liu), wait_idle)
    visible = [k for k, s in teller.sections.items() if s.isVisibleTo(teller)]
    assert visible == ["ready"]


def test_work_is_offered_to_everyone_and_the_workflow_screens_by_role(desk, window_for):
    admin = window_for(desk.admin)
    assert "work" in admin.nav_keys() and "signing" not in admin.nav_keys()
    assert {"work", "signing"} <= set(window_for(desk.li).nav_keys())
    assert {"work", "signoff"} <= set(window_for(desk.chen).nav_keys())
    assert {"work", "disbursement"} <= set(window_for(desk.liu).nav_keys())
    assert [admin.nav.item(i).text() for i in range(2)] == ["我的工作", "首页"]
    assert admin.current_view().objectName() == "work_view"


def test_disbursement_refusals_land_beside_the_inputs(desk, window_for, wait_idle, messages):
    number = desk.signed_off().application_number
    view = window_for(desk.liu).show_view("disbursement")
    wait_idle()
    view.open_application(number)
    wait_idle()
    view.amount.setText("16万")
    view.account.setText("12ab")
    messages.confirm_answers = [True]
    click(view, "disburse")
    wait_idle()
    assert "超过批准金额" in view.notes["amount"].text()
    assert "还款账号" in view.notes["repayment_account"].text()
    assert desk.get(number).state is State.SIGNED_OFF
    # A cancelled confirmation disburses nothing.
    view.amount.setText("15万")
    view.account.setText("6228480012345678")
    click(view, "disburse")
    wait_idle()
    assert desk.get(number).state is State.SIGNED_OFF
    assert view.findChild(QLabel, "loan_number").text() == ""


def test_the_teller_is_offered_the_approved_amount_not_the_amount_applied_for(
    desk, window_for, wait_idle
):
    submitted = desk.submitted()
    number = submitted.application_number
    approve(desk.uow(), desk.chen, number, submitted.version, "同意，减额", amount="12万")
    start_signing(desk.uow(), desk.li, number, desk.get(number).version)
    desk.tick_everything(number)
    complete_signing(desk.uow(), desk.li, number, desk.get(number).version)
    view_for_review = signoff_view(desk.uow(), desk.sun, number)
    sign_off(desk.uow(), desk.sun, number, PASSWORD, view_for_review.fingerprint)
    view = window_for(desk.liu).show_view("disbursement")
    wait_idle()
    view.open_application(number)
    wait_idle()
    assert view.amount.text() == "120,000.00"
