"""Servicing stored, on SQLite and PostgreSQL: postings and their receipts,
reversal with a supervisor's approval, early repayment and settlement, the
daily run (twice is once), follow-up tasks, classification with
blacklisting, report figures of a small hand-made portfolio and the
register's pages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from desktop.startup import open_store
from domain import accounts
from domain.applications import Application, ApplicationState
from domain.blacklist import list_blacklist
from domain.classification import (
    Category,
    classification_history,
    classification_queue,
    classify,
)
from domain.customers import Business, Customer, MaritalStatus, Premises
from domain.errors import (
    AuthenticationFailed,
    ConcurrencyConflict,
    DomainError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from domain.followup import (
    Evidence,
    TaskKind,
    TaskStatus,
    complete_task,
    late_tasks,
    loan_tasks,
    my_tasks,
)
from domain.identity import id_check_digit
from domain.loans import Loan, LoanState, get_loan, loan_schedule
from domain.money import format_amount
from domain.paperwork import OwnPayment
from domain.pricing import RiskGrade
from domain.products import GuaranteeType
from domain.register import RegisterFilters, loan_register
from domain.reports import (
    classification_breakdown,
    loans_due,
    officer_performance,
    portfolio_report,
    portfolio_series,
)
from domain.schedule import EarlyRepaymentOption, RepaymentMethod, build_schedule
from domain.servicing import (
    BookedLoan,
    BookedPayment,
    Channel,
    LoanPosition,
    PaymentKind,
    RepaymentEntry,
    accruals_on,
    accrue,
    amount_due,
    early_repayment_quote,
    load_loan_book,
    loan_account,
    loan_position,
    post_repayment,
    repayment_history,
    reverse_repayment,
    servicing_schedule,
)
from domain.workflow import disburse
from domain.write_off import write_off, write_off_refusal
from persistence.models_servicing import LoanAccrualRow

PASSWORD = "secret123"
# Tuesday 30 June 2026, noon in Beijing: the same calendar day in UTC.
NOW = datetime(2026, 6, 30, 4, 0, tzinfo=UTC)
TODAY = date(2026, 6, 30)
JAN_20 = date(2026, 1, 20)


class Clock:
    def __init__(self, now: datetime):
        self._now = now

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.astimezone().date()

    def move(self, **delta: float) -> None:
        self._now += timedelta(**delta)


def rid(order: int) -> str:
    first_17 = f"320124198505{15:02d}{order:03d}"
    return first_17 + id_check_digit(first_17)


def booked(
    n: int,
    amount: str,
    start: date,
    *,
    paid: int = 0,
    officer: str = "li",
    product: str = "micro",
    area: str = "永阳片区",
    months: int = 12,
    name: str | None = None,
    written_off_on: date | None = None,
) -> BookedLoan:
    """Loan ``n`` disbursed on ``start``, its first ``paid`` instalments paid on their due dates."""
    customer = Customer(
        name=name or f"张{'一二三四五六七八九十'[n % 10]}{n}",
        id_number=rid(n),
        phone=f"138{n:08d}",
        address="江苏省南京市溧水区永阳街道中山路1号",
        marital_status=MaritalStatus.SINGLE,
    )
    business = Business(
        customer_id=0,
        name=f"张记杂货店{n}",
        industry="零售",
        operating_since=date(2020, 1, 1),
        premises=Premises.RENTED,
        employees=1,
        marketing_area=area,
    )
    created = datetime.combine(start - timedelta(days=10), datetime.min.time(), UTC)
    method = RepaymentMethod.EQUAL_INSTALLMENT
    application = Application(
        application_number="",
        customer_id=0,
        product_code=product,
        officer=officer,
        state=ApplicationState.DISBURSED,
        amount=D(amount),
        months=months,
        purpose="进货周转",
        repayment_method=method,
        due_day=20,
        guarantee_type=GuaranteeType.NATURAL_PERSON,
        created_at=created,
        created_by=officer,
        updated_at=created,
    )
    schedule = build_schedule(D(amount), D("4.35"), months, start, method, 20)
    loan = Loan(
        loan_number="",
        application_number="",
        customer_id=0,
        borrower_name="",
        product_code=product,
        amount=D(amount),
        annual_rate=D("4.35"),
        base_rate=D("3.00"),
        spread=D("1.35"),
        pricing_description="1年期LPR(2025-05-20) 3.00% + 风险加点 1.35% = 4.35%",
        risk_grade=RiskGrade.B,
        months=months,
        repayment_method=method,
        due_day=20,
        start_date=start,
        maturity_date=schedule.instalments[-1].due_date,
        repayment_account="6228480012345678",
        payment=OwnPayment(),
        disbursed_at=created + timedelta(days=10, hours=2),
        disbursed_by="liu",
    )
    payments = [
        BookedPayment(i.due_date, f"B{n:03d}-{i.period:02d}", covering=i.due_date)
        for i in schedule.instalments[:paid]
    ]
    return BookedLoan(
        customer,
        business,
        application,
        loan,
        schedule,
        payments,
        written_off_on=written_off_on,
        use_checked_on=start + timedelta(days=5),
    )


class Branch:
    """A branch on one database: its staff, a clock, and a small loan book."""

    def __init__(self, store, clock: Clock):
        self.store, self.clock = store, clock
        uow = store.uow
        self.admin = accounts.create_first_administrator(uow(), "admin", "张管理", PASSWORD)
        staff = {
            "li": ("李信贷", ["loan_officer"]),
            "zhou": ("周信贷", ["loan_officer"]),
            "liu": ("刘柜员", ["teller"]),
            "ma": ("马兼职", ["teller", "supervisor"]),
            "chen": ("陈主管", ["supervisor"]),
            "sun": ("孙主管", ["supervisor"]),
        }
        for name, (full_name, roles) in staff.items():
            user = accounts.add_user(uow(), self.admin, name, full_name, roles, PASSWORD)
            setattr(self, name, user)

    def uow(self):
        return self.store.uow()

    def book(self, *loans: BookedLoan) -> list[str]:
        load_loan_book(self.uow(), self.admin, list(loans))
        return [b.loan.loan_number for b in loans]

    def pay(self, number: str, amount, receipt: str, on: date = TODAY, teller=None, **more):
        entry = RepaymentEntry(amount, on, "现金", receipt, **more)
        return post_repayment(self.uow(), teller or self.liu, number, entry)


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def branch(database_url, clock):
    store = open_store(database_url, clock)
    store.upgrade()
    yield Branch(store, clock)
    store.close()


# --- posting ---------------------------------------------------------------------------------


def test_a_payment_is_allocated_stored_and_moves_the_register(branch):
    # Instalments 1-4 paid; instalment 5 (due 2026-06-20) is 10 days late today.
    (number,) = branch.book(booked(1, "100000", JAN_20, paid=4))
    before = loan_position(branch.uow(), number)
    assert isinstance(before, LoanPosition)
    assert before.days_past_due == 10 and before.overdue_principal == D("8287.58")
    assert before.penalty_interest == D("15.02")  # 8,287.58 × 6.525% × 10 / 360 = 15.021…
    due = amount_due(branch.uow(), number)
    assert due == D("8530.99") * 2 + before.penalty_interest + before.compound_interest

    posted = branch.pay(number, due, "rc-0001")

    assert posted.receipt_number == "RC-0001" and posted.posted_by == "liu"
    assert posted.allocation.penalty == D("15.02")
    assert [a.period for a in posted.allocation.lines] == [5, 6]
    after = loan_position(branch.uow(), number)
    assert after.days_past_due == 0 and after.total_overdue == 0
    assert after.next_due_date == date(2026, 8, 20)
    (row,) = loan_register(branch.uow())
    assert row.loan_number == number and row.days_past_due == 0
    assert (
        row.outstanding_principal
        == after.outstanding_principal
        == get_loan(branch.uow(), number).outstanding_principal
    )
    assert [r.receipt_number for r in repayment_history(branch.uow(), number)][-1] == "RC-0001"
    with branch.uow() as uow:
        events = [e.action for e in uow.audit.page(entity="repayments", limit=50)]
    assert "post_repayment" in events
    assert branch.store.verify_audit().intact


def test_the_same_receipt_cannot_be_posted_twice(branch):
    first, second = branch.book(booked(1, "100000", JAN_20, paid=5), booked(2, "50000", JAN_20))
    branch.pay(first, "8530.99", "POS-88")
    with pytest.raises(DomainError, match="回单号 POS-88 已于 2026-06-30 入账"):
        branch.pay(second, "100", " pos-88 ")
    with pytest.raises(DomainError, match="同一回单不能重复入账"):
        branch.pay(first, "8530.99", "POS-88")
    assert len(repayment_history(branch.uow(), second)) == 0
    # The unique constraint is the last word, should two desks pass the check at once.
    with branch.uow() as uow:
        stored = uow.repayments.by_receipt("POS-88")
        with pytest.raises(DomainError, match="刚刚已由其他柜员入账"):
            uow.repayments.add(stored)


def test_wrong_entries_and_out_of_order_dates_are_refused(branch):
    (number,) = branch.book(booked(1, "100000", JAN_20, paid=4))
    branch.pay(number, "100", "R-1", on=date(2026, 6, 25))
    with pytest.raises(DomainError, match="不能再补登更早日期"):
        branch.pay(number, "100", "R-2", on=date(2026, 6, 24))
    with pytest.raises(PermissionDenied, match="柜员"):
        branch.pay(number, "100", "R-3", teller=branch.li)
    with pytest.raises(NotFound, match="找不到贷款"):
        branch.pay("JK20990101-0001", "100", "R-4")


# --- reversal --------------------------------------------------------------------------------


def test_reversal_needs_another_supervisor_with_the_right_password(branch):
    (number,) = branch.book(booked(1, "100000", JAN_20, paid=4))
    before = loan_position(branch.uow(), number)
    posted = branch.pay(number, amount_due(branch.uow(), number), "R-9", teller=branch.ma)

    with pytest.raises(PermissionDenied, match="登记人不能审批自己的还款"):
        reverse_repayment(branch.uow(), branch.liu, "R-9", "金额录错", "ma", PASSWORD)
    with pytest.raises(PermissionDenied, match="业务主管"):
        reverse_repayment(branch.uow(), branch.ma, "R-9", "金额录错", "liu", PASSWORD)
    with pytest.raises(PermissionDenied, match="另一位业务主管"):
        reverse_repayment(branch.uow(), branch.chen, "R-9", "金额录错", "chen", PASSWORD)
    with pytest.raises(AuthenticationFailed):
        reverse_repayment(branch.uow(), branch.liu, "R-9", "金额录错", "chen", "wrong-pass1")
    with pytest.raises(ValidationError, match="冲正原因"):
        reverse_repayment(branch.uow(), branch.liu, "R-9", " ", "chen", PASSWORD)

    reversal = reverse_repayment(branch.uow(), branch.liu, "r-9", "金额录错", "chen", PASSWORD)

    assert reversal.approved_by == "chen" and reversal.requested_by == "liu"
    assert reversal.allocation.total == -posted.allocation.total
    assert loan_position(branch.uow(), number) == before
    (stored,) = repayment_history(branch.uow(), number)[-1:]
    assert stored.receipt_number == "R-9" and stored.reversed  # kept, marked reversed
    with pytest.raises(DomainError, match="不能重复冲正"):
        reverse_repayment(branch.uow(), branch.liu, "R-9", "再冲", "sun", PASSWORD)
    branch.pay(number, amount_due(branch.uow(), number), "R-10")
    assert loan_position(branch.uow(), number).days_past_due == 0


def test_only_the_latest_posting_can_be_reversed(branch):
    (number,) = branch.book(booked(1, "100000", JAN_20, paid=4))
    branch.pay(number, "1000", "A-1", on=date(2026, 6, 28))
    branch.pay(number, "1000", "A-2")
    with pytest.raises(DomainError, match="最近一笔未冲正的还款（回单号 A-2"):
        reverse_repayment(branch.uow(), branch.liu, "A-1", "录错", "chen", PASSWORD)
    reverse_repayment(branch.uow(), branch.liu, "A-2", "录错", "chen", PASSWORD)
    reverse_repayment(branch.uow(), branch.liu, "A-1", "录错", "chen", PASSWORD)
    assert loan_account(branch.uow(), number).last_paid_on == date(2026, 5, 20)


# --- early repayment and settlement ------------------------------------------------------------


def test_early_repayment_writes_a_new_schedule_version_and_keeps_the_old(branch):
    (number,) = branch.book(booked(1, "100000", JAN_20, paid=5))
    quote = early_repayment_quote(branch.uow(), number, TODAY, "30000", "缩短期限")
    assert quote.days == 10 and quote.interest == D("36.25")  # 30,000 × 4.35% × 10 / 360
    posted = branch.pay(number, quote.total, "E-1", kind="early", option="shorten-term")
    assert posted.schedule_version_before == 0 and posted.schedule_version_after == 1

    current = servicing_schedule(branch.uow(), number)
    original = servicing_schedule(branch.uow(), number, version=0)
    assert len(original) == 12 and len(current) < 12
    assert current[:5] == original[:5]
    account = loan_account(branch.uow(), number)
    assert account.schedule_version == 1
    assert account.outstanding_principal == original[4].balance - D("30000")

    reverse_repayment(branch.uow(), branch.liu, "E-1", "客户撤回提前还款申请", "chen", PASSWORD)
    restored = servicing_schedule(branch.uow(), number)
    assert loan_account(branch.uow(), number).schedule_version == 2
    assert [(ln.period, ln.principal) for ln in restored] == [
        (ln.period, ln.principal) for ln in original
    ]
    assert len(servicing_schedule(branch.uow(), number, version=1)) == len(current)


def test_settlement_closes_the_loan_and_nothing_more_can_be_posted(branch):
    (number,) = branch.book(booked(1, "100000", JAN_20, paid=5))
    quote = early_repayment_quote(branch.uow(), number, TODAY)
    assert quote.settles
    with pytest.raises(DomainError, match="应还"):
        branch.pay(number, quote.total - D("0.01"), "S-0", kind="settlement")
    branch.pay(number, quote.total, "S-1", kind="提前结清")
    assert get_loan(branch.uow(), number).state is LoanState.CLOSED
    assert loan_account(branch.uow(), number).closed_on == TODAY
    (row,) = loan_register(branch.uow())
    assert row.state is LoanState.CLOSED and row.outstanding_principal == 0
    with pytest.raises(DomainError, match="已于 2026-06-30 结清"):
        branch.pay(number, "1", "S-2")
    reverse_repayment(branch.uow(), branch.liu, "S-1", "款项未到账", "chen", PASSWORD)
    assert get_loan(branch.uow(), number).state is LoanState.ACTIVE


# --- the daily run -----------------------------------------------------------------------------


def _snapshot_table(branch) -> list:
    table = LoanAccrualRow.__table__
    with branch.uow() as uow:
        return uow.session.execute(select(table).order_by(table.c.loan_id, table.c.as_of)).all()


def test_the_daily_run_twice_equals_once(branch, clock):
    branch.book(
        booked(1, "100000", JAN_20, paid=5),
        booked(2, "50000", JAN_20, paid=3),
        booked(3, "30000", JAN_20, paid=0),
    )
    first = accrue(branch.uow(), branch.admin, TODAY)
    assert first.loans_recorded == 3 and first.loans_computed == 2 and first.loans_carried == 1
    snapshots = _snapshot_table(branch)
    register = loan_register(branch.uow())
    with branch.uow() as uow:
        audit_head = uow.audit.head()

    second = accrue(branch.uow(), branch.admin, TODAY)

    assert (second.loans_recorded, second.accounts_opened, second.tasks_created) == (0, 0, 0)
    assert _snapshot_table(branch) == snapshots
    assert loan_register(branch.uow()) == register
    with branch.uow() as uow:
        assert uow.audit.head() == audit_head
    by_loan = {a.loan_id: a for a in accruals_on(branch.uow(), TODAY)}
    late = max(by_loan.values(), key=lambda a: a.days_past_due)
    assert late.days_past_due == 130  # loan 3: nothing paid, first instalment due 02-20
    assert late.penalty_accrued > 0 and late.classification is Category.SUBSTANDARD

    clock.move(days=1)
    third = accrue(branch.uow(), branch.admin, TODAY + timedelta(days=1))
    assert third.loans_computed == 2 and third.loans_carried == 1


# --- follow-up tasks ------------------------------------------------------------------------------


def test_the_daily_run_plans_follow_up_tasks_for_the_officer(branch):
    recent = booked(1, "50000", TODAY - timedelta(days=20), officer="li")
    recent.use_checked_on = None
    overdue = booked(2, "50000", JAN_20, paid=3, officer="zhou")
    new_number, overdue_number = branch.book(recent, overdue)

    report = accrue(branch.uow(), branch.admin, TODAY)
    assert report.tasks_created >= 3

    li_tasks = my_tasks(branch.uow(), branch.li)
    (check,) = [t for t in li_tasks if t.kind is TaskKind.USE_CHECK]
    assert check.loan_number == new_number and check.due_on == TODAY - timedelta(days=5)
    zhou_kinds = {t.kind for t in my_tasks(branch.uow(), branch.zhou)}
    assert zhou_kinds == {TaskKind.COLLECTION, TaskKind.REVISIT}
    late = late_tasks(branch.uow(), branch.chen)
    assert list(late) == ["li", "zhou"]
    assert [t.kind for t in late["li"]] == [TaskKind.USE_CHECK]
    with pytest.raises(PermissionDenied):
        late_tasks(branch.uow(), branch.li)

    with pytest.raises(PermissionDenied, match="只有本人或业务主管"):
        complete_task(
            branch.uow(), branch.zhou, check.id, "已核查", Evidence("P-1"), version=check.version
        )
    with pytest.raises(DomainError, match="须提供证明材料"):
        complete_task(branch.uow(), branch.li, check.id, "已核查", version=check.version)
    done = complete_task(
        branch.uow(),
        branch.li,
        check.id,
        "实地查看，购入货物与用途相符",
        Evidence("照片档案 2026-0630-01", "发票.jpg", b"jpeg bytes"),
        version=check.version,
    )
    assert done.status is TaskStatus.DONE and done.evidence_sha256
    with pytest.raises(ConcurrencyConflict):
        complete_task(
            branch.uow(), branch.li, check.id, "再次", Evidence("x"), version=check.version
        )

    (call,) = [t for t in loan_tasks(branch.uow(), overdue_number) if t.kind is TaskKind.COLLECTION]
    complete_task(
        branch.uow(), branch.zhou, call.id, "电话联系，承诺月底前还款", version=call.version
    )
    again = accrue(branch.uow(), branch.admin, TODAY)
    assert again.tasks_created == 0  # the next call comes a week after this one
    branch.clock.move(days=7)
    next_week = accrue(branch.uow(), branch.admin, TODAY + timedelta(days=7))
    assert next_week.tasks_created >= 1
    calls = [t for t in loan_tasks(branch.uow(), overdue_number) if t.kind is TaskKind.COLLECTION]
    assert [t.status for t in calls] == [TaskStatus.DONE, TaskStatus.OPEN]


# --- classification --------------------------------------------------------------------------------


def test_classification_override_with_reason_and_blacklisting(branch):
    number, _current = branch.book(
        booked(1, "30000", JAN_20, paid=0, name="王五"), booked(2, "30000", JAN_20, paid=5)
    )
    accrue(branch.uow(), branch.admin, TODAY)
    (pending,) = classification_queue(branch.uow(), branch.chen)
    assert pending.loan_number == number and pending.suggested is Category.SUBSTANDARD
    version = pending.version

    with pytest.raises(PermissionDenied):
        classify(branch.uow(), branch.liu, number, "可疑", "理由", version=version)
    with pytest.raises(ValidationError, match="须填写理由"):
        classify(branch.uow(), branch.chen, number, "可疑", version=version)
    with pytest.raises(DomainError, match="不能认定为正常"):
        classify(branch.uow(), branch.chen, number, "正常", "已还款", version=version)
    with pytest.raises(DomainError, match="次级、可疑、损失"):
        classify(
            branch.uow(), branch.chen, number, "关注", "有抵押", version=version, blacklist=True
        )

    decision = classify(
        branch.uow(),
        branch.chen,
        number,
        "可疑",
        "借款人外出务工失联，保证人无代偿能力",
        version=version,
        blacklist=True,
    )

    assert decision.overridden and decision.suggested is Category.SUBSTANDARD
    assert decision.days_past_due == 130 and decision.decided_by == "chen"
    assert loan_account(branch.uow(), number).classification is Category.DOUBTFUL
    assert classification_history(branch.uow(), number) == [decision]
    assert classification_queue(branch.uow(), branch.chen) == []
    (listed,) = list_blacklist(branch.uow())
    assert listed.id_number == rid(1) and listed.name == "王五"
    assert number in listed.reason and "可疑" in listed.reason
    with branch.uow() as uow:
        assert "classify" in [e.action for e in uow.audit.page(entity="loan_accounts", limit=20)]
    with pytest.raises(ConcurrencyConflict):
        classify(branch.uow(), branch.chen, number, "损失", "再议", version=version)
    # The decision stands through the next daily run: the suggestion has not moved.
    branch.clock.move(days=1)
    accrue(branch.uow(), branch.admin, TODAY + timedelta(days=1))
    assert loan_account(branch.uow(), number).classification is Category.DOUBTFUL


# --- reports ------------------------------------------------------------------------------------------


def test_report_figures_for_a_small_hand_made_portfolio(branch):
    current = booked(1, "100000", JAN_20, paid=5, officer="li")
    late_35 = booked(2, "50000", JAN_20, paid=3, officer="li")  # due 05-20 unpaid: 41 days
    late_100 = booked(3, "30000", JAN_20, paid=1, officer="zhou", product="personal-guarantee")
    repaid = booked(4, "20000", date(2025, 6, 10), paid=12, officer="zhou", area="洪蓝片区")
    written_off = booked(
        5,
        "40000",
        date(2025, 1, 20),
        paid=2,
        product="personal-guarantee",
        written_off_on=date(2026, 5, 1),
    )
    branch.book(current, late_35, late_100, repaid, written_off)

    # Outstanding by hand: the schedule balance after the instalments paid.
    o1 = current.schedule.instalments[4].balance
    o2 = late_35.schedule.instalments[2].balance
    o3 = late_100.schedule.instalments[0].balance
    assert o1 == D("58860.37")
    report = portfolio_report(branch.uow())
    micro, personal = report.rows
    assert (micro.key, micro.label) == ("micro", "小微贷款")
    assert (micro.loans_disbursed, micro.active_loans) == (3, 2)
    assert micro.amount_disbursed == D("170000.00")
    assert micro.outstanding == o1 + o2
    assert micro.par1 == micro.par30 == (o2 / (o1 + o2)).quantize(D("0.0001"))
    assert micro.par90 == 0
    assert (personal.loans_disbursed, personal.active_loans, personal.outstanding) == (2, 1, o3)
    assert personal.par90 == D("1.0000")  # 102 days late; the written-off loan is out
    total = report.total
    assert total.label == "合计" and total.outstanding == o1 + o2 + o3
    assert total.par30 == ((o2 + o3) / (o1 + o2 + o3)).quantize(D("0.0001"))
    assert total.par90 == (o3 / (o1 + o2 + o3)).quantize(D("0.0001"))

    # A day before today is recomputed from the postings; after a daily run, from its snapshot.
    accrue(branch.uow(), branch.admin, TODAY)
    branch.clock.move(days=1)
    from_snapshot = portfolio_report(branch.uow(), TODAY)
    assert from_snapshot.source == "snapshots" and from_snapshot.total == total
    recomputed = portfolio_report(branch.uow(), TODAY - timedelta(days=1))
    assert recomputed.source == "postings"
    assert recomputed.total.outstanding == total.outstanding
    march = portfolio_report(branch.uow(), date(2026, 3, 31))
    # On 31 March: loan 3 (instalment 2 due 03-20) 11 days late, loan 5 long overdue.
    assert march.total.par1 > 0 and march.total.par30 > 0

    series = portfolio_series(branch.uow(), date(2026, 1, 1))
    assert [m.day for m in series][-2:] == [date(2026, 6, 30), date(2026, 7, 1)]
    assert series[-2].source == "snapshots" and series[-2].par30 == total.par30

    by_officer = {r.key: r for r in portfolio_report(branch.uow(), TODAY, "officer").rows}
    assert by_officer["li"].label == "李信贷" and by_officer["li"].loans_disbursed == 3
    performance = officer_performance(branch.uow(), branch.chen, TODAY)
    assert [(p.officer, p.stage, p.to_next_stage) for p in performance][:1] == [
        ("li", "培养期", 43)
    ]
    areas = {r.key for r in portfolio_report(branch.uow(), TODAY, "area").rows}
    assert areas == {"永阳片区", "洪蓝片区"}

    lines = {line.category: line for line in classification_breakdown(branch.uow())}
    assert lines[Category.NORMAL].loans == 1 and lines[Category.SUBSTANDARD].loans == 1
    assert sum(line.loans for line in lines.values()) == 3
    due = loans_due(branch.uow(), days=25, today=TODAY + timedelta(days=1))
    assert [(d.loan_number, d.next_due_date, d.days_past_due) for d in due] == [
        (current.loan.loan_number, date(2026, 7, 20), 0),
        (late_35.loan.loan_number, date(2026, 7, 20), 42),
        (late_100.loan.loan_number, date(2026, 7, 20), 103),
    ]


# --- the register ---------------------------------------------------------------------------------------


def test_the_register_pages_by_keyset_without_duplicates(branch):
    loans = [
        booked(
            n,
            "20000",
            JAN_20 + timedelta(days=n % 3),
            paid=n % 6,
            officer="li" if n % 2 else "zhou",
        )
        for n in range(1, 26)
    ]
    numbers = branch.book(*loans)
    seen, after = [], None
    while True:
        page = loan_register(branch.uow(), after=after, limit=7)
        if not page:
            break
        seen += [row.loan_number for row in page]
        after = page[-1].sort_key
    assert seen == sorted(numbers, reverse=True) and len(set(seen)) == 25

    overdue = loan_register(branch.uow(), RegisterFilters(overdue=True), limit=100)
    assert overdue and all(row.days_past_due > 0 for row in overdue)
    current = loan_register(branch.uow(), RegisterFilters(overdue=False), limit=100)
    assert len(overdue) + len(current) == 25
    by_number = loan_register(branch.uow(), RegisterFilters(numbers[0][:-2]))
    assert numbers[0] in [r.loan_number for r in by_number]
    by_date = loan_register(branch.uow(), RegisterFilters(numbers[0][2:11]))
    assert {r.loan_number[:11] for r in by_date} == {numbers[0][:11]}
    by_name = loan_register(branch.uow(), RegisterFilters("张三"))
    assert {r.borrower_name for r in by_name} == {"张三2", "张三12", "张三22"}
    by_officer = loan_register(branch.uow(), RegisterFilters("周信"))
    assert len(by_officer) == 12 and {r.officer for r in by_officer} == {"zhou"}
    assert loan_register(branch.uow(), RegisterFilters("li.x")) == []
    assert len(loan_register(branch.uow(), RegisterFilters("li"))) == 13
    assert loan_register(branch.uow(), RegisterFilters(product_code="quick-mortgage")) == []
    assert len(loan_register(branch.uow(), RegisterFilters(state="未结清"))) == 25


# --- disbursement opens the account ---------------------------------------------------------------------


def test_a_loan_disbursed_at_the_desk_gets_its_account_and_use_check(database_url):
    from tests.integration.test_workflow import START, Desk, MovableClock, own_payment

    clock = MovableClock(START)
    store = open_store(database_url, clock)
    store.upgrade()
    try:
        desk = Desk(store, clock)
        application = desk.signed_off()
        number = application.application_number
        loan = disburse(desk.uow(), desk.liu, number, application.version, own_payment())

        # In the register at once, before any daily run.
        fixed = loan_schedule(desk.uow(), loan.loan_number).instalments
        (row,) = loan_register(desk.uow())
        assert row.loan_number == loan.loan_number and row.outstanding_principal == loan.amount
        assert row.next_due_date == fixed[0].due_date and row.officer == "li"
        account = loan_account(desk.uow(), loan.loan_number)
        assert account.penalty_uplift == D("0.50") and account.marketing_area == "永阳片区"
        lines = servicing_schedule(desk.uow(), loan.loan_number)
        assert [(ln.due_date, ln.principal, ln.interest) for ln in lines] == [
            (i.due_date, i.principal, i.interest) for i in fixed
        ]
        (check,) = my_tasks(desk.uow(), desk.li)
        assert check.kind is TaskKind.USE_CHECK and check.due_on == START.date() + timedelta(
            days=15
        )
        report = accrue(desk.uow(), desk.admin, clock.today())
        assert report.accounts_opened == 0 and report.loans_recorded == 1

        clock.move(days=50)
        first = fixed[0]
        entry = RepaymentEntry(first.payment, first.due_date, "代扣", "AD-0001")
        post_repayment(desk.uow(), desk.liu, loan.loan_number, entry)
        assert loan_position(desk.uow(), loan.loan_number).next_due_date == fixed[1].due_date

        second = desk.signed_off()
        payment = own_payment()
        payment = type(payment)(clock.today(), payment.amount, payment.repayment_account)
        disburse(desk.uow(), desk.liu, second.application_number, second.version, payment)
        assert len(loan_register(desk.uow())) == 2
        with pytest.raises(ValidationError, match="晚于今天"):
            accrue(desk.uow(), desk.admin, clock.today() + timedelta(days=1))
    finally:
        store.close()


# --- the payment form's entries: early repayment and settlement --------------------------------------


def _form_entry(amount, receipt: str, kind: PaymentKind, option=None) -> RepaymentEntry:
    """A posting exactly as ``PaymentEntryDialog.entry()`` builds it."""
    return RepaymentEntry(amount, TODAY, Channel.CASH.value, receipt, kind, option)


def test_early_repayments_from_the_form_reschedule_both_ways(branch):
    shorter, lower = branch.book(
        booked(1, "100000", JAN_20, paid=5), booked(2, "100000", JAN_20, paid=5)
    )
    original = servicing_schedule(branch.uow(), shorter)
    for number, option in (
        (shorter, EarlyRepaymentOption.SHORTEN_TERM),
        (lower, EarlyRepaymentOption.REDUCE_INSTALMENT),
    ):
        quote = early_repayment_quote(branch.uow(), number, TODAY, D("30000"), option)
        entry = _form_entry(quote.total, f"F-{number[-4:]}", PaymentKind.EARLY, option)
        posted = post_repayment(branch.uow(), branch.liu, number, entry)
        assert posted.kind is PaymentKind.EARLY and posted.option is option
        assert posted.allocation.prepaid_principal == D("30000")
        assert posted.allocation.prepayment_interest == quote.interest == D("36.25")
        current = servicing_schedule(branch.uow(), number)
        assert [(ln.period, ln.due_date, ln.principal + ln.interest) for ln in current[5:]] == [
            (i.period, i.due_date, i.payment) for i in quote.schedule.instalments
        ]
        account = loan_account(branch.uow(), number)
        assert account.outstanding_principal == original[4].balance - D("30000")
        assert account.state is LoanState.ACTIVE and account.schedule_version == 1

    shortened, lowered = (servicing_schedule(branch.uow(), n) for n in (shorter, lower))
    assert len(shortened) < 12 and shortened[-1].due_date < original[-1].due_date
    assert len(lowered) == 12 and lowered[-1].due_date == original[-1].due_date
    assert lowered[5].principal + lowered[5].interest < original[5].principal + original[5].interest


def test_a_settlement_from_the_form_must_bring_the_exact_payoff(branch):
    (number,) = branch.book(booked(1, "100000", JAN_20, paid=4))  # instalment 5 late
    payoff = early_repayment_quote(branch.uow(), number, TODAY)
    assert payoff.due_now > 0 and payoff.settles
    before = loan_account(branch.uow(), number)

    for wrong in (payoff.total - D("0.01"), payoff.total + D("100")):
        entry = _form_entry(wrong, "S-1", PaymentKind.SETTLEMENT)
        with pytest.raises(DomainError, match=f"应还 {format_amount(payoff.total)} 元"):
            post_repayment(branch.uow(), branch.liu, number, entry)
    # Nothing half-saved: no posting, the account as it was.
    assert len(repayment_history(branch.uow(), number)) == 4
    assert loan_account(branch.uow(), number) == before

    post_repayment(
        branch.uow(), branch.liu, number, _form_entry(payoff.total, "S-1", PaymentKind.SETTLEMENT)
    )
    account = loan_account(branch.uow(), number)
    assert account.state is LoanState.CLOSED and account.closed_on == TODAY
    assert account.outstanding_principal == 0
    (row,) = loan_register(branch.uow())
    assert row.state is LoanState.CLOSED


# --- write-off ----------------------------------------------------------------------------------------


def _loss_loan(
    branch, *, confirm: bool = True, category: str = "损失", officer: str = "li"
) -> tuple[str, int]:
    """A loan two years overdue (suggested 损失), classified by chen when
    ``confirm``; its number and account version."""
    loan = booked(7, "40000", date(2024, 3, 20), paid=2, officer=officer, name="赵六")
    (number,) = branch.book(loan)
    account = loan_account(branch.uow(), number)
    assert account.suggested_class is Category.LOSS and not account.classification_confirmed
    if confirm:
        reason = "" if category == "损失" else "保证人有一定代偿能力"
        classify(branch.uow(), branch.chen, number, category, reason, version=account.version)
    return number, loan_account(branch.uow(), number).version


def test_only_a_loan_confirmed_as_loss_can_be_written_off(branch):
    suggested, version = _loss_loan(branch, confirm=False)
    with pytest.raises(DomainError, match="尚未经业务主管认定"):
        write_off(
            branch.uow(),
            branch.chen,
            suggested,
            "借款人失联",
            version=version,
            approver="sun",
            approver_password=PASSWORD,
        )
    current = booked(8, "30000", JAN_20, paid=5)
    (number,) = branch.book(current)
    account = loan_account(branch.uow(), number)
    assert write_off_refusal(account) is not None
    with pytest.raises(DomainError, match="目前为“正常”"):
        write_off(
            branch.uow(),
            branch.chen,
            number,
            "借款人失联",
            version=account.version,
            approver="sun",
            approver_password=PASSWORD,
        )
    assert loan_account(branch.uow(), suggested).state is LoanState.ACTIVE


def test_a_doubtful_loan_cannot_be_written_off(branch):
    number, version = _loss_loan(branch, category="可疑")
    with pytest.raises(DomainError, match="目前为“可疑”（已认定）"):
        write_off(
            branch.uow(),
            branch.chen,
            number,
            "借款人失联",
            version=version,
            approver="sun",
            approver_password=PASSWORD,
        )


def test_a_write_off_needs_a_reason_a_supervisor_and_a_second_persons_password(branch):
    # The loan's officer, ma, also holds the supervisor's role.
    number, version = _loss_loan(branch, officer="ma")

    def attempt(
        actor, reason="借款人死亡，无财产可供执行", approver="sun", password=PASSWORD, v=None
    ):
        return write_off(
            branch.uow(),
            actor,
            number,
            reason,
            version=version if v is None else v,
            approver=approver,
            approver_password=password,
        )

    with pytest.raises(ValidationError, match="核销原因"):
        attempt(branch.chen, reason="  ")
    with pytest.raises(PermissionDenied, match="业务主管"):
        attempt(branch.liu)  # a teller cannot write off
    with pytest.raises(PermissionDenied, match="另一位业务主管或管理员审批"):
        attempt(branch.chen, approver="chen")
    with pytest.raises(AuthenticationFailed):
        attempt(branch.chen, password="wrong-pass1")
    with pytest.raises(PermissionDenied, match="审批核销"):
        attempt(branch.chen, approver="liu")  # a teller cannot approve
    with pytest.raises(PermissionDenied, match=r"马兼职（ma）是贷款 .* 的经办客户经理"):
        attempt(branch.chen, approver="ma")
    with pytest.raises(PermissionDenied, match="经办客户经理"):
        attempt(branch.ma, approver="chen")
    with pytest.raises(ConcurrencyConflict, match="刷新"):
        attempt(branch.chen, v=version - 1)
    account = loan_account(branch.uow(), number)
    assert account.state is LoanState.ACTIVE and account.version == version

    done = attempt(branch.chen, approver="admin")

    assert done.written_off_by == "chen" and done.approved_by == "admin"
    assert done.written_off_on == TODAY
    assert done.principal == account.outstanding_principal
    position_before = account  # as computed at booking, on the same day
    assert done.interest == position_before.overdue_interest and done.interest > 0
    assert done.total == done.principal + done.interest
    assert done.penalty > 0 and done.compound > 0
    with pytest.raises(DomainError, match="不能重复核销"):
        attempt(branch.chen, v=loan_account(branch.uow(), number).version)


def test_a_written_off_loan_stays_in_the_register_and_refuses_postings(branch):
    number, version = _loss_loan(branch)
    payments = repayment_history(branch.uow(), number)
    schedule = servicing_schedule(branch.uow(), number)
    decisions = classification_history(branch.uow(), number)

    done = write_off(
        branch.uow(),
        branch.chen,
        number,
        "借款人外出失联两年，保证人已破产，经诉讼终结执行",
        version=version,
        approver="sun",
        approver_password=PASSWORD,
    )

    account = loan_account(branch.uow(), number)
    assert account.state is LoanState.WRITTEN_OFF and account.closed_on == TODAY
    assert account.classification is Category.LOSS and account.classification_confirmed
    assert get_loan(branch.uow(), number).state is LoanState.WRITTEN_OFF
    (row,) = loan_register(branch.uow())
    assert row.loan_number == number and row.state.label == "已核销"
    (listed,) = loan_register(branch.uow(), RegisterFilters(state="已核销"))
    assert listed.loan_number == number
    assert loan_register(branch.uow(), RegisterFilters(state="未结清")) == []
    # 账销案存: the history is all there.
    assert repayment_history(branch.uow(), number) == payments
    assert servicing_schedule(branch.uow(), number) == schedule
    assert classification_history(branch.uow(), number) == decisions
    with pytest.raises(DomainError, match="已核销"):
        branch.pay(number, "1000", "W-1")
    assert len(repayment_history(branch.uow(), number)) == len(payments)
    with pytest.raises(DomainError, match="核销（账销案存），其还款记录不能再冲正"):
        reverse_repayment(
            branch.uow(), branch.liu, payments[-1].receipt_number, "录错", "chen", PASSWORD
        )
    # Out of the daily run and of the portfolio.
    report = accrue(branch.uow(), branch.admin, TODAY)
    assert report.loans_recorded == 0
    assert portfolio_report(branch.uow()).total.outstanding == 0

    with branch.uow() as uow:
        entries = uow.audit.page(entity="loan_accounts", limit=20)
    (event,) = [e for e in entries if e.action == "write_off"]
    assert event.actor == "chen" and event.entity_id == number
    assert event.after["amount"] == str(done.total)
    assert event.after["principal"] == str(done.principal)
    assert event.after["interest"] == str(done.interest)
    assert event.after["approved_by"] == "sun"
    assert event.after["reason"].startswith("借款人外出失联两年")
    with branch.uow() as uow:
        loan_changes = uow.audit.page(entity="loans", limit=5)
    assert loan_changes[0].action == "update" and loan_changes[0].actor == "chen"
    assert loan_changes[0].after["state"] == "written_off"
    assert branch.store.verify_audit().intact
