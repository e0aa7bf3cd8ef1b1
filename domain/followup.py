"""After the loan (贷后): the officer's follow-up tasks.

Three kinds, each a task for the loan's officer with a due date:

- the check of the use of funds (贷款用途检查), due within 15 days of
  disbursement: created when the loan's servicing account is opened, or by
  the daily run for a loan without one that is younger than the revisit
  interval (an older loan is past its check: its revisits cover it);
- periodic revisits (定期回访), every 90 days from disbursement or from the
  last revisit done, created a few days before they fall due;
- collection calls (逾期催收) on overdue loans: one open per loan, the next
  one a week after the last was done while the loan stays overdue.

Intervals are bank settings (``followup``). A task is completed with notes
and evidence: a reference (the archive number of the photos, the call
record) or a file; use checks and revisits need evidence, a collection call
its notes. Supervisors see what is late, grouped by officer.

Use cases take a unit of work with the repositories ``follow_up_tasks``,
``loan_accounts`` and ``settings``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.customers import limited_text, required_text
from domain.errors import ConcurrencyConflict, DomainError, NotFound, PermissionDenied
from domain.users import Role, User

FOLLOWUP_SETTING = "followup"
NOTES_MAX = 2000
REFERENCE_MAX = 200
FILE_NAME_MAX = 200
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


class TaskKind(StrEnum):
    USE_CHECK = "use_check"
    REVISIT = "revisit"
    COLLECTION = "collection"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def needs_evidence(self) -> bool:
        """A visit leaves photos or documents; a call leaves its notes."""
        return self is not TaskKind.COLLECTION


_KIND_LABELS = {
    TaskKind.USE_CHECK: "贷款用途检查",
    TaskKind.REVISIT: "定期回访",
    TaskKind.COLLECTION: "逾期催收",
}


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"

    @property
    def label(self) -> str:
        return "待办" if self is TaskStatus.OPEN else "已完成"


@dataclass(frozen=True)
class FollowUpPolicy:
    """Days allowed for the use check, between revisits, between collection
    calls on a loan still overdue, and how early a revisit is put on the list."""

    use_check_days: int = 15
    revisit_interval_days: int = 90
    collection_interval_days: int = 7
    notice_days: int = 7


def load_policy(uow) -> FollowUpPolicy:
    """The follow-up settings in force, inside an open unit of work."""
    stored = uow.settings.get(FOLLOWUP_SETTING, {}) or {}
    known = {f.name for f in fields(FollowUpPolicy)}
    return FollowUpPolicy(**{k: int(v) for k, v in stored.items() if k in known})


@dataclass(frozen=True)
class Evidence:
    """What shows a task was done: a reference text, a file, or both."""

    reference: str = ""
    file_name: str = ""
    data: bytes | None = None

    @property
    def empty(self) -> bool:
        return not self.reference and not self.data


@dataclass
class FollowUpTask:
    """One follow-up task on a loan, for its officer."""

    loan_id: int
    loan_number: str
    borrower_name: str
    kind: TaskKind
    officer: str
    due_on: date
    created_at: datetime
    created_by: str
    status: TaskStatus = TaskStatus.OPEN
    completed_at: datetime | None = None
    completed_by: str | None = None
    notes: str = ""
    evidence_reference: str = ""
    evidence_file_name: str = ""
    evidence_sha256: str = ""
    id: int | None = None
    version: int = 0
    evidence_data: bytes | None = field(default=None, repr=False, compare=False)

    def late_on(self, day: date) -> bool:
        """Still open after its due date."""
        return self.status is TaskStatus.OPEN and self.due_on < day

    def days_late(self, day: date) -> int:
        return max((day - self.due_on).days, 0) if self.status is TaskStatus.OPEN else 0


def new_task(account, kind: TaskKind, due_on: date, now: datetime, by: str) -> FollowUpTask:
    """A fresh open task on ``account`` (a ``LoanAccount``) for its officer. Pure."""
    return FollowUpTask(
        loan_id=account.loan_id,
        loan_number=account.loan_number,
        borrower_name=account.borrower_name,
        kind=kind,
        officer=account.officer,
        due_on=due_on,
        created_at=now,
        created_by=by,
    )


# ---------------------------------------------------------------------------
# Planning (inside the daily run and account opening)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedTasks:
    """How many tasks of each kind a planning step created."""

    use_checks: int = 0
    revisits: int = 0
    collections: int = 0

    @property
    def total(self) -> int:
        return self.use_checks + self.revisits + self.collections


def open_use_checks(uow, accounts, policy: FollowUpPolicy, by: str) -> int:
    """Inside an open unit of work: a use-of-funds check for each of
    ``accounts`` (new loan accounts) that has none, due ``use_check_days``
    after disbursement."""
    now = uow.clock.now()
    wanted = [
        a for a in accounts if not uow.follow_up_tasks.has_task(a.loan_id, TaskKind.USE_CHECK)
    ]
    tasks = [
        new_task(
            a, TaskKind.USE_CHECK, a.disbursed_on + timedelta(days=policy.use_check_days), now, by
        )
        for a in wanted
    ]
    uow.follow_up_tasks.add_many(tasks)
    return len(tasks)


def plan_tasks(uow, as_of: date, by: str) -> PlannedTasks:
    """Inside the daily run's unit of work: the tasks due by ``as_of``.

    Use checks for active loans without one disbursed within the revisit
    interval; a revisit for each active loan whose next revisit falls within
    ``notice_days`` and has none open; a collection call for each loan
    overdue on ``as_of`` with none open whose last call was done at least
    ``collection_interval_days`` ago. Running it twice for a day adds nothing.
    """
    policy = load_policy(uow)
    now = uow.clock.now()
    tasks = uow.follow_up_tasks
    since = as_of - timedelta(days=policy.revisit_interval_days)
    unchecked = tasks.accounts_without(TaskKind.USE_CHECK, disbursed_since=since)
    use_checks = [
        new_task(
            a, TaskKind.USE_CHECK, a.disbursed_on + timedelta(days=policy.use_check_days), now, by
        )
        for a in unchecked
    ]
    revisits = [
        new_task(a, TaskKind.REVISIT, a.next_revisit_on, now, by)
        for a in tasks.revisits_due(as_of + timedelta(days=policy.notice_days))
    ]
    collections = [
        new_task(a, TaskKind.COLLECTION, as_of, now, by) for a in tasks.collections_due(as_of)
    ]
    tasks.add_many([*use_checks, *revisits, *collections])
    return PlannedTasks(len(use_checks), len(revisits), len(collections))


# ---------------------------------------------------------------------------
# The officer's work
# ---------------------------------------------------------------------------


def complete_task(
    uow, actor: User, task_id: int, notes: str, evidence: Evidence | None = None, *, version: int
) -> FollowUpTask:
    """The officer records a task as done, with notes and evidence.

    The task's own officer or a supervisor may complete it. Notes are
    required; use checks and revisits also need evidence (a reference or a
    file up to 20 MB). Completing a revisit sets the next one
    ``revisit_interval_days`` later; a collection call lets the next be
    created ``collection_interval_days`` later while the loan stays overdue.
    ``ConcurrencyConflict`` for a stale ``version``.
    """
    text = required_text(notes, "notes", "处理情况", NOTES_MAX, remark=True)
    proof = _checked_evidence(evidence or Evidence())
    with uow.acting(actor.username):
        task = uow.follow_up_tasks.get(task_id)
        if task is None:
            raise NotFound("找不到该贷后任务，可能已被删除，请刷新列表。")
        _may_complete(actor, task)
        if task.version != version:
            raise ConcurrencyConflict()
        if task.status is TaskStatus.DONE:
            raise DomainError(f"该{task.kind.label}任务已于 {task.completed_at:%Y-%m-%d} 完成。")
        if task.kind.needs_evidence and proof.empty:
            raise DomainError(
                f"完成{task.kind.label}须提供证明材料（照片档案号、单据编号或上传文件）。"
            )
        done = _done(task, actor, uow.clock.now(), text, proof)
        saved = uow.follow_up_tasks.update(done)
        _after_done(uow, saved)
        uow.commit()
        return saved


def _may_complete(actor: User, task: FollowUpTask) -> None:
    if not actor.active:
        raise PermissionDenied(f"账户 {actor.username} 已停用，不能办结贷后任务。")
    if actor.username == task.officer:
        return
    if not actor.has_role(Role.SUPERVISOR):
        raise PermissionDenied(
            f"该{task.kind.label}任务属于客户经理 {task.officer}，只有本人或业务主管可以办结。"
        )
    actor.require(Role.SUPERVISOR, doing=f"办结{task.kind.label}")


def _checked_evidence(evidence: Evidence) -> Evidence:
    reference = limited_text(evidence.reference, "evidence", "证明材料编号", REFERENCE_MAX)
    name = limited_text(evidence.file_name, "evidence", "文件名", FILE_NAME_MAX)
    if evidence.data is not None and len(evidence.data) > MAX_EVIDENCE_BYTES:
        raise DomainError("证明材料文件不能超过 20 MB，请压缩后再上传。")
    if evidence.data is not None and not name:
        raise DomainError("上传证明材料须有文件名。")
    return Evidence(reference, name, evidence.data)


def _done(
    task: FollowUpTask, actor: User, now: datetime, notes: str, proof: Evidence
) -> FollowUpTask:
    return replace(
        task,
        status=TaskStatus.DONE,
        completed_at=now,
        completed_by=actor.username,
        notes=notes,
        evidence_reference=proof.reference,
        evidence_file_name=proof.file_name,
        evidence_sha256=hashlib.sha256(proof.data).hexdigest() if proof.data else "",
        evidence_data=proof.data,
    )


def _after_done(uow, task: FollowUpTask) -> None:
    policy = load_policy(uow)
    day = task.completed_at.astimezone().date()
    if task.kind is TaskKind.REVISIT:
        uow.loan_accounts.set_next_revisit(
            task.loan_id, day + timedelta(days=policy.revisit_interval_days)
        )
    elif task.kind is TaskKind.COLLECTION:
        uow.loan_accounts.set_next_collection(
            task.loan_id, day + timedelta(days=policy.collection_interval_days)
        )


def my_tasks(uow, actor: User, *, include_done: bool = False) -> list[FollowUpTask]:
    """The actor's own tasks, open ones by due date (done ones after, newest first)."""
    with uow:
        return uow.follow_up_tasks.for_officer(actor.username, include_done=include_done)


def loan_tasks(uow, loan_number: str) -> list[FollowUpTask]:
    """Every task of the loan, oldest first."""
    with uow:
        account = uow.loan_accounts.get(loan_number.strip().upper())
        if account is None:
            raise NotFound(f"找不到贷款 {loan_number}，请核对借款合同编号。")
        return uow.follow_up_tasks.for_loan(account.loan_id)


def late_tasks(uow, actor: User, today: date | None = None) -> dict[str, list[FollowUpTask]]:
    """Open tasks past their due date, by officer (names in order), each
    officer's oldest first: the supervisor's dashboard."""
    actor.require(Role.SUPERVISOR, doing="查看逾期未办的贷后任务")
    with uow:
        day = today or uow.clock.today()
        grouped: dict[str, list[FollowUpTask]] = defaultdict(list)
        for task in uow.follow_up_tasks.late(day):
            grouped[task.officer].append(task)
        return dict(sorted(grouped.items()))


def set_policy(uow, actor: User, **changes: int) -> FollowUpPolicy:
    """The administrator changes follow-up intervals (days, each at least 1)."""
    actor.require(Role.ADMINISTRATOR, doing="设置贷后任务期限")
    with uow.acting(actor.username):
        policy = replace(load_policy(uow), **{k: int(v) for k, v in changes.items()})
        if min(getattr(policy, f.name) for f in fields(policy)) < 1:
            raise DomainError("贷后任务的天数都必须至少为 1 天。")
        uow.settings.put(
            FOLLOWUP_SETTING, {f.name: getattr(policy, f.name) for f in fields(policy)}
        )
        uow.commit()
        return policy
