"""Problems found in a data repository: where, what kind, and what to do about it."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from planaudit.messages import Message, msg, printable


class Severity(enum.Enum):
    """An error: the data cannot be read or judged as written, and blocks what it is in. A
    warning: the data can be judged as written, but is probably not what was meant."""

    ERROR = "error"
    WARNING = "warning"


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
    SYMBOLIC_LINK = "symbolic-link"
    FILE_TOO_LARGE = "file-too-large"
    BAD_REVISION = "bad-revision"
    DUPLICATE_ID = "duplicate-id"
    DUPLICATE_FIGURE = "duplicate-figure"
    DUPLICATE_TARGET = "duplicate-target"
    UNKNOWN_METRIC = "unknown-metric"
    UNASSIGNED_METRIC = "unassigned-metric"
    UNKNOWN_RULE = "unknown-rule"
    VALUE_MISSING = "value-missing"
    VALUE_FORBIDDEN = "value-forbidden"
    UNIT = "unit"
    EXPRESSION = "expression"
    UNKNOWN_NAME = "unknown-name"
    CYCLE = "cycle"
    UNKNOWN_SCOPE = "unknown-scope"
    VALUE_NOT_IN_QUOTE = "value-not-in-quote"
    PERCENT_AS_RATIO = "percent-as-ratio"
    RATIO_AS_PERCENT = "ratio-as-percent"
    UNUSED_FIGURE = "unused-figure"
    UNKNOWN_TARGET = "unknown-target"
    UNKNOWN_DOCUMENT = "unknown-document"
    JUDGED_WITHOUT_NOTE = "judged-without-note"
    PERIOD_YEAR = "period-year"  # a period plan's year outside its period (a base not before it)

    @property
    def severity(self) -> Severity:
        return Severity.WARNING if self in _WARNINGS else Severity.ERROR

    def __lt__(self, other: Code) -> bool:
        """By code, so that two problems at one place sort (and print) in a stable order."""
        return self.value < other.value


_WARNINGS = frozenset({Code.YAML11, Code.PERCENT_AS_RATIO, Code.RATIO_AS_PERCENT, Code.UNUSED_FIGURE,
                       Code.UNKNOWN_TARGET, Code.DUPLICATE_TARGET, Code.JUDGED_WITHOUT_NOTE})


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """A problem at a place. ``said`` is what it says (a wording and its parameters, rendered in the
    run's language when it is shown); ``message`` is that in English — what programs read (JSON, the
    cache) and what problems sort by. Give either: ``Problem(path, line, col, code, said=msg(…))``."""

    path: str
    line: int
    col: int
    code: Code
    message: str = ""
    # how many problems of its code in its file this one stands for: itself and the like ones past it that
    # were counted, not described (a file of 500,000 bad entries; see read/structure.py); capped() counts them
    stands_for: int = field(default=1, compare=False)
    said: Message | None = field(default=None, compare=False, repr=False)
    level: Severity | None = field(default=None, compare=False)  # planaudit.yaml's, for its code; else the code's own

    def __post_init__(self) -> None:
        if self.said is not None and not self.message:
            object.__setattr__(self, "message", self.said.render("en"))

    def __str__(self) -> str:
        return printable(f"{self.path}:{self.line}:{self.col}: {self.code.value} {self.message}")

    def words(self, lang: str = "en") -> str:
        """What the problem says, in ``lang``."""
        return self.message if lang == "en" or self.said is None else self.said.render(lang)

    def text(self, lang: str = "en", folder: str = "") -> str:
        """The problem's line, ``path:line:col: code message``, in ``lang``; the path from the top of
        the data's git repository (``folder``, where the data is in it: "data/")."""
        return printable(f"{folder}{self.path}:{self.line}:{self.col}: {self.code.value} {self.words(lang)}")

    @property
    def severity(self) -> Severity:
        return self.level or self.code.severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class Level(enum.Enum):
    """What planaudit.yaml's ``problems:`` may make of a warning's code (an error's cannot be changed:
    it keeps the data from being read or judged as written)."""

    ERROR = "error"  # listed as an error: `validate` fails on it
    WARNING = "warning"
    DISABLE = "disable"  # never listed, never counted


WARNING_CODES = tuple(code for code in Code if code.severity is Severity.WARNING)


def leveled(problems: Iterable[Problem], levels: Mapping[Code, Level]) -> Iterator[Problem]:
    """``problems`` as planaudit.yaml's ``problems:`` levels them: a disabled code's left out, a
    warning made an error where it says so."""
    for problem in problems:
        level = levels.get(problem.code)
        if level is Level.DISABLE:
            continue
        if level is Level.ERROR and problem.code.severity is Severity.WARNING:
            problem = replace(problem, level=Severity.ERROR)
        yield problem


def not_disabled(problems: Iterable[Problem], levels: Mapping[Code, Level]) -> list[Problem]:
    """``problems`` but those of a code planaudit.yaml disables: what `check`, `export` and `diff`
    list (a warning made an error there still judges as written: only `validate` fails on it)."""
    return [problem for problem in problems if levels.get(problem.code) is not Level.DISABLE]


def sort_key(problem: Problem) -> tuple[str, int, int, str, str]:
    """The order of problems (where, then code, then message) as a plain tuple: sorting many by it
    compares in C, not through the dataclass's own comparison."""
    return problem.path, problem.line, problem.col, problem.code.value, problem.message


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that block what they are in."""
    return [problem for problem in problems if problem.is_error]


def found(problems: Sequence[Problem]) -> Message:
    """"2 errors and 1 warning found", "no problems found": the line under a list of problems."""
    errors_found = len(errors(problems))
    return found_counts(errors_found, len(problems) - errors_found)


def found_counts(errors_found: int, warned: int) -> Message:
    """:func:`found` of a list of problems that holds so many errors and warnings."""
    if not errors_found and not warned:
        return msg("no problems found")
    parts = []
    if errors_found:
        parts.append(msg("{count} error", count=1) if errors_found == 1 else msg("{count} errors", count=errors_found))
    if warned:
        parts.append(msg("{count} warning", count=1) if warned == 1 else msg("{count} warnings", count=warned))
    counts = parts[0] if len(parts) == 1 else msg("{errors} and {warnings}", errors=parts[0], warnings=parts[1])
    return msg("{counts} found", counts=counts)


MAX_PER_CODE = 100  # problems of one code in one file that are listed; the rest are counted


def capped(problems: list[Problem]) -> list[Problem]:
    """``problems`` sorted, with at most MAX_PER_CODE of one code in one file: past that, one more
    line, at the first one left out, says how many more there are."""
    listed: list[Problem] = []
    counts: dict[tuple[str, Code], int] = {}
    first_left_out: dict[tuple[str, Code], Problem] = {}
    for problem in sorted(problems, key=sort_key):
        key = (problem.path, problem.code)
        counts[key] = counts.get(key, 0) + problem.stands_for
        if counts[key] <= MAX_PER_CODE:
            listed.append(problem)
        else:
            first_left_out.setdefault(key, problem)
    for key, problem in first_left_out.items():
        more = counts[key] - MAX_PER_CODE
        said = msg("and {count} more {code} problem in this file", count=more, code=problem.code.value) if more == 1 else \
            msg("and {count} more {code} problems in this file", count=more, code=problem.code.value)
        listed.append(Problem(problem.path, problem.line, problem.col, problem.code, said=said))
    return sorted(listed)
