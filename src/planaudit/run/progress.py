"""`planaudit progress`: the period plans of one period, judged year by year (judge/progress.py).

It reads the settings and the catalogue, and lists the period plans of FIRST-LAST and the outcome
files of their jurisdictions from the base years to the last year. Then a jurisdiction at a time —
on every core when there are many (run/pool), in forked workers that inherit the run — its plan and
its reports are read, checked and judged, from its own reports only; what crosses back is its
problems and its targets' progress, naming the audit's rules and metrics by their ids
(run/wire.JudgedWire). An error in anything read is the run's end (exit 2), as it is for `check`;
warnings are said, and the run goes on.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from planaudit.check.period import BASE_YEARS
from planaudit.check.validate import item_checks, no_metrics
from planaudit.errors import InvalidData, NoPeriodPlans, UnknownJurisdiction
from planaudit.exact.numbers import NumberTooLarge, to_fraction
from planaudit.judge.progress import DEFAULT_BAND, progress_of
from planaudit.judge.rules import Rule, rule_table
from planaudit.model.data import Catalogue, Report, Repository, Settings
from planaudit.model.period import ProgressResult, TargetProgress
from planaudit.model.problems import Problem, errors
from planaudit.read import layout
from planaudit.read.layout import DataFile, PeriodFile
from planaudit.read.load import ItemChecks, read_file, scan
from planaudit.run.periods import misplaced_problem, read_checked
from planaudit.run.pool import ordered_map
from planaudit.run.runner import too_large
from planaudit.run.wire import JudgedWire


@dataclass(frozen=True)
class Progress:
    result: ProgressResult
    problems: tuple[Problem, ...]  # warnings only: an error ends the run


def progress(root: Path, first: int, last: int, as_of: int | None = None, jurisdictions: tuple[str, ...] = (),
             workers: int | None = None) -> Progress:
    """The period's plans judged from its first year to ``as_of`` (default: the latest year, up to
    the period's last, that one of their jurisdictions has an outcome file for), on ``workers``
    processes (default: every core) when there are many jurisdictions."""
    if (first, last) not in layout.periods(root):
        raise NoPeriodPlans(root, f"{first}-{last}", [f"{a}-{b}" for a, b in layout.periods(root)])
    known = sorted(file.jurisdiction for file in layout.period_files(root, first, last)[0])
    unknown = [name for name in jurisdictions if name not in known]
    if unknown:  # only the plans asked for are read: one jurisdiction's `progress`, or `diff`'s, reads no other
        raise UnknownJurisdiction(f"{first}-{last}", unknown, known)
    run = PeriodRun.prepared(root, first, last, jurisdictions or None)
    until = as_of if as_of is not None else run.latest()
    judged = list(ordered_map(functools.partial(run.judged, until), run.slugs, workers, wire=run.wire()))
    problems = run.problems(judged)
    if errors(problems):
        raise InvalidData(errors(problems), layout.folder_in_git(root))
    fatal = next((each.too_large for each in judged if each.too_large is not None), None)
    if fatal is not None:  # an expression that computes more than planaudit computes: as for `check`
        raise InvalidData([fatal], layout.folder_in_git(root))
    return Progress(run.result(until, judged), tuple(problems))


@dataclass(frozen=True)
class Judged:
    """One jurisdiction's period plan, read and judged (in a worker): its problems, file by file in
    the run's order, and — when nothing it read has an error — its targets' progress."""

    slug: str
    name: str | None  # its plan's, when the plan was read
    plan_problems: tuple[Problem, ...]
    report_problems: tuple[tuple[int, tuple[Problem, ...]], ...]  # by the outcome file's place in the run's list
    targets: tuple[TargetProgress, ...] = ()
    too_large: Problem | None = None  # an expression computed more than planaudit computes: the run's error

    @property
    def problems(self) -> list[Problem]:
        return [*self.plan_problems, *(problem for _, found in self.report_problems for problem in found)]


@dataclass(frozen=True)
class PeriodRun:
    """A period's plans ready to be judged a jurisdiction at a time (in workers, which inherit it):
    the settings, the catalogue and its rules, and the files of each jurisdiction with a plan."""

    root: Path
    first: int
    last: int
    settings: Settings
    catalogue: Catalogue
    rules: dict[str, Rule]
    checks: ItemChecks
    plans: dict[str, PeriodFile]  # the period plans of the jurisdictions judged, in the order they are listed
    reports: dict[str, tuple[tuple[int, DataFile], ...]]  # each one's outcome files, with their places in the run's list
    head_problems: tuple[Problem, ...]  # the settings', the catalogue's, and misplaced files'

    @classmethod
    def prepared(cls, root: Path, first: int, last: int, wanted: Collection[str] | None = None) -> PeriodRun:
        """The period's plans of the ``wanted`` jurisdictions (every one, when None; only theirs are
        read), and what judging them needs: nothing of a jurisdiction's own files is read yet."""
        scanned = scan(root, [], range(first - BASE_YEARS, last + 1))
        files, misplaced = layout.period_files(root, first, last, scanned.loader.limit)
        plans = {file.jurisdiction: file for file in files if wanted is None or file.jurisdiction in wanted}
        reports: dict[str, list[tuple[int, DataFile]]] = {slug: [] for slug in plans}
        for place, job in enumerate(scanned.jobs):
            if job.jurisdiction in reports:
                reports[job.jurisdiction].append((place, job))
        head = [*scanned.loader.problems, *no_metrics(scanned.catalogue, len(plans)),  # as check: a metric is unknown
                *(misplaced_problem(item) for item in misplaced if wanted is None)]
        return cls(root, first, last, scanned.settings, scanned.catalogue, rule_table(scanned.catalogue),
                   item_checks(scanned.catalogue, scanned.settings), plans,
                   {slug: tuple(found) for slug, found in reports.items()}, tuple(head))

    @property
    def slugs(self) -> list[str]:
        """The jurisdictions judged, in the order of their slugs (which is not quite their files')."""
        return sorted(self.plans)

    @property
    def band(self) -> Fraction:
        band = self.settings.progress_band
        return DEFAULT_BAND if band is None else Fraction(to_fraction(band))

    def latest(self) -> int:
        """The latest year of the period that one of its jurisdictions has an outcome file for (its first, when none)."""
        return max((job.year for found in self.reports.values() for _, job in found if self.first <= job.year <= self.last),
                   default=self.first)

    def wire(self) -> JudgedWire:
        """How a worker's judgement crosses: the audit's rules and metrics by their ids."""
        return JudgedWire((self.rules, self.catalogue.metrics))

    def judged(self, until: int, slug: str) -> Judged:
        """``slug``'s plan and reports read and checked, and — when none of them, nor the settings or
        the catalogue, has an error — its plan judged from its own reports up to ``until``."""
        plan, plan_problems = read_checked(self.root, self.plans[slug], self.catalogue, self.rules)
        if plan is None:  # its reports are not read: nothing of them would be judged
            return Judged(slug, None, tuple(plan_problems), ())
        reads = [(place, job, read_file(self.root, job, self.checks)) for place, job in self.reports[slug]]
        found = Judged(slug, plan.name, tuple(plan_problems),
                       tuple((place, read.problems) for place, _, read in reads if read.problems))
        if errors([*self.head_problems, *found.problems]):
            return found
        own = {(job.year, slug): read.item for _, job, read in reads if isinstance(read.item, Report)}
        repository = Repository(self.settings, self.catalogue, {}, own)
        try:
            targets = progress_of(plan, repository, self.rules, until, self.band)
        except NumberTooLarge as error:
            return dataclasses.replace(found, too_large=too_large(self.catalogue, error, slug, until))
        return dataclasses.replace(found, targets=targets)

    def problems(self, judged: Sequence[Judged]) -> list[Problem]:
        """Every problem the run found, in its order: the settings' and catalogue's, the plans' in the
        order they are listed, then the outcome files' in theirs."""
        by_slug = {each.slug: each for each in judged}
        reports = sorted(((place, found) for each in judged for place, found in each.report_problems), key=lambda item: item[0])
        return [*self.head_problems, *(problem for slug in self.plans for problem in by_slug[slug].plan_problems),
                *(problem for _, found in reports for problem in found)]

    def result(self, until: int, judged: Sequence[Judged]) -> ProgressResult:
        return ProgressResult(first=self.first, last=self.last, as_of=until, band=self.band,
                              names={each.slug: each.name for each in judged if each.name is not None},
                              targets=tuple(target for each in judged for target in each.targets))
