"""The period plans of a repository (targets/<first>-<last>/), read and checked together: what
`validate` lists of them, and what each jurisdiction's period targets use of its reports (so that
a figure only a five-year plan follows is no unused figure) — in the run's own process: a plan is
one small file a jurisdiction. `progress` and `diff` read each with its jurisdiction's reports,
where that jurisdiction is judged (run/progress)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from planaudit.check.period import period_problems
from planaudit.check.validate import Key, period_uses
from planaudit.judge.rules import Rule, rule_table
from planaudit.messages import msg
from planaudit.model.data import Catalogue
from planaudit.model.period import PeriodPlan, PeriodTarget
from planaudit.model.problems import Code, Problem
from planaudit.read import layout
from planaudit.read.period import read_period_file


@dataclass(frozen=True)
class PeriodPlans:
    plans: tuple[PeriodPlan, ...]
    problems: list[Problem]
    uses: Mapping[str, frozenset[Key]]  # by jurisdiction: what its period targets use of its reports

    @classmethod
    def read(cls, root: Path, catalogue: Catalogue, limit: int = layout.MAX_FILE_SIZE,
             periods: list[tuple[int, int]] | None = None, jurisdictions: Collection[str] | None = None) -> PeriodPlans:
        """Every period plan of ``periods`` (every period, when None) of ``jurisdictions`` (every one,
        when None), read and checked against the catalogue."""
        plans: list[PeriodPlan] = []
        problems: list[Problem] = []
        rules = rule_table(catalogue)
        for first, last in layout.periods(root) if periods is None else periods:
            files, misplaced = layout.period_files(root, first, last, limit)
            problems += [misplaced_problem(item) for item in misplaced] if jurisdictions is None else []
            for file in files if jurisdictions is None else [file for file in files if file.jurisdiction in jurisdictions]:
                plan, found = read_checked(root, file, catalogue, rules)
                problems += found
                if plan is not None:
                    plans.append(plan)
        targets: dict[str, list[PeriodTarget]] = {}
        for plan in plans:
            targets.setdefault(plan.jurisdiction, []).extend(plan.targets)
        uses = {slug: period_uses(each, catalogue) for slug, each in targets.items()}
        return cls(tuple(plans), problems, uses)


def read_checked(root: Path, file: layout.PeriodFile, catalogue: Catalogue, rules: Mapping[str, Rule]
                 ) -> tuple[PeriodPlan | None, list[Problem]]:
    """One period plan read, and checked against the catalogue (when it has metrics to check it against)."""
    plan, found = read_period_file(root, file)
    problems = list(found)
    if plan is not None and catalogue.metrics:
        problems += period_problems(plan, catalogue, rules)
    return plan, problems


def misplaced_problem(item: layout.Misplaced) -> Problem:
    return Problem(item.display, 1, 1, Code.PATH_MISMATCH,
                   said=msg("file name '{name}' is not a jurisdiction slug such as fuzhou.yaml (lower-case letters, digits, "
                            "- and _)", name=item.name))
