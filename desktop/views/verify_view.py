"""核验文件 (everyone): is the paper in front of me what the bank's records say?

The clerk types the verification code printed at the foot of every page
(``7KQ2-M9XD-4RTB``; case, dashes and spaces do not matter, O reads as 0
and I or L as 1). The result says whether the bank issued a document with
that code, which one, for whom, when and by whom, how often it was printed,
and whether the records as they are now still fill exactly that paper:

- 相符 (green): the paper matches the records;
- 不符 (red): the records changed since it was issued, with the reason;
- 未找到 (red): no document carries the code.

Threading: UI thread only; the check runs on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from desktop.views.documents_view import kind_name
from desktop.widgets.form_fields import FieldNote, Tone, title_label
from domain.documents import BEIJING, VerificationResult, verify_code

_FIELDS = (
    ("document_number", QT_TRANSLATE_NOOP("VerifyView", "Document number")),
    ("kind", QT_TRANSLATE_NOOP("VerifyView", "Document")),
    ("addressee", QT_TRANSLATE_NOOP("VerifyView", "Addressee")),
    ("application", QT_TRANSLATE_NOOP("VerifyView", "Application")),
    ("loan", QT_TRANSLATE_NOOP("VerifyView", "Loan contract")),
    ("issued", QT_TRANSLATE_NOOP("VerifyView", "Issued")),
    ("prints", QT_TRANSLATE_NOOP("VerifyView", "Printed")),
)


class VerifyView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result: VerificationResult | None = None
        self.setObjectName("verify_view")
        self._build()

    def _build(self) -> None:
        self.code = QLineEdit(objectName="code")
        self.code.setPlaceholderText("7KQ2-M9XD-4RTB")
        self.code.setMinimumWidth(240)
        self.code.setStyleSheet("font-size: 14pt; letter-spacing: 1px;")
        self.code.returnPressed.connect(self.verify)
        self.verify_button = QPushButton(self.tr("Verify"), objectName="verify")
        self.verify_button.setDefault(True)
        self.verify_button.clicked.connect(self.verify)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Verification code")))
        bar.addWidget(self.code)
        bar.addWidget(self.verify_button)
        bar.addStretch(1)
        hint = QLabel(
            self.tr(
                "Type the code printed at the foot of each page, beside the QR code. The "
                "check fills the document again from the records as they are now: a "
                "document that matches says what the bank's records say."
            ),
            objectName="hint",
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.status = FieldNote("status", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Verify document")))
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self._result_panel())
        layout.addStretch(1)

    def _result_panel(self) -> QFrame:
        self.panel = QFrame(objectName="result")
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.verdict = QLabel(objectName="verdict")
        self.verdict.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.reason = QLabel(objectName="reason")
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name, label in _FIELDS:
            value = QLabel(objectName=name)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[name] = value
            self.details.addRow(self.tr(label), value)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.verdict)
        layout.addWidget(self.reason)
        layout.addLayout(self.details)
        self.panel.setVisible(False)
        return self.panel

    # --- checking -----------------------------------------------------------------------

    def verify(self) -> None:
        """Look the code up and compare with the records, on the worker."""
        code = self.code.text()
        if not code.strip():
            self.status.say(self.tr("Type the verification code first."), Tone.ERROR)
            return
        uow = self.ctx.uow
        self.verify_button.setEnabled(False)
        self.status.clear_note()
        self.ctx.ops.run(
            lambda: verify_code(uow(), code),
            on_done=self.show_result,
            on_error=self._failed,
            label=self.tr("Checking the code…"),
            parent=self,
        )

    def _failed(self, error: Exception) -> None:
        self.verify_button.setEnabled(True)
        messages.show_error(self, describe_error(error))

    def show_result(self, result: VerificationResult) -> None:
        self.verify_button.setEnabled(True)
        self.result = result
        self.panel.setVisible(True)
        if result.found and result.matches:
            self._verdict(self.tr("Matches the records"), messages.SUCCESS_COLOUR)
        elif result.found:
            self._verdict(self.tr("Does not match the records"), messages.ERROR_COLOUR)
        else:
            self._verdict(self.tr("Not found"), messages.ERROR_COLOUR)
        self.reason.setText(result.reason)
        self.reason.setVisible(bool(result.reason))
        self._show_details(result)

    def _verdict(self, text: str, colour: str) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {colour};")

    def _show_details(self, result: VerificationResult) -> None:
        document = result.document
        for name, _label in _FIELDS:
            row_visible = document is not None
            self.details.setRowVisible(self.values[name], row_visible)
        if document is None:
            return
        issued = document.issued_at.astimezone(BEIJING)
        values = {
            "document_number": document.document_number,
            "kind": kind_name(document.kind),
            "addressee": document.addressee,
            "application": document.application_number,
            "loan": document.loan_number or "—",
            "issued": self.tr("{0} by {1}").format(f"{issued:%Y-%m-%d %H:%M}", document.issued_by),
            "prints": self._prints_text(result),
        }
        for name, text in values.items():
            self.values[name].setText(text)

    def _prints_text(self, result: VerificationResult) -> str:
        if not result.prints:
            return self.tr("Not printed yet")
        last = result.prints[-1]
        when = last.printed_at.astimezone(BEIJING)
        return self.tr("{0} times; last {1} by {2} ({3})").format(
            len(result.prints), f"{when:%Y-%m-%d %H:%M}", last.printed_by, last.destination
        )


navigation.register(
    "verify",
    QT_TRANSLATE_NOOP("Navigation", "Verify document"),
    VerifyView,
    order=57,
)
