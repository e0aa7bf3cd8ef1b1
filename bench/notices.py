"""A teller's batch of repayment reminders: 1,000 notices into one PDF.

Beside it, in the same process, the floor reportlab sets: a bare page with
one Paragraph of the same text in the same font, nothing else (no header,
table, QR code or page count). Each is run a few times and the best time
kept; the ratio shows what the notice's layout costs above the bare text.

    python bench/notices.py [--count 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

# Run as a script from a checkout, installed or not: the project root goes first.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from domain.paperwork import BankDetails, Party, ReminderNotice
from printing.fonts import SONG, register_fonts
from printing.reminder_notice import render_reminders

BANK = BankDetails("示范农村商业银行", "城关支行", "江苏省某某县人民路88号", "0510-12345678")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


def reminders(count: int) -> list[ReminderNotice]:
    """Varied notices: every name, number, amount and date differs."""
    papers = []
    for k in range(count):
        principal = Decimal(4_000 + 37 * k) + Decimal(k % 100) / 100
        papers.append(
            ReminderNotice(
                document_number=f"TX2025-{k:06d}",
                bank=BANK,
                borrower=Party(f"{SURNAMES[k % 20]}小{'明红军华'[k % 4]}{k}", f"3201021985{k:08d}"),
                contract_number=f"XW2025-{k:06d}",
                period=k % 24 + 1,
                due_date=date(2025, 8, 1) + timedelta(days=k % 28),
                principal_due=principal,
                interest_due=(principal * Decimal("0.003625")).quantize(Decimal("0.01")),
                repayment_account=f"6228 4801 {k:04d} 6789 012",
                issued_on=date(2025, 7, 25),
            )
        )
    return papers


def comparable_text(paper: ReminderNotice) -> str:
    """Everything printed on one notice page, as one run of text."""
    buffer = io.BytesIO()
    render_reminders([paper], buffer)
    return "".join(PdfReader(buffer).pages[0].extract_text().split())


def bare_pages(texts: list[str]) -> Callable[[], int]:
    style = ParagraphStyle("bare", fontName=SONG, fontSize=10.5, leading=18, wordWrap="CJK")

    def run() -> int:
        story = []
        for text in texts:
            story += [Paragraph(text, style), PageBreak()]
        document = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
        document.build(story[:-1])
        return document.page

    return run


def notices(papers: list[ReminderNotice]) -> Callable[[], int]:
    return lambda: render_reminders(papers, io.BytesIO())


def best_of(rounds: int, run: Callable[[], int]) -> tuple[float, int]:
    best, pages = float("inf"), 0
    for _ in range(rounds):
        start = time.perf_counter()
        pages = run()
        best = min(best, time.perf_counter() - start)
    return best, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    register_fonts()
    print(f"fonts registered once per process: {time.perf_counter() - start:.2f} s")

    papers = reminders(args.count)
    sample = comparable_text(papers[0])
    # The same text on each bare page, made unique per page like the notices.
    texts = [sample.replace(papers[0].document_number, p.document_number) for p in papers]
    print(f"text per page: {len(sample)} characters")

    bare_seconds, bare_count = best_of(args.rounds, bare_pages(texts))
    notice_seconds, notice_count = best_of(args.rounds, notices(papers))
    # A notice that spilled onto a second page would make the comparison unfair.
    assert notice_count == args.count, f"{notice_count} pages for {args.count} notices"

    bare_per_page = bare_seconds / bare_count * 1000
    notice_per_page = notice_seconds / notice_count * 1000
    print(f"{'':28s}{'seconds':>9s}{'pages':>7s}{'ms/page':>9s}")
    print(f"{'bare page, one Paragraph':28s}{bare_seconds:9.2f}{bare_count:7d}{bare_per_page:9.2f}")
    print(f"{'reminder notices':28s}{notice_seconds:9.2f}{notice_count:7d}{notice_per_page:9.2f}")
    print(f"ratio notice / bare per page: {notice_per_page / bare_per_page:.2f}")


if __name__ == "__main__":
    main()
