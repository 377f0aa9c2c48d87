"""Property: `diff` answers for whatever two revisions of a generated repository hold — a repository
from tests/generated.py committed, then changed the ways pull requests change data (a value edited,
a rule swapped, a unit changed, a file deleted, a file replaced by another repository's) — with exit
0 or 1 where both revisions are valid, 2 at most where one is not, and never a traceback; its JSON
parses and names only the years the two revisions hold."""

from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generated import Repository, repositories
from git_support import git, new_repository
from test_generated_repositories import SETTINGS, run

EXAMPLES = int(os.environ.get("PLANAUDIT_GENERATED_DIFF_EXAMPLES", "50"))


@st.composite
def changed(draw: st.DrawFn, repository: Repository) -> Repository:
    """The repository after a pull request: one to three changes."""
    files = copy.deepcopy(repository.files)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(sorted(files)))
        change = draw(st.sampled_from(["edit-value", "swap-rule", "change-unit", "delete", "replace"]))
        if change == "delete":
            del files[path]
        elif change == "replace":
            other = draw(repositories())
            files.update({name: content for name, content in other.files.items() if name.startswith(path.split("/")[0])})
        else:
            edit(draw, files[path], change)
        if not files:
            break
    return Repository(files, repository.targets)


def edit(draw: st.DrawFn, content: dict[str, Any], change: str) -> None:
    entries = content.get("targets") or content.get("figures") or list(content.get("metrics", {}).values())
    if not entries:
        return
    entry = draw(st.sampled_from(entries))
    if change == "edit-value" and "value" in entry:
        entry["value"] = draw(st.sampled_from([0, 50, "99%", 1204, True]))
    elif change == "swap-rule" and "rule" in entry:
        entry["rule"] = draw(st.sampled_from(["at_least", "at_most", "more_than", "equals"]))
    elif change == "change-unit" and "unit" in entry:
        entry["unit"] = draw(st.sampled_from(["percent", "ratio", "case", "boolean"]))


def test_a_pull_request_that_deletes_every_file_is_answered():
    base = Repository({"rules/metrics.yaml": {"metrics": {"m0": {"unit": "percent"}}}}, [])
    with tempfile.TemporaryDirectory() as directory:
        root, cache = Path(directory) / "data", Path(directory) / "cache"
        new_repository(root)
        base.write(root)
        commit(root, "base")
        shutil.rmtree(root / "rules")
        assert has_errors(root, cache)
        assert run(root, cache, "diff", "HEAD", "--format", "json").exit_code == 2


@settings(SETTINGS, max_examples=EXAMPLES)
@given(data=st.data())
def test_diff_answers_for_any_two_revisions(data):
    diff_answers(data)


@pytest.mark.long
@settings(SETTINGS, max_examples=int(os.environ.get("PLANAUDIT_GENERATED_LONG_EXAMPLES", "1000")) // 4)
@given(data=st.data())
def test_diff_answers_for_any_two_revisions_long(data):
    diff_answers(data)


def diff_answers(data: st.DataObject) -> None:
    base = data.draw(repositories(), label="base")
    head = data.draw(changed(base), label="head")
    committed = data.draw(st.booleans(), label="head committed")
    with tempfile.TemporaryDirectory() as directory:
        root, cache = Path(directory) / "data", Path(directory) / "cache"
        new_repository(root)
        base.write(root)
        valid = [not has_errors(root, cache)]
        arguments = [commit(root, "base")]
        for child in root.iterdir():
            if child.is_dir() and child.name != ".git":
                shutil.rmtree(child)
            elif child.is_file():
                child.unlink()
        head.write(root)
        valid.append(not has_errors(root, cache))
        if committed:
            arguments.append(commit(root, "head"))
        compared = run(root, cache, "diff", *arguments, "--format", "json")
        assert compared.exit_code in ((0, 1) if all(valid) else (0, 1, 2)), compared.output
        if compared.exit_code != 2:
            assert isinstance(json.loads(compared.stdout), dict)


def commit(root: Path, message: str) -> str:
    """Commit the working tree as it is, changed or not; the commit's id."""
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--allow-empty", "--message", message)
    return git(root, "rev-parse", "HEAD").strip()


def has_errors(root: Path, cache: Path) -> bool:
    """Whether validate finds an error — or no data repository at all (every file deleted): exit 2."""
    validated = run(root, cache, "validate", "--format", "json")
    if validated.exit_code == 2:
        return True
    return any(problem["severity"] == "error" for problem in json.loads(validated.stdout)["problems"])
