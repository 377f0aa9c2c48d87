"""`planaudit diff` on a git repository made from `planaudit init` and a few commits: the exact
output in every format, the exit statuses, and what it says when it cannot compare."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from acceptance_support import assert_matches, planaudit
from git_support import (
    FILE,
    GIT_ENVIRONMENT,
    LINK,
    add_a_met_target,
    commit_all,
    commit_tree,
    folder_entries,
    git,
    lower_the_closed_count,
    new_repository,
    replaced,
)

PLAN_2023 = """\
jurisdiction: example
name: 示例市
year: 2023
targets:
  - id: mediation-rooms
    title: 新建调解室10个
    metric: medical_dispute.cases_filed
    rule: at_least
    value: 300
    quote: 受理医患纠纷300件以上
"""

@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """main: the worked example of `planaudit init`. Branch `edit`: a report's count lowered (a verdict
    gets worse, a figure changes), a target added, a stated rate that its counts contradict; and in
    the working tree, a plan of 2023 not yet added to git."""
    root = tmp_path_factory.mktemp("diff") / "data"
    new_repository(root)
    created = planaudit("init", str(root), data=None)
    assert created.returncode == 0, created.stderr
    commit_all(root, "the worked example")
    git(root, "checkout", "--quiet", "-b", "edit")
    lower_the_closed_count(root)
    commit_all(root, "the report's corrected count")
    add_a_met_target(root)
    report = root / "outcomes" / "2022" / "example.yaml"
    report.write_text(report.read_text(encoding="utf-8")
                      + "  - metric: medical_dispute.closure_rate\n    value: 91%\n    quote: 结案率91%\n", encoding="utf-8")
    commit_all(root, "a second target; the stated rate")
    (root / "targets" / "2023").mkdir()
    (root / "targets" / "2023" / "example.yaml").write_text(PLAN_2023, encoding="utf-8")
    return root


def diff(root: Path, *args: str, env: dict[str, str] | None = None):
    return planaudit("diff", "--data", str(root), *args, data=None, env={**GIT_ENVIRONMENT, **(env or {})})


@pytest.mark.parametrize("output_format", ["table", "markdown", "json", "github"])
def test_the_branch_and_its_working_tree_against_main(repository, output_format):
    done = diff(repository, "--format", output_format, "--lang", "en")
    assert done.returncode == 0
    assert_matches(f"diff_worktree.{output_format}.txt", done.stdout)


def test_two_revisions_leave_the_working_tree_out_and_speak_the_repository_s_language(repository):
    done = diff(repository, "main", "edit")
    assert done.returncode == 0
    assert_matches("diff_revisions_zh.txt", done.stdout)
    assert "2023" not in done.stdout


def test_back_from_the_branch_to_main_everything_turns_around(repository):
    done = diff(repository, "edit", "main", "--format", "json")
    found = json.loads(done.stdout)
    assert [(item["change"], item["id"]) for item in found["targets"]] == [
        ("removed", "cases-filed"), ("better", "medical-dispute-closure")]  # what went is said first
    assert [item["change"] for item in found["inconsistencies"]] == ["removed"]


def test_fail_on_worse_exits_1_and_says_why(repository):
    done = diff(repository, "main", "--fail-on", "worse,inconsistent", "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "failed: 1 verdict worse (2022 example/medical-dispute-closure), 1 new inconsistent figure "
        "— --fail-on worse,inconsistent")


def test_on_github_actions_the_markdown_goes_to_the_step_summary(repository, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    done = diff(repository, "main", "--format", "github", "--fail-on", "worse", "--lang", "en",
                "-o", str(tmp_path / "comment.md"), env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 1
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    assert summary.read_text(encoding="utf-8") == "earlier step\n" + comment
    assert comment == diff(repository, "main", "--format", "markdown", "--lang", "en").stdout
    assert done.stdout.splitlines()[0].startswith(
        "::error file=outcomes/2022/example.yaml,line=13,title=worse%3A medical-dispute-closure::")


def test_errors_at_the_head_are_listed_and_exit_2(repository, tmp_path):
    broken = tmp_path / "broken"
    git(repository.parent, "clone", "--quiet", "--branch", "edit", str(repository), str(broken))
    (broken / "targets" / "2022" / "example.yaml").write_text("targets: [\n", encoding="utf-8")
    done = diff(broken, "origin/main", "--lang", "en")
    assert done.returncode == 2
    assert "not compared: 2022 example: its files at the head have errors" in done.stdout
    assert done.stderr.startswith("targets/2022/example.yaml:")


@pytest.mark.parametrize(("args", "message"), [
    (("no-such-branch",), "planaudit: error: git knows no commit 'no-such-branch'\n"),
    (("--", "-p"), "planaudit: error: git knows no commit '-p'\n"),
])
def test_a_revision_git_does_not_know_exits_2(repository, args, message):
    done = diff(repository, "--lang", "en", *args)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", message)


def test_outside_a_git_repository_exits_2(tmp_path):
    planaudit("init", str(tmp_path / "plain"), data=None)
    done = diff(tmp_path / "plain", "--lang", "en")
    assert done.returncode == 2
    assert done.stderr == (f"planaudit: error: {tmp_path / 'plain'} is not in a git repository: "
                           "`planaudit diff` compares revisions of one\n")


def test_a_revision_git_would_refuse_writes_nothing_is_said_and_exits_2(repository, tmp_path):
    hostile = tmp_path / "hostile"
    git(repository.parent, "clone", "--quiet", "--branch", "main", str(repository), str(hostile))
    victim = tmp_path / "victim.txt"
    two = [(LINK, "example.yaml", os.fsencode(victim)), (FILE, "example.yaml", b"attacker's bytes\n")]
    commit = commit_tree(hostile, replaced(folder_entries(hostile), "targets/2022/example.yaml", two), "evil", "two of one")
    done = diff(hostile, "origin/main", "evil", "--lang", "en")
    assert not victim.exists()
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        f"targets/2022/example.yaml:1:1: bad-revision the revision evil ({commit[:7]}) holds two entries of this name "
        "in one folder, which git never writes; nothing of that revision is read")
    base = git(hostile, "rev-parse", "--short=7", "origin/main").strip()
    assert " ".join(done.stdout.split()) == (f"origin/main ({base}) → evil ({commit[:7]}): nothing compared: the data "
                                             "has errors (listed on standard error)")  # never "no … changed"


def test_nothing_changed_says_so(repository):
    done = diff(repository, "edit", "edit", "--lang", "en")
    commit = git(repository, "rev-parse", "--short=7", "edit").strip()
    assert (done.returncode, done.stdout) == (
        0, f"edit ({commit}) → edit ({commit}): no target, figure or inconsistent figure changed\n")


def test_the_docs_show_the_comparison_as_this_repository_gives_it():
    page = (Path(__file__).parent.parent.parent / "docs" / "diff.md").read_text(encoding="utf-8")
    expected = Path(__file__).parent / "expected"
    assert "```text\n" + (expected / "diff_worktree.table.txt").read_text(encoding="utf-8") + "```" in page
    assert "\n" + (expected / "diff_worktree.markdown.txt").read_text(encoding="utf-8") + "\n" in page


@pytest.fixture(scope="module")
def five_year_plan(tmp_path_factory) -> Path:
    """tests/examples/progress committed; in the working tree, 2022's urbanization rate revised down
    (62.5% → 61%: on track becomes behind) and the lawyers' target redefined (75 → 70)."""
    import shutil

    from acceptance_support import EXAMPLES

    root = tmp_path_factory.mktemp("diff-progress") / "data"
    shutil.copytree(EXAMPLES / "progress", root)
    new_repository(root)
    commit_all(root, "a five-year plan and three years of figures")
    report = root / "outcomes" / "2022" / "example.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("value: 62.5, quote: 常住人口城镇化率为62.5%",
                                                                 "value: 61, quote: 常住人口城镇化率为61%"), encoding="utf-8")
    plan = root / "targets" / "2021-2025" / "example.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("    value: 75\n    quote: 到2025年，全国执业律师达到75万名",
                                                             "    value: 70\n    quote: 到2025年，全国执业律师达到70万名"),
                    encoding="utf-8")
    return root


@pytest.mark.parametrize("output_format", ["table", "markdown", "json", "github", "sarif"])
def test_a_period_target_s_status_worse_and_one_redefined(five_year_plan, output_format):
    done = planaudit("diff", "HEAD", "--lang", "en", "--format", output_format, "--fail-on", "worse", "--data",
                     str(five_year_plan), data=None, env={"GITHUB_WORKSPACE": str(five_year_plan)})
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == ("failed: 1 status of a period target worse (2021-2025 example/urbanization) "
                                            "— --fail-on worse")
    head = git(five_year_plan, "rev-parse", "--short=7", "HEAD").strip()
    assert_matches(f"diff-progress.{output_format}.txt", done.stdout.replace(head, "HEAD-COMMIT"))
