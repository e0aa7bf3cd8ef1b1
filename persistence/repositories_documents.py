"""Repositories of registered paperwork, and the schedule queries the notice
batches start from."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.documents import DocumentKind, IssuedDocument, PrintRecord
from domain.loans import LoanState
from persistence.models_documents import IssuedDocumentRow, PrintRow
from persistence.models_workflow import LoanInstalmentRow, LoanRow


class IssuedDocumentRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, document: IssuedDocument) -> IssuedDocument:
        row = IssuedDocumentRow(
            document_number=document.document_number,
            kind=document.kind.value,
            application_number=document.application_number,
            loan_number=document.loan_number,
            addressee=document.addressee,
            addressee_id_number=document.addressee_id_number,
            role=document.role,
            as_of=document.as_of,
            content_fingerprint=document.content_fingerprint,
            fingerprint=document.fingerprint,
            verification_code=document.verification_code,
            issued_at=document.issued_at,
            issued_by=document.issued_by,
        )
        self.session.add(row)
        self.session.flush()
        return _document(row)

    def get(self, document_number: str) -> IssuedDocument | None:
        return self._one(IssuedDocumentRow.document_number == document_number)

    def by_content(self, content_fingerprint: str) -> IssuedDocument | None:
        return self._one(IssuedDocumentRow.content_fingerprint == content_fingerprint)

    def by_code(self, verification_code: str) -> IssuedDocument | None:
        return self._one(IssuedDocumentRow.verification_code == verification_code)

    def first_of(
        self, kind: DocumentKind, loan_number: str, addressee_id_number: str
    ) -> IssuedDocument | None:
        """The earliest document of ``kind`` for the loan and addressee."""
        query = (
            select(IssuedDocumentRow)
            .where(
                IssuedDocumentRow.kind == kind.value,
                IssuedDocumentRow.loan_number == loan_number,
                IssuedDocumentRow.addressee_id_number == addressee_id_number,
            )
            .order_by(IssuedDocumentRow.id)
            .limit(1)
        )
        row = self.session.scalars(query).first()
        return None if row is None else _document(row)

    def for_application(self, application_number: str) -> list[IssuedDocument]:
        query = (
            select(IssuedDocumentRow)
            .where(IssuedDocumentRow.application_number == application_number)
            .order_by(IssuedDocumentRow.id)
        )
        return [_document(r) for r in self.session.scalars(query)]

    def _one(self, condition) -> IssuedDocument | None:
        row = self.session.scalars(select(IssuedDocumentRow).where(condition)).one_or_none()
        return None if row is None else _document(row)


def _document(row: IssuedDocumentRow) -> IssuedDocument:
    return IssuedDocument(
        document_number=row.document_number,
        kind=DocumentKind(row.kind),
        application_number=row.application_number,
        loan_number=row.loan_number,
        addressee=row.addressee,
        addressee_id_number=row.addressee_id_number,
        role=row.role,
        as_of=row.as_of,
        content_fingerprint=row.content_fingerprint,
        fingerprint=row.fingerprint,
        verification_code=row.verification_code,
        issued_at=row.issued_at,
        issued_by=row.issued_by,
        id=row.id,
    )


class PrintLogRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, record: PrintRecord) -> PrintRecord:
        row = PrintRow(
            document_number=record.document_number,
            printed_by=record.printed_by,
            printed_at=record.printed_at,
            fingerprint=record.fingerprint,
            copies=record.copies,
            destination=record.destination,
        )
        self.session.add(row)
        self.session.flush()
        return _print(row)

    def for_document(self, document_number: str) -> list[PrintRecord]:
        query = (
            select(PrintRow)
            .where(PrintRow.document_number == document_number)
            .order_by(PrintRow.id)
        )
        return [_print(r) for r in self.session.scalars(query)]


def _print(row: PrintRow) -> PrintRecord:
    return PrintRecord(
        document_number=row.document_number,
        printed_by=row.printed_by,
        printed_at=row.printed_at,
        fingerprint=row.fingerprint,
        copies=row.copies,
        destination=row.destination,
        id=row.id,
    )


class DocumentQueryRepository:
    """Which active loans a notice batch looks at, from their stored schedules."""

    def __init__(self, session: Session):
        self.session = session

    def next_due(self, start: date, end: date) -> list[tuple[str, date]]:
        """Active loans whose next instalment on or after ``start`` falls due
        by ``end``: (contract number, that due date), earliest first."""
        next_due = func.min(LoanInstalmentRow.due_date)
        query = (
            select(LoanRow.loan_number, next_due)
            .join(LoanInstalmentRow, LoanInstalmentRow.loan_id == LoanRow.id)
            .where(LoanRow.state == LoanState.ACTIVE.value, LoanInstalmentRow.due_date >= start)
            .group_by(LoanRow.loan_number)
            .having(next_due <= end)
            .order_by(next_due, LoanRow.loan_number)
        )
        return [(number, due) for number, due in self.session.execute(query)]

    def due_before(self, day: date) -> list[str]:
        """Active loans with any instalment due before ``day``, the one with
        the earliest such instalment first."""
        first_due = func.min(LoanInstalmentRow.due_date)
        query = (
            select(LoanRow.loan_number)
            .join(LoanInstalmentRow, LoanInstalmentRow.loan_id == LoanRow.id)
            .where(LoanRow.state == LoanState.ACTIVE.value, LoanInstalmentRow.due_date < day)
            .group_by(LoanRow.loan_number)
            .order_by(first_due, LoanRow.loan_number)
        )
        return list(self.session.scalars(query))
