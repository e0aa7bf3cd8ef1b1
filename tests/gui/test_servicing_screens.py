"""The servicing screens on a real SQLite database holding a small loan book:
the loan register (paged, filtered, checked by qtmodeltester), the loan
detail with posting and reversal, and the reports with their export."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.dialogs.loan_detail import LoanDetailDialog
from desktop.dialogs.payment_entry import PaymentEntryDialog
from desktop.dialogs.write_off import WriteOffDialog, WriteOffRequest
from desktop.navigation import ViewContext
from desktop.startup import open_store
from desktop.views.loan_register_view import DAYS_COLUMN, LoanRegisterView
from desktop.views.reports_view import ReportsView
from desktop.widgets.form_fields import Tone
from domain.classification import Category
from domain.errors import DomainError
from domain.loans import LoanState
from domain.money import format_amount
from domain.schedule import EarlyRepaymentOption
from domain.servicing import (
    PaymentKind,
    RepaymentEntry,
    amount_due,
    early_repayment_quote,
    loan_account,
    repayment_history,
)
from tests.integration.test_servicing import JAN_20, NOW, PASSWORD, TODAY, Branch, Clock, booked

SHOTS = os.environ.get("LOANDESK_SHOTS")


@pytest.fixture
def branch(tmp_path):
    clock = Clock(NOW)
    store = open_store(f"sqlite:///{tmp_path / 'desk.db'}", clock)
    store.upgrade()
    yield Branch(store, clock)
    store.close()


@pytest.fixture
def book(branch):
    """Three loans: one 10 days late, one up to date, one of another officer."""
    return branch.book(
        booked(1, "100000", JAN_20, paid=4),
        booked(2, "50000", JAN_20, paid=5),
        booked(3, "80000", date(2026, 3, 20), paid=3, officer="zhou", product="micro"),
    )


def context(branch, user, ops) -> ViewContext:
    return ViewContext(user, branch.store, ops, QWidget())


def shot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()  # labels added to a shown layout appear queued
        os.makedirs(SHOTS, exist_ok=True)
        widget.grab().save(os.path.join(SHOTS, f"servicing_{name}.png"))


@pytest.fixture
def register(qtbot, branch, book, ops, wait_idle):
    def open_for(user):
        view = LoanRegisterView(context(branch, user, ops))
        qtbot.addWidget(view)
        view.resize(1100, 600)
        view.show()
        wait_idle()
        return view

    return open_for


def test_the_register_lists_loans_with_days_past_due_in_red(register, branch, book, wait_idle):
    view = register(branch.liu)
    model = view.model
    assert sorted(r.loan_number for r in model.rows) == sorted(book)
    late = [i for i, r in enumerate(model.rows) if r.days_past_due > 0]
    assert late, "the loan with instalment 5 unpaid is late"
    colour = model.data(model.index(late[0], DAYS_COLUMN), Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and colour.name() == "#c5221f"
    shown = {model.data(model.index(late[0], c)) for c in range(model.columnCount())}
    assert {"小微贷款", "李信贷"} <= shown  # names, not codes
    shot(view, "register")

    view.overdue.setCurrentIndex(view.overdue.findData(True))
    wait_idle()
    assert [r.days_past_due > 0 for r in model.rows] == [True] * len(model.rows)
    assert len(model.rows) == len(late)


def test_the_register_model_passes_the_model_tester(register, branch, qtmodeltester, wait_idle):
    view = register(branch.liu)
    view.model.page_size = 1
    view.search()
    wait_idle()
    while view.model.canFetchMore(QModelIndex()):
        view.model.fetchMore(QModelIndex())
        wait_idle()
    assert view.model.rowCount() == 3
    qtmodeltester.check(view.model, force_py=True)


@pytest.fixture
def detail(qtbot, branch, book, ops, wait_idle):
    def open_for(user, number=None):
        dialog = LoanDetailDialog(context(branch, user, ops), number or book[0])
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle()
        return dialog

    return open_for


def test_the_detail_shows_the_schedule_with_its_total(detail, branch):
    dialog = detail(branch.liu)
    shown = [value.text() for value in dialog.summary_values]
    assert "小微贷款" in shown and "李信贷" in shown  # names, not codes
    table = dialog.schedule
    assert table.rowCount() == 13  # 12 instalments and the total
    assert table.item(12, 0).text() == "合计"
    assert table.item(12, 2).text() == "100,000.00"


def test_a_teller_posts_a_payment_through_the_dialog(detail, branch, book, wait_idle, messages):
    dialog = detail(branch.liu)
    shot(dialog, "loan_detail")
    due = amount_due(branch.uow(), book[0])
    dialog.ask_payment = lambda: RepaymentEntry(due, TODAY, "cash", "RC-0001")
    dialog.pay_button.click()
    wait_idle()
    assert messages.texts("error") == []
    history = repayment_history(branch.uow(), book[0])
    assert [p.receipt_number for p in history] == [f"B001-0{n}" for n in range(1, 5)] + ["RC-0001"]
    assert dialog.payments.rowCount() == 5 and dialog.payments.item(4, 0).text() == "RC-0001"
    assert dialog.detail.account.days_past_due == 0


def test_a_receipt_already_used_is_refused_with_a_message(
    detail, branch, book, wait_idle, messages
):
    branch.pay(book[1], "100", "POS-88")
    before = repayment_history(branch.uow(), book[0])
    dialog = detail(branch.liu)
    dialog.ask_payment = lambda: RepaymentEntry(D("100"), TODAY, "cash", "pos-88")
    dialog.pay_button.click()
    wait_idle()
    (error,) = messages.texts("error")
    assert "同一回单不能重复入账" in error
    assert repayment_history(branch.uow(), book[0]) == before


def test_a_reversal_needs_a_supervisors_password(detail, branch, book, wait_idle, messages):
    branch.pay(book[0], "1000", "R-9")
    dialog = detail(branch.liu)
    dialog.ask_reversal = lambda receipt: ("金额录错", "chen")
    dialog.ask_password = lambda approver: "wrong-pass1"
    dialog.reverse_button.click()
    wait_idle()
    assert len(messages.texts("error")) == 1
    assert not repayment_history(branch.uow(), book[0])[-1].reversed

    dialog.ask_password = lambda approver: PASSWORD
    dialog.reverse_button.click()
    wait_idle()
    payment = repayment_history(branch.uow(), book[0])[-1]
    assert payment.receipt_number == "R-9" and payment.reversed
    assert payment.reversal.approved_by == "chen"
    assert dialog.payments.item(4, 5).text() == "已冲正"
    dialog.tabs.setCurrentWidget(dialog.payments)
    shot(dialog, "loan_detail_payments")
    assert messages.texts("info")[-1] == "回单 R-9 的还款已冲正。"


def test_the_reports_show_par_and_export_to_excel(
    qtbot, branch, book, ops, wait_idle, tmp_path, messages
):
    view = ReportsView(context(branch, branch.chen, ops))
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show()
    wait_idle(30_000)
    assert view.reports is not None, messages.calls
    product = view.portfolio_tables[next(iter(view.portfolio_tables))]
    assert product.item(0, 0).text() == "micro"
    assert product.item(product.rowCount() - 1, 1).text() == "合计"
    assert product.item(0, 7).text().endswith("%")
    shot(view, "reports")
    view.tabs.setCurrentWidget(view.chart)
    shot(view, "reports_trend")
    view.tabs.setCurrentWidget(product)

    assert view.due.rowCount() == 0  # the next instalments fall on 2026-07-20
    categories = {
        view.classification.item(r, 0).text(): view.classification.item(r, 1).text()
        for r in range(view.classification.rowCount())
    }
    assert categories["正常"] == "2" and categories["关注"] == "1"
    view.due_days.setValue(30)
    view.load()
    wait_idle(30_000)
    assert view.due.rowCount() == 3 and view.due.item(0, 3).text() == "2026-07-20"

    out = tmp_path / "portfolio.xlsx"
    view.choose_file = lambda kind, suggested: str(out)
    view.export("xlsx")
    wait_idle()
    sheet = load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert rows[0][0] == "micro" and rows[0][2] == 3
    assert rows[-1][1] == "合计" and rows[-1][2] == 3
    assert D(str(rows[-1][3])) == D("230000")


def test_the_views_are_offered_by_role(qtbot, branch, book, ops, wait_idle):
    from desktop.main_window import MainWindow

    offered = {}
    for user in (branch.liu, branch.li, branch.chen, branch.admin):
        window = MainWindow(branch.store, ops, user)
        qtbot.addWidget(window)
        window.show()
        wait_idle()
        offered[user.username] = set(window.nav_keys())
        window.end_session()
    assert "loan_register" in offered["liu"] and "reports" not in offered["liu"]
    assert "loan_register" in offered["li"] and "reports" not in offered["li"]
    assert {"loan_register", "reports"} <= offered["chen"]
    assert {"loan_register", "reports"} <= offered["admin"]


def test_a_double_click_opens_the_loan(register, branch, book, qtbot, wait_idle):
    view = register(branch.chen)
    row = next(i for i, r in enumerate(view.model.rows) if r.loan_number == book[0])
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle()
    dialog = view.findChild(LoanDetailDialog)
    assert dialog is not None and dialog.loan_number == book[0]
    assert dialog.detail.account.loan_number == book[0]
    # A supervisor reverses but does not post.
    assert dialog.reverse_button.isVisibleTo(dialog)
    assert not dialog.pay_button.isVisibleTo(dialog)
    dialog.reject()


def test_the_payment_form_checks_the_amount_and_receipt(qtbot):
    dialog = PaymentEntryDialog(None, "JK20260120-0001", D("8530.99"))
    qtbot.addWidget(dialog)
    assert dialog.amount_note.text() == "今日应还 8,530.99 元"
    dialog.amount.setText("abc")
    assert dialog.entry() is None
    assert dialog.amount_note.tone is Tone.ERROR and "还款金额" in dialog.amount_note.text()
    assert dialog.receipt_note.text() == "请填写回单号。"
    dialog.show()
    shot(dialog, "payment_entry")
    dialog.amount.setText("8,530.99")
    dialog.receipt.setText(" rc-1 ")
    entry = dialog.entry()
    assert entry.amount == D("8530.99") and entry.receipt_number == "rc-1"
    assert entry.channel == "cash"


def test_the_report_exports_to_pdf(qtbot, branch, book, ops, wait_idle, tmp_path):
    from pypdf import PdfReader

    view = ReportsView(context(branch, branch.admin, ops))
    qtbot.addWidget(view)
    wait_idle(30_000)
    view.tabs.setCurrentIndex(1)  # by officer
    out = tmp_path / "portfolio"
    view.choose_file = lambda kind, suggested: str(out)
    view.export("pdf")
    wait_idle()
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(f"{out}.pdf").pages)
    assert "按客户经理" in text and "合计" in text
    assert view.officers.rowCount() == 2


# --- early repayment, settlement and write-off from the loan detail -----------------------------------


def fill_payment(qtbot, monkeypatch, fill):
    """Replace the payment form's ``get_values``: ``fill(dialog)`` works the
    real form (its quotes run on the worker), then its entry is returned."""
    seen = []

    def get_values(dialog):
        seen.append(dialog)
        fill(dialog)
        return dialog.entry()

    monkeypatch.setattr(PaymentEntryDialog, "get_values", get_values)
    return seen


def summary_text(dialog, n: int) -> str:
    """The value shown in the summary's ``n``-th place."""
    return dialog.findChild(QLabel, f"summary_{n}").text()


def wait_for_quote(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.quote_panel.quote is not None and not dialog._quote_due)


def test_an_early_repayment_shortening_the_term_is_quoted_and_posted(
    detail, branch, book, qtbot, monkeypatch, wait_idle, messages
):
    number = book[1]  # 50,000 over 12 months, paid up to date: five instalments
    option = EarlyRepaymentOption.SHORTEN_TERM
    expected = early_repayment_quote(branch.uow(), number, TODAY, D("20000"), option)
    shown = {}

    def fill(form):
        assert form.paid_on.date().toPython() == TODAY  # the business day, not the machine's
        form.set_kind(PaymentKind.EARLY, option)
        qtbot.keyClicks(form.principal, "20,000")
        wait_for_quote(qtbot, form)
        panel = form.quote_panel
        shown.update({name: panel.value(name) for name in ("principal", "interest", "total")})
        shown["instalment"], shown["maturity"] = panel.value("instalment"), panel.value("maturity")
        shown["amount"] = form.amount.text()
        shot(form, "payment_early")
        form.receipt.setText("EA-1")

    fill_payment(qtbot, monkeypatch, fill)
    dialog = detail(branch.liu, number)
    dialog.pay_button.click()
    wait_idle()

    assert messages.texts("error") == []
    assert shown["principal"] == "20,000.00"
    assert shown["interest"] == format_amount(expected.interest)
    assert shown["total"] == shown["amount"] == format_amount(expected.total)
    new = expected.schedule.instalments
    assert shown["instalment"].endswith(f" → {format_amount(new[0].payment)}")
    assert shown["maturity"] == f"2027-01-20 → {new[-1].due_date.isoformat()}"
    (posted,) = repayment_history(branch.uow(), number)[-1:]
    assert posted.receipt_number == "EA-1" and posted.kind is PaymentKind.EARLY
    assert posted.option is option and posted.amount == expected.total
    # The schedule tab shows the new, shorter schedule.
    assert dialog.detail.account.schedule_version == 1
    table = dialog.schedule
    assert table.rowCount() == 5 + len(new) + 1 < 13
    last = table.rowCount() - 2
    assert table.item(last, 1).text() == new[-1].due_date.isoformat()
    assert table.item(5, 4).text() == format_amount(new[0].payment)


def test_a_settlement_is_prefilled_with_the_payoff_and_closes_the_loan(
    detail, branch, book, qtbot, monkeypatch, wait_idle, messages
):
    number = book[0]  # instalment 5 ten days late: the payoff includes it and the penalty
    payoff = early_repayment_quote(branch.uow(), number, TODAY)
    attempts = []

    def fill(form):
        if attempts:  # offered again after the refusal, as typed
            assert form.kind() is PaymentKind.SETTLEMENT
            assert form.receipt.text() == "ST-1"
            wait_for_quote(qtbot, form)
        else:
            form.set_kind(PaymentKind.SETTLEMENT)
            wait_for_quote(qtbot, form)
            assert form.quote_panel.value("total") == format_amount(payoff.total)
            assert form.amount.text() == format_amount(payoff.total)
            form.receipt.setText("ST-1")
            shot(form, "payment_settlement")
            # A teller changes the amount: the form warns, the domain refuses.
            form.amount.selectAll()
            qtbot.keyClicks(form.amount, "50000")
            assert form.amount_note.tone is Tone.WARNING
        attempts.append(form.amount.text())

    fill_payment(qtbot, monkeypatch, fill)
    dialog = detail(branch.liu, number)
    dialog.pay_button.click()
    wait_idle()
    (error,) = messages.texts("error")
    assert f"应还 {format_amount(payoff.total)} 元" in error and "50,000.00 元" in error
    assert attempts == ["50000"]
    assert len(repayment_history(branch.uow(), number)) == 4  # nothing saved
    assert dialog.detail.account.state is LoanState.ACTIVE

    dialog.pay_button.click()
    wait_idle()
    assert len(messages.texts("error")) == 1
    assert attempts[1] == format_amount(payoff.total)
    assert dialog.detail.account.state is LoanState.CLOSED
    assert summary_text(dialog, 4) == "已结清（2026-06-30）"
    assert not dialog.pay_button.isEnabled()
    assert repayment_history(branch.uow(), number)[-1].kind is PaymentKind.SETTLEMENT


def test_the_payment_form_quotes_only_with_what_it_needs(qtbot, ops, wait_idle):
    calls = []

    def quote(on, principal, option):
        calls.append((on, principal, option))
        raise DomainError("提前还款本金 90,000.00 元超过剩余本金 58,860.37 元")

    dialog = (
        PaymentEntryDialog(None, "JK20260120-0001", D("100"), today=TODAY, ops=ops, quote=quote)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.quote_panel.isVisible() and not dialog.principal.isVisible()
    dialog.set_kind(PaymentKind.EARLY)
    assert dialog.principal.isVisible() and dialog.quote_panel.isVisible()
    qtbot.waitUntil(lambda: not dialog._quote_due)
    assert calls == [] and "缩短期限或减少月供" in dialog.quote_panel.status.text()
    dialog.receipt.setText("X-1")
    dialog.amount.setText("100")
    assert dialog.entry() is None and dialog.option_note.tone is Tone.ERROR
    dialog.set_kind(PaymentKind.EARLY, EarlyRepaymentOption.REDUCE_INSTALMENT)
    qtbot.keyClicks(dialog.principal, "90000")
    assert dialog.entry() is None  # the quote is on its way
    qtbot.waitUntil(lambda: not dialog._quote_due)
    wait_idle()
    assert calls == [(TODAY, D("90000.00"), EarlyRepaymentOption.REDUCE_INSTALMENT)]
    assert "超过剩余本金" in dialog.quote_panel.status.text()
    dialog.set_kind(PaymentKind.REGULAR)
    assert not dialog.quote_panel.isVisible()
    entry = dialog.entry()
    assert entry.kind is PaymentKind.REGULAR and entry.option is None


@pytest.fixture
def loss_loan(branch, book):
    """A fourth loan, two years overdue, confirmed 损失 by chen."""
    loan = booked(4, "40000", date(2024, 3, 20), paid=2, officer="zhou", name="赵六")
    loan.classification = (Category.LOSS, "chen", "借款人失联，保证人无代偿能力")
    (number,) = branch.book(loan)
    return number


def test_a_supervisor_writes_off_a_loss_loan_with_a_second_approval(
    detail, branch, book, loss_loan, wait_idle, messages
):
    teller = detail(branch.liu, loss_loan)
    assert not teller.write_off_button.isVisibleTo(teller)
    teller.reject()
    current = detail(branch.chen, book[0])
    assert current.write_off_button.isVisibleTo(current)
    assert not current.write_off_button.isEnabled()
    assert "损失" in current.write_off_button.toolTip()
    current.reject()

    dialog = detail(branch.chen, loss_loan)
    assert dialog.write_off_button.isEnabled()
    dialog.ask_write_off = lambda: WriteOffRequest(
        "借款人失联两年，经诉讼终结执行", "sun", "wrong-1"
    )
    dialog.write_off_button.click()
    wait_idle()
    assert len(messages.texts("error")) == 1
    assert loan_account(branch.uow(), loss_loan).state is LoanState.ACTIVE

    dialog.ask_write_off = lambda: WriteOffRequest(
        "借款人失联两年，经诉讼终结执行", "sun", PASSWORD
    )
    dialog.write_off_button.click()
    wait_idle()

    assert len(messages.texts("error")) == 1
    (info,) = messages.texts("info")
    assert f"贷款 {loss_loan} 已核销" in info and "审批人 sun" in info
    account = loan_account(branch.uow(), loss_loan)
    assert account.state is LoanState.WRITTEN_OFF and account.closed_on == TODAY
    assert dialog.detail.account.state is LoanState.WRITTEN_OFF
    assert summary_text(dialog, 4) == "已核销（2026-06-30）"
    assert not dialog.write_off_button.isEnabled()
    assert "不能重复核销" in dialog.write_off_button.toolTip()
    assert dialog.schedule.rowCount() == 13  # 账销案存: the history stays
    shot(dialog, "loan_detail_written_off")


def test_the_write_off_form_shows_the_amounts_and_asks_for_everything(
    qtbot, branch, loss_loan, messages
):
    account = loan_account(branch.uow(), loss_loan)
    dialog = WriteOffDialog(None, account)
    qtbot.addWidget(dialog)
    dialog.show()
    total = account.outstanding_principal + account.overdue_interest
    assert dialog.findChild(QLabel, "figure_total").text() == format_amount(total)
    dialog.reason.setPlainText("借款人失联两年，经诉讼终结执行")
    dialog.approver.setText("sun")
    dialog.submit()
    assert dialog.value is None and dialog.error.tone is Tone.ERROR
    shot(dialog, "write_off")
    dialog.password.setText(PASSWORD)
    dialog.submit()
    assert dialog.value == WriteOffRequest("借款人失联两年，经诉讼终结执行", "sun", PASSWORD)


def test_the_documents_tab_prints_a_paper_and_lists_it(detail, branch, wait_idle):
    from pypdf import PdfReader

    from domain.documents import DocumentKind

    dialog = detail(branch.liu)
    tab = dialog.documents
    assert tab.table.rowCount() == 0
    shown = []
    tab.printer.open_preview = shown.append
    tab.choose(DocumentKind.SCHEDULE)
    assert not tab.as_of.isEnabled()  # a schedule has no as-of date

    tab.generate_button.click()
    wait_idle()

    (files,) = shown
    (paper,) = files
    text = "".join(page.extract_text() for page in PdfReader(paper.path).pages)
    assert "还款计划表" in text and dialog.loan_number in text
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 0).text() == paper.document_numbers[0]
    assert tab.table.item(0, 1).text() == "还款计划表"
    assert tab.table.item(0, 6).text()  # its verification code
    assert paper.document_numbers[0] in tab.status.text()
    dialog.tabs.setCurrentWidget(tab)
    shot(dialog, "documents_tab")
    tab.choose(DocumentKind.REMINDER)
    assert tab.as_of.isEnabled() and tab.as_of.date().toPython() == dialog.detail.today


def test_the_daily_run_from_the_register_is_safe_to_run_twice(
    register, branch, wait_idle, messages
):
    assert not register(branch.li).daily_run_button.isVisible()  # officers do not run it
    view = register(branch.liu)
    asked = []
    view.ask_day = lambda today: asked.append(today) or today

    view.daily_run_button.click()
    wait_idle()
    view.daily_run_button.click()
    wait_idle()

    assert asked == [TODAY, TODAY]  # the business day, not the computer's
    first, second = messages.texts("info")
    assert f"{TODAY.isoformat()} 日终处理完成" in first
    assert "记录贷款 0 笔" not in first
    assert "新建贷后账户 0 户，记录贷款 0 笔" in second and "新建贷后任务 0 项" in second


def test_the_daily_run_dialog_offers_no_day_after_today(qtbot):
    from desktop.dialogs.daily_run import DailyRunDialog

    dialog = DailyRunDialog(None, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    shot(dialog, "daily_run")
    assert dialog.day.date().toPython() == TODAY
    dialog.day.setDate(dialog.day.date().addDays(3))
    assert dialog.day.date().toPython() == TODAY


def test_a_supervisor_classifies_a_loan_from_its_detail(detail, branch, book, wait_idle):
    from desktop.dialogs.classification_decision import ClassificationChoice
    from domain.classification import Category, classification_history

    assert not detail(branch.liu).classify_button.isVisible()  # tellers do not classify
    dialog = detail(branch.chen, book[0])  # 10 days late: the suggestion is 关注
    asked, problems = [], []
    answers = [
        ClassificationChoice(Category.SUBSTANDARD),  # an override without a reason
        ClassificationChoice(Category.SUBSTANDARD, "借款人经营停滞，保证人失联"),
    ]

    def ask(decision):
        asked.append(decision.pending)
        problems.append(decision.reason_note.text())
        return answers.pop(0)

    dialog.classifier.ask = ask
    dialog.classify_button.click()
    wait_idle()

    assert [p.suggested for p in asked] == [Category.SPECIAL_MENTION] * 2
    assert problems[1]  # the refusal was shown beside the reason
    (decision,) = classification_history(branch.uow(), book[0])
    assert decision.category is Category.SUBSTANDARD and decision.overridden
    assert dialog.decisions.rowCount() == 1
    assert dialog.tabs.currentWidget() is dialog.decisions
