"""`planaudit progress`: the period plans of one period, judged year by year (judge/progress.py).

It reads the settings and the catalogue, the period plans of FIRST-LAST, and the outcome files of
their jurisdictions from the base years to the last year — in the run's own process, each
jurisdiction judged from its own reports (not yet on the pool that `check` uses: docs/speed.md).
An error in anything read is the run's end (exit 2), as it is for `check`; warnings are said, and
the run goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from planaudit.check.period import BASE_YEARS
from planaudit.check.validate import item_checks
from planaudit.errors import InvalidData, NoPeriodPlans, UnknownJurisdiction
from planaudit.exact.numbers import NumberTooLarge, to_fraction
from planaudit.judge.progress import DEFAULT_BAND, progress_of
from planaudit.judge.rules import Rule, rule_table
from planaudit.model.data import Catalogue, Report, Repository, Settings
from planaudit.model.period import PeriodPlan, ProgressResult, TargetProgress
from planaudit.model.problems import Problem, errors
from planaudit.read import layout
from planaudit.read.load import read_file, scan
from planaudit.run.periods import PeriodPlans
from planaudit.run.runner import too_large


@dataclass(frozen=True)
class Progress:
    result: ProgressResult
    problems: tuple[Problem, ...]  # warnings only: an error ends the run


def progress(root: Path, first: int, last: int, as_of: int | None = None, jurisdictions: tuple[str, ...] = ()) -> Progress:
    """The period's plans judged from its first year to ``as_of`` (default: the latest year, up to
    the period's last, that one of their jurisdictions has an outcome file for)."""
    if (first, last) not in layout.periods(root):
        raise NoPeriodPlans(root, f"{first}-{last}", [f"{a}-{b}" for a, b in layout.periods(root)])
    scanned = scan(root, [], range(first - BASE_YEARS, last + 1))
    _known(root, first, last, jurisdictions, scanned.loader.limit)
    plans = PeriodPlans.read(root, scanned.catalogue, scanned.loader.limit, [(first, last)], jurisdictions or None)
    chosen = sorted(plans.plans, key=lambda plan: plan.jurisdiction)
    slugs = {plan.jurisdiction for plan in chosen}
    checks = item_checks(scanned.catalogue, scanned.settings)
    reads = [(job, read_file(root, job, checks)) for job in scanned.jobs if job.jurisdiction in slugs]
    problems = [*scanned.loader.problems, *plans.problems, *(problem for _, read in reads for problem in read.problems)]
    if errors(problems):
        raise InvalidData(errors(problems), layout.folder_in_git(root))
    reports = {(job.year, job.jurisdiction): read.item for job, read in reads if isinstance(read.item, Report)}
    years = [year for year, _ in reports if first <= year <= last]
    until = as_of if as_of is not None else max(years, default=first)
    band = DEFAULT_BAND if scanned.settings.progress_band is None else Fraction(to_fraction(scanned.settings.progress_band))
    rules = rule_table(scanned.catalogue)
    targets = tuple(item for plan in chosen for item in _judged(root, plan, _own(scanned.settings, scanned.catalogue, reports,
                                                                                  plan.jurisdiction), rules, until, band))
    result = ProgressResult(first=first, last=last, as_of=until, band=band,
                            names={plan.jurisdiction: plan.name for plan in chosen}, targets=targets)
    return Progress(result, tuple(problems))


def _own(settings: Settings, catalogue: Catalogue, reports: dict[tuple[int, str], Report], jurisdiction: str) -> Repository:
    """The repository of one jurisdiction's reports: a jurisdiction is judged from its own files
    only, and each judgement reads every report it is given (the whole country's, at each of its
    thousands of target-years, was quadratic)."""
    return Repository(settings, catalogue, {}, {key: report for key, report in reports.items() if key[1] == jurisdiction})


def _judged(root: Path, plan: PeriodPlan, repository: Repository, rules: dict[str, Rule], until: int, band: Fraction
            ) -> tuple[TargetProgress, ...]:
    """The plan's progress; an expression that computes, from its jurisdiction's figures, more than
    planaudit computes is the run's error (exit 2), as it is for `check`."""
    try:
        return progress_of(plan, repository, rules, until, band)
    except NumberTooLarge as error:
        problem = too_large(repository.catalogue, error, plan.jurisdiction, until)
        raise InvalidData([problem], layout.folder_in_git(root)) from None


def _known(root: Path, first: int, last: int, wanted: tuple[str, ...], limit: int) -> None:
    """Raises UnknownJurisdiction when ``wanted`` names one with no period plan of the period (only
    the plans wanted are read: one jurisdiction's `progress`, or `diff`'s, reads no other)."""
    known = sorted(file.jurisdiction for file in layout.period_files(root, first, last, limit)[0])
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise UnknownJurisdiction(f"{first}-{last}", unknown, known)
