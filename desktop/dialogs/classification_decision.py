"""五级分类认定: the supervisor confirms a loan's suggested category or overrides it.

``ClassificationDecisionDialog(pending, product_name, parent, officer_name).get_values()``
returns a ``ClassificationChoice`` (category, reason, whether to put the
borrower on the default notice list and why) or ``None`` if cancelled.

The form starts on the suggested category. Beside the reason it says
whether a reason is needed: it is for an override (a category other than
the suggestion) and for listing the borrower; the dialog will not close
without one. The notice-list box is offered only for 次级, 可疑 and 损失;
正常 cannot be chosen for an overdue loan. The domain (``classify``) checks
all of it again: the caller shows its refusal with ``show_problem`` (beside
the field it names) and asks again, so nothing typed is lost.

The category names here are English source texts whose Chinese equals the
domain's ``Category.label`` (``category_name``), so the English interface
reads English too.

UI thread only. Tests replace ``get_values``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.widgets.form_fields import (
    GROWS_FOR_NOTES,
    FieldNote,
    Tone,
    dialog_buttons,
    facts_grid,
    noted,
)
from domain.classification import Category, PendingClassification
from domain.money import format_amount

translate = QCoreApplication.translate

_CATEGORY_NAMES = {
    Category.NORMAL: QT_TRANSLATE_NOOP("Classification", "Normal"),
    Category.SPECIAL_MENTION: QT_TRANSLATE_NOOP("Classification", "Special mention"),
    Category.SUBSTANDARD: QT_TRANSLATE_NOOP("Classification", "Substandard"),
    Category.DOUBTFUL: QT_TRANSLATE_NOOP("Classification", "Doubtful"),
    Category.LOSS: QT_TRANSLATE_NOOP("Classification", "Loss"),
}


def category_name(category: Category) -> str:
    """The category in the UI language (the Chinese equals ``Category.label``)."""
    return translate("Classification", _CATEGORY_NAMES[category])


@dataclass(frozen=True)
class ClassificationChoice:
    """What the supervisor decided; texts as typed (the domain normalises them).
    ``blacklist_reason`` may be empty: the domain then lists with ``reason``."""

    category: Category
    reason: str = ""
    blacklist: bool = False
    blacklist_reason: str = ""


class ClassificationDecisionDialog(QDialog):
    def __init__(
        self,
        pending: PendingClassification,
        product_name: str = "",
        parent: QWidget | None = None,
        officer_name: str = "",
    ):
        super().__init__(parent)
        self.pending = pending
        self.product_name = product_name
        self.officer_name = officer_name
        self.values: ClassificationChoice | None = None
        self.setObjectName("classification_decision")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setProperty(GROWS_FOR_NOTES, True)
        self._build()
        self.set_pending(pending)
        self.setMinimumWidth(600)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(objectName="heading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self._summary())
        layout.addLayout(self._form())
        self.error = messages.inline_label(self)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())

    def _summary(self) -> QFrame:
        frame, grid, self.facts = facts_grid(
            "summary",
            [
                ("borrower", self.tr("Borrower")),
                ("product", self.tr("Product")),
                ("officer", self.tr("Officer")),
                ("outstanding", self.tr("Outstanding principal")),
                ("days_past_due", self.tr("Days past due")),
                ("current", self.tr("Current category")),
            ],
        )
        self.suggestion = QLabel(objectName="suggestion")
        self.suggestion.setWordWrap(True)
        self.suggestion.setStyleSheet("font-weight: bold;")
        grid.addWidget(self.suggestion, 3, 0, 1, 4)
        return frame

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.category = QComboBox(objectName="category")
        for category in Category:
            # The value, not the member: Qt hands a StrEnum back as a plain str.
            self.category.addItem(category_name(category), category.value)
        self.category.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.reason_label = QLabel(self.tr("Reason"))
        self.reason = QPlainTextEdit(objectName="reason")
        self.reason.setFixedHeight(self.fontMetrics().height() * 4 + 14)
        self.reason.setTabChangesFocus(True)
        self.reason_note = FieldNote("reason", self)
        self.reason.textChanged.connect(self._reason_typed)
        self.blacklist = QCheckBox(
            self.tr("Put the borrower on the default notice list"), objectName="blacklist"
        )
        self.blacklist.toggled.connect(lambda _on: self._choice_changed())
        self.blacklist_note = FieldNote("blacklist", self)
        self.blacklist_reason_label = QLabel(self.tr("Reason for the list"))
        self.blacklist_reason = QLineEdit(objectName="blacklist_reason")
        self.blacklist_reason.setPlaceholderText(self.tr("Leave empty to use the reason above"))
        self.blacklist_reason_note = FieldNote("blacklist_reason", self)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.reason_label, noted(self.reason, self.reason_note))
        form.addRow("", noted(self.blacklist, self.blacklist_note))
        form.addRow(
            self.blacklist_reason_label, noted(self.blacklist_reason, self.blacklist_reason_note)
        )
        return form

    def _buttons(self) -> QDialogButtonBox:
        buttons, self.ok_button = dialog_buttons(
            self, self.tr("Confirm"), self.tr("Cancel"), self.submit
        )
        return buttons

    # --- showing the loan -------------------------------------------------------------------

    def set_pending(self, pending: PendingClassification) -> None:
        """Show ``pending`` (again, as reloaded after a change); what was
        entered stays, the category only if it can still be chosen."""
        first = not self.heading.text()
        self.pending = pending
        self.setWindowTitle(self.tr("Classify loan {0}").format(pending.loan_number))
        self.heading.setText(
            self.tr("Loan {0}  {1}").format(pending.loan_number, pending.borrower_name)
        )
        facts = {
            "borrower": pending.borrower_name,
            "product": self.product_name or "—",
            "officer": self.officer_name or pending.officer,
            "outstanding": self.tr("{0} yuan").format(format_amount(pending.outstanding_principal)),
            "days_past_due": self.tr("{0} days").format(pending.days_past_due),
            "current": category_name(pending.category),
        }
        for key, text in facts.items():
            self.facts[key].setText(text)
        self.suggestion.setText(
            self.tr("Suggested from days past due: {0}").format(category_name(pending.suggested))
        )
        self._offer_normal(pending.days_past_due <= 0)
        if first or not self._can_choose(self.chosen()):
            self.choose(pending.suggested)
        self._choice_changed()

    def _offer_normal(self, allowed: bool) -> None:
        """An overdue loan is at least 关注: 正常 is shown but cannot be chosen."""
        model = self.category.model()
        if isinstance(model, QStandardItemModel):
            item = model.item(self.category.findData(Category.NORMAL.value))
            item.setEnabled(allowed)
            item.setToolTip(
                "" if allowed else self.tr("An overdue loan is at least special mention.")
            )

    def _can_choose(self, category: Category | None) -> bool:
        return category is not None and (
            category is not Category.NORMAL or self.pending.days_past_due <= 0
        )

    # --- reacting ---------------------------------------------------------------------------

    def chosen(self) -> Category | None:
        value = self.category.currentData()
        return None if value is None else Category(value)

    def choose(self, category: Category) -> None:
        self.category.setCurrentIndex(self.category.findData(category.value))

    def overriding(self) -> bool:
        return self.chosen() is not self.pending.suggested

    def _choice_changed(self) -> None:
        """Say beside each input what it needs for the category chosen."""
        category = self.chosen()
        in_default = category is not None and category.in_default
        self.blacklist.setEnabled(in_default)
        if not in_default:
            self.blacklist.setChecked(False)
        listing = self.blacklist.isChecked()
        self.blacklist_reason.setEnabled(listing)
        self.blacklist_reason_label.setEnabled(listing)
        self.ok_button.setText(self.tr("Override") if self.overriding() else self.tr("Confirm"))
        self._say_reason_needs()
        if in_default:
            self.blacklist_note.say(
                self.tr("The borrower's applications are then refused at intake."), Tone.INFO
            )
        else:
            self.blacklist_note.say(
                self.tr("Only for loans classified substandard, doubtful or loss."), Tone.INFO
            )
        self.blacklist_reason_note.clear_note()
        messages.set_inline(self.error, "")

    def _reason_typed(self) -> None:
        """Once a reason is typed, the note goes back to saying what it is for."""
        if self.reason_note.tone is Tone.ERROR and self.reason.toPlainText().strip():
            self._say_reason_needs()

    def reason_needed(self) -> bool:
        return self.overriding() or self.blacklist.isChecked()

    def _say_reason_needs(self) -> None:
        suggested = category_name(self.pending.suggested)
        if self.overriding():
            self.reason_label.setText(self.tr("Reason (required)"))
            self.reason_note.say(
                self.tr("Required: you override the suggested category {0}.").format(suggested),
                Tone.WARNING,
            )
        elif self.blacklist.isChecked():
            self.reason_label.setText(self.tr("Reason (required)"))
            self.reason_note.say(
                self.tr("Required to put the borrower on the notice list."), Tone.WARNING
            )
        else:
            self.reason_label.setText(self.tr("Reason"))
            self.reason_note.say(
                self.tr("Optional: you confirm the suggested category {0}.").format(suggested),
                Tone.INFO,
            )

    # --- the result -----------------------------------------------------------------------

    def entered(self) -> ClassificationChoice:
        """The form as it stands, texts as typed."""
        listing = self.blacklist.isEnabled() and self.blacklist.isChecked()
        return ClassificationChoice(
            self.chosen(),
            self.reason.toPlainText(),
            listing,
            self.blacklist_reason.text() if listing else "",
        )

    def set_entered(self, choice: ClassificationChoice) -> None:
        """Fill the form with ``choice`` (e.g. what was typed before a reload)."""
        if self._can_choose(choice.category):
            self.choose(choice.category)
        self.reason.setPlainText(choice.reason)
        self.blacklist.setChecked(choice.blacklist and self.blacklist.isEnabled())
        self.blacklist_reason.setText(choice.blacklist_reason)

    def submit(self) -> None:
        """Accept if the form is complete; else say beside the reason what is missing."""
        choice = self.entered()
        if choice.category is None:
            return
        messages.set_inline(self.error, "")
        if self.reason_needed() and not choice.reason.strip():
            self.reason_note.say(self._missing_reason(), Tone.ERROR)
            self.reason.setFocus()
            return
        self.values = choice
        self.accept()

    def _missing_reason(self) -> str:
        if self.overriding():
            return self.tr("Please give the reason: you chose {0}, the suggestion is {1}.").format(
                category_name(self.chosen()), category_name(self.pending.suggested)
            )
        return self.tr("Please give the reason for putting the borrower on the notice list.")

    def show_problem(self, field: str | None, text: str) -> None:
        """A refusal from the domain: beside the input ``field`` names, or
        below the form."""
        notes = {"reason": self.reason_note, "blacklist_reason": self.blacklist_reason_note}
        note = notes.get(field or "")
        if note is None:
            messages.set_inline(self.error, text)
            self.adjustSize()
            return
        note.say(text, Tone.ERROR)

    def get_values(self) -> ClassificationChoice | None:
        """The decision, or ``None`` if cancelled."""
        self.values = None
        return self.values if self.exec() == QDialog.DialogCode.Accepted else None
