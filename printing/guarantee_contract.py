"""Guarantee contract (保证合同) of one guarantor for one loan (Civil Code
art. 681–702): the main debt, the guarantee method stated as joint and
several liability (连带责任保证), the scope and the period. The wording is
``guarantee_contract.toml``.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from domain.paperwork import GuaranteeContractPaper
from printing.layout import (
    CONTENT_WIDTH,
    LABEL_WIDTH,
    Output,
    PageMarks,
    Signer,
    clause_flowables,
    document_story,
    facts_table,
    numbers_line,
    paper_styles,
    party_columns,
    render_documents,
    signature_section,
)
from printing.templates import (
    DocumentTemplate,
    bank_values,
    capitals,
    chinese_date,
    chinese_number,
    load_template,
    markup_values,
    percent,
    yuan,
)

TEMPLATE = "guarantee_contract"


def render_guarantee_contract(
    paper: GuaranteeContractPaper, out: Output, *, templates_dir: Path | str | None = None
) -> int:
    """Print the guarantee contract to ``out`` (a path or a binary stream).
    Returns the page count."""
    template = load_template(TEMPLATE, templates_dir)
    plain = guarantee_values(paper)
    values = markup_values(plain)
    styles = paper_styles()
    signature = template.raw("signatures")
    body: list[Flowable] = [
        numbers_line(template.texts("contract_number_line", values)),
        parties_table(paper, template),
        Spacer(0, 4 * mm),
        *(Paragraph(text, styles.body) for text in template.texts("preamble", values)),
        Paragraph(template.text("debt_heading"), styles.heading),
        Spacer(0, 1.5 * mm),
        debt_table(paper, template, plain),
        Spacer(0, 2 * mm),
        *clause_flowables(template.clauses(values)),
        *signature_section(
            template,
            values,
            [
                Signer(signature["guarantor"], paper.guarantor.name),
                Signer(signature["creditor"], paper.bank.full_name, seal=True),
                None,
                Signer(signature["creditor_officer"], fingerprint=False),
            ],
        ),
    ]
    marks = PageMarks.of(paper, template.text("title"))
    return render_documents([document_story(marks, body)], out)


def guarantee_values(paper: GuaranteeContractPaper) -> dict[str, str]:
    """Every placeholder of the guarantee template, as plain text."""
    return {
        **bank_values(paper.bank),
        "document_number": paper.document_number,
        "loan_contract_number": paper.loan_contract_number,
        "guarantor_name": paper.guarantor.name,
        "guarantor_id": paper.guarantor.id_number,
        "guarantor_phone": paper.guarantor.phone,
        "guarantor_address": paper.guarantor.address,
        "borrower_name": paper.borrower.name,
        "borrower_id": paper.borrower.id_number,
        "loan_type": paper.loan_type,
        "currency": paper.currency,
        "amount": yuan(paper.amount),
        "amount_capitals": capitals(paper.amount),
        "annual_rate": percent(paper.annual_rate),
        "term_months": str(paper.term_months),
        "start_date": chinese_date(paper.start_date),
        "maturity_date": chinese_date(paper.maturity_date),
        "guarantee_method": paper.GUARANTEE_METHOD,
        "scope": _listed(paper.scope),
        "period_words": chinese_number(paper.period_months),
    }


def parties_table(paper: GuaranteeContractPaper, template: DocumentTemplate) -> Flowable:
    """Creditor and guarantor with identity and contact details."""
    label = template.raw("labels")
    bank, guarantor = paper.bank, paper.guarantor
    rows = [
        [label["creditor"], bank.full_name, label["phone"], bank.phone],
        [label["address"], bank.address],
        [label["guarantor"], guarantor.name, label["id_number"], guarantor.id_number],
        [label["address"], guarantor.address, label["phone"], guarantor.phone],
    ]
    return facts_table(rows, party_columns(), label_columns=(0, 2))


def debt_table(
    paper: GuaranteeContractPaper, template: DocumentTemplate, values: dict[str, str]
) -> Flowable:
    """The main debt guaranteed, and the method, at a glance."""
    label = template.raw("labels")
    rows = [
        [label["loan_contract_number"], paper.loan_contract_number],
        [
            label["debtor"],
            f"{paper.borrower.name}（{label['id_number']}：{paper.borrower.id_number}）",
        ],
        [label["loan_type"], paper.loan_type],
        [label["amount"], template.text("values.amount", values)],
        [label["annual_rate"], values["annual_rate"]],
        [label["term"], template.text("values.term", values)],
        [label["method"], paper.GUARANTEE_METHOD],
    ]
    return facts_table(rows, [LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH])


def _listed(items: tuple[str, ...]) -> str:
    """``甲、乙和丙``: a list as a Chinese sentence writes it."""
    if len(items) < 2:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]
