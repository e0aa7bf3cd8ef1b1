"""Paperwork filled from the database, registered, and verified later.

The use cases here fill the papers of ``domain.paperwork`` from what is on
file and nothing else: the loan and its stored schedule, the application,
the borrower and guarantors, the product, the sign-off and its checklist,
and the bank settings. A paper comes back without a document number
(``document_number == ""``); ``issue`` registers it and gives it one.

Registered documents (``issued_documents``):

- Each kind has its number prefix (a bank setting, ``document_number_prefixes``):
  ``JKHT20261128-0001`` is the first loan contract issued on 28 November 2026.
- The same content is issued once. Printing it again returns the registered
  document with the same number and so the same verification code (the code
  is taken from the paper's content, the number included). A different
  content (a changed name, a later as-of date) is a new document.
- ``verify_code`` finds a document by the code printed on it and fills the
  same paper again from the database as it is now: when the fingerprints
  agree, the paper in front of the clerk says what the bank's records say.

Every printing or saving as PDF is recorded (``record_print``): who, when,
where, how many copies, and the fingerprint of what was printed.

Which schedule a paper shows:

- The loan contract's annex is the schedule fixed at disbursement, always:
  the contract is what was signed.
- The repayment schedule and the reminders follow the servicing schedule in
  force (``domain.servicing``): after an early repayment the borrower pays
  by the recomputed schedule, and a reminder asks for what is still owed of
  an instalment paid in part. A loan without a servicing account (data from
  before accounts were opened at disbursement) has repaid nothing, and its
  papers come from the disbursement schedule.
- Overdue figures are the servicing position (``_overdue_figures``), with
  the same fallback.

A schedule or reminder issued before a later posting no longer matches the
records: ``verify_code`` then says it was superseded and by what.

Times on paper are Beijing time, whatever the desk computer's own clock
zone: the same record must give the same fingerprint on every machine.

Use cases take a unit of work with the repositories ``loans``,
``applications``, ``customers``, ``products``, ``users``, ``workflow``,
``checklists``, ``settings``, ``issued_documents``, ``print_log``,
``document_queries`` and, for what servicing knows, ``loan_accounts`` and
``repayments``. Any thread; the desktop calls them on its worker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple, TypeVar

from domain.applications import Application, Guarantor
from domain.checklist import ChecklistItem
from domain.customers import Customer
from domain.errors import DomainError, NotFound, ValidationError
from domain.interest import OverdueItem, overdue_charges
from domain.loans import Loan
from domain.overdue import ScheduleLine
from domain.paperwork import (
    DEFAULT_DEADLINE_WORKING_DAYS,
    BankDetails,
    ChecklistEntry,
    GuaranteeContractPaper,
    LoanContractPaper,
    NoticeRole,
    OverdueNotice,
    Paper,
    Party,
    ReminderNotice,
    SchedulePaper,
    SignOffRecord,
    add_working_days,
)
from domain.products import GuaranteeType
from domain.schedule import Instalment, Schedule
from domain.servicing import (
    Repayment,
    find_account,
    lines_of,
    loan_position,
    next_current_period,
)
from domain.settings import load_bank
from domain.text import normalize_input
from domain.users import Role, User
from domain.workflow import load_time_limits

P = TypeVar("P", bound=Paper)
BatchProgress = Callable[[int, int], None]

# China keeps one time zone and no daylight saving: a fixed offset is exact.
BEIJING = timezone(timedelta(hours=8), "北京时间")

# Every product of the desk lends to a natural person for his business.
LOAN_TYPE = "个人经营性贷款"

DESTINATION_MAX = 200
MAX_COPIES = 99
MAX_WITHIN_DAYS = 366

# Who issues and prints paperwork: the officers (contracts, sign-off record),
# supervisors, head office, and the tellers (notices).
DOCUMENT_ROLES = frozenset(
    {
        Role.LOAN_OFFICER,
        Role.ASSISTING_OFFICER,
        Role.SUPERVISOR,
        Role.HEAD_OFFICE_APPROVER,
        Role.TELLER,
    }
)


class DocumentKind(StrEnum):
    """What a registered document is. Values are stored and typed on the command line."""

    LOAN_CONTRACT = "contract"
    GUARANTEE_CONTRACT = "guarantee"
    SCHEDULE = "schedule"
    REMINDER = "reminder"
    OVERDUE_NOTICE = "overdue"
    SIGNOFF_RECORD = "signoff"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def needs_as_of(self) -> bool:
        """Notices are filled as of a date; contracts and records are not."""
        return self in (DocumentKind.REMINDER, DocumentKind.OVERDUE_NOTICE)


_KIND_LABELS = {
    DocumentKind.LOAN_CONTRACT: "借款合同",
    DocumentKind.GUARANTEE_CONTRACT: "保证合同",
    DocumentKind.SCHEDULE: "还款计划表",
    DocumentKind.REMINDER: "还款提醒通知书",
    DocumentKind.OVERDUE_NOTICE: "逾期催收通知书",
    DocumentKind.SIGNOFF_RECORD: "面签核查及合规确认记录",
}

_KIND_OF_PAPER: dict[type[Paper], DocumentKind] = {
    LoanContractPaper: DocumentKind.LOAN_CONTRACT,
    GuaranteeContractPaper: DocumentKind.GUARANTEE_CONTRACT,
    SchedulePaper: DocumentKind.SCHEDULE,
    ReminderNotice: DocumentKind.REMINDER,
    OverdueNotice: DocumentKind.OVERDUE_NOTICE,
    SignOffRecord: DocumentKind.SIGNOFF_RECORD,
}

# Pinyin initials, four letters: never the same as a product's two-letter
# application prefix, so document and application numbers cannot be confused.
DOCUMENT_PREFIXES_SETTING = "document_number_prefixes"
DEFAULT_DOCUMENT_PREFIXES = {
    DocumentKind.LOAN_CONTRACT: "JKHT",  # 借款合同
    DocumentKind.GUARANTEE_CONTRACT: "BZHT",  # 保证合同
    DocumentKind.SCHEDULE: "HKJH",  # 还款计划
    DocumentKind.REMINDER: "HKTX",  # 还款提醒
    DocumentKind.OVERDUE_NOTICE: "YQCS",  # 逾期催收
    DocumentKind.SIGNOFF_RECORD: "MQHC",  # 面签核查
}


def kind_of(paper: Paper) -> DocumentKind:
    """The kind of registered document ``paper`` is."""
    return _KIND_OF_PAPER[type(paper)]


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedDocument:
    """A registered document: what it is, about which loan, for whom, and
    what is needed to fill it again (``as_of`` for notices; the addressee's
    ``role`` and ID number for a guarantor's paper).

    ``content_fingerprint`` is the paper's fingerprint without its number,
    ``fingerprint`` the one with it, from which ``verification_code`` is taken.
    """

    document_number: str
    kind: DocumentKind
    application_number: str
    loan_number: str | None
    addressee: str
    addressee_id_number: str
    role: str
    as_of: date | None
    content_fingerprint: str
    fingerprint: str
    verification_code: str
    issued_at: datetime
    issued_by: str
    id: int | None = None


@dataclass(frozen=True)
class PrintRecord:
    """One printing of a registered document. ``destination`` is the printer's
    name, or ``PDF`` for a file; ``fingerprint`` that of what was printed."""

    document_number: str
    printed_by: str
    printed_at: datetime
    fingerprint: str
    copies: int
    destination: str
    id: int | None = None


@dataclass(frozen=True)
class VerificationResult:
    """What ``verify_code`` found.

    ``document`` is ``None`` when no document carries the code. ``matches``
    is True when the database as it is now fills exactly the paper that was
    issued; ``reason`` says why not otherwise.
    """

    code: str
    document: IssuedDocument | None = None
    matches: bool = False
    reason: str = ""
    prints: tuple[PrintRecord, ...] = ()

    @property
    def found(self) -> bool:
        return self.document is not None

    @property
    def summary(self) -> str:
        """One line for the clerk (and the command line), in Chinese."""
        if self.document is None:
            return f"验证码 {self.code}：{self.reason}"
        doc = self.document
        issued = doc.issued_at.astimezone(BEIJING)
        about = f"申请 {doc.application_number}" + (
            f"，借款合同 {doc.loan_number}" if doc.loan_number else ""
        )
        head = (
            f"验证码 {self.code}：{doc.kind.label} {doc.document_number}，"
            f"致 {doc.addressee}（{about}），"
            f"{issued:%Y-%m-%d %H:%M} 由 {doc.issued_by} 出具"
        )
        if self.matches:
            return f"{head}。内容与数据库现有记录一致。"
        return f"{head}。{self.reason}"


# ---------------------------------------------------------------------------
# Finding the loan or application a clerk names
# ---------------------------------------------------------------------------


def _number(text: str | None) -> str:
    number = normalize_input(text).upper()
    if not number:
        raise ValidationError("请填写申请编号或借款合同编号", "number")
    return number


def _loan_of(uow, number: str | None) -> Loan:
    """Inside an open unit of work: the loan with this contract number, or
    the loan made on this application."""
    text = _number(number)
    loan = uow.loans.get(text) or uow.loans.for_application(text)
    if loan is not None:
        return loan
    application = uow.applications.get(text)
    if application is None:
        raise NotFound(f"找不到申请或借款合同 {text}，请核对编号。")
    raise DomainError(
        f"申请 {text} 目前{application.state.label}，尚未放款：借款合同编号在放款时生成，"
        "放款后才能打印该文书。"
    )


def _application_of(uow, number: str | None) -> Application:
    """Inside an open unit of work: the application with this number, or the
    one a loan with this contract number was made on."""
    text = _number(number)
    application = uow.applications.get(text)
    if application is None and (loan := uow.loans.get(text)) is not None:
        application = uow.applications.get(loan.application_number)
    if application is None:
        raise NotFound(f"找不到申请或借款合同 {text}，请核对编号。")
    return application


# ---------------------------------------------------------------------------
# What every paper shares
# ---------------------------------------------------------------------------


def _bank(uow) -> BankDetails:
    bank = load_bank(uow)
    return BankDetails(bank["bank_name"], bank["branch_name"], bank["address"], bank["phone"])


def _borrower(customer: Customer) -> Party:
    return Party(customer.name, customer.id_number, customer.phone, customer.address)


def _spouse(customer: Customer) -> Party | None:
    """The spouse who co-signs; the desk keeps one address per household."""
    if not customer.is_married or not customer.spouse_name:
        return None
    return Party(customer.spouse_name, customer.spouse_id_number or "", "", customer.address)


def _guarantor(guarantor: Guarantor) -> Party:
    return Party(guarantor.name, guarantor.id_number, guarantor.phone)


def _signed_schedule(uow, loan: Loan) -> Schedule:
    """The schedule fixed at disbursement: the contract's annex, as signed."""
    return Schedule(tuple(uow.loans.schedule(loan.id)))


def _servicing_lines(uow, loan: Loan) -> list[ScheduleLine] | None:
    """Inside an open unit of work: the servicing schedule in force with
    what has been paid of each instalment, or ``None`` for a loan without a
    servicing account (old data: nothing repaid yet)."""
    try:
        account = find_account(uow, loan.loan_number)
    except NotFound:
        return None
    return uow.loan_accounts.lines(account.loan_id)


def _schedule_in_force(uow, loan: Loan) -> Schedule:
    """Inside an open unit of work: the schedule the borrower follows now.
    Until an early repayment it is the one fixed at disbursement, instalment
    for instalment, so a schedule paper issued before keeps matching."""
    lines = _servicing_lines(uow, loan)
    return _signed_schedule(uow, loan) if lines is None else _as_scheduled(lines)


def _as_scheduled(lines: Sequence[ScheduleLine]) -> Schedule:
    """Servicing lines as a printed schedule: amounts as scheduled, whatever
    has been paid of them. Each balance is the one stored with its line, as
    the loan's servicing screen shows it: the instalments kept from before
    an early repayment keep the balance they left, and the fall after them
    is the principal repaid ahead (``domain.servicing.schedule_of`` would
    take it off those earlier balances too, as if repaid from the start)."""
    return Schedule(
        tuple(
            Instalment(
                line.period,
                line.due_date,
                line.principal + line.interest,
                line.principal,
                line.interest,
                line.balance,
                line.days,
            )
            for line in lines
        )
    )


def _product(uow, code: str):
    product = uow.products.get(code)
    if product is None:
        raise NotFound(f"找不到贷款产品 {code}")
    return product


def _full_name(uow, username: str | None) -> str:
    """The name printed for a member of staff: his full name as registered."""
    if not username:
        return ""
    user = uow.users.get(username)
    return user.full_name if user is not None else username


def _beijing(moment: datetime) -> datetime:
    return moment.astimezone(BEIJING)


def guarantee_summary(application: Application) -> str:
    """How the loan is secured, as the contract states it: the method and
    the people, company or assets behind it (``自然人保证，保证人：孙七``). Pure."""
    kind = application.guarantee_type
    parts = [kind.label if kind is not None else "信用"]
    if kind is GuaranteeType.GUARANTEE_COMPANY and application.guarantee_company:
        parts.append(_guarantee_company(application.guarantee_company))
    if application.guarantors:
        parts.append("保证人：" + "、".join(g.name for g in application.guarantors))
    if application.group_members:
        parts.append("联保小组成员：" + "、".join(m.name for m in application.group_members))
    if application.collaterals:
        parts.append("抵押物：" + "、".join(_collateral(c) for c in application.collaterals))
    if kind is GuaranteeType.GUARANTEE_COMPANY and len(parts) == 1:
        # Loans made before the company was recorded: their papers keep
        # saying what they said when first printed.
        parts.append("由担保公司另行签订保证合同")
    return "，".join(parts)


def _guarantee_company(company) -> str:
    """``担保公司：溧水区融资担保有限公司（统一社会信用代码 …），保证金额人民币
    100,000.00 元`` for an application's ``GuaranteeCompany``; a part not on
    file is left out."""
    code = f"（统一社会信用代码 {company.credit_code}）" if company.credit_code else ""
    text = f"担保公司：{company.name or '（名称未录入）'}{code}"
    if isinstance(company.amount, Decimal):
        text += f"，保证金额人民币 {company.amount:,.2f} 元"
    return text


def _collateral(collateral) -> str:
    label = getattr(collateral.kind, "label", str(collateral.kind))
    number = f"（{collateral.certificate_number}）" if collateral.certificate_number else ""
    return f"{label}{number}"


# ---------------------------------------------------------------------------
# The papers
# ---------------------------------------------------------------------------


def loan_contract_paper(uow, number: str) -> LoanContractPaper:
    """The loan contract of a disbursed loan (by application or contract
    number), its stored schedule as the annex. ``NotFound`` for an unknown
    number, ``DomainError`` before disbursement."""
    with uow:
        return _loan_contract(uow, _loan_of(uow, number))


def _loan_contract(uow, loan: Loan) -> LoanContractPaper:
    application = uow.applications.get(loan.application_number)
    customer = uow.customers.get(loan.customer_id)
    product = _product(uow, loan.product_code)
    return LoanContractPaper(
        document_number="",
        contract_number=loan.contract_number,
        bank=_bank(uow),
        borrower=_borrower(customer),
        spouse=_spouse(customer),
        product_name=product.name,
        loan_type=LOAN_TYPE,
        purpose=application.purpose,
        amount=loan.amount,
        annual_rate=loan.annual_rate,
        pricing_description=loan.pricing_description,
        term_months=loan.months,
        start_date=loan.start_date,
        maturity_date=loan.maturity_date,
        repayment_method=loan.repayment_method.label,
        due_day=loan.due_day,
        penalty_uplift=loan.penalty_uplift,
        misuse_penalty_uplift=loan.misuse_penalty_uplift,
        payment=loan.payment,
        repayment_account=loan.repayment_account,
        guarantee_summary=guarantee_summary(application),
        # What was signed, whatever early repayments changed since.
        schedule=_signed_schedule(uow, loan),
    )


def guarantee_papers(uow, number: str) -> list[GuaranteeContractPaper]:
    """One guarantee contract per guarantor of the loan, in the order the
    application lists them. ``DomainError`` when the loan has no guarantor."""
    with uow:
        return _guarantee_contracts(uow, _loan_of(uow, number))


def _guarantee_contracts(uow, loan: Loan) -> list[GuaranteeContractPaper]:
    application = uow.applications.get(loan.application_number)
    if not application.guarantors:
        raise DomainError(f"借款合同 {loan.contract_number} 没有自然人保证人，无需保证合同。")
    borrower = _borrower(uow.customers.get(loan.customer_id))
    bank = _bank(uow)
    return [
        GuaranteeContractPaper(
            document_number="",
            loan_contract_number=loan.contract_number,
            bank=bank,
            guarantor=_guarantor(g),
            borrower=borrower,
            loan_type=LOAN_TYPE,
            amount=loan.amount,
            annual_rate=loan.annual_rate,
            term_months=loan.months,
            start_date=loan.start_date,
            maturity_date=loan.maturity_date,
        )
        for g in application.guarantors
    ]


def schedule_paper(uow, number: str) -> SchedulePaper:
    """The repayment schedule the borrower follows now (by application or
    contract number): the one fixed at disbursement until an early
    repayment, then the recomputed one. Its scheduled principal then falls
    short of the loan amount by the principal repaid ahead of it, which is
    what the printed paper states."""
    with uow:
        return _schedule_paper(uow, _loan_of(uow, number))


def _schedule_paper(uow, loan: Loan) -> SchedulePaper:
    return SchedulePaper(
        document_number="",
        bank=_bank(uow),
        contract_number=loan.contract_number,
        borrower_name=loan.borrower_name,
        amount=loan.amount,
        annual_rate=loan.annual_rate,
        term_months=loan.months,
        repayment_method=loan.repayment_method.label,
        start_date=loan.start_date,
        schedule=_schedule_in_force(uow, loan),
    )


def reminder_paper(uow, number: str, as_of: date) -> ReminderNotice:
    """A reminder of the next instalment due on or after ``as_of`` that is
    not fully paid, for what is still owed of it, issued on ``as_of``.
    ``DomainError`` when no instalment is left to fall due."""
    with uow:
        return _reminder(uow, _loan_of(uow, number), as_of)


def _reminder(uow, loan: Loan, as_of: date) -> ReminderNotice:
    instalment = _instalment_to_remind(uow, loan, as_of)
    if instalment is None:
        raise DomainError(
            f"借款合同 {loan.contract_number} 在 {as_of.isoformat()} 之后没有到期的还款，"
            "或到期各期均已还清，无需提醒。"
        )
    return _reminder_of(uow, loan, instalment, as_of)


def _instalment_to_remind(uow, loan: Loan, as_of: date) -> ScheduleLine | None:
    """Inside an open unit of work: the first instalment of the schedule in
    force falling due on or after ``as_of`` and not fully paid, with what
    has been paid of it; ``None`` when there is none. The instalment a
    regular payment on ``as_of`` would pay (``next_current_period``)."""
    lines = _servicing_lines(uow, loan)
    if lines is None:
        lines = lines_of(_signed_schedule(uow, loan))  # nothing repaid yet
    period = next_current_period(lines, as_of)
    return next((line for line in lines if line.period == period), None)


def _reminder_of(uow, loan: Loan, instalment: ScheduleLine, as_of: date) -> ReminderNotice:
    """The reminder asks for what is left of the instalment: a borrower who
    paid part of it ahead owes only the rest."""
    return ReminderNotice(
        document_number="",
        bank=_bank(uow),
        borrower=_borrower(uow.customers.get(loan.customer_id)),
        contract_number=loan.contract_number,
        period=instalment.period,
        due_date=instalment.due_date,
        principal_due=instalment.unpaid_principal,
        interest_due=instalment.unpaid_interest,
        repayment_account=loan.repayment_account,
        issued_on=as_of,
    )


@dataclass(frozen=True)
class OverdueFigures:
    """What is overdue on a loan as of a date, as the servicing position
    gives it: amounts in yuan; ``overdue_since`` is the due date of the
    oldest overdue instalment, ``None`` when nothing is overdue."""

    outstanding_principal: Decimal
    overdue_principal: Decimal
    overdue_interest: Decimal
    penalty_interest: Decimal
    compound_interest: Decimal
    overdue_since: date | None

    @property
    def total_overdue(self) -> Decimal:
        return (
            self.overdue_principal
            + self.overdue_interest
            + self.penalty_interest
            + self.compound_interest
        )


def _overdue_figures(uow, loan: Loan, as_of: date) -> OverdueFigures:
    """What is overdue on ``loan`` as of ``as_of``: the servicing position
    (``domain.servicing.loan_position``), the one place paperwork learns
    what is overdue. Opens its own units of work: call it outside one.

    A loan gets its servicing account at the latest with its first
    repayment; one without an account yet has repaid nothing, and its
    figures come from the schedule fixed at disbursement.
    """
    try:
        position = loan_position(uow, loan.loan_number, as_of)
    except NotFound:
        return _figures_before_servicing(uow, loan, as_of)
    return OverdueFigures(
        outstanding_principal=position.outstanding_principal,
        overdue_principal=position.overdue_principal,
        overdue_interest=position.overdue_interest,
        penalty_interest=position.penalty_interest,
        compound_interest=position.compound_interest,
        overdue_since=position.arrears_since if position.days_past_due else None,
    )


def _figures_before_servicing(uow, loan: Loan, as_of: date) -> OverdueFigures:
    """Nothing repaid yet: every instalment of the stored schedule that fell
    due before ``as_of`` is unpaid in full, its penalty and compound
    interest at the loan's uplift (``domain.interest.overdue_charges``)."""
    with uow:
        items = [
            OverdueItem(i.due_date, i.principal, i.interest)
            for i in uow.loans.schedule(loan.id)
            if i.due_date < as_of
        ]
    charges = overdue_charges(items, as_of, loan.annual_rate, loan.penalty_uplift)
    late = [c.item.due_date for c in charges.items if c.days_past_due]
    return OverdueFigures(
        outstanding_principal=loan.outstanding_principal,
        overdue_principal=charges.overdue_principal,
        overdue_interest=charges.overdue_interest,
        penalty_interest=charges.penalty_interest,
        compound_interest=charges.compound_interest,
        overdue_since=min(late, default=None),
    )


def overdue_papers(uow, number: str, as_of: date) -> list[OverdueNotice]:
    """The overdue notices of one loan as of ``as_of``: the borrower's, then
    each guarantor's. ``DomainError`` when nothing is overdue."""
    with uow:
        loan = _loan_of(uow, number)
    notices = _overdue_notices(uow, loan, as_of)
    if not notices:
        raise DomainError(
            f"借款合同 {loan.contract_number} 截至 {as_of.isoformat()} 没有逾期款项，无需催收。"
        )
    return notices


def _overdue_notices(uow, loan: Loan, as_of: date) -> list[OverdueNotice]:
    """The loan's notices, none if nothing is overdue. Opens its own units
    of work: call it outside one."""
    figures = _overdue_figures(uow, loan, as_of)
    if figures.total_overdue <= 0:
        return []
    with uow:
        return _notices_of(uow, loan, as_of, figures)


def _notices_of(uow, loan: Loan, as_of: date, figures: OverdueFigures) -> list[OverdueNotice]:
    """Inside an open unit of work: the borrower's notice, then each guarantor's."""
    application = uow.applications.get(loan.application_number)
    borrower = _borrower(uow.customers.get(loan.customer_id))
    common = {
        "document_number": "",
        "bank": _bank(uow),
        "borrower_name": borrower.name,
        "contract_number": loan.contract_number,
        "original_principal": loan.amount,
        "as_of": as_of,
        "outstanding_principal": figures.outstanding_principal,
        "overdue_principal": figures.overdue_principal,
        "overdue_interest": figures.overdue_interest,
        "penalty_interest": figures.penalty_interest,
        "compound_interest": figures.compound_interest,
        "repayment_account": loan.repayment_account,
        "deadline": _deadline(uow, as_of),
    }
    notices = [OverdueNotice(addressee=borrower, role=NoticeRole.BORROWER, **common)]
    for guarantor in application.guarantors:
        notices.append(
            OverdueNotice(
                addressee=_guarantor(guarantor),
                role=NoticeRole.GUARANTOR,
                guarantee_contract_number=_guarantee_number(uow, loan, guarantor),
                **common,
            )
        )
    return notices


def _deadline(uow, as_of: date) -> date:
    """Five working days after ``as_of``, the bank's holidays skipped."""
    holidays = load_time_limits(uow).holidays
    return add_working_days(as_of, DEFAULT_DEADLINE_WORKING_DAYS, holidays)


def _guarantee_number(uow, loan: Loan, guarantor: Guarantor) -> str:
    """The number of the guarantor's guarantee contract, the first one issued
    (it stays the same however often it is reprinted); ``""`` if none was."""
    issued = uow.issued_documents.first_of(
        DocumentKind.GUARANTEE_CONTRACT, loan.loan_number, guarantor.id_number
    )
    return issued.document_number if issued is not None else ""


def signoff_record_paper(uow, number: str) -> SignOffRecord:
    """The signing checklist and the supervisor's sign-off in force (by
    application or contract number). ``DomainError`` before the sign-off or
    after it was voided."""
    with uow:
        return _signoff_record(uow, _application_of(uow, number))


def _signoff_record(uow, application: Application) -> SignOffRecord:
    number = application.application_number
    signoff = uow.workflow.current_signoff(application.id)
    signing = uow.workflow.signing(application.id)
    if signoff is None or signing is None:
        raise DomainError(
            f"申请 {number} 目前{application.state.label}，没有有效的主管合规确认，"
            "不能打印面签核查及合规确认记录。"
        )
    approval = uow.workflow.approval(application.id)
    items = uow.checklists.items(application.id)
    return SignOffRecord(
        document_number="",
        bank=_bank(uow),
        application_number=number,
        borrower=_borrower(uow.customers.get(application.customer_id)),
        product_name=_product(uow, application.product_code).name,
        amount=approval.amount if approval is not None else application.amount,
        term_months=application.months,
        items=tuple(_entry(uow, item) for item in items if item.confirmed),
        officer=_full_name(uow, signing.staff[0]),
        assisting_officer=_full_name(uow, signing.staff[1]),
        supervisor=_full_name(uow, signoff.signed_off_by),
        signed_off_at=_beijing(signoff.signed_off_at),
        signoff_hash=signoff.fingerprint,
        supervisor_opinion=signoff.opinion,
    )


def _entry(uow, item: ChecklistItem) -> ChecklistEntry:
    return ChecklistEntry(
        item=item.text,
        confirmed_by=_full_name(uow, item.confirmed_by),
        confirmed_at=_beijing(item.confirmed_at),
        evidence="；".join(e.description for e in item.evidence),
        note=item.note,
    )


def papers_for(uow, kind: DocumentKind | str, number: str, as_of: date | None = None) -> list:
    """The papers of ``kind`` for one application or loan: one, except a
    guarantee contract per guarantor and an overdue notice for the borrower
    and each guarantor. ``as_of`` (notices only) defaults to today."""
    kind = DocumentKind(kind)
    day = as_of or uow.clock.today()
    if kind is DocumentKind.LOAN_CONTRACT:
        return [loan_contract_paper(uow, number)]
    if kind is DocumentKind.GUARANTEE_CONTRACT:
        return guarantee_papers(uow, number)
    if kind is DocumentKind.SCHEDULE:
        return [schedule_paper(uow, number)]
    if kind is DocumentKind.REMINDER:
        return [reminder_paper(uow, number, day)]
    if kind is DocumentKind.OVERDUE_NOTICE:
        return overdue_papers(uow, number, day)
    return [signoff_record_paper(uow, number)]


# ---------------------------------------------------------------------------
# Batches
# ---------------------------------------------------------------------------


def due_reminders(
    uow, as_of: date, within_days: int, progress: BatchProgress | None = None
) -> list[ReminderNotice]:
    """A reminder for every active loan whose next instalment not fully
    paid falls due from ``as_of`` to ``within_days`` days later, for what is
    still owed of it, earliest due date first (then by contract number).
    ``progress(done, total)`` follows the filling and may raise to stop it."""
    until = as_of + timedelta(days=_within(within_days))
    with uow:
        # The candidates come by the disbursement schedule. An early
        # repayment keeps the due dates of the instalments it leaves, so no
        # loan with an instalment due in the window is missed; each is then
        # checked against its schedule in force and what is paid of it.
        due = uow.document_queries.next_due(as_of, until)
        papers = []
        for done, (loan_number, _due_date) in enumerate(due, start=1):
            loan = uow.loans.get(loan_number)
            instalment = _instalment_to_remind(uow, loan, as_of)
            if instalment is not None and instalment.due_date <= until:
                papers.append(_reminder_of(uow, loan, instalment, as_of))
            _report(progress, done, len(due))
    papers.sort(key=lambda paper: (paper.due_date, paper.contract_number))
    return papers


def overdue_notices(uow, as_of: date, progress: BatchProgress | None = None) -> list[OverdueNotice]:
    """The overdue notices of every active loan with anything overdue as of
    ``as_of``, the longest overdue first; each loan's borrower notice is
    followed by its guarantors'. ``progress`` as for ``due_reminders``."""
    with uow:
        candidates = [uow.loans.get(n) for n in uow.document_queries.due_before(as_of)]
    found: list[tuple[date, str, list[OverdueNotice]]] = []
    for done, loan in enumerate(candidates, start=1):
        figures = _overdue_figures(uow, loan, as_of)
        if figures.total_overdue > 0:
            with uow:
                notices = _notices_of(uow, loan, as_of, figures)
            found.append((figures.overdue_since or as_of, loan.loan_number, notices))
        _report(progress, done, len(candidates))
    found.sort(key=lambda entry: entry[:2])
    return [notice for _since, _number, notices in found for notice in notices]


def _within(days: int | str) -> int:
    try:
        value = int(str(days).strip())
    except ValueError:
        raise ValidationError("提前天数应为整数", "within_days") from None
    if not 0 <= value <= MAX_WITHIN_DAYS:
        raise ValidationError(f"提前天数应在 0 至 {MAX_WITHIN_DAYS} 天之间", "within_days")
    return value


def _report(progress: BatchProgress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


# ---------------------------------------------------------------------------
# Issuing: a number and a registered verification code
# ---------------------------------------------------------------------------


def console_operator(operator: str) -> User:
    """Who prints from the command line on the server's console: whoever can
    run it there already holds the database, so it acts with every role that
    prints paperwork, recorded under ``operator`` (``console:<login>``)."""
    return User(operator, operator, DOCUMENT_ROLES, password_hash="")


def document_prefix(uow, kind: DocumentKind) -> str:
    """Inside an open unit of work: the letters that begin numbers of ``kind``."""
    stored = uow.settings.get(DOCUMENT_PREFIXES_SETTING, {}) or {}
    return str(stored.get(kind.value) or DEFAULT_DOCUMENT_PREFIXES[kind]).upper()


def issue(uow, actor: User, paper: P) -> P:
    """Register ``paper`` and return it with its document number.

    The same content issued before comes back under its registered number,
    and so with the same verification code; nothing new is recorded.
    """
    return issue_all(uow, actor, [paper])[0]


def issue_all(uow, actor: User, papers: Sequence[P]) -> list[P]:
    """``issue`` for many papers in one transaction, in the order given.

    Another desk issuing the same content at the same moment makes this
    registration clash with its own; the papers are then issued once more,
    which finds that desk's numbers.
    """
    actor.require(*DOCUMENT_ROLES, doing="出具文书")
    try:
        return _issue_all(uow, actor, papers)
    except DomainError as clash:
        if not _storage_clash(clash):
            raise
        return _issue_all(uow, actor, papers)


def _storage_clash(error: DomainError) -> bool:
    """A unique value taken meanwhile: the unit of work reports it as a plain
    ``DomainError`` raised from the database's own error. A refusal of a
    rule, or a lost server, is something else."""
    return type(error) is DomainError and error.__cause__ is not None


def _issue_all(uow, actor: User, papers: Sequence[P]) -> list[P]:
    with uow.acting(actor.username):
        issued = [_issued(uow, actor, paper) for paper in papers]
        uow.commit()
        return issued


def _issued(uow, actor: User, paper: P) -> P:
    content = replace(paper, document_number="").fingerprint()
    known = uow.issued_documents.by_content(content)
    if known is not None:
        return replace(paper, document_number=known.document_number)
    subject = _subject(uow, paper)
    numbered = replace(paper, document_number=_next_number(uow, subject.kind))
    uow.issued_documents.add(
        IssuedDocument(
            document_number=numbered.document_number,
            **subject._asdict(),
            content_fingerprint=content,
            fingerprint=numbered.fingerprint(),
            verification_code=numbered.verification_code,
            issued_at=uow.clock.now(),
            issued_by=actor.username,
        )
    )
    return numbered


def _next_number(uow, kind: DocumentKind) -> str:
    """``JKHT20261128-0001``: the prefix, the issue date and the day's sequence."""
    key = f"{document_prefix(uow, kind)}{uow.clock.today():%Y%m%d}"
    return f"{key}-{uow.applications.next_sequence(key):04d}"


class _Subject(NamedTuple):
    """What the register keeps about a paper to fill it again."""

    kind: DocumentKind
    application_number: str
    loan_number: str | None
    addressee: str
    addressee_id_number: str
    role: str
    as_of: date | None


def _subject(uow, paper: Paper) -> _Subject:
    if isinstance(paper, SignOffRecord):
        application_number, loan_number = paper.application_number, None
    else:
        loan = _loan_of(uow, _loan_number_on(paper))
        application_number, loan_number = loan.application_number, loan.loan_number
    addressee, role, as_of = _addressee(paper)
    return _Subject(
        kind_of(paper),
        application_number,
        loan_number,
        addressee.name,
        addressee.id_number,
        role,
        as_of,
    )


def _loan_number_on(paper: Paper) -> str:
    if isinstance(paper, GuaranteeContractPaper):
        return paper.loan_contract_number
    return paper.contract_number


def _addressee(paper: Paper) -> tuple[Party, str, date | None]:
    """To whom the paper is addressed, in what role, as of which date."""
    if isinstance(paper, GuaranteeContractPaper):
        return paper.guarantor, NoticeRole.GUARANTOR.value, None
    if isinstance(paper, OverdueNotice):
        return paper.addressee, paper.role.value, paper.as_of
    if isinstance(paper, ReminderNotice):
        return paper.borrower, NoticeRole.BORROWER.value, paper.issued_on
    if isinstance(paper, SchedulePaper):
        return Party(paper.borrower_name, ""), NoticeRole.BORROWER.value, None
    return paper.borrower, NoticeRole.BORROWER.value, None


# ---------------------------------------------------------------------------
# Verifying a paper someone brings in
# ---------------------------------------------------------------------------

_CODE_CHARACTERS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Read off paper, O is 0 and I or L is 1 (Crockford's base 32).
_CODE_MISREADINGS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_CODE_SEPARATORS = re.compile(r"[\s\-—_.]+")


def normalize_code(code: str | None) -> str | None:
    """The code as printed (``7KQ2-M9XD-4RTB``) from however it was typed:
    any case, with or without dashes and spaces, O for 0, I or L for 1.
    ``None`` if it cannot be a verification code."""
    text = _CODE_SEPARATORS.sub("", normalize_input(code).upper()).translate(_CODE_MISREADINGS)
    if len(text) != 12 or any(c not in _CODE_CHARACTERS for c in text):
        return None
    return "-".join(text[i : i + 4] for i in range(0, 12, 4))


def verify_code(uow, code: str) -> VerificationResult:
    """Find the document carrying ``code`` and check that the database, as
    it is now, fills exactly the paper that was issued.

    Never raises for what the clerk typed: an impossible or unknown code,
    or a document whose record changed since, comes back with ``reason``.
    """
    normalized = normalize_code(code)
    if normalized is None:
        typed = normalize_input(code) or "（未填写）"
        return VerificationResult(
            typed, reason="验证码应为 12 位数字和字母（如 7KQ2-M9XD-4RTB），请核对后重新输入。"
        )
    with uow:
        document = uow.issued_documents.by_code(normalized)
        prints = () if document is None else uow.print_log.for_document(document.document_number)
    if document is None:
        return VerificationResult(
            normalized,
            reason="没有以此验证码出具的文书：文件不是本系统出具的，或验证码抄错了。",
        )
    matches, reason = _still_matches(uow, document)
    return VerificationResult(normalized, document, matches, reason, tuple(prints))


def _still_matches(uow, document: IssuedDocument) -> tuple[bool, str]:
    try:
        paper = _fill_again(uow, document)
    except DomainError as exc:
        return False, _superseded(uow, document) or (
            f"按数据库现有记录已无法生成该文书（{exc}），文件与现有记录不符。"
        )
    if replace(paper, document_number=document.document_number).fingerprint() == (
        document.fingerprint
    ):
        return True, ""
    return False, _superseded(uow, document) or (
        "数据库中的记录在出具后已被修改：按现有记录生成的内容与该文件不一致，"
        "请以系统现有记录为准并核实原因。"
    )


# Papers whose content follows the loan's postings: the schedule changes
# only with an early repayment (or its reversal); a notice with any posting.
_FOLLOWS_POSTINGS = frozenset(
    {DocumentKind.SCHEDULE, DocumentKind.REMINDER, DocumentKind.OVERDUE_NOTICE}
)


def _superseded(uow, document: IssuedDocument) -> str:
    """Why a paper that no longer matches is out of date in the ordinary
    course of servicing: the first posting or reversal since it was issued
    that changes what it shows. ``""`` when there is none (then something
    else changed, which the clerk must look into)."""
    if document.kind not in _FOLLOWS_POSTINGS:
        return ""
    with uow:
        loan = uow.loans.get(document.loan_number or "")
        postings = [] if loan is None else uow.repayments.for_loan(loan.id)
    changes = [
        change
        for repayment in postings
        for change in _changes_by(repayment, document.kind)
        if change[0] >= document.issued_at
    ]
    if not changes:
        return ""
    _when, what = min(changes)
    label = document.kind.label
    if document.kind is DocumentKind.SCHEDULE:
        return (
            f"该{label}出具后，贷款办理了{what}，还款计划已随之调整：该文件已被新的还款计划取代，"
            f"请以重新出具的{label}为准。"
        )
    return (
        f"该{label}出具后，贷款办理了{what}，应还金额已随之变化：该文件已被取代，"
        f"请按现有记录重新出具{label}。"
    )


def _changes_by(repayment: Repayment, kind: DocumentKind) -> list[tuple[datetime, str]]:
    """When a posting and its reversal changed what a paper of ``kind``
    shows, and what they were, as the clerk reads it."""
    if kind is DocumentKind.SCHEDULE and not _rescheduled(repayment):
        return []
    receipt = repayment.receipt_number
    changes = [
        (
            repayment.posted_at,
            f"{repayment.kind.label}（{repayment.paid_on.isoformat()}，回单号 {receipt}）",
        )
    ]
    if repayment.reversal is not None:
        moment = repayment.reversal.reversed_at
        changes.append((moment, f"冲正（{_beijing(moment):%Y-%m-%d}，回单号 {receipt} 的还款）"))
    return changes


def _rescheduled(repayment: Repayment) -> bool:
    """An early repayment or settlement: it replaced the remaining schedule."""
    return repayment.schedule_version_after != repayment.schedule_version_before


def _fill_again(uow, document: IssuedDocument) -> Paper:
    """The paper ``document`` is, filled from the database as it is now."""
    kind = document.kind
    with uow:
        if kind is DocumentKind.SIGNOFF_RECORD:
            return _signoff_record(uow, _application_of(uow, document.application_number))
        loan = _loan_of(uow, document.loan_number)
        if kind is DocumentKind.LOAN_CONTRACT:
            return _loan_contract(uow, loan)
        if kind is DocumentKind.SCHEDULE:
            return _schedule_paper(uow, loan)
        if kind is DocumentKind.REMINDER:
            return _reminder(uow, loan, document.as_of)
        if kind is DocumentKind.GUARANTEE_CONTRACT:
            papers = _guarantee_contracts(uow, loan)
            return _for_addressee(papers, document, lambda p: p.guarantor)
    notices = _overdue_notices(uow, loan, document.as_of)
    same_role = [p for p in notices if p.role.value == document.role]
    return _for_addressee(same_role, document, lambda p: p.addressee)


def _for_addressee(papers: Iterable[P], document: IssuedDocument, party: Callable) -> P:
    for paper in papers:
        if party(paper).id_number == document.addressee_id_number:
            return paper
    raise DomainError(f"{document.addressee} 已不在该笔贷款的{document.kind.label}之列")


# ---------------------------------------------------------------------------
# Print records
# ---------------------------------------------------------------------------


def record_print(
    uow, actor: User, document_number: str, destination: str, copies: int = 1
) -> PrintRecord:
    """Record that ``actor`` printed the document (``destination``: the
    printer's name, or ``PDF`` for a saved file)."""
    return record_prints(uow, actor, [document_number], destination, copies)[0]


def record_prints(
    uow, actor: User, document_numbers: Sequence[str], destination: str, copies: int = 1
) -> list[PrintRecord]:
    """``record_print`` for every document of one PDF, in one transaction.
    ``NotFound`` for a number never issued."""
    actor.require(*DOCUMENT_ROLES, doing="打印文书")
    where = normalize_input(destination)[:DESTINATION_MAX] or "PDF"
    if not 1 <= int(copies) <= MAX_COPIES:
        raise ValidationError(f"份数应在 1 至 {MAX_COPIES} 之间", "copies")
    with uow.acting(actor.username):
        records = [
            uow.print_log.add(_print_of(uow, actor, number, where, int(copies)))
            for number in document_numbers
        ]
        uow.commit()
        return records


def _print_of(uow, actor: User, number: str, destination: str, copies: int) -> PrintRecord:
    document = uow.issued_documents.get(number)
    if document is None:
        raise NotFound(f"找不到文书 {number}：只能记录已出具文书的打印。")
    return PrintRecord(
        number, actor.username, uow.clock.now(), document.fingerprint, copies, destination
    )


def prints_of(uow, document_number: str) -> list[PrintRecord]:
    """Every recorded printing of the document, oldest first."""
    with uow:
        return uow.print_log.for_document(document_number)


def issued_for(uow, number: str) -> list[IssuedDocument]:
    """The documents issued for an application or loan, oldest first."""
    with uow:
        application = _application_of(uow, number)
        return uow.issued_documents.for_application(application.application_number)
