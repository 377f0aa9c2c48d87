"""Reporters by name: the table that also feeds the CLI's --format choices and -o's file endings.

Each reporter's module is imported when it is first asked for, so that a run loads only the
formats it writes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path

from .base import Reporter

# name → (module, class, file endings that choose it for -o, whether programs read it: such a format keeps
# workflow commands inert in its own text, and is never wrapped in stop-commands on a CI log)
_TABLE: dict[str, tuple[str, str, tuple[str, ...], bool]] = {
    "table": ("table", "TableReporter", (), False),
    "markdown": ("markdown", "MarkdownReporter", (".md",), False),
    "json": ("json_report", "JsonReporter", (".json",), True),
    "csv": ("csv_report", "CsvReporter", (".csv",), True),
    "junit": ("junit", "JunitReporter", (".xml",), True),
    "github": ("github", "GithubReporter", (), True),
    "sarif": ("sarif", "SarifReporter", (".sarif",), True),
}


class _Reporters(Mapping[str, type[Reporter]]):
    def __getitem__(self, name: str) -> type[Reporter]:
        module, cls, _, _ = _TABLE[name]
        return getattr(importlib.import_module(f".{module}", __name__), cls)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(_TABLE)

    def __len__(self) -> int:
        return len(_TABLE)


REPORTERS: Mapping[str, type[Reporter]] = _Reporters()
BY_SUFFIX: dict[str, str] = {suffix: name for name, (_, _, suffixes, _) in _TABLE.items() for suffix in suffixes}


def for_programs(name: str) -> bool:
    """Is the format ``name`` read by programs (see :mod:`planaudit.workflow`)? Known without
    importing it."""
    return _TABLE[name][3]


def reporter_for_file(path: Path) -> type[Reporter] | None:
    """The reporter that a file's ending chooses: .md .json .csv .xml .sarif."""
    name = BY_SUFFIX.get(path.suffix.lower())
    return None if name is None else REPORTERS[name]


__all__ = ["BY_SUFFIX", "REPORTERS", "Reporter", "for_programs", "reporter_for_file"]
