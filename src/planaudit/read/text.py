"""Reading text files as UTF-8, and showing their text literally and safely; Traditional Chinese
read as Simplified, for matching only."""

from __future__ import annotations

import codecs
import functools
import re
from typing import Any

from planaudit.messages import Message, msg
from planaudit.messages import printable as printable  # where the reading stages have always found it


def simplified(text: str) -> str:
    """``text`` with Traditional Chinese characters as Simplified ones (不少於50萬戶 → 不少于50万户), by
    OpenCC's t2s conversion: for reading what a text says (its numbers, its wording), never for
    what is shown or kept — quotes stay verbatim."""
    if text.isascii():
        return text
    return str(_converter().convert(text))


@functools.cache
def _converter() -> Any:
    import opencc  # here: only a text with Chinese in it needs it, and it loads a dictionary

    return opencc.OpenCC("t2s")


class NotUtf8(ValueError):
    """Bytes that are not UTF-8 text, with where the first bad byte stands (1-based)."""

    def __init__(self, line: int, col: int, byte: int) -> None:
        self.said = msg("is not UTF-8 text (byte {byte}); save the file as UTF-8", byte=f"0x{byte:02x}")
        super().__init__(self.said.render("en"))
        self.line = line
        self.col = col


# Line breaks to YAML 1.1 readers (libyaml) but not to YAML 1.2 ones (rapidyaml): the same bytes
# would mean two things, so a data file may hold none of them.
AMBIGUOUS_LINE_BREAKS = ("\x85", "\u2028", "\u2029")
AMBIGUOUS_LINE_BREAK_BYTES = tuple(character.encode("utf-8") for character in AMBIGUOUS_LINE_BREAKS)


def first_ambiguous_line_break(text: str) -> tuple[int, int, str] | None:
    """Line, column (1-based, counting only \\n as a line break) and the character of the first
    ambiguous line break in ``text``, or None."""
    found = [index for index in map(text.find, AMBIGUOUS_LINE_BREAKS) if index >= 0]
    if not found:
        return None
    return _place(text, min(found))


# The characters a YAML file may not hold (libyaml refuses them wherever they stand): C0 controls
# but tab, line feed and carriage return; DEL; C1 controls but U+0085 (an ambiguous line break,
# said as such); surrogates; and the non-characters U+FFFE and U+FFFF.
_DISALLOWED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def first_disallowed_character(text: str) -> tuple[int, int, str] | None:
    """Line, column (as :func:`first_ambiguous_line_break` counts them) and the character of the
    first character in ``text`` that a YAML file may not hold, or None."""
    found = _DISALLOWED.search(text)
    return None if found is None else _place(text, found.start())


def _place(text: str, index: int) -> tuple[int, int, str]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1, text[index]


class Undecodable(ValueError):
    """A document that is not text in the encoding it is read in, with where (1-based)."""

    def __init__(self, line: int, col: int, said: Message) -> None:
        super().__init__(said.render("en"))
        self.said = said
        self.line = line
        self.col = col


def decode_document(raw: bytes, encoding: str | None = None) -> str:
    """A plan's or report's text: UTF-8 (a BOM dropped), or the ``encoding`` named (gb18030, gbk,
    big5…); raises :class:`Undecodable` saying where it is not."""
    if encoding is None:
        try:
            return decode_utf8(raw)
        except NotUtf8 as error:
            raise Undecodable(error.line, error.col, msg("{problem}, or pass --encoding gb18030 for GBK or GB18030 text",
                                                         problem=error.said)) from None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise Undecodable(1, 1, msg("unknown encoding '{name}'", name=encoding)) from None
    try:
        return raw.decode(name)
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        col = len(raw[line_start:error.start].decode(name, "replace")) + 1
        raise Undecodable(raw.count(b"\n", 0, error.start) + 1, col,
                          msg("not {name} text: byte {byte} cannot be read", name=encoding,
                              byte=f"0x{raw[error.start]:02x}")) from None


def decode_utf8(raw: bytes) -> str:
    """``raw`` as text (a leading BOM dropped); raises :class:`NotUtf8` saying where it is not."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        col = len(raw[line_start:error.start].decode("utf-8", "replace")) + 1
        raise NotUtf8(raw.count(b"\n", 0, error.start) + 1, col, raw[error.start]) from None
