"""审批与面签设置 (administrators): checklist templates, approval limits, time limits.

Three tabs. 面签清单模板: pick a product, edit its template items in the
list (add, edit, remove, move up and down) and save the whole template at
once; a template someone else saved meanwhile is reported and reloaded.
审批权限: the most each approver role may approve per product (or for every
product). 时效: how long an application may wait in each state, and the
bank's holidays (节假日), which working-day limits skip as they skip
weekends: add a day or a run of days (the weekdays in it), remove one.

The holiday calendar is the domain's (``workflow.set_holidays``): weekdays
off only. The domain knows no working weekend days: a Saturday worked in
place of a holiday (调休) still counts as a day off, so this screen offers
no such days either.

Every change goes through ``domain.checklist`` / ``domain.workflow`` on the
worker, which check the permission and write the audit trail. UI thread only.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import navigation
from desktop.dialogs import messages
from desktop.navigation import ViewContext
from desktop.operations import describe_error
from desktop.widgets.form_fields import EditDialog, button_row, list_look, show_failure
from domain import catalogue, checklist, workflow
from domain.checklist import ChecklistTemplate, EvidenceKind, ItemScope, TemplateItem
from domain.errors import ConcurrencyConflict, ValidationError
from domain.money import format_amount, parse_amount
from domain.products import Product
from domain.users import Role
from domain.workflow import ALL_PRODUCTS, APPROVERS, ApprovalLimit, TimeLimit, TimeUnit

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# --- dialogs -----------------------------------------------------------------------------


class ChecklistItemDialog(EditDialog):
    """One template item: code, text, mandatory, evidence kind, scope."""

    def __init__(self, parent: QWidget | None = None, item: TemplateItem | None = None):
        super().__init__(
            parent,
            self.tr("Add checklist item") if item is None else self.tr("Edit checklist item"),
            "checklist_item_dialog",
        )
        self.original = item
        self.key = QLineEdit(objectName="key")
        self.key.setPlaceholderText("borrower_id_card")
        self.text = QLineEdit(objectName="text")
        self.mandatory = QCheckBox(self.tr("Must be ticked before the signing is complete"))
        self.mandatory.setObjectName("mandatory")
        self.mandatory.setChecked(True)
        self.evidence = _combo("evidence", [(k.label, k.value) for k in EvidenceKind])
        self.scope = _combo("scope", [(s.label, s.value) for s in ItemScope])
        self.add_row(self.tr("Code"), self.key)
        self.add_row(self.tr("Text"), self.text)
        self.add_row(self.tr("Mandatory"), self.mandatory)
        self.add_row(self.tr("Evidence"), self.evidence)
        self.add_row(self.tr("Appears"), self.scope)
        if item is not None:
            self.key.setText(item.key)
            self.text.setText(item.text)
            self.mandatory.setChecked(item.mandatory)
            self.evidence.setCurrentIndex(self.evidence.findData(item.evidence.value))
            self.scope.setCurrentIndex(self.scope.findData(item.scope.value))

    def read(self) -> TemplateItem:
        if not self.key.text().strip():
            raise ValidationError(self.tr("Please enter the item's code"), "key")
        if not self.text.text().strip():
            raise ValidationError(self.tr("Please enter the item's text"), "text")
        return TemplateItem(
            self.key.text().strip(),
            self.text.text().strip(),
            self.mandatory.isChecked(),
            EvidenceKind(self.evidence.currentData()),
            ItemScope(self.scope.currentData()),
        )


class ApprovalLimitDialog(EditDialog):
    """An approver role's limit for a product; returns ``(role, product_code, amount)``."""

    def __init__(
        self,
        parent: QWidget | None,
        products: list[Product],
        limit: ApprovalLimit | None = None,
    ):
        super().__init__(
            parent,
            self.tr("Add approval limit") if limit is None else self.tr("Change approval limit"),
            "approval_limit_dialog",
        )
        self.original = limit
        roles = sorted(APPROVERS, key=list(Role).index)
        self.role = _combo("role", [(r.label, r.value) for r in roles])
        self.product = _combo(
            "product",
            [(self.tr("All products"), ALL_PRODUCTS)] + [(p.name, p.code) for p in products],
        )
        self.amount = QLineEdit(objectName="max_amount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText("500000")
        self.add_row(self.tr("Role"), self.role)
        self.add_row(self.tr("Product"), self.product)
        self.add_row(self.tr("Maximum amount (yuan)"), self.amount)
        if limit is not None:
            self.role.setCurrentIndex(self.role.findData(limit.role.value))
            self.product.setCurrentIndex(self.product.findData(limit.product_code))
            self.role.setEnabled(False)
            self.product.setEnabled(False)
            self.amount.setText(format(limit.max_amount, "f"))

    def read(self) -> tuple[Role, str, Decimal]:
        amount = parse_amount(self.amount.text(), "max_amount", label="审批限额")
        return Role(self.role.currentData()), self.product.currentData(), amount


class TimeLimitDialog(EditDialog):
    """How long a state may wait; returns ``(amount, unit)``."""

    def __init__(self, parent: QWidget | None, limit: TimeLimit):
        super().__init__(parent, self.tr("Change time limit"), "time_limit_dialog")
        self.original = limit
        self.amount = QSpinBox(objectName="amount")
        self.amount.setRange(1, 999)
        self.amount.setValue(limit.amount)
        self.unit = _combo("unit", [(u.label, u.value) for u in TimeUnit])
        self.unit.setCurrentIndex(self.unit.findData(limit.unit.value))
        self.add_row(self.tr("Next step"), QLabel(limit.next_step))
        self.add_row(self.tr("Time limit"), self.amount)
        self.add_row(self.tr("Unit"), self.unit)

    def read(self) -> tuple[int, TimeUnit]:
        return self.amount.value(), TimeUnit(self.unit.currentData())


class HolidayDialog(EditDialog):
    """A holiday, or a run of them (春节, 国庆): returns the weekdays from the
    first day to the last, both included, that are not holidays yet
    (``taken``), in order. Weekends in the run are left out: they never
    count as working days anyway."""

    def __init__(self, parent: QWidget | None, taken: frozenset[date] = frozenset()):
        super().__init__(parent, self.tr("Add holidays"), "holiday_dialog")
        self.taken = taken
        self.first = _date_edit("first_day")
        self.last = _date_edit("last_day")
        self._first_was = self.first.date()
        self.first.dateChanged.connect(self._follow_first)
        self.add_row(self.tr("First day"), self.first)
        self.add_row(self.tr("Last day"), self.last)
        hint = QLabel(
            self.tr(
                "Weekdays the branch is closed. Weekends in between are left out: "
                "they never count as working days."
            ),
            objectName="hint",
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.add_below_form(hint)

    def _follow_first(self, first: QDate) -> None:
        """A one-day holiday is the usual case: while the last day is the
        first (or would fall before it), it moves along."""
        if self.last.date() == self._first_was or self.last.date() < first:
            self.last.setDate(first)
        self._first_was = first

    def read(self) -> list[date]:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        if last < first:
            raise ValidationError(self.tr("The last day is before the first."), "last_day")
        run = (first + timedelta(days=n) for n in range((last - first).days + 1))
        days = [day for day in run if day.weekday() < 5]
        if not days:
            raise ValidationError(
                self.tr("Only weekend days chosen: they are never working days."), "first_day"
            )
        new = [day for day in days if day not in self.taken]
        if not new:
            raise ValidationError(self.tr("These days are holidays already."), "first_day")
        return new


# --- the view ------------------------------------------------------------------------------


class WorkflowSettingsView(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workflow_settings_view")
        self.products: list[Product] = []
        self.template: ChecklistTemplate | None = None
        self.items: list[TemplateItem] = []
        self.limits: list[ApprovalLimit] = []
        self.time_limits: list[TimeLimit] = []
        self.holidays: list[date] = []
        self._build()
        self.reload()

    def _build(self) -> None:
        title = QLabel(self.tr("Approval and signing settings"), objectName="view_title")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        reload = QPushButton(self.tr("Reload"), objectName="reload")
        reload.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(reload)
        self.tabs = QTabWidget(objectName="tabs")
        self.tabs.addTab(self._template_tab(), self.tr("Signing checklist templates"))
        self.tabs.addTab(self._limits_tab(), self.tr("Approval authority"))
        self.tabs.addTab(self._time_tab(), self.tr("Time limits"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _template_tab(self) -> QWidget:
        self.product = QComboBox(objectName="product")
        self.product.setMinimumWidth(220)
        self.product.currentIndexChanged.connect(lambda _i: self.load_template())
        self.template_status = QLabel(objectName="template_status")
        self.template_status.setStyleSheet("color: #5f6368;")
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Product")))
        pick.addWidget(self.product)
        pick.addWidget(self.template_status, 1)
        self.item_table = _table(
            "item_table",
            [self.tr("Text"), self.tr("Mandatory"), self.tr("Evidence"), self.tr("Appears")],
        )
        header = self.item_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.item_table.doubleClicked.connect(lambda _index: self.edit_item())
        buttons = button_row(
            (
                ("add_item", self.tr("Add…"), self.add_item),
                ("edit_item", self.tr("Edit…"), self.edit_item),
                ("remove_item", self.tr("Remove"), self.remove_item),
                ("move_up", self.tr("Move up"), lambda: self.move_item(-1)),
                ("move_down", self.tr("Move down"), lambda: self.move_item(1)),
            )
        )
        self.save_template_button = QPushButton(self.tr("Save"), objectName="save_template")
        self.save_template_button.clicked.connect(self.save_template)
        self.save_template_button.setEnabled(False)
        buttons.addWidget(self.save_template_button)
        self.template_message = messages.inline_label(self, "template_message")
        tab = QWidget(objectName="template_tab")
        layout = QVBoxLayout(tab)
        layout.addLayout(pick)
        layout.addLayout(buttons)
        layout.addWidget(self.item_table, 1)
        layout.addWidget(self.template_message)
        return tab

    def _limits_tab(self) -> QWidget:
        self.limit_table = _table(
            "limit_table", [self.tr("Role"), self.tr("Product"), self.tr("Maximum amount")]
        )
        self.limit_table.doubleClicked.connect(lambda _index: self.edit_limit())
        buttons = button_row(
            (
                ("add_limit", self.tr("Add…"), self.add_limit),
                ("edit_limit", self.tr("Change…"), self.edit_limit),
                ("remove_limit", self.tr("Remove"), self.remove_limit),
            )
        )
        hint = QLabel(
            self.tr(
                "A role's limit for a product replaces its limit for all products. "
                "Amounts in yuan, e.g. 50万."
            )
        )
        hint.setStyleSheet("color: #5f6368;")
        tab = QWidget(objectName="limits_tab")
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.limit_table, 1)
        return tab

    def _time_tab(self) -> QWidget:
        self.time_table = _table(
            "time_table", [self.tr("Waiting in"), self.tr("Next step"), self.tr("Time limit")]
        )
        self.time_table.doubleClicked.connect(lambda _index: self.edit_time_limit())
        buttons = button_row((("edit_time", self.tr("Change…"), self.edit_time_limit),))
        tab = QWidget(objectName="time_tab")
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addWidget(self.time_table, 1)
        layout.addWidget(self._holiday_box(), 1)
        return tab

    def _holiday_box(self) -> QGroupBox:
        self.holiday_table = _table("holiday_table", [self.tr("Date"), self.tr("Day")])
        self.holiday_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )  # the day's name takes the rest, with or without holidays listed
        buttons = button_row(
            (
                ("add_holiday", self.tr("Add…"), self.add_holidays),
                ("remove_holiday", self.tr("Remove"), self.remove_holiday),
            )
        )
        hint = QLabel(
            self.tr(
                "Weekdays the branch is closed. Limits in working days skip them, "
                "as they skip Saturdays and Sundays."
            ),
            objectName="holiday_hint",
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        box = QGroupBox(self.tr("Holidays"), objectName="holidays")
        layout = QVBoxLayout(box)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.holiday_table, 1)
        return box

    # --- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        uow = self.ctx.uow

        def load():
            return (
                catalogue.list_products(uow(), include_inactive=True),
                workflow.approval_limits(uow()),
                workflow.time_limits(uow()),
            )

        self.ctx.ops.run(
            load, on_done=self._loaded, label=self.tr("Loading settings…"), parent=self
        )

    def _loaded(self, result) -> None:
        products, limits, times = result
        self.products = sorted(products, key=lambda p: p.code)
        current = self.product.currentData()
        self.product.blockSignals(True)
        self.product.clear()
        for product in self.products:
            self.product.addItem(product.name, product.code)
        index = self.product.findData(current)
        self.product.setCurrentIndex(max(index, 0))
        self.product.blockSignals(False)
        self._show_limits(limits)
        self._show_times(times)
        self.load_template()

    def product_name(self, code: str) -> str:
        if code == ALL_PRODUCTS:
            return self.tr("All products")
        return next((p.name for p in self.products if p.code == code), code)

    # --- templates --------------------------------------------------------------------------

    def load_template(self) -> None:
        code = self.product.currentData()
        if not code:
            return
        uow = self.ctx.uow
        self.ctx.ops.run(
            lambda: checklist.checklist_template(uow(), code),
            on_done=self._template_loaded,
            on_error=self._failed,
            label=self.tr("Loading template…"),
            parent=self,
        )

    def _template_loaded(self, template: ChecklistTemplate) -> None:
        if template.product_code != self.product.currentData():
            return
        self.template = template
        self.items = list(template.items)
        self._show_items()
        self.save_template_button.setEnabled(False)
        if template.version == 0:
            status = self.tr("Built-in template (not yet changed)")
        else:
            status = self.tr("Saved by {0} at {1}").format(
                template.updated_by or "",
                template.updated_at.strftime("%Y-%m-%d %H:%M") if template.updated_at else "",
            )
        self.template_status.setText(status)
        messages.set_inline(self.template_message, "")

    def _show_items(self, select: int | None = None) -> None:
        rows = [
            [
                item.text,
                self.tr("Yes") if item.mandatory else self.tr("No"),
                item.evidence.label,
                item.scope.label,
            ]
            for item in self.items
        ]
        _fill(self.item_table, rows)
        if select is not None and 0 <= select < len(self.items):
            self.item_table.selectRow(select)

    def _changed(self, select: int | None) -> None:
        self._show_items(select)
        self.save_template_button.setEnabled(self.template is not None)
        messages.set_inline(self.template_message, self.tr("Not saved yet."))

    def selected_item(self) -> int | None:
        return _selected(self.item_table)

    def add_item(self) -> None:
        dialog = ChecklistItemDialog(self)
        item = dialog.get_values()
        dialog.deleteLater()
        if item is not None:
            row = self.selected_item()
            at = len(self.items) if row is None else row + 1
            self.items.insert(at, item)
            self._changed(at)

    def edit_item(self) -> None:
        row = self._require(self.selected_item(), self.tr("Select an item in the list first."))
        if row is None:
            return
        dialog = ChecklistItemDialog(self, self.items[row])
        item = dialog.get_values()
        dialog.deleteLater()
        if item is not None:
            self.items[row] = item
            self._changed(row)

    def remove_item(self) -> None:
        row = self._require(self.selected_item(), self.tr("Select an item in the list first."))
        if row is None:
            return
        del self.items[row]
        self._changed(min(row, len(self.items) - 1))

    def move_item(self, step: int) -> None:
        row = self.selected_item()
        if row is None or not 0 <= row + step < len(self.items):
            return
        self.items[row], self.items[row + step] = self.items[row + step], self.items[row]
        self._changed(row + step)

    def save_template(self) -> None:
        if self.template is None:
            return
        template = replace(self.template, items=tuple(self.items))
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: checklist.save_checklist_template(uow(), actor, template),
            on_done=self._template_saved,
            on_error=self._template_failed,
            label=self.tr("Saving…"),
            parent=self,
        )

    def _template_saved(self, template: ChecklistTemplate) -> None:
        self._template_loaded(template)
        messages.set_inline(self.template_message, self.tr("Template saved."), ok=True)

    def _template_failed(self, error: Exception) -> None:
        if isinstance(error, ConcurrencyConflict):
            self._conflict(error)
        else:
            messages.set_inline(self.template_message, describe_error(error))

    # --- approval limits -----------------------------------------------------------------------

    def _show_limits(self, limits: list[ApprovalLimit]) -> None:
        self.limits = list(limits)
        _fill(
            self.limit_table,
            [
                [
                    limit.role.label,
                    self.product_name(limit.product_code),
                    format_amount(limit.max_amount),
                ]
                for limit in self.limits
            ],
            right={2},
        )

    def selected_limit(self) -> ApprovalLimit | None:
        row = _selected(self.limit_table)
        return None if row is None else self.limits[row]

    def add_limit(self) -> None:
        self._edit_limit(ApprovalLimitDialog(self, self.products), None)

    def edit_limit(self) -> None:
        limit = self._require(self.selected_limit(), self.tr("Select a limit in the list first."))
        if limit is not None:
            self._edit_limit(ApprovalLimitDialog(self, self.products, limit), limit)

    def _edit_limit(self, dialog: ApprovalLimitDialog, original: ApprovalLimit | None) -> None:
        """Ask, save on the worker; on failure ask again with the same dialog."""
        version = original.version if original is not None else 0
        uow, actor = self.ctx.uow, self.ctx.user

        def save(values: tuple[Role, str, Decimal]):
            role, code, amount = values
            return workflow.set_approval_limit(uow(), actor, role, code, amount, version=version)

        dialog.save_with(
            self.ctx.ops,
            save,
            on_saved=lambda _result: self.reload(),
            on_conflict=self._conflict,
            label=self.tr("Saving…"),
        )

    def remove_limit(self) -> None:
        limit = self._require(self.selected_limit(), self.tr("Select a limit in the list first."))
        if limit is None or not messages.confirm(
            self,
            self.tr("Remove the limit of {0} for {1}?").format(
                limit.role.label, self.product_name(limit.product_code)
            ),
            self.tr("Remove limit"),
            self.tr("Remove"),
            self.tr("Keep"),
        ):
            return
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: workflow.remove_approval_limit(uow(), actor, limit.role, limit.product_code),
            on_done=lambda _result: self.reload(),
            on_error=self._failed,
            label=self.tr("Saving…"),
            parent=self,
        )

    # --- time limits ---------------------------------------------------------------------------

    def _show_times(self, times) -> None:
        self.time_limits = list(times.limits.values())
        _fill(
            self.time_table,
            [[limit.state.label, limit.next_step, limit.label] for limit in self.time_limits],
        )
        self._show_holidays(times.holidays)

    def edit_time_limit(self) -> None:
        row = self._require(_selected(self.time_table), self.tr("Select a step in the list first."))
        if row is None:
            return
        limit = self.time_limits[row]
        dialog = TimeLimitDialog(self, limit)
        values = dialog.get_values()
        dialog.deleteLater()
        if values is None:
            return
        amount, unit = values
        uow, actor = self.ctx.uow, self.ctx.user
        self.ctx.ops.run(
            lambda: workflow.set_time_limit(uow(), actor, limit.state, amount, unit),
            on_done=lambda _result: self.reload(),
            on_error=self._failed,
            label=self.tr("Saving…"),
            parent=self,
        )

    # --- holidays ------------------------------------------------------------------------------

    def _show_holidays(self, holidays) -> None:
        self.holidays = sorted(holidays)
        locale = QLocale()
        _fill(
            self.holiday_table,
            [[day.isoformat(), locale.dayName(day.isoweekday())] for day in self.holidays],
        )

    def selected_holiday(self) -> date | None:
        row = _selected(self.holiday_table)
        return None if row is None else self.holidays[row]

    def add_holidays(self) -> None:
        dialog = HolidayDialog(self, frozenset(self.holidays))
        days = dialog.get_values()
        dialog.deleteLater()
        if days is not None:
            self._change_holidays(lambda current: current | set(days))

    def remove_holiday(self) -> None:
        day = self._require(self.selected_holiday(), self.tr("Select a holiday in the list first."))
        if day is None or not messages.confirm(
            self,
            self.tr("Remove the holiday on {0}? It counts as a working day again.").format(
                day.isoformat()
            ),
            self.tr("Remove holiday"),
            self.tr("Remove"),
            self.tr("Keep"),
        ):
            return
        self._change_holidays(lambda current: current - {day})

    def _change_holidays(self, change) -> None:
        """Apply ``change`` to the calendar as stored now (read on the worker,
        so a day another administrator added meanwhile is kept) and save it."""
        uow, actor = self.ctx.uow, self.ctx.user

        def save():
            current = set(workflow.time_limits(uow()).holidays)
            return workflow.set_holidays(uow(), actor, change(current))

        self.ctx.ops.run(
            save,
            on_done=lambda _result: self.reload(),
            on_error=self._failed,
            label=self.tr("Saving…"),
            parent=self,
        )

    # --- failures -----------------------------------------------------------------------------

    def _require(self, value, text: str):
        if value is None:
            messages.show_info(self, text)
        return value

    def _failed(self, error: Exception) -> None:
        show_failure(self, error, self._conflict)

    def _conflict(self, error: ConcurrencyConflict) -> None:
        messages.show_error(
            self,
            self.tr(
                "Someone else changed these settings while you were editing. "
                "They are reloaded; please make your change again.\n{0}"
            ).format(error),
            self.tr("Changed by someone else"),
        )
        self.reload()


def _combo(name: str, entries: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox(objectName=name)
    for text, data in entries:
        combo.addItem(text, data)
    return combo


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    list_look(table)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], right: set[int] = frozenset()) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = QTableWidgetItem(text)
            if c in right:
                cell.setTextAlignment(_RIGHT)
            table.setItem(r, c, cell)
    if table.horizontalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive:
        table.resizeColumnsToContents()  # the others size themselves


def _selected(table: QTableWidget) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


navigation.register(
    "workflow_settings",
    QT_TRANSLATE_NOOP("Navigation", "Workflow settings"),
    WorkflowSettingsView,
    roles={Role.ADMINISTRATOR},
    order=70,
)
