"""The program's log: rotating UTF-8 files in ``config.log_dir()``, secrets masked.

Call ``setup_logging()`` once at start-up (calling it again is harmless).
Every line passes through ``SecretFilter``, which masks the password in any
database URL and the value of any password-like field, so a log file can be
sent to the help desk as it is. ``install_excepthook()`` makes uncaught
exceptions, from the UI thread or a worker thread, end up in the log instead
of vanishing with a windowed program's missing console.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop.config import log_dir, mask_url

LOG_FILE_NAME = "loandesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"

# Any scheme://… token; mask_url then hides the password part of it.
_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.\-]*://\S+")
# password=…, "password": "…", pwd=…, 密码：… (libpq conninfo, dict reprs, form dumps).
_FIELD = re.compile(
    r"""(?ix)
    (["']?\b(?:\w*password\w*|passwd|pwd|secret)["']?\s*[=:]\s*
     | 密码\s*[=:：]\s*)
    (?:"[^"]*"|'[^']*'|[^\s,;&)}\]]+)
    """
)
_MASK = "***"


def mask_secrets(text: str) -> str:
    """``text`` with URL passwords and password-like field values replaced by ***."""
    text = _URL.sub(lambda m: mask_url(m.group(0)), text)
    return _FIELD.sub(lambda m: m.group(1) + _MASK, text)


class SecretFilter(logging.Filter):
    """Masks secrets in the message, the traceback and the stack of each record.

    The record is rewritten in place (message fixed, arguments dropped), so
    every handler after this filter sees only the masked text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_secrets(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            # Formatter.format() reuses exc_text, so masking it here masks the traceback.
            record.exc_text = mask_secrets(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        return True


def _our_handler() -> RotatingFileHandler | None:
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_loandesk", False):
            return handler  # type: ignore[return-value]
    return None


def log_file() -> Path:
    """The current log file (it may not exist before ``setup_logging()``)."""
    handler = _our_handler()
    return Path(handler.baseFilename) if handler else log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to the rotating file; returns its path, or None if unwritable.

    Idempotent: a second call keeps the existing handler, unless the log
    directory has changed since (tests point ``LOANDESK_LOG_DIR`` elsewhere).
    """
    target = log_dir() / LOG_FILE_NAME
    existing = _our_handler()
    if existing is not None and Path(existing.baseFilename) == target.absolute():
        return target
    teardown_logging()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        # A read-only profile must not stop the program from starting.
        return None
    handler._loandesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(SecretFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    # SQLAlchemy logs every statement once its logger allows INFO: keep it quiet.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    return target


def teardown_logging() -> None:
    """Remove and close the file handler (tests, or before moving the log)."""
    handler = _our_handler()
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


def _log_uncaught(exc_type, exc_value, exc_tb) -> None:
    logging.getLogger("loandesk.uncaught").critical(
        "未处理的异常：%s", exc_value, exc_info=(exc_type, exc_value, exc_tb)
    )


def install_excepthook() -> None:
    """Log uncaught exceptions (main thread and others), then run the previous hooks."""
    if getattr(sys.excepthook, "_loandesk", False):
        return
    previous = sys.excepthook
    previous_thread_hook = threading.excepthook

    def excepthook(exc_type, exc_value, exc_tb):
        if not issubclass(exc_type, KeyboardInterrupt):
            _log_uncaught(exc_type, exc_value, exc_tb)
        previous(exc_type, exc_value, exc_tb)

    def thread_excepthook(args):
        if args.exc_type is not SystemExit:
            _log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)
        previous_thread_hook(args)

    excepthook._loandesk = True  # type: ignore[attr-defined]
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
