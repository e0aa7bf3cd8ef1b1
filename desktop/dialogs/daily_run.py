"""日终处理: the day for which the daily run is made.

``DailyRunDialog(parent, today).get_values()`` returns the chosen date or
``None`` if cancelled. The date defaults to the business day (``today``);
the run itself, and the refusal of a date after today, are the caller's,
on the worker. UI thread only; tests replace ``get_values``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.form_fields import dialog_buttons


class DailyRunDialog(QDialog):
    def __init__(self, parent: QWidget | None, today: date):
        super().__init__(parent)
        self.setObjectName("daily_run")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Daily run"))
        explanation = QLabel(
            self.tr(
                "For the chosen day, every active loan's days past due, overdue amounts, "
                "penalty and compound interest are recorded, the register and the "
                "classification suggestions are brought up to date and follow-up tasks "
                "are created. Running it again for the same day changes nothing."
            ),
            objectName="explanation",
        )
        explanation.setWordWrap(True)
        self.day = QDateEdit(QDate(today.year, today.month, today.day), objectName="day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day)
        buttons, _run = dialog_buttons(self, self.tr("Run"), self.tr("Cancel"), self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def get_values(self) -> date | None:
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.day.date().toPython()
