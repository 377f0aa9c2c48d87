"""The command line: parses options, calls the library, prints, and sets the exit status."""

from __future__ import annotations

import enum
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer

from . import __version__, api
from .exceptions import EXIT_FAILED, PlanauditError
from .failon import DEFAULT_FAIL_ON, FailOn, exit_status
from .i18n import LANGUAGES, default_lang
from .reporters import REPORTERS
from .reporters.explain import render_explanation
from .reporters.problems import PROBLEM_FORMATS
from .result import AuditResult
from .structure import Kind, schema_text

app = typer.Typer(
    help="Check the targets of annual work plans against the figures of work summaries.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")

DataOption = typer.Option(
    Path("."), "--data", envvar="PLANAUDIT_DATA", file_okay=False,
    help="The data repository (targets/, outcomes/, rules/). Default: the current directory.",
)
Format = enum.Enum("Format", {name: name for name in REPORTERS}, type=str)  # type: ignore[misc]
ProblemFormat = enum.Enum("ProblemFormat", {name: name for name in PROBLEM_FORMATS}, type=str)  # type: ignore[misc]
SchemaKind = enum.Enum("SchemaKind", {kind.value: kind.value for kind in Kind}, type=str)  # type: ignore[misc]
Lang = enum.Enum("Lang", {name: name for name in LANGUAGES}, type=str)  # type: ignore[misc]

LangOption = typer.Option(
    None, "--lang",
    help="Language of the output. Default: planaudit.yaml's lang, then the locale.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planaudit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """planaudit: did the plan's targets meet the report's figures?"""


def _run(action: Callable[[], T]) -> T:
    """Call the library; a PlanauditError becomes its message on stderr and its exit status."""
    try:
        return action()
    except PlanauditError as error:
        typer.echo(error.format(), err=True)
        raise typer.Exit(error.exit_status) from None


@app.command()
def check(
    year: int = typer.Argument(..., help="The year whose targets are judged."),
    jurisdiction: list[str] | None = typer.Option(None, "-j", "--jurisdiction", help="Only this jurisdiction (repeatable)."),
    output_format: Format = typer.Option("table", "--format", help="Output format."),
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", case_sensitive=False,
        help="Exit 1 when a verdict is this bad: missed; unmeasured (or missed); inconsistent (or any of those, "
             "or an inconsistent figure); never. Default: planaudit.yaml's fail_on, then missed.",
    ),
    lang: Lang | None = LangOption,
    data: Path = DataOption,
) -> None:
    """Judge every target of YEAR and print the verdicts."""
    result = _run(lambda: api.audit(data, year, jurisdiction or ()))
    reporter = REPORTERS[output_format.value](_lang(lang, result), color=_is_terminal(),
                                       width=_terminal_width())
    sys.stdout.write(reporter.render(result))
    level = fail_on or (FailOn(result.settings.fail_on) if result.settings.fail_on else DEFAULT_FAIL_ON)
    raise typer.Exit(exit_status(result, level))


@app.command()
def explain(
    year: int = typer.Argument(..., help="The year of the target."),
    jurisdiction: str = typer.Argument(..., help="The jurisdiction slug, e.g. fuzhou."),
    target: str = typer.Argument(..., help="The target's id."),
    lang: Lang | None = LangOption,
    data: Path = DataOption,
) -> None:
    """Show how one target's verdict was reached: rule, figures, derivation, baseline, comparison."""
    result = _run(lambda: api.audit(data, year, [jurisdiction]))
    item = _run(lambda: result.find(jurisdiction, target))
    sys.stdout.write(render_explanation(item, _lang(lang, result)))


@app.command()
def validate(
    output_format: ProblemFormat = typer.Option("text", "--format", help="How to list the problems."),
    data: Path = DataOption,
) -> None:
    """Check every file of the data repository; list each problem as path:line:col: code message.

    Exit 0 when the repository is clean, 1 when a problem is found, 2 for bad usage.
    """
    problems = _run(lambda: api.validate(data))
    sys.stdout.write(PROBLEM_FORMATS[output_format.value](problems))
    raise typer.Exit(EXIT_FAILED if problems else 0)


@app.command()
def schema(kind: SchemaKind = typer.Argument(..., help="Which file's schema.")) -> None:
    """Print the JSON Schema of a target, outcome, rules or settings file (for editors)."""
    sys.stdout.write(schema_text(Kind(kind.value)))


def _lang(chosen: enum.Enum | None, result: AuditResult) -> str:
    return chosen.value if chosen is not None else default_lang(result.settings.lang)


def _is_terminal() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _terminal_width() -> int | None:
    return shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else None


def main() -> None:
    app()
