"""The preview of a generated document: look at it, then print it or save it.

``PdfPreviewDialog(ctx, files, parent).open()`` shows one or more generated
PDFs (``GeneratedFile``: several guarantee contracts are one file each; a
chooser appears above the pages when there is more than one). The pages
are shown by QtPdf (``QPdfDocument`` and ``QPdfView``) with zoom in, zoom
out and fit to width, and page navigation (第 x 页，共 y 页).

打印… asks for a printer through the system print dialog (``ask_printer``)
and 另存为 PDF… for a file name (``ask_save_path``); both are methods so
tests can replace them and never block on a modal ``exec()``. Printing
renders each page with ``QPdfDocument.render`` onto the printer, flattened
onto white first: the rendered image is transparent where the page is
blank, and some printer drivers print transparency black. Every printing
and every saved copy is recorded against the documents in the file
(``domain.documents.record_prints``).

Threading: the dialog lives on the UI thread. ``QPdfView`` renders its
pages asynchronously, so nothing here waits for it. Printing (rendering
every page) and recording run on the worker as one cancellable batch; the
worker opens the file with a ``QPdfDocument`` of its own and never touches
the dialog's.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.commands.paperwork import PDF, GeneratedFile
from desktop.navigation import ViewContext
from desktop.operations import OperationCancelled, Progress, describe_error
from desktop.widgets.form_fields import FieldNote, Tone
from domain.documents import record_prints

ZOOM_STEP = 1.25
ZOOM_MIN = 0.25
ZOOM_MAX = 4.0
# Pages are rendered for the printer at most at this resolution: enough for
# text and seals, and an A4 page stays about 35 MB in memory.
PRINT_DPI_MAX = 300
POINTS_PER_INCH = 72


class PdfPreviewDialog(QDialog):
    """Window-modal; ``open()`` shows it without waiting. ``printed`` and
    ``saved`` hold the print records made, for the caller and for tests."""

    def __init__(
        self, ctx: ViewContext, files: Sequence[GeneratedFile], parent: QWidget | None = None
    ):
        super().__init__(parent)
        if not files:
            raise ValueError("a preview needs at least one file")
        self.ctx = ctx
        self.files = list(files)
        self.printed: list = []
        self.saved: list = []
        self.setObjectName("pdf_preview")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.document = QPdfDocument(self)
        self._build()
        self._fit_to_screen()
        self.show_file(0)

    # --- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.chooser = QComboBox(objectName="document_choice")
        for file in self.files:
            self.chooser.addItem(file.title)
        self.chooser.setVisible(len(self.files) > 1)
        self.chooser.currentIndexChanged.connect(self.show_file)
        self.view = QPdfView(self, objectName="pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setStyleSheet("QPdfView { background: #e8eaed; }")
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._update_page())
        self.view.zoomFactorChanged.connect(lambda _factor: self._update_zoom())
        self.view.zoomModeChanged.connect(lambda _mode: self._update_zoom())
        self.status = FieldNote("status", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.chooser)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def _toolbar(self) -> QHBoxLayout:
        self.previous_button = self._button(
            "previous_page", self.tr("◀ Previous"), self.previous_page
        )
        self.page_label = QLabel(objectName="page_label")
        self.page_label.setMinimumWidth(120)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = self._button("next_page", self.tr("Next ▶"), self.next_page)
        self.zoom_label = QLabel(objectName="zoom_label")
        self.zoom_label.setMinimumWidth(90)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = self._button("print", self.tr("Print…"), self.print_document)
        self.print_button.setDefault(True)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addSpacing(16)
        bar.addWidget(self._button("zoom_out", self.tr("Zoom out"), self.zoom_out))
        bar.addWidget(self.zoom_label)
        bar.addWidget(self._button("zoom_in", self.tr("Zoom in"), self.zoom_in))
        self.fit_button = self._button("fit_width", self.tr("Fit width"), self.fit_width)
        self.fit_button.setCheckable(True)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self._button("save_pdf", self.tr("Save as PDF…"), self.save_as_pdf))
        bar.addWidget(self._button("close", self.tr("Close"), self.reject))
        return bar

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else QRect(0, 0, 1280, 1000)
        self.resize(min(980, screen.width() - 40), min(1100, screen.height() - 40))

    # --- what is shown ------------------------------------------------------------------

    @property
    def current_file(self) -> GeneratedFile:
        return self.files[max(self.chooser.currentIndex(), 0)]

    def show_file(self, index: int) -> None:
        """Show the ``index``-th file from its first page."""
        file = self.files[index]
        self.setWindowTitle(self.tr("Preview: {0}").format(file.title))
        self.document.load(str(file.path))
        self.status.clear_note()
        if self.document.status() is not QPdfDocument.Status.Ready:
            self.status.say(self.tr("The file {0} cannot be shown.").format(file.path), Tone.ERROR)
        self.go_to_page(0)
        self._update_zoom()

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        """The page shown, counted from 0."""
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        """Show page ``page`` (from 0), kept within the document, at the top."""
        last = max(self.page_count() - 1, 0)
        target = min(max(page, 0), last)
        navigator = self.view.pageNavigator()
        if target == navigator.currentPage() and last > 0:
            # The view scrolls only when the current page changes: step off
            # it first, or a page scrolled away from (by zooming) stays so.
            navigator.jump(1 if target == 0 else 0, QPointF(), 0)
        navigator.jump(target, QPointF(), 0)
        self._update_page()

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def zoom_in(self) -> None:
        self._zoom(self._zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(self._zoom_factor() / ZOOM_STEP)

    def fit_width(self) -> None:
        self._keep_page(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))

    def _zoom_factor(self) -> float:
        """The zoom as shown: fit to width is worked out from the view's width."""
        if self.view.zoomMode() is QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        page_width = self.document.pagePointSize(self.current_page()).width()
        screen_width = page_width / POINTS_PER_INCH * self.logicalDpiX()
        usable = self.view.viewport().width() - 2 * self.view.documentMargins().left()
        return max(usable, 1) / max(screen_width, 1)

    def _zoom(self, factor: float) -> None:
        def change() -> None:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(min(max(factor, ZOOM_MIN), ZOOM_MAX))

        self._keep_page(change)

    def _keep_page(self, change: Callable[[], None]) -> None:
        """Apply a zoom ``change`` and bring the page shown back to the top.

        The view keeps the old scroll position, which now shows another
        page; it sets the new scroll range before it has placed the pages
        anew, so the jump waits for the next turn of the event loop."""
        page = self.current_page()
        change()
        self._update_zoom()
        QTimer.singleShot(0, self, lambda: self.go_to_page(page))

    def _update_page(self) -> None:
        count = self.page_count()
        page = self.current_page() + 1 if count else 0
        self.page_label.setText(self.tr("Page {0} of {1}").format(page, count))
        self.previous_button.setEnabled(page > 1)
        self.next_button.setEnabled(page < count)

    def _update_zoom(self) -> None:
        fitted = self.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
        self.fit_button.setChecked(fitted)
        self.zoom_label.setText(f"{round(self._zoom_factor() * 100)}%")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_zoom()  # fitted to the width, the zoom follows the window

    # --- printing and saving ----------------------------------------------------------

    def ask_printer(self) -> QPrinter | None:
        """The printer and settings chosen in the system print dialog, or
        ``None`` if cancelled. Replaced in tests."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFromTo(1, max(self.page_count(), 1))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {0}").format(self.current_file.title))
        dialog.setMinMax(1, max(self.page_count(), 1))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return printer if accepted else None

    def ask_save_path(self) -> Path | None:
        """Where to save a copy of the PDF, or ``None`` if cancelled. Replaced in tests."""
        suggested = str(Path.home() / self.current_file.path.name)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def print_document(self) -> None:
        """Print the file shown on a printer chosen by the user, then record it."""
        printer = self.ask_printer()
        if printer is None:
            return
        file, uow, user = self.current_file, self.ctx.uow, self.ctx.user
        destination = printer_name(printer)

        def work(progress: Progress) -> list:
            print_pdf(file.path, printer, progress)
            copies = max(printer.copyCount(), 1)
            return record_prints(uow(), user, file.document_numbers, destination, copies)

        self._busy(True)
        self.ctx.ops.run_batch(
            work,
            on_done=self._printed,
            on_error=self._failed,
            label=self.tr("Printing {0}…").format(file.title),
            parent=self,
        )

    def save_as_pdf(self) -> None:
        """Save a copy of the file shown where the user chooses, then record it."""
        target = self.ask_save_path()
        if target is None:
            return
        file, uow, user = self.current_file, self.ctx.uow, self.ctx.user

        def work() -> list:
            shutil.copyfile(file.path, target)
            return record_prints(uow(), user, file.document_numbers, PDF)

        self._busy(True)
        self.ctx.ops.run(
            work,
            on_done=lambda records: self._saved(records, target),
            on_error=self._failed,
            label=self.tr("Saving {0}…").format(target.name),
            parent=self,
        )

    def _printed(self, records: list) -> None:
        self._busy(False)
        self.printed.extend(records)
        self.status.say(
            self.tr("Printed on {0}; the printing is recorded.").format(records[0].destination),
            Tone.OK,
        )

    def _saved(self, records: list, target: Path) -> None:
        self._busy(False)
        self.saved.extend(records)
        self.status.say(self.tr("Saved as {0}; the copy is recorded.").format(target), Tone.OK)

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        if isinstance(error, OperationCancelled):
            self.status.say(self.tr("Printing cancelled; nothing was recorded."), Tone.WARNING)
        elif isinstance(error, OSError):
            self.status.say(self.tr("The file could not be written: {0}").format(error), Tone.ERROR)
        else:
            self.status.say(describe_error(error), Tone.ERROR)

    def _busy(self, busy: bool) -> None:
        for name in ("print", "save_pdf"):
            self.findChild(QPushButton, name).setEnabled(not busy)


# --- printing, on the worker ----------------------------------------------------------


def printer_name(printer: QPrinter) -> str:
    """What the print record says: the printer's name, or ``PDF`` for a file."""
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat:
        return PDF
    return printer.printerName() or PDF


def print_pdf(path: Path, printer: QPrinter, progress: Progress | None = None) -> int:
    """Print the pages of the PDF at ``path`` chosen in ``printer`` (its page
    range, or all) and return how many were printed. Each page is rendered,
    flattened onto white and drawn to fit the printable area, top-centred.

    Worker thread: opens the file with a ``QPdfDocument`` of its own.
    ``progress`` is reported after each page and checked for a cancel.
    """
    document = QPdfDocument()
    document.load(str(path))
    if document.status() is not QPdfDocument.Status.Ready:
        raise OSError(f"无法打开 {path}")
    pages = _page_range(printer, document.pageCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"无法开始打印到 {printer_name(printer)}")
    try:
        for done, page in enumerate(pages):
            if progress is not None:
                progress.check()
            if done:
                printer.newPage()
            _draw_page(painter, document, page, min(printer.resolution(), PRINT_DPI_MAX))
            if progress is not None:
                progress.report(done + 1, len(pages))
    finally:
        painter.end()
        document.close()
    return len(pages)


def _page_range(printer: QPrinter, count: int) -> list[int]:
    """Pages to print, from 0: the dialog's range (1-based, 0 for all)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return list(range(count))
    return list(range(max(first, 1) - 1, min(last, count)))


def _draw_page(painter: QPainter, document: QPdfDocument, page: int, dpi: int) -> None:
    points = document.pagePointSize(page)
    size = QSize(
        round(points.width() * dpi / POINTS_PER_INCH),
        round(points.height() * dpi / POINTS_PER_INCH),
    )
    image = flatten(document.render(page, size))
    area = painter.viewport()
    scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = (area.width() - scaled.width()) // 2
    painter.drawImage(QRect(left, 0, scaled.width(), scaled.height()), image)


def flatten(image: QImage) -> QImage:
    """``image`` painted onto white: QtPdf renders blank paper transparent."""
    white = QImage(image.size(), QImage.Format.Format_RGB32)
    white.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(white)
    painter.drawImage(0, 0, image)
    painter.end()
    return white
