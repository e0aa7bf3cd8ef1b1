"""合规确认 (supervisors): the sign-off queue and the sign-off screen.

On the left, the applications waiting for the compliance sign-off, oldest
first, tinted amber or red as they near or pass their time limit. On the
right, what the supervisor reviews: the application and its approval, the
analysis summary, the checklist with each item's confirmer, time, evidence
and note, and the history. 确认合规 asks for his password again
(``PasswordPrompt``, which tests replace) and hands the domain the
fingerprint of exactly what was shown, so:

- content changed since it was shown → "内容在您审阅后已被修改，请重新审阅",
  and the screen is read again;
- another supervisor signed it off first → said so, and the queue reloaded;
- he worked on the application himself (four eyes) → the refusal is shown
  in red on the screen and in a message.

Threading: UI thread only; reading and signing off run on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.password_prompt import PasswordPrompt
from desktop.models.paged_table import Column
from desktop.navigation import ViewContext, role_name
from desktop.operations import describe_error
from desktop.views.work_view import (
    DONE_TINT,
    RED_TEXT,
    RowsModel,
    action_name,
    amount_text,
    evidence_name,
    hint_label,
    limit_text,
    make_table,
    short_when,
    state_name,
    status_colour,
    status_text,
    waited_text,
    when_text,
)
from desktop.widgets.form_fields import facts_grid
from desktop.widgets.queue_panel import QueuePanel, open_on_screen, queue_screen
from domain.applications import ApplicationState
from domain.checklist import ChecklistItem
from domain.errors import AuthenticationFailed, ConcurrencyConflict
from domain.users import Role
from domain.workflow import (
    FourEyesViolation,
    ReviewOutdated,
    TransitionRefused,
    Waiting,
    WorkflowEvent,
    sign_off,
    signoff_queue,
)
from domain.workflow import SignoffView as Review
from domain.workflow import signoff_view as load_review

translate = QCoreApplication.translate
State = ApplicationState

# Narrow: the queue sits beside the review, which needs the width.
QUEUE_COLUMNS = [
    Column(
        QT_TRANSLATE_NOOP("SignoffView", "Application no."), lambda w: w.application_number, 126
    ),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Customer"), lambda w: w.customer_name, 50),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Time status"), status_text, 90),
]


def _evidence_lines(item: ChecklistItem) -> str:
    """Each piece of evidence, then who added it and when."""
    lines = [
        f"{evidence_name(e.kind)} {e.file_name or e.reference}\n{e.added_by} {short_when(e.added_at)}"
        for e in item.evidence
    ]
    return "\n".join(lines) or "—"


def _confirmation(item: ChecklistItem) -> str:
    if not item.confirmed:
        return translate("SignoffView", "Not confirmed")
    return f"{item.confirmed_by} {short_when(item.confirmed_at)}"


CHECKLIST_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("SignoffView", "No."), lambda i: str(i.number), 36),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Mandatory"), lambda i: "★" if i.mandatory else "", 40),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Item"), lambda i: i.text, 200),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Confirmed by"), _confirmation, 104),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Evidence"), _evidence_lines, 150),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Note"), lambda i: i.note or "—", 84),
]

ANALYSIS_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("SignoffView", "Figure"), lambda r: r[0], 200),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Value"), lambda r: r[1], 200),
]


def _state_change(event: WorkflowEvent) -> str:
    return f"{state_name(event.from_state)} → {state_name(event.to_state)}"


HISTORY_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("SignoffView", "When"), lambda e: when_text(e.at), 130),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Who"), lambda e: e.actor, 70),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Step"), lambda e: action_name(e.action), 110),
    Column(QT_TRANSLATE_NOOP("SignoffView", "State"), _state_change, 200),
    Column(QT_TRANSLATE_NOOP("SignoffView", "Opinion or reason"), lambda e: e.note or "", 150),
]


def _wrapping_table(name: str, model: RowsModel, columns: list[Column], stretch: int) -> QTableView:
    """A table whose long texts wrap, rows growing to fit."""
    table = make_table(name, model, columns)
    table.setWordWrap(True)
    # Wrapped lines need air above and below, or rows run into each other.
    table.setStyleSheet("QTableView::item { padding: 3px 2px; }")
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    model.modelReset.connect(table.resizeRowsToContents)
    return table


class ComplianceSignoffView(QWidget):
    """The queue and, for the application chosen, everything the sign-off covers."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("signoff_view")
        self.review: Review | None = None
        self.queue_model = RowsModel(
            QUEUE_COLUMNS, "SignoffView", status=lambda w: w.status, status_column=2, parent=self
        )
        self.checklist_model = RowsModel(
            CHECKLIST_COLUMNS, "SignoffView", tint=self._item_tint, parent=self
        )
        self.analysis_model = RowsModel(ANALYSIS_COLUMNS, "SignoffView", parent=self)
        self.history_model = RowsModel(HISTORY_COLUMNS, "SignoffView", parent=self)
        self._build()
        self.refresh()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.queue = make_table("signoff_queue", self.queue_model, QUEUE_COLUMNS)
        self.queue.selectionModel().currentRowChanged.connect(self._queue_row_chosen)
        self.queue_count = hint_label("", "queue_count")
        panel = QueuePanel(
            "queue_panel",
            self.tr("Compliance sign-off"),
            hint_label(self.tr("Signed applications, oldest first.")),
            self.queue,
            min_width=300,
        )
        panel.add(self.queue_count)
        panel.reload_requested.connect(self.refresh)
        self.pages = queue_screen(
            self,
            "signoff",
            panel,
            self.tr("Choose an application in the queue to review it."),
            [self._review_panel()],
        )

    def _review_panel(self) -> QWidget:
        panel = QWidget(objectName="review_panel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = QLabel(objectName="review_heading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.waiting = QLabel(objectName="waiting")
        self.waiting.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.waiting)
        layout.addWidget(self._facts())
        layout.addWidget(self._tabs(), 1)
        layout.addWidget(self._confirm_row())
        return panel

    def _facts(self) -> QFrame:
        frame, _grid, self.facts = facts_grid(
            "facts",
            [
                ("product", self.tr("Product")),
                ("approval", self.tr("Approved")),
                ("request", self.tr("Applied for")),
                ("approved_by", self.tr("Approved by")),
                ("purpose", self.tr("Purpose")),
                ("officers", self.tr("Officers")),
                ("borrower", self.tr("Borrower")),
                ("staff", self.tr("Staff present")),
            ],
            wrap=True,
        )
        return frame

    def _tabs(self) -> QTabWidget:
        self.tabs = QTabWidget(objectName="review_tabs")
        self.checklist = _wrapping_table(
            "checklist_table", self.checklist_model, CHECKLIST_COLUMNS, 2
        )
        self.tabs.addTab(self.checklist, self.tr("Checklist and evidence"))
        analysis = QWidget()
        analysis_layout = QVBoxLayout(analysis)
        self.analysis_table = make_table("analysis_table", self.analysis_model, ANALYSIS_COLUMNS)
        self.analysis_notes = hint_label("", "analysis_notes")
        analysis_layout.addWidget(self.analysis_table, 1)
        analysis_layout.addWidget(self.analysis_notes)
        self.tabs.addTab(analysis, self.tr("Analysis summary"))
        history = QWidget()
        history_layout = QVBoxLayout(history)
        self.history = _wrapping_table("history_table", self.history_model, HISTORY_COLUMNS, 4)
        self.earlier = hint_label("", "earlier_signoffs")
        history_layout.addWidget(self.history, 1)
        history_layout.addWidget(self.earlier)
        self.tabs.addTab(history, self.tr("History"))
        return self.tabs

    def _confirm_row(self) -> QWidget:
        box = QWidget(objectName="confirm_row")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Opinion")))
        self.opinion = QLineEdit(objectName="opinion")
        self.opinion.setPlaceholderText(self.tr("Optional, e.g. process compliant"))
        row.addWidget(self.opinion, 1)
        self.confirm_button = QPushButton(self.tr("Confirm compliance…"), objectName="confirm")
        self.confirm_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        self.confirm_button.clicked.connect(self.confirm)
        row.addWidget(self.confirm_button)
        layout.addLayout(row)
        self.outcome = messages.inline_label(box, "outcome")
        layout.addWidget(self.outcome)
        return box

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the queue again, and the application on screen if any."""
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: signoff_queue(uow(), actor),
            on_done=self._show_queue,
            label=self.tr("Loading the queue…"),
            parent=self,
        )
        if self.review is not None:
            self.open_application(self.review.application.application_number)

    def _show_queue(self, waiting: list[Waiting]) -> None:
        self.queue.selectionModel().blockSignals(True)
        self.queue_model.set_rows(waiting)
        self._select_in_queue()
        self.queue.selectionModel().blockSignals(False)
        self.queue_count.setText(self.tr("{0} waiting").format(len(waiting)))

    def _select_in_queue(self) -> None:
        number = self.review.application.application_number if self.review else None
        for row, wait in enumerate(self.queue_model.rows):
            if wait.application_number == number:
                self.queue.selectRow(row)
                return

    def _queue_row_chosen(self, current, _previous) -> None:
        if current.isValid():
            self.open_application(self.queue_model.row(current.row()).application_number)

    def open_application(self, number: str) -> None:
        """Show what the sign-off of ``number`` covers (read on the worker)."""
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: load_review(uow(), actor, number),
            on_done=self._show_review,
            label=self.tr("Loading the application…"),
            parent=self,
        )

    # --- showing --------------------------------------------------------------------------

    def _show_review(self, review: Review) -> None:
        changed = self.review is None or (
            review.application.application_number != self.review.application.application_number
        )
        self.review = review
        if changed:
            self.opinion.clear()
            messages.set_inline(self.outcome, "")
        application = review.application
        self.heading.setText(
            f"{application.application_number}  {review.customer.name}  · {state_name(application.state)}"
        )
        self._show_waiting(review.waiting)
        self._show_facts(review)
        self.checklist_model.set_rows(review.checklist.items)
        rows = review.analysis.rows() if review.analysis else []
        self.analysis_model.set_rows(rows)
        self.analysis_notes.setText(self._analysis_notes(review))
        self.history_model.set_rows(review.history)
        self.earlier.setText(self._earlier_signoffs(review))
        self.confirm_button.setEnabled(application.state is State.SIGNED)
        self.pages.setCurrentIndex(1)
        self._select_in_queue()

    def _show_waiting(self, wait: Waiting) -> None:
        self.waiting.setText(
            self.tr("Waiting {0} of {1} · {2}").format(
                waited_text(wait.waited), limit_text(wait), status_text(wait)
            )
        )
        colour = status_colour(wait.status)
        self.waiting.setStyleSheet(f"color: {colour.color().name()};" if colour else "")

    def _show_facts(self, review: Review) -> None:
        a, approval, signing = review.application, review.approval, review.checklist.signing
        method = a.repayment_method.label if a.repayment_method else "—"
        facts = {
            "product": review.product_name,
            "request": self.tr("{0} yuan · {1} months · {2}").format(
                amount_text(a.amount), a.months or "—", method
            ),
            "purpose": a.purpose or "—",
            "borrower": f"{review.customer.name}  {review.customer.phone or ''}",
            "officers": " / ".join(n for n in (a.officer, a.assisting_officer) if n),
            "staff": "—",
            "approval": "—",
            "approved_by": "—",
        }
        if approval is not None:
            facts["approval"] = self.tr("{0} yuan, risk grade {1}").format(
                amount_text(approval.amount), approval.risk_grade.value
            )
            facts["approved_by"] = self.tr("{0} ({1}) at {2}").format(
                approval.approved_by,
                role_name(approval.authority_role),
                when_text(approval.approved_at),
            )
        if signing is not None:
            facts["staff"] = self.tr("{0} and {1}, signed {2}").format(
                *signing.staff, when_text(signing.completed_at or signing.started_at)
            )
        for key, text in facts.items():
            self.facts[key].setText(text)

    def _analysis_notes(self, review: Review) -> str:
        summary = review.analysis
        if summary is None:
            return self.tr("No readable analysis sheet on file.")
        return "\n".join([*summary.problems, *summary.warnings])

    def _earlier_signoffs(self, review: Review) -> str:
        lines = [
            self.tr("Earlier sign-off by {0} at {1}, voided: {2}").format(
                s.signed_off_by, when_text(s.signed_off_at), s.void_reason
            )
            for s in review.signoffs
            if s.void
        ]
        return "\n".join(lines)

    def _item_tint(self, item: ChecklistItem) -> QBrush | None:
        return QBrush(QColor(DONE_TINT)) if item.confirmed and item.has_expected_evidence else None

    # --- signing off ----------------------------------------------------------------------

    def confirm(self) -> None:
        """Ask for the password again and sign off exactly what is shown."""
        review = self.review
        if review is None:
            return
        number = review.application.application_number
        password = PasswordPrompt(
            self,
            title=self.tr("Confirm compliance"),
            text=self.tr(
                "You confirm that the signing of {0} for {1} was compliant and the loan may be "
                "disbursed. Enter your password again."
            ).format(number, review.customer.name),
        ).ask()
        if password is None:
            return
        uow, actor, fingerprint, opinion = (
            self.ctx.uow,
            self.ctx.user,
            review.fingerprint,
            self.opinion.text(),
        )
        self.confirm_button.setEnabled(False)
        self.ctx.ops.run(
            lambda: sign_off(uow(), actor, number, password, fingerprint, opinion=opinion),
            on_done=lambda _signoff: self._signed_off(number),
            on_error=lambda error: self._refused(number, error),
            label=self.tr("Signing off…"),
            parent=self,
        )

    def _signed_off(self, number: str) -> None:
        messages.show_info(
            self, self.tr("{0} is signed off. The teller may now disburse the loan.").format(number)
        )
        self.review = None
        self.pages.setCurrentIndex(0)
        self.refresh()

    def _refused(self, number: str, error: Exception) -> None:
        self.confirm_button.setEnabled(True)
        handler = self._refusal_handler(error)
        handler(number, error)

    def _refusal_handler(self, error: Exception) -> Callable[[str, Any], None]:
        if isinstance(error, ReviewOutdated):
            return self._outdated
        if isinstance(error, ConcurrencyConflict) or (
            isinstance(error, TransitionRefused)
            and error.state in (State.SIGNED_OFF, State.DISBURSED)
        ):
            return self._taken
        if isinstance(error, FourEyesViolation):
            return self._own_work
        return self._other_refusal

    def _outdated(self, number: str, _error: Exception) -> None:
        text = self.tr("The content was changed after you reviewed it. Please review it again.")
        self._say(text)
        messages.show_error(self, text, self.tr("Changed since you reviewed it"))
        self.open_application(number)

    def _taken(self, number: str, _error: Exception) -> None:
        messages.show_error(
            self,
            self.tr(
                "Another supervisor has already signed off {0} (or it was just changed by "
                "someone else). The queue is reloaded."
            ).format(number),
            self.tr("Already signed off"),
        )
        self.review = None
        self.pages.setCurrentIndex(0)
        self.refresh()

    def _own_work(self, _number: str, error: Exception) -> None:
        self._say(str(error))
        messages.show_error(self, str(error), self.tr("Four-eyes rule"))

    def _other_refusal(self, _number: str, error: Exception) -> None:
        text = describe_error(error)
        if isinstance(error, AuthenticationFailed):
            text = self.tr("The password was not accepted; nothing was signed off.\n{0}").format(
                error
            )
        self._say(text)
        messages.show_error(self, text)

    def _say(self, text: str) -> None:
        messages.set_inline(self.outcome, text)
        self.outcome.setStyleSheet(f"color: {RED_TEXT}; font-weight: bold;")


def open_signoff(ctx: ViewContext, application_number: str) -> ComplianceSignoffView | None:
    """Show the sign-off screen of ``application_number`` in the main window;
    ``None`` (and a message) if the user is not a supervisor."""
    return open_on_screen(
        ctx,
        "signoff",
        application_number,
        translate("SignoffView", "The compliance sign-off is for supervisors."),
    )


navigation.register(
    "signoff",
    QT_TRANSLATE_NOOP("Navigation", "Compliance sign-off"),
    ComplianceSignoffView,
    roles={Role.SUPERVISOR},
    order=40,
)
