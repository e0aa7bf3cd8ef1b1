"""Repayment reminder notice (还款提醒通知书): one page per instalment coming due.

Tellers print them in batches (every instalment due next week), so the batch
function lays out many notices into one PDF and is built to be quick: styles
and wording are prepared once per batch, not once per notice.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from domain.paperwork import ReminderNotice
from printing.layout import (
    CONTENT_WIDTH,
    Cancelled,
    Output,
    PageMarks,
    Progress,
    SharedBlock,
    document_story,
    facts_table,
    paper_styles,
    render_documents,
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

TEMPLATE = "reminder_notice"


def render_reminder(
    paper: ReminderNotice, out: Output, *, templates_dir: Path | str | None = None
) -> int:
    """Print one reminder to ``out`` (a path or a binary stream). Returns the page count."""
    return render_reminders([paper], out, templates_dir=templates_dir)


def render_reminders(
    papers: Iterable[ReminderNotice],
    out: Output,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    templates_dir: Path | str | None = None,
) -> int:
    """Print many reminders into one PDF, in the order given, each starting
    on a new page and numbered on its own (第 1 页 共 1 页). Returns the page count.

    ``progress(done, total)`` follows the layout; ``cancelled()`` is asked
    before each notice, and a true answer raises ``PrintingCancelled`` with
    nothing written to ``out``. An empty batch writes nothing and returns 0.
    Run it on a worker thread.
    """
    template = load_template(TEMPLATE, templates_dir)
    shared: dict[tuple[str, ...], SharedBlock] = {}
    stories = [reminder_story(paper, template, shared) for paper in papers]
    return render_documents(stories, out, progress=progress, cancelled=cancelled)


def reminder_story(
    paper: ReminderNotice,
    template: DocumentTemplate,
    shared: dict[tuple[str, ...], SharedBlock] | None = None,
) -> list[Flowable]:
    """The flowables of one reminder notice.

    ``shared`` collects the closing lines that are word for word the same in
    many notices of a batch (same bank, same issue date), so they are laid
    out and stored once; pass one dict for the whole batch.
    """
    styles = paper_styles()
    values = _values(paper)
    labels = template.raw("labels")
    unit = labels["yuan"]
    facts = facts_table(
        [
            [labels["due_date"], values["due_date"]],
            [labels["principal_due"], f"{values['principal_due']} {unit}"],
            [labels["interest_due"], f"{values['interest_due']} {unit}"],
            [
                labels["amount_due"],
                f"{values['amount_due']} {unit}（{values['amount_due_capitals']}）",
            ],
            [labels["repayment_account"], paper.repayment_account],
        ],
        [32 * mm, CONTENT_WIDTH - 32 * mm],
    )
    closing = (
        *template.texts("closing", values),
        template.text("signature", values),
        template.text("date_line", values),
    )
    if shared is None:
        shared = {}
    if closing not in shared:
        shared[closing] = SharedBlock(
            [
                *(Paragraph(text, styles.body) for text in closing[:-2]),
                Spacer(0, 8 * mm),
                Paragraph(closing[-2], styles.right),
                Paragraph(closing[-1], styles.right),
            ]
        )
    body: list[Flowable] = [
        Paragraph(template.text("salutation", values), styles.plain),
        *(Paragraph(text, styles.body) for text in template.texts("paragraphs", values)),
        Spacer(0, 3 * mm),
        facts,
        Spacer(0, 3 * mm),
        shared[closing],
    ]
    marks = PageMarks.of(paper, template.text("title"))
    return document_story(marks, body)


def _values(paper: ReminderNotice) -> dict[str, str]:
    return markup_values(
        {
            **bank_values(paper.bank),
            "document_number": paper.document_number,
            "borrower_name": paper.borrower.name,
            "contract_number": paper.contract_number,
            "period": paper.period,
            "due_date": chinese_date(paper.due_date),
            "principal_due": yuan(paper.principal_due),
            "interest_due": yuan(paper.interest_due),
            "amount_due": yuan(paper.amount_due),
            "amount_due_capitals": capitals(paper.amount_due),
            "repayment_account": paper.repayment_account,
            "issued_on": chinese_date(paper.issued_on),
        }
    )
