"""planaudit.yaml's problems: a warning's code made an error (validate fails on it) or disabled
(listed nowhere); an error's code cannot be changed."""

import json

from typer.testing import CliRunner

from planaudit.cli.app import app
from support import COUNT_METRICS, RepoBuilder

UNUSED = "outcomes/2022/testville.yaml:5:5: unused-figure no target of 2022 or 2023 uses closed"


def repository(tmp_path, settings=""):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: x, title: 案件1000件以上, metric: cases, rule: at_least, value: 1000, quote: q}")
    builder.outcomes("""
        - {metric: cases, value: 282, quote: q}
        - {metric: closed, value: 276, quote: q}
        """)
    if settings:
        builder.write("planaudit.yaml", settings)
    return builder


def run(builder, *args):
    return CliRunner().invoke(app, [*args, "--data", str(builder.root)], env={"LANG": "C.UTF-8"})


def test_by_default_a_warning_is_listed_and_fails_nothing(tmp_path):
    result = run(repository(tmp_path), "validate")
    assert (result.exit_code, result.stdout) == (0, f"{UNUSED}\n1 warning found\n")


def test_a_warning_made_an_error_fails_validate(tmp_path):
    builder = repository(tmp_path, "problems:\n  unused-figure: error\n")
    result = run(builder, "validate")
    assert (result.exit_code, result.stdout) == (1, f"{UNUSED}\n1 error found\n")
    (problem,) = json.loads(run(builder, "validate", "--format", "json").stdout)["problems"]
    assert (problem["code"], problem["severity"]) == ("unused-figure", "error")
    github = run(builder, "validate", "--format", "github").stdout
    assert github.startswith("::error file=outcomes/2022/testville.yaml,line=5,col=5,title=unused-figure::")


def test_a_warning_made_an_error_still_judges_as_written(tmp_path):
    builder = repository(tmp_path, "problems:\n  unused-figure: error\nfail_on: never\n")
    assert run(builder, "check", "2022").exit_code == 0


def test_a_disabled_code_is_listed_nowhere(tmp_path):
    builder = repository(tmp_path, "problems:\n  unused-figure: disable\n")
    assert (run(builder, "validate").stdout, run(builder, "validate").exit_code) == ("no problems found\n", 0)
    assert "unused-figure" not in run(builder, "check", "2022", "--fail-on", "never").output


def test_an_error_s_code_cannot_be_changed(tmp_path):
    builder = repository(tmp_path, "problems:\n  yaml-syntax: disable\n  unused-figure: warning\n")
    result = run(builder, "validate")
    assert result.exit_code == 1
    assert [line.split(" ")[:2] for line in result.stdout.splitlines()] == [
        ["outcomes/2022/testville.yaml:5:5:", "unused-figure"], ["planaudit.yaml:2:3:", "schema"], ["1", "error"]]
