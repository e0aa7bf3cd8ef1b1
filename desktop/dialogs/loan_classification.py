"""五级分类认定 from a loan's detail: a supervisor classifies any active
loan again, not only those the queue lists (a confirmed 关注 he now knows
to be worse).

``LoanClassifier(ctx, owner).start(loan_number, product_name,
officer_name)`` reads the loan as the decision shows it on the worker
(``classification_of``: days past due and suggestion counted today), asks
with ``ClassificationDecisionDialog`` and saves the decision on the worker;
``decided`` is emitted with it. A refusal (a missing reason, 正常 for an
overdue loan) brings the same dialog back with what was entered; a loan
changed meanwhile is said so, and the caller reloads. UI thread only;
tests replace ``ask``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.dialogs import messages
from desktop.dialogs.classification_decision import (
    ClassificationChoice,
    ClassificationDecisionDialog,
)
from desktop.operations import describe_error
from desktop.views.classification_view import decide
from domain.classification import PendingClassification, classification_of
from domain.errors import ConcurrencyConflict, NotFound, ValidationError


class LoanClassifier(QObject):
    decided = Signal(object)  # the ClassificationDecision
    changed_meanwhile = Signal()

    def __init__(self, ctx, owner: QWidget):
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner

    def start(self, loan_number: str, product_name: str, officer_name: str) -> None:
        uow, actor = self.ctx.uow, self.ctx.user

        def opened(pending: PendingClassification) -> None:
            dialog = ClassificationDecisionDialog(pending, product_name, self.owner, officer_name)
            self._ask(dialog)

        self.ctx.ops.run(
            lambda: classification_of(uow(), actor, loan_number),
            on_done=opened,
            on_error=lambda error: messages.show_error(self.owner, describe_error(error)),
            parent=self.owner,
        )

    def ask(self, dialog: ClassificationDecisionDialog) -> ClassificationChoice | None:
        return dialog.get_values()

    def _ask(self, dialog: ClassificationDecisionDialog) -> None:
        choice = self.ask(dialog)
        if choice is None:
            dialog.deleteLater()
            return
        uow, actor, pending = self.ctx.uow, self.ctx.user, dialog.pending
        self.ctx.ops.run(
            lambda: decide(uow, actor, pending, choice),
            on_done=lambda decision: self._decided(dialog, decision),
            on_error=lambda error: self._refused(dialog, error),
            label=self.tr("Saving the classification…"),
            parent=self.owner,
        )

    def _decided(self, dialog: ClassificationDecisionDialog, decision) -> None:
        dialog.deleteLater()
        self.decided.emit(decision)

    def _refused(self, dialog: ClassificationDecisionDialog, error: Exception) -> None:
        if isinstance(error, ConcurrencyConflict | NotFound):
            dialog.deleteLater()
            messages.show_error(self.owner, describe_error(error))
            self.changed_meanwhile.emit()
            return
        field = error.field if isinstance(error, ValidationError) else None
        dialog.show_problem(field, describe_error(error))
        self._ask(dialog)
