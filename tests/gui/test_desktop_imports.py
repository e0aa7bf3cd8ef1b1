"""desktop/ reaches the database only through desktop/startup.py (the composition root)."""

from __future__ import annotations

import ast
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_the_composition_root_imports_persistence():
    offenders = {
        str(path.relative_to(DESKTOP)): sorted(
            n for n in _imports(path) if n.split(".")[0] == "persistence"
        )
        for path in DESKTOP.rglob("*.py")
        if path.name != "startup.py"
    }
    assert {k: v for k, v in offenders.items() if v} == {}
