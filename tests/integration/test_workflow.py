"""The workflow after intake, stored, on SQLite and PostgreSQL: approval
within authority, signing with its checklist, the compliance sign-off,
disbursement into a loan with its stored schedule, four eyes, voided
sign-offs and time limits on a clock the tests move."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from desktop.startup import open_store
from domain import accounts
from domain.analysis import (
    AnalysisSheet,
    BalanceSheet,
    EquityReconciliation,
    Household,
    MonthlyProfitAndLoss,
    SalesEvidence,
)
from domain.applications import (
    ApplicationDraft,
    ApplicationState,
    Guarantor,
    Investigation,
    add_attachment,
    get_application,
    save_draft,
    submit_application,
)
from domain.checklist import (
    ChecklistTemplate,
    EvidenceInput,
    EvidenceKind,
    TemplateItem,
    add_evidence,
    application_checklist,
    checklist_template,
    default_template,
    record_staff_present,
    save_checklist_template,
    tick_item,
    untick_item,
)
from domain.customers import (
    BusinessDraft,
    CustomerDraft,
    FormErrors,
    register_customer,
    save_business,
    update_customer,
)
from domain.errors import (
    AuthenticationFailed,
    ConcurrencyConflict,
    DomainError,
    PermissionDenied,
    ValidationError,
)
from domain.identity import id_check_digit
from domain.loans import Disbursement, LoanState, get_loan, loan_for_application, loan_schedule
from domain.paperwork import EntrustedPayment
from domain.users import Role
from domain.workflow import (
    DEFAULT_APPROVAL_LIMITS,
    DEFAULT_TIME_LIMITS,
    Action,
    AuthorityExceeded,
    FourEyesViolation,
    ReviewOutdated,
    SigningIncomplete,
    SignOffVoided,
    TimeStatus,
    TimeUnit,
    TransitionRefused,
    application_history,
    approval_limits,
    approve,
    complete_signing,
    disburse,
    escalate,
    late_applications,
    reject,
    return_for_information,
    set_approval_limit,
    set_holidays,
    set_time_limit,
    sign_off,
    signoff_queue,
    signoff_view,
    start_signing,
    time_limits,
    waiting_status,
    withdraw,
)

PASSWORD = "secret123"
# Monday 2 March 2026, 10:00 in Beijing.
START = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


class MovableClock:
    def __init__(self, now: datetime):
        self._now = now

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.astimezone().date()

    def move(self, **delta: float) -> None:
        self._now += timedelta(**delta)


def rid(order: int, born: str = "19850515") -> str:
    first_17 = f"320124{born}{order:03d}"
    return first_17 + id_check_digit(first_17)


def analysis() -> dict:
    return AnalysisSheet(
        balance_sheet=BalanceSheet(cash=Decimal("20000"), inventory=Decimal("150000")),
        profit_and_loss=MonthlyProfitAndLoss(
            sales=Decimal("60000"), gross_margin_percent=Decimal("20")
        ),
        household=Household(living=Decimal("3000")),
        equity=EquityReconciliation(initial_equity=Decimal("100000"), months=12),
        sales_evidence=SalesEvidence(monthly_purchases=Decimal("48000")),
        proposed_instalment=Decimal("13000.00"),
    ).to_dict()


class Desk:
    """A branch on one database: its staff, a clock, and shortcuts along the path."""

    def __init__(self, store, clock: MovableClock):
        self.store, self.clock = store, clock
        uow = store.uow
        self.admin = accounts.create_first_administrator(uow(), "admin", "张管理", PASSWORD)
        staff = {
            "li": ("李信贷", ["loan_officer", "assisting_officer"]),
            "wang": ("王辅助", ["assisting_officer"]),
            "zhou": ("周信贷", ["loan_officer", "assisting_officer"]),
            "chen": ("陈主管", ["supervisor"]),
            "sun": ("孙主管", ["supervisor"]),
            "boss": ("吴兼职", ["loan_officer", "supervisor"]),
            "zhao": ("赵兼职", ["assisting_officer", "supervisor"]),
            "hq": ("总行审批", ["head_office_approver"]),
            "liu": ("刘柜员", ["teller"]),
        }
        for name, (full_name, roles) in staff.items():
            setattr(
                self, name, accounts.add_user(uow(), self.admin, name, full_name, roles, PASSWORD)
            )
        self.customers = 0

    def uow(self):
        return self.store.uow()

    def borrower(self, married: bool = True):
        self.customers += 1
        n = self.customers
        spouse = {"spouse_name": "李四", "spouse_id_number": rid(500 + n)} if married else {}
        draft = CustomerDraft(
            name=f"张{'一二三四五六七八九'[n % 9]}",
            id_number=rid(n),
            phone=f"138{n:08d}",
            address="江苏省南京市溧水区永阳街道中山路1号",
            marital_status="已婚" if married else "未婚",
            **spouse,
        )
        customer = register_customer(self.uow(), self.li, draft)
        business = save_business(
            self.uow(),
            self.li,
            customer.id,
            BusinessDraft(
                name=f"张记杂货店{n}",
                industry="零售",
                operating_since=self.clock.today() - timedelta(days=3 * 365),
                premises="自有",
                employees=2,
                marketing_area="永阳片区",
            ),
        )
        return customer, business

    def draft(self, officer=None, *, married: bool = True, **changes) -> ApplicationDraft:
        customer, business = self.borrower(married)
        officer = officer or self.li
        values = {
            "customer_id": customer.id,
            "product_code": "micro",
            "business_id": business.id,
            "amount": "15万",
            "months": 12,
            "purpose": "进货周转",
            "repayment_method": "等额本息",
            "due_day": 20,
            "guarantee_type": "natural-person",
            "officer": officer.username,
            "assisting_officer": "wang",
            "guarantors": [
                Guarantor("孙七", rid(300 + self.customers), "13900000007", "朋友", "8000")
            ],
            "investigation": Investigation(
                self.clock.today(), officer.username, "wang", "两人实地查看门店"
            ),
            "analysis": analysis(),
        }
        return ApplicationDraft(**{**values, **changes})

    def submitted(self, officer=None, **changes):
        officer = officer or self.li
        saved = save_draft(self.uow(), officer, self.draft(officer, **changes))
        return submit_application(self.uow(), officer, saved.application_number, saved.version)

    def get(self, number: str):
        return get_application(self.uow(), number)

    def approved(self, **changes):
        application = self.submitted(**changes)
        return approve(
            self.uow(), self.chen, application.application_number, application.version, "同意"
        )

    def tick_everything(self, number: str, officer=None) -> None:
        officer = officer or self.li
        for item in application_checklist(self.uow(), number).items:
            tick_item(self.uow(), officer, number, item.number, "已核对", evidence_for(item))

    def signed(self, **changes):
        application = self.approved(**changes)
        number = application.application_number
        start_signing(self.uow(), self.li, number, application.version)
        self.tick_everything(number)
        return complete_signing(self.uow(), self.li, number, self.get(number).version)

    def signed_off(self, supervisor=None, **changes):
        number = self.signed(**changes).application_number
        supervisor = supervisor or self.sun
        view = signoff_view(self.uow(), supervisor, number)
        sign_off(self.uow(), supervisor, number, PASSWORD, view.fingerprint)
        return self.get(number)


def evidence_for(item) -> tuple[EvidenceInput, ...]:
    if item.evidence_kind.is_file:
        data = f"{item.key} {item.number} {item.text}".encode()
        return (EvidenceInput(item.evidence_kind, f"第{item.number}项.jpg", data),)
    if item.evidence_kind is EvidenceKind.RECORDING:
        return (EvidenceInput("recording", reference=f"REC-20260302-01 0{item.number}:00"),)
    return ()


@pytest.fixture
def clock():
    return MovableClock(START)


@pytest.fixture
def desk(database_url, clock):
    store = open_store(database_url, clock)
    store.upgrade()
    yield Desk(store, clock)
    store.close()


def own_payment() -> Disbursement:
    return Disbursement(START.date(), "15万", "6228480012345678")


# --- the whole path --------------------------------------------------------------------------


def test_the_whole_path_from_submission_to_a_loan_with_its_schedule(desk, clock):
    submitted = desk.submitted()
    number = submitted.application_number

    approved = approve(desk.uow(), desk.chen, number, submitted.version, "经营稳定，同意")
    assert approved.state is ApplicationState.APPROVED

    clock.move(hours=2)
    checklist = start_signing(desk.uow(), desk.li, number, approved.version)
    texts = [i.text for i in checklist.items]
    assert "借款人配偶李四到场，核实身份，同意借款并在合同上共同签字（夫妻共同债务）" in texts
    assert "保证人孙七到场，核实身份，签署保证合同" in texts
    assert checklist.signing.staff == ("li", "wang")
    assert all(not i.confirmed for i in checklist.items)

    desk.tick_everything(number)
    ticked = application_checklist(desk.uow(), number)
    assert ticked.open_items() == []
    photo = next(i for i in ticked.items if i.key == "holding_contract_photo")
    assert photo.confirmed_by == "li" and photo.confirmed_at == clock.now()
    assert photo.evidence[0].file_name == f"第{photo.number}项.jpg"
    signed = complete_signing(desk.uow(), desk.wang, number, desk.get(number).version)
    assert signed.state is ApplicationState.SIGNED

    clock.move(hours=3)
    (waiting,) = signoff_queue(desk.uow(), desk.sun)
    assert waiting.application_number == number and waiting.status is TimeStatus.OK
    view = signoff_view(desk.uow(), desk.sun, number)
    assert view.analysis is not None and view.analysis.monthly_surplus is not None
    assert view.approval.approved_by == "chen" and view.approval.risk_grade == "B"
    assert [e.action for e in view.history] == [
        Action.SUBMIT,
        Action.APPROVE,
        Action.START_SIGNING,
        Action.COMPLETE_SIGNING,
    ]
    assert len(view.attachments) == sum(1 for i in view.checklist.items if i.evidence_kind.is_file)
    signoff = sign_off(desk.uow(), desk.sun, number, PASSWORD, view.fingerprint, opinion="合规")
    assert signoff.fingerprint == view.fingerprint and not signoff.void
    assert signoff_queue(desk.uow(), desk.sun) == []

    clock.move(days=1)
    entrusted = EntrustedPayment(
        "溧水永利批发部", "3201 0000 1111 2222", "溧水农商银行城关支行", Decimal("100000")
    )
    loan = disburse(
        desk.uow(),
        desk.liu,
        number,
        desk.get(number).version,
        Disbursement(clock.today(), "15万", "6228480012345678", entrusted),
    )

    assert desk.get(number).state is ApplicationState.DISBURSED
    stored = get_loan(desk.uow(), loan.loan_number)
    assert stored == loan == loan_for_application(desk.uow(), number)
    assert stored.loan_number == f"JK{clock.today():%Y%m%d}-0001"
    assert stored.amount == stored.outstanding_principal == Decimal("150000.00")
    assert stored.state is LoanState.ACTIVE
    assert stored.annual_rate == Decimal("4.50")  # LPR 3.00 (2025-05-20) + grade B 1.50
    assert stored.pricing_description == "1年期LPR(2025-05-20) 3.00% + 风险加点 1.50% = 4.50%"
    assert stored.start_date == clock.today() and stored.due_day == 20
    assert stored.payment.counterparty_account == "3201000011112222"
    schedule = loan_schedule(desk.uow(), loan.loan_number)
    assert len(schedule.instalments) == 12
    assert schedule.total_principal == stored.amount
    assert schedule.instalments[-1].due_date == stored.maturity_date
    assert schedule.instalments[-1].balance == Decimal("0.00")
    with desk.uow() as uow:
        actions = [e.action for e in uow.audit.page(entity="applications", limit=200)]
    for action in ("approve", "start_signing", "tick_checklist_item", "sign_off", "disburse"):
        assert action in actions
    assert desk.store.verify_audit().intact


# --- approval and authority ------------------------------------------------------------------


def test_approval_above_the_limit_is_refused_and_escalated_to_head_office(desk):
    set_approval_limit(desk.uow(), desk.admin, "supervisor", "micro", "10万", version=1)
    application = desk.submitted()
    number = application.application_number

    with pytest.raises(AuthorityExceeded) as caught:
        approve(desk.uow(), desk.chen, number, application.version)
    assert str(caught.value) == (
        f"申请 {number} 批准金额 150,000.00 元，超出审批权限：业务主管审批小微贷款的限额为 "
        "100,000.00 元，请上报总行审批。"
    )
    assert desk.get(number).state is ApplicationState.SUBMITTED

    escalated = escalate(desk.uow(), desk.chen, number, application.version, "超出支行权限")
    assert escalated.state is ApplicationState.ESCALATED
    with pytest.raises(PermissionDenied, match="没有总行授信审批权限"):
        approve(desk.uow(), desk.sun, number, escalated.version)
    approved = approve(desk.uow(), desk.hq, number, escalated.version, risk_grade="a")
    assert approved.state is ApplicationState.APPROVED
    assert signoff_view(desk.uow(), desk.sun, number).approval.authority_role is (
        Role.HEAD_OFFICE_APPROVER
    )


def test_a_supervisor_has_no_authority_over_other_products(desk):
    from domain.applications import GuaranteeCompany
    from domain.identity import uscc_check_char

    code = "91320117MA1XY223P" + uscc_check_char("91320117MA1XY223P")
    application = desk.submitted(
        product_code="guarantee-company",
        guarantee_type="guarantee-company",
        guarantors=[],
        guarantee_company=GuaranteeCompany("溧水区融资担保有限公司", code, "12万"),
    )

    with pytest.raises(AuthorityExceeded, match=r"没有担保公司担保贷款的审批权限.*请上报总行审批"):
        approve(desk.uow(), desk.chen, application.application_number, application.version)


def test_approval_limits_are_settings_the_administrator_edits(desk):
    assert [(x.role, x.product_code, x.max_amount) for x in approval_limits(desk.uow())] == sorted(
        (x.role, x.product_code, x.max_amount) for x in DEFAULT_APPROVAL_LIMITS
    )
    with pytest.raises(PermissionDenied):
        set_approval_limit(desk.uow(), desk.chen, "supervisor", "micro", "100万", version=1)
    with pytest.raises(ConcurrencyConflict):
        set_approval_limit(desk.uow(), desk.admin, "supervisor", "micro", "100万", version=0)
    with pytest.raises(ValidationError, match="审批角色"):
        set_approval_limit(desk.uow(), desk.admin, "teller", "micro", "1万")

    saved = set_approval_limit(desk.uow(), desk.admin, Role.SUPERVISOR, "joint-group", "30万")
    assert saved.max_amount == Decimal("300000.00") and saved.version == 1
    with desk.uow() as uow:
        (event,) = [e for e in uow.audit.page(limit=10) if e.action == "set_approval_limit"]
    assert event.after == {"before": None, "after": "300000.00"}
    assert event.actor == "admin"


def test_a_greater_amount_than_applied_for_cannot_be_approved(desk):
    application = desk.submitted()

    with pytest.raises(ValidationError, match="不能超过申请金额"):
        approve(
            desk.uow(),
            desk.chen,
            application.application_number,
            application.version,
            amount="16万",
        )


def test_reject_return_and_withdraw_need_a_reason_and_are_recorded(desk):
    first, second = desk.submitted(), desk.submitted()

    with pytest.raises(ValidationError, match="请填写否决原因"):
        reject(desk.uow(), desk.chen, first.application_number, first.version, "  ")
    rejected = reject(desk.uow(), desk.chen, first.application_number, first.version, "多头借贷")
    assert rejected.state is ApplicationState.REJECTED
    with pytest.raises(TransitionRefused, match=r"已否决.*已办结，不能再撤回"):
        withdraw(desk.uow(), desk.li, first.application_number, rejected.version, "客户不要了")

    with pytest.raises(PermissionDenied, match="只有主办或辅助信贷员可以撤回"):
        withdraw(desk.uow(), desk.zhou, second.application_number, second.version, "客户不要了")
    withdrawn = withdraw(
        desk.uow(), desk.li, second.application_number, second.version, "客户已从他行获得贷款"
    )
    assert withdrawn.state is ApplicationState.WITHDRAWN
    (last,) = application_history(desk.uow(), second.application_number)[-1:]
    assert (last.action, last.actor, last.note) == (Action.WITHDRAW, "li", "客户已从他行获得贷款")


def test_a_stale_copy_is_refused(desk):
    application = desk.submitted()

    with pytest.raises(ConcurrencyConflict, match="已被其他人修改"):
        approve(desk.uow(), desk.chen, application.application_number, application.version - 1)


# --- four eyes -------------------------------------------------------------------------------


def test_an_officer_who_is_also_a_supervisor_cannot_approve_his_own(desk):
    own = desk.submitted(desk.boss)
    other = desk.submitted()

    with pytest.raises(FourEyesViolation) as caught:
        approve(desk.uow(), desk.boss, own.application_number, own.version)
    assert "吴兼职（boss）" in str(caught.value) and "主办客户经理" in str(caught.value)
    assert approve(desk.uow(), desk.boss, other.application_number, other.version).state is (
        ApplicationState.APPROVED
    )


def test_the_investigators_cannot_approve(desk):
    application = desk.submitted(
        investigation=Investigation(START.date(), "li", "zhao", "两人实地查看")
    )

    with pytest.raises(FourEyesViolation, match="实地调查人员"):
        approve(desk.uow(), desk.zhao, application.application_number, application.version)


def test_a_changed_officer_stays_excluded_after_return_and_resubmission(desk):
    first = desk.submitted(desk.boss)
    number = first.application_number
    returned = return_for_information(
        desk.uow(), desk.chen, number, first.version, "请补充近三个月银行流水"
    )
    assert returned.state is ApplicationState.RETURNED

    draft = replace(
        returned.draft(),
        officer="zhou",
        investigation=Investigation(START.date(), "zhou", "wang", "两人再次实地查看"),
    )
    changed = save_draft(desk.uow(), desk.zhou, draft)
    assert changed.officer == "zhou"
    resubmitted = submit_application(desk.uow(), desk.zhou, number, changed.version)
    assert resubmitted.state is ApplicationState.SUBMITTED

    with pytest.raises(FourEyesViolation, match=r"吴兼职（boss）.*主办客户经理"):
        approve(desk.uow(), desk.boss, number, resubmitted.version)
    approved = approve(desk.uow(), desk.chen, number, resubmitted.version)
    assert approved.state is ApplicationState.APPROVED
    assert [(e.action, e.from_state) for e in application_history(desk.uow(), number)] == [
        (Action.SUBMIT, ApplicationState.DRAFT),
        (Action.RETURN, ApplicationState.SUBMITTED),
        (Action.SUBMIT, ApplicationState.RETURNED),
        (Action.APPROVE, ApplicationState.SUBMITTED),
    ]


def test_the_staff_present_at_signing_cannot_sign_off(desk):
    approved = desk.approved()
    number = approved.application_number
    start_signing(desk.uow(), desk.li, number, approved.version, staff_present=("li", "zhao"))
    desk.tick_everything(number)
    complete_signing(desk.uow(), desk.li, number, desk.get(number).version)
    fingerprint = signoff_view(desk.uow(), desk.sun, number).fingerprint

    with pytest.raises(
        FourEyesViolation, match=r"赵兼职（zhao）.*面签在场人员.*不能对本笔申请合规确认"
    ):
        sign_off(desk.uow(), desk.zhao, number, PASSWORD, fingerprint)
    assert desk.get(number).state is ApplicationState.SIGNED
    sign_off(desk.uow(), desk.sun, number, PASSWORD, fingerprint)
    assert desk.get(number).state is ApplicationState.SIGNED_OFF


def test_the_assisting_officer_who_supervises_cannot_sign_off(desk):
    visit = Investigation(START.date(), "li", "zhao", "两人实地查看")
    number = desk.signed(assisting_officer="zhao", investigation=visit).application_number
    fingerprint = signoff_view(desk.uow(), desk.sun, number).fingerprint

    with pytest.raises(FourEyesViolation, match="辅助信贷员"):
        sign_off(desk.uow(), desk.zhao, number, PASSWORD, fingerprint)


def test_staff_present_must_be_two_different_officers(desk):
    approved = desk.approved()
    number = approved.application_number

    with pytest.raises(ValidationError, match="两名不同"):
        start_signing(desk.uow(), desk.li, number, approved.version, staff_present=("li", "li"))
    with pytest.raises(ValidationError, match="不是客户经理或辅助信贷员"):
        start_signing(desk.uow(), desk.li, number, approved.version, staff_present=("li", "liu"))
    start_signing(desk.uow(), desk.li, number, approved.version)
    signing = record_staff_present(desk.uow(), desk.li, number, "li", "zhou")
    assert signing.staff == ("li", "zhou")


# --- signing --------------------------------------------------------------------------------


def test_signing_cannot_complete_with_a_mandatory_item_open(desk):
    approved = desk.approved()
    number = approved.application_number
    started = start_signing(desk.uow(), desk.li, number, approved.version)
    desk.tick_everything(number)
    photo = next(i for i in started.items if i.key == "holding_contract_photo")
    untick_item(desk.uow(), desk.li, number, photo.number, "照片模糊，重拍")
    recording = next(i for i in started.items if i.key == "recording_risk")
    other = desk.approved()
    start_signing(desk.uow(), desk.li, other.application_number, other.version)
    tick_item(desk.uow(), desk.li, other.application_number, recording.number)

    with pytest.raises(SigningIncomplete) as caught:
        complete_signing(desk.uow(), desk.li, number, desk.get(number).version)
    assert caught.value.missing == [f"第 {photo.number} 项“拍摄客户手持已签合同的照片”尚未确认"]
    assert str(caught.value).startswith(f"申请 {number} 还不能完成面签")
    with pytest.raises(SigningIncomplete) as caught:
        complete_signing(
            desk.uow(),
            desk.li,
            other.application_number,
            desk.get(other.application_number).version,
        )
    assert f"第 {recording.number} 项“面签录音录像：风险揭示”缺少录音录像" in caught.value.missing
    assert desk.get(number).state is ApplicationState.SIGNING


def test_signing_needs_approval_first(desk):
    application = desk.submitted()

    with pytest.raises(TransitionRefused) as caught:
        start_signing(desk.uow(), desk.li, application.application_number, application.version)
    assert str(caught.value) == (
        f"申请 {application.application_number} 当前状态为“已提交”，需先审批通过才能开始面签"
    )
    with pytest.raises(DomainError, match="需先开始面签才能确认面签事项"):
        tick_item(desk.uow(), desk.li, application.application_number, 1)


def test_the_checklist_follows_the_products_template(desk):
    stored = checklist_template(desk.uow(), "micro")
    assert stored.items == default_template("micro").items and stored.version == 1
    template = ChecklistTemplate(
        "micro",
        (
            TemplateItem("identity", "核对身份证", True, EvidenceKind.SCAN),
            TemplateItem("photo", "合影", False, EvidenceKind.PHOTO),
        ),
        version=1,
    )
    with pytest.raises(PermissionDenied):
        save_checklist_template(desk.uow(), desk.li, template)
    saved = save_checklist_template(desk.uow(), desk.admin, template)
    assert saved.version == 2 and saved.updated_by == "admin"
    with pytest.raises(ConcurrencyConflict):
        save_checklist_template(desk.uow(), desk.admin, template)

    approved = desk.approved()
    checklist = start_signing(desk.uow(), desk.li, approved.application_number, approved.version)
    assert [(i.text, i.mandatory) for i in checklist.items] == [
        ("核对身份证", True),
        ("合影", False),
    ]


def test_a_recording_needs_its_reference(desk):
    approved = desk.approved()
    number = approved.application_number
    checklist = start_signing(desk.uow(), desk.li, number, approved.version)
    recording = next(i for i in checklist.items if i.key == "recording_terms")

    with pytest.raises(ValidationError, match="请填写录音录像的编号"):
        add_evidence(desk.uow(), desk.li, number, recording.number, EvidenceInput("recording"))
    evidence = add_evidence(
        desk.uow(),
        desk.li,
        number,
        recording.number,
        EvidenceInput("recording", reference="REC-20260302-01 03:10-05:42"),
    )
    assert evidence.description == "录音录像 REC-20260302-01 03:10-05:42"


# --- sign-off -------------------------------------------------------------------------------


def test_a_wrong_password_refuses_the_sign_off_and_counts_as_a_failed_sign_in(desk):
    number = desk.signed().application_number
    fingerprint = signoff_view(desk.uow(), desk.sun, number).fingerprint

    with pytest.raises(AuthenticationFailed, match="再错 4 次账户将被锁定"):
        sign_off(desk.uow(), desk.sun, number, "wrong-password1", fingerprint)

    with desk.uow() as uow:
        assert uow.users.get("sun").failed_attempts == 1
        assert uow.audit.page(limit=1)[0].action == "sign_in_failed"
    assert desk.get(number).state is ApplicationState.SIGNED


def test_a_sign_off_over_content_changed_since_review_is_refused(desk):
    number = desk.signed().application_number
    view = signoff_view(desk.uow(), desk.sun, number)
    item = view.checklist.items[0]
    add_evidence(
        desk.uow(), desk.li, number, item.number, EvidenceInput("scan", "补拍.jpg", b"later scan")
    )

    with pytest.raises(ReviewOutdated) as caught:
        sign_off(desk.uow(), desk.sun, number, PASSWORD, view.fingerprint)
    assert str(caught.value) == f"申请 {number} 的内容在您审阅后已被修改，请重新审阅。"
    assert desk.get(number).state is ApplicationState.SIGNED
    fresh = signoff_view(desk.uow(), desk.sun, number)
    assert fresh.fingerprint != view.fingerprint
    sign_off(desk.uow(), desk.sun, number, PASSWORD, fresh.fingerprint)


def test_sign_off_needs_a_completed_signing(desk):
    approved = desk.approved()

    with pytest.raises(TransitionRefused, match="当前状态为“已批准”，需先完成面签才能进行合规确认"):
        sign_off(desk.uow(), desk.sun, approved.application_number, PASSWORD, "0" * 64)


# --- void sign-offs ---------------------------------------------------------------------------


def test_an_edit_after_sign_off_voids_it_and_requeues_the_application(desk):
    number = desk.signed_off().application_number
    checklist = application_checklist(desk.uow(), number)

    tick_item(desk.uow(), desk.li, number, checklist.items[2].number, "补充备注：签名清晰")

    application = desk.get(number)
    assert application.state is ApplicationState.SIGNED
    view = signoff_view(desk.uow(), desk.sun, number)
    (voided,) = view.signoffs
    assert voided.void and voided.voided_by == "li"
    assert voided.void_reason == "合规确认后内容被修改：面签清单第 3 项的确认信息有改动"
    assert [w.application_number for w in signoff_queue(desk.uow(), desk.sun)] == [number]
    assert view.history[-1].action is Action.VOID_SIGN_OFF

    sign_off(desk.uow(), desk.sun, number, PASSWORD, view.fingerprint)
    loan = disburse(desk.uow(), desk.liu, number, desk.get(number).version, own_payment())
    assert loan.amount == Decimal("150000.00")


def test_a_file_added_after_sign_off_voids_it(desk):
    number = desk.signed_off().application_number

    add_attachment(desk.uow(), desk.li, number, "补充流水.pdf", b"%PDF bank statement")

    assert desk.get(number).state is ApplicationState.SIGNED
    (voided,) = signoff_view(desk.uow(), desk.sun, number).signoffs
    assert voided.void_reason == "合规确认后内容被修改：上传了附件 补充流水.pdf"


def test_an_edit_of_the_borrower_after_sign_off_voids_it_at_once(desk):
    signed_off = desk.signed_off()
    number = signed_off.application_number
    with desk.uow() as uow:
        borrower = uow.customers.get(signed_off.customer_id)
    update_customer(
        desk.uow(),
        desk.li,
        borrower.id,
        CustomerDraft(
            name=borrower.name,
            id_number=borrower.id_number,
            phone="13912345678",
            address=borrower.address,
            marital_status="已婚",
            spouse_name=borrower.spouse_name,
            spouse_id_number=borrower.spouse_id_number,
        ),
        version=borrower.version,
    )

    # Back in the sign-off queue straight away, not only when the teller tries.
    application = desk.get(number)
    assert application.state is ApplicationState.SIGNED
    assert [w.application_number for w in signoff_queue(desk.uow(), desk.sun)] == [number]
    (voided,) = signoff_view(desk.uow(), desk.sun, number).signoffs
    assert voided.void_reason == "合规确认后内容被修改：借款人资料"
    with pytest.raises(DomainError):
        disburse(desk.uow(), desk.liu, number, application.version, own_payment())
    assert loan_for_application(desk.uow(), number) is None


def test_disbursement_rechecks_the_sign_off_and_voids_it_on_any_change(desk):
    signed_off = desk.signed_off()
    number = signed_off.application_number
    # A change made behind the use cases' back (directly in the database).
    with desk.uow() as uow:
        uow.session.execute(
            text("UPDATE customers SET address = '改过的地址' WHERE id = :id"),
            {"id": signed_off.customer_id},
        )
        uow.commit()

    with pytest.raises(SignOffVoided, match="合规确认已作废"):
        disburse(desk.uow(), desk.liu, number, signed_off.version, own_payment())

    application = desk.get(number)
    assert application.state is ApplicationState.SIGNED
    assert loan_for_application(desk.uow(), number) is None
    (voided,) = signoff_view(desk.uow(), desk.sun, number).signoffs
    assert voided.void_reason == "放款前核对发现合规确认后内容已被修改"


# --- disbursement ----------------------------------------------------------------------------


def test_disbursing_more_than_approved_is_refused(desk):
    submitted = desk.submitted()
    number = submitted.application_number
    approved = approve(desk.uow(), desk.chen, number, submitted.version, amount="12万")
    start_signing(desk.uow(), desk.li, number, approved.version)
    desk.tick_everything(number)
    complete_signing(desk.uow(), desk.li, number, desk.get(number).version)
    view = signoff_view(desk.uow(), desk.sun, number)
    sign_off(desk.uow(), desk.sun, number, PASSWORD, view.fingerprint)

    with pytest.raises(FormErrors) as caught:
        disburse(desk.uow(), desk.liu, number, desk.get(number).version, own_payment())
    assert caught.value.problems["amount"] == "放款金额 150,000.00 元超过批准金额 120,000.00 元"
    assert desk.get(number).state is ApplicationState.SIGNED_OFF

    loan = disburse(
        desk.uow(),
        desk.liu,
        number,
        desk.get(number).version,
        replace(own_payment(), amount="12万"),
    )
    assert loan_schedule(desk.uow(), loan.loan_number).total_principal == Decimal("120000.00")


def test_disbursing_before_sign_off_is_refused(desk):
    number = desk.signed().application_number

    with pytest.raises(TransitionRefused) as caught:
        disburse(desk.uow(), desk.liu, number, desk.get(number).version, own_payment())
    assert str(caught.value) == f"申请 {number} 当前状态为“已面签”，需经主管合规确认后才能放款"
    assert loan_for_application(desk.uow(), number) is None


def test_only_a_teller_disburses(desk):
    signed_off = desk.signed_off()

    with pytest.raises(PermissionDenied, match="没有柜员权限"):
        disburse(
            desk.uow(), desk.chen, signed_off.application_number, signed_off.version, own_payment()
        )


# --- time limits ------------------------------------------------------------------------------


def test_time_limits_with_a_moved_clock(desk, clock):
    assert {(x.state, x.amount, x.unit) for x in time_limits(desk.uow()).limits.values()} == {
        (x.state, x.amount, x.unit) for x in DEFAULT_TIME_LIMITS
    }
    mine = desk.submitted()  # Monday 10:00 (Beijing), three working days to decide
    clock.move(hours=10)
    theirs = desk.submitted(desk.zhou)
    clock.move(hours=20)

    status = waiting_status(desk.uow(), mine.application_number)
    assert status.status is TimeStatus.OK and status.waited == timedelta(hours=30)
    assert status.deadline == START + timedelta(days=3)
    assert late_applications(desk.uow(), desk.chen) == []

    clock.move(hours=25)  # 55 hours: past three quarters of the first
    (officer,) = late_applications(desk.uow(), desk.chen)
    assert (officer.officer, officer.officer_name, officer.nearly_late, officer.late) == (
        "li",
        "李信贷",
        1,
        0,
    )

    clock.move(hours=18)  # 73 hours: the first is late, the second (63 hours) nearly
    by_officer = {o.officer: o for o in late_applications(desk.uow(), desk.sun)}
    assert by_officer["li"].applications[0].status is TimeStatus.RED
    assert by_officer["zhou"].applications[0].status is TimeStatus.AMBER
    assert by_officer["zhou"].applications[0].application_number == theirs.application_number
    with pytest.raises(PermissionDenied):
        late_applications(desk.uow(), desk.li)

    approved = approve(desk.uow(), desk.chen, mine.application_number, mine.version)
    assert approved.state is ApplicationState.APPROVED
    assert waiting_status(desk.uow(), mine.application_number).status is TimeStatus.OK
    assert [o.officer for o in late_applications(desk.uow(), desk.chen)] == ["zhou"]


def test_the_sign_off_queue_is_oldest_first_and_limits_are_settings(desk, clock):
    first = desk.signed().application_number
    clock.move(hours=1)
    second = desk.signed().application_number

    queue = signoff_queue(desk.uow(), desk.sun)
    assert [w.application_number for w in queue] == [first, second]

    set_time_limit(desk.uow(), desk.admin, "signed", 2, "hours")
    clock.move(hours=1, minutes=40)
    statuses = [w.status for w in signoff_queue(desk.uow(), desk.sun)]
    assert statuses == [TimeStatus.RED, TimeStatus.AMBER]
    assert time_limits(desk.uow()).for_state(ApplicationState.SIGNED).unit is TimeUnit.HOURS
    with pytest.raises(PermissionDenied):
        set_time_limit(desk.uow(), desk.chen, "signed", 3, "hours")
    with pytest.raises(PermissionDenied):
        signoff_queue(desk.uow(), desk.li)


def test_holidays_do_not_count_towards_working_day_limits(desk):
    application = desk.submitted()  # Monday; Tuesday is made a holiday

    set_holidays(desk.uow(), desk.admin, [date(2026, 3, 3)])

    status = waiting_status(desk.uow(), application.application_number)
    assert status.deadline == START + timedelta(days=4)
    assert time_limits(desk.uow()).holidays == {date(2026, 3, 3)}
    with pytest.raises(PermissionDenied):
        set_holidays(desk.uow(), desk.chen, [])
