"""Reporters by name: the table that also feeds the CLI's --format choices and -o's file endings."""

from __future__ import annotations

from pathlib import Path

from .base import Reporter
from .csv_report import CsvReporter
from .github import GithubReporter
from .json_report import JsonReporter
from .junit import JunitReporter
from .markdown import MarkdownReporter
from .sarif import SarifReporter
from .table import TableReporter

REPORTERS: dict[str, type[Reporter]] = {
    cls.name: cls
    for cls in (TableReporter, MarkdownReporter, JsonReporter, CsvReporter, JunitReporter, GithubReporter, SarifReporter)
}
BY_SUFFIX: dict[str, type[Reporter]] = {suffix: cls for cls in REPORTERS.values() for suffix in cls.suffixes}


def reporter_for_file(path: Path) -> type[Reporter] | None:
    """The reporter that a file's ending chooses: .md .json .csv .xml .sarif."""
    return BY_SUFFIX.get(path.suffix.lower())


__all__ = ["BY_SUFFIX", "REPORTERS", "Reporter", "reporter_for_file"]
