"""The portfolio report as files: an Excel workbook, CSV, or a PDF table.

One row per product (or officer, or marketing area) and the total row
(合计); columns: loans disbursed, amount disbursed, active loans,
outstanding balance, PAR1, PAR30 and PAR90. In the workbook PAR is a number
formatted as a percentage, amounts carry two decimals; in CSV PAR is a
ratio with four decimals (``0.1234``) and amounts plain figures, so other
programs read them as numbers; the CSV is UTF-8 with a byte-order mark,
which Excel on Windows needs to show Chinese. The PDF is an A4 landscape
page set in the documents' sans face.

Pure writing: the report comes from ``domain.reports.portfolio_report``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from domain.money import format_amount
from domain.reports import PortfolioReport, PortfolioRow
from printing.fonts import SANS, register_fonts

Output = BinaryIO | Path | str

TITLE = "贷款组合报告"
HEADERS = (
    "代码",
    "名称",
    "累计放款笔数",
    "累计放款金额（元）",
    "在贷笔数",
    "贷款余额（元）",
    "PAR1",
    "PAR30",
    "PAR90",
)
_FIELDS = (
    "loans_disbursed",
    "amount_disbursed",
    "active_loans",
    "outstanding",
    "par1",
    "par30",
    "par90",
)
_SOURCES = {"accounts": "贷后账户", "snapshots": "日终快照", "postings": "按还款记录重算"}
_HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
_TOTAL_FILL = PatternFill("solid", fgColor="EEEEEE")


def subtitle(report: PortfolioReport, bank_name: str = "") -> str:
    """``示范农村商业银行城关支行　截至 2026-06-30　按产品　（数据来源：贷后账户）``."""
    parts = [
        bank_name,
        f"截至 {report.as_of.isoformat()}",
        f"按{report.grouping.label}",
        f"（数据来源：{_SOURCES.get(report.source, report.source)}）",
    ]
    return "　".join(p for p in parts if p)


def headers(report: PortfolioReport) -> tuple[str, ...]:
    """The column headings; the first two name the grouping."""
    label = report.grouping.label
    return (f"{label}代码" if label == "产品" else label, *HEADERS[1:])


def table_rows(report: PortfolioReport) -> list[list[object]]:
    """Each row's cells as values: the key, the name, then the figures; the
    total row has no key."""
    return [_cells(row, total=False) for row in report.rows] + [_cells(report.total, total=True)]


def _cells(row: PortfolioRow, *, total: bool) -> list[object]:
    return ["" if total else row.key, row.label, *(getattr(row, name) for name in _FIELDS)]


# ---------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------


def portfolio_csv(report: PortfolioReport) -> bytes:
    """The report as CSV bytes (UTF-8 with BOM): heading row, then data."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(headers(report))
    for cells in table_rows(report):
        writer.writerow([_csv_value(value) for value in cells])
    return text.getvalue().encode("utf-8-sig")


def _csv_value(value: object) -> str:
    if isinstance(value, Decimal):
        # Ratios have four places, amounts two: both exactly as computed.
        return format(value, "f")
    return str(value)


def write_portfolio_csv(report: PortfolioReport, out: Output) -> None:
    _write(portfolio_csv(report), out)


# ---------------------------------------------------------------------------
# Excel
# ---------------------------------------------------------------------------

_NUMBER_FORMATS = ("@", "@", "#,##0", "#,##0.00", "#,##0", "#,##0.00", "0.00%", "0.00%", "0.00%")
_WIDTHS = (16, 18, 14, 20, 12, 20, 10, 10, 10)


def portfolio_workbook(report: PortfolioReport, bank_name: str = "") -> Workbook:
    """The report as a workbook: title, subtitle, heading row (frozen), a row
    per group and the total row in bold. Figures are numbers."""
    book = Workbook()
    sheet = book.active
    sheet.title = TITLE
    sheet.append([TITLE])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([subtitle(report, bank_name)])
    sheet.append(list(headers(report)))
    for cell in sheet[3]:
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
    rows = table_rows(report)
    for index, cells in enumerate(rows):
        sheet.append(cells)
        line = sheet[sheet.max_row]
        for cell, number_format in zip(line, _NUMBER_FORMATS, strict=True):
            cell.number_format = number_format
        if index == len(rows) - 1:
            for cell in line:
                cell.font, cell.fill = Font(bold=True), _TOTAL_FILL
    for column, width in enumerate(_WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A4"
    return book


def write_portfolio_xlsx(report: PortfolioReport, out: Output, bank_name: str = "") -> None:
    buffer = io.BytesIO()
    portfolio_workbook(report, bank_name).save(buffer)
    _write(buffer.getvalue(), out)


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------


def portfolio_pdf(report: PortfolioReport, bank_name: str = "") -> bytes:
    """The report as a one-table PDF on A4 landscape, fonts embedded."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=TITLE,
    )
    title = ParagraphStyle("title", fontName=SANS, fontSize=16, leading=24, alignment=1)
    note = ParagraphStyle(
        "note", fontName=SANS, fontSize=9, leading=14, alignment=1, wordWrap="CJK"
    )
    document.build(
        [
            Paragraph(TITLE, title),
            Paragraph(subtitle(report, bank_name), note),
            Spacer(1, 5 * mm),
            _pdf_table(report),
        ]
    )
    return buffer.getvalue()


def _pdf_table(report: PortfolioReport) -> Table:
    rows = [list(headers(report))] + [_pdf_cells(cells) for cells in table_rows(report)]
    table = Table(rows, repeatRows=1, colWidths=_pdf_widths())
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 9),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.Color(0.35, 0.35, 0.35)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.86, 0.86, 0.86)),
                ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.93, 0.93, 0.93)),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


# Millimetres per column on A4 landscape (267 mm between the margins).
_PDF_WIDTHS = (40, 38, 26, 38, 22, 38, 20, 20, 20)


def _pdf_widths() -> Sequence[float]:
    return [w * mm for w in _PDF_WIDTHS]


def _pdf_cells(cells: list[object]) -> list[str]:
    key, label, loans, amount, active, outstanding, *par = cells
    return [
        str(key),
        str(label),
        f"{loans:,}",
        format_amount(amount),
        f"{active:,}",
        format_amount(outstanding),
        *(f"{value * 100:.2f}%" for value in par),
    ]


def write_portfolio_pdf(report: PortfolioReport, out: Output, bank_name: str = "") -> None:
    _write(portfolio_pdf(report, bank_name), out)


def _write(data: bytes, out: Output) -> None:
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)
