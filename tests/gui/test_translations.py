"""The Simplified Chinese translation is complete and compiled from the current .ts."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "resources" / "translations"
TS = HERE / "loandesk_zh_CN.ts"
QM = HERE / "loandesk_zh_CN.qm"

pytestmark = pytest.mark.skipif(
    shutil.which("pyside6-lupdate") is None, reason="the Qt translation tools are not installed"
)


def _update_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("translations_update", HERE / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _problems(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            kind = translation.get("type")
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if kind in ("unfinished", "vanished", "obsolete") or not all(
                f and f.strip() for f in forms
            ):
                problems.append(f"{name}: {source!r} ({kind or 'empty'})")
    return problems


def test_every_string_in_the_code_is_translated(tmp_path):
    """lupdate over today's code, merged into a copy of the .ts, leaves nothing to do."""
    update = _update_module()
    ts = tmp_path / TS.name
    shutil.copy(TS, ts)
    update.lupdate(ts)
    assert _problems(ts) == []
    assert ts.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), (
        "loandesk_zh_CN.ts is not up to date: run python resources/translations/update.py"
    )


def test_the_qm_is_compiled_from_the_ts(tmp_path):
    update = _update_module()
    qm = tmp_path / QM.name
    update.lrelease(TS, qm)
    assert qm.read_bytes() == QM.read_bytes(), "run python resources/translations/update.py"


def test_the_translation_is_loaded_by_the_app():
    from PySide6.QtCore import QCoreApplication

    from desktop.navigation import role_name
    from domain.users import Role

    assert QCoreApplication.translate("Navigation", "Users") == "用户管理"
    assert all(role_name(role) == role.label for role in Role)
