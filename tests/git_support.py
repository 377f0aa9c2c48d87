"""Git repositories for the tests of `planaudit diff` and of the GitHub Action: made the same way on
every machine (fixed names, dates and branch, no global or system configuration), so that their
commits are the same; and the edits the tests make to `planaudit init`'s worked example."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_ENVIRONMENT = {
    "GIT_AUTHOR_NAME": "planaudit tests", "GIT_AUTHOR_EMAIL": "tests@planaudit.invalid",
    "GIT_COMMITTER_NAME": "planaudit tests", "GIT_COMMITTER_EMAIL": "tests@planaudit.invalid",
    "GIT_AUTHOR_DATE": "2023-03-01T12:00:00+08:00", "GIT_COMMITTER_DATE": "2023-03-01T12:00:00+08:00",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str) -> str:
    """Run git in ``root``; its standard output."""
    environment = {**os.environ, **GIT_ENVIRONMENT}
    environment.pop("GITHUB_BASE_REF", None)
    done = subprocess.run(["git", *args], cwd=root, env=environment, capture_output=True, text=True, check=True)
    return done.stdout


def new_repository(root: Path) -> None:
    """An empty git repository on branch main."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "--quiet", "--initial-branch=main")


def commit_all(root: Path, message: str) -> str:
    """Commit every file of the working tree; the new commit's id."""
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", message)
    return git(root, "rev-parse", "HEAD").strip()


SECOND_TARGET = """\
  - id: cases-filed
    title: 受理医患纠纷250件以上
    metric: medical_dispute.cases_filed
    rule: at_least
    value: 250
    quote: 受理医患纠纷250件以上
"""


def add_a_met_target(root: Path) -> None:
    """A second target of the worked example's plan, met by its report (282 filed)."""
    plan = root / "targets" / "2022" / "example.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + SECOND_TARGET, encoding="utf-8")


def lower_the_closed_count(root: Path) -> None:
    """250 closed of 282, not 276: the closure rate, 97.87% (met), becomes 88.65% (missed)."""
    report = root / "outcomes" / "2022" / "example.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("value: 276\n    quote: 结案276件",
                                                                 "value: 250\n    quote: 结案250件"), encoding="utf-8")
