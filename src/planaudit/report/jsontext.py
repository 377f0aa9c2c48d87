"""JSON text as ``json.dumps(document, ensure_ascii=False, indent=2)`` writes it, ten times faster,
with ``##[`` written ``##\u005b`` so that no string can command a CI runner (see :mod:`workflow`),
and every character that could drive a terminal or reorder what is shown — DEL and the C1 controls
(U+009B is a terminal's CSI), bidi overrides and the other format characters, line and paragraph
separators, lone surrogates — written as its ``\\uXXXX`` escape: the same string to any JSON reader,
inert on a screen, as the table shows them (:func:`planaudit.read.text.printable`).

orjson writes the same text for the same document (a test holds it to that); what orjson refuses,
such as a lone surrogate that a YAML escape can put into a title, is written by the json module.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from typing import Any, Protocol

from planaudit.report.workflow import json_text

# The characters written as escapes: Unicode's categories Cc (but C0, which JSON escapes itself), Cf,
# Zl and Zp, as tests/report/test_jsontext.py holds them to be; and lone surrogates. A fixed table, so
# that the same document is the same bytes whichever Python writes it: Unicode 14's (Python 3.11),
# with the format controls Unicode 15 added (U+13439–U+1343F, Egyptian hieroglyphs) already in it.
INVISIBLE = ((0x7F, 0x9F), (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F),
             (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x2028, 0x202E), (0x2060, 0x2064),
             (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
             (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F))
_SURROGATES = (0xD800, 0xDFFF)


@functools.cache  # made when first asked for: the command line imports this module at start-up
def text_pattern() -> re.Pattern[str]:
    """The characters written as escapes, in text."""
    return re.compile("[" + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}"
                                    for low, high in (*INVISIBLE, _SURROGATES)) + "]")


@functools.cache
def utf8_patterns() -> tuple[tuple[bytes, re.Pattern[bytes]], ...]:
    """The same characters in UTF-8 (a surrogate has none), one pattern for each first byte: that byte
    is looked for first (most documents have none of most of them), and a pattern that begins with
    a byte is searched for many times quicker than the text or a class of bytes. A test holds these
    patterns to the same characters as the text's."""
    grouped: dict[bytes, dict[bytes, list[int]]] = {}  # first byte → the bytes between → the last bytes
    for low, high in INVISIBLE:
        for code_point in range(low, high + 1):
            encoded = chr(code_point).encode("utf-8")
            between = grouped.setdefault(encoded[:1], {})
            if len(encoded) > 1:  # DEL is its first byte alone
                between.setdefault(encoded[1:-1], []).append(encoded[-1])
    return tuple((first, re.compile(re.escape(first) + (b"(?:" + b"|".join(
        re.escape(middle) + b"[" + b"".join(re.escape(bytes([last])) for last in ends) + b"]"
        for middle, ends in endings.items()) + b")" if endings else b""))) for first, endings in grouped.items())


def has_invisible(written: bytes) -> bool:
    """Does UTF-8 text hold one of the characters written as escapes?"""
    return any(first in written and pattern.search(written) for first, pattern in utf8_patterns())


def _escape(found: re.Match[str]) -> str:
    """A character as JSON's escapes of its UTF-16 code units (two for one beyond U+FFFF)."""
    units = found.group().encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(units[index:index + 2], 'big'):04x}" for index in range(0, len(units), 2))


def dumps(document: Any) -> str:
    """The document as indented JSON text, ending with a newline."""
    import orjson  # here: the command line imports this module at start-up, and most runs write no JSON

    try:
        written = orjson.dumps(document, option=orjson.OPT_INDENT_2)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        text = text_pattern().sub(_escape, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        text = written.decode("utf-8") + "\n"
        if has_invisible(written):  # most documents have none: the text is not searched at all
            text = text_pattern().sub(_escape, text)
    return json_text(text)


def items(values: list[Any], depth: int) -> str:
    """``values`` as they stand inside a list at ``depth`` of an indented document, without the
    brackets and the newlines around them; '' when there are none. Such texts, joined by ",\\n",
    are what :func:`write_document` writes for a list."""
    if not values:
        return ""
    text = dumps(values)  # "[\n  item,\n  item\n]\n": each item at depth 1
    pad = "  " * (depth - 1)
    inner = text[2:-3]
    return pad + inner.replace("\n", "\n" + pad) if pad else inner


def around_last_list(document: Any) -> tuple[str, str]:
    """The text of ``document`` before and after its last value, an empty list that ends its last
    member at every level (``{"runs": [{"tool": …, "results": []}]}``): where a list is streamed."""
    text = dumps(document)
    at = text.rindex("[]")
    return text[:at], text[at + 2:]


class Writable(Protocol):
    def write(self, text: str, /) -> object: ...


class ListWriter:
    """One list of an indented document, written as its items come: the texts :func:`items` made
    for them at ``depth``, each run of items in turn."""

    def __init__(self, out: Writable, depth: int) -> None:
        self.out = out
        self.depth = depth
        self.empty = True

    def add(self, text: str) -> None:
        if text:
            self.out.write("[\n" if self.empty else ",\n")
            self.out.write(text)
            self.empty = False

    def add_joined(self, chunks: Iterable[str]) -> None:
        """Items whose texts were joined by ",\\n" (and kept, perhaps cut anywhere into chunks)."""
        for index, chunk in enumerate(chunks):
            if index == 0:
                self.add(chunk)  # opens the list, or follows its items
            else:
                self.out.write(chunk)

    def close(self) -> None:
        self.out.write("[]" if self.empty else "\n" + "  " * (self.depth - 1) + "]")
