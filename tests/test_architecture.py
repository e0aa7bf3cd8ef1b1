"""The one dependency rule: desktop → domain ← persistence, printing → domain."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _files(package: str):
    return sorted((ROOT / package).rglob("*.py"))


FORBIDDEN = {
    "domain": {
        "PySide6",
        "shiboken6",
        "sqlalchemy",
        "alembic",
        "reportlab",
        "persistence",
        "desktop",
        "printing",
        "psycopg",
    },
    "printing": {"PySide6", "sqlalchemy", "persistence", "desktop"},
    "persistence": {"PySide6", "desktop", "printing", "reportlab"},
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layer_imports(package):
    offenders = {
        str(f.relative_to(ROOT)): sorted(_imports(f) & FORBIDDEN[package]) for f in _files(package)
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_desktop_meets_persistence_only_at_start_up():
    allowed = {ROOT / "desktop" / "startup.py"}
    offenders = [
        str(f.relative_to(ROOT))
        for f in _files("desktop")
        if f not in allowed and "persistence" in _imports(f)
    ]
    assert not offenders


def test_the_rule_itself_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from sqlalchemy import select\nimport PySide6.QtCore\n")
    assert _imports(bad) >= {"sqlalchemy", "PySide6"}
