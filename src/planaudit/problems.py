"""Problems found in a data repository: where, what kind, and what to do about it."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .text import printable


class Code(enum.Enum):
    """Every kind of problem ``planaudit`` reports, by its stable code."""

    YAML_SYNTAX = "yaml-syntax"
    DUPLICATE_KEY = "duplicate-key"
    ALIAS = "alias"
    TAG = "tag"
    ENCODING = "encoding"
    AMBIGUOUS_LINE_BREAK = "ambiguous-line-break"
    TOO_DEEP = "too-deep"
    SCHEMA = "schema"
    YAML11 = "yaml11-trap"
    PATH_MISMATCH = "path-mismatch"
    OUTSIDE_REPOSITORY = "outside-repository"
    NOT_A_REGULAR_FILE = "not-a-regular-file"
    DUPLICATE_ID = "duplicate-id"
    DUPLICATE_FIGURE = "duplicate-figure"
    UNKNOWN_METRIC = "unknown-metric"
    UNASSIGNED_METRIC = "unassigned-metric"
    UNKNOWN_RULE = "unknown-rule"
    VALUE_MISSING = "value-missing"
    VALUE_FORBIDDEN = "value-forbidden"
    UNIT = "unit"
    EXPRESSION = "expression"
    UNKNOWN_NAME = "unknown-name"
    CYCLE = "cycle"

    def __lt__(self, other: Code) -> bool:
        """By code, so that two problems at one place sort (and print) in a stable order."""
        return self.value < other.value


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    code: Code
    message: str

    def __str__(self) -> str:
        return printable(f"{self.path}:{self.line}:{self.col}: {self.code.value} {self.message}")
