"""Which entry of a data file a line is in, named by what identifies the entry rather than by where
it is: ``targets[id=gdp-growth]``, ``figures[metric=gdp.growth,scope=urban]``,
``metrics.gdp.growth``, ``jurisdiction``. A problem keeps that name when lines are added above it,
so two revisions' problems can be matched by it (:mod:`planaudit.check.introduced`).

Read from the text line by line, so that a file YAML cannot parse still has entries: a top-level
key starts at column 0; the entries under it are the lines at the indentation of its first child —
``- `` items of a list (named by their ``id``, else by the fields that identify a figure), or the
keys of a mapping (named by the key).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

_TOP_KEY = re.compile(r"""^(?:"([^"]*)"|'([^']*)'|([^\s#'"\-?:][^:#]*?))[ \t]*:(?:[ \t]|$)""")
_CHILD = re.compile(r"""^([ \t]*)(?:(-)(?:[ \t]|$)|(?:"([^"]*)"|'([^']*)'|([^\s#'"\-][^:#]*?))[ \t]*:(?:[ \t]|$))""")
_FIELD = re.compile(r"""^[ \t]*(?:-[ \t]+)?([a-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*(?:#.*)?$""")
_FLOW_FIELD = re.compile(r"""[{,][ \t]*([a-z_]+)[ \t]*:[ \t]*([^,}]*?)[ \t]*(?=[,}])""")
IDENTIFYING = ("metric", "scope", "as_of", "aggregate", "of_target", "basis")  # a figure's, as diff pairs them


def entry_at(text: str, line: int) -> str | None:
    """The name of the entry that line ``line`` (1-based) of ``text`` is in; None when the line is
    before every top-level key, past the end, or in a list entry with nothing that identifies it.
    The exact path, reading around the one line; :func:`line_entries` names every line at once."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    top = next(((index, key) for index in range(line - 1, -1, -1) if (key := _top_key(lines[index])) is not None), None)
    if top is None:
        return None
    start, key = top
    end = next((index for index in range(start + 1, len(lines)) if _top_key(lines[index]) is not None), len(lines))
    children = [(index, found) for index in range(start + 1, end) if (found := _CHILD.match(lines[index]))]
    if not children or line - 1 == start:
        return key
    indent = children[0][1].group(1)
    starts = [(index, found) for index, found in children if found.group(1) == indent]
    inside = [(index, found) for index, found in starts if index <= line - 1]
    if not inside:
        return key
    index, found = inside[-1]
    following = next((later for later, _ in starts if later > index), end)
    return _entry_name(key, found, lines[index:following])


def _top_key(text: str) -> str | None:
    found = _TOP_KEY.match(text)
    return None if found is None else _unquoted(*found.groups())


def _unquoted(*alternatives: str | None) -> str:
    return next(value for value in alternatives if value is not None).strip()


def _fields(lines: list[str]) -> dict[str, str]:
    """The scalar fields of a list entry, at its own indentation (``- key: value`` and ``  key: value``
    lines, or ``- {key: value, …}``)."""
    fields: dict[str, str] = {}
    flow = lines[0].lstrip()[1:].strip()
    if flow.startswith("{"):
        for name, value in _FLOW_FIELD.findall(flow):
            fields.setdefault(name, value.strip("'\""))
        return fields
    keyed = [text for text in lines if text.strip() and not text.lstrip(" \t-").startswith("#")]
    indent = _indentation(keyed[0]) if flow else _indentation(keyed[1]) if len(keyed) > 1 else -1
    for text in lines:
        found = _FIELD.match(text)
        if found is not None and _indentation(text) == indent:
            fields.setdefault(found.group(1), found.group(2).strip("'\""))
    return fields


def _indentation(text: str) -> int:
    """The column a line's key starts at: past its indentation, and past a ``- `` that starts an entry."""
    stripped = text.lstrip(" \t")
    column = len(text) - len(stripped)
    if stripped.startswith("-"):
        column += 1 + len(stripped[1:]) - len(stripped[1:].lstrip(" \t"))
    return column


def _named(key: str, fields: dict[str, str]) -> str | None:
    if fields.get("id"):
        return f"{key}[id={fields['id']}]"
    named = [f"{name}={fields[name]}" for name in IDENTIFYING if fields.get(name)]
    return f"{key}[{','.join(named)}]" if named else None


def line_entries(text: str) -> tuple[str | None, ...]:
    """The entry of every line of ``text`` (index 0 is line 1), read in one pass: what
    :func:`entry_at` says of each line, without reading the file again for each."""
    lines = text.split("\n")
    named: list[str | None] = [None] * len(lines)
    tops = [index for index, text_line in enumerate(lines) if _top_key(text_line) is not None]
    for start, end in itertools.pairwise([*tops, len(lines)]):
        key = _top_key(lines[start])
        assert key is not None
        named[start:end] = _segment_entries(lines, start, end, key)
    return tuple(named)


def _segment_entries(lines: list[str], start: int, end: int, key: str) -> list[str | None]:
    """The entries of the lines ``start``..``end`` (exclusive) of one top-level key."""
    entries: list[str | None] = [key] * (end - start)
    children = [(index, found) for index in range(start + 1, end) if (found := _CHILD.match(lines[index]))]
    if not children:
        return entries
    indent = children[0][1].group(1)
    starts = [(index, found) for index, found in children if found.group(1) == indent]
    bounds = [index for index, _ in starts] + [end]
    for (index, found), following in zip(starts, bounds[1:], strict=True):
        entries[index - start:following - start] = [_entry_name(key, found, lines[index:following])] * (following - index)
    return entries


def _entry_name(key: str, found: re.Match[str], lines: list[str]) -> str | None:
    if found.group(2) is None:  # a mapping's key
        return f"{key}.{_unquoted(found.group(3), found.group(4), found.group(5))}"
    return _named(key, _fields(lines))


class Entries:
    """The entries of a repository's files at one revision, each file read once, by its path
    relative to the repository (a problem's path). Only regular files inside ``root`` are read."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._entries: dict[str, tuple[str | None, ...]] = {}

    def entry(self, path: str, line: int) -> str | None:
        """What :func:`entry_at` says of the file's line; each file read and named once."""
        if path not in self._entries:
            text = text_inside(self.root, path)
            self._entries[path] = () if text is None else line_entries(text)
        entries = self._entries[path]
        return entries[line - 1] if 1 <= line <= len(entries) else None


def text_inside(root: Path, path: str) -> str | None:
    """The text of the regular file ``path`` inside the folder ``root`` (resolved), its lines ended by
    "\n"; None for a link, a file outside ``root``, a folder, or one that cannot be read."""
    file = root / path
    try:
        if file.is_symlink() or not file.resolve().is_relative_to(root) or not file.is_file():
            return None
        return file.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
    except (OSError, ValueError):
        return None
