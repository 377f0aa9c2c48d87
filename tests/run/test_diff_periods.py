"""`diff` and period plans: a change to one is a change (git lists it, both revisions hold it), and
the problems it brings are the diff's new problems, as they are of any other file."""

from __future__ import annotations

from git_support import commit_all, new_repository
from planaudit.model.changes import Change, NotCompared
from planaudit.model.period import Status
from planaudit.model.problems import Code
from planaudit.read.revision import read_by_planaudit
from planaudit.run.diff import Touched, compare_revisions
from planaudit.run.failon import ChangeFailing, changes_fail_on, changes_failure_text
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
    assert result.targets == () and result.progress == ()
    assert result.not_compared == (NotCompared(2021, "testville", "head", False, "2021-2025"),)  # its progress, unknown


REACH = "  - {id: town, title: t, quote: q, metric: rate, kind: reach, value: 65, base: {value: 60, year: 2020, quote: '60'}}\n"


def report(year: int, value: str) -> str:
    return f"jurisdiction: testville\nyear: {year}\nfigures:\n  - {{metric: rate, value: {value}, quote: '{value}'}}\n"


def period_repository(tmp_path, plan: str = REACH, reports: dict[int, str] | None = None):
    root = tmp_path / "data"
    new_repository(root)
    builder = RepoBuilder(root).rules(COUNT_METRICS)
    builder.write(PLAN, HEADER + plan)
    for year, value in (reports or {2021: "62"}).items():
        builder.write(f"outcomes/{year}/testville.yaml", report(year, value))
    commit_all(root, "a period plan and its figures")
    return root, builder


def progress_changes(root):
    return [(item.change, item.period, item.jurisdiction, item.target.id, item.years,
             [(each.year, each.status) for each in item.before.years] if item.before else None,
             [(each.year, each.status) for each in item.after.years] if item.after else None)
            for item in compare_revisions(root, "HEAD", None, workers=1).progress]


def test_a_revised_figure_that_moves_a_status_is_worse_and_fails_on_worse(tmp_path):
    root, builder = period_repository(tmp_path)
    builder.write("outcomes/2021/testville.yaml", report(2021, "61"))  # p = 0.2 against e = 0.2: on track, not ahead
    assert progress_changes(root) == [(Change.WORSE, "2021-2025", "testville", "town", (2021,),
                                       [(2021, Status.AHEAD)], [(2021, Status.ON_TRACK)])]
    result = compare_revisions(root, "HEAD", None, workers=1)
    fail_on = changes_fail_on("worse")
    assert fail_on.failing_changes(result) == {ChangeFailing.WORSE: list(result.progress)}
    assert changes_failure_text(result, fail_on).render("en") == (
        "failed: 1 status of a period target worse (2021-2025 testville/town) — --fail-on worse")


def test_both_sides_are_judged_as_of_the_same_year(tmp_path):
    root, builder = period_repository(tmp_path)
    builder.write("outcomes/2022/testville.yaml", report(2022, "65"))  # the head has 2022: the base is judged as of it too
    assert progress_changes(root) == [(Change.BETTER, "2021-2025", "testville", "town", (2022,),
                                       [(2021, Status.AHEAD), (2022, Status.AHEAD)],  # 2021's figure, the latest it has
                                       [(2021, Status.AHEAD), (2022, Status.ACHIEVED_EARLY)])]


def test_a_target_redefined_added_or_removed(tmp_path):
    root, builder = period_repository(tmp_path)
    other = "  - {id: jobs, title: j, quote: q, metric: rate, kind: maintain, direction: down, value: 70}\n"
    builder.write(PLAN, HEADER + REACH.replace("value: 65", "value: 64") + other)
    assert [(change, target, years) for change, _, _, target, years, _, _ in progress_changes(root)] == [
        (Change.REDEFINED, "town", ()),  # 62 is 0.5 of the way to 64, not 0.4 of it to 65: ahead either way
        (Change.ADDED, "jobs", ())]
    builder.write(PLAN, HEADER + other)
    assert [(change, target) for change, _, _, target, _, _, _ in progress_changes(root)] == [
        (Change.REMOVED, "town"), (Change.ADDED, "jobs")]


def test_a_change_that_touches_no_period_plan_s_jurisdiction_compares_none(tmp_path):
    root, builder = period_repository(tmp_path)
    builder.write("outcomes/2021/elsewhere.yaml", report(2021, "50").replace("testville", "elsewhere"))
    assert progress_changes(root) == []


def test_a_change_that_removes_every_metric_leaves_the_period_plan_not_compared(tmp_path):
    """Found by the generated diffs: with no metric left in rules/, a period plan's metric was looked up
    and a KeyError escaped. Now it is the problem that check says of it, and the plan is not compared."""
    root, _ = period_repository(tmp_path)
    (root / "rules" / "metrics.yaml").unlink()
    result = compare_revisions(root, "HEAD", None, workers=1)
    assert Code.UNKNOWN_METRIC in {problem.code for problem in result.introduced}
    assert result.progress == () and any(item.period == "2021-2025" and item.side == "head" for item in result.not_compared)


def test_progress_with_no_metric_in_rules_says_so_and_exits_2(tmp_path):
    from acceptance_support import planaudit

    root, _ = period_repository(tmp_path)
    (root / "rules" / "metrics.yaml").unlink()
    run = planaudit("progress", "2021-2025", data=None, env={"PLANAUDIT_DATA": str(root)})
    assert run.returncode == 2 and "rules/ defines no metrics" in run.stderr and "Traceback" not in run.stderr
