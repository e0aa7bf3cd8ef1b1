"""The page every document is printed on, and the building blocks they share.

An A4 page with the bank and branch and the document's title and number in
the header; in the footer the verification code with its QR code and
``第 x 页 共 y 页``. Several documents may share one PDF (a batch of notices):
each starts on a new page and counts its own pages.

Header and footer are drawn when the PDF is saved, once every page is laid
out, so the page count is known without laying the document out twice.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import BinaryIO
from xml.sax.saxutils import escape

import qrcode
from reportlab import rl_config
from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from domain.errors import DomainError
from domain.paperwork import BankDetails, Paper
from printing.fonts import SANS, SONG, register_fonts
from printing.templates import Clause, DocumentTemplate

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 22 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 32 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
CONTENT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

# Page streams compressed but not wrapped in ASCII85: the files are a quarter
# smaller and quicker to write, and nothing that reads them needs 7-bit PDF.
rl_config.useA85 = 0

# reportlab keeps a line from starting with 。、） but not with the full-width
# comma, semicolon, colon, question or exclamation mark, nor a closing quote
# or title mark, so Chinese lines could start with "，". Such a mark hangs at
# the end of the line before instead, as Chinese typesetting does.
_NEVER_START_A_LINE = "，；：！？”’》」』】〕"
if not set(_NEVER_START_A_LINE) <= set(textsplit.ALL_CANNOT_START):
    textsplit.ALL_CANNOT_START += _NEVER_START_A_LINE

TOP_RULE = PAGE_HEIGHT - 17 * mm
HEADER_BASELINE = TOP_RULE + 2.2 * mm
BOTTOM_RULE = 25 * mm
QR_SIZE = 17 * mm
LABEL_WIDTH = 24 * mm  # the label column of bordered tables
RULE_GREY = colors.Color(0.35, 0.35, 0.35)
LABEL_SHADE = colors.Color(0.93, 0.93, 0.93)
HEADER_SHADE = colors.Color(0.86, 0.86, 0.86)

Output = BinaryIO | Path | str
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class PrintingCancelled(DomainError):
    """The user cancelled a batch before it was finished. Nothing was written."""

    def __init__(self, done: int = 0, total: int = 0):
        super().__init__(f"已取消打印：{total} 份中已排版 {done} 份，未生成文件")
        self.done = done
        self.total = total


# --- What is printed on every page -----------------------------------------------


@dataclass(frozen=True)
class PageMarks:
    """Header and footer of every page of one document."""

    bank: BankDetails
    title: str
    document_number: str
    verification_code: str

    @classmethod
    def of(cls, paper: Paper, title: str) -> PageMarks:
        return cls(paper.bank, title, paper.document_number, paper.verification_code)

    @property
    def qr_payload(self) -> str:
        """What the QR code says: the verification code, which finds the
        document and proves its content, and nothing personal. Its letters,
        digits and dashes fit QR's alphanumeric mode in the smallest symbol
        (21 × 21), quick to make and easy to scan."""
        return self.verification_code

    @property
    def bank_contact(self) -> str:
        """The bank's address and telephone for the footer, or ``""``."""
        parts = (
            f"地址：{self.bank.address}" if self.bank.address else "",
            f"电话：{self.bank.phone}" if self.bank.phone else "",
        )
        return "　".join(part for part in parts if part)


class StartDocument(Flowable):
    """Marks where a document begins in the story. Takes no room; when drawn
    it tells the canvas whose header and footer the following pages carry."""

    def __init__(self, marks: PageMarks):
        super().__init__()
        self.marks = marks
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.page_marks = self.marks


class PaperCanvas(Canvas):
    """A canvas that keeps each page until the PDF is saved, then draws the
    header and footer knowing how many pages each document has.

    Keeping pages costs a dictionary per page, a few kilobytes: a batch of
    thousands of notices stays well within memory.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_marks: PageMarks | None = None
        self._kept_pages: list[tuple[dict, PageMarks | None]] = []

    def showPage(self) -> None:
        self._kept_pages.append((dict(self.__dict__), self.page_marks))
        self._startPage()

    def save(self) -> None:
        kept = self._kept_pages
        counts: dict[int, int] = {}
        for _state, marks in kept:
            counts[id(marks)] = counts.get(id(marks), 0) + 1
        page_in_document = 0
        previous = None
        for state, marks in kept:
            page_in_document = page_in_document + 1 if marks is previous else 1
            previous = marks
            self.__dict__.update(state)
            if marks is not None:
                draw_page_marks(self, marks, page_in_document, counts[id(marks)])
            Canvas.showPage(self)
        Canvas.save(self)


def draw_page_marks(canvas: Canvas, marks: PageMarks, page: int, pages: int) -> None:
    """Header and footer of page ``page`` of ``pages``.

    What is the same on every page of the bank's documents (rules, bank name,
    contact line) is stored once per PDF and referred to; the rest goes into
    one text object. A batch of notices draws these marks on every page.
    """
    right = PAGE_WIDTH - MARGIN_RIGHT
    draw_shared(
        canvas,
        f"marks|{marks.bank.full_name}|{marks.bank_contact}",
        PAGE_WIDTH,
        PAGE_HEIGHT,
        lambda form: _draw_bank_marks(form, marks),
    )
    canvas.saveState()
    text = canvas.beginText()
    number = f"{marks.title}　编号：{marks.document_number}"
    _place(text, right - stringWidth(number, SANS, 8.5), HEADER_BASELINE, number, 8.5)
    count = f"第 {page} 页　共 {pages} 页"
    _place(text, (PAGE_WIDTH - stringWidth(count, SANS, 9)) / 2, 15 * mm, count, 9)
    _place(text, MARGIN_LEFT, 19 * mm, f"验证码：{marks.verification_code}", 9)
    canvas.drawText(text)
    canvas.restoreState()
    draw_qr(canvas, marks.qr_payload, right - QR_SIZE, 6 * mm, QR_SIZE)


def _draw_bank_marks(canvas: Canvas, marks: PageMarks) -> None:
    """The parts of header and footer that only depend on the bank."""
    right = PAGE_WIDTH - MARGIN_RIGHT
    canvas.setStrokeColor(RULE_GREY)
    canvas.setLineWidth(0.6)
    canvas.lines(
        [(MARGIN_LEFT, TOP_RULE, right, TOP_RULE), (MARGIN_LEFT, BOTTOM_RULE, right, BOTTOM_RULE)]
    )
    text = canvas.beginText()
    _place(text, MARGIN_LEFT, HEADER_BASELINE, marks.bank.full_name, 9.5)
    text.setFillColor(RULE_GREY)
    _place(text, MARGIN_LEFT, 15 * mm, "扫描二维码或凭验证码向发文机构核验", 7)
    if marks.bank_contact:
        _place(text, MARGIN_LEFT, 11 * mm, marks.bank_contact, 7)
    canvas.drawText(text)


def draw_shared(
    canvas: Canvas, key: str, width: float, height: float, paint: Callable[[Canvas], None]
) -> None:
    """Draw what ``paint`` draws at the current origin, storing it in the PDF
    once per distinct ``key`` (as a form) and referring to it after that.

    For what repeats unchanged across the documents of a batch: drawn once,
    it costs nothing on later pages and the file is smaller. ``paint`` draws
    within (0, 0)–(width, height).
    """
    name = "LD" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
    if not canvas.hasForm(name):
        canvas.beginForm(name, 0, 0, width, height)
        paint(canvas)
        canvas.endForm()
    canvas.doForm(name)


def _place(text, x: float, y: float, line: str, size: float) -> None:
    text.setTextOrigin(x, y)
    text.setFont(SANS, size)
    text.textOut(line)


@functools.lru_cache(maxsize=256)
def _qr_operators(payload: str) -> tuple[int, str]:
    """The QR code of ``payload``: its size in modules, and the PDF operators
    that fill its dark modules in a square of that many units, row 0 at the
    top. One rectangle per run of dark modules along a row.

    The mask pattern is fixed rather than chosen by scoring all eight: any
    mask gives a valid code, and scoring costs more than the rest of a
    notice. Medium error correction survives a smudged or folded corner.
    """
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=4
    )
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    rectangles = []
    for row, modules in enumerate(matrix):
        column = 0
        while column < len(modules):
            if modules[column]:
                start = column
                while column < len(modules) and modules[column]:
                    column += 1
                rectangles.append(f"{start} {row} {column - start} 1 re")
            else:
                column += 1
    return len(matrix), "\n".join([*rectangles, "f"])


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The QR code of ``payload``, ``size`` wide, its lower left corner at (x, y).

    Written as raw rectangle operators in module units under a scaling
    transform: drawing a few hundred squares through the path API costs
    milliseconds a page, which adds up over a batch of a thousand notices.
    """
    count, operators = _qr_operators(payload)
    module = size / count
    canvas.saveState()
    canvas.setFillColor(colors.black)
    # Flip the y axis so row 0 of the matrix is the top row of the square.
    canvas.transform(module, 0, 0, -module, x, y + size)
    canvas.addLiteral(operators)
    canvas.restoreState()


# --- Styles ----------------------------------------------------------------------


@functools.cache
def paper_styles() -> SimpleNamespace:
    """The paragraph styles of all documents, built once per process.

    Chinese text needs ``wordWrap="CJK"``: without it a line has no spaces to
    break at and runs off the page.
    """
    register_fonts()

    def style(name: str, **options) -> ParagraphStyle:
        defaults = {"fontName": SONG, "fontSize": 10.5, "leading": 18, "wordWrap": "CJK"}
        return ParagraphStyle(name, **{**defaults, **options})

    return SimpleNamespace(
        title=style("title", fontName=SANS, fontSize=19, leading=28, alignment=TA_CENTER),
        subtitle=style(
            "subtitle", fontName=SANS, fontSize=10, leading=16, alignment=TA_CENTER, spaceAfter=8
        ),
        heading=style("heading", fontName=SANS, fontSize=11, leading=18, spaceBefore=7),
        body=style("body", firstLineIndent=21, alignment=TA_JUSTIFY),
        plain=style("plain", alignment=TA_LEFT),
        right=style("right", alignment=TA_RIGHT),
        centre=style("centre", alignment=TA_CENTER),
        emphasis=style("emphasis", fontName=SANS, fontSize=10, leading=16, alignment=TA_JUSTIFY),
        small=style("small", fontSize=9, leading=14, textColor=RULE_GREY),
        cell=style("cell", fontName=SANS, fontSize=9.5, leading=14),
        cell_label=style("cell_label", fontName=SANS, fontSize=9.5, leading=14),
    )


# --- Tables ----------------------------------------------------------------------


def facts_table(
    rows: Sequence[Sequence[object]], widths: Sequence[float], label_columns: Iterable[int] = (0,)
) -> Flowable:
    """A bordered table of labels and values, label columns shaded.

    Cells are plain text (not markup) or Paragraphs. A row with fewer cells
    than columns has its last cell span the rest of the row. Text that does
    not fit its cell on one line wraps inside it: long names and addresses
    stay in their boxes. When every cell fits on one line the table is drawn
    directly, several times faster than a general table, which counts in
    batches of notices.
    """
    label_columns = tuple(label_columns)
    if all(_fits(cell, width) for row in rows for cell, width in _cells(row, widths)):
        return FactsGrid(rows, widths, label_columns)
    styles = paper_styles()
    cells, commands = [], [*_GRID, ("FONT", (0, 0), (-1, -1), SANS, FACT_SIZE, FACT_SIZE + 4.5)]
    for number, row in enumerate(rows):
        cells.append(
            [
                _wrapping(cell, styles.cell_label if c in label_columns else styles.cell, width)
                for c, (cell, width) in enumerate(_cells(row, widths))
            ]
            + [""] * (len(widths) - len(row))
        )
        if len(row) < len(widths):
            commands.append(("SPAN", (len(row) - 1, number), (-1, number)))
        for column in label_columns:
            if column < len(row):
                commands.append(("BACKGROUND", (column, number), (column, number), LABEL_SHADE))
    table = Table(cells, colWidths=list(widths))
    table.setStyle(TableStyle(commands))
    return table


def party_columns() -> list[float]:
    """Label, name or address (wide: they may be long), label, ID or phone."""
    narrow = 40 * mm
    return [LABEL_WIDTH, CONTENT_WIDTH - 2 * LABEL_WIDTH - narrow, LABEL_WIDTH, narrow]


def side_by_side(pairs: Sequence[tuple[str, object]], per_row: int = 2) -> list[list[object]]:
    """Rows for ``facts_table`` with ``per_row`` label–value pairs each:
    ``[(a, 1), (b, 2), (c, 3)]`` → ``[[a, 1, b, 2], [c, 3, "", ""]]``."""
    rows = []
    for start in range(0, len(pairs), per_row):
        chunk = list(pairs[start : start + per_row])
        chunk += [("", "")] * (per_row - len(chunk))
        rows.append([cell for pair in chunk for cell in pair])
    return rows


FACT_SIZE = 9.5
CELL_PADDING = 5


def _cells(row: Sequence[object], widths: Sequence[float]) -> list[tuple[object, float]]:
    """Each cell of ``row`` with its width; the last cell takes what is left."""
    cells = [(cell, widths[i]) for i, cell in enumerate(row)]
    if cells:
        cells[-1] = (cells[-1][0], sum(widths[len(row) - 1 :]))
    return cells


def _fits(cell: object, width: float) -> bool:
    return isinstance(cell, str) and (
        stringWidth(cell, SANS, FACT_SIZE) <= width - 2 * CELL_PADDING
    )


def _wrapping(cell: object, style: ParagraphStyle, width: float) -> object:
    if isinstance(cell, str) and not _fits(cell, width):
        return Paragraph(escape(cell), style)
    return cell


class FactsGrid(Flowable):
    """A bordered grid of one-line text cells, label columns shaded: what
    ``facts_table`` draws when nothing needs to wrap. Splits between rows."""

    # As tall as a one-line row of the general table: both kinds sit side by side.
    ROW_HEIGHT = 3.5 + 4.5 + FACT_SIZE + 4.5

    def __init__(
        self, rows: Sequence[Sequence[str]], widths: Sequence[float], label_columns: tuple[int, ...]
    ):
        super().__init__()
        self.rows = [list(row) for row in rows]
        self.widths = list(widths)
        self.label_columns = label_columns
        self.width = sum(self.widths)
        self.height = len(self.rows) * self.ROW_HEIGHT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fitting = int(available_height // self.ROW_HEIGHT)
        if fitting < 1 or fitting >= len(self.rows):
            return []
        return [
            FactsGrid(self.rows[:fitting], self.widths, self.label_columns),
            FactsGrid(self.rows[fitting:], self.widths, self.label_columns),
        ]

    def draw(self) -> None:
        labels = [
            [(c, cell) for c, cell in enumerate(row) if self._is_label(c)] for row in self.rows
        ]
        key = f"grid|{self.widths}|{[len(row) for row in self.rows]}|{labels}"
        draw_shared(self.canv, key, self.width, self.height, self._draw_frame_and_labels)
        self._draw_cells(self.canv, labels=False)

    def _is_label(self, column: int) -> bool:
        return column in self.label_columns

    def _draw_frame_and_labels(self, canvas: Canvas) -> None:
        """Shading, rules and labels: the same in every notice of a batch."""
        canvas.setFillColor(LABEL_SHADE)
        rules = []
        for top, row in zip(self._row_tops(), self.rows, strict=False):
            left = 0.0
            for column, (_cell, width) in enumerate(_cells(row, self.widths)):
                if self._is_label(column):
                    canvas.rect(
                        left, top - self.ROW_HEIGHT, width, self.ROW_HEIGHT, stroke=0, fill=1
                    )
                if left:
                    rules.append((left, top, left, top - self.ROW_HEIGHT))
                left += width
        rules += [(0, y, self.width, y) for y in self._row_tops()[1:-1]]
        canvas.setLineWidth(0.5)
        canvas.lines(rules)
        canvas.setLineWidth(1.0)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        self._draw_cells(canvas, labels=True)

    def _draw_cells(self, canvas: Canvas, labels: bool) -> None:
        """The label cells' text or the value cells' text, in one text object."""
        text = canvas.beginText()
        text.setFont(SANS, FACT_SIZE)
        text.setFillColor(colors.black)
        # Baseline a little below the middle of the row: CJK glyphs sit high.
        drop = self.ROW_HEIGHT / 2 + FACT_SIZE * 0.36
        for top, row in zip(self._row_tops(), self.rows, strict=False):
            left = 0.0
            for column, (cell, width) in enumerate(_cells(row, self.widths)):
                if self._is_label(column) == labels and cell:
                    text.setTextOrigin(left + CELL_PADDING, top - drop)
                    text.textOut(cell)
                left += width
        canvas.drawText(text)

    def _row_tops(self) -> list[float]:
        return [self.height - i * self.ROW_HEIGHT for i in range(len(self.rows) + 1)]


def grid_table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    numeric_columns: Iterable[int] = (),
    centred_columns: Iterable[int] = (),
    total_row: bool = False,
) -> Table:
    """A bordered table with a shaded header row repeated on every page,
    figures right-aligned, and optionally a shaded totals row at the bottom
    whose label spans the first two columns."""
    table = Table(list(rows), colWidths=list(widths), repeatRows=header_rows)
    commands = [
        *_GRID,
        ("FONT", (0, 0), (-1, -1), SANS, 9, 13),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_SHADE),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
    ]
    for column in numeric_columns:
        commands.append(("ALIGN", (column, header_rows), (column, -1), "RIGHT"))
    for column in centred_columns:
        commands.append(("ALIGN", (column, header_rows), (column, -1), "CENTER"))
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), LABEL_SHADE))
        commands.append(("SPAN", (0, -1), (1, -1)))
        commands.append(("ALIGN", (0, -1), (1, -1), "CENTER"))
    table.setStyle(TableStyle(commands))
    return table


def framed(content: Sequence[Flowable], width: float = CONTENT_WIDTH) -> Table:
    """``content`` in a ruled box, for a warning the reader must not miss."""
    table = Table([[list(content)]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), LABEL_SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


_GRID = (
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 3.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ("LEFTPADDING", (0, 0), (-1, -1), 5),
    ("RIGHTPADDING", (0, 0), (-1, -1), 5),
)


# --- Signature blocks --------------------------------------------------------------


@dataclass(frozen=True)
class Signer:
    """One party's place to sign: ``role`` (``借款人``), the printed ``name``
    beside it, whether a fingerprint goes over the signature (捺印) or the
    bank's seal (盖章)."""

    role: str
    name: str = ""
    fingerprint: bool = True
    seal: bool = False


class SignatureBlock(Flowable):
    """Signature places two to a row: the role, the printed name, a line to
    sign on and a date line, beside a dashed square for the fingerprint over
    the signature (捺印) or a dashed circle for the seal."""

    PANEL_HEIGHT = 33 * mm
    MARK_SIZE = 18 * mm

    def __init__(self, signers: Sequence[Signer | None]):
        """``None`` leaves a place empty, to set the bank's officer under its seal."""
        super().__init__()
        self.signers = list(signers)
        self.rows = (len(self.signers) + 1) // 2

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.rows * self.PANEL_HEIGHT
        return self.width, self.height

    def draw(self) -> None:
        panel_width = self.width / 2
        for index, signer in enumerate(self.signers):
            if signer is None:
                continue
            row, column = divmod(index, 2)
            x = column * panel_width
            top = self.height - row * self.PANEL_HEIGHT
            self._panel(signer, x, top, panel_width - 6 * mm)

    def _panel(self, signer: Signer, x: float, top: float, width: float) -> None:
        canvas = self.canv
        text_width = width - self.MARK_SIZE - 3 * mm
        canvas.saveState()
        canvas.setFont(SANS, 10)
        canvas.drawString(x, top - 5 * mm, _fit(signer.role, SANS, 10, width))
        canvas.setFont(SONG, 10.5)
        if signer.name:
            canvas.drawString(x, top - 11.5 * mm, _fit(signer.name, SONG, 10.5, text_width))
        canvas.drawString(x, top - 20 * mm, "（盖章）" if signer.seal else "签字：")
        if not signer.seal:
            canvas.setLineWidth(0.5)
            canvas.line(x + 11 * mm, top - 20.8 * mm, x + text_width, top - 20.8 * mm)
        canvas.drawString(x, top - 28.5 * mm, "日期：　　　　年　　月　　日")
        canvas.setDash(2, 2)
        canvas.setStrokeColor(RULE_GREY)
        canvas.setFillColor(RULE_GREY)
        canvas.setFont(SANS, 7.5)
        mark_x = x + width - self.MARK_SIZE
        mark_top = top - 8 * mm
        middle_x, middle_y = mark_x + self.MARK_SIZE / 2, mark_top - self.MARK_SIZE / 2
        if signer.seal:
            canvas.circle(middle_x, middle_y, self.MARK_SIZE / 2, stroke=1, fill=0)
            canvas.drawCentredString(middle_x, middle_y - 1 * mm, "盖章处")
        elif signer.fingerprint:
            canvas.rect(mark_x, mark_top - self.MARK_SIZE, self.MARK_SIZE, self.MARK_SIZE)
            canvas.drawCentredString(middle_x, middle_y - 1 * mm, "捺印处")
        canvas.restoreState()


def clause_flowables(clauses: Sequence[Clause]) -> list[Flowable]:
    """A contract's numbered clauses: each heading kept with its first
    paragraph. Paragraphs left empty by their placeholders (no spouse) are
    not printed."""
    styles = paper_styles()
    flowables: list[Flowable] = []
    for clause in clauses:
        paragraphs = [Paragraph(text, styles.body) for text in clause.paragraphs if text.strip()]
        heading = Paragraph(clause.heading, styles.heading)
        flowables.append(KeepTogether([heading, *paragraphs[:1]]))
        flowables.extend(paragraphs[1:])
    return flowables


def signature_section(
    template: DocumentTemplate, values: Mapping[str, str], signers: Sequence[Signer | None]
) -> list[Flowable]:
    """The template's ``reminder`` of onerous terms, its ``end_of_text`` line
    and the signature blocks, kept together: no signature stands on a page
    without contract text above it."""
    styles = paper_styles()
    return [
        Spacer(0, 4 * mm),
        KeepTogether(
            [
                Paragraph(template.text("reminder", values), styles.emphasis),
                Spacer(0, 2 * mm),
                Paragraph(template.text("end_of_text", values), styles.centre),
                Spacer(0, 3 * mm),
                SignatureBlock(signers),
            ]
        ),
    ]


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width``: a signature heading is
    one line; the full name is printed in the body of the document."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class BottomAligned(Flowable):
    """Its content set at the foot of the page, such as a tear-off receipt:
    takes all the room left on the page, or moves to the next page if the
    content does not fit in what is left."""

    def __init__(self, content: Sequence[Flowable]):
        super().__init__()
        self.content = list(content)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self._sizes = [f.wrap(available_width, available_height) for f in self.content]
        needed = sum(height for _w, height in self._sizes) + sum(
            f.getSpaceBefore() + f.getSpaceAfter() for f in self.content
        )
        self._needed = needed
        self.height = available_height if needed <= available_height else needed
        return self.width, self.height

    def draw(self) -> None:
        y = self._needed
        for flowable, (_w, height) in zip(self.content, self._sizes, strict=True):
            y -= flowable.getSpaceBefore() + height
            flowable.drawOn(self.canv, 0, y)
            y -= flowable.getSpaceAfter()


class SharedBlock(Flowable):
    """Flowables that print identically in many documents of one PDF, such
    as the closing lines of a notice: laid out once, stored once in the PDF
    and referred to from every page that shows them.

    Pass the same instance to every document of the batch. It does not split
    across pages: keep it to a few paragraphs.
    """

    def __init__(self, content: Sequence[Flowable]):
        super().__init__()
        self.content = list(content)
        self._laid_out_for: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._laid_out_for != available_width:
            self._lay_out(available_width)
        return self.width, self.height

    def _lay_out(self, width: float) -> None:
        placed, y = [], 0.0
        for flowable in self.content:
            _w, height = flowable.wrap(width, CONTENT_HEIGHT)
            y += flowable.getSpaceBefore() if placed else 0
            placed.append((flowable, y + height))
            y += height + flowable.getSpaceAfter()
        self.width, self.height = width, y
        self._placed = [(flowable, y - bottom) for flowable, bottom in placed]
        self._laid_out_for = width

    def draw(self) -> None:
        draw_shared(self.canv, f"block|{id(self)}", self.width, self.height, self._paint)

    def _paint(self, canvas: Canvas) -> None:
        for flowable, y in self._placed:
            flowable.drawOn(canvas, 0, y)


class CutLine(Flowable):
    """A dashed line across the page with a note in the middle: cut here."""

    def __init__(self, note: str, height: float = 8 * mm):
        super().__init__()
        self.note = note
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        middle = self.height / 2
        note_width = stringWidth(self.note, SANS, 8) + 6 * mm
        gap_start = (self.width - note_width) / 2
        canvas.saveState()
        canvas.setDash(4, 3)
        canvas.setLineWidth(0.7)
        canvas.line(0, middle, gap_start, middle)
        canvas.line(gap_start + note_width, middle, self.width, middle)
        canvas.setFont(SANS, 8)
        canvas.drawCentredString(self.width / 2, middle - 1 * mm, self.note)
        canvas.restoreState()


# --- Building the PDF ----------------------------------------------------------------


def numbers_line(texts: Sequence[str]) -> Paragraph:
    """The contract's number(s) centred under the title, well apart."""
    return Paragraph(WIDE_GAP.join(texts), paper_styles().subtitle)


# Paragraphs collapse runs of spaces, the ideographic space included.
WIDE_GAP = "&nbsp;" * 6


def document_story(marks: PageMarks, body: Sequence[Flowable]) -> list[Flowable]:
    """One document's flowables: the marker for its header and footer, its
    title, then ``body``."""
    return [StartDocument(marks), DocumentTitle(marks.title), *body]


class DocumentTitle(Flowable):
    """A title centred on one line in the title face, shrunk to fit if an
    administrator's wording is too long. Unlike a Paragraph it keeps the
    ideographic spaces of a spaced-out title such as ``回　执``."""

    def __init__(self, title: str, size: float = 19, space_after: float = 5 * mm):
        super().__init__()
        self.title = title
        self.natural_size = size
        self.space_after = space_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        natural = stringWidth(self.title, SANS, self.natural_size)
        self.size = self.natural_size
        if natural > available_width:
            self.size = self.natural_size * available_width / natural
        self.height = self.size * 1.5 + self.space_after
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFont(SANS, self.size)
        baseline = self.space_after + self.size * 0.35
        self.canv.drawCentredString(self.width / 2, baseline, self.title)


class SignatureLine(Flowable):
    """One line to sign on, with a date and a dashed square for the
    fingerprint at the right: the foot of a receipt."""

    HEIGHT = 20 * mm
    MARK_SIZE = 16 * mm

    def __init__(self, label: str):
        super().__init__()
        self.label = label

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.HEIGHT
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        baseline = self.HEIGHT / 2 - 1.5 * mm
        canvas.saveState()
        canvas.setFont(SONG, 10.5)
        label = f"{self.label}（签字并捺印）："
        canvas.drawString(0, baseline, label)
        line_start = stringWidth(label, SONG, 10.5) + 1 * mm
        canvas.setLineWidth(0.5)
        canvas.line(line_start, baseline - 1, line_start + 40 * mm, baseline - 1)
        date_x = self.width - self.MARK_SIZE - 58 * mm
        canvas.drawString(date_x, baseline, "日期：　　　　年　　月　　日")
        canvas.setDash(2, 2)
        canvas.setStrokeColor(RULE_GREY)
        canvas.setFillColor(RULE_GREY)
        canvas.setFont(SANS, 7.5)
        box_x, box_y = self.width - self.MARK_SIZE, (self.HEIGHT - self.MARK_SIZE) / 2
        canvas.rect(box_x, box_y, self.MARK_SIZE, self.MARK_SIZE)
        canvas.drawCentredString(box_x + self.MARK_SIZE / 2, self.HEIGHT / 2 - 1 * mm, "捺印处")
        canvas.restoreState()


def render_documents(
    stories: Sequence[list[Flowable]],
    out: Output,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Lay out ``stories`` (each from ``document_story``) into one PDF, each
    starting on a new page, and write it to ``out``. Returns the page count.

    ``progress(done, total)`` is called as each document is laid out and once
    more at the end; when ``cancelled()`` turns true the build stops with
    ``PrintingCancelled`` and nothing is written to ``out``. No stories: no
    PDF either, nothing is written and the count is 0. Runs on the calling
    thread: call it from a worker, never the UI thread.
    """
    if not stories:
        return 0
    register_fonts()
    total = len(stories)
    story: list[Flowable] = []
    for index, document in enumerate(stories):
        if index:
            story.append(PageBreak())
        story.append(_Checkpoint(index, total, progress, cancelled))
        story.extend(document)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        pageTemplates=[_page_template()],
        invariant=1,  # the same paper gives the same bytes: no timestamp, no random id
        title=_pdf_title(stories),
        creator="LoanDesk",
    )
    doc.build(story, canvasmaker=PaperCanvas)
    if progress is not None:
        progress(total, total)
    _write(buffer.getvalue(), out)
    return doc.page


def _pdf_title(stories: Sequence[list[Flowable]]) -> str:
    """The PDF's title property: the title of its first document."""
    for flowable in stories[0]:
        if isinstance(flowable, StartDocument):
            return flowable.marks.title
    return ""


def _page_template() -> PageTemplate:
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        CONTENT_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    return PageTemplate(id="paper", frames=[frame], pagesize=A4)


class _Checkpoint(Flowable):
    """Takes no room; when reached, reports progress and honours a cancel."""

    def __init__(self, index: int, total: int, progress, cancelled):
        super().__init__()
        self.index, self.total = index, total
        self.progress, self.cancelled = progress, cancelled

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise PrintingCancelled(self.index, self.total)
        if self.progress is not None:
            self.progress(self.index, self.total)


def _write(data: bytes, out: Output) -> None:
    """``data`` to a stream, or to a file path by way of a temporary file in
    the same folder, so a half-written PDF never sits under the real name."""
    if not isinstance(out, str | os.PathLike):
        out.write(data)
        return
    path = Path(out)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    try:
        with temporary.open("xb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
