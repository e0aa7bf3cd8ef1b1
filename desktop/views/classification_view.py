"""五级分类认定 (supervisors): the loans whose category waits for a decision.

The queue (``domain.classification.classification_queue``) lists active
loans whose suggested category nobody has confirmed, worst first: contract
number, borrower, product, officer, days past due, outstanding principal,
the suggestion and the category the loan carries now; 次级 rows are tinted
amber, 可疑 and 损失 red. 认定… (or a double-click) opens
``ClassificationDecisionDialog``: confirm the suggestion or override it with
a reason, and for 次级, 可疑 and 损失 optionally put the borrower on the
default notice list. The decision is taken on the worker (``classify``);
then the queue is read again and the outcome shown under it.

A refusal brings the same dialog back with everything entered: a missing
reason beside the reason, other refusals under the form. When the loan
changed meanwhile (a posting, the daily run: ``ConcurrencyConflict``) the
loan is read again and the dialog comes back showing it as it is now; if
someone else has classified it, the queue is reloaded and that is said.

Threading: UI thread only; reading and deciding run on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop import navigation
from desktop.dialogs import messages
from desktop.dialogs.classification_decision import (
    ClassificationChoice,
    ClassificationDecisionDialog,
    category_name,
)
from desktop.models.names import load_names
from desktop.models.paged_table import Column
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from desktop.views.work_view import (
    AMBER_TINT,
    RED_TEXT,
    RED_TINT,
    RowsModel,
    amount_text,
    hint_label,
    make_table,
    title_label,
)
from domain.classification import (
    Category,
    ClassificationDecision,
    PendingClassification,
    classification_queue,
    classify,
)
from domain.errors import ConcurrencyConflict, NotFound, ValidationError
from domain.users import Role, User

translate = QCoreApplication.translate


@dataclass(frozen=True)
class QueueRow:
    """A loan waiting for its classification, with its product's name and
    its officer's full name."""

    pending: PendingClassification
    product_name: str
    officer_name: str = ""

    @property
    def loan_number(self) -> str:
        return self.pending.loan_number


def load_queue(uow: Callable[[], Any], actor: User) -> list[QueueRow]:
    """Worker thread: the queue, worst first, each loan with its product's
    name and its officer's full name."""
    pending = classification_queue(uow(), actor)
    if not pending:
        return []
    names = load_names(uow, actor)
    return [
        QueueRow(item, names.product(item.product_code), names.person(item.officer))
        for item in pending
    ]


def reload_loan(uow: Callable[[], Any], actor: User, loan_number: str) -> QueueRow | None:
    """Worker thread: ``loan_number`` as the queue now holds it, or ``None``
    once it has left the queue (classified, or no longer overdue)."""
    return next((r for r in load_queue(uow, actor) if r.loan_number == loan_number), None)


def decide(
    uow: Callable[[], Any],
    actor: User,
    pending: PendingClassification,
    choice: ClassificationChoice,
) -> ClassificationDecision:
    """Worker thread: the supervisor's decision on the loan as it was shown."""
    return classify(
        uow(),
        actor,
        pending.loan_number,
        choice.category,
        choice.reason,
        version=pending.version,
        blacklist=choice.blacklist,
        blacklist_reason=choice.blacklist_reason,
    )


# --- the queue ----------------------------------------------------------------------------------

DAYS_COLUMN = 4

QUEUE_COLUMNS = [
    Column(
        QT_TRANSLATE_NOOP("ClassificationView", "Contract number"), lambda r: r.loan_number, 150
    ),
    Column(
        QT_TRANSLATE_NOOP("ClassificationView", "Borrower"), lambda r: r.pending.borrower_name, 80
    ),
    Column(QT_TRANSLATE_NOOP("ClassificationView", "Product"), lambda r: r.product_name, 110),
    Column(
        QT_TRANSLATE_NOOP("ClassificationView", "Officer"),
        lambda r: r.officer_name or r.pending.officer,
        70,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClassificationView", "Days past due"),
        lambda r: str(r.pending.days_past_due),
        80,
        align_right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClassificationView", "Outstanding (yuan)"),
        lambda r: amount_text(r.pending.outstanding_principal),
        120,
        align_right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClassificationView", "Suggested"),
        lambda r: category_name(r.pending.suggested),
        90,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClassificationView", "Current category"),
        lambda r: category_name(r.pending.category),
        90,
    ),
]

SUGGESTED_COLUMN = 6


def _tint(row: QueueRow) -> QBrush | None:
    """Amber for 次级, red for 可疑 and 损失: the worst catch the eye first."""
    suggested = row.pending.suggested
    if suggested.rank >= Category.DOUBTFUL.rank:
        return QBrush(QColor(RED_TINT))
    if suggested is Category.SUBSTANDARD:
        return QBrush(QColor(AMBER_TINT))
    return None


class QueueModel(RowsModel):
    """The queue; days past due in red, the suggestion in bold."""

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.row() < len(self.rows):
            if role == Qt.ItemDataRole.ForegroundRole and index.column() == DAYS_COLUMN:
                return QBrush(QColor(RED_TEXT))
            if role == Qt.ItemDataRole.FontRole and index.column() == SUGGESTED_COLUMN:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)


class ClassificationView(QWidget):
    """The supervisor's classification queue and the decision on one loan."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("classification_view")
        self.model = QueueModel(QUEUE_COLUMNS, "ClassificationView", tint=_tint, parent=self)
        self._build()
        self.refresh()

    def _build(self) -> None:
        heading = QHBoxLayout()
        heading.addWidget(title_label(self.tr("Loan classification")))
        heading.addStretch(1)
        reload_button = QPushButton(self.tr("Reload"), objectName="reload")
        reload_button.clicked.connect(self.refresh)
        heading.addWidget(reload_button)
        hint = hint_label(
            self.tr(
                "Loans whose category waits for your decision, worst first. Confirm the "
                "category suggested from days past due, or override it with a reason. For "
                "substandard, doubtful and loss you may also put the borrower on the default "
                "notice list."
            ),
            "hint",
        )
        self.table = make_table("classification_queue", self.model, QUEUE_COLUMNS)
        self.table.activated.connect(lambda _index: self.decide_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self.count = hint_label("", "queue_count")
        self.decide_button = QPushButton(self.tr("Classify…"), objectName="decide")
        self.decide_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        self.decide_button.clicked.connect(self.decide_selected)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.decide_button)
        self.outcome = messages.inline_label(self, "outcome")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        layout.addWidget(self.outcome)
        self._update_button()

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the queue again (shown again, after a decision, on 刷新)."""
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: load_queue(uow, actor),
            on_done=self._show_queue,
            label=self.tr("Loading the classification queue…"),
            parent=self,
        )

    def _show_queue(self, rows: list[QueueRow]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            self.select(selected.loan_number)
        if rows:
            self.count.setText(self.tr("{0} loans waiting for a decision").format(len(rows)))
        else:
            self.count.setText(self.tr("Nothing to classify: every category is confirmed."))
        self._update_button()

    def rows(self) -> list[QueueRow]:
        return list(self.model.rows)

    def selected(self) -> QueueRow | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.model.row(chosen[0].row()) if chosen else None

    def select(self, loan_number: str) -> bool:
        for row, item in enumerate(self.model.rows):
            if item.loan_number == loan_number:
                self.table.selectRow(row)
                return True
        return False

    def _update_button(self) -> None:
        self.decide_button.setEnabled(self.selected() is not None)

    # --- deciding -------------------------------------------------------------------------

    def decide_selected(self) -> None:
        """Open the decision on the loan selected."""
        row = self.selected()
        if row is None:
            messages.show_info(self, self.tr("Select a loan in the queue first."))
            return
        self._ask(
            ClassificationDecisionDialog(row.pending, row.product_name, self, row.officer_name)
        )

    def _ask(self, dialog: ClassificationDecisionDialog) -> None:
        choice = dialog.get_values()
        if choice is None:
            dialog.deleteLater()
            return
        uow, actor, pending = self.ctx.uow, self.ctx.user, dialog.pending
        self.ctx.ops.run(
            lambda: decide(uow, actor, pending, choice),
            on_done=lambda decision: self._decided(dialog, decision),
            on_error=lambda error: self._refused(dialog, choice, error),
            label=self.tr("Saving the classification…"),
            parent=self,
        )

    def _decided(
        self, dialog: ClassificationDecisionDialog, decision: ClassificationDecision
    ) -> None:
        dialog.deleteLater()
        text = self.tr("{0}: classified {1}.").format(
            decision.loan_number, category_name(decision.category)
        )
        if decision.blacklisted:
            text += " " + self.tr("{0} is on the default notice list.").format(
                dialog.pending.borrower_name
            )
        messages.set_inline(self.outcome, text, ok=True)
        self.refresh()

    def _refused(
        self, dialog: ClassificationDecisionDialog, choice: ClassificationChoice, error: Exception
    ) -> None:
        if isinstance(error, ConcurrencyConflict):
            self._changed_meanwhile(dialog, choice, error)
            return
        if isinstance(error, NotFound):
            dialog.deleteLater()
            messages.show_error(self, describe_error(error))
            self.refresh()
            return
        # A missing reason, 正常 for an overdue loan, a loan just settled, a
        # lost server the supervisor chose not to retry now: the same dialog
        # comes back with everything entered and the refusal beside its input.
        field = error.field if isinstance(error, ValidationError) else None
        dialog.show_problem(field, describe_error(error))
        self._ask(dialog)

    def _changed_meanwhile(
        self, dialog: ClassificationDecisionDialog, choice: ClassificationChoice, error: Exception
    ) -> None:
        """Read the loan again; ask again on it as it is now, or say it is done."""
        uow, actor, number = self.ctx.uow, self.ctx.user, dialog.pending.loan_number

        def reloaded(row: QueueRow | None) -> None:
            if row is None:
                dialog.deleteLater()
                messages.show_error(
                    self,
                    self.tr(
                        "Loan {0} is no longer waiting for a classification: someone else "
                        "has just decided on it, or its position changed. The queue is reloaded."
                    ).format(number),
                    self.tr("Changed meanwhile"),
                )
                self.refresh()
                return
            dialog.product_name, dialog.officer_name = row.product_name, row.officer_name
            dialog.set_pending(row.pending)
            dialog.set_entered(choice)
            dialog.show_problem(None, describe_error(error))
            self.refresh()
            self._ask(dialog)

        self.ctx.ops.run(
            lambda: reload_loan(uow, actor, number),
            on_done=reloaded,
            on_error=lambda failure: (
                dialog.deleteLater(),
                messages.show_error(self, describe_error(failure)),
            ),
            label=self.tr("Loading the loan…"),
            parent=self,
        )


navigation.register(
    "classification",
    QT_TRANSLATE_NOOP("Navigation", "Loan classification"),
    ClassificationView,
    roles={Role.SUPERVISOR},
    order=47,
)
