"""The main window: navigation by role, the views, menus, status bar, idle lock.

One window serves a whole working day at a desk: clerks switch user
without closing it, and it locks itself when left alone. The views on offer
come from ``desktop.navigation`` (each view registers itself); they are
created the first time they are opened and thrown away when the user
changes or the language is switched. UI thread only; everything touching
the database runs through ``ops``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import config, navigation
from desktop.dialogs import messages
from desktop.dialogs.connection import ConnectionDialog
from desktop.dialogs.sign_in import SignInDialog
from desktop.dialogs.unlock import IdleWatcher, UnlockDialog
from desktop.navigation import NavEntry, ViewContext, role_names
from domain.settings import load_security_policy
from domain.users import Role, SecurityPolicy, User

log = logging.getLogger(__name__)

# Shown in their own language, so a clerk who switched by mistake can switch back.
LANGUAGES = [("zh_CN", "中文"), ("en", "English")]


class MainWindow(QMainWindow):
    def __init__(self, store, ops, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = ops
        self.user: User | None = None
        self.ctx: ViewContext | None = None
        self.locked = False
        self._entries: list[NavEntry] = []
        self._views: dict[str, QWidget] = {}
        self.setObjectName("main_window")
        self.idle = IdleWatcher(self)
        self.idle.timed_out.connect(self.lock)
        self._build()
        self._build_menus()
        self._retranslate()
        self.resize(1180, 760)
        self.start_session(user)

    # --- layout ------------------------------------------------------------------

    def _build(self) -> None:
        self.nav = QListWidget(objectName="navigation")
        self.nav.setSpacing(2)
        nav_font = QFont(self.nav.font())
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self.nav.setFont(nav_font)
        self.nav.setStyleSheet("QListWidget::item { padding: 8px 12px; }")
        self.nav.currentRowChanged.connect(self._show_row)
        self.brand = QLabel(objectName="brand")
        self.brand.setWordWrap(True)
        self.brand.setStyleSheet(
            "font-size: 13pt; font-weight: bold; padding: 14px 12px 10px 12px;"
        )
        side = QWidget(objectName="side")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.brand)
        side_layout.addWidget(self.nav, 1)
        side.setMinimumWidth(190)
        side.setMaximumWidth(260)
        self.stack = QStackedWidget(objectName="views")
        self.lock_page = QLabel(objectName="lock_page")
        self.lock_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.lock_page)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.status_user = QLabel(objectName="status_user")
        self.status_database = QLabel(objectName="status_database")
        for label in (self.status_user, self.status_database):
            label.setContentsMargins(8, 2, 8, 2)
        self.statusBar().addWidget(self.status_user)
        self.statusBar().addPermanentWidget(self.status_database)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.switch_action = self.file_menu.addAction("", self.switch_user)
        self.switch_action.setObjectName("switch_user")
        self.file_menu.addSeparator()
        self.exit_action = self.file_menu.addAction("", self.close)
        self.exit_action.setObjectName("exit")
        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        group = QActionGroup(self)
        current = config.load_language()
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = self.language_menu.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.change_language(c))
            group.addAction(action)
            self.language_actions[code] = action
        self.connection_action = self.settings_menu.addAction("", self.edit_connection)
        self.connection_action.setObjectName("connection")
        self.help_menu = bar.addMenu("")
        self.diagnostics_action = self.help_menu.addAction("", self.copy_diagnostics)
        self.diagnostics_action.setObjectName("copy_diagnostics")
        self.about_action = self.help_menu.addAction("", self.about)
        self.about_action.setObjectName("about")

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Micro and Small Business Loan Desk"))
        self.brand.setText(self.tr("Micro and Small Business Loan Desk"))
        self.file_menu.setTitle(self.tr("&File"))
        self.switch_action.setText(self.tr("&Switch user…"))
        self.exit_action.setText(self.tr("E&xit"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.connection_action.setText(self.tr("&Database connection…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.diagnostics_action.setText(self.tr("&Copy diagnostics for the help desk"))
        self.about_action.setText(self.tr("&About"))
        self.lock_page.setText(self.tr("Locked"))
        for row, entry in enumerate(self._entries):
            self.nav.item(row).setText(entry.text)
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._rebuild_views()
        super().changeEvent(event)

    # --- the session ------------------------------------------------------------------

    def start_session(self, user: User) -> None:
        """Show what ``user`` may do and start watching for idleness."""
        self.user = user
        self.ctx = ViewContext(user, self.store, self.ops, self)
        self._entries = navigation.entries_for(user)
        self.nav.blockSignals(True)
        self.nav.clear()
        for entry in self._entries:
            item = QListWidgetItem(entry.text)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setSizeHint(QSize(0, 40))
            self.nav.addItem(item)
        self.nav.blockSignals(False)
        self.connection_action.setEnabled(user.has_role(Role.ADMINISTRATOR))
        self._update_status()
        self.nav.setEnabled(True)
        self.nav.setCurrentRow(0)
        self._load_security_policy()

    def end_session(self) -> None:
        """Forget the signed-in user and drop every view (their data included)."""
        self.idle.stop()
        self.user = None
        self.ctx = None
        self._drop_views()
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        self._entries = []
        self._update_status()

    def switch_user(self) -> None:
        """Sign the current user out and let the next one sign in; cancelling quits."""
        previous = self.user.username if self.user else ""
        self.end_session()
        self.stack.setCurrentWidget(self.lock_page)
        user = SignInDialog(self.store, self.ops, self, username="").sign_in()
        if user is None:
            log.info("no one signed in after %s; closing", previous)
            self.close()
            return
        self.start_session(user)

    def _update_status(self) -> None:
        if self.user is None:
            self.status_user.setText(self.tr("Nobody signed in"))
        else:
            self.status_user.setText(
                self.tr("{0} ({1}) — {2}").format(
                    self.user.full_name, self.user.username, role_names(self.user.roles)
                )
            )
        self.status_database.setText(self.tr("Database: {0}").format(self.store.display_name))

    def _load_security_policy(self) -> None:
        store = self.store

        def read() -> SecurityPolicy:
            unit = store.uow()
            with unit:
                return load_security_policy(unit)

        self.ops.run(read, on_done=self._apply_policy, on_error=self._policy_failed, parent=self)

    def _apply_policy(self, policy: SecurityPolicy) -> None:
        self.idle.set_interval_ms(policy.idle_lock_minutes * 60_000)
        if self.user is not None:
            self.idle.start()

    def _policy_failed(self, error: Exception) -> None:
        log.warning("security policy unreadable (%s); using the default idle lock", error)
        self._apply_policy(SecurityPolicy())

    # --- views -----------------------------------------------------------------------------

    def current_view(self) -> QWidget | None:
        widget = self.stack.currentWidget()
        return None if widget is self.lock_page else widget

    def show_view(self, key: str) -> QWidget | None:
        """Select the navigation entry ``key``; the view shown, or None if not offered."""
        for row, entry in enumerate(self._entries):
            if entry.key == key:
                self.nav.setCurrentRow(row)
                return self._views.get(key)
        return None

    def nav_keys(self) -> list[str]:
        return [entry.key for entry in self._entries]

    def _show_row(self, row: int) -> None:
        if self.ctx is None or not 0 <= row < len(self._entries):
            return
        entry = self._entries[row]
        view = self._views.get(entry.key)
        if view is None:
            view = entry.factory(self.ctx)
            self._views[entry.key] = view
            self.stack.addWidget(view)
        elif hasattr(view, "refresh"):
            view.refresh()
        self.stack.setCurrentWidget(view)

    def _drop_views(self) -> None:
        self.stack.setCurrentWidget(self.lock_page)
        for view in self._views.values():
            self.stack.removeWidget(view)
            view.deleteLater()
        self._views.clear()

    def _rebuild_views(self) -> None:
        if self.ctx is None or self.locked:
            return
        row = self.nav.currentRow()
        self._drop_views()
        self._show_row(row)

    # --- locking ----------------------------------------------------------------------------

    def lock(self) -> None:
        """Cover the window and ask for the password again (or let someone else sign in)."""
        if self.locked or self.user is None:
            return
        self.locked = True
        self.idle.stop()
        shown = self.stack.currentWidget()
        self.stack.setCurrentWidget(self.lock_page)
        self.nav.setEnabled(False)
        self.menuBar().setEnabled(False)
        parent = QApplication.activeModalWidget() or self
        user = UnlockDialog(self.store, self.ops, self.user, parent).unlock()
        self.locked = False
        self.menuBar().setEnabled(True)
        if user is None:
            self.switch_user()
            return
        self.user = user
        self.nav.setEnabled(True)
        self.stack.setCurrentWidget(shown)
        self.idle.start()

    # --- menu actions -----------------------------------------------------------------------

    def change_language(self, code: str) -> None:
        """Save the choice and switch the whole UI now (views are rebuilt)."""
        from desktop.app import apply_language  # the app module owns the translators

        config.save_language(code)
        apply_language(code)
        self.language_actions[code].setChecked(True)

    def edit_connection(self) -> None:
        if ConnectionDialog(self.ops, self).edit() is not None:
            messages.show_info(
                self, self.tr("Saved. LoanDesk uses the new connection from its next start.")
            )

    def copy_diagnostics(self) -> None:
        """Versions, database and the log's tail on the clipboard (never a password)."""
        from desktop.diagnostics import collect_diagnostics

        store = self.store
        self.ops.run(
            lambda: collect_diagnostics(store),
            on_done=self._diagnostics_ready,
            label=self.tr("Collecting diagnostics…"),
            parent=self,
        )

    def _diagnostics_ready(self, text: str) -> None:
        QApplication.clipboard().setText(text)
        messages.show_info(
            self,
            self.tr(
                "The diagnostics are on the clipboard: paste them into your message to the help desk."
            ),
        )

    def about(self) -> None:
        from desktop.cli import app_version

        messages.show_info(
            self,
            self.tr("Micro and Small Business Loan Desk (LoanDesk) {0}\nDatabase: {1}").format(
                app_version(), self.store.display_name
            ),
            self.tr("About"),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        super().closeEvent(event)
