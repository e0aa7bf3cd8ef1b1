"""Where the program's own files are, from a source checkout or a frozen bundle.

A PyInstaller bundle unpacks (one-file) or lays out (one-folder) its data
files under ``sys._MEIPASS``, mirroring the source tree: ``resources/…`` and
``persistence/migrations/…`` sit at the same relative places as in the
checkout. So one helper serves both cases, and callers never test for
``sys.frozen`` themselves.
"""

from __future__ import annotations

import sys
from pathlib import Path


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def base_dir() -> Path:
    """The directory that holds ``resources/``: the bundle's, or the project root."""
    if is_frozen():
        return Path(sys._MEIPASS)
    # desktop/paths.py -> the project root is one level above the package.
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, e.g. ``resource_path("fonts", "uming.ttc")``.

    The path is returned whether or not the file exists, so callers can give
    their own message when a resource is missing.
    """
    return base_dir().joinpath("resources", *parts)


def migrations_path() -> Path:
    """The Alembic script directory (``env.py``, ``versions/``)."""
    return base_dir() / "persistence" / "migrations"
