"""What each command does between its options and its exit status: the library call behind each
command of the command line, which hands it a request and a :class:`Voice` and exits with the
status it returns.

The language of what is said on standard error is resolved here, once per command: the request's
``lang`` (--lang), else planaudit.yaml's once it is read, else the locale's. A run's reports go to
their files first, then to GitHub's step summary, then to standard output; a `check` is answered
from the run memo when one over the very same bytes was recorded (:mod:`planaudit.session.memo`).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from planaudit.errors import EXIT_FAILED
from planaudit.model.grouping import MIN_MEASURED
from planaudit.run.failon import (
    DEFAULT_FAIL_ON,
    NEVER,
    FailOn,
    changes_failure_text,
    exit_status,
    failure_text,
)
from planaudit.session.delivery import Report, Write, append_to, deliver, files_first, inert_stdout

if TYPE_CHECKING:
    from planaudit.messages import Sayable
    from planaudit.model.changes import DiffResult
    from planaudit.model.coverage import CoverageResult
    from planaudit.read.load import Progress
    from planaudit.report.base import Limit
    from planaudit.run.runner import Rendered
    from planaudit.session.memo import RunMemo

ProgressBar = Callable[[], contextlib.AbstractContextManager["Progress | None"]]


class Voice(Protocol):
    """Where a command says things on standard error, and the language it says them in."""

    lang: str

    def say(self, text: str) -> None: ...


def say(voice: Voice, said: str | Sayable) -> str:
    """Say ``said`` in the voice's language: the words said."""
    text = said if isinstance(said, str) else said.render(voice.lang)
    voice.say(text)
    return text


def no_progress() -> contextlib.AbstractContextManager[Progress | None]:
    return contextlib.nullcontext()


def repository_root(data: Path) -> Path:
    """The data repository that ``data`` is in (see :func:`planaudit.read.layout.repository_root`)."""
    from planaudit.read.layout import repository_root as found

    return found(data)


def settings_lang(root: Path, chosen: str | None) -> str:
    """``chosen``, else planaudit.yaml's lang, else the locale's."""
    from planaudit.read.load import Loader
    from planaudit.report.language import default_lang

    return chosen or default_lang(Loader(root).settings().lang)


def lang_here(chosen: str | None) -> str:
    """``chosen``, else the lang of the data repository the command runs in, if it runs in one,
    else the locale's (a command that reads no repository: extract)."""
    from planaudit.read.layout import NoRepository, find_root
    from planaudit.report.language import default_lang

    if chosen:
        return chosen
    try:
        root = find_root(Path("."))
    except NoRepository:
        return default_lang(None)
    return settings_lang(root, None)


@dataclass(frozen=True)
class CheckRequest:
    """A `check` (or an `export`): which audit, its reports, and what fails it."""

    data: Path
    years: tuple[int, ...]  # in the order asked; none: every year with targets (--all)
    jurisdictions: tuple[str, ...] = ()
    reports: tuple[Report, ...] = (Report("table"),)
    lang: str | None = None  # else planaudit.yaml's, else the locale's
    fail_on: FailOn | None = None  # else planaudit.yaml's, else missed
    verdicts_fail: bool = True  # False (export): only an error fails it, and nothing says why
    memo: bool = True  # the run memo: False neither replays nor records it

    def memo_options(self) -> list[object]:
        """Every option that shapes what the run writes and says."""
        reports = [(report.format, report.path and str(report.path), report.color, report.width) for report in self.reports]
        return [reports, self.lang, self.fail_on and self.fail_on.value, self.verdicts_fail]


def check(request: CheckRequest, voice: Voice, progress: ProgressBar = no_progress) -> int:
    """Judge the audit, deliver its reports, say its problems and why it failed; the exit status."""
    from planaudit.report import for_programs

    root = repository_root(request.data)
    years = audited_years(root, request.years)
    human = [not for_programs(report.format) for report in request.reports]
    step_summary = github_step_summary(request.reports)
    memo = None if step_summary else _memo(root, years, request)
    recorded = memo.recorded() if memo is not None else None
    if memo is not None and recorded is not None:
        before, voice.lang = voice.lang, recorded.lang  # a file that cannot be written is said as the run said it
        on_screen = [shown for report, shown in zip(request.reports, human, strict=True) if report.path is None]
        if memo.replay(recorded, all(on_screen)):
            for text in recorded.said:
                voice.say(text)
            return recorded.status
        voice.lang = before
    fail_on, rendered = _render(root, years, request, voice, progress, room_in(step_summary))
    from planaudit.model.problems import errors

    unusable = bool(errors(rendered.problems))
    failed = request.verdicts_fail and fail_on.fails(rendered.overview.summary)
    kept = _deliver(request.reports, rendered.write, human, step_summary, len(request.reports),
                    None if memo is None else functools.partial(memo.keeping, rendered.inputs))
    from planaudit.read.layout import folder_in_git

    said = [say(voice, text) for text in _said(rendered, fail_on if failed else None, folder_in_git(root))]
    status = exit_status(unusable=unusable, failed=failed)
    if memo is not None and not unusable:  # an error is said afresh each time
        memo.record(rendered.inputs, [report.path for report in request.reports], status, kept, voice.lang, said)
    return status


def audited_years(root: Path, asked: Sequence[int]) -> list[int]:
    """The years a `check` judges, in order, each once: those asked for, else every year with targets."""
    if asked:
        return sorted(set(asked))
    from planaudit.errors import NoTargetYears
    from planaudit.read.layout import target_years

    years = target_years(root)
    if not years:
        raise NoTargetYears(root)
    return years


def _memo(root: Path, years: Sequence[int], request: CheckRequest) -> RunMemo | None:
    if not request.memo:
        return None
    from planaudit.read.layout import folder_in_git
    from planaudit.session.memo import RunMemo

    return RunMemo.open(root, years, list(request.jurisdictions), [*request.memo_options(), folder_in_git(root)])


def _render(root: Path, years: Sequence[int], request: CheckRequest, voice: Voice, progress: ProgressBar,
            summary: Limit | None) -> tuple[FailOn, Rendered]:
    """The audit judged and rendered for each report (and, given the room left in it, ``summary``, for the
    step summary); the --fail-on: the request's, else planaudit.yaml's, else the default."""
    from planaudit.read.layout import folder_in_git
    from planaudit.report import reporter_class
    from planaudit.report.language import default_lang
    from planaudit.run import runner

    with progress() as advance:
        audits = runner.prepare_years(root, years, request.jurisdictions, advance)
        voice.lang = request.lang or default_lang(audits[0].settings.lang)
        settings = audits[0].settings.fail_on
        fail_on = request.fail_on or (FailOn.parse(settings) if settings else DEFAULT_FAIL_ON)
        looks: list[tuple[str, bool, int | None, Limit | None]] = [
            (report.format, report.color, report.width, None) for report in request.reports]
        if summary is not None:
            looks.append(("markdown", False, None, summary))
        folder = folder_in_git(root)
        reporters = [reporter_class(name)(voice.lang, color=color, width=width, fail_on=fail_on.value, limit=limit,
                                          folder=folder, several_years=len(years) > 1)
                     for name, color, width, limit in looks]
        return fail_on, runner.render_years(audits, reporters, advance)


def github_step_summary(reports: Sequence[Report]) -> Path | None:
    """GitHub's step summary, when a run's standard output is in the github format on Actions: it gets
    the Markdown report too (such a run is never answered from the memo: it appends)."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    shown = any(report.path is None and report.format == "github" for report in reports)
    return Path(summary) if summary and shown else None


def room_in(step_summary: Path | None) -> Limit | None:
    """What a step summary can still take (GitHub holds each step's to 1 MiB), or None without one."""
    if step_summary is None:
        return None
    from planaudit.report.base import STEP_SUMMARY, Limit

    try:
        written = step_summary.stat().st_size
    except OSError:
        written = 0
    return Limit(max(0, STEP_SUMMARY.size - written), in_bytes=True)


def _deliver(reports: Sequence[Report], write: Callable[[int, TextIO], None], human: Sequence[bool],
             step_summary: Path | None = None, summary: int | None = None,
             keeping: Callable[[int], Any] | None = None) -> list[Any]:
    """Each report, the files first, then the step summary (``write``'s report ``summary``), then
    standard output; each copied as it goes where ``keeping(index)`` says: those copies."""
    kept: list[Any] = [None] * len(reports)
    on_screen = [index for index, report in enumerate(reports) if report.path is None]
    files = [index for index in range(len(reports)) if index not in on_screen]
    for index in files:
        kept[index] = _deliver_one(reports[index], functools.partial(write, index), human[index], keeping, index)
    if step_summary is not None and summary is not None:
        append_to(step_summary, functools.partial(write, summary))
    for index in on_screen:
        kept[index] = _deliver_one(reports[index], functools.partial(write, index), human[index], keeping, index)
    return kept


def _deliver_one(report: Report, write: Write, human: bool, keeping: Callable[[int], Any] | None, index: int) -> Any:
    with keeping(index) if keeping is not None else contextlib.nullcontext() as copy:
        deliver(report.path, write, human, copy)
        return copy


def _said(rendered: Rendered, failing: FailOn | None, folder: str) -> list[str | Sayable]:
    """What a `check` says on standard error: its problems (their paths from the top of the git
    repository: ``folder`` is where the data is in it), then why it failed."""
    from planaudit.report.problems import problems_text

    said: list[str | Sayable] = ([problems_text(rendered.problems, rendered.overview.not_judged, folder)]
                                 if rendered.problems else [])
    if failing is not None:
        said.append(failure_text(rendered.overview, failing))
    return said


@dataclass(frozen=True)
class CompareRequest:
    """A `compare`: which years and jurisdictions, which tables, and its reports."""

    data: Path
    years: tuple[int, ...]  # none: every year with targets (--all)
    jurisdictions: tuple[str, ...] = ()
    groupings: tuple[str, ...] = ()  # none: every one
    min_measured: int = MIN_MEASURED
    reports: tuple[Report, ...] = (Report("table"),)
    lang: str | None = None


def compare(request: CompareRequest, voice: Voice, progress: ProgressBar = no_progress) -> int:
    """Judge the years asked, deliver the comparison's reports, say the problems; 0, or 2 on an error."""
    from planaudit.model.grouping import Grouping
    from planaudit.model.problems import errors
    from planaudit.read.layout import folder_in_git
    from planaudit.report import COMPARE, for_programs, reporter_class
    from planaudit.report.language import default_lang
    from planaudit.report.problems import problems_text
    from planaudit.run import runner

    root = repository_root(request.data)
    years = audited_years(root, request.years)
    groupings = [Grouping(name) for name in request.groupings] or list(Grouping)
    with progress() as advance:
        audits = runner.prepare_years(root, years, request.jurisdictions, advance)
        voice.lang = request.lang or default_lang(audits[0].settings.lang)
        folder = folder_in_git(root)
        reporters = [reporter_class(report.format, COMPARE)(
            voice.lang, color=report.color, width=report.width, folder=folder, several_years=len(years) > 1,
            groupings=groupings, min_measured=request.min_measured) for report in request.reports]
        rendered = runner.render_years(audits, reporters, advance)
    _deliver(request.reports, rendered.write, [not for_programs(report.format, COMPARE) for report in request.reports])
    if rendered.problems:
        say(voice, problems_text(rendered.problems, rendered.overview.not_judged, folder))
    return exit_status(unusable=bool(errors(rendered.problems)))


def site(data: Path, years: Sequence[int], jurisdictions: Sequence[str], directory: Path, lang: str | None,
         voice: Voice, progress: ProgressBar = no_progress) -> int:
    """The audit of ``years`` (none: every year with targets) as a static site in ``directory``, in
    every language; the problems said; 0, or 2 on an error."""
    from planaudit.model.problems import errors
    from planaudit.read.layout import folder_in_git
    from planaudit.report.language import LANGUAGES, default_lang
    from planaudit.report.problems import problems_text
    from planaudit.report.site import SiteReporter, write_assets
    from planaudit.run import runner

    root = repository_root(data)
    chosen = audited_years(root, years)
    with progress() as advance:
        audits = runner.prepare_years(root, chosen, jurisdictions, advance)
        folder = folder_in_git(root)
        voice.lang = lang or default_lang(audits[0].settings.lang)
        first = default_lang(audits[0].settings.lang)
        languages = [first, *(lang for lang in LANGUAGES if lang != first)]  # the site opens in planaudit.yaml's
        slugs = sorted({item.slug for audit in audits for item in audit.jurisdictions}) if jurisdictions else []
        periods, failed = _periods_for_site(root, slugs)  # the jurisdictions chosen, by slug however they were named
        reporters = [SiteReporter(lang, folder=folder, several_years=len(chosen) > 1, directory=directory, periods=periods)
                     for lang in languages]
        rendered = runner.render_years(audits, reporters, advance)
    write_assets(directory, languages)  # a jurisdiction whose files have an error is named on the overview, as in check
    for index in range(len(reporters)):
        rendered.write(index, io.StringIO())
    if rendered.problems:
        say(voice, problems_text(rendered.problems, rendered.overview.not_judged, folder))
    for error in failed:
        say(voice, error.format(voice.lang))
    return exit_status(unusable=bool(errors(rendered.problems)) or bool(failed))


def _periods_for_site(root: Path, jurisdictions: Sequence[str]) -> tuple[list[Any], list[Any]]:
    """`progress` of each period with plans (of the jurisdictions chosen that have one), as of its latest
    report; and the error of each period that cannot be followed (the site is written without it)."""
    from planaudit.errors import PlanauditError
    from planaudit.read import layout
    from planaudit.run.progress import progress as judge_progress

    found: list[Any] = []
    failed: list[PlanauditError] = []
    for first, last in layout.periods(root):
        known = {file.jurisdiction for file in layout.period_files(root, first, last)[0]}
        chosen = tuple(slug for slug in jurisdictions if slug in known)
        if jurisdictions and not chosen:
            continue
        try:
            found.append(judge_progress(root, first, last, jurisdictions=chosen).result)
        except PlanauditError as error:
            failed.append(error)
    return found, failed


def export(data: Path, years: Sequence[int], jurisdictions: Sequence[str], output: Path | None, lang: str | None,
           voice: Voice, progress: ProgressBar = no_progress) -> int:
    """The audit of ``years`` (none: every year with targets) as one Markdown report to publish, to
    ``output`` or standard output; only an error fails it."""
    request = CheckRequest(data, tuple(years), tuple(jurisdictions), (Report("markdown", output),), lang, verdicts_fail=False,
                           memo=False)
    return check(request, voice, progress)


def explain(data: Path, year: int | tuple[int, int], jurisdiction: str, target: str, lang: str | None, voice: Voice,
            progress: ProgressBar = no_progress) -> int:
    """How one target's verdict was reached (of a period plan: its status each year), on standard output."""
    from planaudit.read.layout import folder_in_git
    from planaudit.report.explain import find_target, render_explanation
    from planaudit.report.language import default_lang
    from planaudit.run import runner

    root = repository_root(data)
    if isinstance(year, tuple):
        return _explain_progress(root, year, jurisdiction, target, lang)
    with progress() as advance:
        result = runner.audit_whole(runner.prepare(root, year, [jurisdiction], advance), advance)
    (slug,) = result.names or [jurisdiction]  # the slug of the jurisdiction chosen, however it was named
    item = find_target(result, slug, target)
    with inert_stdout(True):
        sys.stdout.write(render_explanation(item, lang or default_lang(result.settings.lang), folder_in_git(root)))
    return exit_status()


def _explain_progress(root: Path, period: tuple[int, int], jurisdiction: str, target: str, lang: str | None) -> int:
    from planaudit.read.layout import folder_in_git
    from planaudit.report.progress_explain import find_period_target, render_progress_explanation
    from planaudit.run.progress import progress as judge_progress

    found = judge_progress(root, *period, jurisdictions=(jurisdiction,))
    item = find_period_target(found.result, jurisdiction, target)
    with inert_stdout(True):
        sys.stdout.write(render_progress_explanation(item, found.result, settings_lang(root, lang), folder_in_git(root)))
    return exit_status()


def validate(data: Path, output_format: str, strict: bool, lang: str | None, voice: Voice,
             progress: ProgressBar = no_progress, warnings: bool = True, changed: str | None = None) -> int:
    """Every problem of the repository — its errors only, without ``warnings``; only those the git
    revision ``changed`` does not have, with it — listed on standard output, in ``lang``, else
    planaudit.yaml's language, else the locale's; 1 on an error (or, ``strict``, a warning, listed
    or not)."""
    from planaudit.read.layout import folder_in_git
    from planaudit.report.problems import PROBLEM_FORMATS, Unlisted, write_text
    from planaudit.run.validate import introduced_since, validate_everything

    root = repository_root(data)
    voice.lang = settings_lang(root, lang)
    with progress() as advance:
        found = validate_everything(root, advance) if changed is None else introduced_since(root, changed, advance)
    unlisted = Unlisted()
    listed = found if warnings else unlisted.errors(found)
    with inert_stdout(output_format == "text"):
        if output_format == "text":
            tally = write_text(listed, voice.lang, sys.stdout, unlisted, folder=folder_in_git(root))
        else:
            tally = PROBLEM_FORMATS[output_format](listed, voice.lang, sys.stdout, folder=folder_in_git(root))
    return exit_status(failed=bool(tally.errors) or (strict and bool(tally.warnings or unlisted.warnings)))


@dataclass(frozen=True)
class DiffRequest:
    """A `diff`: which revisions and years, its reports, and what fails it."""

    data: Path
    base: str | None = None
    head: str | None = None
    years: tuple[int, ...] = ()
    reports: tuple[Report, ...] = field(default=(Report("table"),))
    lang: str | None = None
    fail_on: FailOn = NEVER


def diff(request: DiffRequest, voice: Voice) -> int:
    """Compare the revisions, deliver the comparison, say its problems and why it failed."""
    from planaudit.model.problems import errors
    from planaudit.report import DIFF, format_named
    from planaudit.report.problems import problems_text
    from planaudit.run.diff import compare_revisions

    root = repository_root(request.data)
    voice.lang = settings_lang(root, request.lang)
    result = compare_revisions(root, request.base, request.head, request.years)
    step_summary = github_step_summary(request.reports)
    from planaudit.report.base import COMMENT

    looks = [(report.format, report.color, report.width, COMMENT if report.path is None else None)
             for report in request.reports]  # on standard output, the Markdown is a pull request's comment
    if step_summary:
        looks.append(("markdown", False, None, COMMENT))
    from planaudit.read.layout import folder_in_git

    folder = folder_in_git(root)
    writers = [diff_writer(result, name, voice.lang, color, width, request.fail_on, limit, folder)
               for name, color, width, limit in looks]
    human = [not format_named(report.format, DIFF).for_programs for report in request.reports]
    _deliver(request.reports, lambda index, out: writers[index](out), human, step_summary, len(request.reports))
    if result.problems:
        say(voice, problems_text(list(result.problems), (), folder))
    status = exit_status(unusable=bool(errors(result.problems)), failed=request.fail_on.fails_diff(result))
    if status == EXIT_FAILED:
        say(voice, changes_failure_text(result, request.fail_on))
    return status


def diff_writer(result: DiffResult, name: str, lang: str, color: bool, width: int | None, fail_on: FailOn,
                limit: Limit | None = None, folder: str = "") -> Write:
    """The one place a diff reporter is called: what writes ``result`` in the format ``name`` (cut to
    ``limit``, where the format can be; its annotations and SARIF naming files from ``folder``, where
    the data is in its git repository)."""
    from planaudit.report import DIFF, reporter_class

    reporter = reporter_class(name, DIFF)(lang, color=color, width=width, fail_on=fail_on.value, limit=limit,
                                          folder=folder)
    return lambda out: reporter.write(result, out)


@dataclass(frozen=True)
class CoverageRequest:
    """A `coverage`: the document, whose it is, and the format of the finding."""

    data: Path
    document: Path
    jurisdiction: str | None = None
    year: int | tuple[int, int] | None = None  # a year, or a period plan's period (first, last)
    kind: str | None = None  # plan or report
    encoding: str | None = None
    part: str | None = None
    output_format: str = "table"
    lang: str | None = None


def coverage(request: CoverageRequest, voice: Voice) -> int:
    """Hold the document against the repository, on standard output; 1 when a quote is not verbatim."""
    from planaudit.extract import DocumentKind
    from planaudit.report import COVERAGE, format_named
    from planaudit.run.coverage import coverage as cover

    root = repository_root(request.data)
    voice.lang = settings_lang(root, request.lang)
    kind = DocumentKind(request.kind) if request.kind is not None else None
    year, period = (None, request.year) if isinstance(request.year, tuple) else (request.year, None)
    result = cover(root, request.document, request.jurisdiction, year, kind, request.encoding, request.part, period)
    human = not format_named(request.output_format, COVERAGE).for_programs
    from planaudit.read.layout import folder_in_git

    deliver(None, coverage_writer(result, request.output_format, voice.lang, folder_in_git(root)), human)
    return exit_status(failed=bool(result.not_verbatim))


def coverage_writer(result: CoverageResult, name: str, lang: str, folder: str = "") -> Write:
    """The one place a coverage reporter is called: what writes ``result`` in the format ``name``
    (naming files from ``folder``, where the data is in its git repository)."""
    from planaudit.report import COVERAGE, reporter_class

    reporter = reporter_class(name, COVERAGE)(lang, folder=folder)
    return lambda out: reporter.write(result, out)


@dataclass(frozen=True)
class ProgressRequest:
    """A `progress`: the period, the year it is judged as of, and its reports."""

    data: Path
    first: int
    last: int
    as_of: int | None = None
    jurisdictions: tuple[str, ...] = ()
    reports: tuple[Report, ...] = (Report("table"),)
    lang: str | None = None


def progress(request: ProgressRequest, voice: Voice) -> int:
    """The period's progress year by year, in each report; its warnings said. Only an error fails it."""
    from planaudit.read.layout import folder_in_git
    from planaudit.report import PROGRESS, for_programs, reporter_class
    from planaudit.report.problems import problems_text
    from planaudit.run.progress import progress as judge_progress

    root = repository_root(request.data)
    voice.lang = settings_lang(root, request.lang)
    found = judge_progress(root, request.first, request.last, request.as_of, request.jurisdictions)
    folder = folder_in_git(root)
    for index in files_first([report.path for report in request.reports]):
        report = request.reports[index]
        reporter = reporter_class(report.format, PROGRESS)(voice.lang, folder=folder)
        deliver(report.path, functools.partial(reporter.write, found.result), not for_programs(report.format, PROGRESS))
    if found.problems:
        say(voice, problems_text(list(found.problems), (), folder))
    return exit_status()
