"""The searchable list the intake and servicing views share: a search bar,
a ``PagedTableModel`` table, a status line and a "更多" button.

``PagedList`` lays out, top to bottom:

- the bar: "查询", the search box (``search``), any filters the view adds
  (``add_filter``), a stretch, then the view's buttons (``add_button``);
- the table, looked like every intake list (``configure_table``);
- the footer: the status line (``status_note``) and "更多" (``more``).

Typing in the search box or a text filter asks for a search once the clerk
pauses (``SEARCH_DELAY_MS``); Enter and a changed choice filter ask at once.
The asking is the ``search_requested`` signal: the view builds its fetch from
the inputs as they stand and hands it to ``restart``. The status line counts
the rows with the view's own ``StatusTexts``, and says so when a page could
not be loaded.

UI thread only; the model fetches on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.paged_table import Fetch, PagedTableModel
from desktop.widgets.form_fields import FieldNote, Tone, configure_table

SEARCH_DELAY_MS = 350


@dataclass(frozen=True)
class StatusTexts:
    """What the status line says, already translated by the view; ``{0}`` is
    the number of rows loaded."""

    capped: str  # the cap was reached: narrow the search
    complete: str  # every match is shown
    partial: str  # more pages to come


class PagedList(QWidget):
    """Search bar, paged table, status line and "更多" over ``model``.

    ``search_requested`` asks the view to search again with its inputs as
    they stand; the view answers with ``restart(fetch)``.
    """

    search_requested = Signal()

    def __init__(
        self,
        model: PagedTableModel,
        *,
        table_name: str,
        placeholder: str,
        status_texts: StatusTexts,
        search_width: int,
        bar_spacing: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.model = model
        self.status_texts = status_texts
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_requested)
        model.page_loaded.connect(self._update_status)
        model.modelReset.connect(self._update_status)
        model.load_failed.connect(lambda text: self.status.say(text, Tone.ERROR))
        self._build(table_name, placeholder, search_width, bar_spacing)

    def _build(
        self, table_name: str, placeholder: str, search_width: int, bar_spacing: int | None
    ) -> None:
        self.query = QLineEdit(objectName="search")
        self.query.setPlaceholderText(placeholder)
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumWidth(search_width)
        self.bar = QHBoxLayout()
        if bar_spacing is not None:
            self.bar.setSpacing(bar_spacing)
        self.bar.addWidget(QLabel(self.tr("Search")))
        self.bar.addWidget(self.query)
        self._watch(self.query)
        self._stretch_at = self.bar.count()
        self._last_in_bar: QWidget = self.query
        self.bar.addStretch(1)
        self.table = QTableView(objectName=table_name)
        self.table.setModel(self.model)
        configure_table(self.table, [c.width for c in self.model.columns])
        self.status = FieldNote("status", self)
        self.more = QPushButton(self.tr("More"), objectName="more")
        self.more.clicked.connect(lambda: self.model.fetchMore(QModelIndex()))
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(self.bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

    # --- what the view adds ------------------------------------------------------------

    def add_filter(self, widget: QLineEdit | QComboBox, label: str | None = None) -> None:
        """Put ``widget`` (after ``label``, if any) on the bar after the search
        box and the filters added before it; changing it asks for a search."""
        if label is not None:
            self.bar.insertWidget(self._stretch_at, QLabel(label))
            self._stretch_at += 1
        self.bar.insertWidget(self._stretch_at, widget)
        self._stretch_at += 1
        self._watch(widget)
        self._tab_after_bar(widget)

    def add_button(self, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        """A button at the right end of the bar."""
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        self.bar.addWidget(button)
        self._tab_after_bar(button)
        return button

    def _tab_after_bar(self, widget: QWidget) -> None:
        """Tab runs along the bar, left to right, before it reaches the table."""
        QWidget.setTabOrder(self._last_in_bar, widget)
        self._last_in_bar = widget

    def _watch(self, widget: QLineEdit | QComboBox) -> None:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda _text: self._search_timer.start())
            widget.returnPressed.connect(self.search_requested)
        else:
            widget.currentIndexChanged.connect(lambda _index: self.search_requested.emit())

    # --- searching ---------------------------------------------------------------------

    def restart(self, fetch: Fetch) -> None:
        """Search with ``fetch`` from the first page; a search still waiting
        for the clerk's pause is dropped (this one has the latest inputs)."""
        self._search_timer.stop()
        self.model.restart(fetch)

    def selected(self) -> Any | None:
        """The row selected in the table, or ``None``."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_status(self) -> None:
        count = self.model.rowCount()
        if self.model.is_capped():
            text = self.status_texts.capped
        elif self.model.is_complete():
            text = self.status_texts.complete
        else:
            text = self.status_texts.partial
        self.status.say(text.format(count))
        self.more.setEnabled(self.model.canFetchMore(QModelIndex()))
