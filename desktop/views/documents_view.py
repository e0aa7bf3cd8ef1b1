"""打印文件 (officers, supervisors, tellers): generate one document of a loan
and preview it before printing.

The clerk types an application number or a loan contract number, picks the
kind of document (借款合同, 保证合同, 还款计划表, 还款提醒通知书, 逾期催收通知书,
面签核查及合规确认记录) and, for a notice, the as-of date. 生成并预览 fills the
papers from the database, registers them (number and verification code) and
prints them into a temporary PDF on the worker; the preview then offers
printing and saving, each recorded. Refusals (no loan yet, nothing
overdue…) are shown under the form as the domain words them.

The kinds' names in the UI language live here (``kind_name``) for every
paperwork screen.

Threading: UI thread only; generating runs on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs.pdf_preview import PdfPreviewDialog
from desktop.navigation import ViewContext
from desktop.widgets.form_fields import FieldNote, Tone, title_label
from desktop.widgets.paper_printer import PaperPrinter
from domain.documents import DocumentKind
from domain.users import Role

ROLES = {Role.LOAN_OFFICER, Role.ASSISTING_OFFICER, Role.SUPERVISOR, Role.TELLER}

_KIND_NAMES = {
    DocumentKind.LOAN_CONTRACT: QT_TRANSLATE_NOOP("Paperwork", "Loan contract"),
    DocumentKind.GUARANTEE_CONTRACT: QT_TRANSLATE_NOOP("Paperwork", "Guarantee contract"),
    DocumentKind.SCHEDULE: QT_TRANSLATE_NOOP("Paperwork", "Repayment schedule"),
    DocumentKind.REMINDER: QT_TRANSLATE_NOOP("Paperwork", "Repayment reminder"),
    DocumentKind.OVERDUE_NOTICE: QT_TRANSLATE_NOOP("Paperwork", "Overdue collection notice"),
    DocumentKind.SIGNOFF_RECORD: QT_TRANSLATE_NOOP("Paperwork", "Checklist and sign-off record"),
}


def kind_name(kind: DocumentKind) -> str:
    """The kind of document in the UI language (the Chinese equals ``kind.label``)."""
    return QCoreApplication.translate("Paperwork", _KIND_NAMES[kind])


class DocumentsView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("documents_view")
        self._build()
        self.printer = PaperPrinter(ctx, self, self.generate_button, self.status)

    def _build(self) -> None:
        self.number = QLineEdit(objectName="number")
        self.number.setPlaceholderText(self.tr("e.g. XW20261128-0001 or JK20261128-0001"))
        self.number.setMinimumWidth(280)
        self.number.returnPressed.connect(self.generate)
        self.kind = QComboBox(objectName="kind")
        for kind in DocumentKind:
            self.kind.addItem(kind_name(kind), kind.value)
        self.kind.setMinimumWidth(280)
        self.kind.currentIndexChanged.connect(lambda _index: self._update_as_of())
        self.as_of = QDateEdit(QDate.currentDate(), objectName="as_of")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setMinimumWidth(160)
        self.generate_button = QPushButton(self.tr("Generate and preview…"), objectName="generate")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Application or contract number"), self.number)
        form.addRow(self.tr("Document"), self.kind)
        form.addRow(self.tr("As of (notices)"), self.as_of)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Every document is filled from the records on file and registered with its "
                "own number and verification code. Printing the same content again gives "
                "the same number and code. Each printing or saved copy is recorded."
            ),
            objectName="hint",
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.status = FieldNote("status", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Paperwork")))
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._update_as_of()

    def _update_as_of(self) -> None:
        self.as_of.setEnabled(self.selected_kind().needs_as_of)

    def selected_kind(self) -> DocumentKind:
        return DocumentKind(self.kind.currentData())

    def choose(self, kind: DocumentKind | str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(DocumentKind(kind).value))

    # --- generating ---------------------------------------------------------------------

    def generate(self) -> None:
        """Fill, register and print the chosen document on the worker, then preview it."""
        number, kind = self.number.text().strip(), self.selected_kind()
        if not number:
            self.status.say(self.tr("Type an application or contract number first."), Tone.ERROR)
            self.number.setFocus()
            return
        as_of = self.as_of.date().toPython() if kind.needs_as_of else None
        self.printer.generate(kind, number, as_of, kind_name(kind))

    @property
    def preview(self) -> PdfPreviewDialog | None:
        return self.printer.preview


navigation.register(
    "documents",
    QT_TRANSLATE_NOOP("Navigation", "Paperwork"),
    DocumentsView,
    roles=ROLES,
    order=55,
)
