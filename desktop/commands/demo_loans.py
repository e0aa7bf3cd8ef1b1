"""``loandesk demo-loans``: a loan book with repayment histories, for
training, trials and the register's benchmark.

    loandesk demo-loans [--url URL] [--loans N] [--seed S]

Creates ``N`` disbursed loans over the last two and a half years with
their repayment histories: most paid on time, some a few days late now and
then, some repaid early (shorter term or smaller instalments) or settled,
some in arrears for weeks to well over a year, a few written off and
classified 损失. Borrowers are new customers of the county branch (about
one in four comes back for a second loan); the loan officers, a supervisor
and a teller are the demo staff (added if missing, the new accounts'
password printed once). Loans are stored in batches through the loan-book
loader, which replays every payment through the posting rules; then the
daily run is made for today.

A million loans take several minutes on SQLite. The same seed gives the
same book; dates follow today.
"""

from __future__ import annotations

import argparse
import random
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from domain.accounts import add_user, list_users
from domain.applications import Application, ApplicationState
from domain.catalogue import base_rate_history, list_products, spread_table
from domain.classification import Category
from domain.customers import Business, Customer, MaritalStatus, Premises
from domain.errors import DomainError
from domain.identity import id_check_digit
from domain.loans import Loan
from domain.paperwork import OwnPayment
from domain.pricing import RiskGrade, price
from domain.products import GuaranteeType
from domain.schedule import EarlyRepaymentOption, RepaymentMethod, build_schedule
from domain.servicing import (
    BookedLoan,
    BookedPayment,
    Channel,
    PaymentKind,
    accrue,
    console_operator,
    load_loan_book,
)
from domain.users import Role, User

DEFAULT_LOANS = 2000
DEFAULT_SEED = 2026
BATCH = 10_000
HISTORY_DAYS = 900
LOANS_PER_OFFICER = 120
MAX_OFFICERS = 100

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟强磊军洋勇杰涛明超刚平辉斌鹏华飞建国新春林海波宇浩凯健俊帆旭宁东峰志坤发荣福宝芳娜秀英敏静丽艳娟霞玲芬燕萍红梅兰琴云莉婷雪慧颖玉凤珍桂香月美琳洁倩"
_REGIONS = ("320124", "320124", "320124", "320125", "320121", "321084", "341181")
_TOWNS = ("永阳", "洪蓝", "柘塘", "石湫", "东屏", "白马", "晶桥", "和凤")
_TRADES = (
    ("杂货店", "零售"),
    ("餐馆", "餐饮"),
    ("五金店", "五金建材"),
    ("服装店", "服装"),
    ("养殖场", "养殖"),
    ("农资店", "农资"),
    ("汽修店", "汽车维修"),
    ("蔬菜批发部", "农产品批发"),
)
# (product, guarantee, weight)
_PRODUCTS = (
    ("micro", GuaranteeType.NATURAL_PERSON, 55),
    ("personal-guarantee", GuaranteeType.NATURAL_PERSON, 20),
    ("joint-group", GuaranteeType.JOINT_GROUP, 15),
    ("quick-mortgage", GuaranteeType.COLLATERAL, 10),
)
_METHODS = (
    (RepaymentMethod.EQUAL_INSTALLMENT, 55),
    (RepaymentMethod.EQUAL_PRINCIPAL, 25),
    (RepaymentMethod.INTEREST_MONTHLY, 20),
)
_CHANNELS = (Channel.AUTO_DEBIT, Channel.AUTO_DEBIT, Channel.TRANSFER, Channel.CASH, Channel.MOBILE)
_GRADES = (RiskGrade.A, RiskGrade.B, RiskGrade.B, RiskGrade.C)

# How borrowers behave, with weights out of 100.
_BEHAVIOURS = (
    ("on_time", 69),
    ("sometimes_late", 16),
    ("early", 6),
    ("settled", 3),
    ("arrears", 4),
    ("written_off", 2),
)
_SUPERVISOR = "chen.hui"
_TELLER = "liu.yan"
_STAFF = (
    ("demo.admin", "张管理", (Role.ADMINISTRATOR,)),
    ("chen.hui", "陈慧", (Role.SUPERVISOR,)),
    ("liu.yan", "刘燕", (Role.TELLER,)),
    ("li.xin", "李信", (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)),
    ("wang.fang", "王芳", (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)),
    ("zhou.jie", "周杰", (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)),
)


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``demo-loans`` subcommand; its ``func`` is :func:`run`."""
    from desktop.commands.common import add_url

    parser = subparsers.add_parser(
        "demo-loans",
        help="装入演示贷款及还款记录（培训、试用、性能测试）",
        description="装入已放款的演示贷款，含按时、提前、逾期、核销等还款记录，然后执行当日日终处理。",
    )
    parser.add_argument(
        "--loans", type=int, default=DEFAULT_LOANS, help=f"贷款笔数（默认 {DEFAULT_LOANS}）"
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="随机种子：相同的种子生成相同的贷款"
    )
    add_url(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Load the book into ``args.url`` (an empty database is given its
    tables) and print what was loaded. ``UserError`` for fewer than one loan
    or a database at another schema version."""
    from desktop.commands.common import UserError, open_ready_store

    if args.loans < 1:
        raise UserError("贷款笔数至少为 1。")
    store = open_ready_store(args, allow_outdated=True)
    try:
        status = store.schema_status()
        if status.state.value == "empty":
            store.upgrade()
        elif status.state.value != "current":
            hint = " 请先运行：loandesk db upgrade" if status.state.value == "older" else ""
            raise UserError(status.message + hint)
        started = time.perf_counter()
        loaded = load_demo_loans(store.uow, loans=args.loans, seed=args.seed, progress=_progress)
        seconds = time.perf_counter() - started
    finally:
        store.close()
    print_book_report(loaded, seconds, args.seed)
    return 0


def _progress(done: int, total: int) -> None:
    print(f"  已装入 {done}/{total} 笔贷款", flush=True)


@dataclass
class LoadedBook:
    loans: int
    repayments: int
    customers: int
    password: str | None
    staff: list[str]
    daily_run: str


def load_demo_loans(
    new_uow, *, loans: int, seed: int, today: date | None = None, progress=None
) -> LoadedBook:
    """Generate and store ``loans`` loans in batches, then run today's
    accrual. ``new_uow`` makes a fresh unit of work for each step."""
    rng = random.Random(seed)
    day = today or date.today()
    operator = User(console_operator(), "演示数据", frozenset({Role.ADMINISTRATOR}), "")
    officers = _officer_names(loans)
    password, staff = _ensure_staff(new_uow, operator, officers)
    book = _Book(rng, day, officers, _Pricing(new_uow, day), _products(new_uow))
    repayments = customers = done = 0
    for batch in book.batches(loans, BATCH):
        report = load_loan_book(new_uow(), operator, batch)
        repayments += report.repayments
        customers += report.customers_added
        done += report.loans
        if progress is not None and loans > BATCH:
            progress(done, loans)
    daily = accrue(new_uow(), operator, day)
    return LoadedBook(done, repayments, customers, password, staff, daily.message)


# ---------------------------------------------------------------------------
# Staff, products, prices
# ---------------------------------------------------------------------------


def _officer_names(loans: int) -> list[str]:
    """The three demo officers, and more for a large book (one per 120 loans, up to 100)."""
    count = min(max(loans // LOANS_PER_OFFICER, 3), MAX_OFFICERS)
    names = ["li.xin", "wang.fang", "zhou.jie"]
    return names + [f"officer{n:03d}" for n in range(4, count + 1)]


def _ensure_staff(new_uow, operator: User, officers: list[str]) -> tuple[str | None, list[str]]:
    """Add the demo staff who are missing, with one new password (returned,
    ``None`` when nobody was added)."""
    password = f"Demo{secrets.randbelow(900_000) + 100_000}"
    existing = {user.username for user in list_users(new_uow(), operator)}
    wanted = list(_STAFF) + [
        (name, f"客户经理{name[-3:]}", (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER))
        for name in officers
        if name not in {s[0] for s in _STAFF}
    ]
    added = []
    for username, full_name, roles in wanted:
        if username not in existing:
            add_user(new_uow(), operator, username, full_name, roles, password)
            added.append(username)
    return (password if added else None), added


def _products(new_uow) -> list[tuple[str, GuaranteeType, int, object]]:
    active = {p.code: p for p in list_products(new_uow())}
    chosen = [(code, g, w, active[code]) for code, g, w in _PRODUCTS if code in active]
    if not chosen:
        raise DomainError("产品目录中没有可用的演示产品（micro 等），请先检查产品设置。")
    return chosen


class _Pricing:
    """Rates priced as the desk would on each application date, remembered."""

    def __init__(self, new_uow, today: date):
        self.history = base_rate_history(new_uow())
        self.spreads = spread_table(new_uow())
        self.earliest = min(r.effective_date for r in self.history)
        self.known: dict[tuple, object] = {}

    def __call__(self, product: str, grade: RiskGrade, day: date, months: int):
        key = (product, grade, max(day, self.earliest), months)
        if key not in self.known:
            self.known[key] = price(product, grade, key[2], months, self.history, self.spreads)
        return self.known[key]


# ---------------------------------------------------------------------------
# The book
# ---------------------------------------------------------------------------


class _Book:
    """Makes the loans, batch by batch, from one random generator."""

    def __init__(self, rng: random.Random, today: date, officers, pricing: _Pricing, products):
        self.rng, self.today, self.officers = rng, today, officers
        self.pricing, self.products = pricing, products
        self.ids: set[str] = set()
        self.borrowers: list[tuple[Customer, Business]] = []
        self.count = 0

    def batches(self, total: int, size: int) -> Iterator[list[BookedLoan]]:
        while self.count < total:
            yield [self.loan() for _ in range(min(size, total - self.count))]

    def loan(self) -> BookedLoan:
        self.count += 1
        rng = self.rng
        customer, business = self._borrower()
        code, guarantee, _w, product = rng.choices(
            self.products, weights=[p[2] for p in self.products]
        )[0]
        method = rng.choices([m for m, _ in _METHODS], weights=[w for _, w in _METHODS])[0]
        months = rng.choice((6, 12, 12, 12, 18, 24))
        amount = _amount(rng, product)
        start = self.today - timedelta(days=rng.randint(1, HISTORY_DAYS))
        officer = rng.choice(self.officers)
        grade = rng.choice(_GRADES)
        pricing = self.pricing(code, grade, start, months)
        due_day = rng.choice((20, 20, 20, 21, 10, 15))
        schedule = build_schedule(amount, pricing.annual_rate, months, start, method, due_day)
        created = datetime.combine(
            start - timedelta(days=rng.randint(7, 30)), datetime.min.time(), UTC
        )
        application = Application(
            application_number="",
            customer_id=0,
            product_code=code,
            officer=officer,
            state=ApplicationState.DISBURSED,
            amount=amount,
            months=months,
            purpose=rng.choice(("进货周转", "购置设备", "扩大经营", "购买饲料和种苗", "支付货款")),
            repayment_method=method,
            due_day=due_day,
            guarantee_type=guarantee,
            created_at=created,
            created_by=officer,
            updated_at=created,
        )
        loan = Loan(
            loan_number="",
            application_number="",
            customer_id=0,
            borrower_name="",
            product_code=code,
            amount=amount,
            annual_rate=pricing.annual_rate,
            base_rate=pricing.base_rate,
            spread=pricing.spread,
            pricing_description=pricing.description,
            risk_grade=grade,
            months=months,
            repayment_method=method,
            due_day=due_day,
            start_date=start,
            maturity_date=schedule.instalments[-1].due_date,
            repayment_account="6228" + f"{rng.randrange(10**15):015d}",
            payment=OwnPayment(),
            disbursed_at=datetime.combine(start, datetime.min.time(), UTC) + timedelta(hours=2),
            disbursed_by=_TELLER,
            penalty_uplift=product.penalty_uplift,
            misuse_penalty_uplift=product.misuse_penalty_uplift,
        )
        booked = BookedLoan(customer, business, application, loan, schedule)
        _history(rng, booked, self.today, self.count)
        return booked

    def _borrower(self) -> tuple[Customer, Business]:
        """A new borrower, or (one time in four) one who borrowed before."""
        if self.borrowers and self.rng.random() < 0.25:
            return self.rng.choice(self.borrowers)
        rng = self.rng
        male = rng.random() < 0.6
        number = self._id_number(male)
        town = rng.choice(_TOWNS)
        shop, industry = rng.choice(_TRADES)
        name = rng.choice(_SURNAMES) + "".join(
            rng.choice(_GIVEN) for _ in range(rng.choice((1, 2)))
        )
        customer = Customer(
            name=name,
            id_number=number,
            phone=rng.choice(("138", "139", "150", "158", "187", "189"))
            + f"{rng.randrange(10**8):08d}",
            address=f"江苏省南京市溧水区{town}镇{rng.randint(1, 300)}号",
            marital_status=MaritalStatus.MARRIED if rng.random() < 0.75 else MaritalStatus.SINGLE,
        )
        if customer.marital_status is MaritalStatus.MARRIED:
            customer.spouse_name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
            customer.spouse_id_number = self._id_number(not male)
        business = Business(
            customer_id=0,
            name=f"{name[0]}记{shop}",
            industry=industry,
            operating_since=self.today - timedelta(days=rng.randint(400, 6000)),
            premises=Premises.RENTED if rng.random() < 0.6 else Premises.OWNED,
            employees=rng.randint(0, 8),
            marketing_area=f"{town}片区",
        )
        self.borrowers.append((customer, business))
        return customer, business

    def _id_number(self, male: bool) -> str:
        """A valid resident ID number not given out before in this book."""
        rng = self.rng
        while True:
            born = date(rng.randint(1962, 2000), rng.randint(1, 12), rng.randint(1, 28))
            first_17 = f"{rng.choice(_REGIONS)}{born:%Y%m%d}{rng.randint(0, 499) * 2 + male:03d}"
            number = first_17 + id_check_digit(first_17)
            if number not in self.ids:
                self.ids.add(number)
                return number


def _amount(rng: random.Random, product) -> Decimal:
    low = max(int(product.min_amount) // 1000, 10)
    high = min(int(product.max_amount) // 1000, 300)
    return Decimal(rng.randint(low, max(low, high))) * 1000


# ---------------------------------------------------------------------------
# Repayment histories
# ---------------------------------------------------------------------------


def _history(rng: random.Random, booked: BookedLoan, today: date, number: int) -> None:
    """The loan's payments up to today, by the borrower's behaviour."""
    behaviour = rng.choices([b for b, _ in _BEHAVIOURS], weights=[w for _, w in _BEHAVIOURS])[0]
    due = [i.due_date for i in booked.schedule.instalments if i.due_date < today]
    receipts = (f"DL{number:07d}-{n:03d}" for n in range(1, 1000))
    channel = rng.choice(_CHANNELS)
    payments = booked.payments
    start = booked.loan.start_date
    stop = len(due)
    if behaviour in ("arrears", "written_off") and due:
        stop = rng.randint(0, len(due) - 1)
    for index, day in enumerate(due[:stop]):
        paid_on = _paid_on(rng, behaviour, day, today)
        if payments and paid_on < payments[-1].paid_on:
            paid_on = payments[-1].paid_on
        payments.append(BookedPayment(paid_on, next(receipts), channel, covering=day))
        if (
            behaviour == "early"
            and index == stop // 2
            and index + 2 < len(booked.schedule.instalments)
        ):
            payments.append(_prepayment(rng, booked, day, next(receipts), channel))
        if behaviour == "settled" and index == stop // 2:
            payments.append(
                BookedPayment(day, next(receipts), channel, kind=PaymentKind.SETTLEMENT)
            )
            break
    if behaviour == "arrears" and stop < len(due) and rng.random() < 0.4:
        late = min(due[stop] + timedelta(days=rng.randint(5, 60)), today - timedelta(days=1))
        if late > due[stop] and (not payments or late >= payments[-1].paid_on):
            payments.append(BookedPayment(late, next(receipts), Channel.CASH, share=Decimal("0.5")))
    _aftercare(rng, booked, behaviour, due, stop, today, start)


def _paid_on(rng: random.Random, behaviour: str, due: date, today: date) -> date:
    if behaviour == "sometimes_late" and rng.random() < 0.3:
        return min(due + timedelta(days=rng.randint(1, 25)), today - timedelta(days=1))
    return due - timedelta(days=rng.choice((0, 0, 0, 1, 2, 3)))


def _prepayment(
    rng, booked: BookedLoan, day: date, receipt: str, channel: Channel
) -> BookedPayment:
    remaining = [i for i in booked.schedule.instalments if i.due_date > day]
    balance = sum(i.principal for i in remaining)
    principal = (balance * Decimal(rng.randint(20, 60)) / 100).quantize(Decimal(1000)) or Decimal(
        1000
    )
    option = EarlyRepaymentOption.REDUCE_INSTALMENT
    if booked.loan.repayment_method is not RepaymentMethod.INTEREST_MONTHLY and rng.random() < 0.5:
        option = EarlyRepaymentOption.SHORTEN_TERM
    return BookedPayment(
        day,
        receipt,
        channel,
        kind=PaymentKind.EARLY,
        principal=min(principal, balance - 1),
        option=option,
    )


def _aftercare(
    rng, booked: BookedLoan, behaviour: str, due, stop: int, today: date, start: date
) -> None:
    """Use check, last revisit, write-off and its classification."""
    if today - start > timedelta(days=15) and rng.random() < 0.97:
        booked.use_checked_on = start + timedelta(days=rng.randint(3, 14))
    visits = (today - start).days // 90
    if visits and rng.random() < 0.9:
        booked.revisited_on = start + timedelta(days=90 * visits - rng.randint(0, 5))
    if behaviour == "written_off" and stop < len(due):
        written_off = due[stop] + timedelta(days=400)
        if written_off < today:
            booked.written_off_on = written_off
            booked.classification = (
                Category.LOSS,
                _SUPERVISOR,
                "逾期超过一年，催收无果，已按规定核销",
            )


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def print_book_report(loaded: LoadedBook, seconds: float, seed: int) -> None:
    print(
        f"已装入演示贷款（种子 {seed}）：贷款 {loaded.loans} 笔、还款记录 {loaded.repayments} 笔、"
        f"新客户 {loaded.customers} 户，用时 {seconds:.1f} 秒。"
    )
    print(loaded.daily_run)
    if loaded.password:
        print(
            f"新建演示员工账户 {len(loaded.staff)} 个，密码均为 {loaded.password}（只显示这一次，请记下）。"
        )
