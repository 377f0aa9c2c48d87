"""`planaudit validate --changed BASE`: only the problems the working tree has and BASE does not."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from git_support import commit_all, new_repository
from planaudit.cli.app import app
from support import CASES_TARGET, COUNT_METRICS, RepoBuilder

FIGURES = "- {metric: cases, value: 310, quote: 受理310件}\n"
UNUSED = "- {metric: closed, value: 5, quote: 结案5件}\n"


@pytest.fixture
def repository(tmp_path):
    """A plan and a report whose figure of closed no target uses (one warning), committed on main."""
    root = tmp_path / "data"
    new_repository(root)
    RepoBuilder(root).rules(COUNT_METRICS).targets(CASES_TARGET).outcomes(FIGURES + UNUSED)
    commit_all(root, "first")
    return root


def validate(root, *args):
    return CliRunner().invoke(app, ["validate", "--data", str(root), *args], env={"LANG": "C.UTF-8"})


def test_a_problem_the_base_has_too_is_not_listed_though_its_line_moved(repository):
    RepoBuilder(repository).outcomes("# moved down\n" + FIGURES + UNUSED)
    assert validate(repository).stdout.count("unused-figure") == 1
    result = validate(repository, "--changed", "main")
    assert (result.exit_code, result.stdout) == (0, "no problems found\n")


def test_only_the_new_problems_are_listed_and_a_new_error_fails(repository):
    RepoBuilder(repository).outcomes(FIGURES.replace("value: 310", "value: 311") + UNUSED + UNUSED.replace("closed", "rate"))
    result = validate(repository, "--changed", "main")
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert [line.split(" ")[1] for line in lines[:-1]] == ["value-not-in-quote", "unused-figure"]
    assert lines[-1] == "1 error and 1 warning found"
    assert "uses rate" in lines[1]


def test_an_unknown_base_is_bad_usage(repository):
    result = validate(repository, "--changed", "no-such-branch")
    assert result.exit_code == 2
    assert "no-such-branch" in result.output
