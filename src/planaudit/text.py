"""Showing text from data files literally and safely."""

from __future__ import annotations

import unicodedata

_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with control and format characters (escape sequences, bidi overrides,
    newlines) replaced by visible escapes, so that data can never drive the terminal."""
    if text.isprintable():
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in _INVISIBLE else ch
                   for ch in text)
