"""Checklist and sign-off record (面谈面签核查及合规确认记录): what was
checked at the signing, by whom, when and on what evidence; the two staff
present; and the supervisor's confirmation that the process was compliant.
The wording is ``signoff_record.toml``.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from domain.identity import mask_id_number
from domain.paperwork import SignOffRecord
from printing.layout import (
    CONTENT_WIDTH,
    LABEL_WIDTH,
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
    bank_values,
    capitals,
    chinese_time,
    load_template,
    markup_values,
    yuan,
)

TEMPLATE = "signoff_record"
# 序号, 核查事项, 确认人, 确认时间, 证据, 备注
_CHECKLIST_WIDTHS = (10 * mm, 50 * mm, 22 * mm, 24 * mm, 36 * mm)


def render_signoff_record(
    paper: SignOffRecord, out: Output, *, templates_dir: Path | str | None = None
) -> int:
    """Print the record to ``out`` (a path or a binary stream). Returns the page count."""
    template = load_template(TEMPLATE, templates_dir)
    plain = signoff_values(paper)
    values = markup_values(plain)
    styles = paper_styles()
    body: list[Flowable] = [
        application_table(template, plain),
        Paragraph(template.text("checklist_heading"), styles.heading),
        Spacer(0, 1.5 * mm),
        checklist_table(paper, template),
        Paragraph(template.text("staff_heading"), styles.heading),
        Spacer(0, 1.5 * mm),
        staff_table(template, plain),
        KeepTogether(
            [
                Paragraph(template.text("signoff_heading"), styles.heading),
                Paragraph(template.text("confirmation", values), styles.body),
                *_opinion(paper, template, values),
                Spacer(0, 1.5 * mm),
                Paragraph(template.text("hash_line", values), styles.small),
                Paragraph(template.text("hash_note", values), styles.small),
                Spacer(0, 3 * mm),
                SignatureBlock(_signers(paper, template)),
            ]
        ),
    ]
    marks = PageMarks.of(paper, template.text("title"))
    return render_documents([document_story(marks, body)], out)


def signoff_values(paper: SignOffRecord) -> dict[str, str]:
    """Every placeholder of the record template, as plain text. The ID number
    is masked: the record circulates inside the bank, where the full number
    is not needed (PIPL)."""
    return {
        **bank_values(paper.bank),
        "document_number": paper.document_number,
        "application_number": paper.application_number,
        "borrower_name": paper.borrower.name,
        "borrower_id_masked": mask_id_number(paper.borrower.id_number),
        "product_name": paper.product_name,
        "amount": yuan(paper.amount),
        "amount_capitals": capitals(paper.amount),
        "term_months": str(paper.term_months),
        "officer": paper.officer,
        "assisting_officer": paper.assisting_officer,
        "supervisor": paper.supervisor,
        "signed_off_at": chinese_time(paper.signed_off_at),
        "signoff_hash": _grouped(paper.signoff_hash),
        "items": str(len(paper.items)),
        "supervisor_opinion": paper.supervisor_opinion,
    }


def application_table(template: DocumentTemplate, values: dict[str, str]) -> Flowable:
    """The application the record belongs to."""
    label = template.raw("labels")
    rows = side_by_side(
        [
            (label["application_number"], values["application_number"]),
            (label["product"], values["product_name"]),
            (label["borrower"], values["borrower_name"]),
            (label["id_number"], values["borrower_id_masked"]),
            (label["amount"], template.text("values.amount", values)),
            (label["term"], template.text("values.term", values)),
        ]
    )
    widths = [LABEL_WIDTH, 74 * mm, LABEL_WIDTH, CONTENT_WIDTH - 2 * LABEL_WIDTH - 74 * mm]
    return facts_table(rows, widths, label_columns=(0, 2))


def checklist_table(paper: SignOffRecord, template: DocumentTemplate) -> Flowable:
    """One row per checked item; item, evidence and note wrap in their cells."""
    label = template.raw("labels")
    styles = paper_styles()
    header = [label[k] for k in ("number", "item", "confirmed_by", "confirmed_at", "evidence")]
    header.append(label["note"])
    rows: list[list[object]] = [header]
    for number, entry in enumerate(paper.items, start=1):
        rows.append(
            [
                str(number),
                _cell(entry.item, styles.cell),
                _cell(entry.confirmed_by, styles.cell),
                _cell(f"{entry.confirmed_at:%Y-%m-%d %H:%M}", styles.cell),
                _cell(entry.evidence, styles.cell),
                _cell(entry.note, styles.cell),
            ]
        )
    widths = [*_CHECKLIST_WIDTHS, CONTENT_WIDTH - sum(_CHECKLIST_WIDTHS)]
    return grid_table(rows, widths, centred_columns=(0,))


def staff_table(template: DocumentTemplate, values: dict[str, str]) -> Flowable:
    """Who was present and who confirmed."""
    label = template.raw("labels")
    rows = side_by_side(
        [
            (label["officer"], values["officer"]),
            (label["assisting_officer"], values["assisting_officer"]),
            (label["supervisor"], values["supervisor"]),
            (label["signed_off_at"], values["signed_off_at"]),
        ]
    )
    widths = [
        LABEL_WIDTH + 4 * mm,
        56 * mm,
        LABEL_WIDTH,
        CONTENT_WIDTH - 2 * LABEL_WIDTH - 60 * mm,
    ]
    return facts_table(rows, widths, label_columns=(0, 2))


def _opinion(paper: SignOffRecord, template: DocumentTemplate, values: dict[str, str]):
    if not paper.supervisor_opinion:
        return []
    text = f"{template.text('labels.opinion')}：{values['supervisor_opinion']}"
    return [Paragraph(text, paper_styles().body)]


def _signers(paper: SignOffRecord, template: DocumentTemplate) -> list[Signer]:
    signature = template.raw("signatures")
    return [
        Signer(signature["officer"], paper.officer, fingerprint=False),
        Signer(signature["assisting_officer"], paper.assisting_officer, fingerprint=False),
        Signer(signature["supervisor"], paper.supervisor, fingerprint=False),
    ]


def _cell(text: str, style) -> Paragraph:
    return Paragraph(markup_values({"text": text})["text"], style)


def _grouped(digest: str) -> str:
    """A long hash in groups of eight, so it wraps and can be read aloud."""
    return " ".join(digest[i : i + 8] for i in range(0, len(digest), 8))
