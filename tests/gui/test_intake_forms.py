"""Intake at the desk: customers, applications to submission, the notice list.

The real forms on a real temporary SQLite database; Chinese is typed with
``setText`` (``keyClicks`` with non-ASCII text aborts the process on Linux).
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt

from desktop.dialogs.application_edit import ApplicationEditDialog
from desktop.dialogs.customer_edit import CustomerEditDialog
from desktop.navigation import ViewContext
from desktop.views.blacklist_view import ImportReportDialog
from desktop.widgets.form_fields import Tone, choice_name, select_data
from domain.applications import (
    ApplicationState,
    CollateralKind,
    get_application,
)
from domain.customers import (
    BusinessDraft,
    CustomerDraft,
    MaritalStatus,
    Premises,
    businesses_of,
    register_customer,
    save_business,
    update_customer,
)
from domain.identity import id_check_digit, uscc_check_char
from domain.products import GuaranteeType
from domain.schedule import RepaymentMethod
from domain.search import search_customers
from domain.users import Role
from tests.gui.conftest import make_user, when_shown


def rid(order: int, born: str = "19850515", region: str = "320124") -> str:
    first_17 = f"{region}{born}{order:03d}"
    return first_17 + id_check_digit(first_17)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


@pytest.fixture
def officer(sqlite_store, admin):
    return make_user(sqlite_store, admin, "li", Role.LOAN_OFFICER, full_name="李信贷")


@pytest.fixture
def assistant(sqlite_store, admin):
    return make_user(sqlite_store, admin, "wang", Role.ASSISTING_OFFICER, full_name="王辅助")


@pytest.fixture
def ctx(sqlite_store, ops, officer):
    return ViewContext(officer, sqlite_store, ops, None)


@pytest.fixture
def customer_dialog(qtbot, ctx):
    def open_dialog(customer=None, businesses=None):
        dialog = CustomerEditDialog(ctx, None, customer, businesses)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return open_dialog


@pytest.fixture
def borrower(sqlite_store, officer, assistant):
    customer = register_customer(
        sqlite_store.uow(),
        officer,
        CustomerDraft("张三", rid(1), "13800000001", "溧水区永阳街道中山路1号", "未婚"),
    )
    business = save_business(
        sqlite_store.uow(),
        officer,
        customer.id,
        BusinessDraft(
            "张记杂货店", "", "零售", date.today() - timedelta(days=3 * 365), "自有", 2, ""
        ),
    )
    return customer, business


def fill_customer(dialog, id_number: str, name: str = "陈小明") -> None:
    dialog.name.setText(name)
    dialog.id_number.setText(id_number)
    dialog.phone.setText("13912345678")
    dialog.address.setText("江苏省南京市溧水区永阳街道中山路8号")
    select_data(dialog.marital, MaritalStatus.SINGLE)


# --- customers ---------------------------------------------------------------------------


def test_register_a_customer_with_his_business(customer_dialog, wait_idle, sqlite_store):
    dialog = customer_dialog()
    fill_customer(dialog, rid(20))
    dialog.business_name.setText("陈记五金店")
    dialog.industry.setText("五金零售")
    dialog.since.setDate(QDate(2018, 3, 1))
    select_data(dialog.premises, Premises.RENTED)
    dialog.employees.setValue(3)
    dialog.area.setText("永阳片区")
    dialog.save()
    wait_idle()
    assert dialog.saved is not None and dialog.saved.name == "陈小明"
    [business] = businesses_of(sqlite_store.uow(), dialog.saved.id)
    assert (business.name, business.premises, business.employees) == ("陈记五金店", "rented", 3)
    assert [hit.name for hit in search_customers(sqlite_store.uow(), "陈小明")] == ["陈小明"]


def test_the_id_number_is_read_as_it_is_typed(customer_dialog):
    dialog = customer_dialog()
    note = dialog.notes.notes["id_number"]
    dialog.id_number.setText(rid(20)[:14])
    assert note.tone is Tone.INFO and "已输入 14 位" in note.text() and "1985-05-15" in note.text()
    dialog.id_number.setText(rid(20))
    assert note.tone is Tone.OK and "女" in note.text()
    dialog.id_number.setText("99" + rid(20)[2:17] + id_check_digit("99" + rid(20)[2:17]))
    assert note.tone is Tone.WARNING and "地区代码" in note.text()


def test_a_wrong_check_digit_is_refused_and_nothing_saved(customer_dialog, wait_idle, sqlite_store):
    good = rid(21)
    wrong = good[:17] + ("1" if good[17] != "1" else "2")
    dialog = customer_dialog()
    fill_customer(dialog, wrong)
    note = dialog.notes.notes["id_number"]
    assert note.tone is Tone.ERROR and "校验位不符" in note.text()
    dialog.save()
    wait_idle()
    assert dialog.saved is None and dialog.isVisible()
    assert note.tone is Tone.ERROR and f"最后一位应为 {good[17]}" in note.text()
    assert "未保存" in dialog.error.text()
    assert search_customers(sqlite_store.uow(), "") == []


def test_lowercase_x_and_full_width_digits_are_accepted(customer_dialog, wait_idle):
    number = rid(7)
    assert number.endswith("X")
    dialog = customer_dialog()
    fill_customer(dialog, full_width(number[:17]) + "x")
    assert dialog.notes.notes["id_number"].tone is Tone.OK
    dialog.id_number.editingFinished.emit()
    assert dialog.id_number.text() == number
    dialog.save()
    wait_idle()
    assert dialog.saved.id_number == number


def test_entering_a_known_id_opens_the_existing_customer(
    customer_dialog, wait_idle, qtbot, borrower, messages
):
    known, business = borrower
    dialog = customer_dialog()
    dialog.name.setText("张叁")
    dialog.id_number.setText(rid(1).lower())
    qtbot.waitUntil(lambda: dialog.customer is not None, timeout=5000)
    wait_idle()
    assert dialog.customer.id == known.id and dialog.name.text() == "张三"
    assert dialog.business_name.text() == business.name
    assert any("已登记为客户 张三" in t and "已为您打开" in t for t in messages.texts("info"))


def test_saving_a_known_id_opens_the_existing_customer(
    customer_dialog, wait_idle, borrower, messages, sqlite_store
):
    known, _business = borrower
    dialog = customer_dialog()
    fill_customer(dialog, rid(1), name="张叁")
    dialog.save()  # before the look-up as he types has had its turn
    wait_idle()
    assert dialog.customer.id == known.id and dialog.saved is None
    assert any("已为您打开" in t for t in messages.texts("info"))
    assert len(search_customers(sqlite_store.uow(), "")) == 1


def test_a_stale_edit_is_a_conflict(customer_dialog, wait_idle, borrower, sqlite_store, officer):
    known, business = borrower
    dialog = customer_dialog(known, [business])
    edited = known.draft()
    edited.phone = "13911112222"
    update_customer(sqlite_store.uow(), officer, known.id, edited, version=known.version)
    dialog.address.setText("另一个地址")
    dialog.save()
    wait_idle()
    assert dialog.saved is None
    assert dialog.phone.text() == "13911112222"  # the current copy is loaded


# --- the lists page by keyset --------------------------------------------------------------


def _register_many(store, actor, count: int) -> None:
    for order in range(100, 100 + count):
        register_customer(
            store.uow(),
            actor,
            CustomerDraft(f"客户{order}", rid(order), f"139{order:08d}", "溧水区", "未婚"),
        )


def test_the_customer_list_pages_by_keyset(
    main_window, officer, sqlite_store, wait_idle, qtmodeltester
):
    _register_many(sqlite_store, officer, 23)
    view = main_window(officer).show_view("customers")
    pages = []
    view.model.page_loaded.connect(lambda: pages.append(view.model.rowCount()))
    view.model.page_size = 10
    view.search()
    wait_idle()
    qtmodeltester.check(view.model)
    while not view.model.is_complete():  # the table may be fetching on its own too
        view.model.fetchMore(QModelIndex())
        wait_idle()
    assert pages[:3] == [10, 20, 23] and view.model.is_complete()
    assert not view.more.isEnabled()
    names = [hit.name for hit in view.model.rows]
    assert len(names) == 23 == len(set(names)) and names == sorted(names)
    assert view.model.data(view.model.index(0, 1)) == "3201**********" + rid(100)[-4:]
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "身份证号码"
    qtmodeltester.check(view.model)


def test_the_list_stops_at_its_cap(main_window, officer, sqlite_store, wait_idle):
    _register_many(sqlite_store, officer, 12)
    view = main_window(officer).show_view("customers")
    view.model.page_size, view.model.max_rows = 5, 8
    view.search()
    wait_idle()
    view.model.fetchMore(QModelIndex())
    wait_idle()
    assert view.model.rowCount() == 8 and view.model.is_capped()
    assert not view.model.canFetchMore(QModelIndex())
    assert "缩小查询范围" in view.status.text()


# --- applications ------------------------------------------------------------------------------


@pytest.fixture
def application_dialog(qtbot, ctx, wait_idle):
    def open_dialog(number=None):
        dialog = ApplicationEditDialog(ctx, None, number)
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle()
        return dialog

    return open_dialog


def _request(dialog, borrower, amount: str, wait_idle) -> None:
    customer, business = borrower
    dialog.use_customer(customer.id)
    wait_idle()
    request = dialog.request
    select_data(request.product, "micro")
    select_data(request.business, business.id)
    request.amount.setText(amount)
    request.months.setValue(12)
    request.purpose.setText("进货周转")
    select_data(request.method, RepaymentMethod.EQUAL_INSTALLMENT)
    request.due_day.setValue(20)
    select_data(request.guarantee, GuaranteeType.NATURAL_PERSON)


def _settled(dialog, qtbot, wait_idle) -> None:
    """Wait for the debounced eligibility check and its result."""
    qtbot.waitUntil(lambda: not dialog._check_timer.isActive(), timeout=5000)
    wait_idle()


ANALYSIS = {
    "balance_sheet.cash": "2万",
    "balance_sheet.inventory": "150,000",
    "profit_and_loss.sales": "60000",
    "profit_and_loss.gross_margin_percent": "20",
    "household.living": "3000",
    "equity.initial_equity": "100000",
    "equity.months": "12",
    "sales_evidence.monthly_purchases": "48000",
}


def test_an_application_from_draft_to_submission(
    application_dialog, borrower, qtbot, wait_idle, sqlite_store, messages, main_window, officer
):
    dialog = application_dialog()
    _request(dialog, borrower, "60万", wait_idle)
    _settled(dialog, qtbot, wait_idle)
    amount_note = dialog.notes.notes["amount"]
    assert amount_note.tone is Tone.ERROR and "超过本产品上限 500,000.00 元" in amount_note.text()
    assert "超过本产品上限" in dialog.request.verdict.text()

    dialog.request.amount.setText("15万")
    _settled(dialog, qtbot, wait_idle)
    assert amount_note.tone is Tone.INFO and "150,000.00" in amount_note.text()
    assert dialog.request.verdict.tone is Tone.OK
    assert "4.50%" in dialog.request.rate.text()

    dialog.guarantees.guarantors.add_row(["孙七", rid(30), "13900000007", "朋友", "8000", "县医院"])
    results = dialog.analysis.results
    for name, text in ANALYSIS.items():
        dialog.analysis.inputs[name].setText(text)
    assert results["total_assets"].text() == "170,000.00 元"
    assert results["net_profit"].text() == "12,000.00 元"
    assert results["surplus"].text() == "9,000.00 元"
    assert results["instalment"].text() == "12,806.78 元"
    dialog.analysis.inputs["balance_sheet.fixed_assets"].setText("3万")
    assert results["total_assets"].text() == "200,000.00 元"

    dialog.save_button.click()
    wait_idle()
    number = dialog.application.application_number
    assert "已保存" in dialog.error.text() and number.startswith("XW")

    resumed = application_dialog(number)
    assert resumed.request.amount.text() == "150,000.00"
    assert resumed.request.customer.text().startswith("张三")
    assert resumed.guarantees.guarantors.text(0, 0) == "孙七"
    assert resumed.analysis.inputs["balance_sheet.fixed_assets"].text() == "30,000.00"

    resumed.submit_button.click()
    wait_idle()
    refused = messages.texts("error")[-1]
    assert "还不能提交" in refused and "实地调查" in refused
    assert resumed.isVisible()

    visit = resumed.investigation
    visit.visit_date.setDate(QDate.currentDate())
    visit.officer.setCurrentText("li")
    visit.assistant.setCurrentText("wang")
    visit.visit_notes.setPlainText("两人实地查看门店，存货与账本相符")
    _settled(resumed, qtbot, wait_idle)
    resumed.submit_button.click()
    wait_idle()
    assert any("已提交审批" in t for t in messages.texts("info"))
    assert get_application(sqlite_store.uow(), number).state is ApplicationState.SUBMITTED

    view = main_window(officer).show_view("applications")
    wait_idle()
    row = [hit.application_number for hit in view.model.rows].index(number)
    assert view.model.data(view.model.index(row, 6)) == "已提交"


def _company_code(organisation: str = "MA1MXK3T7") -> str:
    first_17 = "91320117" + organisation
    return first_17 + uscc_check_char(first_17)


def test_a_guarantee_company_loan_records_the_company(
    application_dialog, borrower, qtbot, wait_idle, sqlite_store
):
    dialog = application_dialog()
    request = dialog.request
    company_fields = (request.company_name, request.company_code, request.company_amount)
    assert not any(field.isVisibleTo(dialog) for field in company_fields)

    _request(dialog, borrower, "15万", wait_idle)
    select_data(request.guarantee, None)
    select_data(request.product, "guarantee-company")  # its only guarantee type is chosen
    assert request.guarantee.currentData() == GuaranteeType.GUARANTEE_COMPANY.value
    assert all(field.isVisibleTo(dialog) for field in company_fields)
    _settled(dialog, qtbot, wait_idle)
    notes = dialog.notes.notes
    name_note = notes["guarantee_company.name"]
    assert name_note.tone is Tone.INFO and name_note.text() == "担保公司保证须填写担保公司名称"

    good = _company_code()
    request.company_name.setText("南京市溧水区融资担保有限公司")
    request.company_code.setText(good[:17] + ("1" if good[17] != "1" else "2"))
    request.company_amount.setText("20万")
    _settled(dialog, qtbot, wait_idle)
    code_note, amount_note = (
        notes["guarantee_company.credit_code"],
        notes["guarantee_company.amount"],
    )
    assert code_note.tone is Tone.ERROR and f"最后一位应为 {good[17]}" in code_note.text()
    assert amount_note.tone is Tone.ERROR and "超过申请金额 150,000.00 元" in amount_note.text()
    assert not name_note.text()
    if os.environ.get("LOANDESK_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["LOANDESK_SHOTS"], "guarantee_company.png"))
    assert dialog.request.verdict.tone is Tone.OK  # the product's own rules are met

    dialog.save()
    wait_idle()
    assert dialog.application is None and "校验位不符" in code_note.text()

    request.company_code.setText(good.lower())
    request.company_amount.setText("12万")
    _settled(dialog, qtbot, wait_idle)
    assert not code_note.text()
    assert amount_note.tone is Tone.INFO and "120,000.00" in amount_note.text()
    dialog.save_button.click()
    wait_idle()
    number = dialog.application.application_number
    assert number.startswith("DB") and "已保存" in dialog.error.text()

    resumed = application_dialog(number)
    assert resumed.request.company_name.text() == "南京市溧水区融资担保有限公司"
    assert resumed.request.company_code.text() == good
    assert resumed.request.company_amount.text() == "120,000.00"
    assert resumed.request.company_name.isVisibleTo(resumed)
    stored = get_application(sqlite_store.uow(), number).guarantee_company
    assert (stored.credit_code, stored.amount) == (good, Decimal("120000.00"))


def test_wrong_fields_are_shown_beside_them_and_nothing_saved(
    application_dialog, borrower, wait_idle, sqlite_store
):
    dialog = application_dialog()
    _request(dialog, borrower, "15万", wait_idle)
    dialog.guarantees.guarantors.add_row(["孙七", "12345", "", "朋友", "", ""])
    visit = dialog.investigation
    visit.officer.setCurrentText("li")
    visit.assistant.setCurrentText("li")
    assert (
        "不能与主办客户经理为同一人" in dialog.notes.notes["investigation.assisting_officer"].text()
    )
    dialog.save()
    wait_idle()
    assert dialog.application is None
    assert "第 1 位保证人" in dialog.notes.notes["guarantors"].text()
    assert dialog.tabs.currentIndex() == 1
    assert "未保存" in dialog.error.text()


def test_closing_asks_only_when_something_changed(
    application_dialog, borrower, wait_idle, qtbot, messages
):
    dialog = application_dialog()
    _request(dialog, borrower, "15万", wait_idle)
    dialog.save()
    wait_idle()
    opened = application_dialog(dialog.saved.application_number)
    _settled(opened, qtbot, wait_idle)
    opened.reject()
    assert messages.texts("confirm") == [] and not opened.isVisible()
    dialog.analysis.inputs["household.living"].setText("2000")
    dialog.reject()
    assert len(messages.texts("confirm")) == 1 and dialog.isVisible()


def test_collateral_shows_its_loan_to_value(application_dialog, borrower, wait_idle):
    dialog = application_dialog()
    _request(dialog, borrower, "15万", wait_idle)
    row = dialog.guarantees.add_collateral()
    select_data(dialog.guarantees.collaterals.cellWidget(row, 0), CollateralKind.HOUSE)
    dialog.guarantees.collaterals.set_text(row, 3, "30万")
    assert dialog.guarantees.collaterals.text(row, 4) == "50.00%"


def test_a_file_above_the_limit_is_refused_with_the_reason(
    application_dialog, borrower, wait_idle, tmp_path, monkeypatch
):
    dialog = application_dialog()
    _request(dialog, borrower, "15万", wait_idle)
    assert not dialog.investigation.add_file.isEnabled()  # not saved yet
    dialog.save()
    wait_idle()
    photo = tmp_path / "门店照片.jpg"
    photo.write_bytes(b"\xff\xd8" + b"0" * 2048)
    big = tmp_path / "整本账册.pdf"
    big.write_bytes(b"0" * (10 * 1024 * 1024 + 1))
    chosen = [str(photo), str(big)]
    monkeypatch.setattr(ApplicationEditDialog, "choose_file", lambda self: chosen.pop(0))
    dialog.investigation.add_file.click()
    wait_idle()
    assert dialog.investigation.attachments.item(0, 0).text() == "门店照片.jpg"
    dialog.investigation.add_file.click()
    wait_idle()
    note = dialog.notes.notes["attachments"]
    assert note.tone is Tone.ERROR and "超过上限 10 MB" in note.text()
    assert dialog.investigation.attachments.rowCount() == 1


def test_submitted_applications_are_read_only(
    application_dialog, borrower, wait_idle, qtbot, messages
):
    dialog = application_dialog()
    _request(dialog, borrower, "15万", wait_idle)
    dialog.guarantees.guarantors.add_row(["孙七", rid(30), "13900000007", "朋友", "8000", ""])
    for name, text in ANALYSIS.items():
        dialog.analysis.inputs[name].setText(text)
    dialog.investigation.visit_date.setDate(QDate.currentDate())
    dialog.investigation.assistant.setCurrentText("wang")
    _settled(dialog, qtbot, wait_idle)
    dialog.submit()
    wait_idle()
    assert messages.texts("error") == []
    opened = application_dialog(dialog.saved.application_number)
    assert not opened.save_button.isEnabled() and not opened.request.isEnabled()
    assert "已提交" in opened.banner.text()


def test_the_application_list_sorts_by_its_headers(
    main_window, officer, borrower, sqlite_store, wait_idle, application_dialog
):
    for amount in ("5万", "20万", "8万"):
        dialog = application_dialog()
        _request(dialog, borrower, amount, wait_idle)
        dialog.save()
        wait_idle()
    view = main_window(officer).show_view("applications")
    wait_idle()
    view.sort_by(4)  # amount: largest first
    wait_idle()
    amounts = [hit.amount for hit in view.model.rows]
    assert amounts == sorted(amounts, reverse=True)
    view.state.setCurrentIndex(view.state.findData(ApplicationState.SUBMITTED.value))
    wait_idle()
    assert view.model.rowCount() == 0


def test_the_application_model_passes_the_model_tester(
    main_window, officer, borrower, wait_idle, application_dialog, qtmodeltester
):
    dialog = application_dialog()
    _request(dialog, borrower, "5万", wait_idle)
    dialog.save()
    wait_idle()
    view = main_window(officer).show_view("applications")
    wait_idle()
    assert view.model.rowCount() == 1
    qtmodeltester.check(view.model)


# --- the notice list -------------------------------------------------------------------------------


def test_blacklist_import_shows_the_report(
    main_window, admin, sqlite_store, wait_idle, tmp_path, monkeypatch
):
    boss = make_user(sqlite_store, admin, "chen", Role.SUPERVISOR)
    view = main_window(boss).show_view("blacklist")
    wait_idle()
    csv = tmp_path / "通报.csv"
    csv.write_text(
        "身份证号码,姓名,原因,来源\n"
        f"{rid(5)},王五,贷款逾期超过90天未还,县联社通报第3期\n"
        f"{rid(5)[:17]}0,坏号,虚假材料,县联社\n"
        f"{rid(6)},赵六,,县联社\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(type(view), "choose_csv", lambda self: str(csv))
    seen = {}

    def read_report(dialog):
        model = dialog.model
        seen["rows"] = [
            [model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
        seen["summary"] = dialog.summary.text()
        dialog.accept()

    timer = when_shown(ImportReportDialog, read_report)
    view.import_button.click()
    wait_idle()
    timer.stop()
    assert seen["summary"] == "共 3 行：接受 1 行，拒绝 2 行。"
    assert [row[2] for row in seen["rows"]] == ["接受", "拒绝", "拒绝"]
    assert "校验位" in seen["rows"][1][3] and seen["rows"][2][3] == "请填写列入原因"
    wait_idle()
    assert [e.name for e in view.model.rows] == ["王五"]


# --- names and navigation ----------------------------------------------------------------------------


def test_choice_names_are_the_domain_labels_in_chinese():
    for enum in (MaritalStatus, Premises, RepaymentMethod, GuaranteeType, CollateralKind):
        assert all(choice_name(m) == m.label for m in enum)
    assert all(choice_name(s) == s.label for s in ApplicationState)


def test_officers_and_supervisors_are_offered_their_views(
    main_window, officer, admin, sqlite_store
):
    boss = make_user(sqlite_store, admin, "chen", Role.SUPERVISOR)
    assert {"customers", "applications"} <= set(main_window(officer).nav_keys())
    assert "blacklist" not in main_window(officer).nav_keys()
    assert "blacklist" in main_window(boss).nav_keys()
    assert "customers" not in main_window(boss).nav_keys()
