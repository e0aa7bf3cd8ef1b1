"""贷款试算, 产品管理 and 利率定价 against a real database with the default catalogue."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from desktop.dialogs.product_edit import ProductEditDialog
from desktop.views.pricing_view import BaseRateDialog
from domain import catalogue
from domain.pricing import BaseRate, RiskGrade
from domain.products import GuaranteeType
from domain.schedule import RepaymentMethod
from domain.users import Role
from tests.gui.conftest import make_user

# --- 贷款试算 ---------------------------------------------------------------------------


@pytest.fixture
def quote_view(main_window, admin, wait_idle):
    window = main_window(admin)
    view = window.show_view("quote")
    wait_idle()
    return view


def _choose(combo, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _cell(view, row: int, column: int) -> str:
    return view.model.data(view.model.index(row, column))


def _totals(view) -> list[str]:
    last = view.model.rowCount() - 1
    return [_cell(view, last, column) for column in range(view.model.columnCount())]


def _quote(view, amount: str, months: int = 12, override: str = "4.35") -> None:
    _choose(view.product, "micro")
    _choose(view.method, RepaymentMethod.EQUAL_INSTALLMENT.value)
    view.term.setValue(months)
    view.override_rate.setText(override)
    view.amount.setText(amount)


def test_the_quote_reproduces_the_worked_example(quote_view, qtbot, qtmodeltester):
    _quote(quote_view, "100000")
    qtbot.waitUntil(lambda: quote_view.model.rowCount() == 13)
    assert _cell(quote_view, 0, 2) == "8,530.99"
    assert _totals(quote_view)[:5] == ["合计", "", "102,371.90", "100,000.00", "2,371.90"]
    assert _cell(quote_view, 11, 5) == "0.00"
    assert quote_view.capitals.text() == "人民币壹拾万元整"
    assert quote_view.rate.text() == "年利率 4.35%"
    assert "利息合计 2,371.90 元" in quote_view.summary.text()
    assert quote_view.model.headerData(0, Qt.Orientation.Horizontal) == "期次"
    assert quote_view.model.headerData(5, Qt.Orientation.Horizontal) == "剩余本金"
    qtmodeltester.check(quote_view.model)


def test_the_schedule_follows_the_amount_as_typed(quote_view, qtbot):
    _quote(quote_view, "50000")
    qtbot.waitUntil(lambda: quote_view.model.rowCount() == 13)
    assert _cell(quote_view, 0, 2) != "8,530.99"
    quote_view.amount.setText("10万")
    qtbot.waitUntil(lambda: _cell(quote_view, 0, 2) == "8,530.99")
    assert quote_view.capitals.text() == "人民币壹拾万元整"


def test_an_amount_above_the_product_maximum_is_shown_beside_it(quote_view, qtbot):
    _quote(quote_view, "60万")
    qtbot.waitUntil(lambda: not quote_view.amount_message.isHidden())
    assert "超过本产品上限 500,000.00 元" in quote_view.amount_message.text()
    assert "超出 100,000.00 元" in quote_view.amount_message.text()
    # Still quoted: the clerk sees what it would cost, and why it cannot be granted.
    assert quote_view.model.rowCount() == 13


def test_unreadable_text_is_explained_and_the_table_kept(quote_view, qtbot):
    _quote(quote_view, "100000")
    qtbot.waitUntil(lambda: quote_view.model.rowCount() == 13)
    quote_view.amount.setText("10万5")
    qtbot.waitUntil(lambda: not quote_view.amount_message.isHidden())
    assert "单位" in quote_view.amount_message.text()
    assert quote_view.model.rowCount() == 13 and _cell(quote_view, 0, 2) == "8,530.99"
    assert not quote_view.stale.isHidden()
    quote_view.override_rate.setText("abc")
    quote_view.amount.setText("100000")
    qtbot.waitUntil(lambda: not quote_view.override_message.isHidden())
    assert quote_view.amount_message.isHidden()


def test_the_rate_comes_from_the_lpr_and_the_spread(quote_view, qtbot):
    _quote(quote_view, "100000", override="")
    _choose(quote_view.grade, RiskGrade.B.value)
    quote_view.start_date.setDate(QDate(2025, 6, 1))
    quote_view.due_day.setValue(20)
    qtbot.waitUntil(lambda: quote_view.rate.text() == "年利率 4.50%")
    assert quote_view.rate_description.text() == (
        "1年期LPR(2025-05-20) 3.00% + 风险加点 1.50% = 4.50%"
    )
    qtbot.waitUntil(lambda: _cell(quote_view, 0, 1) == "2025-07-20")


def test_term_and_methods_follow_the_product(quote_view, qtbot):
    _choose(quote_view.product, "trade-chain")
    assert (quote_view.term.minimum(), quote_view.term.maximum()) == (3, 12)
    methods = [quote_view.method.itemData(i) for i in range(quote_view.method.count())]
    assert methods == ["interest-monthly", "interest-quarterly", "cash-flow"]
    assert quote_view.method.itemText(0) == "按月付息到期还本"


def test_everyone_signed_in_may_quote(main_window, sqlite_store, admin):
    teller = make_user(sqlite_store, admin, "teller", Role.TELLER)
    window = main_window(teller)
    assert "quote" in window.nav_keys()
    assert window.show_view("products") is None
    assert window.show_view("pricing") is None


# --- 产品管理 -------------------------------------------------------------------------------


@pytest.fixture
def products_view(main_window, admin, wait_idle):
    window = main_window(admin)
    view = window.show_view("products")
    wait_idle()
    return view


def _answers(monkeypatch, *changes: dict) -> None:
    """Replace the dialog's one method: each call returns the product the dialog
    was opened on with the next changes applied (then ``None``, as if cancelled)."""
    queue = list(changes)

    def get_values(dialog):
        return dialog.original.replace(**queue.pop(0)) if queue else None

    monkeypatch.setattr(ProductEditDialog, "get_values", get_values)


def _select(view, code: str) -> None:
    view.select(code)
    assert view.selected_product().code == code


def test_the_list_shows_the_catalogue(products_view):
    model = products_view.model
    assert [p.code for p in model.products][:3] == ["guarantee-company", "joint-group", "micro"]
    micro = [p.code for p in model.products].index("micro")
    assert model.data(model.index(micro, 2)) == "5,000.00 – 500,000.00"
    assert model.data(model.index(micro, 4)) == "自然人保证"
    assert model.data(model.index(micro, 5)) == "全部"
    assert model.data(model.index(micro, 6)) == "50.00%"
    assert model.data(model.index(micro, 7)) == "在售"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "名称"


def test_administrator_edits_a_product(products_view, monkeypatch, wait_idle, sqlite_store):
    _select(products_view, "micro")
    _answers(monkeypatch, {"name": "小微企业贷款", "max_amount": Decimal("600000.00")})
    products_view.findChild(QPushButton, "edit").click()
    wait_idle()
    saved = catalogue.get_product(sqlite_store.uow(), "micro")
    assert (saved.name, saved.max_amount) == ("小微企业贷款", Decimal("600000.00"))
    assert products_view.selected_product().name == "小微企业贷款"


def test_a_refused_product_comes_back_with_the_reason_beside_the_field(
    products_view, monkeypatch, wait_idle, sqlite_store
):
    _select(products_view, "micro")
    seen = []

    def get_values(dialog):
        seen.append(dialog.findChild(type(dialog.error), "name_error").text())
        return dialog.original.replace(name="很" * 61) if len(seen) == 1 else None

    monkeypatch.setattr(ProductEditDialog, "get_values", get_values)
    products_view.findChild(QPushButton, "edit").click()
    wait_idle()
    assert seen[0] == "" and "不能超过 60 个字" in seen[1]
    assert catalogue.get_product(sqlite_store.uow(), "micro").name == "小微贷款"


def test_a_stale_edit_says_someone_else_changed_it(
    products_view, monkeypatch, wait_idle, sqlite_store, admin, messages
):
    _select(products_view, "micro")
    stale = products_view.selected_product()
    # Another desk renames the product after this list was loaded.
    catalogue.save_product(sqlite_store.uow(), admin, stale.replace(name="小微贷款（新）"))
    _answers(monkeypatch, {"name": "小微贷款甲"})
    products_view.findChild(QPushButton, "edit").click()
    wait_idle()
    assert any("其他人修改" in text for text in messages.texts("error"))
    names = {p.code: p.name for p in products_view.model.products}
    assert names["micro"] == "小微贷款（新）"


def test_switching_a_product_off_and_on(products_view, wait_idle, sqlite_store, messages):
    _select(products_view, "joint-group")
    toggle = products_view.findChild(QPushButton, "toggle_active")
    assert toggle.text() == "停用"
    messages.confirm_answers = [True]
    toggle.click()
    wait_idle()
    assert not catalogue.get_product(sqlite_store.uow(), "joint-group").active
    assert toggle.text() == "启用"
    toggle.click()  # putting it back on sale needs no confirmation
    wait_idle()
    assert catalogue.get_product(sqlite_store.uow(), "joint-group").active


def test_the_dialog_shows_each_problem_beside_its_field(qtbot):
    dialog = ProductEditDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setText("shop-loan")
    dialog.name.setText("商户贷")
    dialog.min_amount.setText("1万")
    dialog.max_amount.setText("5千")
    dialog.penalty_uplift.setValue(20)
    dialog.submit()
    assert dialog.values is None
    assert "低于下限" in dialog.findChild(type(dialog.error), "amount_error").text()
    assert "30.00%" in dialog.findChild(type(dialog.error), "penalty_error").text()
    assert (
        "至少须选择一种担保方式" in dialog.findChild(type(dialog.error), "guarantees_error").text()
    )
    # Once shown, a problem goes away as soon as it is fixed.
    dialog.max_amount.setText("50万")
    assert dialog.findChild(type(dialog.error), "amount_error").isHidden()
    dialog.penalty_uplift.setValue(50)
    dialog.guarantee_boxes[GuaranteeType.JOINT_GROUP].setChecked(True)
    dialog.method_boxes[RepaymentMethod.EQUAL_PRINCIPAL].setChecked(True)
    dialog.submit()
    product = dialog.values
    assert product is not None
    assert (product.min_amount, product.max_amount) == (Decimal("10000.00"), Decimal("500000.00"))
    assert product.penalty_uplift == Decimal("0.5") and product.group_size.maximum == 5
    assert product.max_loan_to_value is None and product.version == 0


# --- 利率定价 --------------------------------------------------------------------------------


@pytest.fixture
def pricing_view(main_window, admin, wait_idle):
    window = main_window(admin)
    view = window.show_view("pricing")
    wait_idle()
    return view


def test_administrator_adds_a_base_rate(pricing_view, monkeypatch, wait_idle, sqlite_store):
    new = BaseRate(date(2025, 6, 20), Decimal("2.90"), Decimal("3.40"))
    monkeypatch.setattr(BaseRateDialog, "get_values", lambda dialog: new)
    pricing_view.findChild(QPushButton, "add_rate").click()
    wait_idle()
    assert new in catalogue.base_rate_history(sqlite_store.uow())
    assert pricing_view.rates.rates[0] == new
    assert pricing_view.rates.data(pricing_view.rates.index(0, 1)) == "2.90%"


def test_a_refused_quotation_comes_back_with_the_reason(pricing_view, monkeypatch, wait_idle):
    existing = pricing_view.rates.rates[0]
    seen = []

    def get_values(dialog):
        seen.append(dialog.error.text() if not dialog.error.isHidden() else "")
        return existing if len(seen) == 1 else None  # same date again

    monkeypatch.setattr(BaseRateDialog, "get_values", get_values)
    pricing_view.findChild(QPushButton, "add_rate").click()
    wait_idle()
    assert seen[0] == "" and "同一生效日只能有一条" in seen[1]


def _spread_index(view, code: str, grade: RiskGrade):
    row = [p.code for p in view.spreads.products].index(code)
    return view.spreads.index(row, list(RiskGrade).index(grade) + 1)


def test_a_spread_is_edited_in_its_cell(pricing_view, wait_idle, sqlite_store):
    index = _spread_index(pricing_view, "micro", RiskGrade.B)
    assert pricing_view.spreads.data(index) == "+1.50%"
    pricing_view.spreads.setData(index, "1.75")
    wait_idle()
    table = catalogue.spread_table(sqlite_store.uow())
    assert table.spread_for("micro", RiskGrade.B) == Decimal("1.75")
    assert pricing_view.spreads.data(index) == "+1.75%"
    assert "已保存" in pricing_view.spread_message.text()


def test_a_spread_changed_elsewhere_is_not_overwritten(
    pricing_view, wait_idle, sqlite_store, admin, messages
):
    catalogue.set_spread(sqlite_store.uow(), admin, "micro", RiskGrade.B, Decimal("1.60"))
    pricing_view.spreads.setData(_spread_index(pricing_view, "micro", RiskGrade.B), "1.75")
    wait_idle()
    assert any("其他人修改" in text for text in messages.texts("error"))
    table = catalogue.spread_table(sqlite_store.uow())
    assert table.spread_for("micro", RiskGrade.B) == Decimal("1.60")
    index = _spread_index(pricing_view, "micro", RiskGrade.B)
    assert pricing_view.spreads.data(index) == "+1.60%"


def test_unreadable_spread_text_is_refused(pricing_view):
    pricing_view.spreads.setData(_spread_index(pricing_view, "micro", RiskGrade.A), "一点五")
    assert not pricing_view.spread_message.isHidden()
    assert "风险加点" in pricing_view.spread_message.text()
