"""Git repositories for the tests of `planaudit diff`: made the same way on every machine (fixed
names, dates and branch, no global or system configuration), so that their commits are the same."""

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
