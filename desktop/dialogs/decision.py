"""The approval decision: approve, escalate, return for more information, reject.

``DecisionDialog(case, parent).get_values()`` returns a ``Decision`` or
``None`` if cancelled. It offers only the decisions the approver's roles
allow from the application's state (``domain.workflow.allowed_actions``),
insists on a reason for a return or a rejection, reads the approved amount
as people type it (``10万``, ``150,000``) and shows the approver's
authority for the product; the domain checks all of it again.

``decide(ctx, parent, number, on_decided)`` is the whole round: load the
application on the worker, ask, apply the decision on the worker. A
refusal (above the approver's authority, four eyes, a missing reason) brings
the same dialog back with what was entered and the reason in red, so the
approver can escalate instead; a stale copy (someone decided first) is
explained and the caller reloads.

UI thread only, except the functions marked "worker thread".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.operations import describe_error
from domain.applications import Application, get_application
from domain.catalogue import get_product
from domain.customers import get_customer
from domain.errors import ConcurrencyConflict, DomainError, NotFound
from domain.money import amount_in_capitals, format_amount, parse_amount
from domain.pricing import RiskGrade
from domain.users import User
from domain.workflow import (
    TRANSITIONS,
    Action,
    ApprovalLimit,
    allowed_actions,
    approval_limits,
    approve,
    authority,
    escalate,
    reject,
    return_for_information,
)

translate = QCoreApplication.translate

DECISIONS = (Action.APPROVE, Action.ESCALATE, Action.RETURN, Action.REJECT)
NEEDS_REASON = frozenset({Action.RETURN, Action.REJECT})

_DECISION_NAMES = {
    Action.APPROVE: QT_TRANSLATE_NOOP("DecisionDialog", "Approve"),
    Action.ESCALATE: QT_TRANSLATE_NOOP("DecisionDialog", "Escalate to head office"),
    Action.RETURN: QT_TRANSLATE_NOOP("DecisionDialog", "Return for more information"),
    Action.REJECT: QT_TRANSLATE_NOOP("DecisionDialog", "Reject"),
}

_TEXT_LABELS = {
    Action.APPROVE: QT_TRANSLATE_NOOP("DecisionDialog", "Opinion"),
    Action.ESCALATE: QT_TRANSLATE_NOOP("DecisionDialog", "Why escalate"),
    Action.RETURN: QT_TRANSLATE_NOOP("DecisionDialog", "What is missing (required)"),
    Action.REJECT: QT_TRANSLATE_NOOP("DecisionDialog", "Reason for rejection (required)"),
}

_GRADE_NAMES = {
    RiskGrade.A: QT_TRANSLATE_NOOP("DecisionDialog", "A (excellent)"),
    RiskGrade.B: QT_TRANSLATE_NOOP("DecisionDialog", "B (good)"),
    RiskGrade.C: QT_TRANSLATE_NOOP("DecisionDialog", "C (fair)"),
    RiskGrade.D: QT_TRANSLATE_NOOP("DecisionDialog", "D (poor)"),
}


@dataclass(frozen=True)
class Decision:
    """What the approver decided. ``text`` is the opinion (approve,
    escalate) or the reason (return, reject). ``amount`` is the approved
    amount as typed, empty for the amount applied for."""

    action: Action
    text: str = ""
    amount: str = ""
    risk_grade: RiskGrade | None = None


@dataclass(frozen=True)
class DecisionCase:
    """What the dialog shows: the application as loaded (its ``version`` goes
    back with the decision), the decisions on offer and the approver's limit
    for the product (``None``: no authority)."""

    application: Application
    customer_name: str
    product_name: str
    actions: list[Action]
    limit: ApprovalLimit | None


def load_case(uow: Callable[[], Any], actor: User, number: str) -> DecisionCase:
    """Worker thread: the application and what ``actor`` may decide on it."""
    application = get_application(uow(), number)
    customer = get_customer(uow(), application.customer_id)
    try:
        product_name = get_product(uow(), application.product_code).name
    except NotFound:
        product_name = application.product_code
    actions = [a for a in allowed_actions(application.state, actor) if a in DECISIONS]
    move = TRANSITIONS.get((application.state, Action.APPROVE))
    roles = (move.roles & actor.roles) if move else frozenset()
    limit = authority(approval_limits(uow()), roles, application.product_code) if roles else None
    return DecisionCase(application, customer.name, product_name, actions, limit)


def apply_decision(
    uow: Callable[[], Any], actor: User, application: Application, decision: Decision
) -> Application:
    """Worker thread: take the decision on the application as it was shown."""
    number, version = application.application_number, application.version
    if decision.action is Action.APPROVE:
        return approve(
            uow(),
            actor,
            number,
            version,
            decision.text,
            amount=decision.amount or None,
            risk_grade=decision.risk_grade,
        )
    if decision.action is Action.ESCALATE:
        return escalate(uow(), actor, number, version, decision.text)
    if decision.action is Action.RETURN:
        return return_for_information(uow(), actor, number, version, decision.text)
    return reject(uow(), actor, number, version, decision.text)


class DecisionDialog(QDialog):
    def __init__(self, case: DecisionCase, parent: QWidget | None = None):
        super().__init__(parent)
        self.case = case
        self.values: Decision | None = None
        self.setObjectName("decision_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Decision on {0}").format(case.application.application_number))
        self._build()
        self._action_changed()
        self.setMinimumWidth(560)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self._summary())
        layout.addWidget(self._choices())
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount = QLineEdit(objectName="approved_amount")
        self.amount.setText(_amount(self.case.application.amount))
        self.amount.textChanged.connect(self._read_amount)
        self.amount_note = QLabel(objectName="amount_note")
        self.amount_note.setWordWrap(True)
        self.grade = QComboBox(objectName="risk_grade")
        for grade in RiskGrade:
            self.grade.addItem(self.tr(_GRADE_NAMES[grade]), grade)
        self.grade.setCurrentIndex(list(RiskGrade).index(RiskGrade.B))
        self.text_label = QLabel()
        self.text = QPlainTextEdit(objectName="decision_text")
        self.text.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.amount_label = QLabel(self.tr("Approved amount (yuan)"))
        self.grade_label = QLabel(self.tr("Risk grade"))
        form.addRow(self.amount_label, self.amount)
        form.addRow("", self.amount_note)
        form.addRow(self.grade_label, self.grade)
        form.addRow(self.text_label, self.text)
        layout.addLayout(form)
        self.error = messages.inline_label(self)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())
        self._read_amount()

    def _summary(self) -> QFrame:
        case, application = self.case, self.case.application
        frame = QFrame(objectName="summary")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(frame)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows = [
            (self.tr("Application"), application.application_number),
            (self.tr("Customer"), case.customer_name),
            (self.tr("Product"), case.product_name),
            (self.tr("Amount applied for"), _with_capitals(application.amount)),
            (self.tr("Term"), self.tr("{0} months").format(application.months or "—")),
            (self.tr("Purpose"), application.purpose or "—"),
            (self.tr("Officer"), _officers(application)),
            (self.tr("Your authority"), self._limit_text()),
        ]
        for label, value in rows:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)
        return frame

    def _limit_text(self) -> str:
        limit = self.case.limit
        if limit is None:
            return self.tr("No approval limit set for this product")
        return self.tr("Up to {0} yuan").format(format_amount(limit.max_amount))

    def _choices(self) -> QWidget:
        box = QWidget(objectName="choices")
        row = QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.choice_buttons: dict[Action, QRadioButton] = {}
        for action in self.case.actions:
            button = QRadioButton(self.tr(_DECISION_NAMES[action]), objectName=action.value)
            self.group.addButton(button)
            self.choice_buttons[action] = button
            row.addWidget(button)
        if not self.case.actions:
            row.addWidget(QLabel(self.tr("You cannot decide on this application in its state.")))
        else:
            self.choice_buttons[self.case.actions[0]].setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self._action_changed())
        return box

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok")
        self.ok_button.setEnabled(bool(self.case.actions))
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        return buttons

    # --- reacting -------------------------------------------------------------------------

    def chosen(self) -> Action | None:
        for action, button in self.choice_buttons.items():
            if button.isChecked():
                return action
        return None

    def choose(self, action: Action) -> None:
        self.choice_buttons[action].setChecked(True)

    def _action_changed(self) -> None:
        action = self.chosen()
        approving = action is Action.APPROVE
        for widget in (
            self.amount_label,
            self.amount,
            self.amount_note,
            self.grade_label,
            self.grade,
        ):
            widget.setVisible(approving)
        if action is not None:
            self.text_label.setText(self.tr(_TEXT_LABELS[action]))
        self.adjustSize()

    def _read_amount(self) -> None:
        """Say what was understood, and warn (not refuse) above the authority:
        the domain gives the refusal, with the limit, and escalation remains."""
        try:
            amount = parse_amount(self.amount.text(), "amount", label=self.tr("Approved amount"))
        except DomainError as error:
            self._note(str(error), messages.ERROR_COLOUR)
            return
        text = amount_in_capitals(amount)
        limit = self.case.limit
        if limit is not None and amount > limit.max_amount:
            text += "\n" + self.tr("Above your authority: escalate to head office instead.")
            self._note(text, "#8a5a00")
        else:
            self._note(text, "#5f6368")

    def _note(self, text: str, colour: str) -> None:
        self.amount_note.setStyleSheet(f"color: {colour};")
        self.amount_note.setText(text)

    # --- the result -----------------------------------------------------------------------

    def submit(self) -> None:
        """Accept if the form is complete; else say what is missing."""
        action = self.chosen()
        if action is None:
            return
        text = self.text.toPlainText().strip()
        if action in NEEDS_REASON and not text:
            self.show_error(self.tr("Please give the reason: the officer sees it."))
            self.text.setFocus()
            return
        decision = Decision(action, text)
        if action is Action.APPROVE:
            problem = self._amount_problem()
            if problem:
                self.show_error(problem)
                self.amount.setFocus()
                return
            decision = Decision(action, text, self.amount.text().strip(), self.grade.currentData())
        self.values = decision
        self.accept()

    def _amount_problem(self) -> str:
        try:
            amount = parse_amount(self.amount.text(), "amount", label=self.tr("Approved amount"))
        except DomainError as error:
            return str(error)
        applied = self.case.application.amount
        if applied is not None and amount > applied:
            return self.tr(
                "The approved amount cannot be more than the {0} yuan applied for."
            ).format(format_amount(applied))
        return ""

    def show_error(self, text: str) -> None:
        messages.set_inline(self.error, text)
        self.adjustSize()

    def get_values(self) -> Decision | None:
        """The decision, or ``None`` if cancelled."""
        self.values = None
        return self.values if self.exec() == QDialog.DialogCode.Accepted else None


def _amount(amount) -> str:
    return "" if amount is None else format_amount(amount)


def _with_capitals(amount) -> str:
    if amount is None:
        return "—"
    return translate("DecisionDialog", "{0} yuan ({1})").format(
        format_amount(amount), amount_in_capitals(amount)
    )


def _officers(application: Application) -> str:
    if application.assisting_officer:
        return f"{application.officer} / {application.assisting_officer}"
    return application.officer


# --- the round: load, ask, apply ---------------------------------------------------------------


def decide(
    ctx,
    parent: QWidget,
    number: str,
    on_decided: Callable[[Application | None], None] | None = None,
) -> None:
    """Load ``number``, ask for the decision and apply it. ``on_decided`` gets
    the application as saved, or ``None`` when the list should be reloaded
    because someone else decided first."""
    uow, actor = ctx.uow, ctx.user
    ctx.ops.run(
        lambda: load_case(uow, actor, number),
        on_done=lambda case: _ask(ctx, parent, DecisionDialog(case, parent), on_decided),
        label=translate("DecisionDialog", "Loading the application…"),
        parent=parent,
    )


def _ask(ctx, parent: QWidget, dialog: DecisionDialog, on_decided) -> None:
    decision = dialog.get_values()
    if decision is None:
        dialog.deleteLater()
        return
    uow, actor, application = ctx.uow, ctx.user, dialog.case.application
    ctx.ops.run(
        lambda: apply_decision(uow, actor, application, decision),
        on_done=lambda saved: _decided(dialog, saved, on_decided),
        on_error=lambda error: _refused(ctx, parent, dialog, error, on_decided),
        label=translate("DecisionDialog", "Saving the decision…"),
        parent=parent,
    )


def _decided(dialog: DecisionDialog, saved: Application, on_decided) -> None:
    dialog.deleteLater()
    if on_decided is not None:
        on_decided(saved)


def _refused(ctx, parent: QWidget, dialog: DecisionDialog, error: Exception, on_decided) -> None:
    if isinstance(error, ConcurrencyConflict):
        messages.show_error(
            parent,
            translate(
                "DecisionDialog",
                "Someone else changed or decided this application meanwhile. "
                "The list is reloaded; please open it again.\n{0}",
            ).format(error),
            translate("DecisionDialog", "Changed by someone else"),
        )
        dialog.deleteLater()
        if on_decided is not None:
            on_decided(None)
        return
    # Above the authority, four eyes, a missing reason, a lost server the
    # approver chose not to retry now: the same dialog comes back with
    # everything entered and the refusal, so he can escalate instead.
    dialog.show_error(describe_error(error))
    _ask(ctx, parent, dialog, on_decided)
