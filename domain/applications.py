"""Loan applications at intake (受理): the request, its guarantees, the
on-site investigation, the analysis and the evidence, up to submission.

An application is created as a draft and saved as often as the officer
likes, complete or not; only what is filled in is checked (``FormErrors``
lists every wrong field). Submitting it is the gate: the product's rules must
pass, nobody on it may be on the notice list, two different officers must
have investigated on site, and the analysis must be complete; a
guarantee-company loan must name its company, with a valid credit code and
the amount it guarantees (at most the amount applied for). A refusal lists
everything still missing.

The later steps (approval, signing, sign-off, disbursement) are states
already named here; their transitions live in ``domain.workflow``. An
application returned for more information is the officer's again: he edits
it like a draft and submits it anew.

Use cases take a unit of work (``domain.ports.UnitOfWork`` with the
repositories ``applications``, ``customers``, ``businesses``, ``products``,
``blacklist``, ``users`` and ``settings``), open it and commit it. Every save
of an application carries the ``version`` it was loaded with; an older copy
raises ``ConcurrencyConflict``.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import PurePath, PureWindowsPath
from typing import Any

from domain.blacklist import Person, refuse_listed_people
from domain.customers import (
    Business,
    Customer,
    FieldProblems,
    limited_text,
    parse_choice,
    parse_date,
    required_text,
)
from domain.errors import (
    ConcurrencyConflict,
    DomainError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from domain.identity import mask_id_number, parse_mobile, parse_resident_id, parse_uscc
from domain.money import format_amount, parse_amount
from domain.products import (
    EligibilityRequest,
    GuaranteeType,
    Product,
    RuleBreach,
    check_eligibility,
)
from domain.schedule import MAX_MONTHS, RepaymentMethod
from domain.text import normalize_input
from domain.users import Role, User

PURPOSE_MAX = 200
NAME_MAX = 40
TEXT_MAX = 100
NOTES_MAX = 2000
FILE_NAME_MAX = 200
COMPANY_NAME_MAX = 100

# The rule name of what a guarantee-company loan still lacks, as
# ``live_eligibility`` reports it beside the company's fields.
GUARANTEE_COMPANY_RULE = "guarantee_company"

# Who takes applications: the officers. Submitting is the officer's act.
TAKERS = (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)


class ApplicationState(StrEnum):
    """Where an application stands. Values are stored; labels are shown."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    ESCALATED = "escalated"
    APPROVED = "approved"
    SIGNING = "signing"
    SIGNED = "signed"
    SIGNED_OFF = "signed_off"
    DISBURSED = "disbursed"
    REJECTED = "rejected"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    ApplicationState.DRAFT: "草稿",
    ApplicationState.SUBMITTED: "已提交",
    ApplicationState.ESCALATED: "已上报总行审批",
    ApplicationState.APPROVED: "已批准",
    ApplicationState.SIGNING: "面签中",
    ApplicationState.SIGNED: "已面签",
    ApplicationState.SIGNED_OFF: "主管已合规确认",
    ApplicationState.DISBURSED: "已放款",
    ApplicationState.REJECTED: "已否决",
    ApplicationState.RETURNED: "已退回补充",
    ApplicationState.WITHDRAWN: "已撤回",
}

# The officer may change the application only while it is with him: a draft,
# or one sent back for more information.
EDITABLE_STATES = frozenset({ApplicationState.DRAFT, ApplicationState.RETURNED})
# Closed for good: nothing more is added to these.
CLOSED_STATES = frozenset({ApplicationState.REJECTED, ApplicationState.WITHDRAWN})


class CollateralKind(StrEnum):
    HOUSE = "house"
    LAND = "land"
    VEHICLE = "vehicle"
    EQUIPMENT = "equipment"
    DEPOSIT = "deposit"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _COLLATERAL_LABELS[self]


_COLLATERAL_LABELS = {
    CollateralKind.HOUSE: "房产",
    CollateralKind.LAND: "土地使用权",
    CollateralKind.VEHICLE: "车辆",
    CollateralKind.EQUIPMENT: "机器设备",
    CollateralKind.DEPOSIT: "存单",
    CollateralKind.OTHER: "其他",
}


# ---------------------------------------------------------------------------
# The parts of an application
# ---------------------------------------------------------------------------


@dataclass(repr=False)
class Guarantor:
    """A natural-person guarantor. ``monthly_income`` may be typed text on the
    way in; stored applications hold ``Decimal`` yuan or ``None``."""

    name: str
    id_number: str
    phone: str = ""
    relation: str = ""  # to the borrower: 亲属, 朋友, 生意伙伴…
    monthly_income: Decimal | str | None = None
    employer: str = ""

    def __repr__(self) -> str:
        return f"Guarantor({self.name!r}, {mask_id_number(self.id_number)})"


@dataclass(repr=False)
class GroupMember:
    """Another household of the joint-guarantee group (联保小组). The borrower's
    own household is the group's first member and is not listed again."""

    name: str
    id_number: str
    business: str = ""

    def __repr__(self) -> str:
        return f"GroupMember({self.name!r}, {mask_id_number(self.id_number)})"


@dataclass
class Collateral:
    """A pledged asset. ``appraised_value`` may be typed text on the way in; an
    asset not yet appraised (``None``) counts for nothing."""

    kind: CollateralKind | str
    certificate_number: str = ""
    owner: str = ""
    appraised_value: Decimal | str | None = None

    def loan_to_value(self, amount: Decimal | None) -> Decimal | None:
        """``amount`` over the appraised value, to four decimals (0.6500 = 65%)."""
        return _ratio(amount, self.appraised_value)


@dataclass
class GuaranteeCompany:
    """The guarantee company behind a guarantee-company loan (担保公司保证):
    its name, its unified social credit code and the amount it guarantees
    (all of the loan or part of it).

    A draft may leave any part empty. ``amount`` may be typed text on the way
    in; stored applications hold ``Decimal`` yuan or ``None``, and a
    canonical 18-character ``credit_code`` or ``""``.
    """

    name: str = ""
    credit_code: str = ""
    amount: Decimal | str | None = None


@dataclass
class Investigation:
    """The on-site visit (实地调查): always two different officers (双人调查)."""

    visit_date: date | str | None
    officer: str | None
    assisting_officer: str | None
    notes: str = ""


@dataclass
class Attachment:
    """A file kept with an application (photos of the premises, statements…).

    ``data`` is ``None`` in listings; ``read_attachment`` fills it.
    ``sha256`` evidences the content in the audit trail.
    """

    file_name: str
    media_type: str
    size: int
    sha256: str
    uploaded_at: datetime | None = None
    uploaded_by: str | None = None
    id: int | None = None
    application_id: int | None = None
    data: bytes | None = field(default=None, repr=False)


@dataclass
class ApplicationDraft:
    """The application form as the officer left it; anything but the customer
    and the product may be missing. Amounts, terms and days may be typed text,
    choices their enum, code or label. ``application_number`` and ``version``
    are those of the stored copy being edited, ``None`` and 0 for a new one.
    ``officer`` defaults to the user saving. ``analysis`` is the
    ``AnalysisSheet.to_dict()`` of the analysis worksheet, kept as it is.
    ``guarantee_company`` counts only when the guarantee type is
    guarantee-company; under any other type it is dropped."""

    customer_id: int | None
    product_code: str | None
    business_id: int | None = None
    amount: Decimal | str | None = None
    months: int | str | None = None
    purpose: str = ""
    repayment_method: RepaymentMethod | str | None = None
    due_day: int | str | None = None
    guarantee_type: GuaranteeType | str | None = None
    officer: str | None = None
    assisting_officer: str | None = None
    guarantee_company: GuaranteeCompany | None = None
    guarantors: list[Guarantor] = field(default_factory=list)
    group_members: list[GroupMember] = field(default_factory=list)
    collaterals: list[Collateral] = field(default_factory=list)
    investigation: Investigation | None = None
    analysis: dict[str, Any] | None = None
    application_number: str | None = None
    version: int = 0


@dataclass
class Application:
    """A stored application. Request fields are ``None`` until filled in;
    children are lists in the order the officer entered them."""

    application_number: str
    customer_id: int
    product_code: str
    officer: str
    state: ApplicationState = ApplicationState.DRAFT
    business_id: int | None = None
    amount: Decimal | None = None
    months: int | None = None
    purpose: str = ""
    repayment_method: RepaymentMethod | None = None
    due_day: int | None = None
    guarantee_type: GuaranteeType | None = None
    assisting_officer: str | None = None
    guarantee_company: GuaranteeCompany | None = None  # only on guarantee-company loans
    guarantors: list[Guarantor] = field(default_factory=list)
    group_members: list[GroupMember] = field(default_factory=list)
    collaterals: list[Collateral] = field(default_factory=list)
    investigation: Investigation | None = None
    analysis: dict[str, Any] | None = None
    created_at: datetime | None = None
    created_by: str | None = None
    updated_at: datetime | None = None
    submitted_at: datetime | None = None
    id: int | None = None
    version: int = 0

    @property
    def group_households(self) -> int:
        """Households in the joint-guarantee group, the borrower's included."""
        return 1 + len(self.group_members)

    @property
    def appraised_value(self) -> Decimal | None:
        """Total appraised value of the collateral; ``None`` when none is appraised."""
        return _appraised(self.collaterals)

    @property
    def loan_to_value(self) -> Decimal | None:
        """The amount over the total appraised value, to four decimals."""
        return _ratio(self.amount, self.appraised_value)

    def draft(self) -> ApplicationDraft:
        """The form filled with this application, to resume editing."""
        return ApplicationDraft(
            customer_id=self.customer_id,
            product_code=self.product_code,
            business_id=self.business_id,
            amount=self.amount,
            months=self.months,
            purpose=self.purpose,
            repayment_method=self.repayment_method,
            due_day=self.due_day,
            guarantee_type=self.guarantee_type,
            officer=self.officer,
            assisting_officer=self.assisting_officer,
            guarantee_company=self.guarantee_company,
            guarantors=list(self.guarantors),
            group_members=list(self.group_members),
            collaterals=list(self.collaterals),
            investigation=self.investigation,
            analysis=self.analysis,
            application_number=self.application_number,
            version=self.version,
        )


def _ratio(amount: Decimal | None, value: Decimal | str | None) -> Decimal | None:
    if amount is None or not isinstance(value, Decimal) or value <= 0:
        return None
    return (amount / value).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


class SubmissionRefused(DomainError):
    """The application cannot be submitted yet; ``missing`` lists every reason."""

    def __init__(self, application_number: str, missing: list[str]):
        self.missing = list(missing)
        lines = "\n".join(f"{i}. {m}" for i, m in enumerate(self.missing, 1))
        super().__init__(f"申请 {application_number} 还不能提交，请先补齐以下内容：\n{lines}")


# ---------------------------------------------------------------------------
# Reading the form
# ---------------------------------------------------------------------------


def _read_draft(draft: ApplicationDraft, today: date) -> tuple[dict[str, Any], FieldProblems]:
    """The draft's fields as clean values (``None`` where missing or wrong) and
    the problems found. Pure: the use cases add what needs the database."""
    found = FieldProblems()
    values: dict[str, Any] = {
        "amount": _optional(found, "amount", _amount, draft.amount),
        "months": _optional(
            found, "months", _whole, draft.months, "months", "期限（月）", 1, MAX_MONTHS
        ),
        "due_day": _optional(
            found, "due_day", _whole, draft.due_day, "due_day", "每月还款日", 1, 31
        ),
        "repayment_method": _optional(
            found,
            "repayment_method",
            parse_choice,
            draft.repayment_method,
            RepaymentMethod,
            "repayment_method",
            "还款方式",
        ),
        "guarantee_type": _optional(
            found,
            "guarantee_type",
            parse_choice,
            draft.guarantee_type,
            GuaranteeType,
            "guarantee_type",
            "担保方式",
        ),
        "purpose": found.check(
            "purpose", limited_text, draft.purpose, "purpose", "借款用途", PURPOSE_MAX
        ),
        "guarantors": [_guarantor(found, i, g, today) for i, g in enumerate(draft.guarantors)],
        "group_members": [_member(found, i, m, today) for i, m in enumerate(draft.group_members)],
        "collaterals": [_collateral(found, i, c) for i, c in enumerate(draft.collaterals)],
        "investigation": _investigation(found, draft.investigation, today),
        "analysis": _analysis(found, draft.analysis),
    }
    values["guarantee_company"] = _guarantee_company(
        found, draft.guarantee_company, values["guarantee_type"]
    )
    _refuse_repeated_people(found, values)
    return values, found


def _optional(found: FieldProblems, field: str, parse, value, *args, **kwargs):
    """``parse(value, *args, **kwargs)`` unless the input was left empty (``None``)."""
    if value is None or (isinstance(value, str) and not normalize_input(value)):
        return None
    return found.check(field, parse, value, *args, **kwargs)


def _amount(value: Decimal | str) -> Decimal:
    return parse_amount(_text(value), "amount", label="申请金额")


def _whole(value: int | str, field: str, label: str, low: int, high: int) -> int:
    text = normalize_input(str(value))
    if isinstance(value, bool) or not text.isdigit():
        raise ValidationError(f"{label}请填写整数，“{text}”无法识别", field)
    number = int(text)
    if not low <= number <= high:
        raise ValidationError(f"{label}应在 {low} 至 {high} 之间，目前 {number}", field)
    return number


def _child(found: FieldProblems, group: str, index: int, label: str, child: FieldProblems) -> None:
    for key, message in child.problems.items():
        found.add(f"{group}.{index}.{key}", f"第 {index + 1} 位{label}：{message}")


def _guarantor(found: FieldProblems, index: int, g: Guarantor, today: date) -> Guarantor | None:
    own = FieldProblems()
    name = own.check("name", required_text, g.name, "name", "姓名", NAME_MAX)
    resident = own.check("id_number", parse_resident_id, g.id_number, "id_number", today=today)
    phone = _optional(own, "phone", parse_mobile, g.phone, "phone")
    income = _optional(
        own,
        "monthly_income",
        parse_amount,
        _text(g.monthly_income),
        "monthly_income",
        label="月收入",
    )
    relation = own.check("relation", limited_text, g.relation, "relation", "与借款人关系", 20)
    employer = own.check("employer", limited_text, g.employer, "employer", "工作单位", TEXT_MAX)
    _child(found, "guarantors", index, "保证人", own)
    if own.problems:
        return None
    return Guarantor(name, resident.number, phone or "", relation, income, employer)


def _member(found: FieldProblems, index: int, m: GroupMember, today: date) -> GroupMember | None:
    own = FieldProblems()
    name = own.check("name", required_text, m.name, "name", "姓名", NAME_MAX)
    resident = own.check("id_number", parse_resident_id, m.id_number, "id_number", today=today)
    business = own.check("business", limited_text, m.business, "business", "经营项目", TEXT_MAX)
    _child(found, "group_members", index, "联保成员", own)
    if own.problems:
        return None
    return GroupMember(name, resident.number, business)


def _collateral(found: FieldProblems, index: int, c: Collateral) -> Collateral | None:
    own = FieldProblems()
    kind = own.check("kind", parse_choice, c.kind, CollateralKind, "kind", "抵押物类型")
    number = own.check(
        "certificate_number",
        limited_text,
        c.certificate_number,
        "certificate_number",
        "权证号码",
        TEXT_MAX,
    )
    owner = own.check("owner", limited_text, c.owner, "owner", "所有权人", NAME_MAX)
    value = _optional(
        own,
        "appraised_value",
        parse_amount,
        _text(c.appraised_value),
        "appraised_value",
        label="评估价值",
    )
    _child(found, "collaterals", index, "抵押物", own)
    if own.problems:
        return None
    return Collateral(kind, number, owner, value)


def _guarantee_company(
    found: FieldProblems, company: GuaranteeCompany | None, kind: GuaranteeType | None
) -> GuaranteeCompany | None:
    """The company as typed, each part checked if filled in. Under any other
    guarantee type the details are dropped: a company guarantees only a
    guarantee-company loan, and stale details must not reach the contract."""
    if company is None or kind is not GuaranteeType.GUARANTEE_COMPANY:
        return None
    own = FieldProblems()
    name = own.check("name", limited_text, company.name, "name", "担保公司名称", COMPANY_NAME_MAX)
    code = _optional(own, "credit_code", parse_uscc, company.credit_code, "credit_code")
    amount = _optional(
        own, "amount", parse_amount, _text(company.amount), "amount", label="担保金额"
    )
    for key, message in own.problems.items():
        found.add(f"guarantee_company.{key}", f"担保公司：{message}")
    if not (name or code or amount):
        return None  # the fields were shown but nothing entered
    return GuaranteeCompany(name or "", code or "", amount)


def guarantee_company_gaps(
    company: GuaranteeCompany | None, applied: Decimal | None
) -> Iterator[tuple[str, str]]:
    """What a guarantee-company loan still lacks before submission, as
    ``(field, message)``: the company's name, its credit code, and the amount
    it guarantees, which is above zero and at most ``applied`` (a company
    guarantees all of the loan or part of it, never more). ``company`` holds
    checked values (unreadable input counts as missing). Pure."""
    company = company or GuaranteeCompany()
    if not company.name:
        yield "guarantee_company.name", "担保公司保证须填写担保公司名称"
    if not company.credit_code:
        yield (
            "guarantee_company.credit_code",
            "担保公司保证须填写担保公司的统一社会信用代码（18位，见营业执照）",
        )
    guaranteed = company.amount
    if not isinstance(guaranteed, Decimal) or guaranteed <= 0:
        yield "guarantee_company.amount", "担保公司保证须填写担保公司承担保证的金额"
    elif applied is not None and guaranteed > applied:
        yield (
            "guarantee_company.amount",
            f"担保金额 {format_amount(guaranteed)} 元超过申请金额 {format_amount(applied)} 元："
            f"担保公司只能为全部或部分借款提供保证，请改为不超过申请金额",
        )


def _investigation(
    found: FieldProblems, visit: Investigation | None, today: date
) -> Investigation | None:
    if visit is None:
        return None
    own = FieldProblems()
    day = _optional(own, "visit_date", parse_date, visit.visit_date, "visit_date", "调查日期")
    if day and day > today:
        own.add("visit_date", f"调查日期 {day.isoformat()} 晚于今天，请核对")
    officer = normalize_input(visit.officer).lower() or None
    assistant = normalize_input(visit.assisting_officer).lower() or None
    if officer and officer == assistant:
        own.add(
            "assisting_officer", "实地调查须由两名不同的信贷人员进行，辅助调查人不能与主调查人相同"
        )
    notes = own.check("notes", _long_text, visit.notes, "notes", "调查情况", NOTES_MAX)
    for key, message in own.problems.items():
        found.add(f"investigation.{key}", f"实地调查：{message}")
    if not (day or officer or assistant or notes):
        return None  # the section was opened but nothing entered
    return Investigation(day, officer, assistant, notes or "")


def _long_text(text: str | None, field: str, label: str, limit: int) -> str:
    value = normalize_input(text, collapse_spaces=False)
    if len(value) > limit:
        raise ValidationError(f"{label}不能超过 {limit} 个字，目前 {len(value)} 个", field)
    return value


def _analysis(found: FieldProblems, analysis: dict[str, Any] | None) -> dict[str, Any] | None:
    if analysis is not None and not isinstance(analysis, dict):
        found.add("analysis", "经营分析数据格式不对，请重新打开分析表保存")
        return None
    return analysis or None


def _text(value: Decimal | str | None) -> str | None:
    """An amount as the parser reads it: ``Decimal("1E+5")`` written out in full."""
    return format(value, "f") if isinstance(value, Decimal) else value


def _refuse_repeated_people(found: FieldProblems, values: dict[str, Any]) -> None:
    """A person is one guarantor, or one group member, once."""
    for group, label in (("guarantors", "保证人"), ("group_members", "联保成员")):
        first: dict[str, int] = {}
        for index, person in enumerate(values[group]):
            if person is None:
                continue
            seen = first.setdefault(person.id_number, index)
            if seen != index:
                found.add(
                    f"{group}.{index}.id_number",
                    f"第 {index + 1} 位{label}与第 {seen + 1} 位身份证号码相同，请删去重复的一位",
                )


# ---------------------------------------------------------------------------
# Application numbers
# ---------------------------------------------------------------------------

# Prefix of the application number for each product of the default catalogue.
# A bank setting (``application_number_prefixes``) may add or change them;
# a product without one uses the first two letters of its code.
NUMBER_PREFIXES_SETTING = "application_number_prefixes"
DEFAULT_NUMBER_PREFIXES = {
    "micro": "XW",  # 小微
    "quick-mortgage": "DY",  # 抵押
    "trade-chain": "SM",  # 商贸
    "guarantee-company": "DB",  # 担保
    "personal-guarantee": "BZ",  # 保证
    "joint-group": "LB",  # 联保
}


def number_prefix(uow, product_code: str) -> str:
    """The letters that begin the numbers of applications under ``product_code``."""
    prefixes = {**DEFAULT_NUMBER_PREFIXES, **(uow.settings.get(NUMBER_PREFIXES_SETTING, {}) or {})}
    prefix = prefixes.get(product_code)
    if not prefix:
        prefix = "".join(c for c in product_code if c.isascii() and c.isalpha())[:2] or "SQ"
    return prefix.upper()


def _day_key(prefix: str, day: date) -> str:
    return f"{prefix}{day:%Y%m%d}"


def _number(key: str, sequence: int) -> str:
    """``XW20261128-0001``: the day's sequence has at least four digits."""
    return f"{key}-{sequence:04d}"


# ---------------------------------------------------------------------------
# Use cases: drafts
# ---------------------------------------------------------------------------


def save_draft(uow, actor: User, draft: ApplicationDraft) -> Application:
    """Create an application (``draft.application_number`` is ``None``) or save
    the edited one, complete or not.

    Officers only. Refused with ``FormErrors`` for wrong fields (every one
    listed; nothing saved), ``Blacklisted`` when the borrower, spouse, a
    guarantor or a group member is on the notice list, ``ConcurrencyConflict``
    for a stale copy, ``DomainError`` once the application has left the
    officer's hands. A new application gets its number here:
    ``XW20261128-0001`` (product prefix, today, the day's sequence).
    """
    actor.require(*TAKERS, doing="录入贷款申请")
    with uow.acting(actor.username):
        today, now = uow.clock.today(), uow.clock.now()
        values, found = _read_draft(draft, today)
        customer = _links(uow, actor, draft, values, found)
        found.raise_if_any()
        refuse_listed_people(uow, _people(customer, values))
        if draft.application_number is None:
            saved = _create(uow, actor, draft, values, today, now)
        else:
            saved = _update(uow, draft, values, now)
        uow.commit()
        return saved


def _links(
    uow, actor: User, draft: ApplicationDraft, values: dict[str, Any], found: FieldProblems
) -> Customer | None:
    """Check what the draft refers to in storage; fill ``values`` with it."""
    customer = None
    if draft.customer_id is None:
        found.add("customer_id", "请先选择或登记借款客户")
    else:
        customer = uow.customers.get(draft.customer_id)
        if customer is None:
            found.add("customer_id", "找不到该借款客户，可能已被删除，请重新选择")
    code = normalize_input(draft.product_code)
    if not code:
        found.add("product_code", "请选择贷款产品")
    elif uow.products.get(code) is None:
        found.add("product_code", f"没有代码为“{code}”的贷款产品")
    values["customer_id"], values["product_code"] = draft.customer_id, code
    values["business_id"] = _business_link(uow, draft, found)
    values["officer"], values["assisting_officer"] = _officers(uow, actor, draft, found)
    if customer is not None:
        _refuse_own_household(customer, values, found)
    visit = values["investigation"]
    if visit is not None:
        for key, username in (
            ("officer", visit.officer),
            ("assisting_officer", visit.assisting_officer),
        ):
            problem = username and _staff_problem(
                uow, username, (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)
            )
            if problem:
                found.add(f"investigation.{key}", f"实地调查：{problem}")
    return customer


def _refuse_own_household(customer: Customer, values: dict[str, Any], found: FieldProblems) -> None:
    """The borrower cannot guarantee his own loan, and his household is already
    the group's first member: neither he nor his spouse is listed again."""
    for index, g in enumerate(values["guarantors"]):
        if g and g.id_number == customer.id_number:
            found.add(
                f"guarantors.{index}.id_number", f"第 {index + 1} 位保证人是借款人本人，请更换"
            )
    household = {customer.id_number, customer.spouse_id_number}
    for index, m in enumerate(values["group_members"]):
        if m and m.id_number in household:
            found.add(
                f"group_members.{index}.id_number",
                f"第 {index + 1} 位联保成员与借款人同属一户，借款人家庭已是小组成员，请删去",
            )


def _business_link(uow, draft: ApplicationDraft, found: FieldProblems) -> int | None:
    if draft.business_id is None:
        return None
    business = uow.businesses.get(draft.business_id)
    if business is None or business.customer_id != draft.customer_id:
        found.add("business_id", "该经营实体不属于借款客户，请重新选择")
        return None
    return business.id


def _officers(
    uow, actor: User, draft: ApplicationDraft, found: FieldProblems
) -> tuple[str | None, str | None]:
    officer = normalize_input(draft.officer).lower()
    if not officer and actor.has_role(Role.LOAN_OFFICER):
        officer = actor.username
    assistant = normalize_input(draft.assisting_officer).lower() or None
    if not officer:
        found.add("officer", "请选择主办客户经理")
    else:
        problem = _staff_problem(uow, officer, (Role.LOAN_OFFICER,))
        if problem:
            found.add("officer", f"主办客户经理：{problem}")
    if assistant and assistant == officer:
        found.add("assisting_officer", "辅助信贷员不能与主办客户经理为同一人：调查和面签须两人在场")
    elif assistant:
        problem = _staff_problem(uow, assistant, (Role.ASSISTING_OFFICER, Role.LOAN_OFFICER))
        if problem:
            found.add("assisting_officer", f"辅助信贷员：{problem}")
    return officer or None, assistant


def _staff_problem(uow, username: str, roles: tuple[Role, ...]) -> str | None:
    user = uow.users.get(username)
    if user is None:
        return f"没有用户名为 {username} 的员工"
    if not user.active:
        return f"{user.full_name}（{username}）的账户已停用"
    if not user.has_role(*roles):
        return f"{user.full_name}（{username}）不是{'或'.join(r.label for r in roles)}"
    return None


def _people(customer: Customer | None, values: dict[str, Any]) -> list[Person]:
    """Everyone on the application whose listing stops it, in the order named."""
    people: list[Person] = []
    if customer is not None:
        people.append(("借款人", customer.name, customer.id_number))
        if customer.spouse_id_number:
            people.append(("配偶", customer.spouse_name or "", customer.spouse_id_number))
    people += [("保证人", g.name, g.id_number) for g in values["guarantors"] if g]
    people += [("联保成员", m.name, m.id_number) for m in values["group_members"] if m]
    return people


def _fill(application: Application, values: dict[str, Any]) -> Application:
    for name in (
        "business_id",
        "amount",
        "months",
        "purpose",
        "repayment_method",
        "due_day",
        "guarantee_type",
        "assisting_officer",
        "guarantee_company",
        "guarantors",
        "group_members",
        "collaterals",
        "investigation",
        "analysis",
    ):
        setattr(application, name, values[name])
    return application


def _create(uow, actor: User, draft, values, today: date, now: datetime) -> Application:
    key = _day_key(number_prefix(uow, values["product_code"]), today)
    application = Application(
        application_number=_number(key, uow.applications.next_sequence(key)),
        customer_id=values["customer_id"],
        product_code=values["product_code"],
        officer=values["officer"],
        created_at=now,
        created_by=actor.username,
        updated_at=now,
    )
    return uow.applications.add(_fill(application, values))


def _update(uow, draft: ApplicationDraft, values, now: datetime) -> Application:
    stored = _application(uow, draft.application_number)
    _require_editable(stored)
    if stored.version != draft.version:
        raise ConcurrencyConflict(
            f"申请 {stored.application_number} 已被其他人修改，请重新打开后再保存。"
        )
    if stored.customer_id != values["customer_id"]:
        raise DomainError("已保存的申请不能更换借款客户；如需为其他客户申请，请新建申请。")
    stored.product_code, stored.officer = values["product_code"], values["officer"]
    stored.updated_at = now
    return uow.applications.update(_fill(stored, values))


def _require_editable(application: Application) -> None:
    if application.state not in EDITABLE_STATES:
        raise DomainError(
            f"申请 {application.application_number} 目前{application.state.label}，不能再修改。"
        )


def get_application(uow, application_number: str) -> Application:
    """The application with ``application_number``; ``NotFound`` if none."""
    with uow:
        return _application(uow, application_number)


def find_application(uow, application_number: str | None) -> Application:
    """Inside an open unit of work: the application with ``application_number``
    (as typed); ``NotFound`` if none."""
    return _application(uow, application_number)


def _application(uow, application_number: str | None) -> Application:
    number = normalize_input(application_number).upper()
    application = uow.applications.get(number) if number else None
    if application is None:
        raise NotFound(f"找不到申请 {number or '（未填写编号）'}，请核对申请编号。")
    return application


# ---------------------------------------------------------------------------
# Eligibility while the form is being filled in
# ---------------------------------------------------------------------------

_NEEDED_FOR_RULES = {
    "amount": "请填写申请金额",
    "months": "请填写期限（月）",
    "guarantee_type": "请选择担保方式",
    "repayment_method": "请选择还款方式",
    "business_id": "请选择经营实体（用于计算经营时间）",
}


def live_eligibility(uow, draft: ApplicationDraft) -> list[RuleBreach]:
    """Every rule of the chosen product the draft breaks, in form order, for
    the form to show as the officer types; ``[]`` when it fits.

    Inputs the rules need but that are missing or unreadable are reported as
    breaches of rule ``"input"`` on their field; the product's rules run
    once all of them are there: amount and term ranges, months in business
    (from the business's start date to today), guarantee type, repayment
    method, collateral loan-to-value and group size.

    A guarantee-company loan also gets what submission will ask of the
    company (rule ``GUARANTEE_COMPANY_RULE``, on the fields
    ``guarantee_company.name``, ``.credit_code`` and ``.amount``); a part
    typed but unreadable says why instead.
    """
    with uow:
        today = uow.clock.today()
        values, found = _read_draft(draft, today)
        product = uow.products.get(normalize_input(draft.product_code))
        if product is None:
            return [RuleBreach("input", "product_code", "请选择贷款产品")]
        business = uow.businesses.get(draft.business_id) if draft.business_id else None
    values["business_id"] = business.id if business else None
    breaches = _breaches(product, values, business, today, found.problems)
    return breaches + _company_breaches(values, found.problems)


def _company_breaches(values: dict[str, Any], problems: dict[str, str]) -> list[RuleBreach]:
    if values["guarantee_type"] is not GuaranteeType.GUARANTEE_COMPANY:
        return []
    gaps = guarantee_company_gaps(values["guarantee_company"], values["amount"])
    return [
        RuleBreach(GUARANTEE_COMPANY_RULE, name, problems.get(name, message))
        for name, message in gaps
    ]


def _breaches(
    product: Product,
    values: dict[str, Any],
    business: Business | None,
    today: date,
    problems: dict[str, str] | None = None,
) -> list[RuleBreach]:
    problems = problems or {}
    missing = [
        RuleBreach("input", name, problems.get(name, message))
        for name, message in _NEEDED_FOR_RULES.items()
        if values.get(name) is None
    ]
    if missing:
        return missing
    request = EligibilityRequest(
        amount=values["amount"],
        months=values["months"],
        months_in_business=business.months_in_business(today),
        guarantee_type=values["guarantee_type"],
        repayment_method=values["repayment_method"],
        collateral_appraised_value=_appraised(values["collaterals"]),
        group_size=1 + len(values["group_members"])
        if values["guarantee_type"] is GuaranteeType.JOINT_GROUP
        else None,
    )
    return check_eligibility(product, request)


def _appraised(collaterals: Sequence[Collateral | None]) -> Decimal | None:
    values = [c.appraised_value for c in collaterals if c and c.appraised_value is not None]
    return sum(values, Decimal("0.00")) if values else None


# ---------------------------------------------------------------------------
# Submission
# ---------------------------------------------------------------------------


def submit_application(uow, actor: User, application_number: str, version: int) -> Application:
    """Hand the application in for approval.

    Only its loan officer or assisting officer may. ``version`` is the copy
    the officer checked (``ConcurrencyConflict`` if it changed since).
    ``Blacklisted`` if anyone on it is now on the notice list; otherwise
    ``SubmissionRefused`` listing everything missing: request fields, the
    product's rules, the guarantee's papers, a two-officer investigation and
    a complete analysis. On success the application is ``SUBMITTED``, from
    a draft or from an application returned for more information, and its
    officers are remembered as its participants (``domain.workflow``).
    """
    actor.require(*TAKERS, doing="提交贷款申请")
    with uow.acting(actor.username):
        application = _application(uow, application_number)
        if actor.username not in (application.officer, application.assisting_officer):
            raise PermissionDenied(
                f"申请 {application.application_number} 由 {application.officer} 主办，"
                f"只有主办或辅助信贷员可以提交。"
            )
        _require_editable(application)
        if application.version != version:
            raise ConcurrencyConflict(
                f"申请 {application.application_number} 已被其他人修改，请重新打开核对后再提交。"
            )
        customer = uow.customers.get(application.customer_id)
        # A stored application has every field ``_people`` and the rules read.
        refuse_listed_people(uow, _people(customer, vars(application)))
        missing = list(_missing_for_submission(uow, application))
        if missing:
            raise SubmissionRefused(application.application_number, missing)
        now = uow.clock.now()
        previous = application.state
        application.state = ApplicationState.SUBMITTED
        application.submitted_at = application.updated_at = now
        saved = uow.applications.update(application)
        # Who prepared it stays on record, so a later change of officer cannot
        # bring him in as its approver (four eyes). The workflow builds on
        # this module, hence the import here.
        from domain.workflow import record_submission

        record_submission(uow, actor, saved, previous)
        uow.record(
            "submit_application",
            "applications",
            application.application_number,
            {
                "amount": str(application.amount),
                "product": application.product_code,
                "from": previous.value,
            },
        )
        uow.commit()
        return saved


_REQUIRED_FOR_SUBMISSION = (
    ("business_id", "请选择经营实体"),
    ("amount", "请填写申请金额"),
    ("months", "请填写期限（月）"),
    ("repayment_method", "请选择还款方式"),
    ("due_day", "请填写每月还款日"),
    ("guarantee_type", "请选择担保方式"),
    ("purpose", "请填写借款用途"),
    ("assisting_officer", "请选择辅助信贷员（调查和面签须两人在场）"),
)


def _missing_for_submission(uow, application: Application) -> Iterator[str]:
    for name, message in _REQUIRED_FOR_SUBMISSION:
        if not getattr(application, name):
            yield message
    product = uow.products.get(application.product_code)
    business = uow.businesses.get(application.business_id) if application.business_id else None
    if product is not None and business is not None:
        for breach in _breaches(product, vars(application), business, uow.clock.today()):
            if breach.rule != "input":
                yield breach.message
    yield from _guarantee_papers(application)
    yield from _investigation_gaps(application.investigation)
    yield from _analysis_gaps(application.analysis)


def _guarantee_papers(application: Application) -> Iterator[str]:
    kind = application.guarantee_type
    if kind is GuaranteeType.NATURAL_PERSON:
        if not application.guarantors:
            yield "自然人保证须至少录入一位保证人"
        for index, g in enumerate(application.guarantors, 1):
            if not g.phone:
                yield f"第 {index} 位保证人 {g.name} 未填写手机号码"
            if g.monthly_income is None:
                yield f"第 {index} 位保证人 {g.name} 未填写月收入"
    if kind is GuaranteeType.GUARANTEE_COMPANY:
        gaps = guarantee_company_gaps(application.guarantee_company, application.amount)
        yield from (message for _field, message in gaps)
    if kind is GuaranteeType.JOINT_GROUP and not application.group_members:
        yield "联保贷款须录入联保小组的其他成员"
    if kind is GuaranteeType.COLLATERAL:
        if not application.collaterals:
            yield "抵押贷款须录入抵押物"
        for index, c in enumerate(application.collaterals, 1):
            if not c.certificate_number:
                yield f"第 {index} 件抵押物未填写权证号码"
            if not c.owner:
                yield f"第 {index} 件抵押物未填写所有权人"
            if c.appraised_value is None:
                yield f"第 {index} 件抵押物未填写评估价值"


def _investigation_gaps(visit: Investigation | None) -> Iterator[str]:
    if visit is None:
        yield "尚未录入实地调查（调查日期、两名调查人员、调查情况）"
        return
    if visit.visit_date is None:
        yield "实地调查未填写调查日期"
    if not visit.officer or not visit.assisting_officer:
        yield "实地调查须录入两名调查人员（双人调查）"
    elif visit.officer == visit.assisting_officer:
        yield "实地调查须由两名不同的信贷人员进行"


def _analysis_gaps(analysis: dict[str, Any] | None) -> Iterator[str]:
    if not analysis:
        yield "尚未完成经营分析（资产负债表、损益表、家庭收支）"
        return
    try:
        from domain.analysis import AnalysisSheet
    except ModuleNotFoundError as error:
        if error.name != "domain.analysis":
            raise
        return  # the worksheet's own rules are not installed: its presence must do
    try:
        problems = AnalysisSheet.from_dict(analysis).completeness_problems()
    except (DomainError, ValueError, KeyError, TypeError) as error:
        yield f"经营分析数据无法读取，请重新打开分析表保存（{error}）"
        return
    for problem in problems:
        yield f"经营分析：{problem}"


# ---------------------------------------------------------------------------
# Attachments
# ---------------------------------------------------------------------------

ATTACHMENTS_SETTING = "attachments"
DEFAULT_MAX_MEGABYTES = 10
_MEGABYTE = 1024 * 1024


def attachment_limit_megabytes(uow) -> Decimal:
    """The largest file accepted, in MB (bank setting ``attachments.max_megabytes``)."""
    stored = uow.settings.get(ATTACHMENTS_SETTING, {}) or {}
    return Decimal(str(stored.get("max_megabytes", DEFAULT_MAX_MEGABYTES)))


def add_attachment(
    uow,
    actor: User,
    application_number: str,
    file_name: str,
    data: bytes,
    media_type: str | None = None,
) -> Attachment:
    """Keep a file with the application. Officers only; not on a closed one.

    Refused, with nothing saved: an empty file, a file above the size limit
    (a setting, 10 MB by default), or the same content already attached.
    ``file_name`` may be a full path; only its last part is kept.
    ``media_type`` is guessed from the name when not given. Returns the
    attachment without its data.
    """
    actor.require(*TAKERS, doing="上传附件")
    name = _file_name(file_name)
    with uow.acting(actor.username):
        application = _application(uow, application_number)
        if application.state in CLOSED_STATES:
            raise DomainError(
                f"申请 {application.application_number} {application.state.label}，不能再上传附件。"
            )
        saved = keep_file(uow, actor, application, name, data, media_type)
        # A file added after the supervisor's sign-off changes what was signed
        # off (imported here: the workflow builds on this module).
        from domain.workflow import void_changed_sign_off

        void_changed_sign_off(uow, actor, application, f"上传了附件 {saved.file_name}")
        uow.commit()
        return saved


def keep_file(
    uow,
    actor: User,
    application: Application,
    file_name: str,
    data: bytes,
    media_type: str | None = None,
    *,
    reuse_same: bool = False,
) -> Attachment:
    """Inside an open unit of work: store a file with ``application``.

    Refused as ``add_attachment`` refuses (empty, too large). The same
    content already attached is refused too, or returned as it is with
    ``reuse_same`` (evidence that is also an application file). Returns the
    attachment without its data; the caller commits.
    """
    name = _file_name(file_name)
    digest = hashlib.sha256(data).hexdigest()
    same = uow.applications.attachment_with_hash(application.id, digest)
    if same is not None and reuse_same:
        return same
    _check_size(name, len(data), attachment_limit_megabytes(uow))
    if same is not None:
        raise DomainError(f"文件 {name} 与已上传的 {same.file_name} 内容相同，无需重复上传。")
    attachment = Attachment(
        file_name=name,
        media_type=media_type or mimetypes.guess_type(name)[0] or "application/octet-stream",
        size=len(data),
        sha256=digest,
        uploaded_at=uow.clock.now(),
        uploaded_by=actor.username,
        application_id=application.id,
        data=bytes(data),
    )
    return uow.applications.add_attachment(attachment)


def _file_name(file_name: str) -> str:
    name = PureWindowsPath(PurePath(normalize_input(file_name)).name).name
    if not name:
        raise ValidationError("请选择要上传的文件", "file_name")
    if len(name) > FILE_NAME_MAX:
        stem, dot, suffix = name.rpartition(".")
        name = (
            (stem[: FILE_NAME_MAX - len(suffix) - 1] + dot + suffix)
            if dot
            else name[:FILE_NAME_MAX]
        )
    return name


def _check_size(name: str, size: int, limit_mb: Decimal) -> None:
    if size == 0:
        raise DomainError(f"文件 {name} 是空文件，请重新选择。")
    if size > limit_mb * _MEGABYTE:
        shown = (Decimal(size) / _MEGABYTE).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        raise DomainError(
            f"文件 {name} 大小 {shown} MB，超过上限 {limit_mb.normalize():f} MB，请压缩后再上传"
        )


def list_attachments(uow, application_number: str) -> list[Attachment]:
    """The application's files, oldest first, without their data."""
    with uow:
        application = _application(uow, application_number)
        return uow.applications.attachments(application.id)


def read_attachment(uow, attachment_id: int) -> Attachment:
    """One file with its data; ``NotFound`` if it is gone."""
    with uow:
        attachment = uow.applications.attachment(attachment_id)
    if attachment is None:
        raise NotFound("找不到该附件，可能已被删除。")
    return attachment


# ---------------------------------------------------------------------------
# Overview and bulk loading
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StateCount:
    state: ApplicationState
    count: int
    example: str | None  # the lowest application number in that state


def applications_by_state(uow) -> list[StateCount]:
    """How many applications stand in each state, every state listed in order."""
    with uow:
        counts = uow.applications.count_by_state()
    return [StateCount(s, *counts.get(s.value, (0, None))) for s in ApplicationState]


def bulk_load_applications(
    uow, actor: User, applications: Sequence[Application]
) -> list[Application]:
    """Load applications as they stand in a previous system (or a training
    database): any state, with their dates. Administrator only.

    Each is read like a saved draft (wrong fields refuse the whole load) and
    numbered from the local date of its ``created_at``, continuing that day's
    sequence. Intake rules that belong to the moment of submission (notice
    list, product rules) are not re-run: they applied then. One transaction,
    one summary audit event. Returns them with ids and numbers, in order.
    """
    actor.require(Role.ADMINISTRATOR, doing="批量导入贷款申请")
    with uow.acting(actor.username):
        today = uow.clock.today()
        cleaned = [_bulk_checked(a, index, today) for index, a in enumerate(applications, 1)]
        _refuse_unknown_staff(uow, cleaned)
        prefixes = {code: number_prefix(uow, code) for code in {a.product_code for a in cleaned}}
        by_key: dict[str, list[Application]] = defaultdict(list)
        for application in cleaned:
            day = application.created_at.astimezone().date()
            by_key[_day_key(prefixes[application.product_code], day)].append(application)
        for key, group in by_key.items():
            first = uow.applications.reserve_sequences(key, len(group))
            for offset, application in enumerate(group):
                application.application_number = _number(key, first + offset)
        stored = uow.applications.add_many(cleaned)
        if stored:
            uow.record(
                "bulk_load_applications",
                "applications",
                f"{stored[0].application_number}…",
                {"count": len(stored)},
            )
        uow.commit()
        return stored


def _bulk_checked(application: Application, index: int, today: date) -> Application:
    values, found = _read_draft(application.draft(), today)
    if application.assisting_officer and application.assisting_officer == application.officer:
        found.add("assisting_officer", "辅助信贷员不能与主办客户经理为同一人")
    if application.created_at is None:
        found.add("created_at", "缺少申请日期")
    if found.problems:
        raise DomainError(f"第 {index} 笔申请：{'；'.join(found.problems.values())}")
    values["business_id"] = application.business_id
    values["assisting_officer"] = application.assisting_officer
    return _fill(application, values)


def _refuse_unknown_staff(uow, applications: Sequence[Application]) -> None:
    names = {a.officer for a in applications} | {
        a.assisting_officer for a in applications if a.assisting_officer
    }
    unknown = sorted(n for n in names if uow.users.get(n) is None)
    if unknown:
        raise DomainError(f"以下员工用户名不存在，请先添加用户：{'、'.join(unknown)}")
