"""Intake, stored: customers, the notice list, applications and search, on
SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest

from domain import accounts
from domain.analysis import (
    AnalysisSheet,
    BalanceSheet,
    EquityReconciliation,
    Household,
    MonthlyProfitAndLoss,
    SalesEvidence,
)
from domain.applications import (
    ApplicationDraft,
    ApplicationState,
    Collateral,
    GroupMember,
    GuaranteeCompany,
    Guarantor,
    Investigation,
    SubmissionRefused,
    add_attachment,
    applications_by_state,
    get_application,
    list_attachments,
    live_eligibility,
    read_attachment,
    save_draft,
    submit_application,
)
from domain.blacklist import (
    Blacklisted,
    add_to_blacklist,
    blacklist_hits,
    ensure_not_blacklisted,
    import_blacklist_csv,
    lift_from_blacklist,
)
from domain.customers import (
    BusinessDraft,
    CustomerDraft,
    CustomerExists,
    FormErrors,
    find_customer_by_id_number,
    get_customer,
    register_customer,
    save_business,
    update_customer,
)
from domain.errors import ConcurrencyConflict, DomainError, PermissionDenied
from domain.identity import id_check_digit, uscc_check_char
from domain.search import ApplicationOrder, search_applications, search_customers

PASSWORD = "secret123"


def rid(order: int, born: str = "19850515", region: str = "320124") -> str:
    first_17 = f"{region}{born}{order:03d}"
    return first_17 + id_check_digit(first_17)


def masked(number: str) -> str:
    return number[:4] + "*" * 10 + number[-4:]


@pytest.fixture
def admin(store):
    return accounts.create_first_administrator(store.uow(), "admin", "张管理", PASSWORD)


@pytest.fixture
def officer(store, admin):
    return accounts.add_user(
        store.uow(), admin, "li", "李信贷", ["loan_officer", "assisting_officer"], PASSWORD
    )


@pytest.fixture
def assistant(store, admin):
    return accounts.add_user(store.uow(), admin, "wang", "王辅助", ["assisting_officer"], PASSWORD)


@pytest.fixture
def supervisor(store, admin):
    return accounts.add_user(store.uow(), admin, "chen", "陈主管", ["supervisor"], PASSWORD)


def customer_draft(order: int = 1, name: str = "张三", **changes) -> CustomerDraft:
    values = {
        "name": name,
        "id_number": rid(order),
        "phone": f"138{order:08d}",
        "address": "江苏省南京市溧水区永阳街道中山路1号",
        "marital_status": "已婚",
        "spouse_name": "李四",
        "spouse_id_number": rid(order + 500),
    }
    return CustomerDraft(**{**values, **changes})


@pytest.fixture
def borrower(store, officer, assistant):
    return register_customer(store.uow(), officer, customer_draft())


@pytest.fixture
def business(store, officer, borrower):
    draft = BusinessDraft(
        name="张记杂货店",
        industry="零售",
        operating_since=date.today() - timedelta(days=3 * 365),
        premises="自有",
        employees=2,
        marketing_area="永阳片区",
    )
    return save_business(store.uow(), officer, borrower.id, draft)


def complete_analysis() -> dict:
    return AnalysisSheet(
        balance_sheet=BalanceSheet(cash=Decimal("20000"), inventory=Decimal("150000")),
        profit_and_loss=MonthlyProfitAndLoss(
            sales=Decimal("60000"), gross_margin_percent=Decimal("20")
        ),
        household=Household(living=Decimal("3000")),
        equity=EquityReconciliation(initial_equity=Decimal("100000"), months=12),
        sales_evidence=SalesEvidence(monthly_purchases=Decimal("48000")),
        proposed_instalment=Decimal("13000.00"),
    ).to_dict()


def guarantor(order: int = 7, name: str = "孙七") -> Guarantor:
    return Guarantor(name, rid(order), f"139{order:08d}", "朋友", "8000", "县医院")


def full_draft(borrower, business, **changes) -> ApplicationDraft:
    values = {
        "customer_id": borrower.id,
        "product_code": "micro",
        "business_id": business.id,
        "amount": "15万",
        "months": 12,
        "purpose": "进货周转",
        "repayment_method": "等额本息",
        "due_day": 20,
        "guarantee_type": "natural-person",
        "assisting_officer": "wang",
        "guarantors": [guarantor()],
        "investigation": Investigation(date.today(), "li", "wang", "两人实地查看门店"),
        "analysis": complete_analysis(),
    }
    return ApplicationDraft(**{**values, **changes})


# --- customers ----------------------------------------------------------------------


def test_register_and_find_by_id_number_as_typed(store, borrower):
    typed = " ".join([rid(1)[:6], rid(1)[6:14], rid(1)[14:].lower()])

    found = find_customer_by_id_number(store.uow(), typed)

    assert found == borrower
    assert found.spouse_id_number == rid(501)
    assert found.version == 1 and found.created_by == "li"


def test_duplicate_id_number_opens_the_existing_customer(store, officer, borrower):
    with pytest.raises(CustomerExists) as caught:
        register_customer(store.uow(), officer, customer_draft(name="张叁", phone="13900000000"))

    assert caught.value.existing.id == borrower.id
    assert caught.value.existing.name == "张三"
    assert str(caught.value) == "该身份证号码已登记为客户 张三，已为您打开该客户"
    assert search_customers(store.uow(), "张") == search_customers(store.uow(), "张三")
    assert len(search_customers(store.uow(), "")) == 1


def test_married_without_spouse_is_refused_and_nothing_saved(store, officer):
    with pytest.raises(FormErrors) as caught:
        register_customer(store.uow(), officer, customer_draft(spouse_name="", spouse_id_number=""))

    assert set(caught.value.problems) == {"spouse_name", "spouse_id_number"}
    assert search_customers(store.uow(), "") == []


def test_editing_a_stale_copy_is_a_conflict(store, officer, borrower):
    first = update_customer(
        store.uow(), officer, borrower.id, customer_draft(phone="13911112222"), version=1
    )
    assert first.version == 2

    with pytest.raises(ConcurrencyConflict):
        update_customer(
            store.uow(), officer, borrower.id, customer_draft(address="另一个地址"), version=1
        )
    assert get_customer(store.uow(), borrower.id).phone == "13911112222"


def test_id_number_cannot_be_corrected_to_another_customers(store, officer, borrower):
    other = register_customer(store.uow(), officer, customer_draft(2, "赵二"))

    with pytest.raises(CustomerExists) as caught:
        update_customer(store.uow(), officer, other.id, customer_draft(1, "赵二"), version=1)

    assert caught.value.existing.id == borrower.id


def test_business_saved_and_edited_with_its_version(store, officer, borrower, business):
    edited = business.draft()
    edited.employees = 5

    saved = save_business(
        store.uow(), officer, borrower.id, edited, business_id=business.id, version=1
    )

    assert saved.employees == 5 and saved.version == 2
    with pytest.raises(ConcurrencyConflict):
        save_business(store.uow(), officer, borrower.id, edited, business_id=business.id, version=1)


# --- the notice list -------------------------------------------------------------------


def test_csv_import_reports_every_line(store, supervisor):
    text = (
        "身份证号码,姓名,原因,来源\n"
        f"{rid(5)},王五,贷款逾期超过90天未还,县联社通报2026年第3期\n"
        "320124198505150,坏号,虚假材料,县联社\n"
        f"{rid(6)},赵六,,县联社\n"
        f"{rid(5)},王五,重复一行,县联社\n"
        "\n"
        f"{rid(8).lower()},钱八,恶意逃废债务,\n"
    )

    report = import_blacklist_csv(store.uow(), supervisor, text)

    assert [(r.line_no, r.id_number, r.accepted) for r in report.rows] == [
        (2, masked(rid(5)), True),
        (3, "320*********150", False),
        (4, masked(rid(6)), False),
        (5, masked(rid(5)), False),
        (7, masked(rid(8)), True),
    ]
    messages = [r.message for r in report.rows]
    assert messages[0] == "已加入名单"
    assert "15位" in messages[1]
    assert messages[2] == "请填写列入原因"
    assert messages[3] == "与第 2 行身份证号码重复，已按第 2 行处理"
    assert report.summary == "共 5 行：接受 2 行，拒绝 3 行。"
    hits = blacklist_hits(store.uow(), [rid(5), rid(8), rid(6)])
    assert [(h.name, h.reason, h.source) for h in hits] == [
        ("王五", "贷款逾期超过90天未还", "县联社通报2026年第3期"),
        ("钱八", "恶意逃废债务", ""),
    ]


def test_reimport_renews_changed_entries_and_relists_lifted_ones(store, supervisor, tmp_path):
    first = (
        "id_number,name,reason,source\n" + f"{rid(5)},王五,逾期,第3期\n{rid(8)},钱八,逃债,第3期\n"
    )
    import_blacklist_csv(store.uow(), supervisor, first)
    lift_from_blacklist(store.uow(), supervisor, rid(8), version=1, reason="已结清欠款")
    again = tmp_path / "通报.csv"
    again.write_bytes(
        (f"身份证号码,姓名,原因,来源\n{rid(5)},王五,逾期,第3期\n{rid(8)},钱八,逃债,第4期\n").encode(
            "gb18030"
        )
    )

    report = import_blacklist_csv(store.uow(), supervisor, again)

    assert [r.message for r in report.rows] == [
        "已在名单中，内容相同，未改动",
        "曾被移出名单，已按本文件重新列入",
    ]
    assert [h.source for h in blacklist_hits(store.uow(), [rid(8)])] == ["第4期"]


def test_lifting_keeps_its_reason_in_the_audit_trail(store, supervisor):
    listed = add_to_blacklist(store.uow(), supervisor, rid(8), "钱八", "恶意逃废债务")

    with pytest.raises(FormErrors) as caught:
        lift_from_blacklist(store.uow(), supervisor, rid(8), version=listed.version, reason="")
    assert caught.value.problems == {"reason": "请填写移出原因"}
    assert [e.name for e in blacklist_hits(store.uow(), [rid(8)])] == ["钱八"]

    lifted = lift_from_blacklist(
        store.uow(), supervisor, rid(8), version=listed.version, reason="法院调解后已结清"
    )

    assert not lifted.active and blacklist_hits(store.uow(), [rid(8)]) == []
    with store.uow() as uow:
        events = [e for e in uow.audit.page(limit=5) if e.action == "lift_blacklist"]
    assert [(e.entity, e.entity_id, e.actor) for e in events] == [
        ("blacklist", str(lifted.id), "chen")
    ]
    assert events[0].after == {"reason": "法院调解后已结清"}


def test_a_header_without_reason_is_refused_whole(store, supervisor):
    with pytest.raises(DomainError, match="表头缺少“原因”列"):
        import_blacklist_csv(store.uow(), supervisor, f"身份证号码,姓名\n{rid(5)},王五\n")


def test_only_supervisors_and_administrators_keep_the_list(store, officer):
    with pytest.raises(PermissionDenied):
        add_to_blacklist(store.uow(), officer, rid(5), "王五", "逾期")


def test_blacklisted_guarantor_stops_the_application_with_the_reason(
    store, officer, supervisor, borrower, business
):
    add_to_blacklist(store.uow(), supervisor, rid(5), "王五", "贷款逾期未还", "县联社通报第3期")

    with pytest.raises(Blacklisted) as caught:
        save_draft(
            store.uow(),
            officer,
            full_draft(borrower, business, guarantors=[guarantor(5, "王五")]),
        )

    assert str(caught.value) == (
        f"保证人 王五（{masked(rid(5))}）在违约信息通报名单中：贷款逾期未还（来源：县联社通报第3期）。"
        "请更换相关保证人或联保成员后再保存。"
    )
    assert search_applications(store.uow()) == []


def test_borrower_listed_after_the_draft_is_stopped_at_submission(
    store, officer, supervisor, borrower, business
):
    application = save_draft(store.uow(), officer, full_draft(borrower, business))
    add_to_blacklist(store.uow(), supervisor, rid(1), "张三", "恶意逃废债务")

    with pytest.raises(Blacklisted, match=r"借款人 张三.*恶意逃废债务。该申请不能受理。"):
        submit_application(
            store.uow(), officer, application.application_number, application.version
        )
    assert get_application(store.uow(), application.application_number).state is (
        ApplicationState.DRAFT
    )


def test_spouse_and_group_members_are_checked_too(store, supervisor):
    add_to_blacklist(store.uow(), supervisor, rid(501), "李四", "担保代偿未还")

    with pytest.raises(Blacklisted) as caught:
        ensure_not_blacklisted(
            store.uow(), [("借款人", "张三", rid(1)), ("配偶", "李四", rid(501).lower())]
        )

    assert [hit.role_label for hit in caught.value.hits] == ["配偶"]


# --- drafts ------------------------------------------------------------------------------


def test_an_incomplete_draft_is_saved_and_resumed(store, officer, borrower, business):
    first = save_draft(
        store.uow(),
        officer,
        ApplicationDraft(customer_id=borrower.id, product_code="micro", amount="8万"),
    )
    assert re.fullmatch(rf"XW{date.today():%Y%m%d}-0001", first.application_number)
    assert first.state is ApplicationState.DRAFT and first.officer == "li"
    assert first.amount == Decimal("80000.00") and first.months is None

    resumed = get_application(store.uow(), first.application_number).draft()
    resumed.business_id = business.id
    resumed.guarantors = [guarantor(), guarantor(9, "周九")]
    resumed.collaterals = [
        Collateral("房产", "苏（2020）溧水区不动产权第0000001号", "张三", "50万")
    ]
    second = save_draft(store.uow(), officer, resumed)

    stored = get_application(store.uow(), first.application_number)
    assert stored.version == second.version == 2
    assert [g.name for g in stored.guarantors] == ["孙七", "周九"]
    assert stored.guarantors[0].monthly_income == Decimal("8000.00")
    assert stored.collaterals[0].appraised_value == Decimal("500000.00")
    assert stored.loan_to_value == Decimal("0.1600")

    fewer = stored.draft()
    fewer.guarantors = fewer.guarantors[1:]
    third = save_draft(store.uow(), officer, fewer)
    assert [g.name for g in third.guarantors] == ["周九"] and third.version == 3


def test_numbers_follow_the_days_sequence_per_product(store, officer, borrower):
    numbers = [
        save_draft(
            store.uow(), officer, ApplicationDraft(customer_id=borrower.id, product_code=code)
        ).application_number
        for code in ("micro", "micro", "joint-group")
    ]

    day = f"{date.today():%Y%m%d}"
    assert numbers == [f"XW{day}-0001", f"XW{day}-0002", f"LB{day}-0001"]


def test_a_stale_draft_is_a_conflict(store, officer, borrower, business):
    application = save_draft(store.uow(), officer, full_draft(borrower, business))
    mine, theirs = application.draft(), application.draft()
    theirs.guarantors = [guarantor(9, "周九")]  # only a guarantor changes
    save_draft(store.uow(), officer, theirs)

    mine.purpose = "购置设备"
    with pytest.raises(ConcurrencyConflict, match="已被其他人修改"):
        save_draft(store.uow(), officer, mine)


def test_assisting_officer_must_be_another_person(store, officer, borrower, business):
    with pytest.raises(FormErrors) as caught:
        save_draft(store.uow(), officer, full_draft(borrower, business, assisting_officer="li"))

    assert list(caught.value.problems) == ["assisting_officer"]
    assert "同一人" in caught.value.problems["assisting_officer"]


def test_the_borrowers_household_cannot_guarantee_itself(store, officer, borrower, business):
    with pytest.raises(FormErrors) as caught:
        save_draft(
            store.uow(),
            officer,
            full_draft(
                borrower,
                business,
                guarantors=[guarantor(1, "张三")],
                group_members=[GroupMember("李四", rid(501))],
            ),
        )

    assert set(caught.value.problems) == {"guarantors.0.id_number", "group_members.0.id_number"}


def test_draft_problems_are_listed_per_field(store, officer, borrower, business):
    with pytest.raises(FormErrors) as caught:
        save_draft(
            store.uow(),
            officer,
            full_draft(
                borrower,
                business,
                amount="十万",
                months="0",
                guarantors=[guarantor(), Guarantor("", "123")],
                investigation=Investigation(date.today(), "wang", "wang"),
            ),
        )

    assert set(caught.value.problems) == {
        "amount",
        "months",
        "guarantors.1.name",
        "guarantors.1.id_number",
        "investigation.assisting_officer",
    }
    assert caught.value.problems["guarantors.1.name"] == "第 2 位保证人：请填写姓名"


def test_live_eligibility_counts_months_in_business_and_loan_to_value(store, officer, borrower):
    young = save_business(
        store.uow(),
        officer,
        borrower.id,
        BusinessDraft("新开的店", "", "零售", date.today() - timedelta(days=150), "租赁", 0),
    )

    breaches = live_eligibility(store.uow(), full_draft(borrower, young))
    assert [b.rule for b in breaches] == ["months-in-business-above-threshold"]

    mortgage = full_draft(
        borrower,
        young,
        product_code="quick-mortgage",
        amount="8万",
        guarantee_type="collateral",
        collaterals=[Collateral("房产", "苏（2020）第1号", "张三", "10万")],
    )
    assert [b.rule for b in live_eligibility(store.uow(), mortgage)] == ["loan-to-value"]
    assert [
        b.field for b in live_eligibility(store.uow(), full_draft(borrower, young, months=None))
    ] == ["months"]


# --- submission ----------------------------------------------------------------------------


def test_submit_refused_lists_everything_missing(store, officer, borrower, business):
    application = save_draft(
        store.uow(),
        officer,
        full_draft(
            borrower,
            business,
            amount="60万",
            purpose="",
            guarantors=[],
            investigation=None,
            analysis={"balance_sheet": {"cash": "1000"}},
        ),
    )

    with pytest.raises(SubmissionRefused) as caught:
        submit_application(
            store.uow(), officer, application.application_number, application.version
        )

    missing = caught.value.missing
    assert "请填写借款用途" in missing
    assert any("超过本产品上限" in m for m in missing)
    assert "自然人保证须至少录入一位保证人" in missing
    assert any(m.startswith("尚未录入实地调查") for m in missing)
    assert "经营分析：月度损益表未填写" in missing
    assert str(caught.value).startswith(f"申请 {application.application_number} 还不能提交")
    stored = get_application(store.uow(), application.application_number)
    assert stored.state is ApplicationState.DRAFT and stored.version == application.version


def test_submit_succeeds_when_complete(store, officer, assistant, borrower, business):
    application = save_draft(store.uow(), officer, full_draft(borrower, business))

    submitted = submit_application(
        store.uow(), assistant, application.application_number, application.version
    )

    assert submitted.state is ApplicationState.SUBMITTED
    assert submitted.submitted_at is not None and submitted.version == application.version + 1
    with pytest.raises(DomainError, match="已提交，不能再修改"):
        save_draft(store.uow(), officer, submitted.draft())
    counts = {c.state: (c.count, c.example) for c in applications_by_state(store.uow())}
    assert counts[ApplicationState.SUBMITTED] == (1, application.application_number)
    assert counts[ApplicationState.DRAFT] == (0, None)
    with store.uow() as uow:
        assert uow.audit.page(limit=1)[0].action == "submit_application"


def company_code(body: str = "MA1XY223P") -> str:
    first_17 = "91320117" + body
    return first_17 + uscc_check_char(first_17)


def company_draft(borrower, business, company: GuaranteeCompany | None, **changes):
    return full_draft(
        borrower,
        business,
        product_code="guarantee-company",
        guarantee_type="guarantee-company",
        guarantors=[],
        guarantee_company=company,
        **changes,
    )


def test_the_guarantee_company_is_stored_and_read_back(store, officer, borrower, business):
    typed = GuaranteeCompany("溧水区融资担保有限公司", company_code().lower(), "12,345,678.91")
    saved = save_draft(
        store.uow(), officer, company_draft(borrower, business, typed, amount="200万")
    )

    stored = get_application(store.uow(), saved.application_number)
    assert stored.guarantee_company == GuaranteeCompany(
        "溧水区融资担保有限公司", company_code(), Decimal("12345678.91")
    )
    assert stored.application_number.startswith("DB")

    # A guarantee type without a company clears the company's columns.
    changed = stored.draft()
    changed.product_code, changed.guarantee_type = "trade-chain", "natural-person"
    changed.guarantors = [guarantor()]
    save_draft(store.uow(), officer, changed)
    assert get_application(store.uow(), saved.application_number).guarantee_company is None


def test_submission_needs_the_whole_company_within_the_loan(
    store, officer, assistant, borrower, business
):
    partial = GuaranteeCompany("溧水区融资担保有限公司", "", "20万")
    application = save_draft(store.uow(), officer, company_draft(borrower, business, partial))
    assert get_application(store.uow(), application.application_number).guarantee_company == (
        GuaranteeCompany("溧水区融资担保有限公司", "", Decimal("200000.00"))
    )

    with pytest.raises(SubmissionRefused) as caught:
        submit_application(
            store.uow(), officer, application.application_number, application.version
        )
    assert caught.value.missing == [
        "担保公司保证须填写担保公司的统一社会信用代码（18位，见营业执照）",
        "担保金额 200,000.00 元超过申请金额 150,000.00 元：担保公司只能为全部或部分借款提供保证，"
        "请改为不超过申请金额",
    ]

    whole = GuaranteeCompany("溧水区融资担保有限公司", company_code(), "15万")
    draft = company_draft(borrower, business, whole)
    draft.application_number, draft.version = application.application_number, application.version
    again = save_draft(store.uow(), officer, draft)
    submitted = submit_application(store.uow(), assistant, again.application_number, again.version)
    assert submitted.state is ApplicationState.SUBMITTED
    assert submitted.guarantee_company.amount == Decimal("150000.00")


def test_only_the_applications_officers_may_submit(store, admin, officer, borrower, business):
    other = accounts.add_user(store.uow(), admin, "zhou", "周信贷", ["loan_officer"], PASSWORD)
    application = save_draft(store.uow(), officer, full_draft(borrower, business))

    with pytest.raises(PermissionDenied, match="只有主办或辅助信贷员可以提交"):
        submit_application(store.uow(), other, application.application_number, 1)


def test_joint_group_counts_the_borrowers_household(store, officer, borrower, business):
    members = [GroupMember(f"成员{i}", rid(10 + i), "杂货店") for i in range(2)]
    draft = full_draft(
        borrower,
        business,
        product_code="joint-group",
        amount="10万",
        guarantee_type="joint-group",
        guarantors=[],
        group_members=members,
    )

    assert live_eligibility(store.uow(), draft) == []  # 3 households
    draft.group_members = members[:1]
    assert [b.rule for b in live_eligibility(store.uow(), draft)] == ["group-size"]


# --- attachments ---------------------------------------------------------------------------


def test_a_too_large_attachment_is_refused_with_nothing_saved(store, officer, borrower, business):
    application = save_draft(store.uow(), officer, full_draft(borrower, business))
    big = b"\0" * (12 * 1024 * 1024 + 300 * 1024)

    with pytest.raises(DomainError) as caught:
        add_attachment(store.uow(), officer, application.application_number, "门店照片.zip", big)

    assert str(caught.value) == "文件 门店照片.zip 大小 12.3 MB，超过上限 10 MB，请压缩后再上传"
    assert list_attachments(store.uow(), application.application_number) == []


def test_attachments_are_kept_and_read_back(store, officer, borrower, business):
    application = save_draft(store.uow(), officer, full_draft(borrower, business))
    photo = bytes(range(256)) * 40

    saved = add_attachment(
        store.uow(), officer, application.application_number, "C:\\照片\\门店.jpg", photo
    )

    assert (saved.file_name, saved.media_type, saved.size) == ("门店.jpg", "image/jpeg", 10240)
    assert saved.data is None
    assert list_attachments(store.uow(), application.application_number) == [saved]
    assert read_attachment(store.uow(), saved.id).data == photo
    with pytest.raises(DomainError, match="内容相同，无需重复上传"):
        add_attachment(store.uow(), officer, application.application_number, "副本.jpg", photo)
    with store.uow() as uow:
        created = [e for e in uow.audit.page(entity="attachments") if e.action == "create"]
    assert created and "data" not in created[0].after
    assert created[0].after["sha256"] == saved.sha256


def test_the_size_limit_is_a_setting(store, admin, officer, borrower, business):
    application = save_draft(store.uow(), officer, full_draft(borrower, business))
    with store.uow() as uow:
        uow.settings.put("attachments", {"max_megabytes": 0.5})
        uow.commit()

    with pytest.raises(DomainError, match=r"大小 0\.6 MB，超过上限 0\.5 MB"):
        add_attachment(
            store.uow(), officer, application.application_number, "a.pdf", b"1" * 600_000
        )


# --- search --------------------------------------------------------------------------------


@pytest.fixture
def crowd(store, officer, business):
    """Thirty customers named 王… plus the borrower 张三 (from ``business``)."""
    names = [f"王{chr(0x4E00 + i)}" for i in range(30)]
    return [
        register_customer(store.uow(), officer, customer_draft(100 + i, n))
        for i, n in enumerate(names)
    ]


def test_search_by_parts_of_name_id_and_phone_shows_masked_ids(store, officer, crowd, borrower):
    assert [h.name for h in search_customers(store.uow(), "张")] == ["张三"]
    by_id = search_customers(store.uow(), rid(1)[-6:])
    assert [h.id for h in by_id] == [borrower.id]
    assert by_id[0].masked_id_number == masked(rid(1))
    assert all(rid(1) not in str(h) for h in by_id)
    assert [h.id for h in search_customers(store.uow(), "3800000001")] == [borrower.id]
    assert search_customers(store.uow(), "无此人") == []
    assert search_customers(store.uow(), "张3") == []


def test_search_applications_by_number_name_state_and_officer(
    store, officer, assistant, borrower, business, crowd
):
    first = save_draft(store.uow(), officer, full_draft(borrower, business))
    other = save_draft(
        store.uow(), officer, ApplicationDraft(customer_id=crowd[0].id, product_code="micro")
    )
    submit_application(store.uow(), officer, first.application_number, first.version)

    by_number = search_applications(store.uow(), first.application_number.lower())
    assert [h.application_number for h in by_number] == [first.application_number]
    assert by_number[0].masked_id_number == masked(rid(1))
    assert by_number[0].state is ApplicationState.SUBMITTED
    assert [h.application_number for h in search_applications(store.uow(), "-0002")] == [
        other.application_number
    ]
    assert [h.customer_name for h in search_applications(store.uow(), "张三")] == ["张三"]
    assert [h.id for h in search_applications(store.uow(), state="draft")] == [other.id]
    assert [h.id for h in search_applications(store.uow(), state="已提交")] == [first.id]
    assert len(search_applications(store.uow(), officer="wang")) == 1
    newest = search_applications(store.uow())
    assert [h.id for h in newest] == [other.id, first.id]
    by_amount = search_applications(store.uow(), order_by=ApplicationOrder.AMOUNT)
    assert [h.amount for h in by_amount] == [Decimal("150000.00"), None]


def test_keyset_paging_returns_every_customer_once(store, crowd, borrower):
    seen, after = [], None
    while True:
        page = search_customers(store.uow(), "", after=after, limit=7)
        if not page:
            break
        seen += [h.id for h in page]
        after = page[-1].sort_key

    assert len(seen) == len(set(seen)) == len(crowd) + 1
    names = [h.name for h in search_customers(store.uow(), "", limit=100)]
    assert names == sorted(names)


@pytest.mark.parametrize("order", list(ApplicationOrder))
def test_keyset_paging_of_applications_in_every_order(store, officer, crowd, order):
    for i, customer in enumerate(crowd[:9]):
        amount = None if i % 4 == 0 else f"{(i % 3 + 1) * 10}000"  # ties and gaps
        save_draft(
            store.uow(),
            officer,
            ApplicationDraft(customer_id=customer.id, product_code="micro", amount=amount),
        )

    seen, after = [], None
    while page := search_applications(store.uow(), after=after, limit=2, order_by=order):
        seen += [h.id for h in page]
        after = page[-1].sort_key

    assert len(seen) == len(set(seen)) == 9
    assert seen == [h.id for h in search_applications(store.uow(), limit=50, order_by=order)]
