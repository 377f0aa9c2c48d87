"""`planaudit diff`: the verdicts that change between two revisions of a data repository.

read/revision says which files differ; only the audits those files take part in are judged, at both
revisions — a target file of YEAR is judged in the audit of YEAR, an outcome file of YEAR in those
of YEAR and YEAR+1 (its figures are the next year's baselines) — and every verdict of the rest is
the same at both sides by construction (a jurisdiction is judged from its own files only). When
planaudit.yaml or a rules file differs, every audit is judged. A revision's files are written out
to a temporary folder (read/revision) and read from there exactly as a checkout's are; the
working tree is read where it is. A revision whose tree git would refuse is compared with nothing:
its problems (bad-revision) are the result.

A jurisdiction is judged at both sides, as `check` judges it, and compared in one task: on every
core when there are many, in forked workers that inherit both audits — their catalogues and the
rules built from them, custom rules included. A worker sends back only what the comparison made of
the jurisdiction — its changes, the targets compared (for a rules change), the head's problems, the
outcome files whose figures are compared — naming each audit's rules and metrics by their ids
(run/wire.JudgedWire), which this process looks up in its own audits; never the two audits' results.
The files judging read are validated there too (run/validate.Validation), for the problems the
change introduces, rather than read again. Period plans are compared the same way, a jurisdiction
at a time: its plan judged at both sides as `progress` judges it (run/progress.PeriodRun), and
only the changes sent back.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import re
import tempfile
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from planaudit.errors import NoTargets
from planaudit.judge.compare import compare_figures, compare_inconsistencies, compare_progress, compare_targets, moves
from planaudit.judge.definitions import Sides, compare_definitions
from planaudit.model.changes import (
    Change,
    DefinitionChange,
    DiffResult,
    FigureChange,
    InconsistencyChange,
    NotCompared,
    ProgressChange,
    TargetChange,
)
from planaudit.model.data import Report, Target
from planaudit.model.problems import Problem, capped, errors, not_disabled
from planaudit.model.result import AuditResult
from planaudit.read import layout, load
from planaudit.read.layout import SETTINGS_FILE, DataFile
from planaudit.read.load import FileRead
from planaudit.read.revision import WORKING_TREE, BadRevision, GitRepository, Revision
from planaudit.run import runner
from planaudit.run.pool import ordered_map
from planaudit.run.progress import Judged, PeriodRun
from planaudit.run.validate import Packed, Validation, new_problems
from planaudit.run.wire import JudgedWire

_DATA_FILE = re.compile(r"(targets|outcomes)/([0-9]{4})/([a-z0-9][a-z0-9_-]*)\.yaml")
_RULES_FILE = re.compile(r"rules/[^/.][^/]*\.yaml")
_PERIOD_FILE = re.compile(r"targets/[0-9]{4}-[0-9]{4}/([a-z0-9][a-z0-9_-]*)\.yaml")

Audited = tuple[int, str]  # (year, jurisdiction)


@dataclass(frozen=True)
class Touched:
    """What a change between two revisions touches."""

    everything: bool  # planaudit.yaml or a rules file differs: any verdict may
    audits: frozenset[Audited]  # the audits whose files differ
    reports: frozenset[Audited]  # the outcome files that differ
    periods: frozenset[str] = frozenset()  # the jurisdictions whose period plans differ: validated, their progress compared

    @classmethod
    def of(cls, paths: Iterable[str]) -> Touched:
        everything, audits, reports, periods = False, set(), set(), set()
        for path in paths:
            found = _DATA_FILE.fullmatch(path)
            period = _PERIOD_FILE.fullmatch(path)
            if path == SETTINGS_FILE or _RULES_FILE.fullmatch(path):
                everything = True
            elif found is not None:
                kind, year, slug = found.group(1), int(found.group(2)), found.group(3)
                audits.add((year, slug))
                if kind == "outcomes":
                    audits.add((year + 1, slug))
                    reports.add((year, slug))
            elif period is not None:
                periods.add(period.group(1))
        return cls(everything, frozenset(audits), frozenset(reports), frozenset(periods))

    @property
    def nothing(self) -> bool:
        return not (self.everything or self.audits or self.periods)

    @property
    def slugs(self) -> set[str]:
        """The jurisdictions whose files differ."""
        return {slug for _, slug in self.audits} | set(self.periods)

    def paths(self, known: Iterable[str] = ()) -> list[str]:
        """The files a revision must give to judge what is touched: the settings and rules, and every
        file of each audit touched (all of them, when everything is) — and of its ``known`` files,
        every other of a jurisdiction touched, of any year, for `validate`'s checks across its years."""
        if self.everything:
            return [SETTINGS_FILE, "rules", "targets", "outcomes"]
        wanted = {f"{kind}/{year}/{slug}.yaml" for audit_year, slug in self.audits
                  for kind, year in (("targets", audit_year), ("outcomes", audit_year - 1), ("outcomes", audit_year))}
        slugs = self.slugs
        wanted |= {path for path in known if (found := _DATA_FILE.fullmatch(path)) and found.group(3) in slugs}
        wanted |= {path for path in known if (found := _PERIOD_FILE.fullmatch(path)) and found.group(1) in slugs}
        return [SETTINGS_FILE, "rules", *sorted(wanted)]


def compare_revisions(root: Path, base_name: str | None, head_name: str | None, years: Collection[int] = (),
                      workers: int | None = None) -> DiffResult:
    """What differs between the data repository at ``base_name`` (default: where the current branch
    left the default branch) and at ``head_name`` (default: the working tree), in ``years`` (default: every
    year touched), judged on ``workers`` processes (default: every core) when there are many
    jurisdictions. Raises a GitError when git cannot tell."""
    repository = GitRepository.locate(root)
    base = repository.resolve(base_name) if base_name else repository.default_base()
    head = repository.resolve(head_name) if head_name else WORKING_TREE
    try:
        touched = Touched.of(repository.changed(base, head))
        if touched.nothing:
            return DiffResult(base.short, head.short, (), (), ())
        with tempfile.TemporaryDirectory(prefix="planaudit-diff-") as folder:
            before = _checkout(repository, base, touched, Path(folder) / "base")
            after = root if head.commit is None else _checkout(repository, head, touched, Path(folder) / "head")
            with _collector_paused():
                return _Comparison(before, after, touched, set(years), workers).result(base, head)
    except BadRevision as bad:  # nothing of it was written, nor judged
        return DiffResult(base.short, head.short, (), (), (), problems=bad.problems)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while the sides are compared: what the comparison
    holds — the changes, every target compared, for a rules change hundreds of thousands of frozen
    objects that form no cycle — each of its passes would walk again. Reference counting frees them
    as it always does; what judges collects the garbage judging makes (:func:`_collecting`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def _collecting() -> Iterator[None]:
    """The collector running while a jurisdiction is judged, which makes cyclic garbage: in a worker,
    as always (run/pool); in this process, though the comparison paused it."""
    paused = not gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if paused:
            gc.disable()


def _checkout(repository: GitRepository, revision: Revision, touched: Touched, folder: Path) -> Path:
    folder.mkdir()
    repository.export(revision, touched.paths(repository.files(revision)), folder)
    return folder


@dataclass
class _Side:
    """What a year's audit at one revision leaves for the rest of the comparison: the outcome files
    of the year it read, of the jurisdictions whose figures are compared, and its problems."""

    problems: list[Problem] = field(default_factory=list)
    reports: dict[str, FileRead] = field(default_factory=dict)  # each jurisdiction's outcome file of the year, as read


@dataclass(frozen=True)
class _Audit:
    """A year's audit at one revision, ready to judge its jurisdictions one by one (in workers, which
    inherit it), and what `validate` still lacks of them there."""

    audit: runner.Audit
    jurisdictions: dict[str, runner.Jurisdiction]
    validation: Validation
    validating: frozenset[str]

    @classmethod
    def prepared(cls, root: Path, year: int, slugs: Collection[str], validation: Validation) -> _Audit | None:
        """The audit of ``slugs``; None with no plan of the year at that revision (every target is added, or removed)."""
        try:
            audit = runner.prepare(root, year, subset=slugs)
        except NoTargets:
            return None
        return cls(audit, {jurisdiction.slug: jurisdiction for jurisdiction in audit.jurisdictions}, validation,
                   validation.pending(slugs))

    def judged(self, slug: str, reported: frozenset[str]) -> _Judged:
        """The jurisdiction read and judged as `check` judges it; its outcome file of the year as read,
        when its figures are compared (it is in ``reported``); and, when `validate` still lacks it,
        what `validate` finds in its files, those judging read not read again."""
        jurisdiction = self.jurisdictions.get(slug)
        if jurisdiction is None:  # no file of it at this revision
            return _NOTHING
        with _collecting():
            reads = runner.read_items(self.audit, jurisdiction)
            found, piece = runner.judge_reads(self.audit, jurisdiction, reads)
            validated = None
            if slug in self.validating:
                validated = self.validation.packed_from(slug, {file.display: read for file, read
                                                               in zip(jurisdiction.files, reads, strict=True)})
        report = next((read for file, read in zip(jurisdiction.files, reads, strict=True)
                       if file.kind == "outcomes" and file.year == self.audit.year and slug in reported), None)
        return _Judged(tuple(found), piece, piece is None and slug in self.audit.known, report, validated)


@dataclass(frozen=True)
class _Judged:
    """One jurisdiction of a side, judged: its problems, its verdicts when it was judged, whether its
    plan's files kept it from being judged, its outcome file of the year as read (when asked), and
    what validate finds in its files of every year (when asked)."""

    problems: tuple[Problem, ...]
    piece: AuditResult | None
    not_judged: bool
    report: FileRead | None
    validated: Packed | None


_NOTHING = _Judged((), None, False, None, None)  # a jurisdiction of which a side has no file, or no plan of the year


@dataclass(frozen=True)
class _Compared:
    """One jurisdiction of a year judged at both sides and compared — in a worker, from where only
    this crosses: the changes, not the audits."""

    targets: tuple[TargetChange, ...]
    inconsistencies: tuple[InconsistencyChange, ...]
    compared: tuple[Target, ...]  # every target compared, the base's then the head's (asked for rules changes)
    not_judged: tuple[bool, bool]  # at the base, at the head
    problems: tuple[Problem, ...]  # the head's
    reports: tuple[FileRead | None, FileRead | None]
    validated: tuple[Packed | None, Packed | None]


def _compared_jurisdiction(year: int, sides: tuple[_Audit | None, _Audit | None], reported: frozenset[str],
                           listing: bool, slug: str) -> _Compared:
    """``slug`` judged at each side (the collector running: judging makes cyclic garbage) and compared
    (not: the results compared make none); ``listing``: with every target compared."""
    old, new = (_NOTHING if side is None else side.judged(slug, reported) for side in sides)
    targets: tuple[TargetChange, ...] = ()
    inconsistencies: tuple[InconsistencyChange, ...] = ()
    listed: tuple[Target, ...] = ()
    if not (old.not_judged or new.not_judged):
        targets = tuple(compare_targets(year, slug, old.piece, new.piece))
        inconsistencies = tuple(compare_inconsistencies(year, slug, old.piece, new.piece))
        if listing:
            listed = tuple(result.target for piece in (old.piece, new.piece) if piece is not None for result in piece.results)
    return _Compared(targets, inconsistencies, listed, (old.not_judged, new.not_judged), new.problems,
                     (old.report, new.report), (old.validated, new.validated))


class _Comparison:
    def __init__(self, before: Path, after: Path, touched: Touched, years: set[int], workers: int | None) -> None:
        self.before, self.after = before, after
        self.workers = workers
        audits, reports = touched.audits, touched.reports
        if touched.everything:
            audits = frozenset(_every_audit(before) | _every_audit(after))
        self.audits = sorted(audit for audit in audits if not years or audit[0] in years)
        self.reports = sorted(report for report in reports if not years or report[0] in years)
        self.everything = touched.everything
        self.years = years
        # whose period plans' progress a change can move: a plan's own, or a figure of its jurisdiction
        self.progressing = frozenset(touched.periods | {slug for _, slug in touched.reports})
        slugs = {slug for _, slug in [*self.audits, *self.reports]} | set(touched.periods)  # validated at both sides
        self.validations = (Validation(before, slugs), Validation(after, slugs))
        self.compared: dict[tuple[int, str, str], Target] = {}  # every target compared, by year, jurisdiction and id
        self.targets: list[TargetChange] = []
        self.figures: list[FigureChange] = []
        self.inconsistencies: list[InconsistencyChange] = []
        self.not_compared: list[NotCompared] = []
        self.problems: list[Problem] = []

    def result(self, base: Revision, head: Revision) -> DiffResult:
        for year in sorted({year for year, _ in [*self.audits, *self.reports]}):
            before, after = self.audit(year, [slug for audit_year, slug in self.audits if audit_year == year])
            for slug in [slug for report_year, slug in self.reports if report_year == year]:
                self.report(year, slug, before, after)
        progress = [change for first, last in self.periods() for change in self.progress(first, last)]
        levels = load.Loader(self.after).settings().problems
        return DiffResult(base.short, head.short, tuple(moves(self.targets)), tuple(self.figures), tuple(self.inconsistencies),
                          tuple(dict.fromkeys(self.not_compared)),
                          tuple(not_disabled(capped(sorted(set(self.problems))), levels)), tuple(self.introduced()),
                          tuple(self.definitions()), tuple(progress))

    def periods(self) -> list[tuple[int, int]]:
        """The periods with plans at either side whose progress the change can move (of ``years``, when given)."""
        if not (self.everything or self.progressing):
            return []
        found = set(layout.periods(self.before)) | set(layout.periods(self.after))
        return sorted(period for period in found
                      if not self.years or any(period[0] <= year <= period[1] for year in self.years))

    def progress(self, first: int, last: int) -> list[ProgressChange]:
        """The period's plans judged at both sides as of the same year — the later of the two sides'
        latest — and compared a jurisdiction at a time (on every core when there are many); a side
        whose files have an error is not compared."""
        wanted = None if self.everything else self.progressing
        sides = (_period_side(self.before, first, last, wanted), _period_side(self.after, first, last, wanted))
        as_of = max((first if side is None else side.latest() for side in sides), default=first)
        slugs = sorted({slug for side in sides if side is not None for slug in side.plans})
        runs = [side for side in sides if side is not None]
        wire = JudgedWire(*[(run.rules, run.catalogue.metrics) for run in runs]) if runs else None
        task = functools.partial(_compared_progress, f"{first}-{last}", sides, as_of)
        compared = list(ordered_map(task, slugs, self.workers, wire=wire))
        broken = [(name, side) for index, (name, side) in enumerate(zip(("base", "head"), sides, strict=True))
                  if side is not None and _failed(side, [each.judged[index] for each in compared])]
        if broken:
            fixed = not any(name == "head" for name, _ in broken)
            self.not_compared += [NotCompared(first, slug, name, fixed, f"{first}-{last}") for name, side in broken
                                  for slug in side.slugs]
            return []
        return [*(change for each in compared for change in each.removed),
                *(change for each in compared for change in each.changes)]

    def definitions(self) -> list[DefinitionChange]:
        """The metrics, rules, scopes and settings that changed, when rules/ or planaudit.yaml did."""
        if not self.everything:
            return []
        before, after = load.Loader(self.before), load.Loader(self.after)
        settings_before, settings_after = before.settings(), after.settings()
        return compare_definitions(Sides(before.catalogue(), after.catalogue(), settings_before, settings_after,
                                         list(self.compared.values())))

    def introduced(self) -> list[Problem]:
        """The problems `validate` finds in the files of the jurisdictions compared at the head that it
        does not find at the base (both as the head's planaudit.yaml levels them)."""
        head, base = self.validations[1].found(self.workers), self.validations[0].found(self.workers)
        base.levels = head.levels
        return new_problems(head, base, self.after, self.before)

    def audit(self, year: int, slugs: list[str]) -> tuple[_Side, _Side]:
        """Compare the year's audits of ``slugs`` at both sides, a jurisdiction at a time; and the sides,
        with the outcome files they read of the jurisdictions whose figures are compared."""
        if not slugs:
            return _Side(), _Side()
        reported = frozenset(slug for report_year, slug in self.reports if report_year == year)
        sides = (_Audit.prepared(self.before, year, slugs, self.validations[0]),
                 _Audit.prepared(self.after, year, slugs, self.validations[1]))
        before, after = (_Side(problems=[] if side is None else list(side.audit.problems)) for side in sides)
        self.problems += after.problems
        audits = [side.audit for side in sides if side is not None]
        wire = JudgedWire(*[(audit.rules, audit.catalogue.metrics) for audit in audits]) if audits else None
        task = functools.partial(_compared_jurisdiction, year, sides, reported, self.everything)
        for slug, each in zip(slugs, ordered_map(task, slugs, self.workers, chunksize=4, wire=wire), strict=True):
            self._take(year, slug, each, (before, after))
        return before, after

    def _take(self, year: int, slug: str, each: _Compared, sides: tuple[_Side, _Side]) -> None:
        """What the comparison of one jurisdiction brought."""
        self.problems += each.problems
        for validation, validated in zip(self.validations, each.validated, strict=True):
            if validated is not None:
                validation.packs[slug] = validated
        for side, report in zip(sides, each.reports, strict=True):
            if report is not None:
                side.reports[slug] = report
        if any(each.not_judged):
            fixed = not each.not_judged[1]
            self.not_compared += [NotCompared(year, slug, side, fixed)
                                  for side, failed in zip(("base", "head"), each.not_judged, strict=True) if failed]
            return
        self.compared.update(((year, slug, target.id), target) for target in each.compared)
        self.targets += each.targets
        self.inconsistencies += each.inconsistencies

    def report(self, year: int, slug: str, before: _Side, after: _Side) -> None:
        """Compare one outcome file's figures, as the audits of its year read it (read now when they did not)."""
        old = before.reports.get(slug) or _read_report(self.before, year, slug)
        new = after.reports.get(slug) or _read_report(self.after, year, slug)
        self.problems += new.problems
        fixed = not errors(new.problems)
        broken = [NotCompared(year, slug, side, fixed) for side, read in (("base", old), ("head", new))
                  if errors(read.problems)]
        if broken:
            self.not_compared += broken
            return
        self.figures += compare_figures(year, slug, _report(old), _report(new))


def _period_side(root: Path, first: int, last: int, wanted: frozenset[str] | None) -> PeriodRun | None:
    """A period's plans at one revision, of ``wanted`` jurisdictions (every one, when None); None when it has none of them."""
    planned = {file.jurisdiction for file in layout.period_files(root, first, last)[0]}
    if not (planned if wanted is None else planned & wanted):
        return None
    return PeriodRun.prepared(root, first, last, wanted)


def _judged_failed(side: PeriodRun, judged: Judged) -> bool:
    """Did the side's settings or catalogue, or the jurisdiction's files, have an error — or an expression compute too much?"""
    return bool(errors([*side.head_problems, *judged.problems])) or judged.too_large is not None


def _failed(side: PeriodRun, judged: Iterable[Judged | None]) -> bool:
    """Would `progress` at this side have ended with an error?"""
    return any(each is not None and _judged_failed(side, each) for each in judged)


def _problems_only(judged: Judged | None) -> Judged | None:
    return None if judged is None else dataclasses.replace(judged, targets=())


@dataclass(frozen=True)
class _ProgressCompared:
    """One jurisdiction's period plan judged at both sides (each None where that side has no plan of
    it) and compared — in a worker, from where this crosses: the changes, removals apart."""

    judged: tuple[Judged | None, Judged | None]
    removed: tuple[ProgressChange, ...]
    changes: tuple[ProgressChange, ...]


def _compared_progress(period: str, sides: tuple[PeriodRun | None, PeriodRun | None], as_of: int,
                       slug: str) -> _ProgressCompared:
    """``slug``'s period plan judged at each side as of ``as_of`` and compared, when neither side's
    files have an error (else: what each side found, for the run to say the period is not compared)."""
    base, head = (None if side is None or slug not in side.plans else side.judged(as_of, slug) for side in sides)
    if any(_failed(side, [each]) for side, each in ((sides[0], base), (sides[1], head)) if side is not None):
        return _ProgressCompared((base, head), (), ())
    changes = compare_progress(period, *(None if side is None or each is None else side.result(as_of, [each])
                                         for side, each in ((sides[0], base), (sides[1], head))))
    # what crosses back is what the comparison said, and the sides' problems: not their judgements
    return _ProgressCompared((_problems_only(base), _problems_only(head)),
                             tuple(change for change in changes if change.change is Change.REMOVED),
                             tuple(change for change in changes if change.change is not Change.REMOVED))


def _report(read: FileRead) -> Report | None:
    return read.item if isinstance(read.item, Report) else None


def _read_report(root: Path, year: int, slug: str) -> FileRead:
    """``outcomes/YEAR/SLUG.yaml`` at ``root`` read, when no audit of the year read it (no plan of
    the year at that side); nothing when there is no such file."""
    path = root / "outcomes" / str(year) / f"{slug}.yaml"
    if not (path.exists() or path.is_symlink()):
        return FileRead(None, ())
    loader = load.Loader(root)
    loader.settings()  # for the size cap of that side
    return load.read_file(root, DataFile(path, f"outcomes/{year}/{slug}.yaml", "outcomes", year, slug, loader.limit))


def _every_audit(root: Path) -> set[Audited]:
    """Every (year, jurisdiction) with a plan at ``root``."""
    return {(year, file.jurisdiction) for year in layout.target_years(root)
            for file in layout.data_files(root, "targets", [year])[0]}
