"""Repayment schedule (还款计划表): on its own for the borrower, and as the
annex of the loan contract.

One row per instalment and a totals row; the header row repeats on every
page of a long schedule.

After an early repayment the borrower gets the recomputed schedule: its
instalments plan less principal than was lent, the difference being what
was repaid ahead (``repaid_ahead``). Such a paper says so under its title,
states the principal repaid ahead and how the totals add up to the loan,
and that it replaces the schedule issued before.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from domain.money import ZERO
from domain.paperwork import SchedulePaper
from domain.schedule import Schedule
from printing.layout import (
    CONTENT_WIDTH,
    Output,
    PageMarks,
    SignatureBlock,
    Signer,
    document_story,
    facts_table,
    grid_table,
    paper_styles,
    render_documents,
    side_by_side,
)
from printing.templates import (
    DocumentTemplate,
    capitals,
    chinese_date,
    load_template,
    markup_values,
    percent,
    yuan,
)

TEMPLATE = "schedule"

# 期次, 还款日, 应还本息, 应还本金, 应还利息, 剩余本金
_COLUMN_WIDTHS = (16 * mm, 30 * mm)
_AMOUNT_COLUMNS = ("payment", "principal", "interest", "balance")


def render_schedule(
    paper: SchedulePaper, out: Output, *, templates_dir: Path | str | None = None
) -> int:
    """Print the schedule to ``out`` (a path or a binary stream). Returns the page count."""
    template = load_template(TEMPLATE, templates_dir)
    plain = schedule_values(paper)
    values = markup_values(plain)
    styles = paper_styles()
    adjusted = repaid_ahead(paper) > 0
    # A recomputed schedule has wording of its own: it replaces one the
    # borrower already holds, and its principal does not add up to the loan.
    wording = "adjusted." if adjusted else ""
    heading = (
        [Paragraph(template.text("adjusted.heading", values), styles.subtitle)] if adjusted else []
    )
    more = _adjusted_facts(template, plain) if adjusted else ()
    body: list[Flowable] = [
        *heading,
        schedule_facts(template, plain, more, term=f"{wording}values.term"),
        Spacer(0, 4 * mm),
        schedule_table(paper.schedule, template),
        Spacer(0, 3 * mm),
        *(Paragraph(text, styles.small) for text in template.texts(f"{wording}notes", values)),
        Spacer(0, 4 * mm),
        Paragraph(template.text(f"{wording}confirmation", values), styles.plain),
        Spacer(0, 2 * mm),
        SignatureBlock([Signer(template.text("borrower_signature"), paper.borrower_name)]),
    ]
    marks = PageMarks.of(paper, template.text("title"))
    return render_documents([document_story(marks, body)], out)


def repaid_ahead(paper: SchedulePaper) -> Decimal:
    """Principal repaid ahead of the schedule: the loan amount less the
    principal the schedule plans. Zero for the schedule fixed at
    disbursement, whose principal adds up to the amount lent."""
    return max(paper.amount - paper.schedule.total_principal, ZERO)


def schedule_values(paper: SchedulePaper) -> dict[str, str]:
    """The placeholders of the schedule template for ``paper``, as plain text
    (``markup_values`` makes them safe for paragraphs)."""
    return {
        "contract_number": paper.contract_number,
        "borrower_name": paper.borrower_name,
        "amount": yuan(paper.amount),
        "amount_capitals": capitals(paper.amount),
        "annual_rate": percent(paper.annual_rate),
        "term_months": str(paper.term_months),
        "repayment_method": paper.repayment_method,
        "start_date": chinese_date(paper.start_date),
        "maturity_date": _maturity(paper.schedule, paper),
        "repaid_ahead": yuan(repaid_ahead(paper)),
        **schedule_totals(paper.schedule),
    }


def schedule_totals(schedule: Schedule) -> dict[str, str]:
    """Number of instalments and column totals, as printed."""
    return {
        "instalments": str(len(schedule.instalments)),
        "total_payment": yuan(schedule.total_payment),
        "total_principal": yuan(schedule.total_principal),
        "total_interest": yuan(schedule.total_interest),
    }


def schedule_facts(
    template: DocumentTemplate,
    values: dict[str, str],
    more: Sequence[tuple[str, str]] = (),
    *,
    term: str = "values.term",
) -> Flowable:
    """The loan the schedule belongs to, as a four-column table; ``values``
    as plain text (``schedule_values``). ``more`` label–value pairs follow
    the loan's own; ``term`` is the template key of the term's wording."""
    label = template.raw("labels")
    rows = side_by_side(
        [
            (label["borrower"], values["borrower_name"]),
            (label["contract_number"], values["contract_number"]),
            (label["amount"], template.text("values.amount", values)),
            (label["annual_rate"], values["annual_rate"]),
            (label["term"], template.text(term, values)),
            (label["repayment"], values["repayment_method"]),
            (label["start_date"], values["start_date"]),
            (label["maturity_date"], values["maturity_date"]),
            *more,
        ]
    )
    widths = [22 * mm, 61 * mm, 22 * mm, CONTENT_WIDTH - 105 * mm]
    return facts_table(rows, widths, label_columns=(0, 2))


def _adjusted_facts(template: DocumentTemplate, values: dict[str, str]) -> list[tuple[str, str]]:
    """What a recomputed schedule adds to the loan's facts: the principal
    repaid ahead and the principal the schedule still plans."""
    label = template.raw("adjusted.labels")
    return [
        (label["repaid_ahead"], template.text("adjusted.values.repaid_ahead", values)),
        (
            label["scheduled_principal"],
            template.text("adjusted.values.scheduled_principal", values),
        ),
    ]


def schedule_table(schedule: Schedule, template: DocumentTemplate) -> Flowable:
    """One row per instalment, then the totals row. Amounts right-aligned."""
    column = template.raw("columns")
    header = [column["period"], column["due_date"]] + [column[c] for c in _AMOUNT_COLUMNS]
    rows = [header]
    for instalment in schedule.instalments:
        rows.append(
            [
                str(instalment.period),
                instalment.due_date.isoformat(),
                yuan(instalment.payment),
                yuan(instalment.principal),
                yuan(instalment.interest),
                yuan(instalment.balance),
            ]
        )
    rows.append(
        [
            column["total"],
            "",
            yuan(schedule.total_payment),
            yuan(schedule.total_principal),
            yuan(schedule.total_interest),
            "",
        ]
    )
    amount_width = (CONTENT_WIDTH - sum(_COLUMN_WIDTHS)) / len(_AMOUNT_COLUMNS)
    widths = [*_COLUMN_WIDTHS, *([amount_width] * len(_AMOUNT_COLUMNS))]
    return grid_table(
        rows, widths, numeric_columns=range(2, 6), centred_columns=(0, 1), total_row=True
    )


def _maturity(schedule: Schedule, paper: SchedulePaper) -> str:
    """The last due date: the maturity of the loan as scheduled."""
    if not schedule.instalments:
        return chinese_date(paper.start_date)
    return chinese_date(schedule.instalments[-1].due_date)
