"""run/diff: which audits a change touches, and that only those are judged, at both revisions."""

from __future__ import annotations

import io

import pytest

from git_support import commit_all, new_repository
from planaudit.model.changes import Change, NotCompared
from planaudit.model.problems import Code
from planaudit.run import diff, runner
from planaudit.run.diff import Touched, compare_revisions
from support import CASES_TARGET, COUNT_METRICS, RepoBuilder

TARGETS = CASES_TARGET
FIGURES = """
- metric: cases
  value: 310
  quote: 受理310件
"""


def test_what_a_change_touches():
    touched = Touched.of(["targets/2022/a.yaml", "outcomes/2021/b.yaml", "README.md", "targets/2022/Bad Name.yaml",
                          "outcomes/2022/nested/c.yaml", "rules/.hidden.yaml"])
    assert touched == Touched(False, frozenset({(2022, "a"), (2021, "b"), (2022, "b")}), frozenset({(2021, "b")}))
    assert touched.paths() == ["planaudit.yaml", "rules", "outcomes/2020/b.yaml", "outcomes/2021/a.yaml",
                               "outcomes/2021/b.yaml", "outcomes/2022/a.yaml", "outcomes/2022/b.yaml",
                               "targets/2021/b.yaml", "targets/2022/a.yaml", "targets/2022/b.yaml"]
    assert Touched.of(["rules/metrics.yaml"]).everything and Touched.of(["planaudit.yaml"]).everything
    assert Touched.of(["docs/x.md"]).nothing


@pytest.fixture
def repository(tmp_path):
    """Three jurisdictions, each with a plan and a report of 2022, committed on main."""
    root = tmp_path / "data"
    new_repository(root)
    builder = RepoBuilder(root).rules(COUNT_METRICS)
    for slug in ("a", "b", "c"):
        builder.targets(TARGETS, jurisdiction=slug).outcomes(FIGURES, jurisdiction=slug)
    commit_all(root, "first")
    return root


@pytest.fixture
def judged(monkeypatch):
    """The (root name, jurisdiction) of every jurisdiction judged."""
    calls = []
    original = runner.judge_reads

    def spy(audit, jurisdiction, reads):
        calls.append((audit.root.name, jurisdiction.slug))
        return original(audit, jurisdiction, reads)

    monkeypatch.setattr(diff.runner, "judge_reads", spy)
    return calls


def test_only_the_jurisdictions_whose_files_differ_are_judged(repository, judged):
    RepoBuilder(repository).outcomes(FIGURES.replace("310", "290"), jurisdiction="b")
    result = compare_revisions(repository, "main", None)
    assert [(item.change, item.jurisdiction, item.target.id) for item in result.targets] == [(Change.WORSE, "b", "cases")]
    assert sorted(judged) == [("base", "b"), ("data", "b")]  # 2023 has no plan at either side: nothing to judge
    assert [(item.change, item.year, item.figure.metric) for item in result.figures] == [(Change.REVISED, 2022, "cases")]


def test_a_change_to_the_rules_judges_everything(repository, judged):
    RepoBuilder(repository).rules(COUNT_METRICS.replace("unit: case", "unit: case  # edited", 1))
    commit_all(repository, "rules")
    result = compare_revisions(repository, "main~1", "main")
    assert result.empty
    assert sorted(judged) == [("base", "a"), ("base", "b"), ("base", "c"), ("head", "a"), ("head", "b"), ("head", "c")]


def test_no_change_to_the_data_judges_nothing(repository, judged):
    (repository / "README.md").write_text("notes\n")
    result = compare_revisions(repository, "main", None)
    assert result.empty and judged == []
    assert (result.base, result.head) == (f"main ({result.base.split('(')[1][:7]})", "working tree")


def test_a_jurisdiction_with_errors_at_the_head_is_not_compared(repository):
    RepoBuilder(repository).write("targets/2022/c.yaml", "jurisdiction: c\nyear: 2022\ntargets: [oops\n")
    result = compare_revisions(repository, "main", None)
    assert result.not_compared == (NotCompared(2022, "c", "head"),)
    assert result.targets == ()
    assert [problem.code for problem in result.problems] == [Code.YAML_SYNTAX]


def rendered(reporter, result) -> str:
    out = io.StringIO()
    reporter.write(result, out)
    return out.getvalue()


def test_a_change_that_fixes_the_base_s_errors_is_fixed_not_an_error(repository):
    from planaudit.report import DIFF, reporter_class

    RepoBuilder(repository).write("targets/2022/c.yaml", "jurisdiction: c\nyear: 2022\ntargets: [oops\n")
    commit_all(repository, "broken")
    RepoBuilder(repository).targets(TARGETS, jurisdiction="c")  # the working tree mends it
    result = compare_revisions(repository, "HEAD", None)
    assert result.not_compared == (NotCompared(2022, "c", "base", fixed=True),)
    github = rendered(reporter_class("github", DIFF)("en"), result)
    assert github.startswith("::notice title=fixed::2022 c: its files had errors at the base and have none at the head\n")


def test_the_markdown_names_each_error_at_the_head(repository):
    from planaudit.report import DIFF, reporter_class

    RepoBuilder(repository).write("targets/2022/c.yaml", "jurisdiction: c\nyear: 2022\ntargets: [oops\n")
    result = compare_revisions(repository, "main", None)
    markdown = rendered(reporter_class("markdown", DIFF)("en"), result)
    (error,) = [problem for problem in result.problems]
    assert f"- targets/2022/c.yaml:{error.line}:{error.col} yaml-syntax " in markdown
    assert "- **not compared**: 2022 c: its files at the head have errors" in markdown


def test_years_limit_what_is_compared(repository):
    RepoBuilder(repository).targets(TARGETS, year=2023, jurisdiction="a")
    RepoBuilder(repository).outcomes(FIGURES.replace("310", "290"), jurisdiction="b")
    assert [item.year for item in compare_revisions(repository, "main", None, [2023]).targets] == [2023]
    assert [item.year for item in compare_revisions(repository, "main", None).targets] == [2022, 2023]


def test_a_link_in_a_revision_that_leaves_the_repository_is_not_followed(repository, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("jurisdiction: a\nyear: 2022\ntargets: []\n")
    (repository / "targets" / "2022" / "a.yaml").unlink()
    (repository / "targets" / "2022" / "a.yaml").symlink_to(secret)
    commit_all(repository, "a link out")
    result = compare_revisions(repository, "main~1", "main")
    assert [(problem.path, problem.code) for problem in result.problems] == [
        ("targets/2022/a.yaml", Code.OUTSIDE_REPOSITORY)]
    assert result.not_compared == (NotCompared(2022, "a", "head"),)


UNUSED_FIGURE = FIGURES + "- {metric: closed, value: 5, quote: 结案5件}\n"


def test_a_problem_the_change_brings_is_new_and_one_it_only_moves_is_not(repository):
    from planaudit.run.failon import changes_fail_on, changes_failure_text

    RepoBuilder(repository).outcomes(UNUSED_FIGURE, jurisdiction="b")
    result = compare_revisions(repository, "main", None)
    assert [(problem.path, problem.code) for problem in result.introduced] == [("outcomes/2022/b.yaml", Code.UNUSED_FIGURE)]
    line = result.introduced[0].line
    assert changes_fail_on("new-problems").fails_diff(result)
    assert changes_failure_text(result, changes_fail_on("new-problems")).render("en") == \
        f"failed: 1 new problem (outcomes/2022/b.yaml:{line} unused-figure) — --fail-on new-problems"
    commit_all(repository, "a figure no target uses")
    RepoBuilder(repository).outcomes("# a comment\n# and another\n" + UNUSED_FIGURE, jurisdiction="b")  # 3 lines down
    moved = compare_revisions(repository, "HEAD", None)
    from planaudit.run.validate import validate_everything

    assert [problem.line for problem in validate_everything(repository) if problem.code is Code.UNUSED_FIGURE] == [line + 3]
    assert moved.introduced == ()
    assert not changes_fail_on("new-problems").fails_diff(moved)


def test_every_format_of_the_diff_gives_the_new_problems(repository):
    import json

    from planaudit.report import DIFF, reporter_class

    RepoBuilder(repository).outcomes(UNUSED_FIGURE, jurisdiction="b")
    result = compare_revisions(repository, "main", None)
    (problem,) = result.introduced
    where = f"outcomes/2022/b.yaml:{problem.line}:{problem.col}"
    said = "unused-figure no target of 2022 or 2023 uses closed"
    document = json.loads(rendered(reporter_class("json", DIFF)("en"), result))
    assert [(item["file"], item["code"], item["severity"]) for item in document["new_problems"]] == \
        [("outcomes/2022/b.yaml", "unused-figure", "warning")]
    markdown = rendered(reporter_class("markdown", DIFF)("en"), result)
    assert f"**Problems this change introduces**\n\n- {where} {said}\n" in markdown
    assert markdown.startswith("**planaudit diff** main (")
    assert "working tree: figures 1 added; 1 new problem\n" in markdown
    table = rendered(reporter_class("table", DIFF)("en"), result)
    assert f"Problems this change introduces\n{where} {said}\n" in table
    github = rendered(reporter_class("github", DIFF)("en", fail_on="new-problems"), result)
    assert github.startswith(f"::error file=outcomes/2022/b.yaml,line={problem.line},title=new problem%3A unused-figure::"
                             "no target of 2022 or 2023 uses closed\n")
    assert rendered(reporter_class("github", DIFF)("en"), result).startswith("::warning file=outcomes/2022/b.yaml,")


def test_a_code_planaudit_yaml_disables_is_never_new(repository):
    RepoBuilder(repository).outcomes(UNUSED_FIGURE, jurisdiction="b").write("planaudit.yaml",
                                                                            "problems: {unused-figure: disable}\n")
    result = compare_revisions(repository, "main", None)
    assert (result.problems, result.introduced) == ((), ())


def test_a_rules_change_is_named_with_the_targets_it_touches(repository):
    import json

    from planaudit.model.changes import DefinitionChange
    from planaudit.report import DIFF, reporter_class
    from planaudit.run.failon import changes_fail_on, changes_failure_text

    rules = COUNT_METRICS.replace("    unit: percent\n    derive: closed / cases * 100",
                                  "    unit: ratio\n    derive: closed / cases")
    rules = rules.replace("label: {zh: 案件数, en: Cases}", "label: {zh: 受理案件数, en: Cases}")
    RepoBuilder(repository).rules(rules + "rules:\n  double:\n    expr: actual >= 2 * value\n")
    RepoBuilder(repository).targets(TARGETS.replace("rule: at_least", "rule: double"), jurisdiction="a")
    result = compare_revisions(repository, "main", None)
    where = {item.name: item.location.line for item in result.definitions}
    assert result.definitions == (
        DefinitionChange(Change.REDEFINED, "metric", "cases", (("label", "案件数 / Cases", "受理案件数 / Cases"),),
                         result.definitions[0].location, 3),
        DefinitionChange(Change.REDEFINED, "metric", "rate",
                         (("unit", "percent", "ratio"), ("derive", "closed / cases * 100", "closed / cases")),
                         result.definitions[1].location, 0),
        DefinitionChange(Change.ADDED, "rule", "double", (("label", "", "double"), ("expr", "", "actual >= 2 * value")),
                         result.definitions[2].location, 1),
    )
    assert [item.rescales for item in result.definitions] == [False, True, False]
    assert [item.judging for item in result.definitions] == [False, True, True]
    assert changes_failure_text(result, changes_fail_on("redefined")).render("en").startswith(
        "failed: 1 target redefined (2022 a/cases), 2 definitions of rules/ or planaudit.yaml changed (metric rate, "
        "rule double) — ")
    markdown = rendered(reporter_class("markdown", DIFF)("en"), result)
    assert markdown.splitlines()[:6] == [
        f"**planaudit diff** {result.base} → working tree: rules and settings 2 changed, 1 added; targets 1 redefined",
        "", "**Rules and settings changed**", "",
        f"- changed metric `cases` (rules/metrics.yaml:{where['cases']}): label 案件数 / Cases → 受理案件数 / Cases; "
        "3 targets compared use it",
        f"- **changed** metric `rate` (rules/metrics.yaml:{where['rate']}): unit percent → ratio, derive closed / cases "
        "\\* 100 → closed / cases — percent ↔ ratio: every value written on it now reads 100 times apart; 0 targets "
        "compared use it"]
    github = rendered(reporter_class("github", DIFF)("en", fail_on="redefined"), result).splitlines()
    assert github[0] == (f"::error file=rules/metrics.yaml,line={where['rate']},title=changed metric rate::unit percent → "
                         "ratio, derive closed / cases * 100 → closed / cases — percent ↔ ratio: every value written on it "
                         "now reads 100 times apart; 0 targets compared use it")
    document = json.loads(rendered(reporter_class("json", DIFF)("en"), result))
    assert document["definitions"][1] == {
        "change": "redefined", "kind": "metric", "name": "rate", "file": "rules/metrics.yaml", "line": where["rate"],
        "fields": [{"field": "unit", "before": "percent", "after": "ratio"},
                   {"field": "derive", "before": "closed / cases * 100", "after": "closed / cases"}],
        "touches": 0, "rescales": True}


def test_each_annotation_points_at_a_line_the_change_made_and_names_what_it_affects(repository):
    from planaudit.report import DIFF, reporter_class

    RepoBuilder(repository).outcomes(FIGURES.replace("310", "290"), jurisdiction="b")
    RepoBuilder(repository).outcomes("- {metric: closed, value: 1, quote: 结案1件}\n", jurisdiction="c")  # c's cases gone
    result = compare_revisions(repository, "main", None)
    line = next(item.after.location.line for item in result.figures if item.jurisdiction == "b")
    lines = rendered(reporter_class("github", DIFF)("en", fail_on="worse"), result).splitlines()
    assert lines[:2] == [
        f"::error file=outcomes/2022/b.yaml,line={line},title=worse%3A cases::cases 受理300件以上: met (measured): 310 → "
        "missed (measured): 290",
        "::error file=targets/2022/c.yaml,line=4,title=worse%3A cases::cases 受理300件以上: met (measured): 310 → "
        "unmeasured: not in the report"]
    assert f"::notice file=outcomes/2022/b.yaml,line={line},title=changed figure%3A cases::310 → 290; moves the verdict " \
        "of cases (worse)" in lines
    assert lines[lines.index("::group::2022 b"):lines.index("::group::2022 b") + 4] == [
        "::group::2022 b", "worse: cases 受理300件以上 (targets/2022/b.yaml:4): met (measured): 310 → missed (measured): 290",
        f"changed figure: cases (outcomes/2022/b.yaml:{line}): 310 → 290", "::endgroup::"]
