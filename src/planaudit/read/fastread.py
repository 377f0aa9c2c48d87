"""The quick reader: a clean target or outcome file as its JSON instance, or None to say "read it exactly".

rapidyaml parses an order of magnitude faster than libyaml through PyYAML, but its Python
binding gives no positions and reads some YAML differently from planaudit (anchors are kept as
text, ``~`` and ``yes`` become strings, ``.5`` becomes 0.5). So it is used only where the two
readings cannot differ, and anything it might read differently is refused, for the exact reader
(:mod:`yamlsource`) to read with every problem located:

- bytes that hold an anchor, alias, tag, merge key, block scalar, directive, document marker,
  tab, carriage return or byte-order mark are refused before parsing (so is a quote that holds
  " *" or " ." : over-refusing costs only time), and so are the characters libyaml refuses
  and rapidyaml reads (other control characters, U+FFFE and U+FFFF);
- every string value that a plain scalar of the same text would make something else (null,
  a YAML 1.1 bool, int or float) is refused, so it does not matter that rapidyaml cannot say
  whether it was quoted; numbers are accepted only as plain decimals, read exactly;
- a repeated key (json.loads would keep the last silently), or an instance that does not match
  the schema, is refused;
- the entries of the file's one list are found in the text (``- `` at one indentation); their
  count must equal the parsed list's, or the file is refused.

The caller re-reads exactly any file whose reading raises a problem at all, so a quick read
never needs the position of a single field: only each entry's line and column.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from planaudit.exact.numbers import MAX_DIGITS
from planaudit.read.structure import matches_schema
from planaudit.read.text import AMBIGUOUS_LINE_BREAK_BYTES
from planaudit.read.yamltree import TRAP_STARTS
from planaudit.schemas import Kind

# Merge keys, tabs, carriage returns, directives and document markers (at the start of a line):
# each looked for only when a byte it needs is there, as searching for a byte is many times quicker.
_REFUSED_BYTES = ((b"<", b"<<"), (b"\t", b"\t"), (b"\r", b"\r"), (b"%", b"\n%"), (b"-", b"\n---"))
# ".5" (which rapidyaml writes as 0.5) and "\n...": a dot after a space, "-", "[", "," ":" or a line break.
_DOT_REFUSED = re.compile(rb"\.(?<=[ \-\[,:\n]\.)")  # begins with the dot, which is found quickly
# Each pattern below begins with the byte it is about, which the regex engine finds quickly; a
# lookbehind then checks what stands before it. (A pattern that begins with a class of bytes is
# tried at every position: twenty to forty times slower on a national repository.)
# "90." is 90 to rapidyaml and text to the exact reader: digits and a final dot, where a value begins.
_TRAILING_DOT = re.compile(rb"\.(?![0-9A-Za-z_.])(?<=[0-9]\.)")
_VALUE_START = frozenset(b" \t\n:-[{,")
# "]" or "}" where a value begins: text to rapidyaml, a syntax error to the exact reader.
_CLOSERS_AT_VALUE = (re.compile(rb"\](?<=[ \t]\])"), re.compile(rb"\}(?<=[ \t]\})"))
# Anchor, alias, tag, block scalar, and the reserved @ ` and % (which no plain value may begin with),
# where a value begins — not in 7*24 or "*区".
_INDICATORS_AT_VALUE = tuple((indicator, re.compile(re.escape(indicator) + rb"(?<=[\s\[{,]" + re.escape(indicator) + rb")"))
                             for indicator in (bytes([byte]) for byte in b"&*!|>@`%"))
_REFUSED_STARTS = (b"%", b"---", b"...", b"\xef\xbb\xbf", b"&", b"*", b"!", b"|", b">", b"@", b"`")
# What libyaml refuses anywhere in a file, and rapidyaml reads: C0 controls but tab, line feed and
# carriage return (tab and carriage return are refused above anyway), DEL, C1 controls (U+0085 is
# refused as a line break) and the non-characters U+FFFE and U+FFFF. (A surrogate is not UTF-8:
# decoding refuses it.) tests/read/test_reader_agreement.py sweeps every code point to U+FFFF.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")  # begins with a byte, which the regex engine finds quickly
_NON_CHARACTERS = ("\ufffe", "\uffff")  # looked for in the text: quicker than their bytes, whose first is common
_FIRST_DASH = re.compile(r"\n( *)-")  # the root is a mapping: no entry stands on the first line
_ENTRY_START = re.compile(r"( +)[^\s#]")  # after the dash: spaces, then the entry's first key
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?=[ \t\r\n]|$)", re.MULTILINE)  # a key of the root mapping
_AMBIGUOUS_STARTS = TRAP_STARTS | {"~"}  # and null's "~": rapidyaml cannot say whether text was quoted
_NON_TEXT_KINDS = frozenset({"bool", "int", "float", "null"})


class Refused(Exception):
    """The quick reader cannot vouch for this file."""


@dataclass(frozen=True, slots=True)
class QuickRead:
    instance: dict[str, Any]
    entries: list[tuple[int, int]]  # (line, col) of each entry of the file's list, 1-based
    others: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # of each of its other
    # lists asked for (a plan's directions), by key


def read(raw: bytes, kind: Kind, list_key: str, *other_keys: str) -> QuickRead | None:
    """The instance of a clean file and where the entries of its list stand (and of its lists
    ``other_keys``, where it has them); None when it must be read exactly."""
    if _ryml() is None or _refused(raw):
        return None
    try:
        text = raw.decode("utf-8")
        if any(character in text for character in _NON_CHARACTERS):
            return None
        emitted = _emit_json(raw)
        instance = json.loads(emitted, object_pairs_hook=_mapping, parse_int=_integer, parse_float=_decimal,
                              parse_constant=_refuse)
        if not isinstance(instance, dict) or not matches_schema(kind, instance):
            return None
        if any(instance.get(key) and _flow_list(key).search(text) for key in (list_key, *other_keys)):
            raise Refused("a flow list: its entries stand on no lines of their own")
        if not any(key in instance for key in other_keys):
            return QuickRead(instance, _entry_positions(text, len(instance[list_key])))
        blocks = _top_level_blocks(text, instance)
        entries = _entry_positions(blocks[list_key][0], len(instance[list_key]), blocks[list_key][1])
        others = {key: _entry_positions(blocks[key][0], len(instance[key]), blocks[key][1])
                  for key in other_keys if key in instance}
    except (Refused, UnicodeDecodeError, ValueError):
        return None
    return QuickRead(instance, entries, others)


@functools.cache
def _flow_list(key: str) -> re.Pattern[str]:
    """``key: [``: a list written in flow style, whose entries the quick reader cannot locate (a
    quoted value's line that begins with "-" would pass for one)."""
    return re.compile(rf"^{re.escape(key)}:[ \t]*\[", re.MULTILINE)


def _top_level_blocks(text: str, instance: dict[str, Any]) -> dict[str, tuple[str, int]]:
    """Each top-level key's stretch of the text (from its line to the next key's) and the line
    breaks before it. Every key of the instance must start exactly one line, and no other line may
    look like a key: else the file is read exactly."""
    starts = [(found.start(), found.group(1)) for found in _TOP_LEVEL_KEY.finditer(text)]
    if sorted(key for _, key in starts) != sorted(instance):
        raise Refused("top-level keys not found one to a line")
    ends = [start for start, _ in starts[1:]] + [len(text)]
    return {key: ("\n" + text[start:end], text.count("\n", 0, start) - 1) for (start, key), end in zip(starts, ends, strict=True)}


def _refused(raw: bytes) -> bool:
    if raw.startswith(_REFUSED_STARTS) or any(byte in raw and refused in raw for byte, refused in _REFUSED_BYTES):
        return True
    if any(line_break in raw for line_break in AMBIGUOUS_LINE_BREAK_BYTES) or _has_control_character(raw):
        return True
    if (b"]" in raw or b"}" in raw) and _closer_at_value(raw):
        return True
    if b"." in raw and (_DOT_REFUSED.search(raw) or _number_ending_in_a_dot(raw)):
        return True
    return any(indicator in raw and pattern.search(raw) for indicator, pattern in _INDICATORS_AT_VALUE)


def _has_control_character(raw: bytes) -> bool:
    """Does ``raw`` hold a control character that libyaml refuses (see _CONTROL_BYTES)? Deleting the
    control bytes is one pass over the file, many times quicker than a search for a class of bytes."""
    if len(raw.translate(None, _CONTROL_BYTES)) != len(raw):
        return True
    return b"\xc2" in raw and _C1_CONTROL.search(raw) is not None


def _closer_at_value(raw: bytes) -> bool:
    """Is there a "]" or "}" right after ":" or "-" and spaces, where a value begins?"""
    for closer in _CLOSERS_AT_VALUE:
        for match in closer.finditer(raw):
            index = _back_over(raw, match.start(), b" \t")
            if index and raw[index - 1] in b":-":
                return True
    return False


def _number_ending_in_a_dot(raw: bytes) -> bool:
    """Is there a value made of a sign, digits and a final dot ("90.")?"""
    for match in _TRAILING_DOT.finditer(raw):
        index = _back_over(raw, match.start(), b"0123456789")
        index = _back_over(raw, index, b"+-", most=1)
        if not index or raw[index - 1] in _VALUE_START:
            return True
    return False


def _back_over(raw: bytes, index: int, skipped: bytes, most: int | None = None) -> int:
    """Where ``raw`` stands once the ``skipped`` bytes before ``index`` (at most ``most``) are passed over."""
    start = 0 if most is None else max(0, index - most)
    while index > start and raw[index - 1] in skipped:
        index -= 1
    return index


@functools.cache
def _ryml() -> Any:
    try:
        import ryml  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - rapidyaml is a dependency; without it every file is read exactly
        return None
    return ryml


def _emit_json(raw: bytes) -> str:
    ryml = _ryml()
    try:
        with _stderr_silenced():
            tree = ryml.parse_in_arena(raw)
            emitted = _emitted(ryml, tree)
    except Exception as error:  # rapidyaml raises its own exception types for bad YAML
        raise Refused from error
    if not emitted:
        raise Refused("an empty document")
    return emitted


output_buffer = bytearray(1 << 16)  # rapidyaml's JSON, written here: emit_json_malloc never frees what it allocates


def _emitted(ryml: Any, tree: Any) -> str:
    global output_buffer
    failed, size = ryml.emit_json_to_substr(tree, tree.root_id(), output_buffer)
    if failed:
        output_buffer = bytearray(max(size, 2 * len(output_buffer)))
        failed, size = ryml.emit_json_to_substr(tree, tree.root_id(), output_buffer)
    return output_buffer[:size].decode("utf-8")


@contextlib.contextmanager
def _stderr_silenced() -> Iterator[None]:
    """rapidyaml prints every parse error to the process's stderr before raising it: a refused
    file must not leave C++ messages in planaudit's output."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr to protect
        yield
        return
    try:
        os.dup2(_devnull(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@functools.cache
def _devnull() -> int:
    return os.open(os.devnull, os.O_WRONLY)


def _integer(text: str) -> int:
    # JSON's grammar has already refused what planaudit reads otherwise (010, +5, 0x1F);
    # a longer number is text to the exact reader, which the schema then refuses.
    if len(text) > MAX_DIGITS:
        raise Refused(text)
    return int(text)


def _decimal(text: str) -> Decimal:
    if "e" in text or "E" in text or len(text) > MAX_DIGITS:  # exponents are text to the exact reader
        raise Refused(text)
    return Decimal(text)


def _refuse(text: str) -> Any:
    raise Refused(text)


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A mapping as json.loads reads it; refused when a key repeats (json.loads would keep the last
    silently) or a value is text that, written plain, would be something else (see _ambiguous)."""
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise Refused("a repeated key")  # which the exact reader reports where it stands
    _refuse_ambiguous_in(mapping.values())
    return mapping


def _refuse_ambiguous_in(values: Iterable[Any]) -> None:
    """Check the strings among the values, and in their lists (each mapping is checked as it is read)."""
    for value in values:
        if type(value) is str:
            if not value or (value[0] in _AMBIGUOUS_STARTS and _ambiguous(value)):
                raise Refused(value)
        elif type(value) is list:
            _refuse_ambiguous_in(value)


def _ambiguous(text: str) -> bool:
    """Would planaudit or a YAML 1.1 tool read this text, written plain, as a non-string? rapidyaml
    cannot say whether it was quoted."""
    return _yaml11_kind(text) in _NON_TEXT_KINDS


@functools.lru_cache(maxsize=4096)
def _yaml11_kind(text: str) -> str:
    from planaudit.read.yamltree import Scalar

    return Scalar(text, False, 1, 1).yaml11_kind()


def _entry_positions(text: str, expected: int, lines_before: int = 0) -> list[tuple[int, int]]:
    """Line and column of each entry of the file's list: each line that begins, at the first entry's
    indentation, with ``-``, one or more spaces and a value. Every such line must be an entry:
    their number must be the list's length. (Splitting at them, rather than matching a pattern
    along the text, takes a fifth of the time: the regex engine looks at every character.)
    ``text`` may be a stretch of the file that ``lines_before`` line breaks precede."""
    first = _FIRST_DASH.search(text)
    if first is None:
        if expected:
            raise Refused("entries not found in the text")
        return []
    indent = first.group(1)
    before, *entries = text.split("\n" + indent + "-")
    starts = list(map(_ENTRY_START.match, entries))
    if len(entries) != expected or not all(starts):
        raise Refused("entries not found in the text")
    # An entry's line: the line breaks before it (in the text before the first entry and in each
    # entry before it, and the one that ends each line before an entry), plus one.
    breaks = itertools.accumulate(map(str.count, entries[:-1], itertools.repeat("\n")), initial=before.count("\n"))
    lines = [lines_before + line_breaks + index + 2 for index, line_breaks in enumerate(breaks)]
    columns = [len(indent) + 2 + start.end(1) for start in starts if start is not None]
    return list(zip(lines, columns, strict=True))
