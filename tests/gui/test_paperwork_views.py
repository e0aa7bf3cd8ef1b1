"""打印文件, 批量通知 and 核验文件 against a real SQLite database holding
disbursed loans; the preview shows real PDFs with QtPdf."""

from __future__ import annotations

import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import text

from desktop.dialogs.pdf_preview import PdfPreviewDialog, flatten
from desktop.startup import open_store
from desktop.views import notices_view as notices_module
from domain.documents import prints_of
from domain.loans import loan_schedule
from tests.integration.test_documents_db import disbursed
from tests.integration.test_workflow import START, Desk, MovableClock


@pytest.fixture
def desk(tmp_path):
    clock = MovableClock(START)
    store = open_store(f"sqlite:///{tmp_path / 'desk.db'}", clock)
    store.upgrade()
    yield Desk(store, clock)
    store.close()


@pytest.fixture
def loan(desk):
    return disbursed(desk)


@pytest.fixture
def window_for(qtbot, desk, ops, wait_idle):
    """The main window on the desk's database, signed in as ``user``."""
    from desktop.main_window import MainWindow

    windows = []

    def open_for(user):
        window = MainWindow(desk.store, ops, user)
        qtbot.addWidget(window)
        window.show()
        wait_idle()
        windows.append(window)
        return window

    yield open_for
    for window in windows:
        window.end_session()


def _view(window, key: str, wait_idle):
    view = window.show_view(key)
    wait_idle()
    assert view is not None, key
    return view


def _generate(view, wait_idle, number: str, kind: str):
    view.number.setText(number)
    view.choose(kind)
    view.generate_button.click()
    wait_idle()


def _nav(window) -> set[str]:
    return {window.nav.item(i).text() for i in range(window.nav.count())}


def test_paperwork_is_offered_by_role(window_for, desk):
    paperwork = {"打印文件", "批量通知", "核验文件"}

    assert paperwork <= _nav(window_for(desk.liu))
    assert paperwork <= _nav(window_for(desk.li))
    supervisor = _nav(window_for(desk.sun))
    assert {"打印文件", "核验文件"} <= supervisor and "批量通知" not in supervisor
    admin = _nav(window_for(desk.admin))
    assert "核验文件" in admin and not {"打印文件", "批量通知"} & admin


# --- the preview ----------------------------------------------------------------------------


@pytest.fixture
def contract_preview(window_for, desk, loan, wait_idle) -> PdfPreviewDialog:
    view = _view(window_for(desk.liu), "documents", wait_idle)
    _generate(view, wait_idle, loan.application_number, "contract")
    assert view.preview is not None, view.status.text()
    return view.preview


def test_the_preview_shows_the_contract_with_pages_and_zoom(contract_preview, loan, qtbot):
    preview = contract_preview
    (file,) = preview.files
    pages = len(PdfReader(file.path).pages)
    assert preview.isVisible() and not preview.chooser.isVisible()
    assert file.document_numbers[0].startswith("JKHT")
    assert loan.loan_number in "".join(PdfReader(file.path).pages[0].extract_text().split())
    assert preview.page_count() == pages > 1
    assert preview.current_page() == 0
    assert preview.page_label.text() == f"第 1 页，共 {pages} 页"
    assert not preview.previous_button.isEnabled() and preview.next_button.isEnabled()

    preview.next_button.click()
    assert preview.current_page() == 1
    assert preview.page_label.text() == f"第 2 页，共 {pages} 页"
    preview.go_to_page(99)
    assert preview.current_page() == pages - 1 and not preview.next_button.isEnabled()
    preview.previous_button.click()
    assert preview.current_page() == pages - 2

    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    assert preview.fit_button.isChecked() and preview.zoom_label.text().endswith("%")
    preview.findChild(type(preview.print_button), "zoom_in").click()
    assert preview.view.zoomMode() is QPdfView.ZoomMode.Custom
    zoomed = preview.view.zoomFactor()
    assert preview.zoom_label.text() == f"{round(zoomed * 100)}%"
    preview.zoom_out()
    assert preview.view.zoomFactor() == pytest.approx(zoomed / 1.25)
    assert not preview.fit_button.isChecked()
    assert preview.current_page() == pages - 2  # zooming keeps the page shown
    preview.fit_button.click()
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    assert preview.fit_button.isChecked()
    assert preview.windowTitle().startswith("预览：借款合同 JKHT")


def test_printing_through_the_replaced_dialog_prints_every_page_and_records_it(
    contract_preview, desk, tmp_path, wait_idle
):
    preview = contract_preview
    printed = tmp_path / "printer.pdf"

    def choose_printer():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(96)
        printer.setCopyCount(2)
        return printer

    preview.ask_printer = choose_printer
    preview.print_button.click()
    wait_idle()

    assert len(PdfReader(printed).pages) == preview.page_count()
    (record,) = preview.printed
    number = preview.files[0].document_numbers[0]
    assert (record.document_number, record.destination, record.copies) == (number, "PDF", 2)
    assert record.printed_by == "liu"
    assert [p.copies for p in prints_of(desk.uow(), number)] == [2]
    assert "打印记录已登记" in preview.status.text()


def test_cancelling_the_print_dialog_prints_nothing(contract_preview, desk, wait_idle):
    contract_preview.ask_printer = lambda: None
    contract_preview.print_button.click()
    wait_idle()

    assert contract_preview.printed == []
    assert prints_of(desk.uow(), contract_preview.files[0].document_numbers[0]) == []


def test_save_as_pdf_copies_the_file_and_records_it(contract_preview, tmp_path, wait_idle):
    target = tmp_path / "合同副本.pdf"
    contract_preview.ask_save_path = lambda: target

    contract_preview.findChild(type(contract_preview.print_button), "save_pdf").click()
    wait_idle()

    assert target.read_bytes() == contract_preview.files[0].path.read_bytes()
    (record,) = contract_preview.saved
    assert record.destination == "PDF"
    assert "已另存为" in contract_preview.status.text()


def test_flatten_paints_transparent_paper_white():
    from PySide6.QtGui import QColor, QImage

    clear = QImage(4, 4, QImage.Format.Format_ARGB32)
    clear.fill(QColor(0, 0, 0, 0))

    assert flatten(clear).pixelColor(1, 1) == QColor("white")


def test_several_guarantors_are_chosen_above_the_pages(window_for, desk, wait_idle):
    from domain.applications import Guarantor
    from tests.integration.test_workflow import rid

    loan = disbursed(
        desk,
        guarantors=[
            Guarantor("孙七", rid(301), "13900000007", "朋友", "8000"),
            Guarantor("周八", rid(302), "13900000008", "亲属", "9000"),
        ],
    )
    view = _view(window_for(desk.li), "documents", wait_idle)
    _generate(view, wait_idle, loan.loan_number, "guarantee")

    preview = view.preview
    assert preview.chooser.count() == 2 and not preview.chooser.isHidden()
    preview.chooser.setCurrentIndex(1)
    assert preview.current_file.papers[0].guarantor.name == "周八"
    assert preview.current_page() == 0 and preview.page_count() >= 1


def test_a_refusal_is_shown_under_the_form(window_for, desk, wait_idle):
    number = desk.signed_off().application_number
    view = _view(window_for(desk.liu), "documents", wait_idle)

    _generate(view, wait_idle, number, "contract")

    assert view.preview is None
    assert "尚未放款" in view.status.text()
    view.choose("reminder")
    assert view.as_of.isEnabled()
    view.choose("schedule")
    assert not view.as_of.isEnabled()


# --- batch notices --------------------------------------------------------------------------


@pytest.fixture
def two_loans(desk):
    first = disbursed(desk)
    second = disbursed(desk, due_day=10)
    return first, second


def test_reminders_batch_opens_one_pdf_in_due_date_order(window_for, desk, two_loans, wait_idle):
    first, second = two_loans
    due = loan_schedule(desk.uow(), second.loan_number).instalments[0].due_date
    view = _view(window_for(desk.liu), "notices", wait_idle)
    view.as_of.setDate(QDate(due.year, due.month, due.day))
    view.within.setValue(31)

    view.generate_button.click()
    wait_idle()

    (file,) = view.preview.files
    assert [p.contract_number for p in file.papers] == [second.loan_number, first.loan_number]
    assert view.preview.page_count() == 2
    assert "已生成 2 份通知书" in view.status.text()


def test_overdue_batch_and_an_empty_one(window_for, desk, two_loans, wait_idle):
    first, _second = two_loans
    due = loan_schedule(desk.uow(), first.loan_number).instalments[1].due_date
    view = _view(window_for(desk.liu), "notices", wait_idle)
    view.overdue.setChecked(True)
    assert not view.within.isEnabled()
    view.as_of.setDate(QDate(due.year, due.month, due.day))

    view.generate_button.click()
    wait_idle()
    assert len(view.preview.files[0].papers) == 4

    view.as_of.setDate(QDate(2026, 3, 1))
    view.generate_button.click()
    wait_idle()
    assert "没有需要打印的通知书" in view.status.text()


def test_the_batch_can_be_cancelled(window_for, desk, two_loans, wait_idle, monkeypatch):
    view = _view(window_for(desk.liu), "notices", wait_idle)
    view.as_of.setDate(QDate(2026, 3, 1))
    view.within.setValue(60)
    cancelled = threading.Event()
    real = notices_module.generate_notices

    def held_until_cancelled(*args, **kwargs):
        cancelled.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(notices_module, "generate_notices", held_until_cancelled)

    view.generate_button.click()
    assert view.batch is not None and not view.generate_button.isEnabled()
    view.cancel()
    cancelled.set()
    wait_idle()

    assert view.preview is None and view.batch is None
    assert "已取消" in view.status.text()
    assert view.generate_button.isEnabled()


# --- verifying ------------------------------------------------------------------------------


def test_verify_view_says_match_not_found_and_changed(
    window_for, desk, loan, wait_idle, contract_preview
):
    code = contract_preview.files[0].papers[0].verification_code
    view = _view(window_for(desk.admin), "verify", wait_idle)

    view.code.setText(code.lower().replace("-", ""))
    view.verify_button.click()
    wait_idle()
    assert view.verdict.text() == "与系统记录相符"
    assert view.values["document_number"].text().startswith("JKHT")
    assert view.values["kind"].text() == "借款合同"
    assert view.values["addressee"].text() == loan.borrower_name
    assert view.values["loan"].text() == loan.loan_number
    assert view.values["prints"].text() == "尚未打印"
    assert not view.reason.isVisibleTo(view)

    view.code.setText("0000-0000-0000")
    view.verify_button.click()
    wait_idle()
    assert view.verdict.text() == "未找到该文书"
    assert "没有以此验证码出具的文书" in view.reason.text()
    assert not view.values["kind"].isVisibleTo(view)

    with desk.store.database.engine.begin() as c:
        c.execute(text("UPDATE applications SET purpose = '购买货车'"))
    view.code.setText(code)
    view.verify_button.click()
    wait_idle()
    assert view.verdict.text() == "与系统记录不符"
    assert "出具后已被修改" in view.reason.text()
    assert view.values["kind"].isVisibleTo(view)
