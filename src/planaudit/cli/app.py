"""The command line: options in, one library call (:mod:`planaudit.session.commands`), the exit status out."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import cast

import typer

from planaudit._version import __version__
from planaudit.cli import options as opt
from planaudit.cli.options import (
    CompareFormat,
    CoverageFormat,
    DiffFormat,
    DocumentKindChoice,
    Format,
    GroupingChoice,
    Lang,
    ProblemFormat,
    ProgressFormat,
    SchemaKind,
)
from planaudit.cli.terminal import is_terminal, progress_bar, terminal_width
from planaudit.cli.voice import Stderr, call, format_of, usage_error, voice_of
from planaudit.cli.words import TranslatedGroup  # click's and typer's own words, and the help, translated
from planaudit.messages import msg
from planaudit.report import COMPARE, DIFF, PROGRESS, by_suffix
from planaudit.report.language import default_lang
from planaudit.report.schema import published_schema_text
from planaudit.run.failon import FailOn, exit_status
from planaudit.schemas import Kind
from planaudit.session import commands
from planaudit.session.delivery import Report

# The library itself (api, and through it the model, the parser and the judge) is imported inside
# the commands that use it: the command line starts quickly, and --help and schema stay instant.

app = typer.Typer(
    cls=TranslatedGroup,
    help="Check the targets of annual work plans against the figures of work summaries.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
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


@app.command()
def check(
    years: list[int] | None = opt.CheckYears,
    every_year: bool = opt.AllYears,
    jurisdiction: list[str] | None = opt.JurisdictionOption,
    output_format: Format = opt.CheckOutputFormat,
    output: list[Path] | None = opt.CheckOutput,
    fail_on: FailOn | None = opt.CheckFailOn,
    lang: Lang | None = opt.LangOption,
    no_cache: bool = opt.NoCacheOption,
    data: Path = opt.DataOption,
) -> None:
    """Judge every target of YEARS (or, --all, of every year) and print the verdicts."""
    voice = voice_of(lang)
    asked = years_asked(voice, years, every_year)
    files = [Report(format_of(voice, path, by_suffix(), " ".join(sorted(by_suffix()))), path) for path in output or []]
    on_screen = Report(output_format.value, None, is_terminal(), terminal_width())
    request = commands.CheckRequest(data, asked, tuple(jurisdiction or ()), (on_screen, *files), lang and lang.value,
                                   fail_on, memo=not no_cache)
    raise typer.Exit(call(voice, lambda: commands.check(request, voice, progress_bar)))


@app.command()
def export(
    years: list[int] | None = opt.CheckYears,
    every_year: bool = opt.AllYears,
    output: Path | None = opt.ExportOutput,
    jurisdiction: list[str] | None = opt.JurisdictionOption,
    lang: Lang | None = opt.LangOption,
    data: Path = opt.DataOption,
) -> None:
    """Write the audit of YEARS (or, --all, of every year) as a Markdown report to publish."""
    voice = voice_of(lang)
    asked = years_asked(voice, years, every_year)
    raise typer.Exit(call(voice, lambda: commands.export(data, asked, jurisdiction or [], output, lang and lang.value,
                                                         voice, progress_bar)))


def years_asked(voice: Stderr, years: list[int] | None, every_year: bool) -> tuple[int, ...]:
    """The years named, or none for --all (every year with targets); a usage error for both or neither."""
    if every_year and years:
        raise usage_error(voice, msg("name the years or give --all, not both"))
    if not every_year and not years:
        raise usage_error(voice, msg("name a year to judge (2022, or 2021 2022 2023), or give --all for every year"))
    return tuple(years or ())


@app.command()
def explain(
    year: str = opt.ExplainYear,
    jurisdiction: str = opt.ExplainJurisdiction,
    target: str = opt.ExplainTarget,
    lang: Lang | None = opt.LangOption,
    data: Path = opt.DataOption,
) -> None:
    """Show how one target's verdict was reached: rule, figures, derivation, baseline, comparison."""
    voice = voice_of(lang)
    year_or_period = cast("int | tuple[int, int]", year)  # the argument's type reads a period as two years
    raise typer.Exit(call(voice, lambda: commands.explain(data, year_or_period, jurisdiction, target, lang and lang.value,
                                                          voice, progress_bar)))


@app.command()
def validate(
    output_format: ProblemFormat = opt.ValidateOutputFormat,
    strict: bool = opt.ValidateStrict,
    no_warnings: bool = opt.ValidateNoWarnings,
    changed: str | None = opt.ValidateChanged,
    lang: Lang | None = opt.ValidateLang,
    data: Path = opt.DataOption,
) -> None:
    """Check every file of the data repository; list each problem as path:line:col: code message.

    Exit 0 when no error is found (warnings are listed), 1 when one is (or, with --strict, a
    warning), 2 for bad usage.
    """
    voice = voice_of(lang)
    raise typer.Exit(call(voice, lambda: commands.validate(data, output_format.value, strict, lang and lang.value, voice,
                                                            progress_bar, warnings=not no_warnings, changed=changed)))


@app.command()
def diff(
    base: str | None = opt.DiffBase,
    head: str | None = opt.DiffHead,
    year: list[int] | None = opt.DiffYear,
    output_format: DiffFormat = opt.DiffOutputFormat,
    output: list[Path] | None = opt.DiffOutput,
    fail_on: FailOn = opt.DiffFailOn,
    lang: Lang | None = opt.LangOption,
    data: Path = opt.DataOption,
) -> None:
    """Show what a change to the data does to the audit: targets added or removed, verdicts that
    got better or worse, figures and inconsistent figures that changed — between two git revisions."""
    voice = voice_of(lang)
    listed = " ".join(by_suffix(DIFF))
    files = [Report(format_of(voice, path, by_suffix(DIFF), listed), path) for path in output or []]
    on_screen = Report(output_format.value, None, is_terminal(), terminal_width())
    request = commands.DiffRequest(data, base, head, tuple(year or ()), (on_screen, *files), lang and lang.value, fail_on)
    raise typer.Exit(call(voice, lambda: commands.diff(request, voice)))


@app.command()
def progress(
    period: str = opt.ProgressPeriod,
    as_of: int | None = opt.ProgressAsOf,
    jurisdiction: list[str] | None = opt.JurisdictionOption,
    output_format: ProgressFormat = opt.ProgressOutputFormat,
    output: list[Path] | None = opt.ProgressOutput,
    lang: Lang | None = opt.LangOption,
    data: Path = opt.DataOption,
) -> None:
    """Follow the targets of a period's plans (a five-year plan) year by year: achieved early, ahead,
    on track, behind or regressing before their year; met or missed from then on."""
    from planaudit.read.layout import period_of

    voice = voice_of(lang)
    years = period_of(period)
    if years is None:
        raise usage_error(voice, msg("'{period}' is not a period: write its first and last year, e.g. 2021-2025",
                                     period=period))
    listed = " ".join(by_suffix(PROGRESS))
    files = [Report(format_of(voice, path, by_suffix(PROGRESS), listed), path) for path in output or []]
    request = commands.ProgressRequest(data, *years, as_of, tuple(jurisdiction or ()),
                                       (Report(output_format.value), *files), lang and lang.value)
    raise typer.Exit(call(voice, lambda: commands.progress(request, voice)))


@app.command()
def compare(
    years: list[int] | None = opt.CheckYears,
    every_year: bool = opt.AllYears,
    by: list[GroupingChoice] | None = opt.CompareBy,
    min_measured: int = opt.CompareMinMeasured,
    jurisdiction: list[str] | None = opt.JurisdictionOption,
    output_format: CompareFormat = opt.CompareOutputFormat,
    output: list[Path] | None = opt.CompareOutput,
    lang: Lang | None = opt.LangOption,
    data: Path = opt.DataOption,
) -> None:
    """Compare jurisdictions side by side: their targets by verdict and what it rests on, the share met
    of the measured with its denominator — by jurisdiction, plan section, kind of commitment and rule."""
    voice = voice_of(lang)
    asked = years_asked(voice, years, every_year)
    listed = " ".join(by_suffix(COMPARE))
    files = [Report(format_of(voice, path, by_suffix(COMPARE), listed), path) for path in output or []]
    on_screen = Report(output_format.value, None, is_terminal(), terminal_width())
    request = commands.CompareRequest(data, asked, tuple(jurisdiction or ()), tuple(item.value for item in by or ()),
                                      min_measured, (on_screen, *files), lang and lang.value)
    raise typer.Exit(call(voice, lambda: commands.compare(request, voice, progress_bar)))


@app.command()
def site(
    years: list[int] | None = opt.CheckYears,
    every_year: bool = opt.AllYears,
    output: Path = opt.SiteOutput,
    jurisdiction: list[str] | None = opt.JurisdictionOption,
    lang: Lang | None = opt.LangOption,
    data: Path = opt.DataOption,
) -> None:
    """Write the audit of YEARS (or, --all, of every year) as a static site to browse and publish:
    an overview, a page per jurisdiction and per target, in every language."""
    voice = voice_of(lang)
    asked = years_asked(voice, years, every_year)
    raise typer.Exit(call(voice, lambda: commands.site(data, asked, jurisdiction or [], output, lang and lang.value, voice,
                                                       progress_bar)))


@app.command()
def schema(kind: SchemaKind = opt.SchemaWhich) -> None:
    """Print the JSON Schema of a target, outcome, rules or settings file (for editors)."""
    sys.stdout.write(published_schema_text(Kind(kind.value)))


@app.command()
def init(directory: Path = opt.InitDirectory) -> None:
    """Create a data repository with one worked example: a target, a report and a derived metric."""
    from planaudit.scaffold import EXAMPLE_YEAR, create_repository

    created = call(voice_of(None), lambda: create_repository(directory))
    listed = "".join(f"  {path}\n" for path in created)
    sys.stdout.write(f"Created a planaudit data repository in {directory}:\n{listed}"
                     f"Try: planaudit check {EXAMPLE_YEAR} --data {directory}\n")


@app.command()
def coverage(
    document: Path = opt.CoverageDocument,
    jurisdiction: str | None = opt.CoverageJurisdiction,
    year: str | None = opt.CoverageYear,
    kind: DocumentKindChoice | None = opt.CoverageKind,
    encoding: str | None = opt.EncodingOption,
    part: str | None = opt.CoveragePart,
    output_format: CoverageFormat = opt.CoverageOutputFormat,
    lang: Lang | None = opt.LangOption,
    data: Path = opt.DataOption,
) -> None:
    """Hold a plan (or a report) against the repository: every commitment (figure) of the document
    that no target or direction (figure) quotes, with its line and section; every quote of the
    jurisdiction's file that the document does not hold verbatim (exit 1); a report's figures that
    no target uses. A plan over several years (a five-year plan's outline) is held against its
    period plan, targets/2021-2025/."""
    voice = voice_of(lang)
    year_or_period = cast("int | tuple[int, int] | None", year)  # the option's type reads a period as two years
    if isinstance(year_or_period, tuple) and kind is DocumentKindChoice.report:
        raise usage_error(voice, msg("--year {period} is a period: a period has plans, not reports; give the report's year",
                                     period=f"{year_or_period[0]}-{year_or_period[1]}"))
    request = commands.CoverageRequest(data, document, jurisdiction, year_or_period, kind and kind.value, encoding, part,
                                      output_format.value, lang and lang.value)
    raise typer.Exit(call(voice, lambda: commands.coverage(request, voice)))


@app.command()
def extract(
    file: Path = opt.ExtractFile,
    kind: DocumentKindChoice | None = opt.ExtractKind,
    year: int | None = opt.ExtractYear,
    jurisdiction: str | None = opt.ExtractJurisdiction,
    output: Path | None = opt.ExtractOutput,
    force: bool = opt.ExtractForce,
    encoding: str | None = opt.EncodingOption,
    lang: Lang | None = opt.ExtractLang,
) -> None:
    """Draft the target (plan) or outcome (report) YAML of a document, for review.

    Each metric is left as the placeholder TODO, which validate reports until it is named.
    """
    from planaudit import api
    from planaudit.extract import DocumentKind
    from planaudit.read.layout import SLUG

    voice = voice_of(lang)
    voice.lang = commands.lang_here(lang and lang.value)
    if jurisdiction is not None and not SLUG.fullmatch(jurisdiction):
        raise usage_error(voice, msg("jurisdiction '{name}' is not a slug (lower-case letters, digits, - and _)",
                                      name=jurisdiction))
    chosen = DocumentKind(kind.value) if kind is not None else None
    text = call(voice, lambda: api.draft(file, output, jurisdiction, chosen, year, force, voice.lang, encoding))
    if output is None:
        sys.stdout.write(text)


def main() -> None:
    """The command line, whatever state standard output is in: closed, piped to a reader that
    stops early, or in an encoding that cannot show the text (which is then escaped)."""
    if sys.stdout is None or sys.stderr is None:
        if sys.stderr is not None:
            closed = msg("planaudit: error: {error}", error=msg("standard output is closed"))
            sys.stderr.write(closed.render(default_lang(None)) + "\n")
        raise SystemExit(exit_status(unusable=True))
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        app()
    except BrokenPipeError:
        # The reader went away (`| head`): nothing more can be said there, and that is no error of ours.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(exit_status(failed=True)) from None
