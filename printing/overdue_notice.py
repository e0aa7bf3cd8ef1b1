"""Overdue collection notice (逾期催收通知书), to the borrower and to each
guarantor: what is overdue as of a date, the deadline to pay, the warning
about the credit record, and a tear-off receipt (回执) to sign and return.

A demand the debtor acknowledges interrupts the three-year limitation
period (Civil Code art. 188, 195): the signed receipt is the bank's proof.
The wording is ``overdue_notice.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from domain.paperwork import NoticeRole, OverdueNotice
from printing.layout import (
    CONTENT_WIDTH,
    LABEL_WIDTH,
    BottomAligned,
    Cancelled,
    CutLine,
    DocumentTitle,
    Output,
    PageMarks,
    Progress,
    SharedBlock,
    SignatureLine,
    document_story,
    facts_table,
    framed,
    paper_styles,
    render_documents,
    side_by_side,
)
from printing.templates import (
    DocumentTemplate,
    bank_values,
    capitals,
    chinese_date,
    load_template,
    markup_values,
    yuan,
)

TEMPLATE = "overdue_notice"


def render_overdue_notice(
    paper: OverdueNotice, out: Output, *, templates_dir: Path | str | None = None
) -> int:
    """Print one overdue notice with its receipt to ``out`` (a path or a
    binary stream). Returns the page count."""
    return render_overdue_notices([paper], out, templates_dir=templates_dir)


def render_overdue_notices(
    papers: Iterable[OverdueNotice],
    out: Output,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    templates_dir: Path | str | None = None,
) -> int:
    """Print many overdue notices (a borrower's and his guarantors', or a
    whole collection run) into one PDF, in the order given, each starting on
    a new page and numbered on its own. Returns the page count.

    ``progress(done, total)`` follows the layout; when ``cancelled()`` turns
    true the build stops with ``PrintingCancelled`` and nothing is written
    to ``out``. An empty batch writes nothing and returns 0. Run it on a
    worker thread.
    """
    template = load_template(TEMPLATE, templates_dir)
    shared: dict[tuple[str, ...], SharedBlock] = {}
    stories = [overdue_story(paper, template, shared) for paper in papers]
    return render_documents(stories, out, progress=progress, cancelled=cancelled)


def overdue_story(
    paper: OverdueNotice,
    template: DocumentTemplate,
    shared: dict[tuple[str, ...], SharedBlock] | None = None,
) -> list[Flowable]:
    """The flowables of one notice. ``shared`` collects the warning block,
    word for word the same in every notice of a batch."""
    styles = paper_styles()
    plain = overdue_values(paper)
    values = markup_values(plain)
    opening = "opening_borrower" if paper.role is NoticeRole.BORROWER else "opening_guarantor"
    body: list[Flowable] = [
        Paragraph(template.text("salutation", values), styles.plain),
        Paragraph(template.text(f"fragments.{opening}", values), styles.body),
        Spacer(0, 2.5 * mm),
        amounts_table(paper, template, plain),
        Spacer(0, 2.5 * mm),
        *(Paragraph(text, styles.body) for text in template.texts("closing", values)),
        Spacer(0, 2.5 * mm),
        _warning(template, values, {} if shared is None else shared),
        Spacer(0, 4 * mm),
        Paragraph(template.text("signature", values), styles.right),
        Paragraph(template.text("date_line", values), styles.right),
        receipt(template, values),
    ]
    marks = PageMarks.of(paper, template.text("title"))
    return document_story(marks, body)


def overdue_values(paper: OverdueNotice) -> dict[str, str]:
    """Every placeholder of the notice template, as plain text."""
    return {
        **bank_values(paper.bank),
        "document_number": paper.document_number,
        "contract_number": paper.contract_number,
        "guarantee_contract_number": paper.guarantee_contract_number,
        "addressee_name": paper.addressee.name,
        "role": paper.role.label,
        "borrower_name": paper.borrower_name,
        "original_principal": yuan(paper.original_principal),
        "as_of": chinese_date(paper.as_of),
        "outstanding_principal": yuan(paper.outstanding_principal),
        "overdue_principal": yuan(paper.overdue_principal),
        "overdue_interest": yuan(paper.overdue_interest),
        "penalty_interest": yuan(paper.penalty_interest),
        "compound_interest": yuan(paper.compound_interest),
        "interest_total": yuan(paper.interest_total),
        "total_overdue": yuan(paper.total_overdue),
        "total_overdue_capitals": capitals(paper.total_overdue),
        "deadline": chinese_date(paper.deadline),
        "repayment_account": paper.repayment_account,
    }


def amounts_table(
    paper: OverdueNotice, template: DocumentTemplate, values: dict[str, str]
) -> Flowable:
    """What is overdue, two figures a row; the total with its capitals."""
    label = template.raw("labels")
    unit = label["yuan"]
    rows = side_by_side(
        [
            (label["as_of"], values["as_of"]),
            (label["original_principal"], f"{values['original_principal']} {unit}"),
            (label["outstanding_principal"], f"{values['outstanding_principal']} {unit}"),
            (label["overdue_principal"], f"{values['overdue_principal']} {unit}"),
            (label["overdue_interest"], f"{values['overdue_interest']} {unit}"),
            (label["penalty_interest"], f"{values['penalty_interest']} {unit}"),
            (label["compound_interest"], f"{values['compound_interest']} {unit}"),
            (label["deadline"], values["deadline"]),
        ]
    )
    total = f"{values['total_overdue']} {unit}（{values['total_overdue_capitals']}）"
    rows.append([label["total_overdue"], total])
    widths = [LABEL_WIDTH, 59 * mm, LABEL_WIDTH, CONTENT_WIDTH - 2 * LABEL_WIDTH - 59 * mm]
    return facts_table(rows, widths, label_columns=(0, 2))


def receipt(template: DocumentTemplate, values: dict[str, str]) -> Flowable:
    """The tear-off receipt at the foot of the page, below a dashed cut line."""
    styles = paper_styles()
    return BottomAligned(
        [
            Spacer(0, 3 * mm),
            CutLine(template.text("cut_line")),
            DocumentTitle(template.text("receipt.title"), size=14, space_after=1 * mm),
            Paragraph(template.text("receipt.addressed_to", values), styles.plain),
            Paragraph(template.text("receipt.text", values), styles.body),
            SignatureLine(template.text("receipt.signer", values)),
        ]
    )


def _warning(
    template: DocumentTemplate, values: dict[str, str], shared: dict[tuple[str, ...], SharedBlock]
) -> Flowable:
    """The credit-record warning, boxed, with the number of copies under it."""
    texts = (template.text("warning", values), template.text("copies", values))
    if texts not in shared:
        styles = paper_styles()
        shared[texts] = SharedBlock(
            [
                framed([Paragraph(texts[0], styles.emphasis)]),
                Spacer(0, 2 * mm),
                Paragraph(texts[1], styles.plain),
            ]
        )
    return shared[texts]
