"""Run an audit a jurisdiction at a time: load → validate → resolve → judge → report, per jurisdiction.

An audit of YEAR reads, for each jurisdiction, its target file of YEAR and its outcome files of
YEAR-1 and YEAR. Figures are resolved, baselines found and inconsistencies looked for within one
jurisdiction only, so each jurisdiction is judged on its own. That keeps a national audit small
in memory — no more than one jurisdiction's files and results are held at once — and lets
jurisdictions be judged on every core: a worker process reads, checks and judges its
jurisdictions, makes what each one adds to each report (the reporter's ``piece`` of its
:class:`JurisdictionResult`), and each one's outcome comes back — its problems, counts and pieces —
to be kept in a temporary file (:class:`Pieces`) until each reporter is begun with the whole run's
overview and handed its pieces in order (``Rendered.write``).
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from planaudit.check.validate import catalogue_problems, item_checks, no_metrics
from planaudit.errors import InvalidData, NoTargets, UnknownJurisdiction
from planaudit.exact.numbers import MAX_COMPUTED_DIGITS, NumberTooLarge
from planaudit.judge.rules import Rule, rule_table
from planaudit.judge.verdicts import judge_year
from planaudit.messages import msg
from planaudit.model.data import Catalogue, Plan, Repository, Settings
from planaudit.model.problems import Code, Problem, capped, errors, not_disabled
from planaudit.model.result import AuditResult, JurisdictionResult, Overview, Summary, YearOverview, years_span
from planaudit.read import layout, load
from planaudit.read.layout import DataFile
from planaudit.read.load import FileRead, Progress, Reader, plans_and_reports, scan, unreadable_file, unreadable_problem
from planaudit.run.cache import run_digest, unit_digest, years_digest
from planaudit.run.pool import ordered_map
from planaudit.run.wire import Wire

if TYPE_CHECKING:  # the run hands results to reporters' piece, and pieces to their add; it imports nothing of report/
    from planaudit.report.base import Reporter


@dataclass(frozen=True)
class Jurisdiction:
    """One jurisdiction's files for an audit."""

    slug: str
    files: tuple[DataFile, ...]
    audited: bool  # False: its files are only checked (it has no plan for the year, or was not chosen)


@dataclass
class Audit:
    """An audit ready to run: what every jurisdiction is judged with, and the jurisdictions."""

    root: Path
    year: int
    settings: Settings
    catalogue: Catalogue
    jurisdictions: list[Jurisdiction]
    problems: list[Problem]  # found before any data file was read
    known: list[str]  # jurisdictions that have a plan for the year
    blocked: bool  # an error in the settings or the catalogue: nothing is judged
    files_read: int  # settings and rules files, before the data files
    files_total: int
    reader: Reader[FileRead]
    head: list[tuple[str, bytes]]  # the settings and rules files as read: every verdict depends on them
    misplaced: list[str]
    rules: dict[str, Rule] = field(repr=False)
    absent: tuple[str, ...] = ()  # jurisdictions asked for that have no plan for the year (see prepare_years)


def prepare(data_dir: Path, year: int, jurisdictions: Sequence[str] = (), progress: Progress | None = None,
            subset: Collection[str] | None = None, absent_ok: bool = False) -> Audit:
    """Read the settings and the catalogue, and group the year's data files by jurisdiction: every
    jurisdiction's, or only the chosen ones' (the others' files are not read at all). ``subset``
    chooses by slug without asking that each has a plan for the year (`diff` compares what is there);
    ``absent_ok`` lets a jurisdiction chosen have no plan for the year (it is listed in ``absent``)."""
    scanned = scan(data_dir, [year], [year - 1, year], progress)
    if not any(job.kind == "targets" for job in scanned.jobs) and not scanned.misplaced:
        raise NoTargets(data_dir, year, layout.target_years(data_dir))
    grouped = layout.by_jurisdiction(scanned.jobs)
    known = sorted(slug for slug, jobs in grouped if any(job.kind == "targets" for job in jobs))
    slugs, absent = chosen_slugs(data_dir, year, jurisdictions, known, scanned.jobs)
    if absent and not absent_ok:
        raise UnknownJurisdiction(year, absent, known, spellings(data_dir, known, scanned.jobs))
    if jurisdictions or subset is not None:
        wanted = set(slugs) if subset is None else set(subset)
        grouped = [(slug, jobs) for slug, jobs in grouped if slug in wanted]
    problems = scanned.loader.problems + catalogue_problems(scanned.catalogue)
    problems += no_metrics(scanned.catalogue, len(scanned.jobs))
    # An error in the settings or the catalogue blocks every verdict: the data files are only checked.
    blocked = any(problem.is_error and is_head_file(problem.path) for problem in problems)
    every = [Jurisdiction(slug, tuple(jobs), not blocked and slug in known) for slug, jobs in grouped]
    return Audit(
        root=data_dir, year=year, settings=scanned.settings, catalogue=scanned.catalogue, jurisdictions=every,
        problems=problems, known=known, blocked=blocked,
        files_read=scanned.loader.read, files_total=scanned.loader.read + sum(len(jobs) for _, jobs in grouped),
        reader=functools.partial(load.read_data_file, checks=item_checks(scanned.catalogue, scanned.settings)),
        head=scanned.loader.head, misplaced=scanned.misplaced, rules=rule_table(scanned.catalogue),
        absent=tuple(absent),
    )


def prepare_years(data_dir: Path, years: Sequence[int], jurisdictions: Sequence[str] = (),
                  progress: Progress | None = None) -> list[Audit]:
    """An audit of each of ``years``, in order. Each year must have targets; a jurisdiction chosen
    must have a plan in one of the years at least, and is left out of those where it has none."""
    if len(years) == 1:
        return [prepare(data_dir, years[0], jurisdictions, progress)]
    audits = [prepare(data_dir, year, jurisdictions, progress, absent_ok=True) for year in years]
    nowhere = set.intersection(*(set(audit.absent) for audit in audits))
    if nowhere:
        known = sorted({slug for audit in audits for slug in audit.known})
        raise UnknownJurisdiction(years_span(years), [value for value in jurisdictions if value in nowhere], known)
    return audits


def chosen_slugs(root: Path, year: int, chosen: Sequence[str], known: list[str], files: list[DataFile]
                 ) -> tuple[list[str], list[str]]:
    """The slugs of the chosen jurisdictions, each named by its slug, its name (福州市) or its name
    without 市, 县 or 区 (福州), and the values that name no jurisdiction with a plan for the year;
    only a name that is not a slug makes the plans be read for their names."""
    if all(value in known for value in chosen):
        return list(dict.fromkeys(chosen)), []
    by_name = plans_by_name(root, files)
    slugs, unknown = [], []
    for value in chosen:
        found = [value] if value in known else sorted(by_name.get(value, ()))
        if len(found) == 1:
            slugs.append(found[0])
        else:
            unknown.append(value)
    return list(dict.fromkeys(slugs)), unknown


def plans_by_name(root: Path, files: list[DataFile]) -> dict[str, set[str]]:
    """Each spelling of a plan's jurisdiction name (福州市, 福州) → the slugs it may name."""
    by_name: dict[str, set[str]] = {}
    for slug, name in plan_names(root, [file for file in files if file.kind == "targets"]).items():
        for spelling in {name, name.rstrip("市县区")}:
            by_name.setdefault(spelling, set()).add(slug)
    return by_name


def spellings(root: Path, known: list[str], files: list[DataFile]) -> list[str]:
    """What a jurisdiction may be named by, for a "did you mean": its slug, its name, its short name."""
    return [*known, *plans_by_name(root, files)]


def plan_names(root: Path, plans: list[DataFile]) -> dict[str, str]:
    """Each plan's jurisdiction name, as its file gives it (a file that cannot be read gives none)."""
    reads = (load.read_file(root, file) for file in plans)
    return {read.item.jurisdiction: read.item.name for read in reads if isinstance(read.item, Plan)}


def is_head_file(path: str) -> bool:
    """Is ``path`` the settings file or a rules file, whose errors block every verdict?"""
    return path == layout.SETTINGS_FILE or path.startswith("rules/")


Content = bytes | layout.Unreadable  # a file's bytes as read, or why it was not read


def read_jurisdiction(audit: Audit, jurisdiction: Jurisdiction) -> list[Content]:
    """Each file of a jurisdiction, read once: what it is judged from is what its digest covers."""
    contents: list[Content] = []
    for file in jurisdiction.files:
        try:
            contents.append(layout.read_bytes(audit.root, file.file, file.limit))
        except layout.Unreadable as error:
            contents.append(error)
    return contents


def contents_digest(jurisdiction: Jurisdiction, contents: list[Content]) -> str:
    return unit_digest((file.display, content if isinstance(content, bytes) else content.marker)
                       for file, content in zip(jurisdiction.files, contents, strict=True))


def judge_jurisdiction(audit: Audit, jurisdiction: Jurisdiction, contents: list[Content] | None = None
                       ) -> tuple[list[Problem], AuditResult | None]:
    """A jurisdiction's problems, and, when none of them is an error and it is audited, its verdicts,
    judged from ``contents`` (its files as read; read now when not given)."""
    return judge_reads(audit, jurisdiction, read_items(audit, jurisdiction, contents))


def read_items(audit: Audit, jurisdiction: Jurisdiction, contents: list[Content] | None = None) -> list[FileRead]:
    """Each file of a jurisdiction read into the model, or into its problems, from ``contents``
    (read now when not given), in the order of its files."""
    contents = read_jurisdiction(audit, jurisdiction) if contents is None else contents
    return [unreadable_file(unreadable_problem(file.display, content)) if isinstance(content, layout.Unreadable)
            else audit.reader(content, file.display, file.kind, file.year, file.jurisdiction)
            for file, content in zip(jurisdiction.files, contents, strict=True)]


def judge_reads(audit: Audit, jurisdiction: Jurisdiction, reads: list[FileRead]) -> tuple[list[Problem], AuditResult | None]:
    """:func:`judge_jurisdiction` of files already read."""
    problems = [problem for read in reads for problem in read.problems]
    if errors(problems) or not jurisdiction.audited:
        return problems, None
    plans, reports = plans_and_reports(jurisdiction.files, reads)
    repository = Repository(audit.settings, audit.catalogue, plans, reports)
    try:
        return problems, judge_year(repository, audit.year, plans.values(), audit.rules)
    except NumberTooLarge as error:  # a problem of the expression, with these figures: none of them is judged
        return [*problems, too_large(audit.catalogue, error, jurisdiction.slug, audit.year)], None


def too_large(catalogue: Catalogue, error: NumberTooLarge, jurisdiction: str, year: int) -> Problem:
    """The problem of an expression that computed, from a jurisdiction's figures, a number beyond
    what planaudit computes: where the expression is written (a metric's derive, a rule's expr)."""
    places = [(metric, "derive") for metric in catalogue.metrics.values() if metric.derive is error.expression]
    places += [(rule, "expr") for rule in catalogue.rules.values() if rule.expr is error.expression]
    where, key = places[0] if places else (None, "derive")
    line, col = (1, 1) if where is None else where.positions.get(key, (where.location.line, where.location.col))
    return Problem("rules/" if where is None else where.location.path, line, col, Code.EXPRESSION,
                   said=msg("'{key}' computes, from the {year} figures of {jurisdiction}, a number of more than "
                            "{digits} digits; {jurisdiction} is not judged", key=key, year=year, jurisdiction=jurisdiction,
                            digits=MAX_COMPUTED_DIGITS))


def raise_for_problems(audit: Audit, problems: list[Problem]) -> None:
    """Nothing can be judged when the settings or the catalogue have an error."""
    if audit.blocked:
        raise InvalidData(problems, layout.folder_in_git(audit.root))


def audit_whole(audit: Audit, progress: Progress | None = None) -> AuditResult:
    """Every verdict of the audit, in this process, as one result; raises :class:`InvalidData` when
    any file it read has an error (a library caller asks for all of it, or for nothing)."""
    problems = list(audit.problems)
    pieces = []
    files_done = audit.files_read
    for jurisdiction in audit.jurisdictions:
        found, piece = judge_jurisdiction(audit, jurisdiction)
        problems += found
        if piece is not None:
            pieces.append(piece)
        files_done += len(jurisdiction.files)
        report_progress(progress, files_done, audit.files_total)
    if errors(problems):
        raise InvalidData(problems, layout.folder_in_git(audit.root))
    return AuditResult(
        audit.year, audit.settings, {slug: name for piece in pieces for slug, name in piece.names.items()},
        tuple(item for piece in pieces for item in piece.results),
        tuple(item for piece in pieces for item in piece.inconsistencies),
        {slug: count for piece in pieces for slug, count in piece.directions.items()},
    )


@dataclass(frozen=True)
class Judged:
    """What the run keeps in hand of a judged jurisdiction, for the overview: its name and counts."""

    slug: str
    name: str
    summary: Summary
    missed: tuple[str, ...]  # "jurisdiction/id" of its missed targets (not waived)
    unmeasured: tuple[str, ...]
    partly: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """A jurisdiction's outcome as it crosses from the process that judged it: the digest of its
    files as read, its problems, and — when it was judged — its name and counts, and what it adds
    to each report (pickled, as :class:`Pieces` keeps it)."""

    digest: str
    problems: tuple[Problem, ...]
    judged: Judged | None = None
    pieces: tuple[bytes, ...] = ()  # one for each reporter


class Shared:
    """What the processes of a run share: the reporters, whose pieces a worker makes of each result
    it judged, and how those pieces cross to the run (plain data, pickled)."""

    def __init__(self, reporters: Sequence[Reporter]) -> None:
        self.reporters = reporters
        self.wire = Wire()

    def pickled_pieces(self, result: JurisdictionResult) -> tuple[bytes, ...]:
        """What ``result`` adds to each report, as it crosses to the run and :class:`Pieces` keeps it."""
        return tuple(self.wire.dumps(reporter.piece(result)) for reporter in self.reporters)

    def unpickled(self, data: bytes) -> object:
        """A piece :meth:`pickled_pieces` made, in this run (never anything read from elsewhere)."""
        return self.wire.loads(data)


class Pieces:
    """What the judged jurisdictions add to the reports, in order, kept in a temporary file of this
    run's own (an audit is never held whole in memory) and handed back one jurisdiction at a time,
    as often as asked. The file is the run's alone (unnamed, gone with it), written only with what
    this run's own processes pickled."""

    def __init__(self, shared: Shared) -> None:
        self.shared = shared
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - as long-lived as the pieces
        self._places: list[list[tuple[int, int]]] = [[] for _ in shared.reporters]  # each reporter's: where, how long

    def append(self, pickled: tuple[bytes, ...]) -> None:
        """One jurisdiction's pieces, one for each reporter."""
        position = self._file.seek(0, os.SEEK_END)
        for places, piece in zip(self._places, pickled, strict=True):
            self._file.write(piece)
            places.append((position, len(piece)))
            position += len(piece)

    def of(self, index: int) -> Iterator[object]:
        """The pieces of the reporter at ``index``, a jurisdiction at a time (only its own are read)."""
        for position, size in self._places[index]:
            self._file.seek(position)  # each reading keeps its own place
            yield self.shared.unpickled(self._file.read(size))


@dataclass(frozen=True)
class Rendered:
    """An audit judged for some reporters: the overview, what each judged jurisdiction adds to each
    report, in order, and the digest of every byte the run read (what a recorded answer may be keyed on)."""

    overview: Overview
    reporters: Sequence[Reporter]
    pieces: Pieces
    inputs: str
    problems: list[Problem]  # every problem of what was read, sorted and capped: warnings, and errors that
    # kept their jurisdiction from being judged

    def write(self, index: int, out: TextIO) -> None:
        """Write the report of ``reporters[index]``: begun with the overview, handed each
        jurisdiction's piece in order, ended."""
        reporter = self.reporters[index]
        reporter.begin(self.overview, out)
        for piece in self.pieces.of(index):
            reporter.add(piece)
        reporter.end(self.overview)


def render(audit: Audit, reporters: Sequence[Reporter], progress: Progress | None = None,
           workers: int | None = None) -> Rendered:
    """Judge every jurisdiction, on ``workers`` processes (default: every core) when there are
    many, keeping what each one adds to each report, which ``Rendered.write`` hands the reporter."""
    return render_years([audit], reporters, progress, workers)


def render_years(audits: Sequence[Audit], reporters: Sequence[Reporter], progress: Progress | None = None,
                 workers: int | None = None) -> Rendered:
    """:func:`render` of the audits of several years (:func:`prepare_years`), as one run: each year's
    jurisdictions in order, year after year. A problem of a file that two years read (the outcomes
    of the year between them) is said once."""
    problems = [problem for audit in audits for problem in audit.problems]
    years: list[YearOverview] = []
    shared = Shared(reporters)
    pieces = Pieces(shared)
    digests: list[str] = []
    tally = Tally(sum(audit.files_read for audit in audits), sum(audit.files_total for audit in audits), progress)
    found = outcomes(audits, shared, workers)
    for audit in audits:
        judged: list[Judged] = []
        not_judged: list[str] = []
        units: list[tuple[str, str]] = []
        for jurisdiction in audit.jurisdictions:
            outcome = next(found)
            problems += outcome.problems
            units.append((jurisdiction.slug, outcome.digest))
            if outcome.judged is not None:
                judged.append(outcome.judged)
                pieces.append(outcome.pieces)
            elif jurisdiction.audited:
                not_judged.append(jurisdiction.slug)
            tally.done(len(jurisdiction.files))
        years.append(YearOverview(audit.year, {item.slug: item.name for item in judged},
                                  {item.slug: item.summary for item in judged}, tuple(not_judged),
                                  tuple(name for item in judged for name in item.missed),
                                  tuple(name for item in judged for name in item.unmeasured),
                                  tuple(name for item in judged for name in item.partly)))
        digests.append(run_digest(audit.head, units, audit.misplaced))
    for audit in audits:
        raise_for_problems(audit, problems)
    first = audits[0]
    return Rendered(Overview(first.settings, tuple(years)), reporters, pieces, years_digest(digests),
                    not_disabled(capped(list(dict.fromkeys(problems))), first.settings.problems))


class Tally:
    """The files a run has read, told to its progress bar as it goes."""

    def __init__(self, done: int, total: int, progress: Progress | None) -> None:
        self.files_done, self.files_total, self.progress = done, total, progress

    def done(self, files: int) -> None:
        self.files_done += files
        report_progress(self.progress, self.files_done, self.files_total)


def outcomes(audits: Sequence[Audit], shared: Shared, workers: int | None) -> Iterator[Outcome]:
    """Each jurisdiction's outcome, year after year, in order, on every core when there are many."""
    task = functools.partial(jurisdiction_outcome, audits, shared)
    places = [(index, place) for index, audit in enumerate(audits) for place in range(len(audit.jurisdictions))]
    return ordered_map(task, places, workers, chunksize=4)


def jurisdiction_outcome(audits: Sequence[Audit], shared: Shared, place: tuple[int, int]) -> Outcome:
    """A jurisdiction's outcome — the ``place[1]``-th of the ``place[0]``-th audit — judged from the
    very bytes its digest covers (its files, read once)."""
    audit = audits[place[0]]
    jurisdiction = audit.jurisdictions[place[1]]
    contents = read_jurisdiction(audit, jurisdiction)
    digest = contents_digest(jurisdiction, contents)
    problems, piece = judge_jurisdiction(audit, jurisdiction, contents)
    if piece is None:
        return Outcome(digest, tuple(problems))
    (result,) = piece.jurisdictions()
    return Outcome(digest, tuple(problems),
                   Judged(result.slug, result.name, result.summary, result.missed, result.unmeasured, result.partly),
                   shared.pickled_pieces(result))


def report_progress(progress: Progress | None, files_done: int, files_total: int) -> None:
    if progress is not None:
        progress(files_done, files_total)
