"""The 文书 tab of a loan's detail: the papers issued for it, and printing a
new one without leaving the loan.

The list shows every document registered for the loan's application (its
number, kind, addressee, as-of date, when and by whom, the verification
code). Below it the clerk picks a kind (and, for a notice, the as-of date)
and 生成并预览 fills, registers and prints it on the worker, like the
paperwork screen; the preview offers printing and saving, each recorded,
and the list is read again.

Threading: UI thread only; ``issued_for`` and generating run on the worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.operations import describe_error
from desktop.views.documents_view import ROLES, kind_name
from desktop.widgets.form_fields import FieldNote, Tone
from desktop.widgets.paper_printer import PaperPrinter
from desktop.widgets.tables import fill_table, read_only_table
from domain.documents import DocumentKind, IssuedDocument, issued_for

# The papers of a disbursed loan; the sign-off record is the application's.
LOAN_KINDS = (
    DocumentKind.LOAN_CONTRACT,
    DocumentKind.GUARANTEE_CONTRACT,
    DocumentKind.SCHEDULE,
    DocumentKind.REMINDER,
    DocumentKind.OVERDUE_NOTICE,
    DocumentKind.SIGNOFF_RECORD,
)


def load_documents(uow, loan_number: str) -> list[IssuedDocument]:
    """The loan's issued documents, newest first (worker thread)."""
    return list(reversed(issued_for(uow(), loan_number)))


class LoanDocumentsTab(QWidget):
    def __init__(self, ctx, loan_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loan_number = loan_number
        self._dated = False
        self.setObjectName("loan_documents")
        self._build()
        self.printer = PaperPrinter(ctx, self, self.generate_button, self.status)
        self.printer.generated.connect(lambda _files: self.reload())

    def _build(self) -> None:
        self.table = read_only_table("documents_table")
        self.kind = QComboBox(objectName="document_kind")
        for kind in LOAN_KINDS:
            self.kind.addItem(kind_name(kind), kind.value)
        self.kind.currentIndexChanged.connect(lambda _index: self._update_as_of())
        self.as_of = QDateEdit(QDate.currentDate(), objectName="document_as_of")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.generate_button = QPushButton(
            self.tr("Generate and preview…"), objectName="generate_document"
        )
        self.generate_button.clicked.connect(self.generate)
        may_print = self.ctx.user.has_role(*ROLES)
        for widget in (self.kind, self.as_of, self.generate_button):
            widget.setEnabled(may_print)
        self.status = FieldNote("document_status", self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Document")))
        row.addWidget(self.kind)
        row.addWidget(QLabel(self.tr("As of (notices)")))
        row.addWidget(self.as_of)
        row.addWidget(self.generate_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self._update_as_of()

    def set_business_day(self, day: date | None) -> None:
        """Notices are dated on the store's business day, not the computer's;
        once, so a reload does not undo the date the clerk chose."""
        if day is not None and not self._dated:
            self._dated = True
            self.as_of.setDate(QDate(day.year, day.month, day.day))

    def _update_as_of(self) -> None:
        self.as_of.setEnabled(
            self.generate_button.isEnabled() and self.selected_kind().needs_as_of
        )

    def selected_kind(self) -> DocumentKind:
        return DocumentKind(self.kind.currentData())

    def choose(self, kind: DocumentKind | str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(DocumentKind(kind).value))

    # --- the list -------------------------------------------------------------------------

    def reload(self) -> None:
        uow, number = self.ctx.uow, self.loan_number
        self.ctx.ops.run(
            lambda: load_documents(uow, number),
            on_done=self.show_documents,
            on_error=lambda error: self.status.say(describe_error(error), Tone.ERROR),
            parent=self,
        )

    def show_documents(self, documents: Sequence[IssuedDocument]) -> None:
        rows = [
            [
                d.document_number,
                kind_name(d.kind),
                d.addressee,
                d.as_of.isoformat() if d.as_of else "",
                d.issued_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                d.issued_by,
                d.verification_code,
            ]
            for d in documents
        ]
        headers = [
            self.tr("Document number"),
            self.tr("Document"),
            self.tr("Addressee"),
            self.tr("As of"),
            self.tr("Issued"),
            self.tr("Issued by"),
            self.tr("Verification code"),
        ]
        fill_table(self.table, headers, rows)

    # --- printing -------------------------------------------------------------------------

    def generate(self) -> None:
        """Fill, register and print the chosen paper on the worker, then preview it."""
        kind = self.selected_kind()
        as_of = self.as_of.date().toPython() if kind.needs_as_of else None
        self.printer.generate(kind, self.loan_number, as_of, kind_name(kind))
