"""SARIF from validate and diff as from check, each result fingerprinted by what it is about — so
code scanning follows an alert across runs however its lines move — and every path, in SARIF and
annotations alike, the git repository's when the data is in a subfolder of it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from git_support import commit_all, new_repository
from planaudit.cli.app import app
from support import CASES_TARGET, COUNT_METRICS, RepoBuilder
from test_generated_repositories import sarif_validator

FIGURES = "- {metric: cases, value: 310, quote: 受理310件}\n- {metric: closed, value: 5, quote: 结案5件}\n"


def run(root, *args):
    done = CliRunner().invoke(app, [*args, "--data", str(root)], env={"LANG": "C.UTF-8"})
    return done


def results(text: str) -> list[dict]:
    document = json.loads(text)
    sarif_validator().validate(document)
    return document["runs"][0]["results"]


def shifted(root):
    """Every data file with two comment lines put before it: every line moves, nothing else does."""
    for path in sorted(root.rglob("*.yaml")):
        path.write_text("# moved\n# down\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


def places(found: list[dict]) -> list[tuple[str, int]]:
    return [(item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             item["locations"][0]["physicalLocation"]["region"]["startLine"]) for item in found]


def test_validate_s_sarif_follows_each_problem_however_its_lines_move(tmp_path):
    root = tmp_path / "data"
    RepoBuilder(root).rules(COUNT_METRICS).targets(CASES_TARGET).outcomes(FIGURES)
    before = results(run(root, "validate", "--format", "sarif").stdout)
    assert [(item["ruleId"], item["properties"]["code"], item["level"]) for item in before] == [
        ("warning", "unused-figure", "warning")]
    shifted(root)
    after = results(run(root, "validate", "--format", "sarif").stdout)
    assert [item["partialFingerprints"] for item in after] == [item["partialFingerprints"] for item in before]
    assert [line for _, line in places(after)] == [line + 2 for _, line in places(before)]


def test_check_s_sarif_follows_each_target_however_its_lines_move(tmp_path):
    root = tmp_path / "data"
    RepoBuilder(root).rules(COUNT_METRICS).targets(CASES_TARGET).outcomes(FIGURES)
    before = results(run(root, "check", "2022", "--format", "sarif").stdout)
    shifted(root)
    after = results(run(root, "check", "2022", "--format", "sarif").stdout)
    assert [item["partialFingerprints"] for item in after] == [item["partialFingerprints"] for item in before]
    assert places(after) != places(before)


def test_diff_s_sarif_gives_what_a_reviewer_must_see_at_the_levels_fail_on_gives(tmp_path):
    root = tmp_path / "data"
    new_repository(root)
    RepoBuilder(root).rules(COUNT_METRICS).targets(CASES_TARGET).outcomes(FIGURES)
    commit_all(root, "first")
    RepoBuilder(root).outcomes(FIGURES.replace("310", "290") + "- {metric: share, value: 0.5, quote: 占比0.5}\n")
    found = results(run(root, "diff", "main", "--format", "sarif", "--fail-on", "worse").stdout)
    assert [(item["ruleId"], item["level"]) for item in found] == [("worse", "error"), ("new-problem", "warning")]
    assert places(found)[0] == ("outcomes/2022/testville.yaml", 4)  # the changed figure the verdict rests on
    again = results(run(root, "diff", "main", "--format", "sarif").stdout)
    assert [item["level"] for item in again] == ["warning", "warning"]
    assert [item["partialFingerprints"] for item in again] == [item["partialFingerprints"] for item in found]


def test_data_in_a_subfolder_is_named_by_its_git_repository_s_paths(tmp_path):
    repository = tmp_path / "repository"
    new_repository(repository)
    root = repository / "data"
    RepoBuilder(root).rules(COUNT_METRICS).targets(CASES_TARGET).outcomes(FIGURES)
    commit_all(repository, "first")
    RepoBuilder(root).outcomes(FIGURES.replace("310", "290"))
    assert run(root, "validate", "--format", "github").stdout.startswith(
        "::warning file=data/outcomes/2022/testville.yaml,line=5,col=5,title=unused-figure::")
    assert places(results(run(root, "validate", "--format", "sarif").stdout)) == [("data/outcomes/2022/testville.yaml", 5)]
    assert places(results(run(root, "check", "2022", "--format", "sarif").stdout))[0][0] == "data/targets/2022/testville.yaml"
    assert "file=data/targets/2022/testville.yaml," in run(root, "check", "2022", "--format", "github").stdout
    assert run(root, "diff", "main", "--format", "github").stdout.startswith(
        "::warning file=data/outcomes/2022/testville.yaml,line=4,title=worse%3A cases::")
    assert places(results(run(root, "diff", "main", "--format", "sarif").stdout)) == [("data/outcomes/2022/testville.yaml", 4)]
    plain = tmp_path / "plain"
    RepoBuilder(plain).rules(COUNT_METRICS).targets(CASES_TARGET).outcomes(FIGURES)  # outside git: the data's own paths
    assert run(plain, "validate", "--format", "github").stdout.startswith("::warning file=outcomes/2022/testville.yaml,")
