"""The life of an application after intake: approval, signing, compliance
sign-off and disbursement, as one state machine.

    draft ─submit→ submitted ─approve→ approved ─start_signing→ signing
    submitted ─escalate→ escalated ─approve→ approved
    signing ─complete_signing→ signed ─sign_off→ signed_off ─disburse→ disbursed
    submitted / escalated ─reject→ rejected, ─return→ returned ─submit→ submitted
    draft … signing ─withdraw→ withdrawn;  signed_off ─void_sign_off→ signed

``TRANSITIONS`` is the one place that says which action leads from which
state to which, and who may take it. Every use case here checks it, then
the rules of its own step, and records who, when and why (an event in the
application's history and a business event in the audit trail). A refusal
names the current state and what is missing.

The rules beside the table:

- Differential authority (差别授权): an approver approves up to the limit
  stored for his role and the product (``ApprovalLimit``); above it the
  supervisor escalates to head office.
- Four eyes: nobody approves or signs off an application on which he acted
  as officer, assisting officer, investigator or signing staff, including
  anyone who held those places before a change (``Participant``).
- Sign-off: the supervisor re-enters his password and confirms exactly the
  content he reviewed (its ``fingerprint``). Any later change of the
  application, its checklist or evidence voids the sign-off and sends the
  application back to the queue; ``disburse`` checks again before money moves.
- Time limits (时效): each waiting state has a limit (a bank setting);
  ``waiting_status`` and ``late_applications`` show who is late.

Use cases take a unit of work with the repositories ``applications``,
``customers``, ``products``, ``users``, ``settings``, ``base_rates``,
``spreads``, ``workflow``, ``approval_limits``, ``checklists``,
``checklist_templates`` and ``loans``, open it and commit it. Transitions
carry the ``version`` of the application the user looked at; an older copy
raises ``ConcurrencyConflict``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from domain.accounts import confirm_password
from domain.analysis import AnalysisPolicy, AnalysisSheet, AnalysisSummary
from domain.applications import (
    Application,
    ApplicationState,
    Attachment,
    find_application,
)
from domain.audit import canonical
from domain.checklist import (
    Checklist,
    SigningRecord,
    build_checklist,
    check_staff_present,
    load_checklist,
    template_for,
)
from domain.customers import Customer, limited_text
from domain.errors import (
    ConcurrencyConflict,
    DomainError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from domain.loans import Disbursement, Loan, next_loan_number, open_loan, read_disbursement
from domain.money import format_amount, parse_amount
from domain.paperwork import add_working_days
from domain.pricing import RiskGrade, price
from domain.text import normalize_input
from domain.users import Role, User

State = ApplicationState
REASON_MAX = 500

# ---------------------------------------------------------------------------
# The transition table
# ---------------------------------------------------------------------------


class Action(StrEnum):
    """What someone does to an application. Values are stored in its history."""

    SUBMIT = "submit"
    APPROVE = "approve"
    ESCALATE = "escalate"
    REJECT = "reject"
    RETURN = "return"
    WITHDRAW = "withdraw"
    START_SIGNING = "start_signing"
    COMPLETE_SIGNING = "complete_signing"
    SIGN_OFF = "sign_off"
    VOID_SIGN_OFF = "void_sign_off"
    DISBURSE = "disburse"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.SUBMIT: "提交审批",
    Action.APPROVE: "审批通过",
    Action.ESCALATE: "上报总行审批",
    Action.REJECT: "否决",
    Action.RETURN: "退回补充资料",
    Action.WITHDRAW: "撤回",
    Action.START_SIGNING: "开始面签",
    Action.COMPLETE_SIGNING: "完成面签",
    Action.SIGN_OFF: "合规确认",
    Action.VOID_SIGN_OFF: "作废合规确认",
    Action.DISBURSE: "放款",
}

OFFICERS = frozenset({Role.LOAN_OFFICER, Role.ASSISTING_OFFICER})
APPROVERS = frozenset({Role.SUPERVISOR, Role.HEAD_OFFICE_APPROVER})
HEAD_OFFICE = frozenset({Role.HEAD_OFFICE_APPROVER})
SUPERVISORS = frozenset({Role.SUPERVISOR})
TELLERS = frozenset({Role.TELLER})
# A sign-off is voided by whoever changed what it covered, whatever his role.
ANYONE = frozenset(Role)


@dataclass(frozen=True)
class Transition:
    """From ``source``, ``action`` leads to ``target``; ``roles`` may take it."""

    source: ApplicationState
    action: Action
    target: ApplicationState
    roles: frozenset[Role]


def _table(*rows: Transition) -> dict[tuple[ApplicationState, Action], Transition]:
    return {(t.source, t.action): t for t in rows}


TRANSITIONS = _table(
    Transition(State.DRAFT, Action.SUBMIT, State.SUBMITTED, OFFICERS),
    Transition(State.RETURNED, Action.SUBMIT, State.SUBMITTED, OFFICERS),
    Transition(State.SUBMITTED, Action.APPROVE, State.APPROVED, APPROVERS),
    Transition(State.ESCALATED, Action.APPROVE, State.APPROVED, HEAD_OFFICE),
    Transition(State.SUBMITTED, Action.ESCALATE, State.ESCALATED, SUPERVISORS),
    Transition(State.SUBMITTED, Action.REJECT, State.REJECTED, APPROVERS),
    Transition(State.ESCALATED, Action.REJECT, State.REJECTED, HEAD_OFFICE),
    Transition(State.SUBMITTED, Action.RETURN, State.RETURNED, APPROVERS),
    Transition(State.ESCALATED, Action.RETURN, State.RETURNED, HEAD_OFFICE),
    Transition(State.DRAFT, Action.WITHDRAW, State.WITHDRAWN, OFFICERS),
    Transition(State.SUBMITTED, Action.WITHDRAW, State.WITHDRAWN, OFFICERS),
    Transition(State.ESCALATED, Action.WITHDRAW, State.WITHDRAWN, OFFICERS),
    Transition(State.RETURNED, Action.WITHDRAW, State.WITHDRAWN, OFFICERS),
    Transition(State.APPROVED, Action.WITHDRAW, State.WITHDRAWN, OFFICERS),
    Transition(State.SIGNING, Action.WITHDRAW, State.WITHDRAWN, OFFICERS),
    Transition(State.APPROVED, Action.START_SIGNING, State.SIGNING, OFFICERS),
    Transition(State.SIGNING, Action.COMPLETE_SIGNING, State.SIGNED, OFFICERS),
    Transition(State.SIGNED, Action.SIGN_OFF, State.SIGNED_OFF, SUPERVISORS),
    Transition(State.SIGNED_OFF, Action.VOID_SIGN_OFF, State.SIGNED, ANYONE),
    Transition(State.SIGNED_OFF, Action.DISBURSE, State.DISBURSED, TELLERS),
)

# How far along the main path each state is, to tell "not yet" from "no longer".
_PROGRESS = {
    State.DRAFT: 0,
    State.RETURNED: 0,
    State.SUBMITTED: 1,
    State.ESCALATED: 2,
    State.APPROVED: 3,
    State.SIGNING: 4,
    State.SIGNED: 5,
    State.SIGNED_OFF: 6,
    State.DISBURSED: 7,
}
CLOSED = frozenset({State.REJECTED, State.WITHDRAWN})

# What must happen first, for an application not yet far enough along.
_NEEDED_FIRST = {
    Action.APPROVE: "需先提交审批才能审批",
    Action.ESCALATE: "需先提交审批才能上报总行",
    Action.REJECT: "需先提交审批才能否决",
    Action.RETURN: "需先提交审批才能退回补充资料",
    Action.START_SIGNING: "需先审批通过才能开始面签",
    Action.COMPLETE_SIGNING: "需先开始面签才能完成面签",
    Action.SIGN_OFF: "需先完成面签才能进行合规确认",
    Action.VOID_SIGN_OFF: "尚未经主管合规确认，无需作废",
    Action.DISBURSE: "需经主管合规确认后才能放款",
}


class TransitionRefused(DomainError):
    """The application is not in a state where the action can be taken."""

    def __init__(self, application_number: str, state: ApplicationState, action: Action):
        self.state, self.action = state, action
        super().__init__(
            f"申请 {application_number} 当前状态为“{state.label}”，{_missing(state, action)}"
        )


def _missing(state: ApplicationState, action: Action) -> str:
    if state in CLOSED:
        return f"已办结，不能再{action.label}"
    sources = [s for (s, a) in TRANSITIONS if a is action]
    if sources and _PROGRESS[state] < min(_PROGRESS[s] for s in sources):
        return _NEEDED_FIRST.get(action, f"还不能{action.label}")
    return f"不能再{action.label}"


def transition_for(
    application_number: str, state: ApplicationState, action: Action, actor: User
) -> Transition:
    """The transition ``actor`` takes by ``action`` from ``state``.

    ``TransitionRefused`` when the table has no such transition (the message
    names the current state and what is missing); ``PermissionDenied`` when
    the actor holds none of its roles or his account is disabled. Pure.
    """
    transition = TRANSITIONS.get((state, action))
    if transition is None:
        raise TransitionRefused(application_number, state, action)
    actor.require(
        *sorted(transition.roles, key=list(Role).index),
        doing=f"{action.label}（申请 {application_number}，当前状态为“{state.label}”）",
    )
    return transition


def allowed_actions(state: ApplicationState, actor: User) -> list[Action]:
    """The actions ``actor``'s roles allow from ``state``, in table order, for
    the screens to offer; the use cases still check everything else. Pure."""
    if not actor.active:
        return []
    return [
        t.action
        for t in TRANSITIONS.values()
        if t.source is state and actor.has_role(*t.roles) and t.action is not Action.VOID_SIGN_OFF
    ]


# ---------------------------------------------------------------------------
# History and participants
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkflowEvent:
    """One step in an application's history: who did what, when and why."""

    at: datetime
    actor: str
    action: Action
    from_state: ApplicationState
    to_state: ApplicationState
    note: str = ""
    application_id: int | None = None


class Capacity(StrEnum):
    """In what capacity someone worked on an application."""

    PREPARED = "prepared"
    OFFICER = "officer"
    ASSISTING_OFFICER = "assisting_officer"
    INVESTIGATOR = "investigator"
    SIGNING_STAFF = "signing_staff"

    @property
    def label(self) -> str:
        return _CAPACITY_LABELS[self]


_CAPACITY_LABELS = {
    Capacity.PREPARED: "申请录入人",
    Capacity.OFFICER: "主办客户经理",
    Capacity.ASSISTING_OFFICER: "辅助信贷员",
    Capacity.INVESTIGATOR: "实地调查人员",
    Capacity.SIGNING_STAFF: "面签在场人员",
}


@dataclass(frozen=True)
class Participant:
    """Someone who worked on the application, remembered for good."""

    username: str
    capacity: Capacity
    since: datetime | None = None


def current_participants(
    application: Application, signing_staff: Iterable[str] = ()
) -> set[tuple[str, Capacity]]:
    """Who the application names now as its officers, investigators and
    signing staff. Pure."""
    named = {
        (application.officer, Capacity.OFFICER),
        (application.assisting_officer, Capacity.ASSISTING_OFFICER),
        *((s, Capacity.SIGNING_STAFF) for s in signing_staff),
    }
    visit = application.investigation
    if visit is not None:
        named |= {
            (visit.officer, Capacity.INVESTIGATOR),
            (visit.assisting_officer, Capacity.INVESTIGATOR),
        }
    return {(name, capacity) for name, capacity in named if name}


def remember_participants(
    uow, application: Application, people: Iterable[tuple[str, Capacity]]
) -> None:
    """Inside an open unit of work: keep ``people`` among the application's
    participants (each once per capacity, from now on)."""
    uow.workflow.add_participants(application.id, sorted(set(people)), uow.clock.now())


def record_submission(
    uow, actor: User, application: Application, previous: ApplicationState
) -> None:
    """Inside ``submit_application``'s unit of work: the submission's history
    event, and everyone who prepared, leads or investigated the application
    as it stands now. A later change of officer keeps these on record."""
    people = current_participants(application)
    if application.created_by:
        people.add((application.created_by, Capacity.PREPARED))
    remember_participants(uow, application, people)
    _event(uow, actor, application, Action.SUBMIT, previous, application.state, "")


def participants_of(uow, application: Application) -> dict[str, set[Capacity]]:
    """Inside an open unit of work: everyone who ever worked on the
    application, past and present, with the capacities they held."""
    signing = uow.workflow.signing(application.id)
    found: dict[str, set[Capacity]] = defaultdict(set)
    for name, capacity in current_participants(application, signing.staff if signing else ()):
        found[name].add(capacity)
    for p in uow.workflow.participants(application.id):
        found[p.username].add(p.capacity)
    return found


def application_history(uow, application_number: str) -> list[WorkflowEvent]:
    """Every step of the application, oldest first."""
    with uow:
        application = find_application(uow, application_number)
        return uow.workflow.events(application.id)


# ---------------------------------------------------------------------------
# Four eyes
# ---------------------------------------------------------------------------


class FourEyesViolation(PermissionDenied):
    """The actor worked on the application he is asked to approve or sign off."""


def refuse_own_work(
    actor: User, application_number: str, participants: dict[str, set[Capacity]], action: Action
) -> None:
    """``FourEyesViolation`` if ``actor`` is among ``participants``. Pure."""
    held = participants.get(actor.username)
    if held:
        capacities = "、".join(c.label for c in sorted(held, key=list(Capacity).index))
        raise FourEyesViolation(
            f"按照“四眼原则”，{actor.full_name}（{actor.username}）在申请 {application_number} "
            f"中担任过{capacities}，不能对本笔申请{action.label}，请由其他人员办理。"
        )


# ---------------------------------------------------------------------------
# Differential authority
# ---------------------------------------------------------------------------

ALL_PRODUCTS = "*"
DEFAULT_RISK_GRADE = RiskGrade.B


@dataclass(frozen=True)
class ApprovalLimit:
    """The most an approver of ``role`` may approve under ``product_code``
    (``ALL_PRODUCTS`` for every product without a limit of its own)."""

    role: Role
    product_code: str
    max_amount: Decimal
    version: int = 0


DEFAULT_APPROVAL_LIMITS = (
    ApprovalLimit(Role.SUPERVISOR, "personal-guarantee", Decimal("500000.00")),
    ApprovalLimit(Role.SUPERVISOR, "micro", Decimal("500000.00")),
    ApprovalLimit(Role.HEAD_OFFICE_APPROVER, ALL_PRODUCTS, Decimal("5000000.00")),
)


class AuthorityExceeded(PermissionDenied):
    """The amount is above what the approver may approve."""


def authority(
    limits: Iterable[ApprovalLimit], roles: Iterable[Role], product_code: str
) -> ApprovalLimit | None:
    """The highest limit ``roles`` give under ``product_code``; ``None`` when
    none. A role's own limit for the product replaces its all-products
    limit, which may be higher. Pure."""
    by_role: dict[Role, ApprovalLimit] = {}
    wanted = set(roles)
    for limit in limits:
        if limit.role not in wanted or limit.product_code not in (product_code, ALL_PRODUCTS):
            continue
        held = by_role.get(limit.role)
        if held is None or held.product_code == ALL_PRODUCTS:
            by_role[limit.role] = limit
    return max(by_role.values(), key=lambda limit: limit.max_amount, default=None)


def check_authority(
    actor: User,
    application_number: str,
    product_name: str,
    amount: Decimal,
    limit: ApprovalLimit | None,
    can_escalate: bool,
) -> None:
    """``AuthorityExceeded`` unless ``limit`` covers ``amount``; the message
    gives the limit and, where the actor may escalate, says so. Pure."""
    hint = "请上报总行审批。" if can_escalate else "请按行内规定另行报批。"
    if limit is None:
        raise AuthorityExceeded(
            f"{actor.full_name}（{actor.username}）没有{product_name}的审批权限"
            f"（未设置审批限额），不能审批申请 {application_number}，{hint}"
        )
    if amount > limit.max_amount:
        raise AuthorityExceeded(
            f"申请 {application_number} 批准金额 {format_amount(amount)} 元，超出审批权限："
            f"{limit.role.label}审批{product_name}的限额为 {format_amount(limit.max_amount)} 元，"
            f"{hint}"
        )


def approval_limits(uow) -> list[ApprovalLimit]:
    """Every stored limit, by role then product."""
    with uow:
        return uow.approval_limits.list()


def set_approval_limit(
    uow,
    actor: User,
    role: Role | str,
    product_code: str,
    max_amount: Decimal | str,
    *,
    version: int = 0,
) -> ApprovalLimit:
    """Set the limit of an approver role for a product (or ``ALL_PRODUCTS``).
    Administrator only; audited. ``version`` is the stored limit being
    edited, 0 for a new one (``ConcurrencyConflict`` otherwise)."""
    actor.require(Role.ADMINISTRATOR, doing="修改审批权限")
    role = _approver_role(role)
    code = normalize_input(product_code) or ALL_PRODUCTS
    text = format(max_amount, "f") if isinstance(max_amount, Decimal) else max_amount
    amount = parse_amount(text, "max_amount", label="审批限额")
    with uow.acting(actor.username):
        if code != ALL_PRODUCTS and uow.products.get(code) is None:
            raise NotFound(f"没有代码为“{code}”的贷款产品")
        stored = uow.approval_limits.get(role, code)
        if (stored.version if stored else 0) != version:
            raise ConcurrencyConflict(
                f"{role.label}对“{code}”的审批限额已被其他人修改，请重新加载后再操作。"
            )
        saved = uow.approval_limits.put(ApprovalLimit(role, code, amount, version))
        uow.record(
            "set_approval_limit",
            "approval_limits",
            f"{role.value}/{code}",
            {"before": None if stored is None else str(stored.max_amount), "after": str(amount)},
        )
        uow.commit()
        return saved


def remove_approval_limit(uow, actor: User, role: Role | str, product_code: str) -> None:
    """Take an approver role's authority for a product away. Administrator only; audited."""
    actor.require(Role.ADMINISTRATOR, doing="修改审批权限")
    role = _approver_role(role)
    code = normalize_input(product_code) or ALL_PRODUCTS
    with uow.acting(actor.username):
        stored = uow.approval_limits.get(role, code)
        if stored is None:
            raise NotFound(f"{role.label}对“{code}”没有设置审批限额")
        uow.approval_limits.remove(role, code)
        uow.record(
            "remove_approval_limit",
            "approval_limits",
            f"{role.value}/{code}",
            {"before": str(stored.max_amount)},
        )
        uow.commit()


def _approver_role(role: Role | str) -> Role:
    try:
        parsed = role if isinstance(role, Role) else Role(normalize_input(role))
    except ValueError:
        parsed = None
    if parsed not in APPROVERS:
        choices = "、".join(r.label for r in sorted(APPROVERS, key=list(Role).index))
        raise ValidationError(f"审批限额只能设给审批角色：{choices}", "role")
    return parsed


# ---------------------------------------------------------------------------
# Decisions: approve, escalate, reject, return, withdraw
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Approval:
    """The approval decision: the amount approved (at most the amount
    applied for), the risk grade the loan is priced on, and the authority it
    was given under."""

    approved_by: str
    approved_at: datetime
    amount: Decimal
    risk_grade: RiskGrade
    authority_role: Role
    authority_limit: Decimal
    note: str = ""
    application_id: int | None = None


def approval_of(uow, application_number: str) -> Approval | None:
    """The approval decision on an application, or None before approval: the
    teller disburses at most its amount, and every desk may see it."""
    with uow:
        application = find_application(uow, application_number)
        return uow.workflow.approval(application.id)


def approve(
    uow,
    actor: User,
    application_number: str,
    version: int,
    note: str = "",
    *,
    amount: Decimal | str | None = None,
    risk_grade: RiskGrade | str | None = None,
) -> Application:
    """Approve the application, within the actor's authority.

    Supervisors approve submitted applications, head office submitted and
    escalated ones. ``amount`` (default: the amount applied for) may be
    lower than applied for, never higher; ``risk_grade`` (default B) prices
    the loan at disbursement. Refused: ``TransitionRefused``,
    ``PermissionDenied``, ``ConcurrencyConflict``, ``FourEyesViolation``
    (the actor worked on it), ``AuthorityExceeded`` (above his limit, which
    the message gives: escalate instead).
    """
    text = _note(note)
    grade = _grade(risk_grade)
    with uow.acting(actor.username):
        application = find_application(uow, application_number)
        number = application.application_number
        move = transition_for(number, application.state, Action.APPROVE, actor)
        _expect_version(application, version)
        refuse_own_work(actor, number, participants_of(uow, application), Action.APPROVE)
        approved = _approved_amount(application, amount)
        roles = move.roles & actor.roles
        limit = authority(uow.approval_limits.list(), roles, application.product_code)
        can_escalate = application.state is State.SUBMITTED and Role.SUPERVISOR in roles
        check_authority(
            actor, number, _product_name(uow, application), approved, limit, can_escalate
        )
        now = uow.clock.now()
        uow.workflow.save_approval(
            Approval(
                actor.username,
                now,
                approved,
                grade,
                limit.role,
                limit.max_amount,
                text,
                application.id,
            )
        )
        saved = _move(
            uow,
            actor,
            application,
            move,
            text,
            {"amount": str(approved), "risk_grade": grade.value, "limit": str(limit.max_amount)},
        )
        uow.commit()
        return saved


def escalate(
    uow, actor: User, application_number: str, version: int, note: str = ""
) -> Application:
    """The supervisor passes a submitted application to the head-office
    credit approver (above his authority, or for a second view)."""
    return _decide(uow, actor, application_number, version, Action.ESCALATE, _note(note))


def reject(uow, actor: User, application_number: str, version: int, reason: str) -> Application:
    """Refuse the application for good; ``reason`` is required."""
    why = _reason(reason, "否决原因")
    return _decide(uow, actor, application_number, version, Action.REJECT, why)


def return_for_information(
    uow, actor: User, application_number: str, version: int, reason: str
) -> Application:
    """Send the application back to its officer for more information; he
    edits it and submits it again. ``reason`` (what is missing) is required."""
    why = _reason(reason, "退回原因（需补充的内容）")
    return _decide(uow, actor, application_number, version, Action.RETURN, why)


def withdraw(uow, actor: User, application_number: str, version: int, reason: str) -> Application:
    """The customer withdraws: one of the application's officers records it,
    with the ``reason``, any time before the signing is complete."""
    why = _reason(reason, "撤回原因")
    return _decide(uow, actor, application_number, version, Action.WITHDRAW, why)


def _decide(
    uow, actor: User, application_number: str, version: int, action: Action, note: str
) -> Application:
    with uow.acting(actor.username):
        application = find_application(uow, application_number)
        move = transition_for(application.application_number, application.state, action, actor)
        _expect_version(application, version)
        if move.roles == OFFICERS:
            _require_on_application(actor, application, action)
        saved = _move(uow, actor, application, move, note)
        uow.commit()
        return saved


# ---------------------------------------------------------------------------
# Signing
# ---------------------------------------------------------------------------


class SigningIncomplete(DomainError):
    """The signing cannot be completed; ``missing`` lists what is open."""

    def __init__(self, application_number: str, missing: list[str]):
        self.missing = list(missing)
        lines = "\n".join(f"{i}. {m}" for i, m in enumerate(self.missing, 1))
        super().__init__(
            f"申请 {application_number} 还不能完成面签，以下必办事项尚未完成：\n{lines}"
        )


def start_signing(
    uow,
    actor: User,
    application_number: str,
    version: int,
    *,
    staff_present: tuple[str, str] | None = None,
) -> Checklist:
    """Open the signing of an approved application: its checklist is made
    from the product's template (conditional items for the spouse, each
    guarantor and group member) and the two staff present are recorded
    (default: the officer and the assisting officer). The application's
    officers only. Returns the checklist."""
    with uow.acting(actor.username):
        application = find_application(uow, application_number)
        move = transition_for(
            application.application_number, application.state, Action.START_SIGNING, actor
        )
        _expect_version(application, version)
        _require_on_application(actor, application, Action.START_SIGNING)
        first, second = staff_present or (application.officer, application.assisting_officer)
        staff = check_staff_present(uow, first or "", second or "")
        customer = uow.customers.get(application.customer_id)
        items = build_checklist(template_for(uow, application.product_code), customer, application)
        uow.checklists.add_items(application.id, items)
        now = uow.clock.now()
        uow.workflow.save_signing(
            SigningRecord(now, actor.username, staff, application_id=application.id)
        )
        remember_participants(uow, application, [(s, Capacity.SIGNING_STAFF) for s in staff])
        saved = _move(
            uow, actor, application, move, "", {"staff": list(staff), "items": len(items)}
        )
        checklist = load_checklist(uow, saved)
        uow.commit()
        return checklist


def complete_signing(uow, actor: User, application_number: str, version: int) -> Application:
    """Close the signing. Refused with ``SigningIncomplete`` listing every
    mandatory item not confirmed or without its evidence, and the staff
    present if they are not two different officers."""
    with uow.acting(actor.username):
        application = find_application(uow, application_number)
        move = transition_for(
            application.application_number, application.state, Action.COMPLETE_SIGNING, actor
        )
        _expect_version(application, version)
        _require_on_application(actor, application, Action.COMPLETE_SIGNING)
        checklist = load_checklist(uow, application)
        missing = checklist.open_items()
        signing = checklist.signing
        try:
            check_staff_present(uow, *signing.staff)
        except ValidationError as error:
            missing.append(f"面签在场人员：{error}")
        if missing:
            raise SigningIncomplete(application.application_number, missing)
        signing.completed_at, signing.completed_by = uow.clock.now(), actor.username
        uow.workflow.save_signing(signing)
        saved = _move(uow, actor, application, move, "", {"items": len(checklist.items)})
        uow.commit()
        return saved


# ---------------------------------------------------------------------------
# Compliance sign-off
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SignOff:
    """The supervisor's compliance sign-off over content with ``fingerprint``.
    A void one (``voided_at`` set) no longer counts; ``void_reason`` says why."""

    signed_off_by: str
    signed_off_at: datetime
    fingerprint: str
    opinion: str = ""
    voided_at: datetime | None = None
    voided_by: str | None = None
    void_reason: str = ""
    application_id: int | None = None
    id: int | None = None

    @property
    def void(self) -> bool:
        return self.voided_at is not None


class ReviewOutdated(DomainError):
    """What the supervisor reviewed is no longer what is on file."""


def review_content(
    application: Application,
    customer: Customer,
    approval: Approval | None,
    checklist: Checklist,
    attachments: Sequence[Attachment],
) -> dict[str, Any]:
    """Everything a sign-off covers, as plain values: the application and its
    borrower as approved, the approval, the signing and its checklist with
    each evidence's hash, and the hashes of the application's files. Not its
    state or version, which the sign-off itself changes. Pure."""
    signing = checklist.signing
    return {
        "application": _application_content(application),
        "borrower": {
            "name": customer.name,
            "id_number": customer.id_number,
            "phone": customer.phone,
            "address": customer.address,
            "marital_status": customer.marital_status.value,
            "spouse_name": customer.spouse_name,
            "spouse_id_number": customer.spouse_id_number,
        },
        "approval": None if approval is None else _plain(approval, exclude={"application_id"}),
        "signing": None if signing is None else _plain(signing, exclude={"application_id", "id"}),
        "checklist": [
            {
                **_plain(item, exclude={"id", "evidence"}),
                "evidence": [_plain(e, exclude={"id", "attachment_id"}) for e in item.evidence],
            }
            for item in checklist.items
        ],
        "files": sorted([a.sha256, a.file_name] for a in attachments),
    }


def _application_content(application: Application) -> dict[str, Any]:
    content = _plain(
        application,
        exclude={
            "state",
            "version",
            "updated_at",
            "submitted_at",
            "id",
            "created_at",
            "created_by",
        },
    )
    content["guarantors"] = [vars(g) for g in application.guarantors]
    content["group_members"] = [vars(m) for m in application.group_members]
    content["collaterals"] = [vars(c) for c in application.collaterals]
    company = application.guarantee_company
    content["guarantee_company"] = None if company is None else vars(company)
    content["investigation"] = (
        None if application.investigation is None else vars(application.investigation)
    )
    return content


def _plain(record: Any, exclude: set[str] = frozenset()) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in exclude}


def fingerprint_of(content: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical rendering of ``review_content``. Pure.

    Amounts are compared by value (``1.0`` and ``1.00`` are the same amount)
    and instants in UTC, so the same content read back from either database
    gives the same fingerprint.
    """
    return hashlib.sha256(canonical(_stable(content)).encode("utf-8")).hexdigest()


def _stable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value


def current_fingerprint(uow, application: Application) -> str:
    """Inside an open unit of work: the fingerprint of what is on file now."""
    return fingerprint_of(
        review_content(
            application,
            uow.customers.get(application.customer_id),
            uow.workflow.approval(application.id),
            load_checklist(uow, application),
            uow.applications.attachments(application.id),
        )
    )


@dataclass(frozen=True)
class SignoffView:
    """Everything the sign-off screen shows, with the ``fingerprint`` to hand
    back to ``sign_off``. ``signoffs`` are the earlier sign-offs, void ones
    included, oldest first."""

    application: Application
    customer: Customer
    product_name: str
    approval: Approval | None
    analysis: AnalysisSummary | None
    checklist: Checklist
    attachments: list[Attachment]
    history: list[WorkflowEvent]
    signoffs: list[SignOff]
    waiting: Waiting
    fingerprint: str


def signoff_queue(uow, actor: User) -> list[Waiting]:
    """Applications waiting for the compliance sign-off (signed), oldest
    first, each with how long it has waited against its time limit."""
    actor.require(Role.SUPERVISOR, doing="查看待合规确认的申请")
    with uow:
        limits = load_time_limits(uow)
        now = uow.clock.now()
        entries = uow.workflow.waiting([State.SIGNED.value])
    return sorted((waited(e, limits, now) for e in entries), key=lambda w: w.entered_at)


def signoff_view(uow, actor: User, application_number: str) -> SignoffView:
    """What the supervisor reviews before signing off, and its fingerprint."""
    actor.require(Role.SUPERVISOR, doing="审阅面签合规情况")
    with uow:
        application = find_application(uow, application_number)
        customer = uow.customers.get(application.customer_id)
        approval = uow.workflow.approval(application.id)
        checklist = load_checklist(uow, application)
        attachments = uow.applications.attachments(application.id)
        content = review_content(application, customer, approval, checklist, attachments)
        limits = load_time_limits(uow)
        entry = uow.workflow.waiting_one(application.id)
        return SignoffView(
            application=application,
            customer=customer,
            product_name=_product_name(uow, application),
            approval=approval,
            analysis=_analysis_summary(uow, application),
            checklist=checklist,
            attachments=attachments,
            history=uow.workflow.events(application.id),
            signoffs=uow.workflow.signoffs(application.id),
            waiting=waited(entry, limits, uow.clock.now()),
            fingerprint=fingerprint_of(content),
        )


def sign_off(
    uow,
    actor: User,
    application_number: str,
    password: str,
    reviewed_fingerprint: str,
    *,
    opinion: str = "",
) -> SignOff:
    """The supervisor confirms the signing was compliant; money may then move.

    Asks for his password again (a wrong one counts as a failed sign-in:
    ``AuthenticationFailed``). Refused: ``TransitionRefused`` unless signed,
    ``FourEyesViolation`` if he worked on it (signing staff included),
    ``ReviewOutdated`` when the content changed since he reviewed it (its
    fingerprint differs from ``reviewed_fingerprint``), and
    ``ConcurrencyConflict`` when another supervisor signed it off first:
    of two at once exactly one succeeds.
    """
    actor.require(Role.SUPERVISOR, doing="进行合规确认")
    text = _note(opinion)
    confirmed = confirm_password(uow, actor.username, password)
    with uow.acting(confirmed.username):
        application = find_application(uow, application_number)
        number = application.application_number
        move = transition_for(number, application.state, Action.SIGN_OFF, confirmed)
        refuse_own_work(confirmed, number, participants_of(uow, application), Action.SIGN_OFF)
        try:
            # Locks the row, checks the version and updates it conditionally:
            # a second sign-off in flight waits here, then finds it changed.
            saved = _move(uow, confirmed, application, move, text)
        except ConcurrencyConflict:
            raise ConcurrencyConflict(
                f"申请 {number} 刚刚已被其他人处理（可能已由另一位主管完成合规确认），请刷新后查看。"
            ) from None
        # Computed under the lock: nothing can change between this and the commit.
        fingerprint = current_fingerprint(uow, saved)
        if fingerprint != reviewed_fingerprint:
            raise ReviewOutdated(f"申请 {number} 的内容在您审阅后已被修改，请重新审阅。")
        signoff = uow.workflow.add_signoff(
            SignOff(confirmed.username, uow.clock.now(), fingerprint, text, application_id=saved.id)
        )
        uow.commit()
        return signoff


def void_changed_sign_off(uow, actor: User, application: Application, what: str) -> bool:
    """Inside an edit's unit of work, after the edit: if the application is
    signed off and what it covers no longer matches, void the sign-off and
    put the application back in the sign-off queue (signed). ``what`` says
    what changed. True when a sign-off was voided."""
    fresh = uow.workflow.lock_application(application.id)
    if fresh.state is not State.SIGNED_OFF:
        return False
    signoff = uow.workflow.current_signoff(fresh.id)
    if signoff is not None and current_fingerprint(uow, fresh) == signoff.fingerprint:
        return False
    _void(uow, actor, fresh, f"合规确认后内容被修改：{what}")
    return True


def _void(uow, actor: User, application: Application, reason: str) -> Application:
    move = TRANSITIONS[(State.SIGNED_OFF, Action.VOID_SIGN_OFF)]
    signoff = uow.workflow.current_signoff(application.id)
    if signoff is not None:
        uow.workflow.void_signoff(signoff.id, uow.clock.now(), actor.username, reason[:200])
    return _move(uow, actor, application, move, reason)


# ---------------------------------------------------------------------------
# Disbursement
# ---------------------------------------------------------------------------


class SignOffVoided(DomainError):
    """The sign-off no longer covers what is on file; it has been voided."""


def disburse(
    uow, actor: User, application_number: str, version: int, disbursement: Disbursement
) -> Loan:
    """The teller pays out a signed-off application and opens its loan.

    The sign-off is checked against the content first: if anything changed
    since, the sign-off is voided (and that is saved), the application goes
    back to the sign-off queue and ``SignOffVoided`` is raised. Otherwise the
    entries are checked (``FormErrors``: the amount never above the approved
    amount, the date between sign-off and today, accounts), the rate is
    priced for the application date and the approved risk grade, and the
    loan is stored with its schedule fixed from the disbursement date.
    """
    with uow.acting(actor.username):
        application = uow.workflow.lock_application(find_application(uow, application_number).id)
        number = application.application_number
        move = transition_for(number, application.state, Action.DISBURSE, actor)
        _expect_version(application, version)
        signoff = uow.workflow.current_signoff(application.id)
        if signoff is None or current_fingerprint(uow, application) != signoff.fingerprint:
            _void(uow, actor, application, "放款前核对发现合规确认后内容已被修改")
            uow.commit()
            raise SignOffVoided(
                f"申请 {number} 的内容在主管合规确认后已被修改，合规确认已作废，"
                "申请已退回待合规确认，请主管重新审阅确认后再放款。"
            )
        approval = uow.workflow.approval(application.id)
        if approval is None:
            raise DomainError(f"申请 {number} 没有审批记录（批准金额、风险等级），不能放款。")
        terms = read_disbursement(
            disbursement,
            approved_amount=approval.amount,
            earliest=signoff.signed_off_at.astimezone().date(),
            today=uow.clock.today(),
            method=application.repayment_method,
        )
        pricing = price(
            application.product_code,
            approval.risk_grade,
            application.created_at.astimezone().date(),
            application.months,
            uow.base_rates.history(),
            uow.spreads.table(),
        )
        product = uow.products.get(application.product_code)
        loan, schedule = open_loan(
            loan_number=next_loan_number(uow, terms.disbursed_on),
            application=application,
            borrower_name=uow.customers.get(application.customer_id).name,
            risk_grade=approval.risk_grade,
            pricing=pricing,
            terms=terms,
            disbursed_at=uow.clock.now(),
            disbursed_by=actor.username,
            penalty_uplift=product.penalty_uplift,
            misuse_penalty_uplift=product.misuse_penalty_uplift,
        )
        saved_loan = uow.loans.add(loan, schedule)
        # The servicing account in the same transaction, so the new loan is
        # in the register (and its use-of-funds check on the officer's list)
        # at once. Imported here: servicing builds on this module.
        from domain.servicing import open_new_accounts

        open_new_accounts(uow, actor.username, loan_numbers=[loan.loan_number])
        detail = {
            "loan_number": loan.loan_number,
            "amount": str(loan.amount),
            "annual_rate": str(loan.annual_rate),
            "payment": loan.payment_mode.value,
            "total_interest": str(schedule.total_interest),
        }
        _move(uow, actor, application, move, "", detail)
        uow.commit()
        return saved_loan


# ---------------------------------------------------------------------------
# Time limits (时效)
# ---------------------------------------------------------------------------

TIME_LIMITS_SETTING = "time_limits"
AMBER_PERCENT = Decimal("75")


class TimeUnit(StrEnum):
    HOURS = "hours"
    WORKING_DAYS = "working_days"

    @property
    def label(self) -> str:
        return "小时" if self is TimeUnit.HOURS else "个工作日"


class TimeStatus(StrEnum):
    OK = "ok"
    AMBER = "amber"
    RED = "red"

    @property
    def label(self) -> str:
        return {"ok": "正常", "amber": "即将超时", "red": "已超时"}[self.value]


@dataclass(frozen=True)
class TimeLimit:
    """How long an application may wait in ``state`` for the next step."""

    state: ApplicationState
    amount: int
    unit: TimeUnit

    @property
    def label(self) -> str:
        return f"{self.amount} {self.unit.label}"

    @property
    def next_step(self) -> str:
        return _NEXT_STEP[self.state]


_NEXT_STEP = {
    State.SUBMITTED: "审批决定",
    State.ESCALATED: "总行审批决定",
    State.APPROVED: "开始面签",
    State.SIGNING: "完成面签",
    State.SIGNED: "主管合规确认",
    State.SIGNED_OFF: "放款",
}

DEFAULT_TIME_LIMITS = (
    TimeLimit(State.SUBMITTED, 3, TimeUnit.WORKING_DAYS),
    TimeLimit(State.ESCALATED, 5, TimeUnit.WORKING_DAYS),
    TimeLimit(State.APPROVED, 5, TimeUnit.WORKING_DAYS),
    TimeLimit(State.SIGNING, 1, TimeUnit.WORKING_DAYS),
    TimeLimit(State.SIGNED, 1, TimeUnit.WORKING_DAYS),
    TimeLimit(State.SIGNED_OFF, 2, TimeUnit.WORKING_DAYS),
)


@dataclass(frozen=True)
class TimeLimits:
    """The limit of each waiting state, and the bank's holidays (dates that
    are not working days besides weekends)."""

    limits: dict[ApplicationState, TimeLimit]
    holidays: frozenset[date] = frozenset()

    def for_state(self, state: ApplicationState) -> TimeLimit | None:
        return self.limits.get(state)


def load_time_limits(uow) -> TimeLimits:
    """Inside an open unit of work: the limits in force (defaults where the
    bank has set nothing)."""
    stored = uow.settings.get(TIME_LIMITS_SETTING, {}) or {}
    limits = {limit.state: limit for limit in DEFAULT_TIME_LIMITS}
    for state, value in stored.items():
        if state in _NEXT_STEP and isinstance(value, dict):
            limits[State(state)] = TimeLimit(
                State(state), int(value["amount"]), TimeUnit(value["unit"])
            )
    holidays = frozenset(date.fromisoformat(d) for d in stored.get("holidays", []))
    return TimeLimits(limits, holidays)


def time_limits(uow) -> TimeLimits:
    """The limits in force, for the settings screen."""
    with uow:
        return load_time_limits(uow)


def set_time_limit(
    uow, actor: User, state: ApplicationState | str, amount: int, unit: TimeUnit | str
) -> TimeLimits:
    """Change the limit of one waiting state. Administrator only; audited
    (settings are)."""
    actor.require(Role.ADMINISTRATOR, doing="修改办理时效")
    state = State(state)
    if state not in _NEXT_STEP:
        raise ValidationError(f"“{state.label}”状态不设办理时效", "state")
    if isinstance(amount, bool) or not isinstance(amount, int) or not 1 <= amount <= 999:
        raise ValidationError("时效应为 1 至 999 之间的整数", "amount")
    unit = TimeUnit(unit)
    with uow.acting(actor.username):
        stored = dict(uow.settings.get(TIME_LIMITS_SETTING, {}) or {})
        stored[state.value] = {"amount": amount, "unit": unit.value}
        uow.settings.put(TIME_LIMITS_SETTING, stored)
        limits = load_time_limits(uow)
        uow.commit()
        return limits


def set_holidays(uow, actor: User, holidays: Iterable[date]) -> TimeLimits:
    """Replace the bank's holiday calendar (public holidays on weekdays), which
    working-day limits skip. Administrator only; audited (settings are)."""
    actor.require(Role.ADMINISTRATOR, doing="修改节假日")
    days = sorted({d for d in holidays})
    with uow.acting(actor.username):
        stored = dict(uow.settings.get(TIME_LIMITS_SETTING, {}) or {})
        stored["holidays"] = [d.isoformat() for d in days]
        uow.settings.put(TIME_LIMITS_SETTING, stored)
        limits = load_time_limits(uow)
        uow.commit()
        return limits


@dataclass(frozen=True)
class StateEntry:
    """An application as it waits in its state, from storage."""

    application_number: str
    customer_name: str
    product_code: str
    amount: Decimal | None
    officer: str
    state: ApplicationState
    entered_at: datetime


@dataclass(frozen=True)
class Waiting:
    """How long an application has waited in its state, against the limit.

    ``used_percent`` is the share of the limit used (working time for limits
    in working days); ``status`` is amber from 75%, red past 100%. Without a
    limit for the state, ``limit``, ``deadline``, ``used_percent`` and
    ``status`` are ``None``.
    """

    application_number: str
    customer_name: str
    product_code: str
    amount: Decimal | None
    officer: str
    state: ApplicationState
    entered_at: datetime
    waited: timedelta
    limit: TimeLimit | None
    deadline: datetime | None
    used_percent: Decimal | None
    status: TimeStatus | None


def waited(entry: StateEntry, limits: TimeLimits, now: datetime) -> Waiting:
    """The wait of ``entry`` at ``now``. Pure."""
    limit = limits.for_state(entry.state)
    deadline = used = status = None
    if limit is not None:
        deadline = deadline_for(entry.entered_at, limit, limits.holidays)
        used = _used_percent(entry.entered_at, now, limit, limits.holidays)
        status = status_for(used)
    return Waiting(
        entry.application_number,
        entry.customer_name,
        entry.product_code,
        entry.amount,
        entry.officer,
        entry.state,
        entry.entered_at,
        now - entry.entered_at,
        limit,
        deadline,
        used,
        status,
    )


def status_for(used_percent: Decimal) -> TimeStatus:
    if used_percent > 100:
        return TimeStatus.RED
    return TimeStatus.AMBER if used_percent >= AMBER_PERCENT else TimeStatus.OK


def deadline_for(start: datetime, limit: TimeLimit, holidays: frozenset[date]) -> datetime:
    """When the limit runs out: ``amount`` hours later, or the same time of
    day ``amount`` working days later (the desk's local time). Pure."""
    if limit.unit is TimeUnit.HOURS:
        return start + timedelta(hours=limit.amount)
    local = start.astimezone()
    if not _working(local.date(), holidays):
        # Waiting begins at the start of the next working day.
        local = _midnight(add_working_days(local.date(), 1, holidays), local)
    day = add_working_days(local.date(), limit.amount, holidays)
    return datetime.combine(day, local.timetz()).astimezone(start.tzinfo)


def _used_percent(
    start: datetime, now: datetime, limit: TimeLimit, holidays: frozenset[date]
) -> Decimal:
    if limit.unit is TimeUnit.HOURS:
        spent = max((now - start).total_seconds(), 0)
        allowed = limit.amount * 3600
    else:
        spent = _working_seconds(start, now, holidays)
        allowed = limit.amount * 86400
    return (Decimal(spent) * 100 / allowed).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _working_seconds(start: datetime, end: datetime, holidays: frozenset[date]) -> float:
    """Time between ``start`` and ``end`` that falls on working days (local)."""
    start, end = start.astimezone(), end.astimezone()
    total, day = 0.0, start.date()
    while day <= end.date():
        if _working(day, holidays):
            low = max(start, _midnight(day, start))
            high = min(end, _midnight(day + timedelta(days=1), start))
            total += max((high - low).total_seconds(), 0)
        day += timedelta(days=1)
    return total


def _working(day: date, holidays: frozenset[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def _midnight(day: date, like: datetime) -> datetime:
    return datetime.combine(day, datetime.min.time(), like.tzinfo)


def waiting_status(uow, application_number: str) -> Waiting:
    """How long the application has waited in its current state."""
    with uow:
        application = find_application(uow, application_number)
        entry = uow.workflow.waiting_one(application.id)
        return waited(entry, load_time_limits(uow), uow.clock.now())


@dataclass(frozen=True)
class OfficerLateness:
    """One officer's applications that are late (red) or nearly so (amber),
    most overdue first."""

    officer: str
    officer_name: str
    applications: list[Waiting]

    @property
    def late(self) -> int:
        return sum(1 for w in self.applications if w.status is TimeStatus.RED)

    @property
    def nearly_late(self) -> int:
        return sum(1 for w in self.applications if w.status is TimeStatus.AMBER)


def late_applications(uow, actor: User) -> list[OfficerLateness]:
    """For the supervisor's dashboard: every application amber or red in a
    state with a time limit, grouped by its officer (officers by user name)."""
    actor.require(Role.SUPERVISOR, Role.HEAD_OFFICE_APPROVER, doing="查看超时的申请")
    with uow:
        limits = load_time_limits(uow)
        now = uow.clock.now()
        entries = uow.workflow.waiting([s.value for s in limits.limits])
        names = {u.username: u.full_name for u in uow.users.list()}
    grouped: dict[str, list[Waiting]] = defaultdict(list)
    for entry in entries:
        wait = waited(entry, limits, now)
        if wait.status in (TimeStatus.AMBER, TimeStatus.RED):
            grouped[entry.officer].append(wait)
    return [
        OfficerLateness(
            officer,
            names.get(officer, officer),
            sorted(items, key=lambda w: w.used_percent, reverse=True),
        )
        for officer, items in sorted(grouped.items())
    ]


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _move(
    uow,
    actor: User,
    application: Application,
    transition: Transition,
    note: str,
    detail: dict[str, Any] | None = None,
) -> Application:
    """Put ``application`` in the transition's target state: saved with its
    version checked, the step in its history and the audit trail."""
    source = application.state
    changed = replace(application, state=transition.target, updated_at=uow.clock.now())
    saved = uow.applications.update(changed)
    _event(uow, actor, saved, transition.action, source, transition.target, note)
    uow.record(
        transition.action.value,
        "applications",
        application.application_number,
        {"from": source.value, "to": transition.target.value, "note": note, **(detail or {})},
    )
    return saved


def _event(
    uow,
    actor: User,
    application: Application,
    action: Action,
    source: ApplicationState,
    target: ApplicationState,
    note: str,
) -> None:
    uow.workflow.add_event(
        WorkflowEvent(uow.clock.now(), actor.username, action, source, target, note, application.id)
    )


def _expect_version(application: Application, version: int) -> None:
    if application.version != version:
        raise ConcurrencyConflict(
            f"申请 {application.application_number} 已被其他人修改，请重新打开核对后再操作。"
        )


def _require_on_application(actor: User, application: Application, action: Action) -> None:
    if actor.username not in (application.officer, application.assisting_officer):
        raise PermissionDenied(
            f"申请 {application.application_number} 由 {application.officer} 主办，"
            f"只有主办或辅助信贷员可以{action.label}。"
        )


def _note(note: str | None) -> str:
    return limited_text(note, "note", "意见", REASON_MAX)


def _reason(reason: str | None, label: str) -> str:
    text = limited_text(reason, "reason", label, REASON_MAX)
    if not text:
        raise ValidationError(f"请填写{label}", "reason")
    return text


def _grade(grade: RiskGrade | str | None) -> RiskGrade:
    if grade is None or grade == "":
        return DEFAULT_RISK_GRADE
    try:
        return RiskGrade(normalize_input(str(grade)).upper())
    except ValueError:
        raise ValidationError(f"风险等级“{grade}”无效，可选：A、B、C、D", "risk_grade") from None


def _approved_amount(application: Application, amount: Decimal | str | None) -> Decimal:
    if amount is None or amount == "":
        return application.amount
    text = format(amount, "f") if isinstance(amount, Decimal) else amount
    approved = parse_amount(text, "amount", label="批准金额")
    if approved > application.amount:
        raise ValidationError(
            f"批准金额 {format_amount(approved)} 元不能超过申请金额 "
            f"{format_amount(application.amount)} 元",
            "amount",
        )
    return approved


def _product_name(uow, application: Application) -> str:
    product = uow.products.get(application.product_code)
    return product.name if product else application.product_code


def _analysis_summary(uow, application: Application) -> AnalysisSummary | None:
    if not application.analysis:
        return None
    try:
        policy = AnalysisPolicy.from_settings(uow.settings.get("analysis_policy"))
        return AnalysisSheet.from_dict(application.analysis).summary(policy)
    except (DomainError, ValueError, KeyError, TypeError):
        return None  # an unreadable sheet is shown as missing; submission checked it
