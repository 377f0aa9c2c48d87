"""run/validate.new_problems: the problems a change introduces, found file by file, passing over the
files that cannot introduce any — exactly what check/introduced.py's matching of every problem at
both sides gives, in its order."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generated import repositories
from git_support import commit_all, new_repository
from planaudit.check.introduced import introduced
from planaudit.errors import PlanauditError
from planaudit.read.entries import Entries
from planaudit.run.diff import compare_revisions
from planaudit.run.validate import new_problems, validate_everything
from test_generated_diff import changed
from test_generated_repositories import SETTINGS


@st.composite
def shifted(draw: st.DrawFn, files: dict[str, str]) -> dict[str, str]:
    """Some files with comment lines put before them: every line of theirs moves, nothing else does;
    and some with their targets renamed in place: the lines stay, the entries they are in do not."""
    chosen = draw(st.sets(st.sampled_from(sorted(files)))) if files else set()
    files = {path: ("# moved\n" * draw(st.integers(1, 3)) + text if path in chosen else text) for path, text in files.items()}
    renamed = draw(st.sets(st.sampled_from(sorted(files)))) if files else set()
    return {path: (re.sub(r"(\bid: )(\S+)", r"\1\2-renamed", text) if path in renamed else text) for path, text in files.items()}


def written(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def texts(repository) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as directory:
        repository.write(Path(directory))
        return {path.relative_to(directory).as_posix(): path.read_text(encoding="utf-8")
                for path in Path(directory).rglob("*") if path.is_file()}


@settings(SETTINGS, max_examples=60)
@given(data=st.data())
def test_new_problems_are_those_every_problem_matched_at_both_sides_gives(data):
    base = data.draw(repositories(), label="base")
    head = data.draw(changed(base), label="head")
    base_files = texts(base)
    head_files = data.draw(shifted(texts(head)), label="head's lines moved")
    with tempfile.TemporaryDirectory() as directory:
        before, after = written(Path(directory) / "base", base_files), written(Path(directory) / "head", head_files)
        if not (after / "rules").is_dir() or not (before / "rules").is_dir():
            return  # no repository at one side: diff says so before any problem is matched
        found_after, found_before = validate_everything(after), validate_everything(before)
        found_before.levels = found_after.levels
        exact = introduced(list(found_after), list(found_before), Entries(after).entry, Entries(before).entry)
        assert new_problems(found_after, found_before, after, before) == exact


def test_a_file_alike_at_both_sides_is_passed_over_and_one_changed_is_matched(tmp_path):
    files = {"rules/metrics.yaml": "metrics:\n  cases: {unit: case}\n",
             "targets/2022/x.yaml": "jurisdiction: x\nyear: 2022\ntargets:\n"
                                    "  - {id: a, title: t, metric: cases, rule: at_least, value: 3, quote: 3件}\n",
             "outcomes/2022/x.yaml": "jurisdiction: x\nyear: 2022\nfigures:\n"
                                     "  - {metric: cases, value: 4, quote: 4件}\n  - {metric: other, value: 1, quote: 1件}\n"}
    before = written(tmp_path / "base", files)
    after = written(tmp_path / "head", {**files, "outcomes/2022/x.yaml": files["outcomes/2022/x.yaml"]
                                        + "  - {metric: third, value: 2, quote: 2件}\n"})
    found_after, found_before = validate_everything(after), validate_everything(before)
    assert found_after.found_alike(found_before, "targets/2022/x.yaml")
    assert not found_after.found_alike(found_before, "outcomes/2022/x.yaml")
    assert [(problem.path, problem.line, problem.code.value) for problem in
            new_problems(found_after, found_before, after, before)] == [
        ("outcomes/2022/x.yaml", 6, "unused-figure"), ("outcomes/2022/x.yaml", 6, "unknown-metric")]  # the new figure's


@settings(SETTINGS, max_examples=40)
@given(data=st.data())
def test_diff_s_new_problems_validated_from_what_judging_read_are_validate_s(data):
    """diff validates the jurisdictions it judges from the files judging read; what validate finds
    in each whole revision, matched, is the same list."""
    base = data.draw(repositories(), label="base")
    head = data.draw(changed(base), label="head")
    with tempfile.TemporaryDirectory() as directory:
        root, before = Path(directory) / "data", Path(directory) / "base"
        new_repository(root)
        base.write(root)
        commit_all(root, "base")
        base.write(before)
        for child in root.iterdir():
            if child.name != ".git":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        head.write(root)
        if not (root / "rules").is_dir() or not (before / "rules").is_dir():
            return  # no repository at one side: diff says so before any problem is matched
        try:
            result = compare_revisions(root, "HEAD", None, workers=1)
        except PlanauditError:
            return  # a revision diff cannot compare: said, with its exit status, by the CLI
        found_after, found_before = validate_everything(root), validate_everything(before)
        found_before.levels = found_after.levels
        exact = introduced(list(found_after), list(found_before), Entries(root).entry, Entries(before).entry)
        assert [problem.text() for problem in result.introduced] == [problem.text() for problem in exact]


def test_a_file_no_audit_reads_is_validated_as_validate_reads_it(tmp_path):
    """The figures of 2015, which no audit of the change reads, changed with the plan of 2022: the
    new problem in them is found, as in the plan."""
    root = tmp_path / "data"
    new_repository(root)
    plan = ("jurisdiction: x\nyear: 2022\ntargets:\n"
            "  - {id: a, title: t, metric: cases, rule: at_least, value: 3, quote: 3件}\n")
    old = "jurisdiction: x\nyear: 2015\nfigures:\n  - {metric: cases, value: 4, quote: 4件}\n"
    written(root, {"rules/metrics.yaml": "metrics:\n  cases: {unit: case}\n", "targets/2022/x.yaml": plan,
                   "outcomes/2022/x.yaml": old.replace("2015", "2022"), "outcomes/2015/x.yaml": old})
    commit_all(root, "base")
    written(root, {"targets/2022/x.yaml": plan.replace("3", "5"),
                   "outcomes/2015/x.yaml": old + "  - {metric: closed, value: 1, quote: 1件}\n"})
    result = compare_revisions(root, "HEAD", None, workers=1)
    assert {(problem.path, problem.line) for problem in result.introduced} == {("outcomes/2015/x.yaml", 5)}
    assert "unknown-metric" in {problem.code.value for problem in result.introduced}
