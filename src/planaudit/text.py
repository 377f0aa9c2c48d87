"""Reading text files as UTF-8, and showing their text literally and safely."""

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


class NotUtf8(ValueError):
    """Bytes that are not UTF-8 text, with where the first bad byte stands (1-based)."""

    def __init__(self, line: int, col: int, byte: int) -> None:
        super().__init__(f"is not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8")
        self.line = line
        self.col = col


def decode_utf8(raw: bytes) -> str:
    """``raw`` as text (a leading BOM dropped); raises :class:`NotUtf8` saying where it is not."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        col = len(raw[line_start:error.start].decode("utf-8", "replace")) + 1
        raise NotUtf8(raw.count(b"\n", 0, error.start) + 1, col, raw[error.start]) from None
