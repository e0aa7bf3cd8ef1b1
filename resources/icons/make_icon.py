"""Draw the application icon: a red seal-like square with “贷” in the shipped font.

Writes ``loandesk.png`` (256 px) and ``loandesk.ico`` (16–256 px) beside this
script. Run again only to change the design; both outputs are kept in the
repository so a build never depends on drawing anything:

    QT_QPA_PLATFORM=offscreen python resources/icons/make_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Before Qt is imported: no window system is needed to draw an image.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPen,
)

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "wqy-microhei.ttc"
SIZE = 256
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
SEAL_RED = QColor("#c8161d")  # vermilion of a bank's seal paste
PAPER = QColor("#fffaf0")


def load_font_family() -> str:
    """Register the shipped font: the icon must not depend on the build machine's fonts."""
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    if font_id < 0:
        raise SystemExit(f"cannot load {FONT}")
    return QFontDatabase.applicationFontFamilies(font_id)[0]


def draw_seal(family: str, size: int = SIZE) -> QImage:
    """A filled rounded square, a thin inner frame, and the character in paper white."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    outer = QRectF(size * 0.03, size * 0.03, size * 0.94, size * 0.94)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(SEAL_RED)
    painter.drawRoundedRect(outer, size * 0.12, size * 0.12)
    # The inner frame is what makes a red square read as a seal.
    frame = outer.adjusted(size * 0.07, size * 0.07, -size * 0.07, -size * 0.07)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(PAPER, size * 0.025))
    painter.drawRoundedRect(frame, size * 0.05, size * 0.05)
    font = QFont(family)
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(frame, Qt.AlignmentFlag.AlignCenter, "贷")
    painter.end()
    return image


def write_ico(image: QImage, path: Path) -> None:
    """A multi-size .ico with Pillow; Qt's writer (one size only) as the fallback."""
    png = path.with_suffix(".png")
    try:
        from PIL import Image
    except ImportError:
        if not image.save(str(path), "ICO"):
            raise SystemExit(f"cannot write {path}") from None
        return
    with Image.open(png) as source:
        source.save(path, format="ICO", sizes=[(s, s) for s in ICO_SIZES])


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = draw_seal(load_font_family())
    png = HERE / "loandesk.png"
    if not image.save(str(png), "PNG"):
        raise SystemExit(f"cannot write {png}")
    write_ico(image, HERE / "loandesk.ico")
    print(f"wrote {png} and {png.with_suffix('.ico')}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
