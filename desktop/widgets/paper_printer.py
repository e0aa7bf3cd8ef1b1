"""Generating one kind of paper and opening its preview, for every screen
that prints: the paperwork screen and a loan's documents tab.

``PaperPrinter(ctx, owner, button, status).generate(kind, number, as_of)``
fills, registers and prints the papers on the worker into a fresh
temporary PDF, says what was generated (or the domain's refusal) in
``status``, keeps ``button`` disabled meanwhile, and opens the preview
without waiting for it to close; ``generated`` is emitted afterwards. UI
thread only.
"""

from __future__ import annotations

import tempfile
import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.commands.paperwork import GeneratedFile, generate
from desktop.dialogs.pdf_preview import PdfPreviewDialog
from desktop.operations import describe_error
from desktop.widgets.form_fields import FieldNote, Tone
from domain.documents import DocumentKind

translate = QCoreApplication.translate


def temporary_pdf(folder: Path, stem: str) -> Path:
    """A fresh file name in ``folder``: a preview still open keeps its own file."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem)
    return folder / f"{safe}-{uuid.uuid4().hex[:8]}.pdf"


class PaperPrinter(QObject):
    generated = Signal(list)  # the GeneratedFile list, after the preview opened

    def __init__(self, ctx, owner: QWidget, button: QPushButton, status: FieldNote):
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self.button = button
        self.status = status
        self.preview: PdfPreviewDialog | None = None
        self._folder = tempfile.TemporaryDirectory(
            prefix="loandesk-documents-", ignore_cleanup_errors=True
        )

    def generate(self, kind: DocumentKind, number: str, as_of: date | None, name: str) -> None:
        """Fill, register and print ``kind`` (called ``name`` in the UI) of ``number``."""
        out = temporary_pdf(Path(self._folder.name), f"{kind.value}-{number}")
        uow, user = self.ctx.uow, self.ctx.user
        working = translate("PaperPrinter", "Generating {0}…").format(name)
        self.button.setEnabled(False)
        self.status.say(working)
        self.ctx.ops.run(
            lambda: generate(uow, user, kind, number, as_of, out),
            on_done=self._generated,
            on_error=self._failed,
            label=working,
            parent=self.owner,
        )

    def _generated(self, files: list[GeneratedFile]) -> None:
        self.button.setEnabled(True)
        numbers = "、".join(n for f in files for n in f.document_numbers)
        self.status.say(translate("PaperPrinter", "Generated {0}.").format(numbers), Tone.OK)
        self.open_preview(files)
        self.generated.emit(files)

    def _failed(self, error: Exception) -> None:
        self.button.setEnabled(True)
        self.status.say(describe_error(error), Tone.ERROR)

    def open_preview(self, files: list[GeneratedFile]) -> None:
        """Show ``files`` in the preview, without waiting for it to close."""
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
        self.preview = PdfPreviewDialog(self.ctx, files, self.owner)
        self.preview.open()
