"""How `planaudit validate` lists problems: text, json or GitHub workflow commands."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from planaudit.messages import msg
from planaudit.model.problems import Problem, found, found_counts
from planaudit.read.text import printable
from planaudit.report import jsontext
from planaudit.report.jsontext import Writable


class Tally:
    """How many errors and warnings a list of problems written so far holds."""

    def __init__(self) -> None:
        self.errors = 0
        self.warnings = 0

    def count(self, problem: Problem) -> Problem:
        if problem.is_error:
            self.errors += 1
        else:
            self.warnings += 1
        return problem


class Unlisted:
    """The warnings left out of a list of problems (--no-warnings), counted as they stream past."""

    def __init__(self) -> None:
        self.warnings = 0

    def errors(self, problems: Iterable[Problem]) -> Iterator[Problem]:
        """The errors of ``problems``, in order; each warning counted, not given."""
        for problem in problems:
            if problem.is_error:
                yield problem
            else:
                self.warnings += 1


def write_text(problems: Iterable[Problem], lang: str, out: Writable, unlisted: Unlisted | None = None, *,
               folder: str = "") -> Tally:
    """Each problem a line, then how many were found — and how many warnings were not listed
    (``unlisted``, --no-warnings): "no problems found" is never said of a repository that has some.
    Paths from the top of the git repository: ``folder`` is where the data is in it."""
    tally = Tally()
    for problem in problems:
        out.write(tally.count(problem).text(lang, folder) + "\n")
    hidden = 0 if unlisted is None else unlisted.warnings
    if not hidden:
        out.write(found_counts(tally.errors, tally.warnings).render(lang) + "\n")
    elif tally.errors:
        out.write(msg("{found}; {hidden} warnings not listed (--no-warnings)",
                      found=found_counts(tally.errors, 0), hidden=hidden).render(lang) + "\n")
    else:
        out.write(msg("no errors found; {hidden} warnings not listed (--no-warnings)", hidden=hidden).render(lang) + "\n")
    return tally


def write_json(problems: Iterable[Problem], lang: str, out: Writable, *, folder: str = "") -> Tally:
    """For programs: each message in English, whatever ``lang``; written as the problems come, a
    thousand at a time (the text of ``{"problems": [...]}`` as :func:`jsontext.dumps` writes it)."""
    tally = Tally()
    head, tail = jsontext.around_last_list({"problems": []})
    out.write(head)
    listed = jsontext.ListWriter(out, depth=2)
    for batch in _batches(problems, 1000):
        listed.add(jsontext.items([problem_data(tally.count(problem), folder) for problem in batch], depth=2))
    listed.close()
    out.write(tail)
    return tally


def _batches(values: Iterable[Problem], size: int) -> Iterator[tuple[Problem, ...]]:
    iterator = iter(values)
    while batch := tuple(itertools.islice(iterator, size)):
        yield batch


def problem_data(problem: Problem, folder: str = "") -> dict[str, object]:
    """A problem as JSON gives it: its file (from the top of the git repository: ``folder`` is where
    the data is in it), line, column, code, severity and message."""
    return {"file": folder + problem.path, "line": problem.line, "col": problem.col, "code": problem.code.value,
            "severity": problem.severity.value, "message": problem.message}


def write_github(problems: Iterable[Problem], lang: str, out: Writable, *, folder: str = "") -> Tally:
    """GitHub Actions workflow commands: each problem annotates its file and line (its path the git
    repository's: ``folder``, where the data is in it, before it)."""
    tally = Tally()
    for problem in problems:
        tally.count(problem)
        out.write(f"::{problem.severity.value} file={escape_property(folder + problem.path)},line={problem.line},"
                  f"col={problem.col},title={escape_property(problem.code.value)}::{escape_data(problem.words(lang))}\n")
    return tally


@dataclass(frozen=True)
class ProblemsText:
    """Problems, one a line, then how many were found (and, for `check`, which jurisdictions they
    kept from being judged): put into words in a language when shown; ``str()`` is the English."""

    problems: tuple[Problem, ...]
    not_judged: tuple[str, ...] = ()
    folder: str = ""  # where the data is in its git repository ("data/"): the paths are said from its top

    def render(self, lang: str = "en") -> str:
        summary = found(self.problems)
        if self.not_judged:
            summary = msg("{found}; not judged: {jurisdictions}", found=summary, jurisdictions=", ".join(self.not_judged))
        return "\n".join([*(problem.text(lang, self.folder) for problem in self.problems), summary.render(lang)])

    def __str__(self) -> str:
        return self.render("en")


def problems_text(problems: Sequence[Problem], not_judged: Sequence[str], folder: str = "") -> ProblemsText:
    """What `check` says on standard error of the problems it found: each one (its path from the top
    of the git repository: ``folder`` is where the data is in it), then what they cost."""
    return ProblemsText(tuple(problems), tuple(not_judged), folder)


def escape_data(text: str) -> str:
    """A workflow command's message: shown literally, on one line."""
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(level: str, path: str | None, line: int | None, title: str, message: str) -> str:
    """A GitHub annotation (error, warning or notice) at a file's line, or at none."""
    where = f"file={escape_property(path)},line={line}," if path is not None else ""
    return f"::{level} {where}title={escape_property(title)}::{escape_data(message)}"


def write_sarif(problems: Iterable[Problem], lang: str, out: Writable, *, folder: str = "") -> Tally:
    """SARIF 2.1.0 for code scanning (:func:`planaudit.report.sarif.write_problems`)."""
    from planaudit.report.sarif import write_problems

    return write_problems(problems, lang, out, folder)


class ProblemWriter(Protocol):
    def __call__(self, problems: Iterable[Problem], lang: str, out: Writable, *, folder: str = "") -> Tally: ...


PROBLEM_FORMATS: dict[str, ProblemWriter] = {"json": write_json, "github": write_github, "sarif": write_sarif}
PROBLEM_FORMAT_NAMES = ("text", *PROBLEM_FORMATS)  # text, written by write_text: it says what it left out
