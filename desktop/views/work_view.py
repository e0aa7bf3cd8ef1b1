"""我的工作: each role's work list, the first thing a clerk looks at.

A user sees one section per role he holds:

- loan officer / assisting officer: his applications in draft, returned for
  more information, approved (to sign) and in signing;
- supervisor: the approval queue (submitted, with his authority for each:
  within his limit, or above it and to be escalated), the sign-off queue
  (signed, oldest first) and what is late, by officer;
- head-office credit approver: the escalated queue, and what is late;
- teller: what is ready to disburse (signed off).

After the loan (贷后), a loan officer also sees his open follow-up tasks
(use-of-funds checks, revisits, collection calls) by due date; 完成任务…
(or a double-click) opens ``TaskCompleteDialog`` and records the task done
on the worker (``complete_task``), the evidence file read there too. A
supervisor sees the follow-up tasks past their due date, by officer; a
double-click opens the loan.

Every row says how long the application has waited in its state against
the time limit (时效): the row turns amber from 75% of the limit and red past
it. A double-click (or Enter) opens the screen of the next step: the
application form, the signing checklist, the decision dialog, the sign-off
screen or the disbursement form.

This module also holds what the workflow screens share: ``RowsModel`` (a
short list replaced whole on each reload), ``make_table`` and the names of
states, actions and time statuses in the UI language.

Threading: UI thread only. The lists are read on the worker by
``load_work``, which calls domain services only, each with a fresh unit of
work, and returns plain values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.task_complete import (
    TaskCompleteDialog,
    TaskCompletion,
    due_text,
    read_evidence,
    task_kind_name,
)
from desktop.models.names import product_names, staff_names
from desktop.models.paged_table import Column
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from domain.applications import ApplicationState
from domain.checklist import EvidenceKind
from domain.errors import ConcurrencyConflict, NotFound, ValidationError
from domain.followup import FollowUpTask, complete_task, late_tasks, my_tasks
from domain.money import format_amount
from domain.search import MAX_LIMIT, search_applications
from domain.users import Role, User
from domain.workflow import (
    APPROVERS,
    HEAD_OFFICE,
    OFFICERS,
    Action,
    ApprovalLimit,
    OfficerLateness,
    TimeStatus,
    TimeUnit,
    Waiting,
    approval_limits,
    authority,
    late_applications,
    signoff_queue,
    waiting_status,
)

translate = QCoreApplication.translate
State = ApplicationState

# Colours a clerk reads at a glance: a pale tint for the row, a darker tone
# for the status text, both legible on white.
AMBER_TINT, AMBER_TEXT = "#fff1cc", "#8a5a00"
RED_TINT, RED_TEXT = "#fde0dd", "#b3261e"
DONE_TINT = "#e6f4ea"

# The officer's own list, in the order he acts on it: what came back first.
OFFICER_STATES = (State.RETURNED, State.APPROVED, State.SIGNING, State.DRAFT)

# --- names in the UI language ----------------------------------------------------------------

_STATE_NAMES = {
    State.DRAFT: QT_TRANSLATE_NOOP("Workflow", "Draft"),
    State.SUBMITTED: QT_TRANSLATE_NOOP("Workflow", "Submitted"),
    State.ESCALATED: QT_TRANSLATE_NOOP("Workflow", "Escalated to head office"),
    State.APPROVED: QT_TRANSLATE_NOOP("Workflow", "Approved"),
    State.SIGNING: QT_TRANSLATE_NOOP("Workflow", "Signing"),
    State.SIGNED: QT_TRANSLATE_NOOP("Workflow", "Signed"),
    State.SIGNED_OFF: QT_TRANSLATE_NOOP("Workflow", "Signed off by the supervisor"),
    State.DISBURSED: QT_TRANSLATE_NOOP("Workflow", "Disbursed"),
    State.REJECTED: QT_TRANSLATE_NOOP("Workflow", "Rejected"),
    State.RETURNED: QT_TRANSLATE_NOOP("Workflow", "Returned for more information"),
    State.WITHDRAWN: QT_TRANSLATE_NOOP("Workflow", "Withdrawn"),
}

# Verbs, as the history lists the steps (the states above are participles).
_ACTION_NAMES = {
    Action.SUBMIT: QT_TRANSLATE_NOOP("Workflow", "Submit for approval"),
    Action.APPROVE: QT_TRANSLATE_NOOP("Workflow", "Approve"),
    Action.ESCALATE: QT_TRANSLATE_NOOP("Workflow", "Escalate to head office"),
    Action.REJECT: QT_TRANSLATE_NOOP("Workflow", "Reject"),
    Action.RETURN: QT_TRANSLATE_NOOP("Workflow", "Return for more information"),
    Action.WITHDRAW: QT_TRANSLATE_NOOP("Workflow", "Withdraw"),
    Action.START_SIGNING: QT_TRANSLATE_NOOP("Workflow", "Start signing"),
    Action.COMPLETE_SIGNING: QT_TRANSLATE_NOOP("Workflow", "Complete signing"),
    Action.SIGN_OFF: QT_TRANSLATE_NOOP("Workflow", "Compliance sign-off"),
    Action.VOID_SIGN_OFF: QT_TRANSLATE_NOOP("Workflow", "Void the sign-off"),
    Action.DISBURSE: QT_TRANSLATE_NOOP("Workflow", "Disburse"),
}

_STATUS_NAMES = {
    TimeStatus.OK: QT_TRANSLATE_NOOP("Workflow", "On time"),
    TimeStatus.AMBER: QT_TRANSLATE_NOOP("Workflow", "Nearly late"),
    TimeStatus.RED: QT_TRANSLATE_NOOP("Workflow", "Late"),
}

_NEXT_STEPS = {
    State.SUBMITTED: QT_TRANSLATE_NOOP("Workflow", "Approval decision"),
    State.ESCALATED: QT_TRANSLATE_NOOP("Workflow", "Head-office decision"),
    State.APPROVED: QT_TRANSLATE_NOOP("Workflow", "Start the signing"),
    State.SIGNING: QT_TRANSLATE_NOOP("Workflow", "Complete the signing"),
    State.SIGNED: QT_TRANSLATE_NOOP("Workflow", "Supervisor sign-off"),
    State.SIGNED_OFF: QT_TRANSLATE_NOOP("Workflow", "Disbursement"),
}

_EVIDENCE_NAMES = {
    EvidenceKind.PHOTO: QT_TRANSLATE_NOOP("Workflow", "Photo"),
    EvidenceKind.SCAN: QT_TRANSLATE_NOOP("Workflow", "Scan"),
    EvidenceKind.RECORDING: QT_TRANSLATE_NOOP("Workflow", "Audio/video recording"),
    EvidenceKind.NONE: QT_TRANSLATE_NOOP("Workflow", "None needed"),
}


def state_name(state: ApplicationState) -> str:
    return translate("Workflow", _STATE_NAMES[state])


def action_name(action: Action) -> str:
    return translate("Workflow", _ACTION_NAMES[action])


def evidence_name(kind: EvidenceKind) -> str:
    return translate("Workflow", _EVIDENCE_NAMES[kind])


def next_step_name(state: ApplicationState) -> str:
    text = _NEXT_STEPS.get(state)
    return translate("Workflow", text) if text else ""


def amount_text(amount: Decimal | None) -> str:
    return "" if amount is None else format_amount(amount)


def when_text(moment) -> str:
    """A stored instant in the desk's local time, to the minute."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def short_when(moment) -> str:
    """An instant of the last days, in a table cell: ``11-28 14:45``."""
    return "" if moment is None else moment.astimezone().strftime("%m-%d %H:%M")


def waited_text(waited: timedelta) -> str:
    """How long, in the largest units that still say something (days and hours…)."""
    minutes = max(int(waited.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return translate("Workflow", "{0} d {1} h").format(days, hours)
    if hours:
        return translate("Workflow", "{0} h {1} min").format(hours, minutes)
    return translate("Workflow", "{0} min").format(minutes)


def limit_text(wait: Waiting) -> str:
    limit = wait.limit
    if limit is None:
        return "—"
    if limit.unit is TimeUnit.HOURS:
        return translate("Workflow", "{0} hours").format(limit.amount)
    return translate("Workflow", "{0} working days").format(limit.amount)


def status_text(wait: Waiting) -> str:
    """``即将超时（80%）``; a dash where the state has no time limit."""
    if wait.status is None:
        return "—"
    name = translate("Workflow", _STATUS_NAMES[wait.status])
    return translate("Workflow", "{0} ({1}%)").format(name, f"{wait.used_percent:.0f}")


def tint_for(status: TimeStatus | None) -> QBrush | None:
    colour = {TimeStatus.AMBER: AMBER_TINT, TimeStatus.RED: RED_TINT}.get(status)
    return QBrush(QColor(colour)) if colour else None


def status_colour(status: TimeStatus | None) -> QBrush | None:
    colour = {TimeStatus.AMBER: AMBER_TEXT, TimeStatus.RED: RED_TEXT}.get(status)
    return QBrush(QColor(colour)) if colour else None


# --- a short list, replaced whole ----------------------------------------------------------------


class RowsModel(QAbstractTableModel):
    """The rows of one short list (a queue, a checklist) as loaded; replaced
    whole on each reload. ``columns`` are ``paged_table.Column``s whose
    titles are translated in ``context``. ``status(row)`` gives the time
    status that tints a row (and colours the column ``status_column``);
    ``tint(row)`` any other background."""

    def __init__(
        self,
        columns: Sequence[Column],
        context: str,
        *,
        status: Callable[[Any], TimeStatus | None] | None = None,
        status_column: int = -1,
        tint: Callable[[Any], QBrush | None] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self.context = context
        self.status = status
        self.status_column = status_column
        self.tint = tint
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Any:
        return self.rows[index]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(self.context, self.columns[section].title)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return self._decoration(row, index.column(), role)

    def _decoration(self, row: Any, column: int, role) -> Any:
        status = self.status(row) if self.status else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return tint_for(status) or (self.tint(row) if self.tint else None)
        if column == self.status_column and status in (TimeStatus.AMBER, TimeStatus.RED):
            if role == Qt.ItemDataRole.ForegroundRole:
                return status_colour(status)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None


def make_table(name: str, model: QAbstractTableModel, columns: Sequence[Column]) -> QTableView:
    """A read-only list: whole rows, one selected at a time, given widths,
    the last column stretching."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for number, column in enumerate(columns):
        table.setColumnWidth(number, column.width)
    return table


def title_label(text: str) -> QLabel:
    """A view's heading."""
    title = QLabel(text, objectName="view_title")
    title.setStyleSheet("font-size: 16pt; font-weight: bold;")
    return title


def hint_label(text: str, name: str = "") -> QLabel:
    """A grey line that says what a panel holds."""
    label = QLabel(text, objectName=name or None)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f6368;")
    return label


# --- what the work view shows ------------------------------------------------------------------


@dataclass(frozen=True)
class WorkItem:
    """An application waiting in a list; ``limit`` is the approver's authority
    for its product (approval and escalated queues only)."""

    waiting: Waiting
    product_name: str
    limit: ApprovalLimit | None = None

    @property
    def number(self) -> str:
        return self.waiting.application_number

    @property
    def within_authority(self) -> bool:
        amount = self.waiting.amount or Decimal(0)
        return self.limit is not None and amount <= self.limit.max_amount


@dataclass(frozen=True)
class LateItem:
    """One late (or nearly late) application in the supervisor's panel."""

    officer_name: str
    item: WorkItem


# A follow-up task this close to its due date is flagged amber in the lists.
TASK_NOTICE_DAYS = 3


@dataclass(frozen=True)
class TaskItem:
    """A follow-up task as the lists show it: with the desk's ``today`` (the
    domain clock's, read on the worker) and its officer's full name."""

    task: FollowUpTask
    today: date
    officer_name: str = ""

    @property
    def number(self) -> str:
        return self.task.loan_number

    @property
    def status(self) -> TimeStatus | None:
        """Red past its due date, amber when due within a few days."""
        days = (self.task.due_on - self.today).days
        if days < 0:
            return TimeStatus.RED
        if days <= TASK_NOTICE_DAYS:
            return TimeStatus.AMBER
        return None


@dataclass
class WorkLists:
    """Each list the user's roles call for; ``None`` for a list not shown."""

    mine: list[WorkItem] | None = None
    tasks: list[TaskItem] | None = None
    approval: list[WorkItem] | None = None
    signoff: list[WorkItem] | None = None
    escalated: list[WorkItem] | None = None
    ready: list[WorkItem] | None = None
    late: list[OfficerLateness] | None = None
    late_tasks: list[TaskItem] | None = None
    product_names: dict[str, str] = field(default_factory=dict)


def load_work(uow: Callable[[], Any], actor: User) -> WorkLists:
    """Worker thread: every list ``actor``'s roles call for.

    Queues are short at a branch (tens of applications), so each one's wait
    is read with ``waiting_status``, one small query per application.
    """
    names = product_names(uow)
    lists = WorkLists(product_names=names)
    if actor.has_role(*OFFICERS):
        lists.mine = _officer_list(uow, actor, names)
    if actor.has_role(Role.LOAN_OFFICER, Role.SUPERVISOR):
        today = uow().clock.today()
        if actor.has_role(Role.LOAN_OFFICER):
            lists.tasks = [TaskItem(t, today) for t in my_tasks(uow(), actor)]
        if actor.has_role(Role.SUPERVISOR):
            lists.late_tasks = _late_tasks(uow, actor, today)
    if actor.has_role(*APPROVERS):
        limits = approval_limits(uow())
        lists.late = late_applications(uow(), actor)
        if actor.has_role(Role.SUPERVISOR):
            lists.approval = _queue(uow, State.SUBMITTED, names, limits, actor.roles & APPROVERS)
            lists.signoff = [_item(w, names) for w in signoff_queue(uow(), actor)]
        if actor.has_role(*HEAD_OFFICE):
            lists.escalated = _queue(uow, State.ESCALATED, names, limits, HEAD_OFFICE)
    if actor.has_role(Role.TELLER):
        lists.ready = _queue(uow, State.SIGNED_OFF, names)
    return lists


def _late_tasks(uow, actor: User, today: date) -> list[TaskItem]:
    """The follow-up tasks past their due date, by officer, oldest first."""
    late = late_tasks(uow(), actor, today)
    if not late:
        return []
    staff = staff_names(uow, actor)
    return [
        TaskItem(task, today, staff.get(officer, officer))
        for officer, tasks in late.items()
        for task in tasks
    ]


def _officer_list(uow, actor: User, names: dict[str, str]) -> list[WorkItem]:
    items = []
    for state in OFFICER_STATES:
        items += _queue(uow, state, names, officer=actor.username)
    return items


def _queue(
    uow,
    state: ApplicationState,
    names: dict[str, str],
    limits: Sequence[ApprovalLimit] = (),
    roles: frozenset[Role] = frozenset(),
    officer: str | None = None,
) -> list[WorkItem]:
    """Applications in ``state`` (of ``officer`` only, if given), oldest
    first, with the approver's authority for each when ``roles`` are given."""
    return [
        _item(wait, names, authority(limits, roles, wait.product_code) if roles else None)
        for wait in applications_waiting(uow, state, officer)
    ]


def applications_waiting(uow, state: ApplicationState, officer: str | None = None) -> list[Waiting]:
    """Worker thread: the applications in ``state`` (of ``officer`` only, if
    given), each with how long it has waited, oldest first."""
    waits = [waiting_status(uow(), number) for number in _numbers_in(uow, state, officer)]
    return sorted(waits, key=lambda wait: wait.entered_at)


def _numbers_in(uow, state: ApplicationState, officer: str | None) -> list[str]:
    numbers, after = [], None
    while True:
        page = search_applications(
            uow(), state=state, officer=officer, after=after, limit=MAX_LIMIT
        )
        numbers += [hit.application_number for hit in page]
        if len(page) < MAX_LIMIT:
            return numbers
        after = page[-1].sort_key


def _item(wait: Waiting, names: dict[str, str], limit: ApprovalLimit | None = None) -> WorkItem:
    return WorkItem(wait, names.get(wait.product_code, wait.product_code), limit)


# --- columns -------------------------------------------------------------------------------------


def _col(title: str, text: Callable[[WorkItem], str], width: int, right: bool = False) -> Column:
    return Column(title, text, width, align_right=right)


# Widths that fit the view beside the navigation in a 1180-pixel window.
NUMBER = _col(QT_TRANSLATE_NOOP("WorkView", "Application no."), lambda i: i.number, 132)
CUSTOMER = _col(QT_TRANSLATE_NOOP("WorkView", "Customer"), lambda i: i.waiting.customer_name, 60)
PRODUCT = _col(QT_TRANSLATE_NOOP("WorkView", "Product"), lambda i: i.product_name, 96)
AMOUNT = _col(
    QT_TRANSLATE_NOOP("WorkView", "Amount (yuan)"),
    lambda i: amount_text(i.waiting.amount),
    100,
    right=True,
)
STATE = _col(QT_TRANSLATE_NOOP("WorkView", "State"), lambda i: state_name(i.waiting.state), 110)
OFFICER = _col(QT_TRANSLATE_NOOP("WorkView", "Officer"), lambda i: i.waiting.officer, 64)
WAITED = _col(QT_TRANSLATE_NOOP("WorkView", "Waiting"), lambda i: waited_text(i.waiting.waited), 84)
LIMIT = _col(QT_TRANSLATE_NOOP("WorkView", "Time limit"), lambda i: limit_text(i.waiting), 84)
STATUS = _col(QT_TRANSLATE_NOOP("WorkView", "Time status"), lambda i: status_text(i.waiting), 116)


def _authority_text(item: WorkItem) -> str:
    if item.limit is None:
        return translate("WorkView", "No authority set: escalate")
    if item.within_authority:
        return translate("WorkView", "Within your authority")
    return translate("WorkView", "Above your limit ({0})").format(
        format_amount(item.limit.max_amount)
    )


AUTHORITY = _col(QT_TRANSLATE_NOOP("WorkView", "Authority"), _authority_text, 150)

LATE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("WorkView", "Officer"), lambda r: r.officer_name, 80),
    Column(NUMBER.title, lambda r: r.item.number, 132),
    Column(CUSTOMER.title, lambda r: r.item.waiting.customer_name, 60),
    Column(
        QT_TRANSLATE_NOOP("WorkView", "Waiting for"),
        lambda r: next_step_name(r.item.waiting.state),
        120,
    ),
    Column(WAITED.title, lambda r: waited_text(r.item.waiting.waited), 84),
    Column(LIMIT.title, lambda r: limit_text(r.item.waiting), 84),
    Column(STATUS.title, lambda r: status_text(r.item.waiting), 116),
]


TASK_KIND = Column(
    QT_TRANSLATE_NOOP("WorkView", "Task"), lambda i: task_kind_name(i.task.kind), 110
)
TASK_LOAN = Column(
    QT_TRANSLATE_NOOP("WorkView", "Contract number"), lambda i: i.task.loan_number, 150
)
TASK_BORROWER = Column(CUSTOMER.title, lambda i: i.task.borrower_name, 70)
TASK_DUE = Column(QT_TRANSLATE_NOOP("WorkView", "Due"), lambda i: i.task.due_on.isoformat(), 96)
TASK_STATUS = Column(STATUS.title, lambda i: due_text(i.task, i.today), 116)

TASK_COLUMNS = [TASK_KIND, TASK_LOAN, TASK_BORROWER, TASK_DUE, TASK_STATUS]
LATE_TASK_COLUMNS = [
    Column(OFFICER.title, lambda i: i.officer_name or i.task.officer, 80),
    *TASK_COLUMNS,
]


@dataclass(frozen=True)
class SectionSpec:
    """One list of the work view; ``action`` (an English source text) puts a
    button named ``action_name`` under the table for the row selected."""

    key: str
    title: str
    hint: str
    columns: list[Column]
    action: str = ""
    action_name: str = ""


SECTIONS = [
    SectionSpec(
        "mine",
        QT_TRANSLATE_NOOP("WorkView", "My applications"),
        QT_TRANSLATE_NOOP(
            "WorkView",
            "Returned, approved (to sign), in signing and drafts. "
            "Double-click to open the form or the signing checklist.",
        ),
        [NUMBER, CUSTOMER, PRODUCT, AMOUNT, STATE, WAITED, LIMIT, STATUS],
    ),
    SectionSpec(
        "tasks",
        QT_TRANSLATE_NOOP("WorkView", "My follow-up tasks"),
        QT_TRANSLATE_NOOP(
            "WorkView",
            "Use-of-funds checks, revisits and collection calls on your loans, by due date. "
            "Select a task and complete it with your notes and evidence.",
        ),
        TASK_COLUMNS,
        QT_TRANSLATE_NOOP("WorkView", "Complete task…"),
        "complete_task",
    ),
    SectionSpec(
        "approval",
        QT_TRANSLATE_NOOP("WorkView", "Waiting for approval"),
        QT_TRANSLATE_NOOP(
            "WorkView",
            "Submitted applications, oldest first. Double-click to approve, escalate, "
            "return or reject.",
        ),
        [NUMBER, CUSTOMER, PRODUCT, AMOUNT, OFFICER, WAITED, STATUS, AUTHORITY],
    ),
    SectionSpec(
        "escalated",
        QT_TRANSLATE_NOOP("WorkView", "Escalated to head office"),
        QT_TRANSLATE_NOOP(
            "WorkView",
            "Applications above the branch's authority, oldest first. Double-click to decide.",
        ),
        [NUMBER, CUSTOMER, PRODUCT, AMOUNT, OFFICER, WAITED, STATUS, AUTHORITY],
    ),
    SectionSpec(
        "signoff",
        QT_TRANSLATE_NOOP("WorkView", "Waiting for the compliance sign-off"),
        QT_TRANSLATE_NOOP(
            "WorkView",
            "Signed applications, oldest first. Double-click to review the checklist "
            "and its evidence.",
        ),
        [NUMBER, CUSTOMER, PRODUCT, AMOUNT, OFFICER, WAITED, LIMIT, STATUS],
    ),
    SectionSpec(
        "ready",
        QT_TRANSLATE_NOOP("WorkView", "Ready to disburse"),
        QT_TRANSLATE_NOOP(
            "WorkView",
            "Signed off by the supervisor, oldest first. Double-click to disburse.",
        ),
        [NUMBER, CUSTOMER, PRODUCT, AMOUNT, OFFICER, WAITED, LIMIT, STATUS],
    ),
    SectionSpec(
        "late",
        QT_TRANSLATE_NOOP("WorkView", "Late or nearly late, by officer"),
        QT_TRANSLATE_NOOP(
            "WorkView",
            "Every application past 75% of its time limit, most overdue first.",
        ),
        LATE_COLUMNS,
    ),
    SectionSpec(
        "late_tasks",
        QT_TRANSLATE_NOOP("WorkView", "Late follow-up tasks, by officer"),
        QT_TRANSLATE_NOOP(
            "WorkView",
            "Follow-up tasks past their due date, each officer's oldest first. "
            "Double-click to open the loan.",
        ),
        LATE_TASK_COLUMNS,
    ),
]

MAX_VISIBLE_ROWS = 8


def _item_status(item: WorkItem) -> TimeStatus | None:
    return item.waiting.status


def _late_status(row: LateItem) -> TimeStatus | None:
    return row.item.waiting.status


def _task_status(row: TaskItem) -> TimeStatus | None:
    return row.status


_STATUS_OF = {"late": _late_status, "tasks": _task_status, "late_tasks": _task_status}


class WorkSection(QGroupBox):
    """One list of the work view: what it holds, then its table or "nothing
    waiting". ``opened(row)`` when a row is double-clicked or Enter pressed;
    ``acted(row)`` when the section's action button is pressed on a row."""

    opened = Signal(object)
    acted = Signal(object)

    def __init__(self, spec: SectionSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"{spec.key}_section")
        self.model = RowsModel(
            spec.columns,
            "WorkView",
            status=_STATUS_OF.get(spec.key, _item_status),
            status_column=[c.title for c in spec.columns].index(STATUS.title),
            parent=self,
        )
        self.table = make_table(f"{spec.key}_table", self.model, spec.columns)
        self.table.activated.connect(lambda index: self.opened.emit(self.model.row(index.row())))
        self.summary = hint_label(translate("WorkView", spec.hint), f"{spec.key}_hint")
        self.empty = QLabel(
            translate("WorkView", "Nothing waiting."), objectName=f"{spec.key}_empty"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.action_button: QPushButton | None = None
        if spec.action:
            layout.addLayout(self._action_row(spec))

    def _action_row(self, spec: SectionSpec) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        button = QPushButton(translate("WorkView", spec.action), objectName=spec.action_name)
        button.setEnabled(False)
        button.clicked.connect(self._act)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: button.setEnabled(self.selected() is not None)
        )
        self.model.modelReset.connect(lambda: button.setEnabled(self.selected() is not None))
        row.addWidget(button)
        self.action_button = button
        return row

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _act(self) -> None:
        row = self.selected()
        if row is not None:
            self.acted.emit(row)

    def set_rows(self, rows: Sequence[Any], summary: str = "") -> None:
        self.model.set_rows(rows)
        self.setTitle(
            translate("WorkView", "{0} ({1})").format(
                translate("WorkView", self.spec.title), len(rows)
            )
        )
        if summary:
            self.summary.setText(summary)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if self.action_button is not None:
            self.action_button.setVisible(bool(rows))
        self._fit_height(len(rows))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height(self.model.rowCount())

    def _fit_height(self, rows: int) -> None:
        """Tall enough for its rows, up to a few (longer lists scroll inside),
        and for the scroll bar when a narrow window needs one."""
        table = self.table
        shown = min(max(rows, 1), MAX_VISIBLE_ROWS)
        height = (
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + 2
        )
        if table.horizontalHeader().length() > table.width() - 2 * table.frameWidth():
            height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(height)


class WorkView(QWidget):
    """我的工作. Reloaded each time it is shown again and after every action
    taken from it."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("work_view")
        self.sections: dict[str, WorkSection] = {}
        self.lists: WorkLists | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        heading = QHBoxLayout()
        heading.addWidget(title_label(self.tr("My work")))
        heading.addStretch(1)
        self.updated = hint_label("", "updated")
        heading.addWidget(self.updated)
        reload_button = QPushButton(self.tr("Reload"), objectName="reload")
        reload_button.clicked.connect(self.refresh)
        heading.addWidget(reload_button)

        content = QWidget(objectName="work_sections")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(12)
        for spec in SECTIONS:
            section = WorkSection(spec, content)
            section.opened.connect(lambda row, key=spec.key: self.open_row(key, row))
            section.acted.connect(lambda row, key=spec.key: self.act_on(key, row))
            section.hide()
            self.sections[spec.key] = section
            column.addWidget(section)
        self.nothing = QLabel(self.tr("No work lists for your roles."), objectName="nothing")
        self.nothing.hide()
        column.addWidget(self.nothing)
        column.addStretch(1)
        scroll = QScrollArea(objectName="work_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self.outcome = messages.inline_label(self, "outcome")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addWidget(self.outcome)
        layout.addWidget(scroll, 1)

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: load_work(uow, actor),
            on_done=self.show_lists,
            label=self.tr("Loading your work…"),
            parent=self,
        )

    def show_lists(self, lists: WorkLists) -> None:
        self.lists = lists
        shown = 0
        for key, section in self.sections.items():
            rows = getattr(lists, key)
            section.setVisible(rows is not None)
            if rows is None:
                continue
            shown += 1
            if key == "late":
                section.set_rows(_late_rows(rows, lists.product_names), _late_summary(rows))
            elif key == "late_tasks":
                section.set_rows(rows, _late_tasks_summary(rows))
            else:
                section.set_rows(rows)
        self.nothing.setVisible(shown == 0)
        now = QLocale().toString(QDateTime.currentDateTime(), "HH:mm")
        self.updated.setText(self.tr("Updated at {0}").format(now))

    def section(self, key: str) -> WorkSection:
        return self.sections[key]

    # --- opening the next step ------------------------------------------------------------

    def open_row(self, key: str, row: Any) -> None:
        """Open the screen for the next step of the application in ``row``;
        for a follow-up task, complete it (the officer's) or open its loan."""
        if key in ("tasks", "late_tasks"):
            self.act_on(key, row)
            return
        item = row.item if isinstance(row, LateItem) else row
        opener = self._opener(key, item.waiting.state)
        if opener is not None:
            opener(item.number)
            return
        messages.show_info(
            self,
            self.tr("{0} is waiting for its officer: {1}.").format(
                item.number, next_step_name(item.waiting.state)
            ),
        )

    def _opener(self, key: str, state: ApplicationState) -> Callable[[str], None] | None:
        """The screen for ``state`` that this user works in, if any."""
        user = self.ctx.user
        if key == "mine":
            return self._edit_application if state in (State.DRAFT, State.RETURNED) else self._sign
        if state in (State.SUBMITTED, State.ESCALATED):
            return self._decide
        if state is State.SIGNED and user.has_role(Role.SUPERVISOR):
            return self._sign_off
        if state is State.SIGNED_OFF and user.has_role(Role.TELLER):
            return self._disburse
        return None

    def act_on(self, key: str, row: Any) -> None:
        """A section's action (or a double-click) on a follow-up task."""
        if key == "tasks":
            self.complete(row)
        elif key == "late_tasks":
            self._open_loan(row.task.loan_number)

    # --- completing a follow-up task ------------------------------------------------------

    def complete(self, item: TaskItem) -> None:
        """Ask for the notes and evidence of ``item`` and record it done."""
        messages.set_inline(self.outcome, "")
        self._ask_completion(TaskCompleteDialog(item.task, item.today, self))

    def _ask_completion(self, dialog: TaskCompleteDialog) -> None:
        completion = dialog.get_values()
        if completion is None:
            dialog.deleteLater()
            return
        uow, actor, task = self.ctx.uow, self.ctx.user, dialog.task
        unreadable = self.tr("The file {0} cannot be read.")

        def record() -> FollowUpTask:
            evidence = read_evidence(completion, unreadable)
            return complete_task(
                uow(), actor, task.id, completion.notes, evidence, version=task.version
            )

        self.ctx.ops.run(
            record,
            on_done=lambda done: self._completed(dialog, done),
            on_error=lambda error: self._completion_refused(dialog, completion, error),
            label=self.tr("Recording the task as done…"),
            parent=self,
        )

    def _completed(self, dialog: TaskCompleteDialog, done: FollowUpTask) -> None:
        dialog.deleteLater()
        messages.set_inline(
            self.outcome,
            self.tr("{0} of loan {1} ({2}) recorded as done.").format(
                task_kind_name(done.kind), done.loan_number, done.borrower_name
            ),
            ok=True,
        )
        self.refresh()

    def _completion_refused(
        self, dialog: TaskCompleteDialog, _completion: TaskCompletion, error: Exception
    ) -> None:
        if isinstance(error, ConcurrencyConflict | NotFound):
            # Done or changed elsewhere meanwhile: say so and show the list as it is.
            dialog.deleteLater()
            messages.show_error(self, describe_error(error))
            self.refresh()
            return
        # Missing notes or evidence, a file too large or unreadable, a lost
        # server: the same dialog comes back with everything entered.
        field = error.field if isinstance(error, ValidationError) else None
        dialog.show_problem(field, describe_error(error))
        self._ask_completion(dialog)

    # The screens import this module's helpers, so they are imported here, when needed.

    def _open_loan(self, loan_number: str) -> None:
        from desktop.dialogs.loan_detail import LoanDetailDialog

        dialog = LoanDetailDialog(self.ctx, loan_number, self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _sign(self, number: str) -> None:
        from desktop.views.signing_view import open_signing

        open_signing(self.ctx, number)

    def _sign_off(self, number: str) -> None:
        from desktop.views.signoff_view import open_signoff

        open_signoff(self.ctx, number)

    def _disburse(self, number: str) -> None:
        from desktop.views.disbursement_view import open_disbursement

        open_disbursement(self.ctx, number)

    def _decide(self, number: str) -> None:
        from desktop.dialogs.decision import decide

        decide(self.ctx, self, number, on_decided=lambda _result: self.refresh())

    def _edit_application(self, number: str) -> None:
        # The intake form belongs to the applications screen; it is imported
        # only when needed so this list opens even while that screen changes.
        from desktop.dialogs.application_edit import ApplicationEditDialog

        dialog = ApplicationEditDialog(self.ctx, self, number)
        dialog.run()
        dialog.deleteLater()
        self.refresh()


def _late_rows(lateness: list[OfficerLateness], names: dict[str, str]) -> list[LateItem]:
    return [
        LateItem(officer.officer_name, _item(wait, names))
        for officer in lateness
        for wait in officer.applications
    ]


def _late_tasks_summary(items: list[TaskItem]) -> str:
    if not items:
        return translate("WorkView", "No follow-up task is late.")
    counts: dict[str, int] = {}
    for item in items:
        name = item.officer_name or item.task.officer
        counts[name] = counts.get(name, 0) + 1
    parts = [
        translate("WorkView", "{0}: {1} late").format(name, count) for name, count in counts.items()
    ]
    return translate("WorkView", "; ").join(parts)


def _late_summary(lateness: list[OfficerLateness]) -> str:
    if not lateness:
        return translate("WorkView", "Nothing is late.")
    parts = [
        translate("WorkView", "{0}: {1} late, {2} nearly late").format(
            o.officer_name, o.late, o.nearly_late
        )
        for o in lateness
    ]
    return translate("WorkView", "; ").join(parts)


# First in the list, so every role lands on its own work list after sign-in.
navigation.register(
    "work",
    QT_TRANSLATE_NOOP("Navigation", "My work"),
    WorkView,
    order=-10,
)
