"""The registry of output formats: the one table that the CLI's --format choices, -o's file endings
and the reporters themselves are read from (and its like for `planaudit diff`'s formats).

A format is one module of this package with its Reporter class, and one line here. Each module is
imported when its format is first asked for, so that a run loads only the formats it writes (and
start-up stays quick): that is why this table, not the classes, says each format's name, endings
and whether programs read it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from planaudit.report.base import CoverageReporter, DiffReporter, Part, Reporter

T = TypeVar("T")


@dataclass(frozen=True)
class Format:
    name: str  # for --format
    module: str  # the module of this package that holds it
    cls: str  # its Reporter class
    suffixes: tuple[str, ...] = ()  # the file endings that choose it for -o
    for_programs: bool = False  # read by programs: it keeps workflow commands inert in its own text (see
    # planaudit.report.workflow) and is never wrapped in stop-commands on a CI log
    binary: bool = False  # bytes (a workbook): written to a file with -o, never offered to --format


FORMATS: list[Format] = []
_BY_NAME: dict[str, Format] = {}
BY_SUFFIX: dict[str, str] = {}  # a file ending → the name of the format it chooses


def register(found: Format) -> None:
    """Add a format to the registry (before the command line is built, to be offered there)."""
    FORMATS.append(found)
    _BY_NAME[found.name] = found
    BY_SUFFIX.update(dict.fromkeys(found.suffixes, found.name))


for _format in (
    Format("table", "table", "TableReporter"),
    Format("markdown", "markdown", "MarkdownReporter", (".md",)),
    Format("json", "json_report", "JsonReporter", (".json",), for_programs=True),
    Format("csv", "csv_report", "CsvReporter", (".csv",), for_programs=True),
    Format("junit", "junit", "JunitReporter", (".xml",), for_programs=True),
    Format("github", "github", "GithubReporter", for_programs=True),
    Format("sarif", "sarif", "SarifReporter", (".sarif",), for_programs=True),
    Format("xlsx", "xlsx_report", "XlsxReporter", (".xlsx",), for_programs=True, binary=True),
):
    register(_format)


# `planaudit diff`'s formats: a module of this package each, by name.
DIFF_FORMATS: list[Format] = [
    Format("table", "diff_table", "DiffTableReporter"),
    Format("markdown", "diff_markdown", "DiffMarkdownReporter", (".md",)),
    Format("json", "diff_json", "DiffJsonReporter", (".json",), for_programs=True),
    Format("github", "diff_github", "DiffGithubReporter", for_programs=True),
]


# `planaudit coverage`'s formats, likewise.
COVERAGE_FORMATS: list[Format] = [
    Format("table", "coverage_table", "CoverageTableReporter"),
    Format("markdown", "coverage_markdown", "CoverageMarkdownReporter", (".md",)),
    Format("json", "coverage_json", "CoverageJsonReporter", (".json",), for_programs=True),
]


class _Reporters(Mapping[str, T]):
    """Reporter classes by format name, each module imported when its format is first asked for."""

    def __init__(self, formats: dict[str, Format]) -> None:
        self.formats = formats

    def __getitem__(self, name: str) -> T:
        found = self.formats[name]
        return getattr(importlib.import_module(f".{found.module}", __name__), found.cls)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(self.formats)

    def __len__(self) -> int:
        return len(self.formats)


REPORTERS: Mapping[str, type[Reporter]] = _Reporters(_BY_NAME)
DIFF_BY_NAME: dict[str, Format] = {found.name: found for found in DIFF_FORMATS}
DIFF_BY_SUFFIX: dict[str, str] = {suffix: found.name for found in DIFF_FORMATS for suffix in found.suffixes}
DIFF_REPORTERS: Mapping[str, type[DiffReporter]] = _Reporters(DIFF_BY_NAME)
COVERAGE_BY_NAME: dict[str, Format] = {found.name: found for found in COVERAGE_FORMATS}
COVERAGE_REPORTERS: Mapping[str, type[CoverageReporter]] = _Reporters(COVERAGE_BY_NAME)


def stream_formats() -> list[str]:
    """The formats --format offers: every one that is text."""
    return [found.name for found in FORMATS if not found.binary]


def for_programs(name: str) -> bool:
    """Is the format ``name`` read by programs? Known without importing it."""
    return _BY_NAME[name].for_programs


def reporter_for_file(path: Path) -> type[Reporter] | None:
    """The reporter that a file's ending chooses (see :data:`BY_SUFFIX`)."""
    name = BY_SUFFIX.get(path.suffix.lower())
    return None if name is None else REPORTERS[name]


def endings_text() -> str:
    """The endings -o understands, with their formats: ".md (markdown), .json (json), …"."""
    return ", ".join(f"{suffix} ({name})" for suffix, name in BY_SUFFIX.items())


def diff_endings_text() -> str:
    """The endings `diff -o` understands, with their formats: ".md (markdown), .json (json)"."""
    return ", ".join(f"{suffix} ({name})" for suffix, name in DIFF_BY_SUFFIX.items())


__all__ = ["BY_SUFFIX", "COVERAGE_BY_NAME", "COVERAGE_FORMATS", "COVERAGE_REPORTERS", "CoverageReporter",
           "DIFF_BY_NAME", "DIFF_BY_SUFFIX", "DIFF_FORMATS", "DIFF_REPORTERS", "DiffReporter", "FORMATS", "Format",
           "Part", "REPORTERS", "Reporter", "diff_endings_text", "endings_text", "for_programs", "register",
           "reporter_for_file", "stream_formats"]
