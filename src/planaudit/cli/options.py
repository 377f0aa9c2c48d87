"""The options and arguments of every command, each with its --help (read by the commands of
:mod:`planaudit.cli.app`)."""

from __future__ import annotations

import enum
import gettext
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import typer

from planaudit.model.grouping import MIN_MEASURED, Grouping
from planaudit.report import COMPARE, COVERAGE, DIFF, PROGRESS, endings_text, formats, stream_formats
from planaudit.report.language import LANGUAGES
from planaudit.report.problems import PROBLEM_FORMAT_NAMES
from planaudit.run.failon import FailOn, changes_fail_on
from planaudit.schemas import Kind

Format = enum.Enum("Format", {name: name for name in stream_formats()}, type=str)  # type: ignore[misc]
ProblemFormat = enum.Enum("ProblemFormat", {name: name for name in PROBLEM_FORMAT_NAMES}, type=str)  # type: ignore[misc]
SchemaKind = enum.Enum("SchemaKind", {kind.value: kind.value for kind in Kind}, type=str)  # type: ignore[misc]
Lang = enum.Enum("Lang", {name: name for name in LANGUAGES}, type=str)  # type: ignore[misc]
DiffFormat = enum.Enum("DiffFormat", {found.name: found.name for found in formats(DIFF)}, type=str)  # type: ignore[misc]
DocumentKindChoice = enum.Enum("DocumentKindChoice", {"plan": "plan", "report": "report"}, type=str)  # type: ignore[misc]
CoverageFormat = enum.Enum("CoverageFormat", {found.name: found.name for found in formats(COVERAGE)}, type=str)  # type: ignore[misc]
ProgressFormat = enum.Enum("ProgressFormat", {name: name for name in stream_formats(PROGRESS)}, type=str)  # type: ignore[misc]
CompareFormat = enum.Enum("CompareFormat", {name: name for name in stream_formats(COMPARE)}, type=str)  # type: ignore[misc]
GroupingChoice = enum.Enum("GroupingChoice", {item.value: item.value for item in Grouping}, type=str)  # type: ignore[misc]


class YearType(click.types.IntParamType):
    """A year: a whole number, which click's messages name "year" ("'20x9' is not a valid year"), in the
    run's language (click's own catalogue, as its other words), where an int is named "integer"."""

    @property  # read when click says it, while the run's language is set (see planaudit.cli.words)
    def name(self) -> str:  # type: ignore[override]
        return gettext.gettext("year")


YEAR = YearType()


class YearOrPeriodType(click.ParamType):
    """A year (2022), or a period as its plans' folder names it (2021-2025: a pair of years); else
    what a year that is no number is told ("'20x9' is not a valid year")."""

    @property  # read when click says it, while the run's language is set
    def name(self) -> str:  # type: ignore[override]
        return gettext.gettext("year")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int | tuple[int, int]:
        from planaudit.read.layout import period_of

        if isinstance(value, str) and (period := period_of(value.strip())) is not None:
            return period
        return YEAR.convert(value, param, ctx)


YEAR_OR_PERIOD = YearOrPeriodType()


def _fail_on(text: str, parse: Callable[[str], FailOn] = FailOn.parse) -> FailOn:
    try:
        return parse(text)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


DataOption = typer.Option(
    Path("."), "--data", envvar="PLANAUDIT_DATA", file_okay=False,
    help="The data repository (targets/, outcomes/, rules/). Default: the current directory.",
)
LangOption = typer.Option(None, "--lang", help="Language of the output. Default: planaudit.yaml's lang, then the locale.")
JurisdictionOption = typer.Option(None, "-j", "--jurisdiction",
                                  help="Only this jurisdiction, by slug (fuzhou) or name (福州市, 福州); repeatable.")
NoCacheOption = typer.Option(False, "--no-cache", help="Judge every file afresh, neither replaying nor recording the run memo.")
EncodingOption = typer.Option(None, "--encoding", help="The document's encoding when it is not UTF-8: gb18030 (which "
                                                       "reads GBK too), big5…")

CheckYears = typer.Argument(None, click_type=YEAR, show_default=False,
                            help="The years whose targets are judged (2022, or 2021 2022 2023).")
AllYears = typer.Option(False, "--all", help="Judge every year that has targets, instead of naming them.")
CheckOutputFormat = typer.Option("table", "--format", help="Format of the report on standard output.")
CheckOutput = typer.Option(
    None, "-o", "--output", dir_okay=False,
    help=f"Also write a report to this file, in the format its ending names: {endings_text()} (repeatable).",
)
CheckFailOn = typer.Option(
    None, "--fail-on", parser=lambda text: _fail_on(text), metavar="WHAT",
    help="Exit 1 on any of missed, unmeasured, inconsistent (an inconsistent figure), joined by commas "
         "(missed,inconsistent); or never. Default: planaudit.yaml's fail_on, then missed.",
)
ExportOutput = typer.Option(None, "-o", "--output", dir_okay=False,
                            help="Write the report to this file. Default: standard output.")
ExplainYear = typer.Argument(..., click_type=YEAR_OR_PERIOD,
                             help="The year of the target, or the period of a period plan's (2021-2025).")
ExplainJurisdiction = typer.Argument(..., help="The jurisdiction: its slug (fuzhou) or its name (福州市, 福州).")
ExplainTarget = typer.Argument(..., help="The target's id, the start of one id alone, or its row's number (#) "
                                         "in the jurisdiction's table.")
ValidateOutputFormat = typer.Option("text", "--format", help="How to list the problems.")
ValidateStrict = typer.Option(False, "--strict", help="Exit 1 on warnings too, not only on errors.")
ValidateNoWarnings = typer.Option(False, "--no-warnings", help="List the errors only (--strict still exits 1 on a "
                                                               "warning).")
ValidateChanged = typer.Option(None, "--changed", metavar="BASE",
                               help="List only the problems the base revision (a git revision) does not have: those "
                                    "the change since BASE introduces, the working tree's against BASE's.")
ValidateLang = typer.Option(None, "--lang", help="Language of the messages. Default: planaudit.yaml's lang, then "
                                                 "the locale.")
DiffBase = typer.Argument(None, help="The revision compared with. Default: where the current branch left "
                                     "the default branch (GITHUB_BASE_REF's, origin's HEAD, main or master).")
DiffHead = typer.Argument(None, help="The revision compared. Default: the working tree, every file "
                                     "check would read there, tracked or not.")
DiffYear = typer.Option(None, "--year", click_type=YEAR,
                        help="Only this year (repeatable). Default: every year the changes touch.")
DiffOutputFormat = typer.Option("table", "--format", help="Format of the comparison on standard output.")
DiffOutput = typer.Option(
    None, "-o", "--output", dir_okay=False,
    help=f"Also write the comparison to this file, in the format its ending names: {endings_text(DIFF)} "
         "(repeatable).")
DiffFailOn = typer.Option("never", "--fail-on", parser=lambda text: _fail_on(text, changes_fail_on),
                          metavar="WHAT", help="Exit 1 on any of worse (a verdict got worse on the same target: "
                                               "met → unmeasured → missed), inconsistent (an inconsistent figure "
                                               "appeared or got worse), loosened (a target asks less), redefined "
                                               "(a target's definition changed), removed (a target went) and "
                                               "new-problems (an error or warning the base does not have), joined "
                                               "by commas; or never.")
SchemaWhich = typer.Argument(..., help="Which file's schema.")
InitDirectory = typer.Argument(Path("."), file_okay=False, help="Where to create it.")
CoverageDocument = typer.Argument(..., dir_okay=False, help="The plan or report, as text.")
CoverageJurisdiction = typer.Option(
    None, "-j", "--jurisdiction",
    help="Whose document it is. Default: the jurisdiction whose file has the most quotes standing in it.")
CoverageYear = typer.Option(None, "--year", click_type=YEAR_OR_PERIOD,
                            help="The document's year, or a five-year plan's period (2021-2025). Default: from its title.")
CoverageKind = typer.Option(
    None, "--kind", help="plan or report. Default: from the title (要点/计划: plan; 总结/报告: report).")
CoveragePart = typer.Option(None, "--part", help="Only this part of the document: 三 for 三、… (a report "
                                                 "whose part 三 is next year's plan).")
CoverageOutputFormat = typer.Option("table", "--format", help="Format of the finding.")
ProgressPeriod = typer.Argument(..., help="The period of the plans, as their folder names it: 2021-2025.")
ProgressAsOf = typer.Option(None, "--as-of", click_type=YEAR,
                            help="The last year judged. Default: the latest year of the period with a report.")
ProgressOutputFormat = typer.Option("table", "--format", help="Format of the progress on standard output.")
ProgressOutput = typer.Option(
    None, "-o", "--output", dir_okay=False,
    help=f"Also write it to this file, in the format its ending names: {endings_text(PROGRESS)} (repeatable).",
)
ExtractFile = typer.Argument(..., dir_okay=False, help="The plan or report, as text (UTF-8 unless --encoding).")
ExtractKind = typer.Option(
    None, "--kind", help="plan or report. Default: from the title (要点/计划: plan; 总结/报告: report).")
ExtractYear = typer.Option(None, "--year", click_type=YEAR,
                           help="The document's year. Default: from the title, e.g. 2022年工作要点.")
ExtractJurisdiction = typer.Option(
    None, "-j", "--jurisdiction", help="Its slug. Default: the output file's name, else the input file's.")
ExtractOutput = typer.Option(None, "-o", "--output", dir_okay=False,
                             help="Write the draft to this file. Default: standard output.")
ExtractForce = typer.Option(False, "--force", help="Replace the output file if it exists.")
ExtractLang = typer.Option(None, "--lang", help="Language of the messages and the draft's comment. "
                                                "Default: the lang of the data repository it runs in, then the locale.")
CompareBy = typer.Option(None, "--by", help="Only these tables, in this order (repeatable): jurisdiction, section, "
                                             "metric (the kind of commitment, its metric's prefix), rule. Default: all four.")
CompareMinMeasured = typer.Option(MIN_MEASURED, "--min-measured", min=1,
                                  help="Measured targets a row needs to be ranked; a row with fewer is marked and not ranked.")
CompareOutputFormat = typer.Option("table", "--format", help="Format of the comparison on standard output.")
CompareOutput = typer.Option(
    None, "-o", "--output", dir_okay=False,
    help=f"Also write it to this file, in the format its ending names: {endings_text(COMPARE)} (repeatable).",
)
SiteOutput = typer.Option(..., "-o", "--output", file_okay=False,
                          help="The folder to write the site to (made if missing; its other files are left as they are).")
