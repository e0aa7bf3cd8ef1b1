"""Borrowers and their businesses, as the desk registers them at intake (受理).

A customer is a natural person borrowing for business use, known by the
resident ID number: one customer per ID number, so a second registration of
the same person opens the first record instead of creating a twin.

Forms submit what the clerk typed (``CustomerDraft``, ``BusinessDraft``); the
use cases check every field at once and raise ``FormErrors`` listing each
problem under its field, so the form can show them all beside their inputs.
Nothing is saved until every field is sound.

Use cases take a unit of work (``domain.ports.UnitOfWork`` with the
repositories ``customers`` and ``businesses``), open it and commit it
themselves. Records carry ``version``: saving a copy older than the stored
one raises ``ConcurrencyConflict``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from domain.analysis import months_between
from domain.errors import DomainError, NotFound, ValidationError
from domain.identity import mask_id_number, parse_mobile, parse_resident_id, parse_uscc
from domain.text import normalize_input, normalize_remark
from domain.users import Role, User

NAME_MAX = 40
ADDRESS_MAX = 200
BUSINESS_NAME_MAX = 100
INDUSTRY_MAX = 40
MARKETING_AREA_MAX = 40
EMPLOYEES_MAX = 10_000

# Who may register customers and their businesses: the officers who take
# applications, and administrators who correct records.
REGISTRARS = (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER, Role.ADMINISTRATOR)

T = TypeVar("T")


# ---------------------------------------------------------------------------
# Form problems, all at once
# ---------------------------------------------------------------------------


class FormErrors(DomainError):
    """Some inputs of a form are wrong. ``problems`` maps each field to the
    message to show beside it, in form order. Nothing was saved."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__("请修改以下内容后再保存：" + "；".join(self.problems.values()))


class FieldProblems:
    """Collects the problems of one form so they are reported together.

    ``check(field, parse, value)`` runs a ``parse_*`` function and returns its
    result, or ``None`` after noting its ``ValidationError`` under ``field``
    (the first problem of a field wins: fix that one first).
    """

    def __init__(self) -> None:
        self.problems: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.problems.setdefault(field, message)

    def check(self, field: str, parse: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return parse(*args, **kwargs)
        except ValidationError as error:
            self.add(field, str(error))
            return None

    def raise_if_any(self) -> None:
        if self.problems:
            raise FormErrors(self.problems)


def required_text(
    text: str | None, field: str, label: str, limit: int, *, remark: bool = False
) -> str:
    """Normalised ``text``; ``ValidationError`` if empty or longer than ``limit``.
    ``remark``: free text for people to read, normalised with
    ``normalize_remark`` (lines and Chinese punctuation kept)."""
    value = _normalized(text, remark)
    if not value:
        raise ValidationError(f"请填写{label}", field)
    return limited_text(value, field, label, limit, remark=remark)


def limited_text(
    text: str | None, field: str, label: str, limit: int, *, remark: bool = False
) -> str:
    """Normalised ``text`` (may be empty); ``ValidationError`` if too long."""
    value = _normalized(text, remark)
    if len(value) > limit:
        raise ValidationError(f"{label}不能超过 {limit} 个字，目前 {len(value)} 个", field)
    return value


def _normalized(text: str | None, remark: bool) -> str:
    return normalize_remark(text) if remark else normalize_input(text)


def parse_choice(value: object, enum: type[T], field: str, label: str) -> T:
    """An enum member from itself, its code or its Chinese ``label``."""
    if isinstance(value, enum):
        return value
    text = normalize_input(str(value)) if value is not None else ""
    if not text:
        raise ValidationError(f"请选择{label}", field)
    for member in enum:  # type: ignore[attr-defined]
        if text in (member.value, member.label):
            return member
    choices = "、".join(m.label for m in enum)  # type: ignore[attr-defined]
    raise ValidationError(f"{label}“{text}”无效，可选：{choices}", field)


_DATE_PATTERN = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$"
)


def parse_date(value: date | str | None, field: str, label: str) -> date:
    """A date from a date picker or as typed: ``2019-05-01``, ``2019/5/1``,
    ``2019年5月1日``; a month alone (``2019年5月``) means its first day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = normalize_input(value)
    if not text:
        raise ValidationError(f"请填写{label}", field)
    match = _DATE_PATTERN.match(text)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
        try:
            return date(year, month, day)
        except ValueError:
            pass
    raise ValidationError(f"{label}“{text}”不是有效日期，请按 2019-05-01 的格式填写", field)


# ---------------------------------------------------------------------------
# Customers
# ---------------------------------------------------------------------------


class MaritalStatus(StrEnum):
    SINGLE = "single"
    MARRIED = "married"
    DIVORCED = "divorced"
    WIDOWED = "widowed"

    @property
    def label(self) -> str:
        return _MARITAL_LABELS[self]


_MARITAL_LABELS = {
    MaritalStatus.SINGLE: "未婚",
    MaritalStatus.MARRIED: "已婚",
    MaritalStatus.DIVORCED: "离异",
    MaritalStatus.WIDOWED: "丧偶",
}


@dataclass
class CustomerDraft:
    """The customer form as typed. ``marital_status`` may be the enum, its
    code or its label. Spouse fields count only when married."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""
    marital_status: MaritalStatus | str | None = None
    spouse_name: str = ""
    spouse_id_number: str = ""


@dataclass(repr=False)
class Customer:
    """A registered borrower. ``id_number`` and ``spouse_id_number`` are
    canonical 18-character resident IDs; the spouse fields are set exactly
    when the customer is married. ``warnings`` are points to check against the
    ID card (an unknown region code); they are not stored."""

    name: str
    id_number: str
    phone: str
    address: str
    marital_status: MaritalStatus
    spouse_name: str | None = None
    spouse_id_number: str | None = None
    id: int | None = None
    version: int = 0
    created_at: datetime | None = field(default=None, compare=False)
    created_by: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def is_married(self) -> bool:
        return self.marital_status is MaritalStatus.MARRIED

    def draft(self) -> CustomerDraft:
        """The form filled with this customer, for editing."""
        return CustomerDraft(
            name=self.name,
            id_number=self.id_number,
            phone=self.phone,
            address=self.address,
            marital_status=self.marital_status,
            spouse_name=self.spouse_name or "",
            spouse_id_number=self.spouse_id_number or "",
        )

    def __repr__(self) -> str:
        # Customers end up in logs and tracebacks: ID numbers stay masked (PIPL).
        return f"Customer(id={self.id}, name={self.name!r}, id_number={self.masked_id_number})"


class CustomerExists(DomainError):
    """The ID number belongs to a registered customer; ``existing`` is that
    record, so the form can open it instead of creating a duplicate."""

    def __init__(self, existing: Customer):
        super().__init__(f"该身份证号码已登记为客户 {existing.name}，已为您打开该客户")
        self.existing = existing


def validate_customer(draft: CustomerDraft, *, today: date | None = None) -> Customer:
    """The unsaved ``Customer`` for a filled-in form, or ``FormErrors`` naming
    every field that is wrong. Spouse fields are required when married and
    dropped otherwise (a divorce clears them)."""
    found = FieldProblems()
    name = found.check("name", required_text, draft.name, "name", "客户姓名", NAME_MAX)
    resident = found.check(
        "id_number", parse_resident_id, draft.id_number, "id_number", today=today
    )
    phone = found.check("phone", parse_mobile, draft.phone, "phone")
    address = found.check("address", required_text, draft.address, "address", "住址", ADDRESS_MAX)
    status = found.check(
        "marital_status",
        parse_choice,
        draft.marital_status,
        MaritalStatus,
        "marital_status",
        "婚姻状况",
    )
    spouse_name = spouse_id = None
    warnings = list(resident.warnings) if resident else []
    if status is MaritalStatus.MARRIED:
        spouse_name = found.check(
            "spouse_name", required_text, draft.spouse_name, "spouse_name", "配偶姓名", NAME_MAX
        )
        spouse = found.check(
            "spouse_id_number",
            parse_resident_id,
            draft.spouse_id_number,
            "spouse_id_number",
            today=today,
        )
        if spouse and resident and spouse.number == resident.number:
            found.add("spouse_id_number", "配偶身份证号码与客户本人相同，请核对")
        if spouse:
            spouse_id = spouse.number
            warnings += [f"配偶{w}" for w in spouse.warnings]
    found.raise_if_any()
    return Customer(
        name=name,
        id_number=resident.number,
        phone=phone,
        address=address,
        marital_status=status,
        spouse_name=spouse_name,
        spouse_id_number=spouse_id,
        warnings=tuple(warnings),
    )


def register_customer(uow, actor: User, draft: CustomerDraft) -> Customer:
    """Register a new customer.

    Officers and administrators only. ``FormErrors`` if any field is wrong;
    ``CustomerExists`` (carrying the stored record) if the ID number is
    already registered. Returns the stored customer with its id and version.
    """
    actor.require(*REGISTRARS, doing="登记客户")
    with uow.acting(actor.username):
        customer = validate_customer(draft, today=uow.clock.today())
        _refuse_known_id(uow, customer.id_number)
        customer.created_at = uow.clock.now()
        customer.created_by = actor.username
        stored = uow.customers.add(customer)
        uow.commit()
        stored.warnings = customer.warnings
        return stored


def update_customer(
    uow, actor: User, customer_id: int, draft: CustomerDraft, *, version: int
) -> Customer:
    """Save the edited customer ``customer_id``; ``version`` is the copy being
    edited (``ConcurrencyConflict`` if someone saved since).

    The ID number may be corrected, but not to one registered for another
    customer (``CustomerExists`` with that customer).
    """
    actor.require(*REGISTRARS, doing="修改客户资料")
    with uow.acting(actor.username):
        edited = validate_customer(draft, today=uow.clock.today())
        stored = _customer(uow, customer_id)
        if edited.id_number != stored.id_number:
            _refuse_known_id(uow, edited.id_number)
        edited.id, edited.version = customer_id, version
        edited.created_at, edited.created_by = stored.created_at, stored.created_by
        saved = uow.customers.update(edited)
        _void_sign_offs_of(uow, actor, customer_id, "借款人资料")
        uow.commit()
        saved.warnings = edited.warnings
        return saved


def _void_sign_offs_of(uow, actor: User, customer_id: int, what: str) -> None:
    """A sign-off covers the borrower's and business's details too: an edit
    after it voids it at once and puts the application back in the queue."""
    from domain.applications import ApplicationState
    from domain.workflow import void_changed_sign_off

    uow.flush()  # the fingerprint is computed from what is now stored
    for application in uow.applications.of_customer(customer_id, ApplicationState.SIGNED_OFF):
        void_changed_sign_off(uow, actor, application, what)


def get_customer(uow, customer_id: int) -> Customer:
    """The customer with ``customer_id``; ``NotFound`` if there is none."""
    with uow:
        return _customer(uow, customer_id)


def find_customer_by_id_number(uow, id_number: str) -> Customer | None:
    """The customer registered under ``id_number`` (as typed), or ``None``.
    ``ValidationError`` if the number itself is not a valid resident ID."""
    number = parse_resident_id(id_number).number
    with uow:
        return uow.customers.get_by_id_number(number)


def bulk_register_customers(uow, actor: User, customers: Sequence[Customer]) -> list[Customer]:
    """Load many customers at once: taking over a previous system's records,
    or filling a training database. Administrator only.

    Every customer is checked like a registration; any problem, or an ID
    number registered twice or already known, refuses the whole load
    (``DomainError`` naming the first few). One transaction; the audit trail
    gets one summary event instead of a line per customer. Returns the
    customers with their ids, in the order given.
    """
    actor.require(Role.ADMINISTRATOR, doing="批量导入客户")
    with uow.acting(actor.username):
        today, now = uow.clock.today(), uow.clock.now()
        checked = [_checked_for_bulk(c, today, index) for index, c in enumerate(customers, 1)]
        _refuse_repeated_ids([c.id_number for c in checked])
        known = uow.customers.known_id_numbers([c.id_number for c in checked])
        if known:
            sample = "、".join(mask_id_number(n) for n in sorted(known)[:5])
            raise DomainError(
                f"以下身份证号码已登记为客户，请从导入数据中去掉：{sample}（共 {len(known)} 个）"
            )
        for customer in checked:
            customer.created_at = customer.created_at or now
            customer.created_by = customer.created_by or actor.username
        stored = uow.customers.add_many(checked)
        _record_bulk(uow, "bulk_register_customers", "customers", [c.id for c in stored])
        uow.commit()
        return stored


def _checked_for_bulk(customer: Customer, today: date, index: int) -> Customer:
    """The customer as validated, keeping when and by whom it was first recorded."""
    try:
        checked = validate_customer(customer.draft(), today=today)
    except FormErrors as error:
        problems = "；".join(error.problems.values())
        raise DomainError(f"第 {index} 位客户 {customer.name}：{problems}") from error
    checked.created_at, checked.created_by = customer.created_at, customer.created_by
    return checked


def _refuse_repeated_ids(numbers: Iterable[str]) -> None:
    repeated = sorted(n for n, times in Counter(numbers).items() if times > 1)
    if repeated:
        sample = "、".join(mask_id_number(n) for n in repeated[:5])
        raise DomainError(f"导入数据中有重复的身份证号码：{sample}（共 {len(repeated)} 个）")


def _record_bulk(uow, action: str, entity: str, ids: list[int]) -> None:
    if ids:
        uow.record(action, entity, f"{min(ids)}-{max(ids)}", {"count": len(ids)})


def _refuse_known_id(uow, id_number: str) -> None:
    existing = uow.customers.get_by_id_number(id_number)
    if existing is not None:
        raise CustomerExists(existing)


def _customer(uow, customer_id: int) -> Customer:
    customer = uow.customers.get(customer_id)
    if customer is None:
        raise NotFound("找不到该客户，可能已被删除，请重新查询。")
    return customer


# ---------------------------------------------------------------------------
# Businesses
# ---------------------------------------------------------------------------


class Premises(StrEnum):
    """Whether the business owns or rents where it operates."""

    OWNED = "owned"
    RENTED = "rented"

    @property
    def label(self) -> str:
        return _PREMISES_LABELS[self]


_PREMISES_LABELS = {Premises.OWNED: "自有", Premises.RENTED: "租赁"}


@dataclass
class BusinessDraft:
    """The business form as typed. ``uscc`` is optional: many individual
    businesses (个体工商户) trade unregistered. ``operating_since`` and
    ``employees`` may come from pickers (``date``, ``int``) or as text."""

    name: str = ""
    uscc: str = ""
    industry: str = ""
    operating_since: date | str | None = None
    premises: Premises | str | None = None
    employees: int | str | None = None
    marketing_area: str = ""


@dataclass
class Business:
    """A customer's business. ``marketing_area`` is the bank's 营销片区, used to
    share out the customers among officers (may be empty)."""

    customer_id: int
    name: str
    industry: str
    operating_since: date
    premises: Premises
    employees: int
    uscc: str | None = None
    marketing_area: str = ""
    id: int | None = None
    version: int = 0

    def months_in_business(self, today: date) -> int:
        """Full months from ``operating_since`` to ``today``, by the one rule
        of ``domain.analysis.months_between``: 2026-01-31 to 2026-02-28 is one
        month (the month ended), to 2026-02-27 none."""
        return months_between(self.operating_since, today)

    def draft(self) -> BusinessDraft:
        return BusinessDraft(
            name=self.name,
            uscc=self.uscc or "",
            industry=self.industry,
            operating_since=self.operating_since,
            premises=self.premises,
            employees=self.employees,
            marketing_area=self.marketing_area,
        )


def validate_business(customer_id: int, draft: BusinessDraft, *, today: date) -> Business:
    """The unsaved ``Business`` for the form, or ``FormErrors`` naming every
    wrong field. The start date may not lie in the future."""
    found = FieldProblems()
    name = found.check("name", required_text, draft.name, "name", "经营实体名称", BUSINESS_NAME_MAX)
    uscc = None
    if normalize_input(draft.uscc):
        uscc = found.check("uscc", parse_uscc, draft.uscc, "uscc")
    industry = found.check(
        "industry", required_text, draft.industry, "industry", "所属行业", INDUSTRY_MAX
    )
    since = found.check(
        "operating_since", parse_date, draft.operating_since, "operating_since", "开始经营日期"
    )
    if since and since > today:
        found.add("operating_since", f"开始经营日期 {since.isoformat()} 晚于今天，请核对")
    premises = found.check(
        "premises", parse_choice, draft.premises, Premises, "premises", "经营场所权属"
    )
    employees = found.check("employees", _parse_employees, draft.employees)
    area = found.check(
        "marketing_area",
        limited_text,
        draft.marketing_area,
        "marketing_area",
        "营销片区",
        MARKETING_AREA_MAX,
    )
    found.raise_if_any()
    return Business(
        customer_id=customer_id,
        name=name,
        industry=industry,
        operating_since=since,
        premises=premises,
        employees=employees,
        uscc=uscc,
        marketing_area=area,
    )


def _parse_employees(value: int | str | None) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = normalize_input(None if value is None else str(value)).removesuffix("人")
        if not text:
            return 0  # a one-person business has no employees to count
        if not text.isdigit():
            raise ValidationError(f"雇员人数请填写整数，“{text}”无法识别", "employees")
        number = int(text)
    if not 0 <= number <= EMPLOYEES_MAX:
        raise ValidationError(f"雇员人数应在 0 至 {EMPLOYEES_MAX} 之间，目前 {number}", "employees")
    return number


def save_business(
    uow,
    actor: User,
    customer_id: int,
    draft: BusinessDraft,
    *,
    business_id: int | None = None,
    version: int = 0,
) -> Business:
    """Add a business to customer ``customer_id`` (``business_id`` None) or
    save an edited one (``version`` is the copy being edited).

    Officers and administrators only. ``FormErrors`` for wrong fields,
    ``NotFound`` for an unknown customer or business, ``ConcurrencyConflict``
    for a stale copy. Returns the stored business.
    """
    actor.require(*REGISTRARS, doing="登记经营实体")
    with uow.acting(actor.username):
        business = validate_business(customer_id, draft, today=uow.clock.today())
        _customer(uow, customer_id)
        if business_id is None:
            saved = uow.businesses.add(business)
        else:
            stored = _business(uow, business_id)
            if stored.customer_id != customer_id:
                raise DomainError("该经营实体不属于此客户，请重新打开客户后再修改。")
            business.id, business.version = business_id, version
            saved = uow.businesses.update(business)
        _void_sign_offs_of(uow, actor, customer_id, "经营实体资料")
        uow.commit()
        return saved


def businesses_of(uow, customer_id: int) -> list[Business]:
    """The customer's businesses, oldest registration first."""
    with uow:
        return uow.businesses.for_customer(customer_id)


def get_business(uow, business_id: int) -> Business:
    with uow:
        return _business(uow, business_id)


def bulk_save_businesses(uow, actor: User, businesses: Sequence[Business]) -> list[Business]:
    """Load many businesses at once, alongside ``bulk_register_customers``.
    Administrator only; each is checked like a form; one transaction, one
    summary audit event. Returns them with their ids, in the order given."""
    actor.require(Role.ADMINISTRATOR, doing="批量导入经营实体")
    with uow.acting(actor.username):
        today = uow.clock.today()
        checked = []
        for index, business in enumerate(businesses, 1):
            try:
                checked.append(
                    validate_business(business.customer_id, business.draft(), today=today)
                )
            except FormErrors as error:
                problems = "；".join(error.problems.values())
                raise DomainError(f"第 {index} 个经营实体 {business.name}：{problems}") from error
        stored = uow.businesses.add_many(checked)
        _record_bulk(uow, "bulk_save_businesses", "businesses", [b.id for b in stored])
        uow.commit()
        return stored


def _business(uow, business_id: int) -> Business:
    business = uow.businesses.get(business_id)
    if business is None:
        raise NotFound("找不到该经营实体，可能已被删除，请重新打开客户。")
    return business
