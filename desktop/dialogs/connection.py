"""Where the data lives: a local SQLite file or the branch's PostgreSQL server.

``ConnectionDialog(ops, parent).edit()`` returns a ``ConnectionChoice``
(the saved settings and the password typed, if any) or ``None`` if
cancelled. "测试连接" tries the connection on the worker before anything is
saved. Saving writes the settings file and puts the password into the
system keyring; where there is no keyring the dialog says why the password
will be asked for at each start. UI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import config
from desktop.dialogs import messages
from desktop.operations import describe_error


@dataclass(frozen=True)
class ConnectionChoice:
    settings: config.ConnectionSettings
    password: str | None

    def url(self) -> str:
        return self.settings.url(self.password)


class ConnectionDialog(QDialog):
    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.choice: ConnectionChoice | None = None
        self.setObjectName("connection_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Database connection"))
        self._build()
        self._load(config.load_connection() or config.ConnectionSettings())

    # --- layout ------------------------------------------------------------------

    def _build(self) -> None:
        self.local = QRadioButton(self.tr("Local data file (one desk)"), objectName="kind_sqlite")
        self.server = QRadioButton(
            self.tr("PostgreSQL server (the whole branch)"), objectName="kind_postgresql"
        )
        kinds = QButtonGroup(self)
        kinds.addButton(self.local)
        kinds.addButton(self.server)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._sqlite_page())
        self.pages.addWidget(self._postgresql_page())
        self.local.toggled.connect(self._kind_changed)
        self.message = messages.inline_label(self, "message")

        self.test_button = QPushButton(self.tr("Test connection"), objectName="test")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test)
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("save")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.local)
        layout.addWidget(self.server)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.setMinimumWidth(520)

    def _sqlite_page(self) -> QWidget:
        page = QWidget()
        self.path = QLineEdit(objectName="sqlite_path")
        self.path.setPlaceholderText(str(config.default_sqlite_path()))
        browse = QPushButton(self.tr("Choose…"), objectName="browse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(page)
        form.addRow(self.tr("Data file"), row)
        return page

    def _postgresql_page(self) -> QWidget:
        page = QWidget()
        self.host = QLineEdit(objectName="host")
        self.port = QSpinBox(objectName="port")
        self.port.setRange(1, 65535)
        self.port.setMaximumWidth(120)
        self.database = QLineEdit(objectName="database")
        self.user = QLineEdit(objectName="user")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(page)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        return page

    def _load(self, settings: config.ConnectionSettings) -> None:
        self.path.setText(settings.sqlite_path)
        self.host.setText(settings.host)
        self.port.setValue(settings.port)
        self.database.setText(settings.database)
        self.user.setText(settings.user)
        if settings.kind == "postgresql":
            self.server.setChecked(True)
            self.password.setText(config.stored_password(settings) or "")
        else:
            self.local.setChecked(True)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.pages.setCurrentIndex(0 if self.local.isChecked() else 1)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Choose the data file"),
            self.path.text() or str(config.default_sqlite_path()),
            self.tr("LoanDesk data (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path.setText(path)

    # --- reading, testing, saving -------------------------------------------------------

    def settings(self) -> config.ConnectionSettings:
        """The settings as typed (never with the password)."""
        if self.local.isChecked():
            return config.ConnectionSettings(kind="sqlite", sqlite_path=self.path.text().strip())
        return config.ConnectionSettings(
            kind="postgresql",
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
        )

    def _incomplete(self, settings: config.ConnectionSettings) -> str:
        if settings.kind == "postgresql" and not (
            settings.host and settings.database and settings.user
        ):
            return self.tr("Please fill in the server, the database and the user.")
        return ""

    def edit(self) -> ConnectionChoice | None:
        """Show the dialog; the saved choice, or ``None`` if cancelled."""
        return self.choice if self.exec() == QDialog.DialogCode.Accepted else None

    def test(self) -> None:
        """Try the connection as typed, on the worker; the answer is shown inline."""
        settings = self.settings()
        problem = self._incomplete(settings)
        if problem:
            messages.set_inline(self.message, problem)
            return
        url = settings.url(self.password.text() or None)
        self.test_button.setEnabled(False)
        messages.set_inline(self.message, "")
        self.ops.run(
            lambda: _test_connection(url),
            on_done=self._tested,
            on_error=self._test_failed,
            label=self.tr("Testing the connection…"),
            parent=self,
            retry=False,
        )

    def _tested(self, problem: str | None) -> None:
        self.test_button.setEnabled(True)
        if problem:
            messages.set_inline(self.message, problem)
        else:
            messages.set_inline(self.message, self.tr("Connection succeeded."), ok=True)

    def _test_failed(self, error: Exception) -> None:
        self.test_button.setEnabled(True)
        messages.set_inline(self.message, describe_error(error))

    def save(self) -> None:
        settings = self.settings()
        problem = self._incomplete(settings)
        if problem:
            messages.set_inline(self.message, problem)
            return
        password = (self.password.text() or None) if settings.kind == "postgresql" else None
        config.save_connection(settings)
        if password and not config.store_password(settings, password):
            messages.show_info(
                self,
                self.tr("The settings were saved, but not the password. {0}").format(
                    config.NO_KEYRING_REASON
                ),
                self.tr("Password not stored"),
            )
        self.choice = ConnectionChoice(settings, password)
        self.accept()


def _test_connection(url: str) -> str | None:
    """Worker thread. Imported late: start-up code is heavy and rarely needed here."""
    from desktop.startup import test_connection

    return test_connection(url)
