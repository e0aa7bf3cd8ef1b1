"""Keeps ``None``, ``True`` and ``False`` alive under PySide6 6.12 on Python 3.11.

PySide6 6.12 drops a reference to ``None`` on every call of a Qt method that
returns nothing (``setText``, ``setValue``, ``processEvents`` ...), and to
``True`` on every ``emit()`` of a signal. Python 3.12 and later make these objects immortal, so nothing
happens there; on 3.11 their counts fall by one per call and, after some
thousands of calls (a few minutes of scrolling the loan register), the
process aborts with "deallocating None". Raising the counts out of reach
once, at start-up, does on 3.11 what 3.12 does for every interpreter: these
objects are never freed, as they never should be.
"""

from __future__ import annotations

import ctypes
import sys

OUT_OF_REACH = 1 << 60


def keep_none_alive() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for constant in (None, True, False):
        # ob_refcnt is the first field of every object in CPython.
        count = ctypes.c_ssize_t.from_address(id(constant))
        if count.value < OUT_OF_REACH:
            count.value += OUT_OF_REACH
