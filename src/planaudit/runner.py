"""Run an audit a jurisdiction at a time: load → validate → resolve → judge → report, per jurisdiction.

An audit of YEAR reads, for each jurisdiction, its target file of YEAR and its outcome files of
YEAR-1 and YEAR. Figures are resolved, baselines found and inconsistencies looked for within one
jurisdiction only, so each jurisdiction is judged on its own. That keeps a national audit small
in memory — no more than one jurisdiction's files and results are held at once — and lets
jurisdictions be judged on every core: a worker process reads, checks and judges its
jurisdictions and renders their part of each report, and only that text (with the counts and
any problems) comes back.
"""

from __future__ import annotations

import functools
import os
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from . import load
from .cache import ParseCache
from .exceptions import InvalidData, NotADataRepository, NoTargets, UnknownJurisdiction
from .judge import judge_year
from .load import FileRead, Progress, Reader, _Job, _unreadable_file, read_jobs, rules_digest, scan
from .model import Catalogue, Plan, Report, Repository, Settings
from .problems import Problem
from .reporters.base import Part, Reporter
from .result import AuditResult, Overview, Summary
from .rules import Rule, rule_table
from .validate import catalogue_problems, item_checks

PARALLEL_FROM = 32  # jurisdictions to judge before other cores are worth starting


@dataclass(frozen=True)
class Unit:
    """One jurisdiction's files for an audit."""

    jurisdiction: str
    jobs: tuple[_Job, ...]
    audited: bool  # False: its files are only checked (it has no plan for the year, or was not chosen)


@dataclass
class Audit:
    """An audit ready to run: what every jurisdiction is judged with, and the jurisdictions."""

    year: int
    settings: Settings
    catalogue: Catalogue
    units: list[Unit]
    problems: list[Problem]  # found before any data file was read
    unknown: list[str]  # chosen jurisdictions that have no plan for the year
    known: list[str]  # jurisdictions that have one
    files_read: int  # settings and rules files, before the data files
    files_total: int
    cache: ParseCache | None
    reader: Reader[FileRead]
    cache_context: str
    rules: dict[str, Rule] = field(repr=False)


def prepare(data_dir: Path, year: int, jurisdictions: Sequence[str] = (), progress: Progress | None = None,
            cache: ParseCache | None = None) -> Audit:
    """Read the settings and the catalogue, and group the year's data files by jurisdiction."""
    if not data_dir.is_dir():
        raise NotADataRepository(data_dir)
    scanned = scan(data_dir, [year], [year - 1, year], progress, cache)
    if not any(job.kind == "targets" for job in scanned.jobs):
        raise NoTargets(data_dir, year)
    grouped: dict[str, list[_Job]] = {}
    for job in scanned.jobs:
        grouped.setdefault(job.jurisdiction, []).append(job)
    known = sorted(slug for slug, jobs in grouped.items() if any(job.kind == "targets" for job in jobs))
    chosen = set(jurisdictions or known)
    problems = scanned.loader.problems + catalogue_problems(scanned.catalogue)
    # With a problem in the settings or the catalogue, nothing is judged: the data files are only checked.
    units = [Unit(slug, tuple(jobs), not problems and slug in chosen and slug in known)
             for slug, jobs in sorted(grouped.items())]
    return Audit(
        year=year, settings=scanned.settings, catalogue=scanned.catalogue, units=units, problems=problems,
        unknown=[slug for slug in dict.fromkeys(jurisdictions) if slug not in known], known=known,
        files_read=scanned.loader.read, files_total=scanned.loader.total, cache=cache,
        reader=functools.partial(load.read_data_file, checks=item_checks(scanned.catalogue)),
        cache_context=f"checked model {rules_digest(data_dir)}", rules=rule_table(scanned.catalogue),
    )


def judge_unit(audit: Audit, unit: Unit, cache_files: bool = True) -> tuple[list[Problem], AuditResult | None]:
    """A jurisdiction's problems, and, when it has none and is audited, its verdicts. Each file
    read is cached (see :mod:`cache`) if ``cache_files``."""
    cache = audit.cache if cache_files else None
    reads = read_jobs(list(unit.jobs), audit.reader, _unreadable_file, cache, _nothing, 1, audit.cache_context)
    problems = [problem for read in reads for problem in read.problems]
    if problems or not unit.audited:
        return problems, None
    plans: dict[tuple[int, str], Plan] = {}
    reports: dict[tuple[int, str], Report] = {}
    for job, read in zip(unit.jobs, reads, strict=True):
        if isinstance(read.item, Plan):
            plans[(job.year, job.jurisdiction)] = read.item
        elif isinstance(read.item, Report):
            reports[(job.year, job.jurisdiction)] = read.item
    repository = Repository(audit.settings, audit.catalogue, plans, reports)
    return [], judge_year(repository, audit.year, plans.values(), audit.rules)


def _nothing() -> None:
    pass


def raise_for_problems(audit: Audit, problems: list[Problem]) -> None:
    """The data must be clean, and every chosen jurisdiction must have a plan."""
    if problems:
        raise InvalidData(problems)
    if audit.unknown:
        raise UnknownJurisdiction(audit.year, audit.unknown, audit.known)


def audit_whole(audit: Audit, progress: Progress | None = None) -> AuditResult:
    """Every verdict of the audit, in this process, as one result."""
    problems = list(audit.problems)
    pieces = []
    files_done = audit.files_read
    for unit in audit.units:
        found, piece = judge_unit(audit, unit)
        problems += found
        if piece is not None:
            pieces.append(piece)
        files_done += len(unit.jobs)
        _report_progress(progress, files_done, audit.files_total)
    raise_for_problems(audit, problems)
    return AuditResult(
        audit.year, audit.settings, {slug: name for piece in pieces for slug, name in piece.names.items()},
        tuple(item for piece in pieces for item in piece.results),
        tuple(item for piece in pieces for item in piece.inconsistencies),
    )


@dataclass(frozen=True)
class Rendered:
    """An audit rendered for some reporters: the overview, and each reporter's parts in order."""

    overview: Overview
    reporters: Sequence[Reporter]
    parts: list[Spool]  # one per reporter

    def write(self, index: int, out: TextIO) -> None:
        """Write the report of ``reporters[index]``."""
        self.reporters[index].assemble(self.overview, self.parts[index], out)


def render(audit: Audit, reporters: Sequence[Reporter], progress: Progress | None = None,
           workers: int | None = None) -> Rendered:
    """Judge every jurisdiction and render its part of each reporter's report, on ``workers``
    processes (default: every core) when there are many jurisdictions."""
    problems = list(audit.problems)
    names: dict[str, str] = {}
    summaries: dict[str, Summary] = {}
    spools = [Spool() for _ in reporters]
    files_done = audit.files_read
    for unit, (found, judged) in zip(audit.units, _outcomes(audit, reporters, workers), strict=True):
        problems += found
        if judged is not None:
            slug, name, summary, parts = judged
            names[slug], summaries[slug] = name, summary
            for spool, part in zip(spools, parts, strict=True):
                spool.append(part)
        files_done += len(unit.jobs)
        _report_progress(progress, files_done, audit.files_total)
    raise_for_problems(audit, problems)
    return Rendered(Overview(audit.year, audit.settings, names, summaries), reporters, spools)


_Judged = tuple[str, str, Summary, tuple[Part, ...]]  # slug, name, counts, each reporter's part
_Outcome = tuple[list[Problem], _Judged | None]
_RUNNING: tuple[Audit, Sequence[Reporter], str] | None = None  # what forked workers inherit


def _outcomes(audit: Audit, reporters: Sequence[Reporter], workers: int | None) -> Iterator[_Outcome]:
    global _RUNNING
    workers = workers if workers is not None else (os.cpu_count() or 1)
    shape = repr([(type(reporter).__name__, reporter.lang, reporter.color, reporter.width) for reporter in reporters])
    _RUNNING = audit, reporters, f"unit {audit.year} {audit.cache_context} {audit.settings!r} {shape}"
    try:
        if workers <= 1 or len(audit.units) < PARALLEL_FROM or not _can_fork():
            yield from map(_outcome, range(len(audit.units)))
            return
        import multiprocessing  # here, not at the top: a small audit never starts a worker

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_outcome, range(len(audit.units)), chunksize=4)
    finally:
        _RUNNING = None


def _outcome(index: int) -> _Outcome:
    """A jurisdiction's problems, or its name, counts and parts: from the cache when none of its
    files changed since a run with the same rules, settings and reporters; else judged anew."""
    assert _RUNNING is not None
    audit, reporters, context = _RUNNING
    unit = audit.units[index]
    if audit.cache is None:
        return _judged(audit, unit, reporters)
    key = audit.cache.key(_contents(unit), context, str(unit.audited))
    cached = audit.cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    outcome = _judged(audit, unit, reporters)
    audit.cache.put(key, outcome)
    return outcome


def _judged(audit: Audit, unit: Unit, reporters: Sequence[Reporter]) -> _Outcome:
    problems, piece = judge_unit(audit, unit, cache_files=False)  # its outcome is cached whole instead
    if piece is None:
        return problems, None
    (slug, name), = piece.names.items()
    return [], (slug, name, piece.overview().summaries[slug], tuple(reporter.part(piece) for reporter in reporters))


def _contents(unit: Unit) -> bytes:
    """Every file of a jurisdiction, each by its name and content (an unreadable one by its error)."""
    contents = []
    for job in unit.jobs:
        try:
            content = job.file.read_bytes()
        except OSError as error:
            content = f"unreadable: {error}".encode()
        contents.append(b"%s\0%d\0%s" % (job.display.encode(), len(content), content))
    return b"\0".join(contents)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _report_progress(progress: Progress | None, files_done: int, files_total: int) -> None:
    if progress is not None:
        progress(files_done, files_total)


class Spool:
    """Parts kept in a temporary file as they come, read back in order as often as needed."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - as long-lived as the spool
        self._count = 0

    def append(self, part: Part) -> None:
        self._file.seek(0, os.SEEK_END)
        pickle.dump(part, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def __iter__(self) -> Iterator[Part]:
        position = 0
        for _ in range(self._count):
            self._file.seek(position)  # each reading keeps its own place
            part = pickle.load(self._file)
            position = self._file.tell()
            yield part

    def __len__(self) -> int:
        return self._count
