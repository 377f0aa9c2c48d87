"""`diff` and period plans: a change to one is a change (git lists it, both revisions hold it), and
the problems it brings are the diff's new problems, as they are of any other file."""

from __future__ import annotations

from git_support import commit_all, new_repository
from planaudit.model.problems import Code
from planaudit.read.revision import read_by_planaudit
from planaudit.run.diff import Touched, compare_revisions
from support import COUNT_METRICS, RepoBuilder

PLAN = "targets/2021-2025/testville.yaml"
HEADER = "jurisdiction: testville\nperiod: 2021-2025\ntargets:\n"


def test_a_period_plan_is_a_file_planaudit_reads():
    assert read_by_planaudit(PLAN) and read_by_planaudit("targets/2025-2021/x.yaml")  # refused by validate, as read
    assert not read_by_planaudit("outcomes/2021-2025/x.yaml") and not read_by_planaudit("targets/2021-25/x.yaml")
    touched = Touched.of([PLAN])
    assert not touched.nothing and touched.periods == frozenset({"testville"}) and not touched.audits


def test_the_problems_a_changed_period_plan_brings_are_new(tmp_path):
    root = tmp_path / "data"
    new_repository(root)
    builder = RepoBuilder(root).rules(COUNT_METRICS)
    builder.write(PLAN, HEADER + "  - {id: a, title: t, quote: q, metric: cases, kind: reach, value: 5, "
                                 "base: {value: 1, year: 2020, quote: '1'}}\n")
    commit_all(root, "a period plan")
    builder.write(PLAN, HEADER + "  - {id: a, title: t, quote: q, metric: casez, kind: reach, value: 5, "
                                 "base: {value: 1, year: 2020, quote: '1'}}\n")
    result = compare_revisions(root, "HEAD", None, workers=1)
    assert [(problem.path, problem.line, problem.code) for problem in result.introduced] == [(PLAN, 4, Code.UNKNOWN_METRIC)]
    assert result.targets == () and result.not_compared == ()
