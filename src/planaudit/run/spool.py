"""Parts of reports kept in a temporary file while an audit runs, and read back in order.

A part is plain data: text, whole numbers, None, and lists of them. Each is written in a small
binary form of planaudit's own — a tag byte, then a length and the bytes for text, a count and
the items for a list — so that reading it back is slicing, with no escaping to undo (JSON cost a
national run two seconds in the parent), and nothing read back can run code: an unknown tag, a
short read or lists nested deeper than MAX_DEPTH is an error, never an object (nor a recursion
that overflows the stack).
"""

from __future__ import annotations

import os
import struct
import tempfile
from collections.abc import Iterator
from typing import Any

_LENGTH = struct.Struct(">Q")
_INTEGER = struct.Struct(">q")
MAX_DEPTH = 32  # lists within lists: what planaudit writes nests a few deep


class CorruptSpool(ValueError):
    """The spool file does not hold what was written to it."""


def encode(value: Any) -> bytes:
    """``value`` (text, a whole number, None, or a list or tuple of them) in the spool's form."""
    pieces: list[bytes] = []
    _encode(value, pieces)
    return b"".join(pieces)


def _encode(value: Any, pieces: list[bytes]) -> None:
    if type(value) is str:
        data = value.encode("utf-8", "surrogatepass")  # a lone surrogate comes back as it went
        pieces += [b"s", _LENGTH.pack(len(data)), data]
    elif isinstance(value, (list, tuple)):
        pieces += [b"l", _LENGTH.pack(len(value))]
        for item in value:
            _encode(item, pieces)
    elif type(value) is int:
        pieces += [b"i", _INTEGER.pack(value)]
    elif value is None:
        pieces.append(b"n")
    else:
        raise TypeError(f"a part holds only text, whole numbers, None and lists, not {type(value).__name__}")


def decode(data: bytes) -> Any:
    """The value :func:`encode` wrote (tuples come back as lists)."""
    value, end = _decode(memoryview(data), 0, 0)
    if end != len(data):
        raise CorruptSpool("bytes after the value")
    return value


def _decode(data: memoryview, at: int, depth: int) -> tuple[Any, int]:
    try:
        tag = data[at]
        if tag == ord("s"):
            (size,) = _LENGTH.unpack_from(data, at + 1)
            start = at + 1 + _LENGTH.size
            if start + size > len(data):
                raise CorruptSpool("text cut short")
            return bytes(data[start:start + size]).decode("utf-8", "surrogatepass"), start + size
        if tag == ord("l"):
            if depth == MAX_DEPTH:
                raise CorruptSpool(f"lists nested more than {MAX_DEPTH} deep")
            (count,) = _LENGTH.unpack_from(data, at + 1)
            at += 1 + _LENGTH.size
            items = []
            for _ in range(count):
                item, at = _decode(data, at, depth + 1)
                items.append(item)
            return items, at
        if tag == ord("i"):
            return _INTEGER.unpack_from(data, at + 1)[0], at + 1 + _INTEGER.size
        if tag == ord("n"):
            return None, at + 1
    except (IndexError, struct.error, UnicodeDecodeError) as error:
        raise CorruptSpool(str(error)) from None
    raise CorruptSpool(f"unknown tag {tag!r}")


class Spool:
    """Parts kept in a temporary file as they come, read back in order as often as needed."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - as long-lived as the spool
        self._count = 0

    def append(self, part: Any) -> None:
        record = encode(part)
        self._file.seek(0, os.SEEK_END)
        self._file.write(_LENGTH.pack(len(record)) + record)
        self._count += 1

    def __iter__(self) -> Iterator[Any]:
        position = 0
        for _ in range(self._count):
            self._file.seek(position)  # each reading keeps its own place
            (size,) = _LENGTH.unpack(self._file.read(_LENGTH.size))
            record = self._file.read(size)
            position = self._file.tell()
            yield decode(record)

    def __len__(self) -> int:
        return self._count
