"""`planaudit diff` against hostile repositories: trees git would refuse (git clone does not check
them), a repository whose own configuration names commands, and links — nothing is written outside
the temporary folder, no command of the repository's runs, and nothing a link points to is read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from git_support import (
    FILE,
    FOLDER,
    LINK,
    commit_all,
    commit_tree,
    folder_entries,
    git,
    hash_object,
    new_repository,
    replaced,
)
from planaudit import api
from planaudit.errors import GitFailed
from planaudit.messages import msg
from planaudit.model.changes import Change, NotCompared
from planaudit.model.problems import Code, Problem
from planaudit.read import layout
from planaudit.run.diff import compare_revisions
from support import CASES_TARGET, COUNT_METRICS, RepoBuilder

FIGURES = "- {metric: cases, value: 310, quote: 受理310件}"
NOT_READ = "; nothing of that revision is read"
LINKED = ("the file is a symbolic link, or a folder on its path in the data repository is one; links are not followed, "
          "and it is not read")
BAD, SYMBOLIC_LINK = "bad-revision", "symbolic-link"  # by name: the tests run against code older than the codes too


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A plan and a report of 2022 for jurisdiction a (its target met: 310 of 300), committed on main."""
    root = tmp_path / "data"
    new_repository(root)
    RepoBuilder(root).rules(COUNT_METRICS).targets(CASES_TARGET, jurisdiction="a").outcomes(FIGURES, jurisdiction="a")
    commit_all(root, "first")
    return root


def problems(found) -> list[tuple[str, int, int, str, str]]:
    return [(problem.path, problem.line, problem.col, problem.code.value, problem.message) for problem in found]


def short(root: Path, branch: str) -> str:
    return f"{branch} ({git(root, 'rev-parse', branch).strip()[:7]})"


@pytest.mark.parametrize("link_first", [True, False], ids=["link-then-file", "file-then-link"])
def test_two_entries_of_one_name_are_refused_before_anything_is_written(repository, tmp_path, link_first):
    victim = tmp_path / "victim.txt"
    pair = [(LINK, "a.yaml", os.fsencode(victim)), (FILE, "a.yaml", b"attacker's bytes\n")]
    commit_tree(repository, replaced(folder_entries(repository), "targets/2022/a.yaml", pair if link_first else pair[::-1]),
                "evil", "two entries of one name")
    result = compare_revisions(repository, "main", "evil")
    assert not victim.exists() and not victim.is_symlink()
    assert problems(result.problems) == [("targets/2022/a.yaml", 1, 1, BAD, f"the revision {short(repository, 'evil')} "
                                 f"holds two entries of this name in one folder, which git never writes{NOT_READ}")]
    assert (result.targets, result.figures, result.not_compared) == ((), (), ())


def test_a_folder_that_is_also_a_link_writes_nothing_where_the_link_points(repository, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    entries = folder_entries(repository)
    targets = next(entry for entry in entries if entry[1] == "targets")
    commit_tree(repository, [(LINK, "targets", os.fsencode(elsewhere)), *entries], "evil", "a link, then a folder")
    result = compare_revisions(repository, "main", "evil")
    assert list(elsewhere.iterdir()) == []
    revision = f"the revision {short(repository, 'evil')}"
    assert targets[0] == FOLDER and problems(result.problems) == [
        ("targets", 1, 1, BAD, f"{revision} holds two entries of this name in one folder, which git "
                                             f"never writes{NOT_READ}"),
        ("targets/2022", 1, 1, BAD, f"{revision} holds a symbolic link on this file's path ('targets')"
                                                  f"{NOT_READ}"),
        ("targets/2022/a.yaml", 1, 1, BAD, f"{revision} holds a symbolic link on this file's path "
                                                         f"('targets'){NOT_READ}")]


@pytest.mark.parametrize(("name", "message"), [
    ("A.yaml", "holds entries of this name that differ only in case or Unicode form ('a.yaml'), which some file "
               "systems take for one file"),
    (".GIT", "holds a name here that git never writes"),
    ("..", "holds a name here that git never writes"),
    ("a\\b.yaml", "holds a name here that git never writes"),
])
def test_names_a_file_system_folds_or_git_never_writes_are_refused(repository, name, message):
    commit_tree(repository, replaced(folder_entries(repository), "targets/2022/z.yaml", [(FILE, name, b"x: 1\n")]),
                "evil", "an odd name")
    result = compare_revisions(repository, "main", "evil")
    assert problems(result.problems) == [(f"targets/2022/{name}", 1, 1, BAD,
                                 f"the revision {short(repository, 'evil')} {message}{NOT_READ}")]


def test_names_that_differ_only_in_case_among_files_planaudit_never_reads_are_no_problem(repository):
    commit_tree(repository, replaced(folder_entries(repository), "targets/2022/z.yaml",
                                     [(FILE, "README.md", b"notes\n"), (FILE, "readme.md", b"more notes\n")]),
                "notes", "two readmes")
    assert compare_revisions(repository, "main", "notes").problems == ()


def test_names_that_differ_only_in_unicode_form_are_refused(repository):
    composed, decomposed = "caf\u00e9.yaml", "cafe\u0301.yaml"
    commit_tree(repository, replaced(folder_entries(repository), "targets/2022/z.yaml",
                                     [(FILE, composed, b"x: 1\n"), (FILE, decomposed, b"x: 2\n")]), "evil", "NFC, NFD")
    (problem,) = compare_revisions(repository, "main", "evil").problems
    assert (problem.path, problem.code.value) == (f"targets/2022/{decomposed}", BAD)


def test_a_blob_missing_from_the_repository_is_a_problem_not_a_traceback(repository):
    RepoBuilder(repository).outcomes(FIGURES.replace("310", "290"), jurisdiction="a")
    commit_all(repository, "lower")
    blob = git(repository, "rev-parse", "HEAD:outcomes/2022/a.yaml").strip()
    (repository / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    result = compare_revisions(repository, "main~1", "main")
    assert problems(result.problems) == [("outcomes/2022/a.yaml", 1, 1, BAD,
                                 f"the revision {short(repository, 'main')} names an object for this file that the "
                                 f"repository does not have{NOT_READ}")]


def test_an_object_that_is_no_blob_is_refused_too(repository):
    tree = hash_object(repository, b"", "tree")
    commit_tree(repository, replaced(folder_entries(repository), "outcomes/2022/a.yaml", [(FILE, "a.yaml", tree)]),
                "evil", "a file that is a tree")
    (problem,) = compare_revisions(repository, "main", "evil").problems
    assert (problem.path, problem.code.value) == ("outcomes/2022/a.yaml", BAD)
    assert "names an object for this file that the repository does not have" in problem.message


@pytest.mark.parametrize("target", [b"x" * 5000, b"", b"a\0b"], ids=["too-long", "empty", "nul"])
def test_a_link_no_file_system_holds_is_refused(repository, target):
    commit_tree(repository, replaced(folder_entries(repository), "outcomes/2022/a.yaml",
                                     [(LINK, "a.yaml", target)]), "evil", "a link no file system holds")
    (problem,) = compare_revisions(repository, "main", "evil").problems
    assert (problem.path, problem.code.value, problem.message) == ("outcomes/2022/a.yaml", BAD, (
        f"the revision {short(repository, 'evil')} holds a symbolic link here that no file system can hold{NOT_READ}"))


def lower_the_figure(root: Path) -> None:
    RepoBuilder(root).outcomes(FIGURES.replace("310", "290"), jurisdiction="a")


def test_the_repository_s_fsmonitor_never_runs(repository, tmp_path):
    marker = tmp_path / "fsmonitor-ran"
    hook = tmp_path / "hook.sh"
    hook.write_text(f"#!/bin/sh\ntouch '{marker}'\n")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    git(repository, "config", "core.fsmonitor", str(hook))
    lower_the_figure(repository)
    result = compare_revisions(repository, "main", None)
    assert not marker.exists()
    assert [(item.change, item.target.id) for item in result.targets] == [(Change.WORSE, "cases")]


def test_the_repository_s_clean_filter_never_runs(repository, tmp_path):
    marker = tmp_path / "filter-ran"
    (repository / ".gitattributes").write_text("*.yaml filter=evil\n")
    commit_all(repository, "attributes")
    git(repository, "config", "filter.evil.clean", f"touch '{marker}'; cat")
    lower_the_figure(repository)
    os.utime(repository / "targets" / "2022" / "a.yaml", (0, 0))  # stat-dirty: git would hash it again
    result = compare_revisions(repository, "main", None)
    assert not marker.exists()
    assert [(item.change, item.target.id) for item in result.targets] == [(Change.WORSE, "cases")]


HOOKS = ("pre-commit", "post-checkout", "post-index-change", "reference-transaction", "pre-auto-gc", "post-rewrite",
         "fsmonitor-watchman", "pre-push")


def test_no_command_the_repository_names_ever_runs(repository, tmp_path):
    said = tmp_path / "commands-that-ran"
    marker = tmp_path / "marker.sh"
    marker.write_text(f"#!/bin/sh\necho \"$0 $*\" >> '{said}'\ncat\n")
    marker.chmod(0o755)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for hook in HOOKS:
        (hooks / hook).symlink_to(marker)
    (repository / ".gitattributes").write_text("*.yaml filter=evil diff=evil merge=evil\n")
    commit_all(repository, "attributes")
    git(repository, "checkout", "--quiet", "-b", "topic")
    lower_the_figure(repository)
    commit_all(repository, "lower")
    command = f"{marker} repository"
    for key in ("core.fsmonitor", "core.pager", "pager.diff", "pager.ls-tree", "pager.cat-file", "diff.external",
                "core.sshCommand", "core.askPass", "filter.evil.clean", "filter.evil.smudge", "filter.evil.process",
                "diff.evil.textconv", "diff.evil.command", "merge.evil.driver", "core.alternateRefsCommand",
                "core.editor", "gpg.program"):
        git(repository, "config", key, command)
    git(repository, "config", "credential.helper", f"!{command}")
    git(repository, "config", "alias.ls-tree", f"!{command}")
    git(repository, "config", "core.hooksPath", str(hooks))
    RepoBuilder(repository).outcomes(FIGURES.replace("310", "280"), jurisdiction="a")
    os.utime(repository / "targets" / "2022" / "a.yaml", (0, 0))
    at_the_head = compare_revisions(repository, None, None)  # the merge base with main, and the working tree
    between = compare_revisions(repository, "main", "topic")
    assert not said.exists()
    assert [(str(item.before.stated.value), str(item.after.stated.value)) for item in [*at_the_head.figures, *between.figures]
            if item.before and item.after] == [("310", "280"), ("310", "290")]


def test_a_partial_clone_never_asks_its_remote_for_what_it_lacks(repository, tmp_path):
    lower_the_figure(repository)
    commit_all(repository, "lower")
    git(repository, "config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--filter=blob:none", "--no-checkout", f"file://{repository}", str(clone))
    marker = tmp_path / "ssh-ran"
    git(clone, "config", "remote.origin.url", "ssh://example.invalid/data")
    git(clone, "config", "core.sshCommand", f"touch '{marker}'; false")
    try:
        said = [problem.code.value for problem in compare_revisions(clone, "origin/main~1", "origin/main").problems]
    except GitFailed:
        said = ["git cannot fetch"]  # git before 2.44 (no GIT_NO_LAZY_FETCH) fails where a later one says "missing"
    assert not marker.exists()
    assert set(said) in ({"git cannot fetch"}, {BAD})  # every blob it lacks


def test_a_link_inside_the_repository_edited_through_its_target_is_refused_not_missed(repository):
    report = repository / "outcomes" / "2022" / "a.yaml"
    kept = repository / "notes" / "a.yaml"
    kept.parent.mkdir()
    report.rename(kept)
    report.symlink_to("../../notes/a.yaml")
    commit_all(repository, "the report kept elsewhere")
    kept.write_text(kept.read_text(encoding="utf-8").replace("310", "290"), encoding="utf-8")
    result = compare_revisions(repository, "main", None)
    assert problems(result.problems) == [("outcomes/2022/a.yaml", 1, 1, SYMBOLIC_LINK, LINKED)]
    assert result.not_compared == (NotCompared(2022, "a", "base"), NotCompared(2022, "a", "head"))
    assert [(problem.path, problem.code.value) for problem in api.validate(repository)] == [
        ("outcomes/2022/a.yaml", SYMBOLIC_LINK)]


def test_a_data_file_linked_into_git_s_own_folder_is_never_shown(repository):
    (repository / "targets" / "2022" / "x.yaml").symlink_to("../../.git/config")
    found = api.validate(repository)
    assert problems(found) == [("targets/2022/x.yaml", 1, 1, SYMBOLIC_LINK, LINKED)]
    commit_all(repository, "a link into .git")
    result = compare_revisions(repository, "main~1", "main")
    assert problems(result.problems) == [("targets/2022/x.yaml", 1, 1, SYMBOLIC_LINK, LINKED)]


def test_nothing_in_a_git_folder_is_read_even_without_a_link(tmp_path):
    root = tmp_path / "repo" / ".git" / "data"
    RepoBuilder(root).rules(COUNT_METRICS).targets(CASES_TARGET, jurisdiction="a")
    in_git = "the file is in a .git folder, git's own, not in the data repository; it is not read"
    assert [(problem.path, problem.code.value, problem.message) for problem in api.validate(root)] == [
        ("rules/", "unknown-metric", "rules/ defines no metrics (is rules/metrics.yaml missing?), so no target or "
                                     "figure can name one"),
        ("rules/metrics.yaml", "outside-repository", in_git), ("targets/2022/a.yaml", "outside-repository", in_git)]


@pytest.mark.parametrize(("message", "names", "chinese"), [
    ("holds two entries of this name in one folder, which git never writes", {},
     "在同一文件夹中有两个同名条目，git 从不写入这样的树"),
    ("holds entries of this name that differ only in case or Unicode form ('{name}'), which some file systems take "
     "for one file", {"name": "a.yaml"},
     "中有仅大小写或 Unicode 形式不同的同名条目（'a.yaml'），有的文件系统会把它们当作同一个文件"),
    ("holds a symbolic link on this file's path ('{link}')", {"link": "targets"}, "在此文件的路径上有符号链接（'targets'）"),
    ("names an object for this file that the repository does not have", {}, "为此文件所指的对象在仓库中不存在"),
    ("holds a name here that git never writes", {}, "在此处有 git 从不写入的名称"),
    ("holds a symbolic link here that no file system can hold", {}, "在此处有任何文件系统都无法容纳的符号链接"),
])
def test_every_bad_revision_reads_in_chinese(message, names, chinese):
    said = msg("{problem}; nothing of that revision is read",
               problem=msg(f"the revision {{revision}} {message}", revision="evil (1234567)", **names))
    problem = Problem("targets/2022/a.yaml", 1, 1, Code.BAD_REVISION, said=said)
    assert problem.text("zh") == (
        f"targets/2022/a.yaml:1:1: bad-revision 版本 evil (1234567) {chinese}；该版本的文件一概不读取")


def test_a_file_in_a_git_folder_reads_in_chinese():
    assert layout.IN_GIT.render("zh") == "文件位于 git 自身的 .git 文件夹中，不在数据仓库内，未读取"
