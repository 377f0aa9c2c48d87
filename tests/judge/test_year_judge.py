"""The shared work of a year's judging (judge/verdicts.YearJudge) gives exactly what judging each plan
on its own gives: one YearJudge reused for many small plans — as `progress` judges a period plan's
targets, one at a time — and a repository of one jurisdiction's reports, against the whole one's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planaudit.judge.rules import rule_table
from planaudit.judge.verdicts import YearJudge, judge_year
from planaudit.model.data import Plan, Repository
from support import load_repository

EXAMPLES = Path(__file__).parent.parent / "examples"
ROOT = Path(__file__).parent.parent.parent
REPOSITORIES = [EXAMPLES / "governments", EXAMPLES / "evaluator", ROOT, ROOT / "examples" / "china"]


def loaded(root: Path) -> Repository:
    years = sorted(int(path.name) for path in (root / "targets").iterdir() if path.name.isdigit())
    repository = load_repository(root, years, [year for year in range(min(years) - 1, max(years) + 1)]).repository
    assert repository.plans, root
    return repository


def one_target_plans(repository: Repository) -> list[Plan]:
    """Every target but an umbrella alone in a plan of its own, as `progress` makes them."""
    return [dataclasses.replace(plan, targets=(target,)) for plan in repository.plans.values() for target in plan.targets
            if not target.is_umbrella]


@pytest.mark.parametrize("root", REPOSITORIES, ids=lambda root: root.name or "bundled")
def test_a_year_judge_reused_for_many_plans_judges_each_as_judge_year_does(root):
    repository = loaded(root)
    rules = rule_table(repository.catalogue)
    judges: dict[int, YearJudge] = {}
    plans = one_target_plans(repository)
    assert plans
    for plan in [*plans, *reversed(plans)]:  # reused, in one order and then the other
        shared = judges.setdefault(plan.year, YearJudge(repository, plan.year, rules)).judge([plan])
        assert shared == judge_year(repository, plan.year, [plan], rules), (plan.year, plan.jurisdiction, plan.targets[0].id)


@pytest.mark.parametrize("root", REPOSITORIES, ids=lambda root: root.name or "bundled")
def test_a_jurisdiction_is_judged_alike_from_its_own_reports_and_from_everyone_s(root):
    repository = loaded(root)
    rules = rule_table(repository.catalogue)  # one table: a custom rule's check is the same object at both sides
    for (year, jurisdiction), plan in repository.plans.items():
        own = dataclasses.replace(repository, reports={key: report for key, report in repository.reports.items()
                                                       if key[1] == jurisdiction})
        assert judge_year(own, year, [plan], rules) == judge_year(repository, year, [plan], rules), (year, jurisdiction)
