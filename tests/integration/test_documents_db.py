"""Paperwork filled from the database, registered, printed and verified, on
SQLite and PostgreSQL: every paper from a loan taken the whole way from
submission to disbursement."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from desktop.commands.paperwork import render
from desktop.startup import open_store
from domain.checklist import application_checklist
from domain.customers import CustomerDraft, update_customer
from domain.documents import (
    DocumentKind,
    console_operator,
    due_reminders,
    guarantee_papers,
    issue,
    issue_all,
    loan_contract_paper,
    normalize_code,
    overdue_notices,
    overdue_papers,
    prints_of,
    record_print,
    reminder_paper,
    schedule_paper,
    signoff_record_paper,
    verify_code,
)
from domain.errors import DomainError, NotFound, PermissionDenied
from domain.interest import OverdueItem, overdue_charges
from domain.loans import Disbursement, loan_schedule
from domain.paperwork import EntrustedPayment, NoticeRole, add_working_days
from domain.servicing import (
    RepaymentEntry,
    early_repayment_quote,
    post_repayment,
    servicing_schedule,
)
from domain.workflow import disburse
from tests.integration.test_workflow import START, Desk, MovableClock


@pytest.fixture
def clock():
    return MovableClock(START)


@pytest.fixture
def desk(database_url, clock):
    store = open_store(database_url, clock)
    store.upgrade()
    yield Desk(store, clock)
    store.close()


ENTRUSTED = EntrustedPayment(
    "溧水永利批发部", "3201000011112222", "溧水农商银行城关支行", Decimal("100000.00")
)


def disbursed(desk: Desk, payment=ENTRUSTED, **changes):
    """A loan of 150,000 a day after its sign-off (the clock moves a day)."""
    number = desk.signed_off(**changes).application_number
    desk.clock.move(days=1)
    version = desk.get(number).version
    terms = Disbursement(desk.clock.today(), "15万", "6228480012345678", payment)
    return disburse(desk.uow(), desk.liu, number, version, terms)


@pytest.fixture
def loan(desk):
    return disbursed(desk)


def pdf_text(papers, tmp_path) -> str:
    out = tmp_path / "paper.pdf"
    render(papers, out)
    return "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)


def _customer(desk, loan):
    with desk.uow() as uow:
        return uow.customers.get(loan.customer_id)


# --- each paper, filled from the database and printed --------------------------------------


def test_the_loan_contract_comes_from_the_loan_application_borrower_and_product(
    desk, loan, tmp_path
):
    paper = loan_contract_paper(desk.uow(), loan.application_number)
    customer = _customer(desk, loan)

    assert paper.document_number == ""
    assert paper.contract_number == loan.loan_number
    assert paper.bank.full_name == "示范农村商业银行城关支行"
    assert paper.borrower.name == customer.name and paper.borrower.id_number == customer.id_number
    assert paper.spouse.name == "李四" and paper.spouse.id_number == customer.spouse_id_number
    assert (paper.product_name, paper.purpose) == ("小微贷款", "进货周转")
    assert (paper.amount, paper.annual_rate) == (Decimal("150000.00"), Decimal("4.50"))
    assert paper.repayment_method == "等额本息" and paper.due_day == 20
    assert paper.penalty_uplift == Decimal("0.50")
    assert paper.payment == ENTRUSTED
    assert paper.guarantee_summary == "自然人保证，保证人：孙七"
    assert paper.schedule == loan_schedule(desk.uow(), loan.loan_number)
    assert loan_contract_paper(desk.uow(), loan.loan_number) == paper  # by either number

    printed = pdf_text([issue(desk.uow(), desk.liu, paper)], tmp_path)
    for expected in (
        loan.loan_number,
        customer.name,
        customer.id_number,
        "李四",
        "进货周转",
        "人民币壹拾伍万元整",
        "150,000.00",
        "4.50%",
        "溧水永利批发部",
        "孙七",
    ):
        assert expected in printed, expected


def test_one_guarantee_contract_per_guarantor(desk, clock, tmp_path):
    from domain.applications import Guarantor
    from tests.integration.test_workflow import rid

    guarantors = [
        Guarantor("孙七", rid(301), "13900000007", "朋友", "8000"),
        Guarantor("周八", rid(302), "13900000008", "亲属", "9000"),
    ]
    loan = disbursed(desk, guarantors=guarantors)

    papers = guarantee_papers(desk.uow(), loan.loan_number)

    assert [p.guarantor.name for p in papers] == ["孙七", "周八"]
    assert {p.loan_contract_number for p in papers} == {loan.loan_number}
    assert papers[1].guarantor.id_number == rid(302) and papers[1].guarantor.phone == "13900000008"
    assert papers[0].amount == loan.amount and papers[0].maturity_date == loan.maturity_date
    printed = pdf_text([issue(desk.uow(), desk.liu, papers[1])], tmp_path)
    for expected in ("周八", rid(302), loan.loan_number, "连带责任保证", "人民币壹拾伍万元整"):
        assert expected in printed, expected


def test_a_loan_without_guarantors_has_no_guarantee_contract(desk, loan):
    with desk.store.database.engine.begin() as c:
        c.execute(text("DELETE FROM guarantors"))

    with pytest.raises(DomainError, match="没有自然人保证人，无需保证合同"):
        guarantee_papers(desk.uow(), loan.loan_number)


def test_the_schedule_paper_is_the_stored_schedule(desk, loan, tmp_path):
    paper = schedule_paper(desk.uow(), loan.application_number)
    schedule = loan_schedule(desk.uow(), loan.loan_number)

    assert paper.schedule == schedule and paper.borrower_name == loan.borrower_name
    assert (paper.amount, paper.term_months) == (loan.amount, 12)
    printed = pdf_text([issue(desk.uow(), desk.liu, paper)], tmp_path)
    assert loan.loan_number in printed and loan.borrower_name in printed
    total = f"{schedule.total_payment:,.2f}"
    assert total in printed


def test_the_reminder_is_for_the_next_instalment(desk, loan, tmp_path):
    first, second = loan_schedule(desk.uow(), loan.loan_number).instalments[:2]

    paper = reminder_paper(desk.uow(), loan.loan_number, first.due_date + timedelta(days=1))

    assert (paper.period, paper.due_date) == (second.period, second.due_date)
    assert (paper.principal_due, paper.interest_due) == (second.principal, second.interest)
    assert paper.repayment_account == "6228480012345678"
    assert paper.issued_on == first.due_date + timedelta(days=1)
    on_the_day = reminder_paper(desk.uow(), loan.loan_number, first.due_date)
    assert on_the_day.period == first.period
    printed = pdf_text([issue(desk.uow(), desk.liu, paper)], tmp_path)
    assert f"{second.payment:,.2f}" in printed and loan.loan_number in printed
    with pytest.raises(DomainError, match="没有到期的还款"):
        reminder_paper(desk.uow(), loan.loan_number, loan.maturity_date + timedelta(days=1))


def test_overdue_notices_go_to_the_borrower_and_each_guarantor(desk, loan, tmp_path):
    instalments = loan_schedule(desk.uow(), loan.loan_number).instalments
    as_of = instalments[1].due_date + timedelta(days=3)  # two instalments past due
    expected = overdue_charges(
        [OverdueItem(i.due_date, i.principal, i.interest) for i in instalments[:2]],
        as_of,
        loan.annual_rate,
        Decimal("0.50"),
    )

    borrower, guarantor = overdue_papers(desk.uow(), loan.application_number, as_of)

    assert borrower.role is NoticeRole.BORROWER and borrower.addressee.name == loan.borrower_name
    assert guarantor.role is NoticeRole.GUARANTOR and guarantor.addressee.name == "孙七"
    for notice in (borrower, guarantor):
        assert notice.contract_number == loan.loan_number
        assert notice.original_principal == notice.outstanding_principal == loan.amount
        assert notice.overdue_principal == instalments[0].principal + instalments[1].principal
        assert notice.penalty_interest == expected.penalty_interest > 0
        assert notice.compound_interest == expected.compound_interest > 0
        assert notice.total_overdue == expected.total_overdue
        assert notice.deadline == add_working_days(as_of, 5)
    assert guarantor.guarantee_contract_number == ""

    (contract,) = guarantee_papers(desk.uow(), loan.loan_number)
    contract = issue(desk.uow(), desk.liu, contract)
    _, guarantor = overdue_papers(desk.uow(), loan.application_number, as_of)
    assert guarantor.guarantee_contract_number == contract.document_number

    issued = issue_all(desk.uow(), desk.liu, [borrower, guarantor])
    printed = pdf_text(issued, tmp_path)
    for expected_text in ("逾期催收通知书", loan.borrower_name, "孙七", contract.document_number):
        assert expected_text in printed, expected_text
    assert f"{expected.total_overdue:,.2f}" in printed
    with pytest.raises(DomainError, match="没有逾期款项"):
        overdue_papers(desk.uow(), loan.loan_number, instalments[0].due_date)


def test_overdue_figures_follow_the_servicing_position_once_repaid(desk, loan, clock):
    from domain.servicing import RepaymentEntry, loan_position, open_new_accounts, post_repayment

    first, second = loan_schedule(desk.uow(), loan.loan_number).instalments[:2]
    with desk.uow().acting("system") as uow:
        open_new_accounts(uow, "system")
        uow.commit()
    clock.move(days=(second.due_date - clock.today()).days + 3)
    as_of = clock.today()
    entry = RepaymentEntry(first.payment, first.due_date, "cash", "HK-0001")
    post_repayment(desk.uow(), desk.liu, loan.loan_number, entry)

    borrower, guarantor = overdue_papers(desk.uow(), loan.loan_number, as_of)
    position = loan_position(desk.uow(), loan.loan_number, as_of)

    assert borrower.overdue_principal == second.principal == position.overdue_principal
    assert borrower.outstanding_principal == loan.amount - first.principal
    assert borrower.total_overdue == position.total_overdue
    assert guarantor.total_overdue == borrower.total_overdue
    record = issue(desk.uow(), desk.liu, borrower)
    assert verify_code(desk.uow(), record.verification_code).matches


def test_the_signoff_record_names_the_staff_and_the_checked_items(desk, loan, tmp_path):
    paper = signoff_record_paper(desk.uow(), loan.loan_number)
    customer = _customer(desk, loan)

    assert paper.application_number == loan.application_number
    assert (paper.officer, paper.assisting_officer, paper.supervisor) == (
        "李信贷",
        "王辅助",
        "孙主管",
    )
    assert paper.amount == Decimal("150000.00") and paper.product_name == "小微贷款"
    checklist = application_checklist(desk.uow(), loan.application_number)
    assert [i.item for i in paper.items] == [i.text for i in checklist.items]
    assert all(i.confirmed_by == "李信贷" for i in paper.items)
    assert paper.signed_off_at.utcoffset() == timedelta(hours=8)
    assert paper.items[0].evidence == "扫描件 第1项.jpg"
    printed = pdf_text([issue(desk.uow(), desk.sun, paper)], tmp_path)
    for expected in (loan.application_number, customer.name, "孙主管", "人民币壹拾伍万元整"):
        assert expected in printed, expected


def test_before_disbursement_there_is_no_contract_yet(desk):
    number = desk.signed_off().application_number

    with pytest.raises(DomainError, match="尚未放款"):
        loan_contract_paper(desk.uow(), number)
    assert signoff_record_paper(desk.uow(), number).application_number == number
    with pytest.raises(NotFound, match="找不到申请或借款合同"):
        schedule_paper(desk.uow(), "XW19990101-0001")


# --- issuing: numbers and codes -------------------------------------------------------------


def test_issuing_the_same_content_again_gives_the_same_number_and_code(desk, loan, clock):
    paper = loan_contract_paper(desk.uow(), loan.loan_number)

    first = issue(desk.uow(), desk.liu, paper)
    clock.move(days=2)
    again = issue(desk.uow(), desk.li, loan_contract_paper(desk.uow(), loan.application_number))

    assert first.document_number == f"JKHT{loan.start_date:%Y%m%d}-0001"
    assert again.document_number == first.document_number
    assert again.verification_code == first.verification_code
    schedule = issue(desk.uow(), desk.liu, schedule_paper(desk.uow(), loan.loan_number))
    assert schedule.document_number == f"HKJH{clock.today():%Y%m%d}-0001"
    with desk.uow() as uow:
        (record,) = [
            d
            for d in uow.issued_documents.for_application(loan.application_number)
            if d.kind is DocumentKind.LOAN_CONTRACT
        ]
    assert record.issued_by == "liu" and record.verification_code == first.verification_code
    assert record.loan_number == loan.loan_number and record.addressee == loan.borrower_name


def test_a_document_registered_by_another_desk_meanwhile_is_found_on_the_retry(
    desk, loan, monkeypatch
):
    from persistence.repositories_documents import IssuedDocumentRepository

    paper = schedule_paper(desk.uow(), loan.loan_number)
    other_desk = issue(desk.uow(), desk.li, paper)
    real = IssuedDocumentRepository.by_content
    missed = []

    def not_yet_there(self, content):
        if not missed:  # the first look happens before the other desk commits
            missed.append(content)
            return None
        return real(self, content)

    monkeypatch.setattr(IssuedDocumentRepository, "by_content", not_yet_there)
    mine = issue(desk.uow(), desk.liu, paper)

    assert missed and mine.document_number == other_desk.document_number
    assert mine.verification_code == other_desk.verification_code


def test_a_later_as_of_date_is_a_new_notice(desk, loan):
    first_due = loan_schedule(desk.uow(), loan.loan_number).instalments[0].due_date
    one = issue(desk.uow(), desk.liu, reminder_paper(desk.uow(), loan.loan_number, first_due))
    two = issue(
        desk.uow(),
        desk.liu,
        reminder_paper(desk.uow(), loan.loan_number, first_due - timedelta(days=1)),
    )
    assert one.document_number != two.document_number
    assert one.verification_code != two.verification_code


def test_only_staff_who_print_may_issue(desk, loan):
    with pytest.raises(PermissionDenied, match="不能出具文书"):
        issue(desk.uow(), desk.admin, schedule_paper(desk.uow(), loan.loan_number))


# --- verifying ------------------------------------------------------------------------------


def test_verify_matches_until_the_record_changes(desk, loan):
    contract = issue(desk.uow(), desk.liu, loan_contract_paper(desk.uow(), loan.loan_number))
    reminder = issue(
        desk.uow(), desk.liu, reminder_paper(desk.uow(), loan.loan_number, loan.start_date)
    )
    typed = contract.verification_code.lower().replace("-", " ")

    result = verify_code(desk.uow(), typed)

    assert result.found and result.matches, result.summary
    assert result.code == contract.verification_code
    assert result.document.document_number == contract.document_number
    assert result.document.kind is DocumentKind.LOAN_CONTRACT
    assert result.document.issued_by == "liu"
    assert "内容与数据库现有记录一致" in result.summary
    assert loan.loan_number in result.summary and loan.borrower_name in result.summary

    # Directly in the database: the purpose on the application.
    with desk.store.database.engine.begin() as c:
        c.execute(text("UPDATE applications SET purpose = '购买货车'"))
    changed = verify_code(desk.uow(), contract.verification_code)
    assert changed.found and not changed.matches
    assert "记录在出具后已被修改" in changed.reason
    # The reminder does not print the purpose: it still matches.
    assert verify_code(desk.uow(), reminder.verification_code).matches


def test_verify_sees_a_change_made_through_the_domain(desk, loan):
    record = issue(desk.uow(), desk.liu, reminder_paper(desk.uow(), loan.loan_number, START.date()))
    assert verify_code(desk.uow(), record.verification_code).matches
    customer = _customer(desk, loan)
    draft = replace(CustomerDraft(), **{**vars(customer.draft()), "phone": "13912345678"})
    update_customer(desk.uow(), desk.li, customer.id, draft, version=customer.version)

    result = verify_code(desk.uow(), record.verification_code)

    assert result.found and not result.matches


def test_verify_a_guarantor_notice_and_an_unknown_or_mistyped_code(desk, loan):
    as_of = loan.maturity_date
    notices = issue_all(desk.uow(), desk.liu, overdue_papers(desk.uow(), loan.loan_number, as_of))
    guarantor = notices[1]
    assert verify_code(desk.uow(), guarantor.verification_code).matches
    assert verify_code(desk.uow(), guarantor.verification_code).document.addressee == "孙七"

    unknown = verify_code(desk.uow(), "0000-0000-0000")
    assert not unknown.found and "没有以此验证码出具的文书" in unknown.summary
    assert not verify_code(desk.uow(), "12345").found
    assert "12 位" in verify_code(desk.uow(), "12345").reason
    assert normalize_code(" 7kq2 m9xd 4rtb ") == "7KQ2-M9XD-4RTB"
    assert normalize_code("OIL0-0000-0000") == "0110-0000-0000"


def test_verify_after_the_loan_row_is_gone_says_it_cannot_be_filled(desk, loan):
    record = issue(desk.uow(), desk.liu, schedule_paper(desk.uow(), loan.loan_number))
    with desk.store.database.engine.begin() as c:
        for table in ("follow_up_tasks", "loan_schedule_lines", "loan_accounts"):
            c.execute(text(f"DELETE FROM {table}"))
        c.execute(text("DELETE FROM loan_instalments"))
        c.execute(text("DELETE FROM loans"))

    result = verify_code(desk.uow(), record.verification_code)

    assert result.found and not result.matches
    assert "无法生成该文书" in result.reason


# --- print records --------------------------------------------------------------------------


def test_printing_is_recorded_with_the_fingerprint_of_what_was_printed(desk, loan, clock):
    paper = issue(desk.uow(), desk.liu, schedule_paper(desk.uow(), loan.loan_number))

    recorded = record_print(desk.uow(), desk.liu, paper.document_number, "HP LaserJet", copies=2)
    record_print(desk.uow(), console_operator("console:root"), paper.document_number, "PDF")

    assert recorded.fingerprint == paper.fingerprint()
    assert (recorded.printed_by, recorded.copies, recorded.destination) == ("liu", 2, "HP LaserJet")
    assert recorded.printed_at == clock.now()
    prints = prints_of(desk.uow(), paper.document_number)
    assert [(p.printed_by, p.destination) for p in prints] == [
        ("liu", "HP LaserJet"),
        ("console:root", "PDF"),
    ]
    assert len(verify_code(desk.uow(), paper.verification_code).prints) == 2
    with pytest.raises(NotFound, match="找不到文书"):
        record_print(desk.uow(), desk.liu, "JKHT19990101-0001", "PDF")
    with desk.uow() as uow:
        actions = {(e.entity, e.actor) for e in uow.audit.page(limit=20)}
    assert ("print_log", "liu") in actions and ("issued_documents", "liu") in actions


# --- batches --------------------------------------------------------------------------------


def test_batches_come_in_due_date_order(desk, clock, tmp_path):
    first = disbursed(desk)  # due day 20
    second = disbursed(desk, due_day=10)
    first_due = loan_schedule(desk.uow(), first.loan_number).instalments[0].due_date
    second_due = loan_schedule(desk.uow(), second.loan_number).instalments[0].due_date
    assert second_due < first_due
    as_of = second_due - timedelta(days=2)

    soon = due_reminders(desk.uow(), as_of, (first_due - as_of).days)
    only_second = due_reminders(desk.uow(), as_of, (first_due - as_of).days - 1)

    assert [p.contract_number for p in soon] == [second.loan_number, first.loan_number]
    assert [p.due_date for p in soon] == [second_due, first_due]
    assert [p.contract_number for p in only_second] == [second.loan_number]

    later = first_due + timedelta(days=1)
    notices = overdue_notices(desk.uow(), later)
    assert [(n.contract_number, n.role) for n in notices] == [
        (second.loan_number, NoticeRole.BORROWER),
        (second.loan_number, NoticeRole.GUARANTOR),
        (first.loan_number, NoticeRole.BORROWER),
        (first.loan_number, NoticeRole.GUARANTOR),
    ]
    assert overdue_notices(desk.uow(), second_due) == []
    seen = []
    due_reminders(desk.uow(), as_of, 60, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    printed = pdf_text(issue_all(desk.uow(), desk.liu, soon), tmp_path)
    assert first.loan_number in printed and second.loan_number in printed


def test_a_guarantee_company_loan_contract_names_the_company(desk, tmp_path):
    from domain.applications import GuaranteeCompany, save_draft, submit_application
    from domain.identity import uscc_check_char
    from domain.workflow import approve, complete_signing, sign_off, signoff_view, start_signing
    from tests.integration.test_workflow import PASSWORD

    first_17 = "91320117MA1XY223P"
    code = first_17 + uscc_check_char(first_17)
    company = GuaranteeCompany("溧水区融资担保有限公司", code, "12万")
    draft = desk.draft(
        product_code="guarantee-company",
        guarantee_type="guarantee-company",
        guarantors=[],
        guarantee_company=company,
    )
    saved = save_draft(desk.uow(), desk.li, draft)
    number = saved.application_number
    submitted = submit_application(desk.uow(), desk.li, number, saved.version)
    # Not a natural-person loan: above the supervisor's authority, head office approves.
    approved = approve(desk.uow(), desk.hq, number, submitted.version, "同意")
    start_signing(desk.uow(), desk.li, number, approved.version)
    desk.tick_everything(number)
    complete_signing(desk.uow(), desk.li, number, desk.get(number).version)
    fingerprint = signoff_view(desk.uow(), desk.sun, number).fingerprint
    sign_off(desk.uow(), desk.sun, number, PASSWORD, fingerprint)
    desk.clock.move(days=1)
    terms = Disbursement(desk.clock.today(), "15万", "6228480012345678")
    loan = disburse(desk.uow(), desk.liu, number, desk.get(number).version, terms)

    paper = loan_contract_paper(desk.uow(), loan.loan_number)

    assert paper.guarantee_summary == (
        f"担保公司保证，担保公司：溧水区融资担保有限公司（统一社会信用代码 {code}），"
        "保证金额人民币 120,000.00 元"
    )
    printed = pdf_text([issue(desk.uow(), desk.liu, paper)], tmp_path)
    for expected in ("溧水区融资担保有限公司", code, "保证金额人民币120,000.00元"):
        assert expected in printed, expected


# --- after an early repayment: the schedule in force ---------------------------------------


def pay(desk: Desk, loan, amount, on, receipt: str, **kind):
    """The teller posts ``amount`` paid on ``on``, the clock moved there first."""
    if on > desk.clock.today():
        desk.clock.move(days=(on - desk.clock.today()).days)
    entry = RepaymentEntry(amount, on, "cash", receipt, **kind)
    return post_repayment(desk.uow(), desk.liu, loan.loan_number, entry)


def repaid_early(desk: Desk, loan, principal: str = "50000"):
    """Instalment 1 paid on its due date, then ``principal`` repaid ahead
    five days later, shortening the term. Returns the quote it was paid by."""
    first = loan_schedule(desk.uow(), loan.loan_number).instalments[0]
    pay(desk, loan, first.payment, first.due_date, "HK-0001")
    day = first.due_date + timedelta(days=5)
    quote = early_repayment_quote(desk.uow(), loan.loan_number, day, principal, "缩短期限")
    pay(desk, loan, quote.total, day, "TQ-0001", kind="early", option="shorten-term")
    return quote


def test_after_an_early_repayment_the_schedule_paper_is_the_new_schedule(desk, loan, tmp_path):
    signed = loan_schedule(desk.uow(), loan.loan_number)

    quote = repaid_early(desk, loan)
    paper = schedule_paper(desk.uow(), loan.loan_number)

    lines = servicing_schedule(desk.uow(), loan.loan_number)
    instalments = paper.schedule.instalments
    assert len(instalments) == len(lines) < len(signed.instalments)
    assert instalments[0] == signed.instalments[0]  # paid before, kept as it was
    new = quote.schedule.instalments
    assert [(i.period, i.due_date, i.principal, i.interest) for i in instalments[1:]] == [
        (i.period, i.due_date, i.principal, i.interest) for i in new
    ]
    assert instalments[-1].balance == 0
    assert paper.schedule.total_principal == loan.amount - Decimal("50000")
    printed = pdf_text([issue(desk.uow(), desk.liu, paper)], tmp_path)
    assert "提前还款后调整的还款计划（已提前归还本金50,000.00元）" in printed
    assert f"12个月（调整后共{len(instalments)}期）" in printed
    assert f"{new[0].payment:,.2f}" in printed
    assert f"合计{paper.schedule.total_payment:,.2f}{loan.amount - 50000:,.2f}" in printed
    assert new[-1].due_date.isoformat() in printed
    assert signed.instalments[-1].due_date.isoformat() not in printed
    assert f"{signed.total_payment:,.2f}" not in printed


def test_the_contract_annex_stays_the_schedule_as_signed(desk, loan, tmp_path):
    signed = loan_schedule(desk.uow(), loan.loan_number)
    before = issue(desk.uow(), desk.liu, loan_contract_paper(desk.uow(), loan.loan_number))

    repaid_early(desk, loan)
    contract = loan_contract_paper(desk.uow(), loan.loan_number)

    assert contract.schedule == signed
    printed = pdf_text([issue(desk.uow(), desk.liu, contract)], tmp_path)
    assert f"{signed.total_payment:,.2f}" in printed
    assert signed.instalments[-1].due_date.isoformat() in printed
    assert "提前还款后调整" not in printed
    assert verify_code(desk.uow(), before.verification_code).matches


def test_after_an_early_repayment_the_reminder_asks_for_the_new_instalment(desk, loan, tmp_path):
    signed = loan_schedule(desk.uow(), loan.loan_number).instalments
    quote = repaid_early(desk, loan)
    new_second = quote.schedule.instalments[0]
    as_of = desk.clock.today()

    paper = reminder_paper(desk.uow(), loan.loan_number, as_of)
    (batched,) = due_reminders(desk.uow(), as_of, 30)

    assert (paper.period, paper.due_date) == (2, signed[1].due_date)
    assert (paper.principal_due, paper.interest_due) == (new_second.principal, new_second.interest)
    assert paper.amount_due != signed[1].payment
    assert batched == paper
    printed = pdf_text([issue(desk.uow(), desk.liu, paper)], tmp_path)
    assert f"{new_second.payment:,.2f}" in printed
    assert f"{signed[1].payment:,.2f}" not in printed


def test_no_reminder_for_a_due_date_the_shorter_term_dropped(desk, loan):
    signed = loan_schedule(desk.uow(), loan.loan_number).instalments
    quote = repaid_early(desk, loan)
    new_last = quote.schedule.instalments[-1].due_date
    dropped = signed[len(quote.schedule.instalments) + 1].due_date
    assert dropped > new_last
    after_the_new_maturity = new_last + timedelta(days=1)

    window = (dropped - after_the_new_maturity).days
    assert due_reminders(desk.uow(), after_the_new_maturity, window) == []
    with pytest.raises(DomainError, match="没有到期的还款"):
        reminder_paper(desk.uow(), loan.loan_number, after_the_new_maturity)


def test_a_reminder_of_an_instalment_paid_in_part_asks_for_what_is_left(desk, loan, tmp_path):
    first = loan_schedule(desk.uow(), loan.loan_number).instalments[0]
    paid_on = first.due_date - timedelta(days=10)
    pay(desk, loan, "3000", paid_on, "HK-0100")

    paper = reminder_paper(desk.uow(), loan.loan_number, paid_on)
    (batched,) = due_reminders(desk.uow(), paid_on, 15)

    assert (paper.period, paper.due_date) == (1, first.due_date)
    assert paper.interest_due == 0  # interest is paid before principal
    assert paper.principal_due == first.principal - (Decimal("3000") - first.interest)
    assert paper.amount_due == first.payment - Decimal("3000")
    assert batched == paper
    printed = pdf_text([issue(desk.uow(), desk.liu, paper)], tmp_path)
    assert f"{first.payment - 3000:,.2f}" in printed
    # Paid in full ahead of its due date: the next instalment is the one to remind of.
    pay(desk, loan, first.payment - Decimal("3000"), paid_on, "HK-0101")
    assert reminder_paper(desk.uow(), loan.loan_number, paid_on).period == 2
    assert due_reminders(desk.uow(), paid_on, 15) == []


def test_a_schedule_issued_before_an_early_repayment_verifies_as_superseded(desk, loan):
    before = issue(desk.uow(), desk.liu, schedule_paper(desk.uow(), loan.loan_number))
    reminder = issue(
        desk.uow(), desk.liu, reminder_paper(desk.uow(), loan.loan_number, loan.start_date)
    )
    desk.clock.move(days=1)

    repaid_early(desk, loan)
    after = issue(desk.uow(), desk.liu, schedule_paper(desk.uow(), loan.loan_number))

    assert after.document_number != before.document_number
    old = verify_code(desk.uow(), before.verification_code)
    assert old.found and not old.matches
    assert "已被新的还款计划取代" in old.reason and "提前部分还款" in old.reason
    assert "回单号 TQ-0001" in old.summary
    new = verify_code(desk.uow(), after.verification_code)
    assert new.matches, new.summary
    # The reminder of instalment 1, now paid: superseded by that payment.
    reminded = verify_code(desk.uow(), reminder.verification_code)
    assert not reminded.matches and "正常还款" in reminded.reason
    assert "回单号 HK-0001" in reminded.reason


def test_an_overdue_notice_paid_since_verifies_as_superseded(desk, loan):
    first = loan_schedule(desk.uow(), loan.loan_number).instalments[0]
    as_of = first.due_date + timedelta(days=3)
    desk.clock.move(days=(as_of - desk.clock.today()).days)
    borrower, _guarantor = issue_all(
        desk.uow(), desk.liu, overdue_papers(desk.uow(), loan.loan_number, as_of)
    )
    assert verify_code(desk.uow(), borrower.verification_code).matches

    desk.clock.move(days=1)
    pay(desk, loan, "5000", desk.clock.today(), "HK-0300")

    result = verify_code(desk.uow(), borrower.verification_code)
    assert result.found and not result.matches
    assert "正常还款" in result.reason and "回单号 HK-0300" in result.reason
    assert "该逾期催收通知书出具后" in result.reason


def test_a_schedule_issued_before_any_repayment_still_matches_after_regular_ones(desk, loan):
    paper = schedule_paper(desk.uow(), loan.loan_number)
    assert paper.schedule == loan_schedule(desk.uow(), loan.loan_number)
    record = issue(desk.uow(), desk.liu, paper)
    first = loan_schedule(desk.uow(), loan.loan_number).instalments[0]

    pay(desk, loan, first.payment, first.due_date, "HK-0001")

    assert verify_code(desk.uow(), record.verification_code).matches


def test_without_a_servicing_account_papers_come_from_the_disbursement_schedule(desk, loan):
    """Loans disbursed before accounts were opened with the disbursement."""
    with desk.store.database.engine.begin() as c:
        for table in ("follow_up_tasks", "loan_schedule_lines", "loan_accounts"):
            c.execute(text(f"DELETE FROM {table}"))
    signed = loan_schedule(desk.uow(), loan.loan_number)

    assert schedule_paper(desk.uow(), loan.loan_number).schedule == signed
    reminder = reminder_paper(desk.uow(), loan.loan_number, loan.start_date)
    first = signed.instalments[0]
    assert (reminder.period, reminder.amount_due) == (1, first.payment)
    assert [p.period for p in due_reminders(desk.uow(), loan.start_date, 60)] == [1]


# --- penalty uplifts: as signed ----------------------------------------------------------------


def test_an_old_contract_keeps_the_uplifts_it_was_signed_with(desk, loan, tmp_path):
    from domain.catalogue import get_product, save_product

    signed = issue(desk.uow(), desk.liu, loan_contract_paper(desk.uow(), loan.loan_number))
    micro = get_product(desk.uow(), "micro")
    assert (micro.penalty_uplift, micro.misuse_penalty_uplift) == (Decimal("0.50"), Decimal("1.00"))

    save_product(
        desk.uow(),
        desk.admin,
        micro.replace(penalty_uplift=Decimal("0.30"), misuse_penalty_uplift=Decimal("0.60")),
    )

    contract = loan_contract_paper(desk.uow(), loan.loan_number)
    assert (contract.penalty_uplift, contract.misuse_penalty_uplift) == (
        Decimal("0.50"),
        Decimal("1.00"),
    )
    assert contract == replace(signed, document_number="")
    result = verify_code(desk.uow(), signed.verification_code)
    assert result.matches, result.summary
    printed = pdf_text([signed], tmp_path)
    assert "6.75%" in printed and "9.00%" in printed  # 4.50% × 150%, × 200%
    assert "5.85%" not in printed and "7.20%" not in printed
    # A loan disbursed after the change is signed with the new uplifts.
    later = loan_contract_paper(desk.uow(), disbursed(desk).loan_number)
    assert (later.penalty_uplift, later.misuse_penalty_uplift) == (
        Decimal("0.30"),
        Decimal("0.60"),
    )
