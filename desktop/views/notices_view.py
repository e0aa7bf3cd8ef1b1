"""批量通知 (tellers, officers): every reminder or overdue notice of a day in one PDF.

The clerk picks the as-of date and either repayment reminders (还款提醒通知书)
for the instalments due from that date to N days later, or overdue
collection notices (逾期催收通知书) for every loan with anything overdue, to
the borrower and each guarantor. 生成 runs as one cancellable batch on the
worker: the notices are filled in due-date order, registered, and laid out
into one PDF; the progress dialog shows how far it got and offers 取消.
The preview then prints or saves the whole batch, each notice recorded.

Cancelling stops before the PDF is written. Notices already registered
keep their numbers (the same notice filled again gets the same number);
nothing is recorded as printed.

Threading: UI thread only; the batch runs on the worker.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.commands.paperwork import GeneratedFile, generate_notices
from desktop.dialogs.pdf_preview import PdfPreviewDialog
from desktop.navigation import ViewContext
from desktop.operations import Operation, OperationCancelled, Progress, describe_error
from desktop.widgets.form_fields import FieldNote, Tone, title_label
from desktop.widgets.paper_printer import temporary_pdf
from domain.documents import MAX_WITHIN_DAYS
from domain.users import Role
from printing.layout import PrintingCancelled

ROLES = {Role.TELLER, Role.LOAN_OFFICER, Role.ASSISTING_OFFICER}
DEFAULT_WITHIN_DAYS = 7


class NoticesView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.batch: Operation | None = None
        self.preview: PdfPreviewDialog | None = None
        self._folder = tempfile.TemporaryDirectory(
            prefix="loandesk-notices-", ignore_cleanup_errors=True
        )
        self.setObjectName("notices_view")
        self._build()

    def _build(self) -> None:
        self.as_of = QDateEdit(QDate.currentDate(), objectName="as_of")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setMinimumWidth(160)
        self.reminders = QRadioButton(self.tr("Repayment reminders"), objectName="reminders")
        self.overdue = QRadioButton(self.tr("Overdue collection notices"), objectName="overdue")
        self.reminders.setChecked(True)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.reminders)
        self.choice.addButton(self.overdue)
        self.choice.buttonToggled.connect(lambda *_: self._update_within())
        self.within = QSpinBox(objectName="within_days")
        self.within.setRange(0, MAX_WITHIN_DAYS)
        self.within.setValue(DEFAULT_WITHIN_DAYS)
        self.within.setSuffix(self.tr(" days"))
        self.within.setMinimumWidth(160)
        kinds = QHBoxLayout()
        kinds.addWidget(self.reminders)
        kinds.addWidget(self.overdue)
        kinds.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("As of"), self.as_of)
        form.addRow(self.tr("Notices"), kinds)
        form.addRow(self.tr("Due within"), self.within)
        self.generate_button = QPushButton(self.tr("Generate…"), objectName="generate")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Reminders go to borrowers whose next instalment falls due within the days "
                "given; overdue notices go to the borrower and each guarantor of every loan "
                "with anything overdue on the date. All of them in one PDF, in due-date order."
            ),
            objectName="hint",
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.status = FieldNote("status", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Batch notices")))
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _update_within(self) -> None:
        self.within.setEnabled(self.reminders.isChecked())

    # --- the batch --------------------------------------------------------------------

    def generate(self) -> None:
        """Run the batch on the worker; cancellable from the progress dialog (or ``cancel``)."""
        as_of = self.as_of.date().toPython()
        within = self.within.value() if self.reminders.isChecked() else None
        out = temporary_pdf(Path(self._folder.name), f"notices-{as_of:%Y%m%d}")
        uow, user = self.ctx.uow, self.ctx.user

        def work(progress: Progress) -> GeneratedFile | None:
            def report(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total)

            return generate_notices(
                uow, user, as_of, within, out, progress=report, cancelled=lambda: progress.cancelled
            )

        self.generate_button.setEnabled(False)
        self.status.say(self.tr("Preparing notices…"))
        self.batch = self.ctx.ops.run_batch(
            work,
            on_done=self._generated,
            on_error=self._failed,
            label=self.tr("Preparing notices…"),
            parent=self,
        )

    def cancel(self) -> None:
        """Stop the running batch at its next step."""
        if self.batch is not None:
            self.batch.cancel()

    def _generated(self, file: GeneratedFile | None) -> None:
        self.batch = None
        self.generate_button.setEnabled(True)
        if file is None:
            self.status.say(self.tr("No notices to print for these choices."), Tone.INFO)
            return
        numbers = file.document_numbers
        self.status.say(
            self.tr("{0} notices ready, numbered {1} to {2}.").format(
                len(numbers), numbers[0], numbers[-1]
            ),
            Tone.OK,
        )
        self.open_preview(file)

    def _failed(self, error: Exception) -> None:
        self.batch = None
        self.generate_button.setEnabled(True)
        if isinstance(error, OperationCancelled | PrintingCancelled):
            self.status.say(self.tr("Cancelled: no PDF was made."), Tone.WARNING)
        else:
            self.status.say(describe_error(error), Tone.ERROR)

    def open_preview(self, file: GeneratedFile) -> None:
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
        self.preview = PdfPreviewDialog(self.ctx, [file], self)
        self.preview.open()


navigation.register(
    "notices",
    QT_TRANSLATE_NOOP("Navigation", "Batch notices"),
    NoticesView,
    roles=ROLES,
    order=56,
)
