"""Starting the desktop application: font, language, database, first user, sign-in.

``run_app()`` builds the ``QApplication`` (shipped CJK font, translator) and
hands the start-up sequence to ``Startup``, which runs as callbacks on the UI
thread with every database step on the worker (``desktop.operations``):

1. the database URL (``--url``, environment, saved setting, local file);
   a PostgreSQL password is asked for when none is available, saying why;
2. the sign-in dialog comes up at once, while the worker opens the database
   and reads its schema version behind it;
3. if the schema is empty or older, the dialog gives way to the upgrade
   question; newer or foreign is refused (exit code 1); an unreachable
   database is offered a retry, then the connection settings;
4. an empty user table asks for the first administrator, then sign-in again;
5. the main window.

Heavy modules (SQLAlchemy, Alembic, password hashing, the views) are
imported late, on the worker thread or after sign-in, so the sign-in window
appears quickly. With ``LOANDESK_EXIT_AT_SIGN_IN`` set, the app prints the
moment the sign-in dialog is shown and exits (``bench/startup.py``).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from urllib.parse import quote, urlsplit, urlunsplit

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop import config
from desktop.collector import MainThreadCollector
from desktop.dialogs import messages
from desktop.logging_setup import install_excepthook, setup_logging
from desktop.operations import Operations, describe_error
from desktop.paths import resource_path
from domain.errors import DomainError, StorageUnavailable

log = logging.getLogger("loandesk")

UI_FONT = resource_path("fonts", "wqy-microhei.ttc")
APP_ICON = resource_path("icons", "loandesk.png")
TRANSLATIONS = resource_path("translations")
BENCH_ENV = "LOANDESK_EXIT_AT_SIGN_IN"
EXIT_REFUSED = 1

translate = QCoreApplication.translate
_translators: list[QTranslator] = []


# --- the application object -----------------------------------------------------------


def application() -> QApplication:
    """The one ``QApplication``, with the shipped CJK font as its font.

    The font is registered explicitly: a bare Windows or Linux machine may
    have no Chinese font Qt can find, and every label would be empty boxes.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("LoanDesk")
    app.setOrganizationName("LoanDesk")
    if APP_ICON.exists():
        app.setWindowIcon(QIcon(str(APP_ICON)))
    font_id = QFontDatabase.addApplicationFont(str(UI_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        app.setFont(QFont(families[0], 10))
    else:
        log.warning("UI font %s could not be loaded", UI_FONT)
    return app


def apply_language(language: str) -> None:
    """Install the translators for ``language`` ("zh_CN" or "en"); UI thread.

    English is the source language: it needs no translator. Installing or
    removing translators sends every widget a ``LanguageChange`` event.
    """
    app = QCoreApplication.instance()
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if language != "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (("qtbase_zh_CN", qt_dir), ("loandesk_zh_CN", str(TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _translators.append(translator)
        elif name.startswith("loandesk"):
            log.error("translation %s not found in %s", name, directory)


# --- the start-up sequence ---------------------------------------------------------------


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def open_and_check(url: str):
    """Worker thread: open ``url``; return (store, schema status, needs first admin)."""
    from desktop.startup import open_store
    from domain.accounts import needs_first_administrator

    try:
        store = open_store(url)
    except DomainError:
        raise
    except Exception as exc:
        raise DomainError(
            translate("Startup", "The database address {0} cannot be used: {1}").format(
                config.mask_url(url), _first_line(exc)
            )
        ) from exc
    try:
        status = store.schema_status()
        needs_admin = status.state.value == "current" and needs_first_administrator(store.uow())
    except DomainError:
        store.close()
        raise
    except Exception as exc:
        store.close()
        raise StorageUnavailable(
            translate("Startup", "Cannot open the database {0}: {1}").format(
                store.display_name, _first_line(exc)
            )
        ) from exc
    return store, status, needs_admin


def upgrade_and_check(store) -> bool:
    """Worker thread: create or upgrade the schema; True if the first admin is needed."""
    from domain.accounts import needs_first_administrator

    store.upgrade()
    return needs_first_administrator(store.uow())


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` put in (the user name is kept)."""
    parts = urlsplit(url)
    userinfo, _, host = parts.netloc.rpartition("@")
    user = userinfo.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:{quote(password, safe='')}@{host}"))


class Startup(QObject):
    """From the URL to the main window. UI thread; database steps on ``ops``.

    The sign-in dialog is shown first and the database is opened behind it
    (the clerk needs a few seconds to type anyway). When the database turns
    out to need something else first (an upgrade, the first administrator,
    another connection), the dialog is closed and ``_next`` runs once its
    ``exec()`` has returned, so dialogs never nest inside each other.
    """

    def __init__(self, ops: Operations, cli_url: str | None = None):
        super().__init__()
        self.ops = ops
        self.cli_url = cli_url
        self.store = None
        self.window = None
        self._dialog = None  # the sign-in dialog while it is open
        self._next = None  # what to do once the sign-in dialog has closed
        self._remember = None  # (saved connection, password) to put in the keyring once it works
        self._ended = False  # start-up gave up or the clerk left: late results are ignored

    def begin(self) -> None:
        url, source = config.resolve_url(self.cli_url)
        url = self._ensure_password(url, source)
        if url is None:
            self._quit(0)
            return
        self.open_then_sign_in(url)

    def open_then_sign_in(self, url: str) -> None:
        # Queued behind the dialog's first paint: the window comes up at once.
        QTimer.singleShot(0, lambda: self.open(url))
        self.sign_in()

    def open(self, url: str) -> None:
        self.ops.run(
            lambda: open_and_check(url),
            on_done=self._opened,
            on_error=self._open_failed,
            label=translate("Startup", "Opening the database…"),
        )

    def _ensure_password(self, url: str, source: str) -> str | None:
        if not url.startswith("postgresql") or urlsplit(url).password:
            return url
        from desktop.dialogs.password_prompt import PasswordPrompt

        reason = (
            translate("Startup", "No password for this server is stored on this computer.")
            if config.keyring_available()
            else config.NO_KEYRING_REASON
        )
        text = translate("Startup", "Enter the password for the database server {0}.").format(
            config.mask_url(url)
        )
        prompt = PasswordPrompt(
            None, title=translate("Startup", "Database password"), text=f"{text}\n\n{reason}"
        )
        password = prompt.ask()
        if password is None:
            return None
        connection = config.load_connection() if source == "saved" else None
        self._remember = (connection, password) if connection else None
        return with_password(url, password)

    # --- the database is open (or not) -----------------------------------------------------

    def _opened(self, result) -> None:
        store, status, needs_admin = result
        if self._ended:
            store.close()
            return
        self.store = store
        if self._remember and config.keyring_available():
            config.store_password(*self._remember)
        for warning in store.warnings:
            messages.show_info(None, warning, translate("Startup", "Warning"))
        if status.state.value == "current" and not needs_admin:
            if self._dialog is not None:
                self._dialog.set_store(store)
            return
        self._after_sign_in_dialog(lambda: self._check_schema(status, needs_admin))

    def _open_failed(self, error: Exception) -> None:
        if self._ended:
            return
        self._after_sign_in_dialog(lambda: self._offer_connection(error))

    def _after_sign_in_dialog(self, step) -> None:
        if self._dialog is None:
            step()
            return
        self._next = step
        self._dialog.reject()

    def _check_schema(self, status, needs_admin: bool) -> None:
        state = status.state.value
        if state in ("newer", "foreign"):
            messages.show_error(
                None, status.message, translate("Startup", "Cannot open this database")
            )
            self._quit(EXIT_REFUSED)
        elif state in ("empty", "older"):
            self._offer_upgrade(status)
        else:
            self._ready(needs_admin)

    def _offer_upgrade(self, status) -> None:
        question = translate(
            "Startup", "{0}\n\nDatabase: {1}\n\nCreate or upgrade the tables now?"
        ).format(status.message, self.store.display_name)
        title, yes, no = (
            translate("Startup", "Database upgrade"),
            translate("Startup", "Upgrade"),
            translate("Startup", "Exit"),
        )
        if not messages.confirm(None, question, title, yes, no):
            self._quit(0)
            return
        store = self.store
        self.ops.run(
            lambda: upgrade_and_check(store),
            on_done=self._ready,
            on_error=self._fatal,
            label=translate("Startup", "Upgrading the database…"),
        )

    def _ready(self, needs_admin: bool) -> None:
        if needs_admin:
            from desktop.dialogs.first_admin import FirstAdminDialog

            if FirstAdminDialog(self.store, self.ops).create() is None:
                self._quit(0)
                return
        self.sign_in()

    def _offer_connection(self, error: Exception) -> None:
        from desktop.dialogs.connection import ConnectionDialog

        text = translate("Startup", "{0}\n\nCheck the database connection?").format(
            describe_error(error)
        )
        title = translate("Startup", "Cannot open the database")
        yes, no = translate("Startup", "Connection…"), translate("Startup", "Exit")
        if messages.confirm(None, text, title, yes, no):
            choice = ConnectionDialog(self.ops).edit()
            if choice is not None:
                url = self._ensure_password(choice.url(), "saved")
                if url is not None:
                    self.store = None
                    self.open_then_sign_in(url)
                    return
        self._quit(EXIT_REFUSED)

    def _fatal(self, error: Exception) -> None:
        messages.show_error(
            None, describe_error(error), translate("Startup", "Cannot open the database")
        )
        self._quit(EXIT_REFUSED)

    # --- signing in ---------------------------------------------------------------------------

    def sign_in(self) -> None:
        """The sign-in dialog (the store may still be opening); then the window."""
        from desktop.dialogs.sign_in import SignInDialog

        dialog = SignInDialog(self.store, self.ops)
        if os.environ.get(BENCH_ENV):
            QTimer.singleShot(0, lambda: _bench_report(dialog))
        self._dialog = dialog
        user = dialog.sign_in()
        self._dialog = None
        if user is not None:
            self.show_main_window(user)
        elif self._next is not None:
            step, self._next = self._next, None
            step()
        else:
            self._quit(0)

    def show_main_window(self, user) -> None:
        from desktop.main_window import MainWindow

        self.window = MainWindow(self.store, self.ops, user)
        self.window.show()
        QApplication.instance().setQuitOnLastWindowClosed(True)

    def _quit(self, code: int) -> None:
        self._ended = True
        self._exit(code)

    @staticmethod
    def _exit(code: int) -> None:
        QCoreApplication.exit(code)


def _bench_report(dialog) -> None:
    """For ``bench/startup.py``: the wall-clock moment the sign-in dialog is up."""
    print(f"sign-in-shown {time.time():.6f}", flush=True)
    dialog.reject()


def run_app(url: str | None = None, self_test: bool = False) -> int:
    """The desktop application; returns the process exit code."""
    if self_test:
        return run_self_test()
    setup_logging()
    install_excepthook()
    app = application()
    apply_language(config.load_language())
    app.setQuitOnLastWindowClosed(False)  # start-up dialogs come and go before the window
    collector = MainThreadCollector(app)  # before the worker thread starts
    ops = Operations()
    startup = Startup(ops, url)
    QTimer.singleShot(0, startup.begin)
    code = app.exec()
    ops.shutdown()
    collector.stop()
    if startup.store is not None:
        startup.store.close()
    return code


# --- the self-test -------------------------------------------------------------------------


def run_self_test() -> int:
    """``loandesk --self-test``: the checks live in ``desktop.self_test``."""
    from desktop.self_test import run_self_test as run_checks

    return run_checks()
