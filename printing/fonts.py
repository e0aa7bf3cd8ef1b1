"""The fonts every document is set in, shipped in ``resources/fonts`` and
embedded in each PDF so it prints the same on every machine.

- ``SONG``: AR PL UMing CN, a Song (Ming) face, for the body text of
  contracts and notices, as Chinese legal documents are set.
- ``SANS``: WenQuanYi Micro Hei, for titles, headings and tables.

Neither face has a bold; ``<b>`` inside Song text falls back to the sans face,
which reads as emphasis on a Song page.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FONTS_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"

SONG = "LoanDesk-Song"
SANS = "LoanDesk-Sans"

_FACES = {
    # name: (file, PostScript name of the face wanted inside the collection)
    SONG: ("uming.ttc", "UMingCN"),
    SANS: ("wqy-microhei.ttc", "WenQuanYiMicroHei"),
}
_MAX_SUBFONTS = 8

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register both faces with reportlab, once per process.

    Safe to call from any thread and as often as wanted: documents are
    rendered on a worker thread, and the first call parses the font files
    (about a quarter of a second), later calls return at once. Raises
    ``FileNotFoundError`` naming the file when a font is missing from the
    installation.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, (file_name, face) in _FACES.items():
            pdfmetrics.registerFont(_subfont(name, FONTS_DIR / file_name, face))
        pdfmetrics.registerFontFamily(SONG, normal=SONG, bold=SANS, italic=SONG, boldItalic=SANS)
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS, italic=SANS, boldItalic=SANS)
        _registered = True


def _subfont(name: str, path: Path, postscript_name: str) -> TTFont:
    """The face called ``postscript_name`` inside the collection ``path``.

    Looked up by name rather than by position: font packages have reordered
    the faces of ``uming.ttc`` between releases (CN, HK, TW, TW MBE here).
    """
    if not path.is_file():
        raise FileNotFoundError(f"找不到打印字体文件：{path}")
    for index in range(_MAX_SUBFONTS):
        try:
            font = TTFont(name, str(path), subfontIndex=index)
        except TTFError:  # past the last face of the collection
            break
        if font.face.name == postscript_name.encode("ascii"):
            return font
    raise FileNotFoundError(f"字体文件 {path.name} 中没有字体 {postscript_name}")
