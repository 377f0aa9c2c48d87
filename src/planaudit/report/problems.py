"""How `planaudit validate` lists problems: text, json or GitHub workflow commands."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from planaudit.model.problems import Problem
from planaudit.read.text import printable
from planaudit.report import jsontext


def text(problems: Sequence[Problem]) -> str:
    lines = [str(problem) for problem in problems]
    count = len(problems)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found" if count else "no problems found")
    return "\n".join(lines) + "\n"


def json_list(problems: Sequence[Problem]) -> str:
    document = {"problems": [{"file": problem.path, "line": problem.line, "col": problem.col,
                              "code": problem.code.value, "message": problem.message} for problem in problems]}
    return jsontext.dumps(document)


def github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: each problem annotates its file and line."""
    return "".join(
        f"::error file={escape_property(problem.path)},line={problem.line},col={problem.col},"
        f"title={escape_property(problem.code.value)}::{escape_data(problem.message)}\n"
        for problem in problems
    )


def escape_data(text: str) -> str:
    """A workflow command's message: shown literally, on one line."""
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


PROBLEM_FORMATS: dict[str, Callable[[Sequence[Problem]], str]] = {"text": text, "json": json_list, "github": github}
