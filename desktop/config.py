"""Where the data lives: the saved connection, the keyring, and the URL in force.

Order for every command: ``--url``, then ``LOANDESK_DATABASE_URL``, then the
saved setting, then the local file. Passwords live only in the operating
system's keyring (Windows Credential Manager), never in the settings file.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

from platformdirs import user_config_dir, user_data_dir, user_log_dir

APP_NAME = "LoanDesk"
KEYRING_SERVICE = "LoanDesk"
ENV_URL = "LOANDESK_DATABASE_URL"


def config_dir() -> Path:
    return Path(os.environ.get("LOANDESK_CONFIG_DIR") or user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(os.environ.get("LOANDESK_LOG_DIR") or user_log_dir(APP_NAME, appauthor=False))


def default_sqlite_path() -> Path:
    base = os.environ.get("LOANDESK_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False)
    return Path(base) / "loandesk.db"


@dataclass
class ConnectionSettings:
    """What the connection dialog saves. No password here, ever."""

    kind: str = "sqlite"  # "sqlite" or "postgresql"
    sqlite_path: str = ""
    host: str = ""
    port: int = 5432
    database: str = ""
    user: str = ""

    @property
    def keyring_key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None = None) -> str:
        if self.kind == "sqlite":
            path = Path(self.sqlite_path) if self.sqlite_path else default_sqlite_path()
            return f"sqlite:///{path.expanduser().absolute()}"
        auth = quote(self.user, safe="")
        if password:
            auth += ":" + quote(password, safe="")
        return (
            f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{quote(self.database, safe='')}"
        )

    def describe(self) -> str:
        if self.kind == "sqlite":
            return f"本地文件 {self.sqlite_path or default_sqlite_path()}"
        return f"PostgreSQL {self.host}:{self.port}/{self.database}（{self.user}）"


def settings_file() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> dict:
    try:
        return json.loads(settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_settings(values: dict) -> None:
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(values, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


def load_connection() -> ConnectionSettings | None:
    stored = load_settings().get("connection")
    if not stored:
        return None
    known = ConnectionSettings.__dataclass_fields__
    return ConnectionSettings(**{k: v for k, v in stored.items() if k in known})


def save_connection(connection: ConnectionSettings) -> None:
    values = load_settings()
    values["connection"] = asdict(connection)
    save_settings(values)


def load_language() -> str:
    return load_settings().get("language", "zh_CN")


def save_language(language: str) -> None:
    values = load_settings()
    values["language"] = language
    save_settings(values)


# --- the keyring -----------------------------------------------------------
# keyring is imported where it is used: finding its backends takes time that
# a local-file start-up need not spend.


def keyring_available() -> bool:
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    return backend.priority > 0 and "fail" not in type(backend).__module__


def stored_password(connection: ConnectionSettings) -> str | None:
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(KEYRING_SERVICE, connection.keyring_key)
    except keyring.errors.KeyringError:
        return None


def store_password(connection: ConnectionSettings, password: str) -> bool:
    """Keep the password in the keyring; False where the system has none."""
    import keyring
    import keyring.errors

    try:
        keyring.set_password(KEYRING_SERVICE, connection.keyring_key, password)
        return True
    except keyring.errors.KeyringError:
        return False


NO_KEYRING_REASON = (
    "本机没有可用的系统密码保管库（如 Windows 凭据管理器），"
    "为安全起见数据库密码不会写入文件，每次启动时需要重新输入。"
)


def resolve_url(cli_url: str | None = None) -> tuple[str, str]:
    """The database URL in force and where it came from (for messages)."""
    if cli_url:
        return cli_url, "--url"
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL], ENV_URL
    connection = load_connection()
    if connection is not None:
        password = stored_password(connection) if connection.kind == "postgresql" else None
        return connection.url(password), "saved"
    return ConnectionSettings().url(), "default"


def mask_url(url: str) -> str:
    """The URL as shown in messages and logs: any password replaced by ***."""
    return re.sub(r"(://[^:/@]*):.*@", r"\1:***@", url)
