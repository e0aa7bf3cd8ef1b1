"""``loandesk demo``: fill a database with realistic data for training and trials.

    loandesk demo [--url URL] [--customers N] [--seed S]

Customers of a county branch (溧水, Nanjing) with valid ID numbers, mobile
numbers and addresses; one business each (grocery, restaurant, hardware,
clothing, farm…); applications in every state implemented so far; a short
notice list; and the demo staff (officers, supervisor, teller,
administrator), whose password is printed once.

An empty database is given its tables first. A database that already holds
customers is refused: demo data would mix with real records. The same seed
gives the same people and businesses; dates follow today.

The output ends with one line per application state: its name, how many
applications stand in it and the lowest application number among them
("-" when none), separated by tabs.
"""

from __future__ import annotations

import argparse
import getpass
import random
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from desktop.commands.demo_loans import load_demo_loans, print_book_report
from domain.accounts import add_user, list_users
from domain.analysis import (
    AnalysisSheet,
    BalanceSheet,
    EquityReconciliation,
    Household,
    MonthlyProfitAndLoss,
    SalesEvidence,
)
from domain.applications import (
    Application,
    ApplicationState,
    Collateral,
    CollateralKind,
    GroupMember,
    GuaranteeCompany,
    Guarantor,
    Investigation,
    applications_by_state,
    bulk_load_applications,
    get_application,
)
from domain.blacklist import import_blacklist_csv
from domain.checklist import EvidenceInput, EvidenceKind, tick_item
from domain.customers import (
    Business,
    Customer,
    MaritalStatus,
    Premises,
    bulk_register_customers,
    bulk_save_businesses,
)
from domain.identity import USCC_CHARSET, id_check_digit, uscc_check_char
from domain.loans import Disbursement
from domain.paperwork import EntrustedPayment
from domain.products import GuaranteeType
from domain.schedule import RepaymentMethod
from domain.search import search_applications
from domain.users import Role, User
from domain.workflow import (
    approve,
    complete_signing,
    disburse,
    escalate,
    reject,
    return_for_information,
    sign_off,
    signoff_view,
    start_signing,
    withdraw,
)

DEFAULT_CUSTOMERS = 1000
DEFAULT_SEED = 2026
DEFAULT_LOANS = 200
MIN_CUSTOMERS = 10
APPLICATIONS_PER_CUSTOMER = Decimal("0.25")

# --- people ----------------------------------------------------------------------

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤芮濮端"
)
_MALE_GIVEN = "伟强磊军洋勇杰涛明超刚平辉斌鹏华飞建国新春林海波宇浩凯健俊帆旭宁东峰志坤发荣福宝"
_FEMALE_GIVEN = "芳娜秀英敏静丽艳娟霞玲芬燕萍红梅兰琴云莉婷雪慧颖玉凤珍桂香月华美琳洁倩"

# Region codes (6 digits) of cards issued here and nearby, with weights: most
# customers were born in the county, some came from neighbouring ones. Codes
# are those in force when the cards were first issued, as on real cards.
_REGIONS = (
    ("320124", 60),  # 溧水县
    ("320125", 10),  # 高淳县
    ("320121", 5),  # 江宁县
    ("321084", 5),  # 高邮市
    ("321023", 5),  # 宝应县
    ("341181", 5),  # 天长市
    ("341122", 5),  # 来安县
    ("320981", 5),  # 东台市
)
# Mobile number blocks in wide use (154 was never issued).
_MOBILE_PREFIXES = tuple(
    str(block)
    for block in (*range(130, 140), *range(150, 160), 177, *range(180, 190), 198, 199)
    if block != 154
)

_COUNTY = "江苏省南京市溧水区"
_COUNTY_SHORT = "溧水"
_TOWNS = ("永阳街道", "洪蓝街道", "柘塘街道", "石湫街道", "东屏街道", "白马镇", "晶桥镇", "和凤镇")
_STREETS = ("中山路", "通济街", "天生桥大道", "珍珠南路", "交通路", "致远路", "秦淮大道", "宝塔路")
_VILLAGES = ("石头寨村", "傅家边村", "李巷村", "新桥村", "爱廉村", "诸家村", "曹家桥村", "团山村")

# --- businesses ------------------------------------------------------------------

# (kind of shop in its name, industry, most employees it plausibly has)
_TRADES = (
    ("杂货店", "零售", 3),
    ("便利店", "零售", 4),
    ("餐馆", "餐饮", 10),
    ("小吃店", "餐饮", 4),
    ("五金店", "五金建材", 4),
    ("建材店", "五金建材", 8),
    ("服装店", "服装", 3),
    ("鞋店", "服装", 2),
    ("养殖场", "养殖", 15),
    ("养鸡场", "养殖", 8),
    ("螃蟹养殖场", "水产养殖", 10),
    ("农资店", "农资", 3),
    ("汽修店", "汽车维修", 6),
    ("理发店", "美容美发", 4),
    ("家电维修部", "家电维修", 3),
    ("蔬菜批发部", "农产品批发", 6),
    ("茶叶店", "零售", 2),
    ("快递代收点", "物流", 3),
)
_BUSINESS_WORDS = ("兴旺", "顺发", "永利", "鑫源", "福来", "宏达", "金穗", "惠民", "恒丰", "利民")
_PURPOSES = ("进货周转", "购置设备", "扩大经营场所", "购买饲料和种苗", "装修店面", "支付货款")
_RELATIONS = ("亲属", "朋友", "生意伙伴", "同村村民")
_EMPLOYERS = ("溧水区人民医院", "永阳中学", "区供电公司", "个体经营", "天生桥景区", "区自来水公司")

# --- staff -----------------------------------------------------------------------

_STAFF = (
    ("demo.admin", "张管理", (Role.ADMINISTRATOR,)),
    ("li.xin", "李信", (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)),
    ("wang.fang", "王芳", (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)),
    ("zhou.jie", "周杰", (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)),
    ("zhao.lei", "赵磊", (Role.ASSISTING_OFFICER,)),
    ("chen.hui", "陈慧", (Role.SUPERVISOR,)),
    ("liu.yan", "刘燕", (Role.TELLER,)),
)
_OFFICERS = ("li.xin", "wang.fang", "zhou.jie")
_ASSISTANTS = ("li.xin", "wang.fang", "zhou.jie", "zhao.lei")


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``demo`` subcommand; its ``func`` is :func:`run`."""
    from desktop.cli import add_url

    parser = subparsers.add_parser(
        "demo",
        help="装入演示数据（培训、试用）",
        description="向空数据库装入演示用的客户、经营实体、贷款申请和员工账户。",
    )
    parser.add_argument(
        "--customers",
        type=int,
        default=DEFAULT_CUSTOMERS,
        help=f"客户户数（默认 {DEFAULT_CUSTOMERS}）",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help="随机种子：相同的种子生成相同的人员和经营实体",
    )
    parser.add_argument(
        "--loans",
        type=int,
        default=DEFAULT_LOANS,
        help=f"另装入的已放款贷款笔数，含按时、提前、逾期、核销的还款记录（默认 {DEFAULT_LOANS}，0 为不装）",
    )
    add_url(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Load the demo data into ``args.url`` and print what was loaded.

    ``UserError`` for too few customers, a database that is not LoanDesk's,
    is newer or older than this program (an empty one is set up), or that
    already holds customers.
    """
    from desktop.cli import UserError, open_ready_store

    if args.customers < MIN_CUSTOMERS:
        raise UserError(f"演示数据至少需要 {MIN_CUSTOMERS} 户客户（联保小组和保证人从客户中选）。")
    store = open_ready_store(args, allow_outdated=True)
    try:
        _prepare(store, UserError)
        started = time.perf_counter()
        loaded = load_demo(store.uow, customers=args.customers, seed=args.seed)
        seconds = time.perf_counter() - started
        book = _load_book(store, args)
        states = applications_by_state(store.uow())
    finally:
        store.close()
    _print_report(loaded, seconds, args.seed)
    if book is not None:
        print_book_report(*book, args.seed)
    for line in state_lines(states):
        print(line)
    return 0


def _load_book(store, args: argparse.Namespace):
    """Disbursed loans with repayment histories, after the applications; or None."""
    if args.loans <= 0:
        return None
    started = time.perf_counter()
    book = load_demo_loans(store.uow, loans=args.loans, seed=args.seed)
    return book, time.perf_counter() - started


def _prepare(store, user_error: type[Exception]) -> None:
    """Give an empty database its tables; refuse one that cannot take demo data."""
    status = store.schema_status()
    if status.state.value == "empty":
        store.upgrade()
    elif status.state.value == "older":
        raise user_error(status.message + " 请先运行：loandesk db upgrade")
    elif status.state.value != "current":
        raise user_error(status.message)
    with store.uow() as uow:
        if uow.customers.count() > 0:
            raise user_error(
                "该数据库中已有客户，演示数据只能装入新数据库，以免与真实客户混在一起。"
                "请用 --url 指定一个新的数据库文件。"
            )


def state_lines(states) -> list[str]:
    """``draft<TAB>12<TAB>XW20261128-0001``: one line per state, ``-`` when none."""
    return [f"{s.state.value}\t{s.count}\t{s.example or '-'}" for s in states]


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


@dataclass
class Loaded:
    customers: int
    businesses: int
    applications: int
    listed: int
    password: str | None
    staff: list[tuple[str, str, str, bool]]  # username, name, roles, created now


def load_demo(new_uow, *, customers: int, seed: int) -> Loaded:
    """Load everything through the domain's use cases; ``new_uow`` makes a
    fresh unit of work for each. Bulk loads are audited as summary events."""
    rng = random.Random(seed)
    today = date.today()
    operator = User(f"console:{getpass.getuser()}", "演示数据", frozenset({Role.ADMINISTRATOR}), "")
    password, staff = _add_staff(new_uow, operator)
    people = _people(rng, customers, today)
    stored = bulk_register_customers(new_uow(), operator, [p.customer for p in people])
    businesses = bulk_save_businesses(
        new_uow(), operator, [_business(rng, c.id, today) for c in stored]
    )
    count = max(2, int(customers * APPLICATIONS_PER_CUSTOMER))
    applications = _applications(rng, stored, businesses, count)
    bulk_load_applications(new_uow(), operator, applications)
    listed = _notice_list(new_uow, operator, rng, customers, today)
    _along_the_workflow(new_uow, operator, rng, password)
    return Loaded(len(stored), len(businesses), len(applications), listed, password, staff)


def _add_staff(new_uow, operator: User) -> tuple[str | None, list[tuple[str, str, str, bool]]]:
    """Add the demo staff who are missing, all with one new password (returned,
    ``None`` if nobody was added). Existing accounts keep their password."""
    password = f"Demo{secrets.randbelow(900_000) + 100_000}"
    existing = {user.username for user in list_users(new_uow(), operator)}
    staff = []
    for username, full_name, roles in _STAFF:
        created = username not in existing
        if created:
            add_user(new_uow(), operator, username, full_name, roles, password)
        staff.append((username, full_name, "、".join(r.label for r in roles), created))
    return (password if any(s[3] for s in staff) else None), staff


@dataclass
class _Person:
    customer: Customer
    business_name: str = ""


def _people(rng: random.Random, count: int, today: date) -> list[_Person]:
    people, seen = [], set()
    while len(people) < count:
        male = rng.random() < 0.6
        born = _birth_date(rng, today, 25, 62)
        number = _id_number(rng, born, male)
        if number in seen:
            continue
        seen.add(number)
        status = MaritalStatus.MARRIED
        if rng.random() < 0.25:
            status = rng.choice(
                (MaritalStatus.SINGLE, MaritalStatus.DIVORCED, MaritalStatus.WIDOWED)
            )
        spouse_name = spouse_id = None
        if status is MaritalStatus.MARRIED:
            spouse_name = _name(rng, not male)
            spouse_born = born + timedelta(days=rng.randint(-5 * 365, 5 * 365))
            spouse_id = _id_number(rng, min(spouse_born, _latest_birth(today)), not male)
        customer = Customer(
            name=_name(rng, male),
            id_number=number,
            phone=_mobile(rng),
            address=_address(rng),
            marital_status=status,
            spouse_name=spouse_name,
            spouse_id_number=spouse_id,
        )
        people.append(_Person(customer))
    return people


def _latest_birth(today: date) -> date:
    return today.replace(year=today.year - 20)


def _birth_date(rng: random.Random, today: date, youngest: int, oldest: int) -> date:
    start = today.replace(year=today.year - oldest, month=1, day=1)
    end = today.replace(year=today.year - youngest, month=1, day=1)
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _id_number(rng: random.Random, born: date, male: bool) -> str:
    region = rng.choices([r for r, _w in _REGIONS], weights=[w for _r, w in _REGIONS])[0]
    order = rng.randint(0, 499) * 2 + (1 if male else 0)  # odd for men, even for women
    first_17 = f"{region}{born:%Y%m%d}{order:03d}"
    return first_17 + id_check_digit(first_17)


def _name(rng: random.Random, male: bool) -> str:
    pool = _MALE_GIVEN if male else _FEMALE_GIVEN
    given = "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(_SURNAMES) + given


def _mobile(rng: random.Random) -> str:
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def _address(rng: random.Random) -> str:
    town = rng.choice(_TOWNS)
    if town.endswith("镇"):
        return f"{_COUNTY}{town}{rng.choice(_VILLAGES)}{rng.randint(1, 12)}组{rng.randint(1, 60)}号"
    return f"{_COUNTY}{town}{rng.choice(_STREETS)}{rng.randint(1, 388)}号"


def _business(rng: random.Random, customer_id: int, today: date) -> Business:
    shop, industry, most = rng.choice(_TRADES)
    town = rng.choice(_TOWNS)
    name = f"{_COUNTY_SHORT}{rng.choice(_BUSINESS_WORDS)}{shop}"
    if rng.random() < 0.4:
        name = f"{rng.choice(_SURNAMES)}记{shop}"
    return Business(
        customer_id=customer_id,
        name=name,
        industry=industry,
        operating_since=today - timedelta(days=rng.randint(200, 20 * 365)),
        premises=Premises.OWNED if rng.random() < 0.4 else Premises.RENTED,
        employees=rng.randint(0, most),
        uscc=_uscc(rng) if rng.random() < 0.6 else None,
        marketing_area=f"{town[:2]}片区",
    )


def _uscc(rng: random.Random) -> str:
    """A well-formed code of an individual business (92…) registered in the county."""
    first_17 = "92320117" + "".join(rng.choice(USCC_CHARSET) for _ in range(9))
    return first_17 + uscc_check_char(first_17)


# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------

# (product, its guarantee, weight); amounts in thousands of yuan.
_PRODUCTS = (
    ("micro", GuaranteeType.NATURAL_PERSON, 50),
    ("personal-guarantee", GuaranteeType.NATURAL_PERSON, 20),
    ("joint-group", GuaranteeType.JOINT_GROUP, 15),
    ("quick-mortgage", GuaranteeType.COLLATERAL, 15),
    ("guarantee-company", GuaranteeType.GUARANTEE_COMPANY, 8),
)
# The county's guarantee companies: name and the organisation part of the
# unified social credit code (characters 9-17); the rest is computed.
_GUARANTEE_COMPANIES = (
    ("南京市溧水区融资担保有限公司", "MA1MXK3T7"),
    ("溧水区永阳农业融资担保有限公司", "MA1N2P4Q8"),
    ("南京溧水中小企业融资担保有限公司", "7162853XK"),
)
# Share of the loan a guarantee company stands behind, in percent.
_GUARANTEED_SHARES = (100, 100, 100, 80, 70)
_METHODS = (
    RepaymentMethod.EQUAL_INSTALLMENT,
    RepaymentMethod.EQUAL_PRINCIPAL,
    RepaymentMethod.INTEREST_MONTHLY,
)
_THOUSAND = Decimal(1000)


def _applications(
    rng: random.Random, customers: Sequence[Customer], businesses: Sequence[Business], count: int
) -> list[Application]:
    now = datetime.now(UTC)
    chosen = rng.sample(range(len(customers)), min(count, len(customers)))
    applications = []
    for index, who in enumerate(chosen):
        # The first two make sure every implemented state has an example.
        submitted = index == 1 or (index > 1 and rng.random() < 0.55)
        applications.append(_application(rng, who, customers, businesses, now, submitted=submitted))
    return applications


def _application(
    rng: random.Random,
    who: int,
    customers: Sequence[Customer],
    businesses: Sequence[Business],
    now: datetime,
    *,
    submitted: bool,
) -> Application:
    customer, business = customers[who], businesses[who]
    code, guarantee, _weight = rng.choices(_PRODUCTS, weights=[p[2] for p in _PRODUCTS])[0]
    ceiling = 200 if code == "joint-group" else 300
    if business.months_in_business(now.date()) < 12:
        ceiling = 100  # above 100,000 the products want a year in business
    amount = Decimal(rng.randint(50, ceiling)) * _THOUSAND
    months = rng.choice((6, 12, 12, 18, 24))
    officer = rng.choice(_OFFICERS)
    assistant = rng.choice([a for a in _ASSISTANTS if a != officer])
    created = now - timedelta(days=rng.randint(0, 120), minutes=rng.randint(0, 600))
    application = Application(
        application_number="",
        customer_id=customer.id,
        product_code=code,
        officer=officer,
        business_id=business.id,
        amount=amount,
        months=months,
        purpose=rng.choice(_PURPOSES),
        repayment_method=rng.choice(_METHODS),
        due_day=rng.choice((20, 20, 21, 10, 15)),
        guarantee_type=guarantee,
        assisting_officer=assistant,
        created_at=created,
        created_by=officer,
        updated_at=created,
    )
    _guarantees(rng, application, who, customers, businesses)
    if submitted:
        _complete(rng, application, business, now)
    elif rng.random() < 0.5:
        application.assisting_officer = None  # a draft started at the desk, not yet visited
    return application


def _others(rng: random.Random, who: int, total: int, count: int) -> list[int]:
    picked: set[int] = set()
    while len(picked) < count:
        other = rng.randrange(total)
        if other != who:
            picked.add(other)
    return sorted(picked)


def _guarantees(rng, application: Application, who: int, customers, businesses) -> None:
    kind = application.guarantee_type
    if kind is GuaranteeType.NATURAL_PERSON:
        application.guarantors = [
            Guarantor(
                name=customers[i].name,
                id_number=customers[i].id_number,
                phone=customers[i].phone,
                relation=rng.choice(_RELATIONS),
                monthly_income=Decimal(rng.randint(30, 150)) * 100,
                employer=rng.choice(_EMPLOYERS),
            )
            for i in _others(rng, who, len(customers), rng.choice((1, 1, 2)))
        ]
    elif kind is GuaranteeType.JOINT_GROUP:
        application.group_members = [
            GroupMember(customers[i].name, customers[i].id_number, businesses[i].name)
            for i in _others(rng, who, len(customers), rng.randint(2, 4))
        ]
    elif kind is GuaranteeType.GUARANTEE_COMPANY:
        application.guarantee_company = _guarantee_company(rng, application.amount)
    elif kind is GuaranteeType.COLLATERAL:
        ratio = Decimal(rng.randint(35, 65)) / 100
        value = (application.amount / ratio / _THOUSAND).quantize(Decimal(1)) * _THOUSAND
        year = rng.randint(2012, 2024)
        application.collaterals = [
            Collateral(
                kind=CollateralKind.HOUSE,
                certificate_number=f"苏（{year}）溧水区不动产权第{rng.randrange(10**7):07d}号",
                owner=customers[who].name,
                appraised_value=value,
            )
        ]


def _guarantee_company(rng: random.Random, amount: Decimal) -> GuaranteeCompany:
    """One of the county's guarantee companies, standing behind all of the
    loan or a round part of it."""
    name, organisation = rng.choice(_GUARANTEE_COMPANIES)
    first_17 = "91320117" + organisation  # 9: enterprise, 1: company; registered in the county
    share = Decimal(rng.choice(_GUARANTEED_SHARES)) / 100
    guaranteed = (amount * share / _THOUSAND).quantize(Decimal(1)) * _THOUSAND
    return GuaranteeCompany(name, first_17 + uscc_check_char(first_17), min(guaranteed, amount))


def _complete(rng: random.Random, application: Application, business: Business, now: datetime):
    """Fill in what submission requires, and mark the application submitted."""
    created = application.created_at
    visit = created + timedelta(days=rng.randint(0, 3))
    application.investigation = Investigation(
        visit_date=min(visit, now).astimezone().date(),
        officer=application.officer,
        assisting_officer=application.assisting_officer,
        notes=f"两人实地查看{business.name}，存货与经营场所与申请人所述一致。",
    )
    application.analysis = _analysis(rng, application.amount, application.months)
    application.state = ApplicationState.SUBMITTED
    application.submitted_at = min(visit + timedelta(days=rng.randint(1, 4)), now)
    application.updated_at = application.submitted_at


def _analysis(rng: random.Random, amount: Decimal, months: int) -> dict:
    """A complete analysis sheet whose figures fit a loan of ``amount``."""
    sales = (amount * Decimal(rng.randint(30, 80)) / 100).quantize(_THOUSAND)
    margin = Decimal(rng.randint(12, 35))
    inventory = (amount * Decimal(rng.randint(80, 200)) / 100).quantize(_THOUSAND)
    instalment = (amount * (1 + Decimal("0.055") * months / 12) / months).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    sheet = AnalysisSheet(
        balance_sheet=BalanceSheet(
            cash=Decimal(rng.randint(5, 60)) * _THOUSAND,
            inventory=inventory,
            fixed_assets=Decimal(rng.randint(20, 300)) * _THOUSAND,
            payables=Decimal(rng.randint(0, 40)) * _THOUSAND,
        ),
        profit_and_loss=MonthlyProfitAndLoss(
            sales=sales,
            gross_margin_percent=margin,
            rent=Decimal(rng.randint(0, 5)) * _THOUSAND,
            wages=Decimal(rng.randint(0, 12)) * _THOUSAND,
            utilities=Decimal(rng.randint(3, 15)) * 100,
        ),
        household=Household(
            living=Decimal(rng.randint(20, 60)) * 100,
            education=Decimal(rng.randint(0, 20)) * 100,
            social=Decimal(rng.randint(2, 10)) * 100,
        ),
        equity=EquityReconciliation(initial_equity=inventory, months=rng.choice((12, 24, 36))),
        sales_evidence=SalesEvidence(monthly_purchases=sales * (100 - margin) / 100),
        proposed_instalment=instalment,
    )
    return sheet.to_dict()


# ---------------------------------------------------------------------------
# Along the workflow
# ---------------------------------------------------------------------------

# How many submitted applications are taken to each later state, in this
# order, so that every state has examples; the others stay submitted. Each
# goes through the desk's own use cases under the demo staff's names.
_WORKFLOW_TARGETS = (
    (ApplicationState.DISBURSED, 3),
    (ApplicationState.SIGNED_OFF, 2),
    (ApplicationState.SIGNED, 2),
    (ApplicationState.SIGNING, 2),
    (ApplicationState.APPROVED, 2),
    (ApplicationState.ESCALATED, 2),
    (ApplicationState.RETURNED, 1),
    (ApplicationState.REJECTED, 1),
    (ApplicationState.WITHDRAWN, 1),
)
# Within the branch supervisor's authority: the others go to head office.
_SUPERVISOR_PRODUCTS = ("micro", "personal-guarantee")
_SUPERVISOR = "chen.hui"
_TELLER = "liu.yan"
_COUNTERPARTIES = ("农资批发部", "建材经营部", "食品批发部", "服装批发市场", "饲料经营部")


def _along_the_workflow(new_uow, operator: User, rng: random.Random, password: str | None) -> None:
    """Take some submitted applications to every later state: approval,
    escalation, return, rejection, withdrawal, signing with its checklist
    ticked and evidenced, sign-off and disbursement. Sign-off needs the
    supervisor's password, known only when the demo staff were created now;
    otherwise those applications stop at signed."""
    staff = {user.username: user for user in list_users(new_uow(), operator)}
    hits = search_applications(new_uow(), state="submitted", order_by="number", limit=500)
    spare = list(hits[:-1])  # at least one stays submitted
    for target, count in _WORKFLOW_TARGETS:
        if target in _NEEDS_PASSWORD and password is None:
            target = ApplicationState.SIGNED
        for _ in range(count):
            hit = _take(spare, needs_supervisor=target not in _ANY_PRODUCT)
            if hit is None:
                break
            _advance(new_uow, staff, rng, password, hit.application_number, target)


_NEEDS_PASSWORD = frozenset({ApplicationState.SIGNED_OFF, ApplicationState.DISBURSED})
_ANY_PRODUCT = frozenset(
    {
        ApplicationState.ESCALATED,
        ApplicationState.RETURNED,
        ApplicationState.REJECTED,
        ApplicationState.WITHDRAWN,
    }
)


def _take(spare: list, *, needs_supervisor: bool):
    for index, hit in enumerate(spare):
        if not needs_supervisor or hit.product_code in _SUPERVISOR_PRODUCTS:
            return spare.pop(index)
    return None


def _advance(new_uow, staff, rng, password, number: str, target: ApplicationState) -> None:
    application = get_application(new_uow(), number)
    supervisor = staff[_SUPERVISOR]
    if target in _DECISIONS:
        decide, who, reason = _DECISIONS[target]
        actor = staff[application.officer] if who == "officer" else supervisor
        decide(new_uow(), actor, number, application.version, reason)
        return
    grade = rng.choice(("A", "B", "B", "C"))
    approved = approve(
        new_uow(), supervisor, number, application.version, "经营稳定，同意", risk_grade=grade
    )
    if target is not ApplicationState.APPROVED:
        _sign(new_uow, staff[application.officer], approved, target)
    if target in _NEEDS_PASSWORD:
        fingerprint = signoff_view(new_uow(), supervisor, number).fingerprint
        sign_off(new_uow(), supervisor, number, password, fingerprint, opinion="面签过程合规")
    if target is ApplicationState.DISBURSED:
        signed_off = get_application(new_uow(), number)
        disburse(
            new_uow(), staff[_TELLER], number, signed_off.version, _disbursement(rng, signed_off)
        )


# The decisions that end the demo's path: what is done, by whom, and why.
_DECISIONS = {
    ApplicationState.ESCALATED: (escalate, "supervisor", "非自然人保证贷款，报总行审批"),
    ApplicationState.RETURNED: (
        return_for_information,
        "supervisor",
        "请补充近六个月银行流水和主要进货单据",
    ),
    ApplicationState.REJECTED: (reject, "supervisor", "征信显示多头借贷，负债过高"),
    ApplicationState.WITHDRAWN: (withdraw, "officer", "客户资金需求已解决，主动撤回申请"),
}


def _sign(new_uow, officer: User, approved: Application, target: ApplicationState) -> None:
    """Hold the signing: tick the checklist with evidence (half of it for an
    application still in signing) and complete it."""
    number = approved.application_number
    items = start_signing(new_uow(), officer, number, approved.version).items
    if target is ApplicationState.SIGNING:
        items = items[: len(items) // 2]
    for item in items:
        evidence = _demo_evidence(number, item)
        tick_item(new_uow(), officer, number, item.number, "已当面核对", evidence)
    if target is not ApplicationState.SIGNING:
        complete_signing(new_uow(), officer, number, get_application(new_uow(), number).version)


def _demo_evidence(number: str, item) -> tuple[EvidenceInput, ...]:
    if item.evidence_kind.is_file:
        content = f"演示{item.evidence_kind.label}：{number} 第 {item.number} 项 {item.text}"
        name = f"{number}-{item.number:02d}.jpg"
        return (EvidenceInput(item.evidence_kind, name, content.encode("utf-8")),)
    if item.evidence_kind is EvidenceKind.RECORDING:
        start = 2 * item.number
        reference = f"REC-{number} {start:02d}:00-{start + 1:02d}:30"
        return (EvidenceInput(item.evidence_kind, reference=reference),)
    return ()


def _disbursement(rng: random.Random, application: Application) -> Disbursement:
    account = "6228" + "".join(str(rng.randrange(10)) for _ in range(15))
    if rng.random() < 0.5:
        return Disbursement(date.today(), application.amount, account)
    payee = EntrustedPayment(
        counterparty_name=f"{_COUNTY_SHORT}{rng.choice(_BUSINESS_WORDS)}{rng.choice(_COUNTERPARTIES)}",
        counterparty_account="3201" + "".join(str(rng.randrange(10)) for _ in range(14)),
        counterparty_bank=f"{_COUNTY_SHORT}农商银行{rng.choice(_TOWNS)}支行",
        amount=application.amount,
    )
    return Disbursement(date.today(), application.amount, account, payee)


# ---------------------------------------------------------------------------
# Notice list
# ---------------------------------------------------------------------------

_NOTICE_REASONS = (
    "贷款逾期超过90天未还",
    "恶意逃废银行债务",
    "提供虚假材料骗取贷款",
    "为他人担保代偿后拒不履行",
)


def _notice_list(new_uow, operator: User, rng: random.Random, customers: int, today: date) -> int:
    """A few listed people who are not customers, imported as a circulated file."""
    lines = ["身份证号码,姓名,原因,来源"]
    for _ in range(max(3, customers // 2000)):
        male = rng.random() < 0.6
        number = _id_number(rng, _birth_date(rng, today, 25, 62), male)
        lines.append(
            f"{number},{_name(rng, male)},{rng.choice(_NOTICE_REASONS)},"
            f"溧水区农村金融违约信息通报{today.year}年第{rng.randint(1, 4)}期"
        )
    report = import_blacklist_csv(new_uow(), operator, "\n".join(lines) + "\n")
    return len(report.accepted)


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def _print_report(loaded: Loaded, seconds: float, seed: int) -> None:
    print(
        f"已装入演示数据（种子 {seed}）：客户 {loaded.customers} 户、经营实体 {loaded.businesses} 个、"
        f"贷款申请 {loaded.applications} 笔、违约信息通报名单 {loaded.listed} 人，用时 {seconds:.1f} 秒。"
    )
    if loaded.password:
        print(f"演示员工账户（新建账户的密码均为 {loaded.password}，只显示这一次，请记下）：")
    else:
        print("演示员工账户（均已存在，密码未改动）：")
    for username, full_name, roles, created in loaded.staff:
        note = "" if created else "（已存在）"
        print(f"  {username}  {full_name}  {roles}{note}")
