"""Refresh the Chinese translation after changing user-visible strings.

    python resources/translations/update.py

1. ``pyside6-lupdate`` collects every ``tr()`` / ``translate()`` /
   ``QT_TRANSLATE_NOOP`` string from ``desktop/**/*.py`` into
   ``loandesk_zh_CN.ts``. Translations already in the file are kept; new
   strings arrive marked "unfinished", strings no longer used are dropped.
2. Fill in the new strings in the ``.ts`` (Qt Linguist, or any text editor:
   the Chinese text lives in the ``.ts`` itself), or list them in a JSON file
   under ``zh_CN/`` as ``{"Context": {"Source text": "译文"}}``: this script
   copies those into the ``.ts`` wherever a string is still unfinished.
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


def fill_from_json(ts: Path = TS, folder: Path = HERE / "zh_CN") -> int:
    """Copy translations from ``folder/*.json`` into unfinished messages of ``ts``."""
    import json
    import xml.etree.ElementTree as ET

    known: dict[tuple[str, str], str] = {}
    for path in sorted(folder.glob("*.json")):
        for context, texts in json.loads(path.read_text(encoding="utf-8")).items():
            known.update({(context, source): text for source, text in texts.items()})
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            key = (name, message.findtext("source"))
            if translation.get("type") == "unfinished" and key in known:
                translation.text = known[key]
                del translation.attrib["type"]
                filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main() -> int:
    lupdate()
    if fill_from_json():
        lupdate()  # back into lupdate's own layout, which the test compares
    lrelease()
    missing = unfinished()
    if missing:
        print(f"{missing} string(s) still untranslated in {TS.name}", file=sys.stderr)
        return 1
    print(f"{TS.name} complete; {QM.name} compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
