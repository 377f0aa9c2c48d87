"""The command line: parses options, calls the library, prints, and sets the exit status."""

from __future__ import annotations

import contextlib
import enum
import functools
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import typer

from planaudit._version import __version__
from planaudit.cli.delivery import deliver, files_first, inert_stdout, replay
from planaudit.cli.failon import (
    DEFAULT_FAIL_ON,
    NEVER,
    FailOn,
    changes_fail_on,
    changes_failed,
    changes_failure_text,
    exit_status,
    failed,
    failure_text,
)
from planaudit.errors import EXIT_FAILED, PlanauditError
from planaudit.report import (
    BY_SUFFIX,
    COVERAGE_BY_NAME,
    COVERAGE_FORMATS,
    COVERAGE_REPORTERS,
    DIFF_BY_NAME,
    DIFF_BY_SUFFIX,
    DIFF_FORMATS,
    DIFF_REPORTERS,
    REPORTERS,
    Reporter,
    diff_endings_text,
    endings_text,
    for_programs,
    reporter_for_file,
    stream_formats,
)
from planaudit.report.language import LANGUAGES, default_lang
from planaudit.report.problems import PROBLEM_FORMATS, problems_text
from planaudit.schemas import Kind, published_schema_text

if TYPE_CHECKING:
    from planaudit.cli.memo import RunMemo
    from planaudit.model.data import Settings
    from planaudit.model.result import AuditResult
    from planaudit.read.load import Progress
    from planaudit.run.runner import Rendered

# The library itself (api, and through it the model, the parser and the judge) is imported inside
# the commands that use it: the command line starts quickly, and --help and schema stay instant.

app = typer.Typer(
    help="Check the targets of annual work plans against the figures of work summaries.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")
PROGRESS_FROM = 50  # files; fewer are read before a bar would be worth drawing

Format = enum.Enum("Format", {name: name for name in stream_formats()}, type=str)  # type: ignore[misc]
ProblemFormat = enum.Enum("ProblemFormat", {name: name for name in PROBLEM_FORMATS}, type=str)  # type: ignore[misc]
SchemaKind = enum.Enum("SchemaKind", {kind.value: kind.value for kind in Kind}, type=str)  # type: ignore[misc]
Lang = enum.Enum("Lang", {name: name for name in LANGUAGES}, type=str)  # type: ignore[misc]

DataOption = typer.Option(
    Path("."), "--data", envvar="PLANAUDIT_DATA", file_okay=False,
    help="The data repository (targets/, outcomes/, rules/). Default: the current directory.",
)
LangOption = typer.Option(None, "--lang", help="Language of the output. Default: planaudit.yaml's lang, then the locale.")
JurisdictionOption = typer.Option(None, "-j", "--jurisdiction",
                                  help="Only this jurisdiction, by slug (fuzhou) or name (福州市, 福州); repeatable.")
NoCacheOption = typer.Option(False, "--no-cache", help="Judge every file afresh, neither reading nor writing the cache.")


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
        _error(error.format())
        raise typer.Exit(exit_status(error=error)) from None


class _Speech:
    """The language of the messages on standard error: --lang, else planaudit.yaml's once it is
    read, else the locale's."""

    lang = default_lang(None)

    @classmethod
    def use(cls, chosen: enum.Enum | None, settings: Settings | None = None) -> str:
        cls.lang = chosen.value if chosen is not None else default_lang(settings.lang if settings else None)
        return cls.lang


def _error(message: str) -> None:
    """A message on standard error, in the language of the run, never executed as a workflow
    command on a CI log."""
    from planaudit.report.problems import localize
    from planaudit.report.workflow import inert

    with inert(sys.stderr):
        typer.echo(localize(message, _Speech.lang), err=True)


def _usage_error(message: str) -> typer.Exit:
    _error(f"planaudit: error: {message}")
    return typer.Exit(exit_status(usage=True))


@contextlib.contextmanager
def _progress_bar() -> Iterator[Progress | None]:
    """A progress bar on stderr while many files are read, on a terminal only."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress as Bar

    with Bar(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading", total=None, visible=False)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, visible=total >= PROGRESS_FROM)

        yield advance


def _audit(data: Path, year: int, jurisdictions: list[str] | None, no_cache: bool) -> AuditResult:
    from planaudit import api

    with _progress_bar() as progress:
        return _run(lambda: api.audit(data, year, jurisdictions or (), progress, cache=not no_cache))


def _reporters_for(outputs: list[Path]) -> list[tuple[Path, type[Reporter]]]:
    chosen = []
    for path in outputs:
        reporter = reporter_for_file(path)
        if reporter is None:
            endings = " ".join(sorted(BY_SUFFIX))
            raise _usage_error(f"cannot tell the format of {path} from its ending; use one of {endings}")
        chosen.append((path, reporter))
    return chosen


@app.command()
def check(
    year: int = typer.Argument(..., help="The year whose targets are judged."),
    jurisdiction: list[str] | None = JurisdictionOption,
    output_format: Format = typer.Option("table", "--format", help="Format of the report on standard output."),
    output: list[Path] | None = typer.Option(
        None, "-o", "--output", dir_okay=False,
        help=f"Also write a report to this file, in the format its ending names: {endings_text()} (repeatable).",
    ),
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", parser=lambda text: _fail_on(text), metavar="WHAT",
        help="Exit 1 on any of missed, unmeasured, inconsistent (an inconsistent figure), joined by commas "
             "(missed,inconsistent); or never. A single word means what it always has: missed; unmeasured (or "
             "missed); inconsistent (or any of those). Default: planaudit.yaml's fail_on, then missed.",
    ),
    lang: Lang | None = LangOption,
    no_cache: bool = NoCacheOption,
    data: Path = DataOption,
) -> None:
    """Judge every target of YEAR and print the verdicts."""
    _Speech.use(lang)
    files = _reporters_for(output or [])
    root = _root(data)
    color, width = is_terminal(), _terminal_width()
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY") if output_format.value == "github" else None
    options: list[object] = [output_format.value, output or [], lang, fail_on and fail_on.value, color, width]
    memo = None if no_cache or step_summary else _open_memo(root, year, jurisdiction or [], options)
    human = not for_programs(output_format.value)
    if memo is not None:
        replayed = _run(lambda: replay(memo, human, _error))
        if replayed is not None:
            raise typer.Exit(replayed)
    formats = [(REPORTERS[output_format.value], color, width), *((reporter, False, None) for _, reporter in files)]
    if step_summary:  # on GitHub Actions, the Markdown audit goes to the job's summary page too
        formats.append((REPORTERS["markdown"], False, None))
    level, rendered = _render(root, year, jurisdiction, no_cache, lang, formats, fail_on)
    destinations = [None, *(path for path, _ in files)]  # each report's, in the order of formats (None: stdout)
    if step_summary:
        _run(lambda: _append_to(Path(step_summary), lambda out: rendered.write(len(formats) - 1, out)))
    status = exit_status(rendered.overview.summary, level, problems=rendered.problems)
    blobs: list[Any] = [None] * len(destinations)
    for index, path in files_first(destinations):
        keeping = memo.keeping(rendered.inputs, index) if memo is not None else contextlib.nullcontext()
        with keeping as copy:
            _run(lambda: deliver(path, lambda out: rendered.write(index, out), copy, human))  # noqa: B023
            blobs[index] = copy
    if rendered.problems:
        _error(problems_text(rendered.problems, rendered.overview.not_judged))
    said = failure_text(rendered.overview, level) if failed(rendered.overview.summary, level) else ""
    if said:
        _error(said)
    if memo is not None and not rendered.problems:  # a run with problems is not replayed: they are said afresh
        memo.record(rendered.inputs, destinations, status, blobs, said)
    raise typer.Exit(status)


def _append_to(path: Path, write: Callable[[TextIO], None]) -> None:
    """Append a report to a file that others write to as well (GitHub's step summary)."""
    from planaudit.errors import CannotWrite

    try:
        with path.open("a", encoding="utf-8", newline="") as out:
            write(out)
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from None


def _fail_on(text: str, parse: Callable[[str], FailOn] = FailOn.parse) -> FailOn:
    try:
        return parse(text)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def _root(data: Path) -> Path:
    """The data repository that ``data`` is in (see :func:`planaudit.read.layout.find_root`)."""
    from planaudit.errors import NotADataRepository
    from planaudit.read.layout import NoRepository, find_root

    try:
        return find_root(data)
    except NoRepository:
        error = NotADataRepository(data)
        _error(error.format())
        raise typer.Exit(exit_status(error=error)) from None


def _open_memo(root: Path, year: int, jurisdictions: list[str], options: list[object]) -> RunMemo | None:
    from planaudit.cli.memo import RunMemo

    return RunMemo.open(root, year, jurisdictions, options)


def _render(data: Path, year: int, jurisdictions: list[str] | None, no_cache: bool, lang: enum.Enum | None,
            formats: list[tuple[type[Reporter], bool, int | None]], fail_on: FailOn | None = None
            ) -> tuple[FailOn, Rendered]:
    """Judge the audit, rendering its parts for each (reporter, color, width) of ``formats``; and
    the --fail-on level: ``fail_on``, else planaudit.yaml's, else the default."""
    from planaudit import api

    with _progress_bar() as progress:
        audit = _run(lambda: api.prepare(data, year, jurisdictions or (), progress, cache=not no_cache))
        language = _Speech.use(lang, audit.settings)
        level = fail_on or (FailOn.parse(audit.settings.fail_on) if audit.settings.fail_on else DEFAULT_FAIL_ON)
        reporters = [reporter(language, color=color, width=width, fail_on=level.value) for reporter, color, width in formats]
        rendered = _run(lambda: api.render(audit, reporters, progress))
    return level, rendered


@app.command()
def export(
    year: int = typer.Argument(..., help="The year whose targets are judged."),
    output: Path | None = typer.Option(None, "-o", "--output", dir_okay=False,
                                          help="Write the report to this file. Default: standard output."),
    jurisdiction: list[str] | None = JurisdictionOption,
    lang: Lang | None = LangOption,
    no_cache: bool = NoCacheOption,
    data: Path = DataOption,
) -> None:
    """Write the audit of YEAR as a Markdown report to publish."""
    _Speech.use(lang)
    _, rendered = _render(_root(data), year, jurisdiction, no_cache, lang, [(REPORTERS["markdown"], False, None)])
    _run(lambda: deliver(output, lambda out: rendered.write(0, out)))
    if rendered.problems:
        _error(problems_text(rendered.problems, rendered.overview.not_judged))
    raise typer.Exit(exit_status(rendered.overview.summary, NEVER, problems=rendered.problems))


@app.command()
def explain(
    year: int = typer.Argument(..., help="The year of the target."),
    jurisdiction: str = typer.Argument(..., help="The jurisdiction: its slug (fuzhou) or its name (福州市, 福州)."),
    target: str = typer.Argument(..., help="The target's id, the start of one id alone, or its row's number (#) "
                                          "in the jurisdiction's table."),
    lang: Lang | None = LangOption,
    no_cache: bool = NoCacheOption,
    data: Path = DataOption,
) -> None:
    """Show how one target's verdict was reached: rule, figures, derivation, baseline, comparison."""
    _Speech.use(lang)
    result = _audit(_root(data), year, [jurisdiction], no_cache)
    from planaudit.report.explain import render_explanation

    (slug,) = result.names or [jurisdiction]  # the slug of the jurisdiction chosen, however it was named
    item = _run(lambda: result.find(slug, target))
    with inert_stdout(True):
        sys.stdout.write(render_explanation(item, _Speech.use(lang, result.settings)))


@app.command()
def validate(
    output_format: ProblemFormat = typer.Option("text", "--format", help="How to list the problems."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too, not only on errors."),
    lang: Lang | None = typer.Option(None, "--lang", help="Language of the messages. Default: the locale."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Accepted for compatibility: validate keeps no cache."),
    data: Path = DataOption,
) -> None:
    """Check every file of the data repository; list each problem as path:line:col: code message.

    Exit 0 when no error is found (warnings are listed), 1 when one is (or, with --strict, a
    warning), 2 for bad usage.
    """
    from planaudit import api

    language = _Speech.use(lang)
    root = _root(data)
    with _progress_bar() as progress:
        problems = _run(lambda: api.validate(root, progress))
    with inert_stdout(output_format.value == "text"):
        sys.stdout.write(PROBLEM_FORMATS[output_format.value](problems, language))
    raise typer.Exit(exit_status(problems=problems, strict=strict))


DiffFormat = enum.Enum("DiffFormat", {found.name: found.name for found in DIFF_FORMATS}, type=str)  # type: ignore[misc]


@app.command()
def diff(
    base: str | None = typer.Argument(None, help="The revision compared with. Default: where the current branch left "
                                                 "the default branch (GITHUB_BASE_REF's, origin's HEAD, main or master)."),
    head: str | None = typer.Argument(None, help="The revision compared. Default: the working tree, every file "
                                                 "check would read there, tracked or not."),
    year: list[int] | None = typer.Option(None, "--year", help="Only this year (repeatable). Default: every year "
                                                                "the changes touch."),
    output_format: DiffFormat = typer.Option("table", "--format", help="Format of the comparison on standard output."),
    output: list[Path] | None = typer.Option(
        None, "-o", "--output", dir_okay=False,
        help=f"Also write the comparison to this file, in the format its ending names: {diff_endings_text()} "
             "(repeatable)."),
    fail_on: FailOn = typer.Option("never", "--fail-on", parser=lambda text: _fail_on(text, changes_fail_on),
                                   metavar="WHAT", help="Exit 1 on any of worse (a verdict got worse: met → "
                                   "unmeasured → missed) and inconsistent (an inconsistent figure appeared), "
                                   "joined by commas; or never."),
    lang: Lang | None = LangOption,
    data: Path = DataOption,
) -> None:
    """Show what a change to the data does to the audit: targets added or removed, verdicts that
    got better or worse, figures and inconsistent figures that changed — between two git revisions."""
    from planaudit import api

    _Speech.use(lang)
    files = [(path, _diff_format(path)) for path in output or []]
    root = _root(data)
    language = _Speech.use(lang, _run(lambda: api.settings(root)))
    result = _run(lambda: api.diff(root, base, head, year or ()))

    def writer(name: str, on_stdout: bool) -> Callable[[TextIO], None]:
        reporter = DIFF_REPORTERS[name](language, color=on_stdout and is_terminal(),
                                        width=_terminal_width() if on_stdout else None, fail_on=fail_on.value)
        return functools.partial(reporter.write, result)

    for path, name in files:  # the files before standard output: a report on the screen means they are there
        _run(lambda: deliver(path, writer(name, False)))  # noqa: B023
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY") if output_format.value == "github" else None
    if step_summary:  # on GitHub Actions, the Markdown comparison goes to the job's summary page too
        _run(lambda: _append_to(Path(step_summary), writer("markdown", False)))
    human = not DIFF_BY_NAME[output_format.value].for_programs
    _run(lambda: deliver(None, writer(output_format.value, True), human=human))
    if result.problems:
        _error(problems_text(list(result.problems), ()))
    status = exit_status(fail_on=fail_on, problems=result.problems, changes=result)
    if status == EXIT_FAILED and changes_failed(result, fail_on):
        _error(changes_failure_text(result, fail_on))
    raise typer.Exit(status)


def _diff_format(path: Path) -> str:
    name = DIFF_BY_SUFFIX.get(path.suffix.lower())
    if name is None:
        raise _usage_error(f"cannot tell the format of {path} from its ending; use one of {' '.join(DIFF_BY_SUFFIX)}")
    return name


@app.command()
def schema(kind: SchemaKind = typer.Argument(..., help="Which file's schema.")) -> None:
    """Print the JSON Schema of a target, outcome, rules or settings file (for editors)."""
    sys.stdout.write(published_schema_text(Kind(kind.value)))


@app.command()
def init(directory: Path = typer.Argument(Path("."), file_okay=False, help="Where to create it.")) -> None:
    """Create a data repository with one worked example: a target, a report and a derived metric."""
    from planaudit.scaffold import EXAMPLE_YEAR, create_repository

    created = _run(lambda: create_repository(directory))
    listed = "".join(f"  {path}\n" for path in created)
    sys.stdout.write(f"Created a planaudit data repository in {directory}:\n{listed}"
                     f"Try: planaudit check {EXAMPLE_YEAR} --data {directory}\n")


DocumentKindChoice = enum.Enum("DocumentKindChoice", {"plan": "plan", "report": "report"}, type=str)  # type: ignore[misc]
CoverageFormat = enum.Enum("CoverageFormat", {found.name: found.name for found in COVERAGE_FORMATS}, type=str)  # type: ignore[misc]
EncodingOption = typer.Option(None, "--encoding", help="The document's encoding when it is not UTF-8: gb18030 (which "
                                                       "reads GBK too), big5…")


@app.command()
def coverage(
    document: Path = typer.Argument(..., dir_okay=False, help="The plan or report, as text."),
    jurisdiction: str | None = typer.Option(None, "-j", "--jurisdiction", help="Whose document it is. Default: the "
                                            "jurisdiction whose file has the most quotes standing in it."),
    year: int | None = typer.Option(None, "--year", help="The document's year. Default: from its title."),
    kind: DocumentKindChoice | None = typer.Option(
        None, "--kind", help="plan or report. Default: from the title (要点/计划: plan; 总结/报告: report)."),
    encoding: str | None = EncodingOption,
    part: str | None = typer.Option(None, "--part", help="Only this part of the document: 三 for 三、… (a report "
                                                         "whose part 三 is next year's plan)."),
    output_format: CoverageFormat = typer.Option("table", "--format", help="Format of the finding."),
    lang: Lang | None = LangOption,
    data: Path = DataOption,
) -> None:
    """Hold a plan (or a report) against the repository: every commitment (figure) of the document
    that no target (figure) quotes, with its line and section; every quote of the jurisdiction's
    file that the document does not hold verbatim (exit 1); a report's figures that no target uses."""
    from planaudit import api
    from planaudit.extract import DocumentKind

    root = _root(data)
    language = _Speech.use(lang, _run(lambda: api.settings(root)))
    chosen = DocumentKind(kind.value) if kind is not None else None
    result = _run(lambda: api.coverage(root, document, jurisdiction, year, chosen, encoding, part))
    reporter = COVERAGE_REPORTERS[output_format.value](language)
    human = not COVERAGE_BY_NAME[output_format.value].for_programs
    _run(lambda: deliver(None, functools.partial(reporter.write, result), human=human))
    raise typer.Exit(exit_status(coverage=result))


@app.command()
def extract(
    file: Path = typer.Argument(..., dir_okay=False, help="The plan or report, as text (UTF-8 unless --encoding)."),
    kind: DocumentKindChoice | None = typer.Option(
        None, "--kind", help="plan or report. Default: from the title (要点/计划: plan; 总结/报告: report)."),
    year: int | None = typer.Option(None, "--year", help="The document's year. Default: from the title, e.g. 2022年工作要点."),
    jurisdiction: str | None = typer.Option(
        None, "-j", "--jurisdiction", help="Its slug. Default: the output file's name, else the input file's."),
    output: Path | None = typer.Option(None, "-o", "--output", dir_okay=False,
                                       help="Write the draft to this file. Default: standard output."),
    force: bool = typer.Option(False, "--force", help="Replace the output file if it exists."),
    encoding: str | None = EncodingOption,
    lang: Lang | None = typer.Option(None, "--lang", help="Language of the messages and the draft's comment. "
                                                          "Default: the locale."),
) -> None:
    """Draft the target (plan) or outcome (report) YAML of a document, for review.

    Each metric is left as the placeholder TODO, which validate reports until it is named.
    """
    from planaudit import api
    from planaudit.extract import DocumentKind
    from planaudit.read.layout import SLUG

    language = _Speech.use(lang)
    if jurisdiction is not None and not SLUG.fullmatch(jurisdiction):
        raise _usage_error(f"jurisdiction '{jurisdiction}' is not a slug (lower-case letters, digits, - and _)")
    chosen = DocumentKind(kind.value) if kind is not None else None
    text = _run(lambda: api.draft(file, output, jurisdiction, chosen, year, force, language, encoding))
    if output is None:
        sys.stdout.write(text)


def is_terminal() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _terminal_width() -> int | None:
    """The terminal's width; off a terminal, $COLUMNS when it is set (as rich and less read it), else None."""
    if sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdecimal() and 20 <= int(columns) <= 1000 else None


def main() -> None:
    """The command line, whatever state standard output is in: closed, piped to a reader that
    stops early, or in an encoding that cannot show the text (which is then escaped)."""
    if sys.stdout is None or sys.stderr is None:
        if sys.stderr is not None:
            sys.stderr.write("planaudit: error: standard output is closed\n")
        raise SystemExit(exit_status(usage=True))
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    if default_lang(None) == "zh":
        from planaudit.cli.help_zh import translate_help

        translate_help(app)
    try:
        app()
    except BrokenPipeError:
        # The reader went away (`| head`): nothing more can be said there, and that is no error of ours.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(exit_status(reader_gone=True)) from None
