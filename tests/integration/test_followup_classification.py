"""After the loan, stored, on SQLite and PostgreSQL, as the screens use it:
the supervisor's classification queue and decisions (confirming what the
queue shows, overriding, listing a borrower in default with the reason for
the list), and completing follow-up tasks with an evidence file (stored with
its hash, gone from the open and the late lists; a file over the limit
refused with nothing saved)."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest

from desktop.startup import open_store
from domain.blacklist import list_blacklist
from domain.classification import (
    Category,
    classification_history,
    classification_queue,
    classify,
)
from domain.errors import DomainError, ValidationError
from domain.followup import (
    MAX_EVIDENCE_BYTES,
    Evidence,
    TaskKind,
    TaskStatus,
    complete_task,
    late_tasks,
    loan_tasks,
    my_tasks,
)
from domain.servicing import accrue, loan_account
from tests.integration.test_servicing import JAN_20, NOW, TODAY, Branch, Clock, booked, rid


@pytest.fixture
def branch(database_url):
    clock = Clock(NOW)
    store = open_store(database_url, clock)
    store.upgrade()
    yield Branch(store, clock)
    store.close()


@pytest.fixture
def book(branch):
    """Loans of officer li after the daily run of 2026-06-30: 495 days late
    (损失), 130 days (次级), and one disbursed 20 days ago whose use-of-funds
    check fell due 5 days ago."""
    recent = booked(3, "50000", TODAY - timedelta(days=20), name="孙七")
    recent.use_checked_on = None
    numbers = branch.book(
        booked(1, "30000", date(2025, 1, 20), name="赵六"),
        booked(2, "30000", JAN_20, name="王五"),
        recent,
    )
    accrue(branch.uow(), branch.admin, TODAY)
    return dict(zip(("loss", "substandard", "recent"), numbers, strict=True))


def pending(branch, number: str):
    return next(
        p for p in classification_queue(branch.uow(), branch.chen) if p.loan_number == number
    )


# --- classification ----------------------------------------------------------------------------


def test_the_suggestion_the_queue_shows_is_confirmed_without_a_reason(branch, book):
    queue = classification_queue(branch.uow(), branch.chen)
    assert [p.loan_number for p in queue] == [book["loss"], book["substandard"]]
    shown = queue[1]
    decision = classify(
        branch.uow(), branch.chen, shown.loan_number, shown.suggested, version=shown.version
    )
    assert not decision.overridden and decision.days_past_due == shown.days_past_due
    assert [p.loan_number for p in classification_queue(branch.uow(), branch.chen)] == [
        book["loss"]
    ]


def test_the_queue_counts_days_past_due_on_the_day_it_is_read(branch, book):
    before = pending(branch, book["substandard"])
    assert before.suggested is Category.SUBSTANDARD

    branch.clock.move(days=150)  # no daily run since: the stored figures are old
    shown = pending(branch, book["substandard"])

    assert shown.days_past_due == before.days_past_due + 150
    assert shown.suggested is Category.DOUBTFUL
    decision = classify(
        branch.uow(), branch.chen, shown.loan_number, shown.suggested, version=shown.version
    )
    assert not decision.overridden and decision.days_past_due == shown.days_past_due


def test_an_override_needs_a_reason_and_nothing_is_saved_without(branch, book):
    shown = pending(branch, book["substandard"])
    with pytest.raises(ValidationError) as refused:
        classify(branch.uow(), branch.chen, shown.loan_number, "可疑", " ", version=shown.version)
    assert refused.value.field == "reason"
    assert classification_history(branch.uow(), shown.loan_number) == []
    assert pending(branch, book["substandard"]).version == shown.version

    decision = classify(
        branch.uow(),
        branch.chen,
        shown.loan_number,
        "可疑",
        "保证人无代偿能力",
        version=shown.version,
    )
    assert decision.overridden and decision.reason == "保证人无代偿能力"
    assert loan_account(branch.uow(), shown.loan_number).classification is Category.DOUBTFUL


def test_a_borrower_in_default_is_listed_with_the_reason_for_the_list(branch, book):
    shown = pending(branch, book["loss"])
    with pytest.raises(DomainError, match="次级、可疑、损失"):
        classify(
            branch.uow(),
            branch.chen,
            shown.loan_number,
            "关注",
            "有抵押物",
            version=shown.version,
            blacklist=True,
        )
    assert list_blacklist(branch.uow()) == []

    classify(
        branch.uow(),
        branch.chen,
        shown.loan_number,
        shown.suggested,
        "借款人失联一年以上",
        version=shown.version,
        blacklist=True,
        blacklist_reason="恶意逃废债务",
    )
    (listed,) = list_blacklist(branch.uow())
    assert (listed.id_number, listed.name) == (rid(1), "赵六")
    assert listed.reason == f"贷款 {book['loss']} 五级分类为损失：恶意逃废债务"
    assert listed.source == "五级分类认定"


def test_a_reason_written_on_several_lines_keeps_its_lines(branch, book):
    shown = pending(branch, book["substandard"])
    reason = "1. 借款人外出务工失联\n2. 保证人无代偿能力"
    decision = classify(
        branch.uow(), branch.chen, shown.loan_number, "可疑", reason, version=shown.version
    )
    assert decision.reason == reason


# --- follow-up tasks -----------------------------------------------------------------------------


def use_check(branch, number: str):
    return next(
        t
        for t in my_tasks(branch.uow(), branch.li)
        if t.loan_number == number and t.kind is TaskKind.USE_CHECK
    )


def test_a_use_check_done_with_a_file_leaves_the_open_and_late_lists(branch, book):
    task = use_check(branch, book["recent"])
    assert task.late_on(TODAY)
    assert task.id in [t.id for t in late_tasks(branch.uow(), branch.chen)["li"]]
    photo = b"\xff\xd8 the invoice for the goods"

    done = complete_task(
        branch.uow(),
        branch.li,
        task.id,
        "实地查看，购入货物与借款用途相符",
        Evidence("", "进货发票.jpg", photo),
        version=task.version,
    )

    assert done.status is TaskStatus.DONE and done.completed_by == "li"
    assert done.evidence_file_name == "进货发票.jpg"
    assert done.evidence_sha256 == hashlib.sha256(photo).hexdigest()
    assert task.id not in [t.id for t in my_tasks(branch.uow(), branch.li)]
    assert task.id in [t.id for t in my_tasks(branch.uow(), branch.li, include_done=True)]
    assert task.id not in [t.id for t in late_tasks(branch.uow(), branch.chen).get("li", [])]
    (stored,) = [t for t in loan_tasks(branch.uow(), book["recent"]) if t.id == task.id]
    assert stored.status is TaskStatus.DONE and stored.evidence_sha256 == done.evidence_sha256


def test_a_file_over_the_limit_is_refused_and_nothing_is_saved(branch, book):
    task = use_check(branch, book["recent"])
    too_big = Evidence("", "录像.mp4", bytes(MAX_EVIDENCE_BYTES + 1))
    with pytest.raises(DomainError, match="20 MB"):
        complete_task(branch.uow(), branch.li, task.id, "已查看", too_big, version=task.version)
    again = use_check(branch, book["recent"])
    assert again.status is TaskStatus.OPEN and again.version == task.version


def test_notes_written_on_several_lines_keep_their_lines(branch, book):
    task = use_check(branch, book["recent"])
    notes = "1. 实地查看店铺\n2. 购入货物与借款用途相符"
    done = complete_task(
        branch.uow(), branch.li, task.id, notes, Evidence("照片档案 0630-01"), version=task.version
    )
    assert done.notes == notes


def test_any_active_loan_can_be_classified_again_from_its_detail(branch, book):
    from domain.classification import classification_of
    from domain.errors import PermissionDenied

    shown = pending(branch, book["substandard"])
    classify(branch.uow(), branch.chen, shown.loan_number, shown.suggested, version=shown.version)
    assert book["substandard"] not in [
        p.loan_number for p in classification_queue(branch.uow(), branch.chen)
    ]

    again = classification_of(branch.uow(), branch.chen, book["substandard"])
    assert again.category is Category.SUBSTANDARD and again.days_past_due == shown.days_past_due
    decision = classify(
        branch.uow(), branch.chen, again.loan_number, "可疑", "抵押物已被查封", version=again.version
    )
    assert decision.category is Category.DOUBTFUL and decision.overridden
    with pytest.raises(PermissionDenied):
        classification_of(branch.uow(), branch.li, book["substandard"])
