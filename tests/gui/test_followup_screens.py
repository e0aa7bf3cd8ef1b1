"""After the loan, on a real SQLite database holding a small loan book: the
supervisor's classification queue and decision (confirm, override with a
reason, put a borrower in default on the notice list), and the officer
completing a follow-up task from his work list, with the supervisor's
late-task list following."""

from __future__ import annotations

import hashlib
import os
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.dialogs.classification_decision import (
    ClassificationChoice,
    ClassificationDecisionDialog,
)
from desktop.dialogs.task_complete import TaskCompleteDialog
from desktop.navigation import ViewContext
from desktop.startup import open_store
from desktop.views.classification_view import ClassificationView
from desktop.views.work_view import WorkView
from desktop.widgets.form_fields import Tone
from domain.blacklist import list_blacklist
from domain.classification import Category, classification_history
from domain.followup import MAX_EVIDENCE_BYTES, TaskKind, TaskStatus, loan_tasks
from domain.servicing import accrue, loan_account
from tests.integration.test_servicing import JAN_20, NOW, TODAY, Branch, Clock, booked, rid

SHOTS = os.environ.get("LOANDESK_SHOTS")


@pytest.fixture
def branch(tmp_path):
    clock = Clock(NOW)
    store = open_store(f"sqlite:///{tmp_path / 'desk.db'}", clock)
    store.upgrade()
    yield Branch(store, clock)
    store.close()


@pytest.fixture
def book(branch):
    """Four loans of officer li after the daily run of 2026-06-30: 495 days
    late (损失), 130 days (次级), 10 days (关注), and one disbursed 20 days
    ago whose use-of-funds check fell due 5 days ago."""
    recent = booked(4, "50000", TODAY - timedelta(days=20), name="孙七")
    recent.use_checked_on = None
    numbers = branch.book(
        booked(1, "30000", date(2025, 1, 20), name="赵六"),
        booked(2, "30000", JAN_20, name="王五"),
        booked(3, "50000", JAN_20, paid=4, name="钱八"),
        recent,
    )
    accrue(branch.uow(), branch.admin, TODAY)
    return dict(zip(("loss", "substandard", "special", "recent"), numbers, strict=True))


def context(branch, user, ops) -> ViewContext:
    return ViewContext(user, branch.store, ops, QWidget())


def shot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        os.makedirs(SHOTS, exist_ok=True)
        widget.grab().save(os.path.join(SHOTS, f"followup_{name}.png"))


@pytest.fixture
def queue(qtbot, branch, book, ops, wait_idle):
    def open_for(user):
        view = ClassificationView(context(branch, user, ops))
        qtbot.addWidget(view)
        view.resize(1000, 520)
        view.show()
        wait_idle()
        return view

    return open_for


def answering(monkeypatch, cls, *answers, look=lambda dialog: dialog):
    """Replace ``cls.get_values``: each call hands the dialog to the next
    answer (a callable filling it and returning the values, or a value),
    then ``None``. Returns what ``look(dialog)`` saw as each was asked (the
    dialogs are deleted once the view is done with them)."""
    queue, asked = list(answers), []

    def get_values(dialog):
        asked.append(look(dialog))
        if not queue:
            return None
        answer = queue.pop(0)
        return answer(dialog) if callable(answer) else answer

    monkeypatch.setattr(cls, "get_values", get_values)
    return asked


def on_screen(dialog: ClassificationDecisionDialog) -> dict:
    """What the decision dialog shows as it is asked."""
    return {
        "dialog": dialog,
        "chosen": dialog.chosen(),
        "reason_label": dialog.reason_label.text(),
        "reason_note": (dialog.reason_note.text(), dialog.reason_note.tone),
        "blacklist_offered": dialog.blacklist.isEnabled(),
    }


def fill(category=None, reason="", blacklist=False, blacklist_reason=""):
    """An answer that fills the real dialog and presses its OK button."""

    def answer(dialog: ClassificationDecisionDialog):
        if category is not None:
            dialog.choose(category)
        dialog.reason.setPlainText(reason)
        dialog.blacklist.setChecked(blacklist)
        dialog.blacklist_reason.setText(blacklist_reason)
        dialog.ok_button.click()
        return dialog.values

    return answer


def decide_on(view, number: str, wait_idle) -> None:
    assert view.select(number)
    view.decide_button.click()
    wait_idle()


# --- classification -----------------------------------------------------------------------


def test_the_queue_lists_the_loans_worst_first(queue, branch, book):
    view = queue(branch.chen)
    assert [r.loan_number for r in view.rows()] == [
        book["loss"],
        book["substandard"],
        book["special"],
    ]
    model = view.model
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells == [book["loss"], "赵六", "小微贷款", "李信贷", "495", "30,000.00", "损失", "损失"]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "产品"
    assert view.count.text() == "3 笔贷款待认定"
    shot(view, "classification_queue")


def test_the_supervisor_confirms_the_suggestion(queue, branch, book, wait_idle, monkeypatch):
    view = queue(branch.chen)
    asked = answering(monkeypatch, ClassificationDecisionDialog, fill(), look=on_screen)
    decide_on(view, book["substandard"], wait_idle)

    (shown,) = asked
    assert shown["chosen"] is Category.SUBSTANDARD  # the suggestion is the default
    assert shown["reason_label"] == "理由" and shown["reason_note"][1] is Tone.INFO
    account = loan_account(branch.uow(), book["substandard"])
    assert account.classification is Category.SUBSTANDARD and account.classification_confirmed
    (decision,) = classification_history(branch.uow(), book["substandard"])
    assert not decision.overridden and decision.decided_by == "chen"
    assert book["substandard"] not in [r.loan_number for r in view.rows()]
    assert "次级" in view.outcome.text() and view.outcome.isVisibleTo(view)
    assert list_blacklist(branch.uow()) == []


def test_an_override_without_reason_is_refused_beside_the_reason(
    queue, branch, book, wait_idle, monkeypatch, messages
):
    view = queue(branch.chen)
    notes = []

    def without_reason(dialog):
        answer = fill(Category.DOUBTFUL)(dialog)
        notes.append((dialog.reason_note.text(), dialog.reason_note.tone, answer))
        notes.append(dialog.reason_label.text())
        return None  # the dialog stayed open; the supervisor cancels

    answering(monkeypatch, ClassificationDecisionDialog, without_reason)
    decide_on(view, book["substandard"], wait_idle)
    (text, tone, values), label = notes
    assert values is None and tone is Tone.ERROR and label == "理由（必填）"
    assert "可疑" in text and "次级" in text and "理由" in text

    # Past the dialog's own check, the domain refuses: the same dialog comes
    # back with the refusal beside the reason and what was chosen still there.
    def past_the_check(dialog):
        dialog.choose(Category.DOUBTFUL)
        return ClassificationChoice(Category.DOUBTFUL)

    asked = answering(monkeypatch, ClassificationDecisionDialog, past_the_check, look=on_screen)
    decide_on(view, book["substandard"], wait_idle)
    first, again = asked
    assert again["dialog"] is first["dialog"] and again["chosen"] is Category.DOUBTFUL
    text, tone = again["reason_note"]
    assert "须填写理由" in text and tone is Tone.ERROR
    assert messages.texts("error") == []
    assert classification_history(branch.uow(), book["substandard"]) == []
    assert not loan_account(branch.uow(), book["substandard"]).classification_confirmed
    assert book["substandard"] in [r.loan_number for r in view.rows()]


def test_the_supervisor_overrides_with_a_reason(queue, branch, book, wait_idle, monkeypatch):
    view = queue(branch.chen)
    reason = "借款人外出务工失联，保证人无代偿能力"
    answering(monkeypatch, ClassificationDecisionDialog, fill(Category.DOUBTFUL, reason))
    decide_on(view, book["substandard"], wait_idle)

    (decision,) = classification_history(branch.uow(), book["substandard"])
    assert decision.overridden and decision.category is Category.DOUBTFUL
    assert decision.suggested is Category.SUBSTANDARD
    assert decision.reason == reason
    assert loan_account(branch.uow(), book["substandard"]).classification is Category.DOUBTFUL
    assert [r.loan_number for r in view.rows()] == [book["loss"], book["special"]]


def test_a_borrower_of_a_loss_loan_is_put_on_the_notice_list(
    queue, branch, book, wait_idle, monkeypatch
):
    view = queue(branch.chen)
    asked = answering(
        monkeypatch,
        ClassificationDecisionDialog,
        fill(reason="借款人已失联一年以上", blacklist=True, blacklist_reason="恶意逃废债务"),
        look=on_screen,
    )
    decide_on(view, book["loss"], wait_idle)

    assert asked[0]["blacklist_offered"] and asked[0]["chosen"] is Category.LOSS
    (decision,) = classification_history(branch.uow(), book["loss"])
    assert decision.category is Category.LOSS and decision.blacklisted
    (listed,) = list_blacklist(branch.uow())
    assert (listed.id_number, listed.name) == (rid(1), "赵六")
    assert book["loss"] in listed.reason and "损失" in listed.reason
    assert "恶意逃废债务" in listed.reason
    assert "违约信息通报名单" in view.outcome.text()


def test_the_notice_list_is_offered_only_in_default(qtbot, queue, branch, book):
    view = queue(branch.chen)
    special = next(r for r in view.rows() if r.loan_number == book["special"])
    dialog = ClassificationDecisionDialog(special.pending, special.product_name, view)
    qtbot.addWidget(dialog)
    assert dialog.chosen() is Category.SPECIAL_MENTION
    assert not dialog.blacklist.isEnabled() and not dialog.blacklist_reason.isEnabled()
    assert dialog.reason_note.tone is Tone.INFO and dialog.ok_button.text() == "确认"
    normal = dialog.category.model().item(dialog.category.findData(Category.NORMAL.value))
    assert not normal.isEnabled()  # an overdue loan is at least 关注

    dialog.choose(Category.SUBSTANDARD)
    assert dialog.blacklist.isEnabled() and dialog.ok_button.text() == "改判"
    assert dialog.reason_note.tone is Tone.WARNING and "关注" in dialog.reason_note.text()
    dialog.blacklist.setChecked(True)
    assert dialog.blacklist_reason.isEnabled()
    dialog.show()
    shot(dialog, "classification_decision")
    dialog.choose(Category.SPECIAL_MENTION)
    assert not dialog.blacklist.isChecked() and not dialog.blacklist.isEnabled()
    assert dialog.entered() == ClassificationChoice(Category.SPECIAL_MENTION)


def test_an_officer_is_not_offered_the_classification(qtbot, branch, book, ops, wait_idle):
    from desktop.main_window import MainWindow

    offered = {}
    for user in (branch.li, branch.chen):
        window = MainWindow(branch.store, ops, user)
        qtbot.addWidget(window)
        window.show()
        wait_idle()
        offered[user.username] = window.nav_keys()
        window.end_session()
    assert "classification" not in offered["li"]
    assert "classification" in offered["chen"]


# --- follow-up tasks ------------------------------------------------------------------------


@pytest.fixture
def work(qtbot, branch, book, ops, wait_idle):
    def open_for(user):
        view = WorkView(context(branch, user, ops))
        qtbot.addWidget(view)
        view.resize(1000, 700)
        view.show()
        wait_idle()
        return view

    return open_for


def task_row(section, loan_number: str, kind: TaskKind) -> int:
    return next(
        i
        for i, item in enumerate(section.model.rows)
        if item.task.loan_number == loan_number and item.task.kind is kind
    )


def test_an_officer_completes_a_use_check_with_notes_and_a_file(
    work, branch, book, wait_idle, monkeypatch, tmp_path, messages
):
    supervisor = work(branch.chen)
    late = supervisor.section("late_tasks")
    assert book["recent"] in [i.task.loan_number for i in late.model.rows]
    assert "李信贷" in late.summary.text()
    shot(supervisor, "work_late_tasks")

    officer = work(branch.li)
    tasks = officer.section("tasks")
    assert tasks.isVisibleTo(officer) and not officer.section("late_tasks").isVisibleTo(officer)
    row = task_row(tasks, book["recent"], TaskKind.USE_CHECK)
    assert tasks.model.data(tasks.model.index(row, 0)) == "贷款用途检查"
    assert tasks.model.data(tasks.model.index(row, 4)) == "逾期 5 天"
    button = tasks.action_button
    assert button.text() == "完成任务…" and not button.isEnabled()
    tasks.table.selectRow(row)
    assert button.isEnabled()
    shot(officer, "work_tasks")

    too_big = tmp_path / "录像.mp4"
    with too_big.open("wb") as file:
        file.truncate(MAX_EVIDENCE_BYTES + 1)
    photo = tmp_path / "进货发票.jpg"
    photo.write_bytes(b"\xff\xd8 the invoice for the goods")
    files = [str(too_big), str(photo)]
    monkeypatch.setattr(TaskCompleteDialog, "choose_evidence_file", lambda d: files.pop(0))
    seen = []

    def first(dialog):
        dialog.ok_button.click()  # nothing entered: both notes say what is missing
        seen.append((dialog.notes_note.tone, dialog.evidence_note.tone, dialog.values))
        dialog.notes.setPlainText("实地查看，购入货物与借款用途相符")
        dialog.pick_file()
        dialog.ok_button.click()
        return dialog.values

    def second(dialog):
        seen.append(dialog.error.text())
        dialog.pick_file()
        dialog.ok_button.click()
        return dialog.values

    asked = answering(monkeypatch, TaskCompleteDialog, first, second)
    button.click()
    wait_idle()

    assert seen[0] == (Tone.ERROR, Tone.ERROR, None)
    assert "20 MB" in seen[1]  # the domain's message about the file too large
    assert asked[0] is asked[1]  # the same dialog, the notes still there
    assert messages.texts("error") == []
    (done,) = [t for t in loan_tasks(branch.uow(), book["recent"]) if t.kind is TaskKind.USE_CHECK]
    assert done.status is TaskStatus.DONE and done.completed_by == "li"
    assert done.notes == "实地查看，购入货物与借款用途相符"
    assert done.evidence_file_name == "进货发票.jpg"
    assert done.evidence_sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert book["recent"] not in [i.task.loan_number for i in tasks.model.rows]
    assert "贷款用途检查" in officer.outcome.text()

    supervisor.refresh()
    wait_idle()
    assert book["recent"] not in [i.task.loan_number for i in late.model.rows]


def test_a_collection_call_needs_only_notes(qtbot, work, branch, book):
    officer = work(branch.li)
    tasks = officer.section("tasks")
    item = tasks.model.rows[task_row(tasks, book["loss"], TaskKind.COLLECTION)]
    dialog = TaskCompleteDialog(item.task, item.today, officer)
    qtbot.addWidget(dialog)
    assert dialog.evidence_note.tone is Tone.INFO and "选填" in dialog.evidence_note.text()
    dialog.notes.setPlainText("电话联系借款人，承诺月底前还款")
    dialog.ok_button.click()
    assert dialog.values is not None and dialog.values.file_path == ""
    dialog.show()
    shot(dialog, "task_complete")
