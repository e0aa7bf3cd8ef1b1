"""The face-to-face signing checklist (面签清单): templates per product, the
application's own checklist, and ticking its items with evidence.

A template lists what the bank checks when a loan is signed. Some items are
conditional: the spouse's item appears only when the borrower is married,
and an item marked "each guarantor" or "each group member" is repeated once
per person, with the person's name filled in for ``{name}``. ``start_signing``
(``domain.workflow``) turns the product's template into the application's
checklist once; from then on the checklist belongs to the application.

During the signing the officer ticks each item (who, when, a note) and
attaches its evidence: a photo or scan (kept with the application's files)
or the reference of a recording segment. The two bank staff present are
recorded with the signing; neither may later sign it off.

Changing the checklist or its evidence after the supervisor's sign-off voids
the sign-off (``domain.workflow.void_changed_sign_off``): what the supervisor
confirmed is no longer what is on file.

Use cases take a unit of work with the repositories ``applications``,
``customers``, ``users``, ``workflow``, ``checklists`` and
``checklist_templates``, open it and commit it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from domain.applications import (
    Application,
    ApplicationState,
    Attachment,
    find_application,
    keep_file,
)
from domain.customers import Customer, limited_text
from domain.errors import ConcurrencyConflict, DomainError, NotFound, ValidationError
from domain.text import normalize_input
from domain.users import Role, User

ITEM_KEY_MAX = 40
TEMPLATE_TEXT_MAX = 200
ITEM_TEXT_MAX = 300
NOTE_MAX = 500
REFERENCE_MAX = 500
TEMPLATE_ITEMS_MAX = 100
NAME_PLACEHOLDER = "{name}"

# Who ticks the checklist: the officers who hold the signing.
SIGNING_ROLES = (Role.LOAN_OFFICER, Role.ASSISTING_OFFICER)

_KEY_PATTERN = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


class EvidenceKind(StrEnum):
    """What an item's evidence is. ``NONE``: the tick and its note suffice."""

    PHOTO = "photo"
    SCAN = "scan"
    RECORDING = "recording"
    NONE = "none"

    @property
    def label(self) -> str:
        return _EVIDENCE_LABELS[self]

    @property
    def is_file(self) -> bool:
        return self in (EvidenceKind.PHOTO, EvidenceKind.SCAN)


_EVIDENCE_LABELS = {
    EvidenceKind.PHOTO: "照片",
    EvidenceKind.SCAN: "扫描件",
    EvidenceKind.RECORDING: "录音录像",
    EvidenceKind.NONE: "无需",
}


class ItemScope(StrEnum):
    """When a template item appears on an application's checklist, and how often."""

    ONCE = "once"
    IF_MARRIED = "if_married"
    EACH_GUARANTOR = "each_guarantor"
    EACH_GROUP_MEMBER = "each_group_member"

    @property
    def label(self) -> str:
        return _SCOPE_LABELS[self]

    @property
    def names_a_person(self) -> bool:
        return self is not ItemScope.ONCE


_SCOPE_LABELS = {
    ItemScope.ONCE: "每笔一项",
    ItemScope.IF_MARRIED: "借款人已婚时（配偶）",
    ItemScope.EACH_GUARANTOR: "每位保证人一项",
    ItemScope.EACH_GROUP_MEMBER: "每位联保成员一项",
}


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateItem:
    """One line of a template. ``key`` is a stable code (``borrower_id_card``);
    ``text`` may hold ``{name}`` for the person of a conditional item."""

    key: str
    text: str
    mandatory: bool = True
    evidence: EvidenceKind = EvidenceKind.NONE
    scope: ItemScope = ItemScope.ONCE


@dataclass(frozen=True)
class ChecklistTemplate:
    """A product's checklist template. ``version`` is 0 for the built-in
    default (never saved), else the stored version being edited."""

    product_code: str
    items: tuple[TemplateItem, ...]
    version: int = 0
    updated_at: datetime | None = None
    updated_by: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))


_RECORDING = "面签录音录像"

# The checks domain.md lists, in the order a signing runs.
DEFAULT_TEMPLATE_ITEMS: tuple[TemplateItem, ...] = (
    TemplateItem("borrower_id_card", "借款人身份证原件与本人核对一致", True, EvidenceKind.SCAN),
    TemplateItem("borrower_online_check", "联网核查公民身份信息结果相符", True, EvidenceKind.SCAN),
    TemplateItem("borrower_signed_name", "借款人签名与身份证姓名一致"),
    TemplateItem(
        "spouse_attends",
        "借款人配偶{name}到场，核实身份，同意借款并在合同上共同签字（夫妻共同债务）",
        True,
        EvidenceKind.PHOTO,
        ItemScope.IF_MARRIED,
    ),
    TemplateItem(
        "guarantor_attends",
        "保证人{name}到场，核实身份，签署保证合同",
        True,
        EvidenceKind.PHOTO,
        ItemScope.EACH_GUARANTOR,
    ),
    TemplateItem(
        "group_member_attends",
        "联保小组成员{name}到场并签字",
        True,
        EvidenceKind.PHOTO,
        ItemScope.EACH_GROUP_MEMBER,
    ),
    TemplateItem("two_staff_present", "两名银行工作人员（客户经理与辅助信贷员）在场"),
    TemplateItem(
        "recording_identity", f"{_RECORDING}：核实借款人身份", True, EvidenceKind.RECORDING
    ),
    TemplateItem(
        "recording_terms",
        f"{_RECORDING}：讲解年利率、还款方式、期限和利息总额",
        True,
        EvidenceKind.RECORDING,
    ),
    TemplateItem("recording_risk", f"{_RECORDING}：风险揭示", True, EvidenceKind.RECORDING),
    TemplateItem(
        "recording_statement",
        f"{_RECORDING}：客户陈述已理解合同内容并自愿申请",
        True,
        EvidenceKind.RECORDING,
    ),
    TemplateItem("contract_checked", "签字前与客户核对合同编号、金额和期限"),
    TemplateItem(
        "black_pen_fingerprints",
        "使用黑色签字笔签字，每处签名上按捺指印",
        True,
        EvidenceKind.SCAN,
    ),
    TemplateItem("holding_contract_photo", "拍摄客户手持已签合同的照片", True, EvidenceKind.PHOTO),
    TemplateItem("purpose_declaration", "借款用途声明书已签署", True, EvidenceKind.SCAN),
    TemplateItem("risk_disclosure_read", "风险揭示书已向客户宣读并由客户签字确认"),
)


def default_template(product_code: str) -> ChecklistTemplate:
    """The built-in template, for a product the administrator has not set one for."""
    return ChecklistTemplate(product_code, DEFAULT_TEMPLATE_ITEMS)


def validate_template(template: ChecklistTemplate) -> ChecklistTemplate:
    """The template with its texts normalised, or ``ValidationError`` naming
    the item (``items.<n>.<field>``): at least one item, at most 100; keys
    unique, lower-case words joined by ``_``; texts present and short enough;
    ``{name}`` only on items about a person."""
    if not template.items:
        raise ValidationError("面签清单模板至少要有一项", "items")
    if len(template.items) > TEMPLATE_ITEMS_MAX:
        raise ValidationError(f"面签清单模板最多 {TEMPLATE_ITEMS_MAX} 项", "items")
    seen: set[str] = set()
    cleaned = []
    for index, item in enumerate(template.items, 1):
        cleaned.append(_checked_item(index, item, seen))
    return replace(template, items=tuple(cleaned))


def _checked_item(index: int, item: TemplateItem, seen: set[str]) -> TemplateItem:
    where = f"items.{index}"
    key = normalize_input(item.key).lower()
    if not _KEY_PATTERN.match(key) or len(key) > ITEM_KEY_MAX:
        raise ValidationError(
            f"第 {index} 项的代码“{key}”无效：请用小写英文字母、数字和下划线，不超过 {ITEM_KEY_MAX} 个字符",
            f"{where}.key",
        )
    if key in seen:
        raise ValidationError(f"第 {index} 项的代码“{key}”与前面的项目重复", f"{where}.key")
    seen.add(key)
    label = f"第 {index} 项的内容"
    text = limited_text(item.text, f"{where}.text", label, TEMPLATE_TEXT_MAX)
    if not text:
        raise ValidationError(f"请填写{label}", f"{where}.text")
    scope = ItemScope(item.scope)
    if NAME_PLACEHOLDER in text and not scope.names_a_person:
        raise ValidationError(
            f"第 {index} 项不针对具体人员，内容中不能使用 {NAME_PLACEHOLDER}", f"{where}.text"
        )
    return TemplateItem(key, text, bool(item.mandatory), EvidenceKind(item.evidence), scope)


# ---------------------------------------------------------------------------
# The application's checklist
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """Evidence of one item: a file kept with the application's files
    (``attachment_id``, ``file_name``) or a recording ``reference``.
    ``sha256`` is the file's hash, or that of the reference text."""

    kind: EvidenceKind
    sha256: str
    added_by: str
    added_at: datetime
    file_name: str = ""
    attachment_id: int | None = None
    reference: str = ""
    id: int | None = None

    @property
    def description(self) -> str:
        """As printed on the sign-off record: ``照片 门店.jpg`` / ``录音录像 REC-01``."""
        return f"{self.kind.label} {self.file_name or self.reference}"


@dataclass
class ChecklistItem:
    """One item of an application's checklist; ``number`` counts from 1."""

    number: int
    key: str
    text: str
    mandatory: bool
    evidence_kind: EvidenceKind
    confirmed_by: str | None = None
    confirmed_at: datetime | None = None
    note: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    id: int | None = None

    @property
    def confirmed(self) -> bool:
        return self.confirmed_by is not None

    @property
    def has_expected_evidence(self) -> bool:
        """True when the item needs no evidence or has evidence of its kind.
        A photo and a scan stand in for each other: both are pictures of paper."""
        if self.evidence_kind is EvidenceKind.NONE:
            return True
        if self.evidence_kind.is_file:
            return any(e.kind.is_file for e in self.evidence)
        return any(e.kind is self.evidence_kind for e in self.evidence)

    @property
    def open_reason(self) -> str | None:
        """Why this mandatory item keeps the signing open; ``None`` when done
        or optional."""
        if not self.mandatory:
            return None
        if not self.confirmed:
            return f"第 {self.number} 项“{self.text}”尚未确认"
        if not self.has_expected_evidence:
            return f"第 {self.number} 项“{self.text}”缺少{self.evidence_kind.label}"
        return None


@dataclass
class SigningRecord:
    """The signing session: when it began and ended, and the two bank staff
    present (``staff``, user names)."""

    started_at: datetime
    started_by: str
    staff: tuple[str, str]
    completed_at: datetime | None = None
    completed_by: str | None = None
    application_id: int | None = None
    id: int | None = None


@dataclass
class Checklist:
    """An application's checklist as the screens show it."""

    application_number: str
    items: list[ChecklistItem]
    signing: SigningRecord | None

    def item(self, number: int) -> ChecklistItem:
        for item in self.items:
            if item.number == number:
                return item
        raise NotFound(f"申请 {self.application_number} 的面签清单没有第 {number} 项")

    def open_items(self) -> list[str]:
        """Every mandatory item not yet done, as a message naming it."""
        return [reason for item in self.items if (reason := item.open_reason)]


def build_checklist(
    template: ChecklistTemplate, customer: Customer, application: Application
) -> list[ChecklistItem]:
    """The application's checklist from ``template``: conditional items for a
    married borrower's spouse, one item per guarantor and per group member,
    each with the person's name. Pure."""
    items: list[ChecklistItem] = []
    for entry in template.items:
        for name in _people_for(entry.scope, customer, application):
            text = entry.text.replace(NAME_PLACEHOLDER, name) if name else entry.text
            if name and NAME_PLACEHOLDER not in entry.text:
                text = f"{text}（{name}）"  # a person's item always names the person
            items.append(
                ChecklistItem(len(items) + 1, entry.key, text, entry.mandatory, entry.evidence)
            )
    return items


def _people_for(scope: ItemScope, customer: Customer, application: Application) -> list[str]:
    """Names the item is repeated for; ``[""]`` for an item about no one in particular."""
    if scope is ItemScope.ONCE:
        return [""]
    if scope is ItemScope.IF_MARRIED:
        return [customer.spouse_name or "（配偶）"] if customer.is_married else []
    if scope is ItemScope.EACH_GUARANTOR:
        return [g.name for g in application.guarantors]
    return [m.name for m in application.group_members]


# ---------------------------------------------------------------------------
# Use cases: templates
# ---------------------------------------------------------------------------


def checklist_template(uow, product_code: str) -> ChecklistTemplate:
    """The product's template as stored, or the built-in one (``version`` 0)
    when the administrator has set none. ``NotFound`` for an unknown product."""
    with uow:
        if uow.products.get(product_code) is None:
            raise NotFound(f"没有代码为“{product_code}”的贷款产品")
        return template_for(uow, product_code)


def template_for(uow, product_code: str) -> ChecklistTemplate:
    """Inside an open unit of work: the stored template or the built-in one."""
    return uow.checklist_templates.get(product_code) or default_template(product_code)


def save_checklist_template(uow, actor: User, template: ChecklistTemplate) -> ChecklistTemplate:
    """Save the product's template. Administrator only; audited.

    ``template.version`` is the version the administrator loaded (0 when the
    product had none stored): ``ConcurrencyConflict`` if someone saved since.
    Applications already in signing keep the checklist they were given.
    """
    actor.require(Role.ADMINISTRATOR, doing="修改面签清单模板")
    cleaned = validate_template(template)
    with uow.acting(actor.username):
        if uow.products.get(cleaned.product_code) is None:
            raise NotFound(f"没有代码为“{cleaned.product_code}”的贷款产品")
        stored = uow.checklist_templates.get(cleaned.product_code)
        if (stored.version if stored else 0) != cleaned.version:
            raise ConcurrencyConflict(
                f"产品“{cleaned.product_code}”的面签清单模板已被其他人修改，请重新打开后再保存。"
            )
        saved = uow.checklist_templates.save(
            replace(cleaned, updated_at=uow.clock.now(), updated_by=actor.username)
        )
        uow.record(
            "save_checklist_template",
            "checklist_templates",
            cleaned.product_code,
            {"items": [i.key for i in cleaned.items]},
        )
        uow.commit()
        return saved


# ---------------------------------------------------------------------------
# Use cases: during the signing
# ---------------------------------------------------------------------------

# Ticks and evidence are taken while the signing runs. Once it is complete,
# and after the sign-off, evidence may still be added and items confirmed
# (a late scan, a forgotten tick) but nothing is taken back; after the
# sign-off any such change voids it.
_OPEN_FOR_TICKS = frozenset(
    {ApplicationState.SIGNING, ApplicationState.SIGNED, ApplicationState.SIGNED_OFF}
)


def application_checklist(uow, application_number: str) -> Checklist:
    """The application's checklist with its evidence and signing record; an
    empty list of items before the signing has started."""
    with uow:
        application = _find(uow, application_number)
        return load_checklist(uow, application)


def load_checklist(uow, application: Application) -> Checklist:
    """Inside an open unit of work: the checklist of ``application``."""
    return Checklist(
        application.application_number,
        uow.checklists.items(application.id),
        uow.workflow.signing(application.id),
    )


@dataclass(frozen=True)
class EvidenceInput:
    """Evidence as the officer hands it in: a file (``file_name`` and ``data``)
    for a photo or scan, a ``reference`` (recording number and time span)
    for a recording, which may come as a file too."""

    kind: EvidenceKind | str
    file_name: str = ""
    data: bytes | None = None
    reference: str = ""


def tick_item(
    uow,
    actor: User,
    application_number: str,
    number: int,
    note: str = "",
    evidence: Sequence[EvidenceInput] = (),
) -> ChecklistItem:
    """Confirm item ``number``, with an optional note and evidence, in one step.

    The application's officers or the staff present only, while the signing
    runs (or later, to complete the record). A confirmed item may be
    confirmed again to change its note; who and when are then the latest.
    Returns the item with all its evidence.
    """
    actor.require(*SIGNING_ROLES, doing="确认面签事项")
    text = limited_text(note, "note", "备注", NOTE_MAX)
    with uow.acting(actor.username):
        application = _open_for_ticks(uow, actor, application_number, "确认面签事项")
        item = _item(uow, application, number)
        item.confirmed_by, item.confirmed_at = actor.username, uow.clock.now()
        item.note = text
        uow.checklists.update_item(application.id, item)
        for given in evidence:
            _add_evidence(uow, actor, application, item, given)
        saved = uow.checklists.item(application.id, number)
        uow.record(
            "tick_checklist_item",
            "applications",
            application.application_number,
            {"item": number, "key": item.key, "note": text, "evidence": len(evidence)},
        )
        _after_edit(uow, actor, application, f"面签清单第 {number} 项的确认信息有改动")
        uow.commit()
        return saved


def untick_item(
    uow, actor: User, application_number: str, number: int, reason: str
) -> ChecklistItem:
    """Take back the confirmation of item ``number`` while the signing runs,
    with the ``reason`` (required). Its evidence stays on file."""
    actor.require(*SIGNING_ROLES, doing="取消确认面签事项")
    why = _required_reason(reason)
    with uow.acting(actor.username):
        application = _open_for_ticks(uow, actor, application_number, "取消确认面签事项")
        if application.state is not ApplicationState.SIGNING:
            raise DomainError(
                f"申请 {application.application_number} 当前状态为“{application.state.label}”，"
                "面签已完成，已确认的事项不能取消；可补充证据或备注。"
            )
        item = _item(uow, application, number)
        item.confirmed_by = item.confirmed_at = None
        uow.checklists.update_item(application.id, item)
        uow.record(
            "untick_checklist_item",
            "applications",
            application.application_number,
            {"item": number, "key": item.key, "reason": why},
        )
        saved = uow.checklists.item(application.id, number)
        uow.commit()
        return saved


def add_evidence(
    uow, actor: User, application_number: str, number: int, evidence: EvidenceInput
) -> Evidence:
    """Attach one piece of evidence to item ``number``. A file is kept with
    the application's files (the same content already there is reused, not
    stored twice) and its size limit applies. Returns the evidence."""
    actor.require(*SIGNING_ROLES, doing="上传面签证据")
    with uow.acting(actor.username):
        application = _open_for_ticks(uow, actor, application_number, "上传面签证据")
        item = _item(uow, application, number)
        saved = _add_evidence(uow, actor, application, item, evidence)
        uow.record(
            "add_checklist_evidence",
            "applications",
            application.application_number,
            {"item": number, "kind": saved.kind.value, "sha256": saved.sha256},
        )
        _after_edit(uow, actor, application, f"面签清单第 {number} 项补充了证据")
        uow.commit()
        return saved


def record_staff_present(
    uow, actor: User, application_number: str, first: str, second: str
) -> SigningRecord:
    """Record the two bank staff present at the signing (双人面签), while it
    runs: two different active officers. Both are excluded from signing it
    off later."""
    actor.require(*SIGNING_ROLES, doing="登记面签在场人员")
    with uow.acting(actor.username):
        application = _open_for_ticks(uow, actor, application_number, "登记面签在场人员")
        if application.state is not ApplicationState.SIGNING:
            raise DomainError(
                f"申请 {application.application_number} 当前状态为“{application.state.label}”，"
                "面签已完成，在场人员不能再更改。"
            )
        staff = check_staff_present(uow, first, second)
        signing = uow.workflow.signing(application.id)
        signing.staff = staff
        saved = uow.workflow.save_signing(signing)
        # Both are kept for four eyes, the replaced ones too (the workflow
        # builds on this module, hence the import here).
        from domain.workflow import Capacity, remember_participants

        remember_participants(uow, application, [(s, Capacity.SIGNING_STAFF) for s in staff])
        uow.record(
            "record_staff_present",
            "applications",
            application.application_number,
            {"staff": list(staff)},
        )
        uow.commit()
        return saved


def check_staff_present(uow, first: str, second: str) -> tuple[str, str]:
    """The two staff as stored user names, or ``ValidationError``: both
    given, different, existing, active, and officers."""
    names = tuple(normalize_input(n).lower() for n in (first, second))
    for field_name, name in zip(("first_staff", "second_staff"), names, strict=True):
        if not name:
            raise ValidationError("面签须登记两名在场的银行工作人员", field_name)
        user = uow.users.get(name)
        if user is None:
            raise ValidationError(f"没有用户名为 {name} 的员工", field_name)
        if not user.active:
            raise ValidationError(f"{user.full_name}（{name}）的账户已停用", field_name)
        if not user.has_role(*SIGNING_ROLES):
            raise ValidationError(
                f"{user.full_name}（{name}）不是客户经理或辅助信贷员，不能作为面签人员", field_name
            )
    if names[0] == names[1]:
        raise ValidationError("面签须由两名不同的银行工作人员在场", "second_staff")
    return names  # type: ignore[return-value]


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _find(uow, application_number: str) -> Application:
    return find_application(uow, application_number)


def _open_for_ticks(uow, actor: User, application_number: str, doing: str) -> Application:
    """The application, locked against a concurrent sign-off, if ``actor``
    may change its checklist now."""
    application = uow.workflow.lock_application(_find(uow, application_number).id)
    state = application.state
    if state not in _OPEN_FOR_TICKS:
        needed = "需先开始面签才能" if state in _BEFORE_SIGNING else "不能再"
        raise DomainError(
            f"申请 {application.application_number} 当前状态为“{state.label}”，{needed}{doing}。"
        )
    signing = uow.workflow.signing(application.id)
    staff = signing.staff if signing else ()
    if actor.username not in {application.officer, application.assisting_officer, *staff}:
        raise DomainError(
            f"申请 {application.application_number} 由 {application.officer} 主办，"
            f"只有主办、辅助信贷员或面签在场人员可以{doing}。"
        )
    return application


_BEFORE_SIGNING = frozenset(
    {
        ApplicationState.DRAFT,
        ApplicationState.RETURNED,
        ApplicationState.SUBMITTED,
        ApplicationState.ESCALATED,
        ApplicationState.APPROVED,
    }
)


def _item(uow, application: Application, number: int) -> ChecklistItem:
    item = uow.checklists.item(application.id, number)
    if item is None:
        raise NotFound(f"申请 {application.application_number} 的面签清单没有第 {number} 项")
    return item


def _required_reason(reason: str | None) -> str:
    text = limited_text(reason, "reason", "原因", NOTE_MAX)
    if not text:
        raise ValidationError("请填写原因", "reason")
    return text


def _add_evidence(
    uow, actor: User, application: Application, item: ChecklistItem, given: EvidenceInput
) -> Evidence:
    kind = EvidenceKind(given.kind)
    if kind is EvidenceKind.NONE:
        raise ValidationError("请选择证据类型：照片、扫描件或录音录像", "kind")
    now = uow.clock.now()
    if given.data:
        attachment = _keep_file(uow, actor, application, given)
        evidence = Evidence(
            kind, attachment.sha256, actor.username, now, attachment.file_name, attachment.id
        )
        evidence = replace(evidence, reference=normalize_input(given.reference)[:REFERENCE_MAX])
    elif kind.is_file:
        raise ValidationError(f"请选择{kind.label}文件", "data")
    else:
        reference = limited_text(given.reference, "reference", "录音录像编号", REFERENCE_MAX)
        if not reference:
            raise ValidationError(
                "请填写录音录像的编号和片段（如 REC-20261128-01 03:10-05:42）", "reference"
            )
        digest = hashlib.sha256(reference.encode("utf-8")).hexdigest()
        evidence = Evidence(kind, digest, actor.username, now, reference=reference)
    return uow.checklists.add_evidence(item.id, evidence)


def _keep_file(uow, actor: User, application: Application, given: EvidenceInput) -> Attachment:
    """The file stored with the application's files, or the same content
    already there (a photo may serve as evidence and as an application file)."""
    name = given.file_name or f"{EvidenceKind(given.kind).label}.bin"
    return keep_file(uow, actor, application, name, bytes(given.data or b""), reuse_same=True)


def _after_edit(uow, actor: User, application: Application, what: str) -> None:
    # The workflow builds on this module; it is imported here, when needed.
    from domain.workflow import void_changed_sign_off

    void_changed_sign_off(uow, actor, application, what)
