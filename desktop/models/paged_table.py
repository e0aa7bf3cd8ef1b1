"""A table of search results fetched a page at a time, by keyset, on the worker.

``PagedTableModel`` is generic: a view gives it its ``Column``s and a
``fetch(after, limit, order)`` callable, and the model asks the worker for
the next page whenever Qt wants more rows (``canFetchMore``/``fetchMore``,
called as the table scrolls towards its end) or the view asks (a "更多"
button). ``after`` is the keyset of the last row loaded (``key(row)``, by
default ``row.sort_key``), never an offset, so rows added meanwhile do not
shift the pages.

Rows loaded so far are kept, up to ``max_rows``: past that the model stops
fetching and ``is_capped()`` says so, and the view asks the clerk to narrow
the search. A desk never scrolls through thousands of customers, and a cap
keeps memory bounded without the flicker of dropping rows at the top. A list
that must reach its very end (the audit log) passes ``max_rows=None``.

Threading: the model lives on the UI thread. ``fetch`` runs on the worker
and must only call domain services; its results come back through
``Operations`` and are dropped when the model was restarted (new search
text, new order) or deleted in the meantime.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.operations import describe_error

PAGE_SIZE = 100
MAX_ROWS = 5000

Fetch = Callable[[Any, int, Any], list]  # (after, limit, order) -> rows, on the worker


@dataclass(frozen=True)
class Column:
    """One column: its English header (translated in the model's context), the
    text of a row, and, for a sortable column, the ordering it stands for and
    whether that ordering runs downwards (the domain fixes the direction)."""

    title: str
    text: Callable[[Any], str]
    width: int = 100
    align_right: bool = False
    order: Any = None
    descending: bool = False

    @property
    def sortable(self) -> bool:
        return self.order is not None


class PagedTableModel(QAbstractTableModel):
    """Rows loaded so far, in the order the domain returns them.

    ``page_loaded`` follows every page that arrived (even an empty one);
    ``load_failed(text)`` a page that could not be fetched (the next
    ``fetchMore`` tries again).

    ``label`` is the English source of what the busy indicator says while a
    page loads, translated in ``context`` (default: "Searching…");
    ``max_rows=None`` loads every page there is.
    """

    page_loaded = Signal()
    load_failed = Signal(str)

    def __init__(
        self,
        ops,
        columns: Sequence[Column],
        context: str,
        *,
        key: Callable[[Any], Any] = lambda row: row.sort_key,
        order: Any = None,
        page_size: int = PAGE_SIZE,
        max_rows: int | None = MAX_ROWS,
        label: str | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.ops = ops
        self.columns = list(columns)
        self.context = context
        self.key = key
        self.order = order
        self.page_size = page_size
        self.max_rows = max_rows
        self.label = label
        self.rows: list[Any] = []
        self._fetch: Fetch | None = None
        self._generation = 0
        self._loading = False
        self._exhausted = True

    # --- what the view asks ---------------------------------------------------------------

    def restart(self, fetch: Fetch | None = None) -> None:
        """Forget the rows and load the first page with ``fetch`` (or the current one)."""
        self.beginResetModel()
        self.rows = []
        self._fetch = fetch or self._fetch
        self._generation += 1
        self._loading = False
        self._exhausted = self._fetch is None
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def row(self, index: int) -> Any:
        return self.rows[index]

    def is_loading(self) -> bool:
        return self._loading

    def is_complete(self) -> bool:
        """Every matching row is loaded (or the cap was reached)."""
        return self._exhausted

    def is_capped(self) -> bool:
        """Fetching stopped at ``max_rows``: more rows may match."""
        return self.max_rows is not None and len(self.rows) >= self.max_rows

    def column_for_order(self, order: Any) -> int:
        """The column that sorts by ``order``, or -1."""
        for number, column in enumerate(self.columns):
            if column.sortable and column.order == order:
                return number
        return -1

    # --- Qt's table interface -------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.context, self.columns[section].title)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(self.rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Reload in the ordering of ``column``; a column the domain cannot
        sort by leaves the order as it is. The direction is the ordering's
        own (``Column.descending``): keyset pages run one way only."""
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        if self.columns[column].order != self.order:
            self.order = self.columns[column].order
            self.restart()

    # --- paging ---------------------------------------------------------------------------

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and not self._exhausted
            and not self._loading
            and self._fetch is not None
        )

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        fetch, generation, order = self._fetch, self._generation, self.order
        after = self.key(self.rows[-1]) if self.rows else None
        limit = self.page_size
        if self.max_rows is not None:
            limit = min(limit, self.max_rows - len(self.rows))
        self.ops.run(
            lambda: fetch(after, limit, order),
            on_done=lambda page: self._append(generation, page, limit),
            on_error=lambda error: self._failed(generation, error),
            label=self._busy_label(),
            owner=self,
        )

    def _busy_label(self) -> str:
        if self.label:
            return QCoreApplication.translate(self.context, self.label)
        return QCoreApplication.translate("PagedTableModel", "Searching…")

    def _append(self, generation: int, page: list, limit: int) -> None:
        if generation != self._generation:
            return  # a page of an earlier search
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            # Only now may the next page be asked for: a view or tester calling
            # fetchMore while the rows are being announced would otherwise
            # fetch after the old last row and get this page a second time.
            self._settle(page, limit)
            self.endInsertRows()
        else:
            self._settle(page, limit)
        self.page_loaded.emit()

    def _settle(self, page: list, limit: int) -> None:
        self._loading = False
        self._exhausted = len(page) < limit or self.is_capped()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False  # the next fetchMore tries again
        self.load_failed.emit(describe_error(error))
