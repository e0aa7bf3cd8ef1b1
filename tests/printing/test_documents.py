"""Every document printed to PDF and read back: the content a bank, a court
or a customer relies on is there, on the page, and nowhere runs off it."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from domain.paperwork import (
    BankDetails,
    ChecklistEntry,
    EntrustedPayment,
    GuaranteeContractPaper,
    LoanContractPaper,
    NoticeRole,
    OverdueNotice,
    OwnPayment,
    Party,
    ReminderNotice,
    SchedulePaper,
    SignOffRecord,
    add_working_days,
)
from domain.schedule import (
    EarlyRepaymentOption,
    RepaymentMethod,
    Schedule,
    build_schedule,
    reschedule_after_prepayment,
)
from printing.guarantee_contract import render_guarantee_contract
from printing.layout import MARGIN_RIGHT, PAGE_WIDTH, PrintingCancelled
from printing.loan_contract import render_loan_contract
from printing.overdue_notice import render_overdue_notice, render_overdue_notices
from printing.reminder_notice import render_reminder, render_reminders
from printing.schedule_table import render_schedule
from printing.signoff_record import render_signoff_record
from printing.templates import TemplateError, chinese_date

BANK = BankDetails("示范农村商业银行", "城关支行", "江苏省某某县人民路88号", "0510-12345678")
BORROWER = Party("王小明", "320102198505150020", "13812345678", "江苏省某某县城关镇幸福路12号")
SPOUSE = Party("李小红", "320102198703120041", "13912345678", "江苏省某某县城关镇幸福路12号")
GUARANTOR = Party("张三", "320102197901010013", "13700001111", "江苏省某某县城关镇和平路5号")
START = date(2025, 7, 20)
PRICING = "1年期LPR(2025-05-20) 3.00% + 风险加点 1.35% = 4.35%"
CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")

# The worked example of domain.md: 100,000 over 12 months at 4.35%, equal instalments.
WORKED_EXAMPLE = build_schedule(
    Decimal("100000"), Decimal("4.35"), 12, START, RepaymentMethod.EQUAL_INSTALLMENT
)


# --- Reading the PDF back ---------------------------------------------------------


def page_texts(pdf: Path | bytes) -> list[str]:
    """Each page's text with all whitespace removed: wrapped Chinese lines
    come back with newlines where the line broke."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return ["".join(page.extract_text().split()) for page in PdfReader(source).pages]


def text_of(pdf: Path | bytes) -> str:
    return "".join(page_texts(pdf))


def assert_page_marks(pages: list[str], code: str, document_number: str) -> None:
    """第 i 页 共 N 页, the verification code and the number on every page."""
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in page
        assert f"验证码：{code}" in page
        assert document_number in page
        assert BANK.full_name in page


def nothing_in_right_margin(pdf: Path, tmp_path: Path) -> bool:
    """Renders every page and looks at the strip right of the text area: a
    word that runs off its box or off the page leaves ink there."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "page")], check=True)
    for image_path in sorted(tmp_path.glob("page-*.png")):
        image = Image.open(image_path).convert("L")
        scale = image.width / PAGE_WIDTH
        left = int((PAGE_WIDTH - MARGIN_RIGHT) * scale) + 3
        strip = image.crop((left, 0, image.width, image.height))
        if strip.getextrema()[0] < 200:
            return False
    return True


# --- The papers -------------------------------------------------------------------


def loan_contract(**changes) -> LoanContractPaper:
    paper = LoanContractPaper(
        document_number="WS2025-000001",
        contract_number="XW2025-000123",
        bank=BANK,
        borrower=BORROWER,
        spouse=SPOUSE,
        product_name="小微贷款",
        loan_type="个人经营性贷款",
        purpose="购买原材料（农资）",
        amount=Decimal("100000.00"),
        annual_rate=Decimal("4.35"),
        pricing_description=PRICING,
        term_months=12,
        start_date=START,
        maturity_date=date(2026, 7, 20),
        repayment_method=RepaymentMethod.EQUAL_INSTALLMENT.label,
        due_day=20,
        penalty_uplift=Decimal("0.50"),
        misuse_penalty_uplift=Decimal("1.00"),
        payment=EntrustedPayment(
            "某某县丰收农资有限公司", "3201 0000 1111 2222", "某某银行城南支行", Decimal("60000.00")
        ),
        repayment_account="6228 4801 2345 6789 012",
        guarantee_summary="自然人保证，保证人张三",
        schedule=WORKED_EXAMPLE,
    )
    return dataclasses.replace(paper, **changes)


def guarantee_contract(**changes) -> GuaranteeContractPaper:
    paper = GuaranteeContractPaper(
        document_number="BZ2025-000045",
        loan_contract_number="XW2025-000123",
        bank=BANK,
        guarantor=GUARANTOR,
        borrower=BORROWER,
        loan_type="个人经营性贷款",
        amount=Decimal("100000.00"),
        annual_rate=Decimal("4.35"),
        term_months=12,
        start_date=START,
        maturity_date=date(2026, 7, 20),
    )
    return dataclasses.replace(paper, **changes)


def reminder(number: int = 1, **changes) -> ReminderNotice:
    paper = ReminderNotice(
        document_number=f"TX2025-{number:06d}",
        bank=BANK,
        borrower=BORROWER,
        contract_number="XW2025-000123",
        period=1,
        due_date=date(2025, 8, 20),
        principal_due=Decimal("8168.49"),
        interest_due=Decimal("362.50"),
        repayment_account="6228 4801 2345 6789 012",
        issued_on=date(2025, 8, 13),
    )
    return dataclasses.replace(paper, **changes)


def overdue_notice(**changes) -> OverdueNotice:
    paper = OverdueNotice(
        document_number="CS2025-000007",
        bank=BANK,
        addressee=BORROWER,
        role=NoticeRole.BORROWER,
        borrower_name=BORROWER.name,
        contract_number="XW2025-000123",
        original_principal=Decimal("100000.00"),
        as_of=date(2025, 9, 26),
        outstanding_principal=Decimal("83633.41"),
        overdue_principal=Decimal("8227.82"),
        overdue_interest=Decimal("303.17"),
        penalty_interest=Decimal("18.53"),
        compound_interest=Decimal("0.68"),
        repayment_account="6228 4801 2345 6789 012",
    )
    return dataclasses.replace(paper, **changes)


def signoff_record(**changes) -> SignOffRecord:
    when = datetime(2025, 7, 18, 10, 5)
    paper = SignOffRecord(
        document_number="HQ2025-000031",
        bank=BANK,
        application_number="SQ2025-000218",
        borrower=BORROWER,
        product_name="小微贷款",
        amount=Decimal("100000.00"),
        term_months=12,
        items=[
            ChecklistEntry(
                "借款人身份证原件与本人核对一致", "赵客户经理", when, "联网核查结果 A-0193"
            ),
            ChecklistEntry("配偶到场同意并共同签字", "钱辅助", when, "面签录像 00:05:40", "已捺印"),
            ChecklistEntry("面签全程录音录像", "赵客户经理", when, "录像文件 REC-20250718-01"),
        ],
        officer="赵客户经理",
        assisting_officer="钱辅助",
        supervisor="孙主管",
        signed_off_at=datetime(2025, 7, 18, 16, 40),
        signoff_hash="9f2c41d0" * 8,
        supervisor_opinion="同意",
    )
    return dataclasses.replace(paper, **changes)


# --- Loan contract ----------------------------------------------------------------


def test_loan_contract_states_what_the_law_requires(tmp_path):
    paper = loan_contract()
    out = tmp_path / "contract.pdf"

    pages = render_loan_contract(paper, out)

    texts = page_texts(out)
    assert pages == len(texts) >= 3
    text = "".join(texts)
    for expected in (
        "借款合同",
        "XW2025-000123",
        "王小明",
        "320102198505150020",
        "李小红",
        "个人经营性贷款",
        "人民币",
        "购买原材料（农资）",
        "100,000.00",
        "人民币壹拾万元整",
        "4.35%",
        "".join(PRICING.split()),
        "12个月，自2025年7月20日起至2026年7月20日止",
        "等额本息",
        "受托支付",
        "某某县丰收农资有限公司",
        "人民币陆万元整",
        "不在借款本金中预先扣除利息",
        "上浮50%",
        "6.525%",
        "上浮100%",
        "8.70%",
        "复利",
        "提前还款",
        "诚信承诺",
        "违约责任",
        "人民法院提起诉讼",
        "借款人（签字并捺印）",
        "借款人配偶（签字并捺印）",
        "捺印处",
        "附件：还款计划表",
        "2,371.90",
    ):
        assert expected in text, expected
    assert_page_marks(texts, paper.verification_code, paper.document_number)


def test_loan_contract_without_spouse_and_with_own_payment(tmp_path):
    paper = loan_contract(spouse=None, payment=OwnPayment())
    out = tmp_path / "contract.pdf"

    render_loan_contract(paper, out)

    text = text_of(out)
    assert "自主支付" in text
    assert "受托支付" not in text
    assert "借款人配偶" not in text
    assert "夫妻共同债务" not in text


def test_long_names_and_addresses_wrap_inside_their_boxes(tmp_path):
    long_name = "欧阳" + "慕容司马上官诸葛东方" * 4
    long_address = "江苏省某某市某某县某某镇某某村" + "幸福大道东段一百二十八号院内" * 4
    borrower = dataclasses.replace(BORROWER, name=long_name, address=long_address)
    out = tmp_path / "contract.pdf"

    render_loan_contract(loan_contract(borrower=borrower), out)

    text = text_of(out)
    assert long_name in text
    assert long_address in text
    if shutil.which("pdftoppm"):
        assert nothing_in_right_margin(out, tmp_path)


def test_names_with_markup_characters_print_as_typed(tmp_path):
    borrower = dataclasses.replace(BORROWER, name="A&B<商行>")
    out = tmp_path / "contract.pdf"

    render_loan_contract(loan_contract(borrower=borrower, spouse=None), out)

    assert "A&B<商行>" in text_of(out)


def test_the_same_paper_gives_the_same_bytes():
    first, second = io.BytesIO(), io.BytesIO()

    render_loan_contract(loan_contract(), first)
    render_loan_contract(loan_contract(), second)

    assert first.getvalue() == second.getvalue()


# --- Guarantee contract -------------------------------------------------------------


def test_guarantee_contract_states_joint_and_several_liability(tmp_path):
    paper = guarantee_contract()
    out = tmp_path / "guarantee.pdf"

    pages = render_guarantee_contract(paper, out)

    texts = page_texts(out)
    assert pages == len(texts)
    text = "".join(texts)
    for expected in (
        "保证合同",
        "BZ2025-000045",
        "XW2025-000123",
        "张三",
        "320102197901010013",
        "王小明",
        "100,000.00",
        "人民币壹拾万元整",
        "本合同的保证方式为连带责任保证",
        "借款本金、利息、罚息、复利、损害赔偿金和实现债权的费用",
        "保证期间为主债务履行期限届满之日起六个月",
        "保证人（签字并捺印）",
    ):
        assert expected in text, expected
    assert_page_marks(texts, paper.verification_code, paper.document_number)


def test_guarantee_scope_and_period_are_the_papers(tmp_path):
    out = tmp_path / "guarantee.pdf"

    render_guarantee_contract(guarantee_contract(scope=("借款本金", "利息"), period_months=12), out)

    text = text_of(out)
    assert "主合同项下的借款本金和利息" in text
    assert "届满之日起十二个月" in text


# --- Repayment schedule -------------------------------------------------------------


def schedule_paper(schedule=WORKED_EXAMPLE, months=12) -> SchedulePaper:
    return SchedulePaper(
        document_number="JH2025-000001",
        bank=BANK,
        contract_number="XW2025-000123",
        borrower_name=BORROWER.name,
        amount=Decimal("100000.00"),
        annual_rate=Decimal("4.35"),
        term_months=months,
        repayment_method="等额本息",
        start_date=START,
        schedule=schedule,
    )


def test_schedule_has_every_instalment_and_the_column_totals(tmp_path):
    paper = schedule_paper()
    out = tmp_path / "schedule.pdf"

    pages = render_schedule(paper, out)

    texts = page_texts(out)
    assert pages == len(texts) == 1
    text = texts[0]
    assert "2025-08-20" in text and "2026-07-20" in text
    assert "8,530.99" in text and "8,531.01" in text
    assert "合计102,371.90100,000.002,371.90" in text
    assert_page_marks(texts, paper.verification_code, paper.document_number)


def test_a_long_schedule_repeats_its_header_row_on_every_page(tmp_path):
    long = build_schedule(
        Decimal("100000"), Decimal("4.35"), 60, START, RepaymentMethod.EQUAL_PRINCIPAL
    )
    out = tmp_path / "schedule.pdf"

    pages = render_schedule(schedule_paper(long, 60), out)

    texts = page_texts(out)
    assert pages == len(texts) > 1
    assert all("期次还款日应还本息应还本金应还利息剩余本金" in page for page in texts)
    assert "合计" in texts[-1]


def test_a_schedule_recomputed_after_an_early_repayment_says_so(tmp_path):
    # 30,000 repaid ahead after instalment 5, the term shortened: instalments
    # 1-5 as they were, then the recomputed ones.
    recomputed = reschedule_after_prepayment(
        WORKED_EXAMPLE,
        RepaymentMethod.EQUAL_INSTALLMENT,
        Decimal("4.35"),
        5,
        Decimal("30000"),
        EarlyRepaymentOption.SHORTEN_TERM,
    )
    adjusted = Schedule(WORKED_EXAMPLE.instalments[:5] + recomputed.instalments)
    paper = schedule_paper(adjusted)
    out = tmp_path / "adjusted.pdf"

    assert render_schedule(paper, out) == 1

    text = text_of(out)
    count = len(adjusted.instalments)
    assert count < 12
    for expected in (
        "提前还款后调整的还款计划（已提前归还本金30,000.00元）",
        f"12个月（调整后共{count}期）",
        "提前还本计划还本",
        "30,000.00元70,000.00元",
        chinese_date(recomputed.instalments[-1].due_date),
        f"合计{adjusted.total_payment:,.2f}70,000.00{adjusted.total_interest:,.2f}",
        "自出具之日起取代此前出具的还款计划",
        "加上已提前归还的本金30,000.00元，等于借款金额100,000.00元",
        "已核对上述提前还款后调整的还款计划",
    ):
        assert expected in text, expected
    assert f"{recomputed.instalments[0].payment:,.2f}" in text
    assert nothing_in_right_margin(out, tmp_path)
    plain = tmp_path / "plain.pdf"
    render_schedule(schedule_paper(), plain)
    assert "提前还款后调整" not in text_of(plain) and "提前还本" not in text_of(plain)


# --- Reminder notices -----------------------------------------------------------------


def test_reminder_notice_says_what_is_due_and_where_to_pay(tmp_path):
    paper = reminder()
    out = tmp_path / "reminder.pdf"

    assert render_reminder(paper, out) == 1

    texts = page_texts(out)
    text = texts[0]
    for expected in (
        "还款提醒通知书",
        "王小明",
        "XW2025-000123",
        "2025年8月20日",
        "8,168.49",
        "362.50",
        "8,530.99",
        "人民币捌仟伍佰叁拾元玖角玖分",
        "6228480123456789012",
    ):
        assert expected in text, expected
    assert_page_marks(texts, paper.verification_code, paper.document_number)


def test_a_batch_of_reminders_is_one_pdf_in_the_given_order(tmp_path):
    papers = [
        reminder(n, borrower=dataclasses.replace(BORROWER, name=f"客户{n}号")) for n in range(50)
    ]
    reported = []
    out = tmp_path / "reminders.pdf"

    pages = render_reminders(papers, out, progress=lambda done, total: reported.append(done))

    texts = page_texts(out)
    assert pages == len(texts) == 50
    for paper, text in zip(papers, texts, strict=True):
        assert paper.document_number in text
        assert f"{paper.borrower.name}：" in text
        assert "第1页共1页" in text
        assert f"验证码：{paper.verification_code}" in text
    assert reported == sorted(reported)
    assert reported[-1] == 50


def test_cancelling_a_batch_stops_it_and_writes_nothing(tmp_path):
    papers = [reminder(n) for n in range(50)]
    reported = []
    out = tmp_path / "reminders.pdf"
    stream = io.BytesIO()

    def cancel_after_twenty() -> bool:
        return len(reported) >= 20

    with pytest.raises(PrintingCancelled) as stopped:
        render_reminders(
            papers, out, lambda done, total: reported.append(done), cancel_after_twenty
        )
    assert stopped.value.done == 20 and stopped.value.total == 50
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []

    reported.clear()
    with pytest.raises(PrintingCancelled):
        render_reminders(
            papers, stream, lambda done, total: reported.append(done), cancel_after_twenty
        )
    assert stream.getvalue() == b""


def test_an_empty_batch_prints_nothing(tmp_path):
    stream = io.BytesIO()

    assert render_reminders([], stream) == 0
    assert render_reminders([], tmp_path / "none.pdf") == 0
    assert stream.getvalue() == b""
    assert list(tmp_path.iterdir()) == []


# --- Overdue notices --------------------------------------------------------------------


def test_overdue_notice_to_the_borrower(tmp_path):
    paper = overdue_notice()
    out = tmp_path / "overdue.pdf"

    pages = render_overdue_notice(paper, out)

    texts = page_texts(out)
    assert pages == len(texts) == 1
    text = texts[0]
    for expected in (
        "逾期催收通知书",
        "王小明（借款人）",
        "XW2025-000123",
        "100,000.00",  # original principal
        "2025年9月26日",
        "83,633.41",  # outstanding
        "8,227.82",  # overdue principal
        "303.17",
        "18.53",  # penalty interest
        "0.68",  # compound interest
        "8,550.20",  # total overdue
        "人民币捌仟伍佰伍拾元贰角整",
        "请于2025年10月3日前",  # five working days after Friday 26 September
        "金融信用信息基础数据库",
        "征信",
        "一式三份（借款人、保证人、存档各一份）",
        "沿此线剪下",
        "回执",
        "签收人（借款人）（签字并捺印）",
    ):
        assert expected in text, expected
    assert_page_marks(texts, paper.verification_code, paper.document_number)


def test_overdue_notice_to_a_guarantor_names_his_contract(tmp_path):
    paper = overdue_notice(
        document_number="CS2025-000008",
        addressee=GUARANTOR,
        role=NoticeRole.GUARANTOR,
        guarantee_contract_number="BZ2025-000045",
    )
    out = tmp_path / "overdue.pdf"

    render_overdue_notice(paper, out)

    text = text_of(out)
    assert "张三（保证人）" in text
    assert "借款人王小明" in text
    assert "连带责任保证人" in text
    assert "BZ2025-000045" in text
    assert "签收人（保证人）" in text


def test_overdue_notices_for_borrower_and_guarantors_in_one_pdf(tmp_path):
    papers = [
        overdue_notice(),
        overdue_notice(
            document_number="CS2025-000008",
            addressee=GUARANTOR,
            role=NoticeRole.GUARANTOR,
            guarantee_contract_number="BZ2025-000045",
        ),
    ]
    out = tmp_path / "overdue.pdf"

    pages = render_overdue_notices(papers, out)

    texts = page_texts(out)
    assert pages == len(texts) == 2
    assert "王小明（借款人）" in texts[0] and "张三（保证人）" in texts[1]
    assert all("第1页共1页" in text for text in texts)


# --- Checklist and sign-off record --------------------------------------------------------


def test_signoff_record_shows_who_checked_what_and_who_confirmed(tmp_path):
    paper = signoff_record()
    out = tmp_path / "signoff.pdf"

    pages = render_signoff_record(paper, out)

    texts = page_texts(out)
    assert pages == len(texts)
    text = "".join(texts)
    for expected in (
        "面谈面签核查及合规确认记录",
        "SQ2025-000218",
        "王小明",
        "3201**********0020",
        "借款人身份证原件与本人核对一致",
        "联网核查结果A-0193",
        "赵客户经理",
        "钱辅助",
        "孙主管",
        "2025年7月18日16:40",
        "9f2c41d0" * 8,
        "主管意见：同意",
    ):
        assert expected in text, expected
    assert "320102198505150020" not in text
    assert_page_marks(texts, paper.verification_code, paper.document_number)


# --- Fingerprints and verification codes ------------------------------------------------------


def _changed(value):
    if isinstance(value, str):
        return value + "改"
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | Decimal):
        return value + 1
    if isinstance(value, date):
        return value.replace(day=value.day % 28 + 1)
    if isinstance(value, Party):
        return dataclasses.replace(value, phone=value.phone + "9")
    if isinstance(value, BankDetails):
        return dataclasses.replace(value, phone="0510-00000000")
    raise AssertionError(f"no change for {value!r}")


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(ReminderNotice)])
def test_any_changed_field_changes_the_fingerprint(field):
    paper = reminder()
    changed = dataclasses.replace(paper, **{field: _changed(getattr(paper, field))})

    assert changed.fingerprint() != paper.fingerprint()
    assert changed.verification_code != paper.verification_code


def test_a_changed_instalment_changes_the_contracts_fingerprint():
    other = build_schedule(
        Decimal("100000"), Decimal("4.35"), 12, START, RepaymentMethod.EQUAL_PRINCIPAL
    )

    assert loan_contract(schedule=other).fingerprint() != loan_contract().fingerprint()


def test_equal_content_gives_the_same_code():
    first = reminder()
    second = reminder(
        principal_due=Decimal("8168.490"), borrower=Party(*dataclasses.astuple(BORROWER))
    )

    assert first == second
    assert first.fingerprint() == second.fingerprint()
    assert first.verification_code == second.verification_code
    assert CODE.fullmatch(first.verification_code)


def test_papers_of_different_kinds_never_share_a_fingerprint():
    assert overdue_notice().fingerprint() != overdue_notice(role=NoticeRole.GUARANTOR).fingerprint()
    assert len({loan_contract().fingerprint(), guarantee_contract().fingerprint()}) == 2


# --- Deadlines -------------------------------------------------------------------------------


def test_working_days_skip_weekends_and_holidays():
    friday = date(2025, 9, 26)

    assert add_working_days(friday, 1) == date(2025, 9, 29)
    assert add_working_days(friday, 5) == date(2025, 10, 3)
    national_day = {date(2025, 10, d) for d in range(1, 9)}
    assert add_working_days(friday, 5, national_day) == date(2025, 10, 13)
    assert add_working_days(friday, 0) == friday


def test_overdue_deadline_defaults_to_five_working_days_and_can_be_given():
    assert overdue_notice().deadline == date(2025, 10, 3)
    assert overdue_notice(deadline=date(2025, 10, 13)).deadline == date(2025, 10, 13)


# --- Templates ----------------------------------------------------------------------------------


def test_a_banks_own_wording_overrides_the_shipped_template(tmp_path):
    own = tmp_path / "templates"
    own.mkdir()
    (own / "reminder_notice.toml").write_text(
        'title = "贷款到期还款提示函"\nclosing = ["请按时还款，珍惜信用。"]\n', encoding="utf-8"
    )
    out = tmp_path / "reminder.pdf"

    render_reminder(reminder(), out, templates_dir=own)

    text = text_of(out)
    assert "贷款到期还款提示函" in text
    assert "请按时还款，珍惜信用。" in text
    assert "人民币捌仟伍佰叁拾元玖角玖分" in text  # the rest is the shipped wording


def test_an_unknown_placeholder_is_named_for_the_administrator(tmp_path):
    own = tmp_path / "templates"
    own.mkdir()
    (own / "reminder_notice.toml").write_text('salutation = "{customer}："\n', encoding="utf-8")

    with pytest.raises(TemplateError, match=r"\{customer\}"):
        render_reminder(reminder(), io.BytesIO(), templates_dir=own)


def test_text_misplaced_under_a_clause_is_pointed_out(tmp_path):
    own = tmp_path / "templates"
    own.mkdir()
    (own / "guarantee_contract.toml").write_text(
        '[[clauses]]\nheading = "保证方式"\nparagraphs = ["连带责任保证"]\nreminder = "提示"\n',
        encoding="utf-8",
    )

    with pytest.raises(TemplateError, match="reminder"):
        render_guarantee_contract(guarantee_contract(), io.BytesIO(), templates_dir=own)
