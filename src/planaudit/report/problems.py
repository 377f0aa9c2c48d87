"""How `planaudit validate` lists problems: text, json or GitHub workflow commands."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from planaudit.messages import msg
from planaudit.model.problems import Problem, found
from planaudit.read.text import printable
from planaudit.report import jsontext


def text(problems: Sequence[Problem], lang: str = "en") -> str:
    return ProblemsText(tuple(problems)).render(lang) + "\n"


@dataclass(frozen=True)
class ProblemsText:
    """Problems, one a line, then how many were found (and, for `check`, which jurisdictions they
    kept from being judged): put into words in a language when shown; ``str()`` is the English."""

    problems: tuple[Problem, ...]
    not_judged: tuple[str, ...] = ()

    def render(self, lang: str = "en") -> str:
        summary = found(self.problems)
        if self.not_judged:
            summary = msg("{found}; not judged: {jurisdictions}", found=summary, jurisdictions=", ".join(self.not_judged))
        return "\n".join([*(problem.text(lang) for problem in self.problems), summary.render(lang)])

    def __str__(self) -> str:
        return self.render("en")


def problems_text(problems: Sequence[Problem], not_judged: Sequence[str]) -> ProblemsText:
    """What `check` says on standard error of the problems it found: each one, then what they cost."""
    return ProblemsText(tuple(problems), tuple(not_judged))


def json_list(problems: Sequence[Problem], lang: str = "en") -> str:
    """For programs: each message in English, whatever ``lang``."""
    document = {"problems": [{"file": problem.path, "line": problem.line, "col": problem.col,
                              "code": problem.code.value, "severity": problem.code.severity.value,
                              "message": problem.message} for problem in problems]}
    return jsontext.dumps(document)


def github(problems: Sequence[Problem], lang: str = "en") -> str:
    """GitHub Actions workflow commands: each problem annotates its file and line."""
    return "".join(
        f"::{problem.code.severity.value} file={escape_property(problem.path)},line={problem.line},col={problem.col},"
        f"title={escape_property(problem.code.value)}::{escape_data(problem.words(lang))}\n"
        for problem in problems
    )


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


PROBLEM_FORMATS: dict[str, Callable[[Sequence[Problem], str], str]] = {"text": text, "json": json_list, "github": github}
