"""The registry of output formats: the one table that every command's --format choices, -o's file
endings and the reporters themselves are read from — `check`'s, `diff`'s and `coverage`'s alike.

A format is one module of this package with its reporter class (see :mod:`planaudit.report.base`),
and one line here. Each module is imported when its format is first asked for, so that a run loads
only the formats it writes (and start-up stays quick): that is why this table, not the classes,
says each format's name, endings, whether programs read it, and the command it serves.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planaudit.report.base import BaseReporter, CoverageReporter, DiffReporter, ProgressReporter, Reporter

CHECK, DIFF, COVERAGE, PROGRESS, COMPARE = "check", "diff", "coverage", "progress", "compare"  # the commands that
# write reports


@dataclass(frozen=True)
class Format:
    name: str  # for --format
    module: str  # the module of this package that holds it
    cls: str  # its reporter class
    suffixes: tuple[str, ...] = ()  # the file endings that choose it for -o
    for_programs: bool = False  # read by programs: it keeps workflow commands inert in its own text (see
    # planaudit.report.workflow) and is never wrapped in stop-commands on a CI log
    binary: bool = False  # bytes (a workbook): written to a file with -o, never offered to --format
    command: str = CHECK  # the command it serves: check (and export), diff, coverage or progress


TABLE: list[Format] = [
    Format("table", "table", "TableReporter"),
    Format("markdown", "markdown", "MarkdownReporter", (".md",)),
    Format("json", "json_report", "JsonReporter", (".json",), for_programs=True),
    Format("csv", "csv_report", "CsvReporter", (".csv",), for_programs=True),
    Format("junit", "junit", "JunitReporter", (".xml",), for_programs=True),
    Format("github", "github", "GithubReporter", for_programs=True),
    Format("sarif", "sarif", "SarifReporter", (".sarif",), for_programs=True),
    Format("xlsx", "xlsx_report", "XlsxReporter", (".xlsx",), for_programs=True, binary=True),
    Format("table", "diff_table", "DiffTableReporter", command=DIFF),
    Format("markdown", "diff_markdown", "DiffMarkdownReporter", (".md",), command=DIFF),
    Format("json", "diff_json", "DiffJsonReporter", (".json",), for_programs=True, command=DIFF),
    Format("github", "diff_github", "DiffGithubReporter", for_programs=True, command=DIFF),
    Format("sarif", "diff_sarif", "DiffSarifReporter", (".sarif",), for_programs=True, command=DIFF),
    Format("table", "coverage_table", "CoverageTableReporter", command=COVERAGE),
    Format("markdown", "coverage_markdown", "CoverageMarkdownReporter", (".md",), command=COVERAGE),
    Format("json", "coverage_json", "CoverageJsonReporter", (".json",), for_programs=True, command=COVERAGE),
    Format("table", "progress_table", "ProgressTableReporter", command=PROGRESS),
    Format("markdown", "progress_markdown", "ProgressMarkdownReporter", (".md",), command=PROGRESS),
    Format("json", "progress_json", "ProgressJsonReporter", (".json",), for_programs=True, command=PROGRESS),
    Format("csv", "progress_csv", "ProgressCsvReporter", (".csv",), for_programs=True, command=PROGRESS),
    Format("junit", "progress_junit", "ProgressJunitReporter", (".xml",), for_programs=True, command=PROGRESS),
    Format("github", "progress_github", "ProgressGithubReporter", for_programs=True, command=PROGRESS),
    Format("xlsx", "progress_xlsx", "ProgressXlsxReporter", (".xlsx",), for_programs=True, binary=True, command=PROGRESS),
    Format("table", "compare_table", "CompareTableReporter", command=COMPARE),
    Format("markdown", "compare_markdown", "CompareMarkdownReporter", (".md",), command=COMPARE),
    Format("json", "compare_json", "CompareJsonReporter", (".json",), for_programs=True, command=COMPARE),
    Format("csv", "compare_csv", "CompareCsvReporter", (".csv",), for_programs=True, command=COMPARE),
    Format("xlsx", "compare_xlsx", "CompareXlsxReporter", (".xlsx",), for_programs=True, binary=True, command=COMPARE),
]


def register(found: Format) -> None:
    """Add a format to the registry (before the command line is built, to be offered there)."""
    TABLE.append(found)


def formats(command: str = CHECK) -> list[Format]:
    """The formats of ``command``, in the table's order."""
    return [found for found in TABLE if found.command == command]


def format_named(name: str, command: str = CHECK) -> Format:
    """The format ``name`` of ``command``; KeyError when there is none."""
    for found in formats(command):
        if found.name == name:
            return found
    raise KeyError(name)


def reporter_class(name: str, command: str = CHECK) -> type[Any]:
    """The reporter class of the format ``name`` of ``command``, its module imported now."""
    found = format_named(name, command)
    return getattr(importlib.import_module(f".{found.module}", __name__), found.cls)  # type: ignore[no-any-return]


def by_suffix(command: str = CHECK) -> dict[str, str]:
    """A file ending → the name of the format of ``command`` it chooses."""
    return {suffix: found.name for found in formats(command) for suffix in found.suffixes}


def stream_formats(command: str = CHECK) -> list[str]:
    """The formats --format offers: every one that is text."""
    return [found.name for found in formats(command) if not found.binary]


def for_programs(name: str, command: str = CHECK) -> bool:
    """Is the format ``name`` read by programs? Known without importing it."""
    return format_named(name, command).for_programs


def reporter_for_file(path: Path, command: str = CHECK) -> type[Any] | None:
    """The reporter that a file's ending chooses (see :func:`by_suffix`)."""
    name = by_suffix(command).get(path.suffix.lower())
    return None if name is None else reporter_class(name, command)


def endings_text(command: str = CHECK) -> str:
    """The endings -o understands, with their formats: ".md (markdown), .json (json), …"."""
    return ", ".join(f"{suffix} ({name})" for suffix, name in by_suffix(command).items())


__all__ = ["CHECK", "COMPARE", "COVERAGE", "DIFF", "PROGRESS", "TABLE", "BaseReporter", "CoverageReporter", "DiffReporter",
           "Format", "ProgressReporter",
           "Reporter", "by_suffix", "endings_text", "for_programs", "format_named", "formats", "register",
           "reporter_class", "reporter_for_file", "stream_formats"]
