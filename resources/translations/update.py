"""Refresh the Chinese translation after changing user-visible strings.

    python resources/translations/update.py

1. ``pyside6-lupdate`` collects every ``tr()`` / ``translate()`` /
   ``QT_TRANSLATE_NOOP`` string from ``desktop/**/*.py`` into
   ``loandesk_zh_CN.ts``. Translations already in the file are kept; new
   strings arrive marked "unfinished", strings no longer used are dropped.
2. Fill in the new strings in the ``.ts`` (Qt Linguist, or any text editor:
   the Chinese text lives in the ``.ts`` itself).
3. Run this script again: ``pyside6-lrelease`` compiles ``loandesk_zh_CN.qm``,
   the file the application loads. Unfinished strings are reported.

``tests/gui/test_translations.py`` fails while any string is untranslated or
the ``.qm`` is out of date.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "loandesk_zh_CN.ts"
QM = HERE / "loandesk_zh_CN.qm"


def sources() -> list[Path]:
    return sorted((ROOT / "desktop").rglob("*.py"))


def lupdate(ts: Path = TS) -> None:
    """Merge the strings of the current sources into ``ts``."""
    subprocess.run(
        [
            "pyside6-lupdate",
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            "zh_CN",
            *map(str, sources()),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path = TS) -> int:
    return len(re.findall(r'type="unfinished"', ts.read_text(encoding="utf-8")))


def main() -> int:
    lupdate()
    lrelease()
    missing = unfinished()
    if missing:
        print(f"{missing} string(s) still untranslated in {TS.name}", file=sys.stderr)
        return 1
    print(f"{TS.name} complete; {QM.name} compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
