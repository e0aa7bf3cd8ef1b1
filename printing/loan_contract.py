"""Loan contract (借款合同) with its repayment schedule as the annex.

The content follows Civil Code art. 668 and Commercial Bank Law art. 37: loan
type, currency, purpose, amount in figures and capitals, rate and how it was
priced, term, repayment method, default liability, plus the payment
arrangement, the borrower's integrity undertaking and the signature blocks
with places for fingerprints. The wording is ``loan_contract.toml``.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from domain.interest import penalty_rate
from domain.paperwork import EntrustedPayment, LoanContractPaper, Party
from printing.layout import (
    CONTENT_WIDTH,
    LABEL_WIDTH,
    Output,
    PageMarks,
    SignatureBlock,
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
from printing.schedule_table import schedule_facts, schedule_table, schedule_totals
from printing.templates import (
    DocumentTemplate,
    bank_values,
    capitals,
    chinese_date,
    load_template,
    markup_values,
    percent,
    uplift,
    yuan,
)

TEMPLATE = "loan_contract"
SCHEDULE_TEMPLATE = "schedule"


def render_loan_contract(
    paper: LoanContractPaper, out: Output, *, templates_dir: Path | str | None = None
) -> int:
    """Print the contract and its schedule annex to ``out`` (a path or a
    binary stream). Returns the page count.

    Raises ``TemplateError`` when an edited template asks for a placeholder
    that does not exist.
    """
    template = load_template(TEMPLATE, templates_dir)
    schedule_wording = load_template(SCHEDULE_TEMPLATE, templates_dir)
    plain = contract_values(paper, template)
    values = markup_values(plain)
    styles = paper_styles()
    body: list[Flowable] = [
        numbers_line(template.texts("contract_number_line", values)),
        parties_table(paper, template),
        Spacer(0, 4 * mm),
        *(Paragraph(text, styles.body) for text in template.texts("preamble", values)),
        Paragraph(template.text("terms_heading"), styles.heading),
        Spacer(0, 1.5 * mm),
        terms_table(paper, template, plain),
        Spacer(0, 2 * mm),
        *clause_flowables(template.clauses(values)),
        *signature_section(template, values, signers(paper, template)),
        PageBreak(),
        *annex(paper, template, schedule_wording, plain),
    ]
    marks = PageMarks.of(paper, template.text("title"))
    return render_documents([document_story(marks, body)], out)


def contract_values(paper: LoanContractPaper, template: DocumentTemplate) -> dict[str, str]:
    """Every placeholder of the contract template, as plain text."""
    values = {
        **bank_values(paper.bank),
        "document_number": paper.document_number,
        "contract_number": paper.contract_number,
        **_party_values("borrower", paper.borrower),
        **_party_values("spouse", paper.spouse),
        "product_name": paper.product_name,
        "loan_type": paper.loan_type,
        "currency": paper.currency,
        "purpose": paper.purpose,
        "amount": yuan(paper.amount),
        "amount_capitals": capitals(paper.amount),
        "annual_rate": percent(paper.annual_rate),
        "pricing_description": paper.pricing_description,
        "term_months": str(paper.term_months),
        "start_date": chinese_date(paper.start_date),
        "maturity_date": chinese_date(paper.maturity_date),
        "repayment_method": paper.repayment_method,
        "due_day": str(paper.due_day),
        "penalty_uplift": uplift(paper.penalty_uplift),
        "penalty_rate": percent(penalty_rate(paper.annual_rate, paper.penalty_uplift)),
        "misuse_uplift": uplift(paper.misuse_penalty_uplift),
        "misuse_rate": percent(penalty_rate(paper.annual_rate, paper.misuse_penalty_uplift)),
        "payment_method": paper.payment.label,
        "repayment_account": paper.repayment_account,
        "guarantee_summary": paper.guarantee_summary,
        **schedule_totals(paper.schedule),
        **_payment_values(paper),
    }
    # Fragments are filled first and become placeholders of the clauses.
    fragment = "payment_entrusted" if isinstance(paper.payment, EntrustedPayment) else "payment_own"
    values["payment_terms"] = template.text(f"fragments.{fragment}", values)
    values["spouse_consent"] = (
        template.text("fragments.spouse_consent", values) if paper.spouse else ""
    )
    return values


def parties_table(paper: LoanContractPaper, template: DocumentTemplate) -> Flowable:
    """Lender, borrower and spouse with identity and contact details. Long
    names and addresses wrap inside their cells."""
    label = template.raw("labels")
    bank = paper.bank
    rows = [
        [label["lender"], bank.full_name, label["phone"], bank.phone],
        [label["address"], bank.address],
    ]
    for role, party in ((label["borrower"], paper.borrower), (label["spouse"], paper.spouse)):
        if party is not None:
            rows += [
                [role, party.name, label["id_number"], party.id_number],
                [label["address"], party.address, label["phone"], party.phone],
            ]
    widths = party_columns()
    return facts_table(rows, widths, label_columns=(0, 2))


def terms_table(
    paper: LoanContractPaper, template: DocumentTemplate, values: dict[str, str]
) -> Flowable:
    """The key terms at a glance (借款要素), as the clauses state them."""
    label = template.raw("labels")
    rows = [
        [label["loan_type"], template.text("values.loan_type", values)],
        [label["currency"], paper.currency],
        [label["purpose"], paper.purpose],
        [label["amount"], template.text("values.amount", values)],
        [label["annual_rate"], template.text("values.annual_rate", values)],
        [label["pricing"], paper.pricing_description],
        [label["term"], template.text("values.term", values)],
        [label["repayment"], template.text("values.repayment", values)],
        [label["payment"], paper.payment.label],
        [label["repayment_account"], paper.repayment_account],
        [label["guarantee"], paper.guarantee_summary],
    ]
    return facts_table(rows, [LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH])


def signers(paper: LoanContractPaper, template: DocumentTemplate) -> list[Signer | None]:
    """Borrower and spouse when married, then the bank's seal with its
    officer under it."""
    signature = template.raw("signatures")
    people: list[Signer | None] = [Signer(signature["borrower"], paper.borrower.name)]
    people.append(Signer(signature["spouse"], paper.spouse.name) if paper.spouse else None)
    return [
        *people,
        Signer(signature["lender"], paper.bank.full_name, seal=True),
        Signer(signature["lender_officer"], fingerprint=False),
    ]


def annex(
    paper: LoanContractPaper,
    template: DocumentTemplate,
    schedule_wording: DocumentTemplate,
    values: dict[str, str],
) -> list[Flowable]:
    """附件：还款计划表 — the schedule on its own pages, with the borrower's
    confirmation and signature."""
    styles = paper_styles()
    markup = markup_values(values)
    return [
        Paragraph(template.text("annex.title", markup), styles.title),
        Paragraph(template.text("annex.intro", markup), styles.subtitle),
        schedule_facts(schedule_wording, values),
        Spacer(0, 4 * mm),
        schedule_table(paper.schedule, schedule_wording),
        Spacer(0, 3 * mm),
        *(Paragraph(t, styles.small) for t in schedule_wording.texts("notes", markup)),
        Spacer(0, 3 * mm),
        KeepTogether(
            [
                Paragraph(template.text("annex.confirmation", markup), styles.plain),
                Spacer(0, 2 * mm),
                SignatureBlock([Signer(template.text("signatures.borrower"), paper.borrower.name)]),
            ]
        ),
    ]


def _party_values(prefix: str, party: Party | None) -> dict[str, str]:
    party = party or Party("", "", "", "")
    return {
        f"{prefix}_name": party.name,
        f"{prefix}_id": party.id_number,
        f"{prefix}_phone": party.phone,
        f"{prefix}_address": party.address,
    }


def _payment_values(paper: LoanContractPaper) -> dict[str, str]:
    payment = paper.payment
    if not isinstance(payment, EntrustedPayment):
        names = ("counterparty_name", "counterparty_account", "counterparty_bank")
        return {name: "" for name in names} | {
            "entrusted_amount": "",
            "entrusted_amount_capitals": "",
        }
    return {
        "counterparty_name": payment.counterparty_name,
        "counterparty_account": payment.counterparty_account,
        "counterparty_bank": payment.counterparty_bank,
        "entrusted_amount": yuan(payment.amount),
        "entrusted_amount_capitals": capitals(payment.amount),
    }
