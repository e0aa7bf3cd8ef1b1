"""The layout the queue screens share (合规确认, 放款): the queue on the left,
what was chosen from it on the right.

``QueuePanel`` is the left side: the screen's title with "刷新" beside it
(``reload_requested``), a line on what the queue holds, the queue's table,
and whatever the screen adds under it (``add``). ``queue_screen`` puts it
in a splitter beside a stack of pages, the first of which says what to
choose; the screen shows its other pages as the clerk works.
``open_on_screen`` brings such a screen up at one application, from
elsewhere in the program.

UI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs import messages
from desktop.widgets.form_fields import title_label

SCREEN_WIDTH = 900  # what the splitter shares out at first, queue and pages together


class QueuePanel(QWidget):
    """Title and "刷新", ``hint``, then ``table`` taking the height left;
    at least ``min_width`` wide (the queue's columns must stay readable)."""

    reload_requested = Signal()

    def __init__(
        self,
        name: str,
        title: str,
        hint: QLabel,
        table: QTableView,
        min_width: int,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName(name)
        heading = QHBoxLayout()
        heading.addWidget(title_label(title))
        heading.addStretch(1)
        reload_button = QPushButton(self.tr("Reload"), objectName="reload")
        reload_button.clicked.connect(self.reload_requested)
        heading.addWidget(reload_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addLayout(heading)
        layout.addWidget(hint)
        layout.addWidget(table, 1)
        self.setMinimumWidth(min_width)

    def add(self, widget: QWidget) -> None:
        """``widget`` under the table (a count, a note)."""
        self.layout().addWidget(widget)


def queue_screen(
    screen: QWidget,
    name: str,
    queue: QueuePanel,
    placeholder: str,
    pages: Sequence[QWidget],
) -> QStackedWidget:
    """Lay ``screen`` out as ``queue`` beside a stack (``<name>_pages``) of
    ``placeholder`` (page 0, centred) and ``pages`` (1, 2…), in a splitter
    (``<name>_splitter``) whose sides never collapse; the stack is returned.
    The queue starts at its minimum width, the stack takes the rest."""
    splitter = QSplitter(objectName=f"{name}_splitter")
    splitter.addWidget(queue)
    stack = QStackedWidget(objectName=f"{name}_pages")
    waiting = QLabel(placeholder, objectName="placeholder")
    waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
    stack.addWidget(waiting)
    for page in pages:
        stack.addWidget(page)
    splitter.addWidget(stack)
    splitter.setStretchFactor(1, 1)
    width = queue.minimumWidth()
    splitter.setSizes([width, SCREEN_WIDTH - width])
    splitter.setChildrenCollapsible(False)
    layout = QVBoxLayout(screen)
    layout.setContentsMargins(16, 14, 16, 12)
    layout.addWidget(splitter)
    return stack


def open_on_screen(ctx, key: str, application_number: str, not_yours: str) -> QWidget | None:
    """Show the main window's screen ``key`` at ``application_number`` (its
    ``open_application``); ``None``, and ``not_yours`` said, if the user is
    not offered that screen."""
    view = ctx.window.show_view(key)
    if view is None:
        messages.show_error(ctx.window, not_yours)
        return None
    view.open_application(application_number)
    return view
