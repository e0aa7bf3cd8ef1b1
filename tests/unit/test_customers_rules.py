"""Customer and business forms: every problem reported at once, beside its
field; one customer per ID number. No database: a tiny in-memory fake."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.customers import (
    BusinessDraft,
    Customer,
    CustomerDraft,
    CustomerExists,
    FormErrors,
    MaritalStatus,
    Premises,
    parse_date,
    register_customer,
    validate_business,
    validate_customer,
)
from domain.errors import PermissionDenied, ValidationError
from domain.identity import id_check_digit
from domain.search import SearchTerms
from domain.users import Role, User

TODAY = date(2026, 6, 1)


def rid(born: str = "19850515", order: str = "001", region: str = "320124") -> str:
    first_17 = region + born + order
    return first_17 + id_check_digit(first_17)


def draft(**changes) -> CustomerDraft:
    values = {
        "name": "张三",
        "id_number": rid(),
        "phone": "138 1234 5678",
        "address": "江苏省南京市溧水区永阳街道中山路1号",
        "marital_status": "已婚",
        "spouse_name": "李四",
        "spouse_id_number": rid(order="002"),
    }
    return CustomerDraft(**{**values, **changes})


# --- the customer form ----------------------------------------------------------


def test_a_sound_form_gives_canonical_values():
    customer = validate_customer(draft(phone="+86 138-1234-5678"), today=TODAY)

    assert customer.phone == "13812345678"
    assert customer.marital_status is MaritalStatus.MARRIED
    assert customer.spouse_name == "李四"
    assert customer.spouse_id_number == rid(order="002")


def test_lowercase_x_and_full_width_digits_are_understood():
    number = next(rid(order=f"{n:03d}") for n in range(1000) if rid(order=f"{n:03d}").endswith("X"))
    typed = number.translate(str.maketrans("0123456789X", "０１２３４５６７８９x"))

    assert validate_customer(draft(id_number=typed), today=TODAY).id_number == number


def test_every_wrong_field_is_reported_at_once():
    with pytest.raises(FormErrors) as caught:
        validate_customer(
            CustomerDraft(name="", id_number="1234", phone="12", address="", marital_status=None),
            today=TODAY,
        )

    problems = caught.value.problems
    assert set(problems) == {"name", "id_number", "phone", "address", "marital_status"}
    assert problems["id_number"] == "身份证号码应为18位，您输入了4位"
    assert problems["marital_status"] == "请选择婚姻状况"
    assert str(caught.value).startswith("请修改以下内容后再保存：")


def test_married_customer_needs_the_spouse():
    with pytest.raises(FormErrors) as caught:
        validate_customer(draft(spouse_name="", spouse_id_number=""), today=TODAY)

    assert caught.value.problems == {
        "spouse_name": "请填写配偶姓名",
        "spouse_id_number": "请输入身份证号码",
    }


def test_spouse_cannot_be_the_customer_himself():
    with pytest.raises(FormErrors) as caught:
        validate_customer(draft(spouse_id_number=rid()), today=TODAY)

    assert caught.value.problems == {"spouse_id_number": "配偶身份证号码与客户本人相同，请核对"}


@pytest.mark.parametrize("status", ["未婚", "divorced", MaritalStatus.WIDOWED])
def test_spouse_fields_are_dropped_unless_married(status):
    customer = validate_customer(draft(marital_status=status), today=TODAY)

    assert customer.spouse_name is None and customer.spouse_id_number is None


def test_an_unknown_marital_status_lists_the_choices():
    with pytest.raises(FormErrors) as caught:
        validate_customer(draft(marital_status="同居"), today=TODAY)

    assert (
        caught.value.problems["marital_status"]
        == "婚姻状况“同居”无效，可选：未婚、已婚、离异、丧偶"
    )


def test_an_unknown_region_code_warns_but_does_not_stop():
    customer = validate_customer(draft(id_number=rid(region="999999")), today=TODAY)

    assert customer.warnings == ("地区代码 999999 不在已知列表中，请核对证件",)


def test_repr_keeps_the_id_number_masked():
    customer = validate_customer(draft(), today=TODAY)

    assert rid() not in repr(customer)
    assert "3201**********" in repr(customer)


@given(st.text(max_size=40), st.text(max_size=25), st.text(max_size=15))
def test_the_form_survives_any_text(name, id_number, phone):
    try:
        validate_customer(draft(name=name, id_number=id_number, phone=phone), today=TODAY)
    except FormErrors as error:
        assert error.problems and all(error.problems.values())


# --- the business form ----------------------------------------------------------


def business_draft(**changes) -> BusinessDraft:
    values = {
        "name": "张记杂货店",
        "uscc": "",
        "industry": "零售",
        "operating_since": "2019年5月",
        "premises": "租赁",
        "employees": "3人",
        "marketing_area": "永阳片区",
    }
    return BusinessDraft(**{**values, **changes})


def test_a_business_without_registration_is_fine():
    business = validate_business(7, business_draft(), today=TODAY)

    assert business.uscc is None
    assert business.operating_since == date(2019, 5, 1)
    assert business.premises is Premises.RENTED
    assert business.employees == 3


def test_business_problems_come_together():
    with pytest.raises(FormErrors) as caught:
        validate_business(
            7,
            business_draft(
                uscc="91320117ABCDEFGHIJ",
                industry="",
                operating_since="2027-01-01",
                premises=None,
                employees="几个",
            ),
            today=TODAY,
        )

    assert set(caught.value.problems) == {
        "uscc",
        "industry",
        "operating_since",
        "premises",
        "employees",
    }
    assert "晚于今天" in caught.value.problems["operating_since"]


@pytest.mark.parametrize(
    ("since", "today", "months"),
    [
        (date(2026, 1, 31), date(2026, 2, 28), 1),  # the month ended with February
        (date(2026, 1, 31), date(2026, 2, 27), 0),
        (date(2024, 2, 29), date(2025, 2, 28), 12),  # a leap day: February ends on the 28th
        (date(2024, 2, 29), date(2025, 2, 27), 11),
        (date(2026, 4, 30), date(2026, 5, 31), 1),  # the 31st adds nothing to a month
        (date(2026, 4, 30), date(2026, 5, 29), 0),
        (date(2025, 3, 15), date(2026, 3, 14), 11),
        (date(2025, 3, 15), date(2026, 3, 15), 12),
        (date(2026, 7, 1), date(2026, 6, 1), 0),
    ],
)
def test_months_in_business_count_whole_months(since, today, months):
    business = validate_business(1, business_draft(operating_since=since), today=date(2030, 1, 1))

    assert business.months_in_business(today) == months


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2019-05-01", date(2019, 5, 1)),
        ("2019/5/1", date(2019, 5, 1)),
        ("2019年5月1日", date(2019, 5, 1)),
        ("２０１９年５月", date(2019, 5, 1)),
        (date(2019, 5, 1), date(2019, 5, 1)),
    ],
)
def test_dates_as_typed(typed, expected):
    assert parse_date(typed, "d", "日期") == expected


@pytest.mark.parametrize("typed", ["2019-02-30", "去年", "5/1/2019"])
def test_dates_that_are_not(typed):
    with pytest.raises(ValidationError, match="不是有效日期"):
        parse_date(typed, "d", "日期")


# --- registration against a fake store -------------------------------------------


class FakeClock:
    def now(self) -> datetime:
        return datetime(2026, 6, 1, 2, 0, tzinfo=UTC)

    def today(self) -> date:
        return TODAY


class FakeCustomers:
    def __init__(self) -> None:
        self.rows: list[Customer] = []

    def get_by_id_number(self, number: str) -> Customer | None:
        return next((c for c in self.rows if c.id_number == number), None)

    def add(self, customer: Customer) -> Customer:
        customer.id, customer.version = len(self.rows) + 1, 1
        self.rows.append(customer)
        return customer


class FakeUnitOfWork:
    def __init__(self) -> None:
        self.customers = FakeCustomers()
        self.clock = FakeClock()
        self.committed = 0

    def acting(self, _actor: str) -> FakeUnitOfWork:
        return self

    def __enter__(self) -> FakeUnitOfWork:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def commit(self) -> None:
        self.committed += 1


OFFICER = User("li", "李信贷", frozenset({Role.LOAN_OFFICER}), "")


def test_registering_the_same_id_twice_offers_the_first_customer():
    uow = FakeUnitOfWork()
    first = register_customer(uow, OFFICER, draft())

    with pytest.raises(CustomerExists) as caught:
        register_customer(uow, OFFICER, draft(name="张叁", phone="13900000000"))

    assert caught.value.existing is first
    assert str(caught.value) == "该身份证号码已登记为客户 张三，已为您打开该客户"
    assert len(uow.customers.rows) == 1 and uow.committed == 1
    assert first.created_by == "li"


def test_a_teller_may_not_register_customers():
    teller = User("gui", "刘柜员", frozenset({Role.TELLER}), "")

    with pytest.raises(PermissionDenied, match="不能登记客户"):
        register_customer(FakeUnitOfWork(), teller, draft())


# --- what the search box understands ------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("张", SearchTerms("张", name="张", application_number=None)),
        ("0515", SearchTerms("0515", id_number="0515", phone="0515", application_number="0515")),
        ("123x", SearchTerms("123x", id_number="123X", application_number="123X")),
        (
            "xw20261128-0001",
            SearchTerms("xw20261128-0001", application_number="XW20261128-0001"),
        ),
        (
            "１３８ １２３４",
            SearchTerms(
                "138 1234", id_number="1381234", phone="1381234", application_number="1381234"
            ),
        ),
        ("张3", SearchTerms("张3")),
    ],
)
def test_search_terms(typed, expected):
    assert SearchTerms.of(typed) == expected
