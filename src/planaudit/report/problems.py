"""How `planaudit validate` lists problems: text, json or GitHub workflow commands."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from planaudit.model.problems import Problem, counted
from planaudit.read.text import printable
from planaudit.report import jsontext


def localize(text: str, lang: str) -> str:
    """``text`` in ``lang``; the Chinese wordings are loaded only when they are needed."""
    if lang != "zh":
        return text
    from planaudit.report import messages_zh

    return messages_zh.localize(text, lang)


def text(problems: Sequence[Problem], lang: str = "en") -> str:
    lines = [str(problem) for problem in problems]
    lines.append(f"{counted(problems)} found")
    return localize("\n".join(lines), lang) + "\n"


def problems_text(problems: Sequence[Problem], not_judged: Sequence[str]) -> str:
    """What `check` says on standard error of the problems it found: each one, then what they cost."""
    lines = [str(problem) for problem in problems]
    summary = f"{counted(problems)} found"
    if not_judged:
        summary += f"; not judged: {', '.join(not_judged)}"
    return "\n".join([*lines, summary])


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
        f"title={escape_property(problem.code.value)}::{escape_data(localize(problem.message, lang))}\n"
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
