"""What a clerk types, made comparable: the first step of every validator.

Chinese input methods produce full-width digits, letters and punctuation
(``１２３``, ``ｘ``, ``，``) and the ideographic space; text pasted from other
systems brings non-breaking and zero-width characters. ``normalize_input``
turns all of these into their plain ASCII forms and nothing else.

Why not ``unicodedata.normalize("NFKC", ...)``: it also rewrites characters a
name or an address must keep as typed. It turns CJK compatibility ideographs
into other code points (a name would no longer match the ID card), ``²``
into ``2`` (so ``10²`` becomes ``102``), ``①`` into ``1`` and ``㎡`` into
``m2``. Here only the full-width ASCII block and the spaces are mapped.
"""

from __future__ import annotations

import re

# U+FF01..U+FF5E are the full-width forms of ASCII ! .. ~, at a fixed offset.
_FULL_WIDTH_FIRST = 0xFF01
_FULL_WIDTH_LAST = 0xFF5E
_FULL_WIDTH_OFFSET = 0xFF01 - 0x21

# Spaces a keyboard or a paste can produce that are not U+0020.
_OTHER_SPACES = "\u3000\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"

# Invisible characters that come with pasted text and mean nothing.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

# Control characters other than tab and line breaks: PostgreSQL refuses NUL in
# text, and none of them can be seen on screen or paper.
_CONTROL = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])

# Dashes people type between groups of digits: the hyphen-minus, the Chinese
# input method's dash (——), the minus sign and their relatives.
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"

_TRANSLATION = {
    **{c: c - _FULL_WIDTH_OFFSET for c in range(_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST + 1)},
    **{ord(c): " " for c in _OTHER_SPACES},
    **{ord(c): None for c in _INVISIBLE + _CONTROL},
}

_WHITESPACE_RUN = re.compile(r"\s+")


def normalize_input(text: str | None, *, collapse_spaces: bool = True) -> str:
    """The typed ``text`` with full-width ASCII made half-width, every kind of
    space made a plain space, invisible and control characters removed, and
    surrounding whitespace stripped.

    With ``collapse_spaces`` (the default) each run of inner whitespace,
    line breaks included, becomes one space: right for names, codes and
    amounts. Pass ``False`` for multi-line text such as remarks, where the
    clerk's line breaks and spacing are kept.

    Chinese characters, and every character outside the full-width ASCII
    block, are left exactly as typed. ``None`` (an untouched field) gives
    ``""``. Never raises for any ``str``.
    """
    if not text:
        return ""
    plain = text.translate(_TRANSLATION)
    if collapse_spaces:
        plain = _WHITESPACE_RUN.sub(" ", plain)
    return plain.strip()


_REMARK_TRANSLATION = {
    **{ord(c): " " for c in _OTHER_SPACES},
    **{ord(c): None for c in _INVISIBLE + _CONTROL},
}
_LINE_BREAKS = re.compile(r"\r\n?")


def normalize_remark(text: str | None) -> str:
    """Free text a person writes for people to read (notes, reasons): kept
    as typed, line breaks and Chinese punctuation included (``，`` stays
    ``，``), with only invisible and control characters removed, odd spaces
    made plain, line endings made ``\\n`` and surrounding whitespace stripped.
    Never raises for any ``str``."""
    if not text:
        return ""
    plain = _LINE_BREAKS.sub("\n", text).translate(_REMARK_TRANSLATION)
    return plain.strip()


def compact_code(text: str | None) -> str:
    """A number or code as typed, normalised and with the spaces and dashes a
    clerk puts between groups of characters removed, in upper case.

    ``"３２０１ ０２１９-８５０５"`` → ``"320102198505"``. Used for ID numbers,
    credit codes and phone numbers, where grouping carries no meaning.
    """
    plain = normalize_input(text)
    return "".join(c for c in plain if not c.isspace() and c not in _DASHES).upper()
