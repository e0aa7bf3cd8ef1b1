"""Tables of registered paperwork: every document issued with its number and
verification code, and every time one was printed or saved.

``issued_documents`` keeps what is needed to fill the same paper again from
the database (kind, application and loan, the addressee, the as-of date) and
the fingerprints: ``content_fingerprint`` over the paper without its number
(to find a re-issue of the same content) and ``fingerprint`` over the paper as
printed (what the verification code is taken from). ``print_log`` rows point
at a document by its number.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from persistence.models import Base
from persistence.models_intake import APPLICATION_NUMBER, NAME
from persistence.types import UtcDateTime

DOCUMENT_NUMBER = 24
KIND = 16
ROLE = 16
ID_NUMBER = 18
FINGERPRINT = 64  # SHA-256 in hex
CODE = 14  # ``7KQ2-M9XD-4RTB``
ACTOR = 64  # a user name, or ``console:<login>`` on the command line
DESTINATION = 200


class IssuedDocumentRow(Base):
    """A document issued under its own number; the same content is issued once."""

    __tablename__ = "issued_documents"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    document_number: Mapped[str] = mapped_column(String(DOCUMENT_NUMBER), unique=True)
    kind: Mapped[str] = mapped_column(String(KIND))
    application_number: Mapped[str] = mapped_column(String(APPLICATION_NUMBER), index=True)
    loan_number: Mapped[str | None] = mapped_column(String(APPLICATION_NUMBER), index=True)
    addressee: Mapped[str] = mapped_column(String(NAME))
    addressee_id_number: Mapped[str] = mapped_column(String(ID_NUMBER))
    role: Mapped[str] = mapped_column(String(ROLE))
    as_of: Mapped[date | None] = mapped_column(Date)
    content_fingerprint: Mapped[str] = mapped_column(String(FINGERPRINT), unique=True)
    fingerprint: Mapped[str] = mapped_column(String(FINGERPRINT))
    verification_code: Mapped[str] = mapped_column(String(CODE), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    issued_by: Mapped[str] = mapped_column(String(ACTOR))


class PrintRow(Base):
    """One printing (or saving as PDF) of an issued document."""

    __tablename__ = "print_log"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    document_number: Mapped[str] = mapped_column(
        String(DOCUMENT_NUMBER), ForeignKey("issued_documents.document_number"), index=True
    )
    printed_by: Mapped[str] = mapped_column(String(ACTOR))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    fingerprint: Mapped[str] = mapped_column(String(FINGERPRINT))
    copies: Mapped[int] = mapped_column(Integer)
    destination: Mapped[str] = mapped_column(String(DESTINATION))
