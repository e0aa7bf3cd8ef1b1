"""The guarantee company of a guarantee-company loan (担保公司保证), and lifting
an entry from the notice list: read from what the officer typed, checked
when it is filled in, required at submission, and named on the contract.
No database: a small in-memory fake unit of work."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.applications import (
    GUARANTEE_COMPANY_RULE,
    Application,
    ApplicationDraft,
    GuaranteeCompany,
    Guarantor,
    guarantee_company_gaps,
    live_eligibility,
    save_draft,
)
from domain.blacklist import BlacklistEntry, lift_from_blacklist
from domain.customers import Business, Customer, FormErrors, MaritalStatus, Premises
from domain.documents import guarantee_summary
from domain.errors import PermissionDenied
from domain.identity import id_check_digit, uscc_check_char
from domain.products import GuaranteeType, default_catalogue
from domain.schedule import RepaymentMethod
from domain.users import Role, User

TODAY = date(2026, 6, 1)
OFFICER = User("li", "李信贷", frozenset({Role.LOAN_OFFICER}), "")
SUPERVISOR = User("chen", "陈主管", frozenset({Role.SUPERVISOR}), "")


def rid(order: int = 1) -> str:
    first_17 = f"32012419850515{order:03d}"
    return first_17 + id_check_digit(first_17)


def uscc(body: str = "913201177") -> str:
    """A code of a company registered in the county (body: 9 characters)."""
    first_17 = "91320117" + body
    return first_17 + uscc_check_char(first_17)


def wrong_check(code: str) -> str:
    """``code`` with any other check character."""
    return code[:17] + ("1" if code[17] != "1" else "2")


CODE = uscc("MA1XY223P")
COMPANY = GuaranteeCompany("溧水区融资担保有限公司", CODE, "10万")


# --- a fake store --------------------------------------------------------------------------


class FakeClock:
    def now(self) -> datetime:
        return datetime(2026, 6, 1, 2, 0, tzinfo=UTC)

    def today(self) -> date:
        return TODAY


class Table:
    """A repository keyed by one attribute; ``get`` of anything unknown is ``None``."""

    def __init__(self, rows=()):
        self.rows = {getattr(r, "code", None) or getattr(r, "id", None): r for r in rows}

    def get(self, key):
        return self.rows.get(key)


class FakeApplications:
    def __init__(self) -> None:
        self.saved: dict[str, Application] = {}

    def next_sequence(self, _key: str) -> int:
        return len(self.saved) + 1

    def add(self, application: Application) -> Application:
        application.id, application.version = len(self.saved) + 1, 1
        self.saved[application.application_number] = application
        return application


class FakeBlacklist:
    def __init__(self, *entries: BlacklistEntry) -> None:
        self.entries = {e.id_number: e for e in entries}

    def active_for(self, _numbers) -> list[BlacklistEntry]:
        return []

    def get(self, number: str) -> BlacklistEntry | None:
        return self.entries.get(number)

    def update(self, entry: BlacklistEntry) -> BlacklistEntry:
        entry.version += 1
        self.entries[entry.id_number] = entry
        return entry


class FakeUnitOfWork:
    def __init__(self, *blacklisted: BlacklistEntry) -> None:
        self.clock = FakeClock()
        self.customers = Table([CUSTOMER])
        self.businesses = Table([BUSINESS])
        self.products = Table(default_catalogue())
        self.users = Table()
        self.users.rows = {"li": OFFICER}
        self.settings = {}
        self.applications = FakeApplications()
        self.blacklist = FakeBlacklist(*blacklisted)
        self.events: list[tuple[str, str, str, dict]] = []
        self.committed = 0

    def acting(self, _actor: str) -> FakeUnitOfWork:
        return self

    def __enter__(self) -> FakeUnitOfWork:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def record(self, action: str, entity: str, entity_id: str, detail: dict) -> None:
        self.events.append((action, entity, entity_id, detail))

    def commit(self) -> None:
        self.committed += 1


CUSTOMER = Customer("张三", rid(1), "13800000001", "溧水区永阳街道", MaritalStatus.SINGLE, id=1)
BUSINESS = Business(1, "张记杂货店", "零售", date(2020, 1, 1), Premises.OWNED, 2, id=1)


def draft(company: GuaranteeCompany | None = COMPANY, **changes) -> ApplicationDraft:
    values = {
        "customer_id": 1,
        "product_code": "guarantee-company",
        "business_id": 1,
        "amount": "15万",
        "months": 12,
        "purpose": "进货周转",
        "repayment_method": RepaymentMethod.EQUAL_INSTALLMENT,
        "due_day": 20,
        "guarantee_type": GuaranteeType.GUARANTEE_COMPANY,
        "guarantee_company": company,
    }
    return ApplicationDraft(**{**values, **changes})


def company_notes(breaches) -> dict[str, str]:
    return {b.field: b.message for b in breaches if b.rule == GUARANTEE_COMPANY_RULE}


# --- reading what was typed ------------------------------------------------------------------


def test_the_company_is_kept_as_typed_and_read_canonically():
    typed = GuaranteeCompany(" 溧水区融资担保有限公司 ", CODE.lower(), "１０万")
    saved = save_draft(FakeUnitOfWork(), OFFICER, draft(typed))

    assert saved.guarantee_company == GuaranteeCompany(
        "溧水区融资担保有限公司", CODE, Decimal("100000.00")
    )
    assert saved.draft().guarantee_company == saved.guarantee_company  # resumed as saved


def test_a_wrong_credit_code_is_refused_beside_its_field_and_nothing_saved():
    wrong = wrong_check(CODE)
    uow = FakeUnitOfWork()

    with pytest.raises(FormErrors) as caught:
        save_draft(uow, OFFICER, draft(GuaranteeCompany("某担保公司", wrong, "1,000.50")))

    message = caught.value.problems["guarantee_company.credit_code"]
    assert message.startswith("担保公司：统一社会信用代码校验位不符")
    assert f"最后一位应为 {CODE[17]}" in message
    assert uow.applications.saved == {} and uow.committed == 0


@pytest.mark.parametrize(
    ("typed", "field", "expected"),
    [
        ("一万", "amount", "担保公司：担保金额"),
        ("0", "amount", "担保金额必须大于零"),
        ("-5000", "amount", "担保金额必须大于零"),
        ("91320117", "credit_code", "应为18位"),
    ],
)
def test_unreadable_parts_say_what_to_fix(typed, field, expected):
    parts = {"amount": "10万", "credit_code": CODE, "name": "溧水区融资担保有限公司"}
    parts[field] = typed
    with pytest.raises(FormErrors) as caught:
        save_draft(FakeUnitOfWork(), OFFICER, draft(GuaranteeCompany(**parts)))
    assert expected in caught.value.problems[f"guarantee_company.{field}"]


def test_a_draft_may_leave_the_company_incomplete():
    saved = save_draft(FakeUnitOfWork(), OFFICER, draft(GuaranteeCompany("溧水区融资担保有限公司")))

    assert saved.guarantee_company == GuaranteeCompany("溧水区融资担保有限公司", "", None)
    empty = save_draft(FakeUnitOfWork(), OFFICER, draft(GuaranteeCompany("", " ", None)))
    assert empty.guarantee_company is None


def test_under_another_guarantee_type_the_company_is_dropped():
    changed = draft(
        guarantee_type=GuaranteeType.NATURAL_PERSON,
        product_code="trade-chain",
        guarantors=[Guarantor("孙七", rid(7), "13900000007", "朋友", "8000")],
    )
    saved = save_draft(FakeUnitOfWork(), OFFICER, changed)

    assert saved.guarantee_company is None


# --- what submission asks ------------------------------------------------------------------


def test_submission_needs_name_code_and_an_amount_within_the_loan():
    assert list(guarantee_company_gaps(None, Decimal("150000"))) == [
        ("guarantee_company.name", "担保公司保证须填写担保公司名称"),
        (
            "guarantee_company.credit_code",
            "担保公司保证须填写担保公司的统一社会信用代码（18位，见营业执照）",
        ),
        ("guarantee_company.amount", "担保公司保证须填写担保公司承担保证的金额"),
    ]
    whole = GuaranteeCompany("溧水区融资担保有限公司", CODE, Decimal("150000.00"))
    assert list(guarantee_company_gaps(whole, Decimal("150000.00"))) == []
    more = GuaranteeCompany("溧水区融资担保有限公司", CODE, Decimal("150000.01"))
    [(field, message)] = guarantee_company_gaps(more, Decimal("150000.00"))
    assert field == "guarantee_company.amount"
    assert message.startswith("担保金额 150,000.01 元超过申请金额 150,000.00 元")


def test_the_live_check_shows_the_gaps_beside_the_company_fields():
    uow = FakeUnitOfWork()
    assert company_notes(live_eligibility(uow, draft())) == {}

    over = live_eligibility(uow, draft(GuaranteeCompany("溧水区融资担保有限公司", CODE, "20万")))
    assert "超过申请金额 150,000.00 元" in company_notes(over)["guarantee_company.amount"]
    assert [b.rule for b in over] == [GUARANTEE_COMPANY_RULE]  # the product's rules are met

    bad = GuaranteeCompany("", wrong_check(CODE), "")
    notes = company_notes(live_eligibility(uow, draft(bad)))
    assert notes["guarantee_company.name"] == "担保公司保证须填写担保公司名称"
    assert "校验位不符" in notes["guarantee_company.credit_code"]
    assert notes["guarantee_company.amount"] == "担保公司保证须填写担保公司承担保证的金额"


def test_the_live_check_asks_nothing_of_other_guarantees():
    other = draft(product_code="micro", guarantee_type=GuaranteeType.NATURAL_PERSON)
    assert company_notes(live_eligibility(FakeUnitOfWork(), other)) == {}


@given(
    name=st.text(max_size=120),
    code=st.text(max_size=30),
    amount=st.one_of(st.none(), st.text(max_size=20)),
)
def test_any_typing_gets_an_answer_never_a_crash(name, code, amount):
    breaches = live_eligibility(FakeUnitOfWork(), draft(GuaranteeCompany(name, code, amount)))
    assert all(b.message for b in breaches)


# --- on paper --------------------------------------------------------------------------------


def _application(company: GuaranteeCompany | None) -> Application:
    return Application(
        "DB20260601-0001",
        1,
        "guarantee-company",
        "li",
        amount=Decimal("150000.00"),
        guarantee_type=GuaranteeType.GUARANTEE_COMPANY,
        guarantee_company=company,
    )


def test_the_contract_names_the_company_and_what_it_guarantees():
    company = GuaranteeCompany("溧水区融资担保有限公司", CODE, Decimal("100000.00"))
    assert guarantee_summary(_application(company)) == (
        f"担保公司保证，担保公司：溧水区融资担保有限公司（统一社会信用代码 {CODE}），"
        "保证金额人民币 100,000.00 元"
    )


def test_loans_from_before_the_company_was_recorded_read_as_they_always_did():
    assert guarantee_summary(_application(None)) == "担保公司保证，由担保公司另行签订保证合同"


# --- lifting an entry from the notice list ----------------------------------------------------


def _listed() -> BlacklistEntry:
    return BlacklistEntry(
        rid(5), "王五", "贷款逾期超过90天未还", "", date(2026, 1, 5), id=9, version=1
    )


def test_lifting_needs_a_reason_and_records_it():
    uow = FakeUnitOfWork(_listed())

    with pytest.raises(FormErrors) as caught:
        lift_from_blacklist(uow, SUPERVISOR, rid(5), version=1, reason="  ")
    assert caught.value.problems == {"reason": "请填写移出原因"}
    assert uow.blacklist.get(rid(5)).active and uow.events == []

    lifted = lift_from_blacklist(uow, SUPERVISOR, rid(5), version=1, reason="欠款已全部结清")
    assert not lifted.active and uow.committed == 1
    assert uow.events == [("lift_blacklist", "blacklist", "9", {"reason": "欠款已全部结清"})]


def test_an_officer_may_not_lift_an_entry():
    with pytest.raises(PermissionDenied):
        lift_from_blacklist(FakeUnitOfWork(_listed()), OFFICER, rid(5), version=1, reason="结清")
