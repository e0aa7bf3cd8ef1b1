"""The connection dialog: test before saving; the password goes to the keyring or the reason is given."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend

from desktop import config
from desktop.dialogs.connection import ConnectionDialog


@pytest.fixture
def memory_keyring():
    """A keyring that forgets everything when the test ends.

    The class is made here, after the default keyring was chosen: keyring
    registers every backend subclass it sees as a candidate for the default.
    """
    previous = keyring.get_keyring()

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.passwords: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.passwords.get((service, username))

        def set_password(self, service, username, password):
            self.passwords[(service, username)] = password

        def delete_password(self, service, username):
            self.passwords.pop((service, username), None)

    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def dialog(qtbot, ops):
    dialog = ConnectionDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill_server(dialog, password: str = "s3cret") -> None:
    dialog.server.setChecked(True)
    dialog.host.setText("db.branch")
    dialog.database.setText("loans")
    dialog.user.setText("desk")
    dialog.password.setText(password)


def test_a_local_file_is_tested_then_saved(dialog, tmp_path, wait_idle):
    dialog.local.setChecked(True)
    dialog.path.setText(str(tmp_path / "desk.db"))
    dialog.test_button.click()
    wait_idle()
    assert dialog.message.text() == "连接成功。"
    dialog.save()
    assert dialog.choice.url() == f"sqlite:///{tmp_path / 'desk.db'}"
    assert config.load_connection().sqlite_path == str(tmp_path / "desk.db")


def test_an_unreachable_server_is_reported_inline(dialog, wait_idle, messages):
    _fill_server(dialog)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.test_button.click()
    wait_idle()
    assert "无法连接" in dialog.message.text()
    assert messages.texts("retry") == []  # a test is a question, not a lost session


def test_incomplete_server_settings_are_refused(dialog):
    dialog.server.setChecked(True)
    dialog.save()
    assert "请填写" in dialog.message.text() and dialog.choice is None


def test_without_a_keyring_the_reason_is_given(dialog, messages):
    assert not config.keyring_available()
    _fill_server(dialog)
    dialog.save()
    assert config.NO_KEYRING_REASON in messages.texts("info")[0]
    assert config.load_connection().host == "db.branch"
    assert "s3cret" not in config.settings_file().read_text(encoding="utf-8")
    assert dialog.choice.password == "s3cret"


def test_with_a_keyring_the_password_is_kept_there(dialog, memory_keyring, messages, qtbot, ops):
    _fill_server(dialog)
    dialog.save()
    assert messages.texts("info") == []
    saved = config.load_connection()
    assert config.stored_password(saved) == "s3cret"
    again = ConnectionDialog(ops)
    qtbot.addWidget(again)
    assert again.server.isChecked() and again.password.text() == "s3cret"
