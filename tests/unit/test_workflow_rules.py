"""The workflow's rules without a database: the transition table (every
allowed step and every refusal with its message), authority, four eyes, the
checklist built from a template, time limits, fingerprints and the teller's
entries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.applications import Application, ApplicationState, GroupMember, Guarantor
from domain.checklist import (
    ChecklistItem,
    ChecklistTemplate,
    EvidenceKind,
    ItemScope,
    TemplateItem,
    build_checklist,
    default_template,
    validate_template,
)
from domain.customers import Customer, FormErrors, MaritalStatus
from domain.errors import PermissionDenied, ValidationError
from domain.loans import Disbursement, read_disbursement
from domain.paperwork import EntrustedPayment
from domain.schedule import RepaymentMethod
from domain.users import Role, User
from domain.workflow import (
    ALL_PRODUCTS,
    TRANSITIONS,
    Action,
    ApprovalLimit,
    AuthorityExceeded,
    Capacity,
    FourEyesViolation,
    StateEntry,
    TimeLimit,
    TimeLimits,
    TimeStatus,
    TimeUnit,
    TransitionRefused,
    allowed_actions,
    authority,
    check_authority,
    current_participants,
    deadline_for,
    fingerprint_of,
    refuse_own_work,
    transition_for,
    waited,
)

S = ApplicationState
A = Action
NO = "XW20260302-0001"


def user(*roles: Role, name: str = "someone", active: bool = True) -> User:
    return User(name, "某人", frozenset(roles), "", active=active)


EVERYONE = user(*Role)

# --- the table ------------------------------------------------------------------------

ALLOWED = {
    (S.DRAFT, A.SUBMIT): (S.SUBMITTED, {Role.LOAN_OFFICER, Role.ASSISTING_OFFICER}),
    (S.RETURNED, A.SUBMIT): (S.SUBMITTED, {Role.LOAN_OFFICER, Role.ASSISTING_OFFICER}),
    (S.SUBMITTED, A.APPROVE): (S.APPROVED, {Role.SUPERVISOR, Role.HEAD_OFFICE_APPROVER}),
    (S.ESCALATED, A.APPROVE): (S.APPROVED, {Role.HEAD_OFFICE_APPROVER}),
    (S.SUBMITTED, A.ESCALATE): (S.ESCALATED, {Role.SUPERVISOR}),
    (S.SUBMITTED, A.REJECT): (S.REJECTED, {Role.SUPERVISOR, Role.HEAD_OFFICE_APPROVER}),
    (S.ESCALATED, A.REJECT): (S.REJECTED, {Role.HEAD_OFFICE_APPROVER}),
    (S.SUBMITTED, A.RETURN): (S.RETURNED, {Role.SUPERVISOR, Role.HEAD_OFFICE_APPROVER}),
    (S.ESCALATED, A.RETURN): (S.RETURNED, {Role.HEAD_OFFICE_APPROVER}),
    **{
        (state, A.WITHDRAW): (S.WITHDRAWN, {Role.LOAN_OFFICER, Role.ASSISTING_OFFICER})
        for state in (S.DRAFT, S.SUBMITTED, S.ESCALATED, S.RETURNED, S.APPROVED, S.SIGNING)
    },
    (S.APPROVED, A.START_SIGNING): (S.SIGNING, {Role.LOAN_OFFICER, Role.ASSISTING_OFFICER}),
    (S.SIGNING, A.COMPLETE_SIGNING): (S.SIGNED, {Role.LOAN_OFFICER, Role.ASSISTING_OFFICER}),
    (S.SIGNED, A.SIGN_OFF): (S.SIGNED_OFF, {Role.SUPERVISOR}),
    (S.SIGNED_OFF, A.VOID_SIGN_OFF): (S.SIGNED, set(Role)),
    (S.SIGNED_OFF, A.DISBURSE): (S.DISBURSED, {Role.TELLER}),
}


def test_the_table_is_exactly_the_documented_workflow():
    assert {k: (t.target, set(t.roles)) for k, t in TRANSITIONS.items()} == ALLOWED


@pytest.mark.parametrize(("state", "action"), sorted(ALLOWED))
def test_every_allowed_transition_for_each_of_its_roles(state, action):
    target, roles = ALLOWED[(state, action)]
    for role in roles:
        assert transition_for(NO, state, action, user(role)).target is target


@pytest.mark.parametrize(("state", "action"), sorted(ALLOWED))
def test_every_allowed_transition_refuses_the_other_roles(state, action):
    _target, roles = ALLOWED[(state, action)]
    others = set(Role) - roles
    if not others:
        return
    with pytest.raises(PermissionDenied) as caught:
        transition_for(NO, state, action, user(*others, name="x"))
    needed = "、".join(r.label for r in Role if r in roles)
    assert str(caught.value) == (
        f"某人（x）没有{needed}权限，不能{action.label}（申请 {NO}，当前状态为“{state.label}”）。"
    )


def test_a_disabled_account_takes_no_step():
    with pytest.raises(PermissionDenied, match="已停用"):
        transition_for(NO, S.SIGNED, A.SIGN_OFF, user(Role.SUPERVISOR, active=False))


# What each action needs first, for the states that have not got that far.
NEEDED_FIRST = {
    A.APPROVE: ({S.DRAFT, S.RETURNED}, "需先提交审批才能审批"),
    A.ESCALATE: ({S.DRAFT, S.RETURNED}, "需先提交审批才能上报总行"),
    A.REJECT: ({S.DRAFT, S.RETURNED}, "需先提交审批才能否决"),
    A.RETURN: ({S.DRAFT, S.RETURNED}, "需先提交审批才能退回补充资料"),
    A.START_SIGNING: ({S.DRAFT, S.RETURNED, S.SUBMITTED, S.ESCALATED}, "需先审批通过才能开始面签"),
    A.COMPLETE_SIGNING: (
        {S.DRAFT, S.RETURNED, S.SUBMITTED, S.ESCALATED, S.APPROVED},
        "需先开始面签才能完成面签",
    ),
    A.SIGN_OFF: (
        {S.DRAFT, S.RETURNED, S.SUBMITTED, S.ESCALATED, S.APPROVED, S.SIGNING},
        "需先完成面签才能进行合规确认",
    ),
    A.VOID_SIGN_OFF: (
        {S.DRAFT, S.RETURNED, S.SUBMITTED, S.ESCALATED, S.APPROVED, S.SIGNING, S.SIGNED},
        "尚未经主管合规确认，无需作废",
    ),
    A.DISBURSE: (
        {S.DRAFT, S.RETURNED, S.SUBMITTED, S.ESCALATED, S.APPROVED, S.SIGNING, S.SIGNED},
        "需经主管合规确认后才能放款",
    ),
}


def expected_refusal(state: ApplicationState, action: Action) -> str:
    if state in (S.REJECTED, S.WITHDRAWN):
        missing = f"已办结，不能再{action.label}"
    elif state in NEEDED_FIRST.get(action, (set(), ""))[0]:
        missing = NEEDED_FIRST[action][1]
    else:
        missing = f"不能再{action.label}"
    return f"申请 {NO} 当前状态为“{state.label}”，{missing}"


REFUSED = sorted((s, a) for s in S for a in A if (s, a) not in ALLOWED)


@pytest.mark.parametrize(("state", "action"), REFUSED)
def test_every_refusal_names_the_state_and_what_is_missing(state, action):
    with pytest.raises(TransitionRefused) as caught:
        transition_for(NO, state, action, EVERYONE)

    assert str(caught.value) == expected_refusal(state, action)
    assert caught.value.state is state and caught.value.action is action


def test_the_desk_example_reads_as_the_clerk_expects():
    with pytest.raises(TransitionRefused) as caught:
        transition_for(NO, S.SUBMITTED, A.START_SIGNING, user(Role.LOAN_OFFICER))

    assert str(caught.value) == f"申请 {NO} 当前状态为“已提交”，需先审批通过才能开始面签"


def test_allowed_actions_offer_what_the_roles_permit():
    supervisor = user(Role.SUPERVISOR)
    assert allowed_actions(S.SUBMITTED, supervisor) == [A.APPROVE, A.ESCALATE, A.REJECT, A.RETURN]
    assert allowed_actions(S.ESCALATED, supervisor) == []
    assert allowed_actions(S.SIGNED_OFF, user(Role.TELLER)) == [A.DISBURSE]
    assert allowed_actions(S.SIGNED, user(Role.SUPERVISOR, active=False)) == []


# --- authority ----------------------------------------------------------------------------

LIMITS = (
    ApprovalLimit(Role.SUPERVISOR, "personal-guarantee", Decimal("500000.00")),
    ApprovalLimit(Role.SUPERVISOR, "micro", Decimal("500000.00")),
    ApprovalLimit(Role.HEAD_OFFICE_APPROVER, ALL_PRODUCTS, Decimal("5000000.00")),
    ApprovalLimit(Role.HEAD_OFFICE_APPROVER, "joint-group", Decimal("1000000.00")),
)


def test_authority_by_role_and_product():
    assert authority(LIMITS, {Role.SUPERVISOR}, "micro").max_amount == Decimal("500000.00")
    assert authority(LIMITS, {Role.SUPERVISOR}, "quick-mortgage") is None
    head = {Role.HEAD_OFFICE_APPROVER}
    assert authority(LIMITS, head, "quick-mortgage").max_amount == Decimal("5000000.00")
    # A product's own limit replaces the all-products one, even when lower.
    assert authority(LIMITS, head, "joint-group").max_amount == Decimal("1000000.00")
    both = {Role.SUPERVISOR, Role.HEAD_OFFICE_APPROVER}
    assert authority(LIMITS, both, "micro").role is Role.HEAD_OFFICE_APPROVER


def test_above_the_limit_is_refused_with_the_limit_in_the_message():
    chen = User("chen", "陈主管", frozenset({Role.SUPERVISOR}), "")
    limit = authority(LIMITS, {Role.SUPERVISOR}, "micro")
    check_authority(chen, NO, "小微贷款", Decimal("500000.00"), limit, True)

    with pytest.raises(AuthorityExceeded) as caught:
        check_authority(chen, NO, "小微贷款", Decimal("500000.01"), limit, True)
    assert str(caught.value) == (
        f"申请 {NO} 批准金额 500,000.01 元，超出审批权限：业务主管审批小微贷款的限额为 "
        "500,000.00 元，请上报总行审批。"
    )
    with pytest.raises(AuthorityExceeded, match="没有快速抵押贷款的审批权限"):
        check_authority(chen, NO, "快速抵押贷款", Decimal("1"), None, True)


# --- four eyes ------------------------------------------------------------------------------


def application(**changes) -> Application:
    values = {
        "application_number": NO,
        "customer_id": 1,
        "product_code": "micro",
        "officer": "li",
        "assisting_officer": "wang",
        "amount": Decimal("150000.00"),
        "months": 12,
        "repayment_method": RepaymentMethod.EQUAL_INSTALLMENT,
        "due_day": 20,
    }
    return Application(**{**values, **changes})


def test_nobody_approves_what_he_worked_on():
    named = current_participants(application(), signing_staff=("li", "zhao"))
    participants: dict[str, set[Capacity]] = {}
    for name, capacity in named:
        participants.setdefault(name, set()).add(capacity)
    li = User("li", "李信贷", frozenset({Role.LOAN_OFFICER, Role.SUPERVISOR}), "")

    with pytest.raises(FourEyesViolation) as caught:
        refuse_own_work(li, NO, participants, Action.APPROVE)
    assert str(caught.value) == (
        f"按照“四眼原则”，李信贷（li）在申请 {NO} 中担任过主办客户经理、面签在场人员，"
        "不能对本笔申请审批通过，请由其他人员办理。"
    )
    zhao = User("zhao", "赵", frozenset({Role.SUPERVISOR}), "")
    with pytest.raises(FourEyesViolation, match="面签在场人员"):
        refuse_own_work(zhao, NO, participants, Action.SIGN_OFF)
    refuse_own_work(
        User("chen", "陈", frozenset({Role.SUPERVISOR}), ""), NO, participants, A.SIGN_OFF
    )


# --- the checklist ---------------------------------------------------------------------------


def customer(married: bool) -> Customer:
    return Customer(
        "张三",
        "320124198505150011",
        "13800000001",
        "溧水",
        MaritalStatus.MARRIED if married else MaritalStatus.SINGLE,
        "李四" if married else None,
        "320124198605150022" if married else None,
    )


def test_the_checklist_has_one_item_per_person_and_the_spouse_only_when_married():
    app = application(
        guarantors=[Guarantor("孙七", "1"), Guarantor("周八", "2")],
        group_members=[GroupMember("吴九", "3")],
    )
    items = build_checklist(default_template("micro"), customer(True), app)
    texts = [i.text for i in items]

    assert [i.number for i in items] == list(range(1, len(items) + 1))
    assert "借款人配偶李四到场，核实身份，同意借款并在合同上共同签字（夫妻共同债务）" in texts
    assert "保证人孙七到场，核实身份，签署保证合同" in texts
    assert "保证人周八到场，核实身份，签署保证合同" in texts
    assert "联保小组成员吴九到场并签字" in texts
    assert len(items) == len(default_template("micro").items) + 1  # two guarantors, one item each
    single = build_checklist(default_template("micro"), customer(False), application())
    assert not any(i.key in ("spouse_attends", "guarantor_attends") for i in single)
    recordings = [i for i in single if i.evidence_kind is EvidenceKind.RECORDING]
    assert len(recordings) == 4


def test_open_items_name_what_is_missing():
    item = ChecklistItem(3, "k", "拍摄客户手持已签合同的照片", True, EvidenceKind.PHOTO)
    assert item.open_reason == "第 3 项“拍摄客户手持已签合同的照片”尚未确认"
    item.confirmed_by = "li"
    assert item.open_reason == "第 3 项“拍摄客户手持已签合同的照片”缺少照片"
    optional = ChecklistItem(4, "k", "可选", False, EvidenceKind.PHOTO)
    assert optional.open_reason is None


def test_a_template_is_validated():
    good = ChecklistTemplate("micro", (TemplateItem("a_b", " 核对 "),))
    assert validate_template(good).items[0].text == "核对"
    bad_key = ChecklistTemplate("micro", (TemplateItem("A B", "x"),))
    with pytest.raises(ValidationError, match="代码"):
        validate_template(bad_key)
    misplaced = ChecklistTemplate("micro", (TemplateItem("a", "{name} 到场"),))
    with pytest.raises(ValidationError, match="不针对具体人员"):
        validate_template(misplaced)
    person = TemplateItem("a", "{name} 到场", scope=ItemScope.EACH_GUARANTOR)
    assert validate_template(ChecklistTemplate("micro", (person,))).items == (person,)
    with pytest.raises(ValidationError, match="至少要有一项"):
        validate_template(ChecklistTemplate("micro", ()))


# --- time limits --------------------------------------------------------------------------

MONDAY = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
LIMITS_3WD = TimeLimits({S.SUBMITTED: TimeLimit(S.SUBMITTED, 3, TimeUnit.WORKING_DAYS)})


def entry(state: ApplicationState, entered: datetime) -> StateEntry:
    return StateEntry(NO, "张三", "micro", Decimal("1"), "li", state, entered)


@pytest.mark.parametrize(
    ("hours", "status"),
    [
        (0, TimeStatus.OK),
        (53, TimeStatus.OK),
        (54, TimeStatus.AMBER),
        (72, TimeStatus.AMBER),
        (73, TimeStatus.RED),
    ],
)
def test_status_turns_amber_at_three_quarters_and_red_past_the_limit(hours, status):
    wait = waited(entry(S.SUBMITTED, MONDAY), LIMITS_3WD, MONDAY + timedelta(hours=hours))
    assert wait.status is status
    assert wait.waited == timedelta(hours=hours)
    assert wait.deadline == MONDAY + timedelta(days=3)


def test_weekends_and_holidays_do_not_count():
    friday = MONDAY + timedelta(days=4)
    wait = waited(entry(S.SUBMITTED, friday), LIMITS_3WD, friday + timedelta(days=3))
    assert wait.status is TimeStatus.OK  # Friday noon to Monday noon: one working day
    assert wait.deadline == friday + timedelta(days=5)  # Wednesday noon
    tuesday_off = TimeLimits(LIMITS_3WD.limits, frozenset({date(2026, 3, 10)}))
    limit = LIMITS_3WD.limits[S.SUBMITTED]
    assert deadline_for(friday, limit, tuesday_off.holidays) == friday + timedelta(days=6)


def test_hours_and_states_without_a_limit():
    limits = TimeLimits({S.SIGNED: TimeLimit(S.SIGNED, 4, TimeUnit.HOURS)})
    saturday = MONDAY + timedelta(days=5)
    assert waited(entry(S.SIGNED, saturday), limits, saturday + timedelta(hours=5)).status is (
        TimeStatus.RED
    )
    idle = waited(entry(S.DRAFT, MONDAY), limits, MONDAY + timedelta(days=30))
    assert idle.status is None and idle.limit is None and idle.waited == timedelta(days=30)


# --- fingerprints and the teller's entries ------------------------------------------------


def test_fingerprints_compare_amounts_by_value_and_instants_in_utc():
    first = {"amount": Decimal("1.0"), "at": MONDAY}
    same = {"at": MONDAY.astimezone(), "amount": Decimal("1.00")}
    assert fingerprint_of(first) == fingerprint_of(same)
    assert fingerprint_of(first) != fingerprint_of({**first, "amount": Decimal("1.01")})


def entries(**changes) -> Disbursement:
    values = {
        "disbursed_on": date(2026, 3, 3),
        "amount": "15万",
        "repayment_account": "6228 4800 1234 5678",
    }
    return Disbursement(**{**values, **changes})


def read(entered: Disbursement):
    return read_disbursement(
        entered,
        approved_amount=Decimal("150000.00"),
        earliest=date(2026, 3, 2),
        today=date(2026, 3, 3),
        method=RepaymentMethod.EQUAL_INSTALLMENT,
    )


def test_the_tellers_entries_are_read_and_checked():
    terms = read(entries())
    assert (terms.amount, terms.repayment_account) == (Decimal("150000.00"), "6228480012345678")

    with pytest.raises(FormErrors) as caught:
        read(
            entries(
                amount="150000.01",
                disbursed_on="2026-03-01",
                repayment_account="12",
                payment=EntrustedPayment("", "6222", "", Decimal("200000")),
            )
        )
    problems = caught.value.problems
    assert problems["amount"] == "放款金额 150,000.01 元超过批准金额 150,000.00 元"
    assert problems["disbursed_on"].startswith("放款日期 2026-03-01 早于主管合规确认日期")
    assert set(problems) >= {
        "repayment_account",
        "payment.counterparty_name",
        "payment.counterparty_account",
        "payment.counterparty_bank",
        "payment.amount",
    }
