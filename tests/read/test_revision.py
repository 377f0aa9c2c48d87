"""read/revision: what git says of a data repository's revisions, asked without changing anything."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from git_support import commit_all, git, new_repository
from planaudit.errors import GitFailed, NoDefaultBranch, NotAGitRepository, UnknownRevision
from planaudit.read.revision import WORKING_TREE, GitRepository, Revision


@pytest.fixture
def repository(tmp_path: Path) -> tuple[Path, str]:
    """A git repository whose data repository is its folder data/; and its first commit."""
    data = tmp_path / "repo" / "data"
    new_repository(tmp_path / "repo")
    (data / "targets" / "2022").mkdir(parents=True)
    (data / "targets" / "2022" / "a.yaml").write_text("one\n")
    (data / "rules").mkdir()
    (data / "rules" / "metrics.yaml").write_text("rules\n")
    (tmp_path / "repo" / "outside.txt").write_text("not data\n")
    return data, commit_all(tmp_path / "repo", "first")


def test_a_folder_outside_git_is_said(tmp_path):
    with pytest.raises(NotAGitRepository):
        GitRepository.locate(tmp_path)


def test_revisions_are_commits_git_knows(repository):
    data, first = repository
    found = GitRepository.locate(data)
    assert found.resolve("HEAD") == Revision("HEAD", first)
    assert found.resolve("main").short == f"main ({first[:7]})"
    assert found.resolve(first).short == found.resolve(first[:10]).short == first[:7]
    for name in ("no-such-branch", "--output=/tmp/x", "-h", ""):
        with pytest.raises(UnknownRevision):
            found.resolve(name)


def test_changed_paths_are_relative_to_the_data_repository_and_only_its_own(repository):
    data, first = repository
    (data / "targets" / "2022" / "a.yaml").write_text("two\n")
    (data.parent / "outside.txt").write_text("changed too\n")
    second = commit_all(data.parent, "second")
    found = GitRepository.locate(data)
    assert found.changed(Revision("first", first), Revision("second", second)) == ["targets/2022/a.yaml"]


def test_the_working_tree_counts_every_file_check_reads_tracked_untracked_or_ignored(repository):
    data, first = repository
    (data / "outcomes" / "2022").mkdir(parents=True)
    (data / "outcomes" / "2022" / "a.yaml").write_text("new\n")
    (data / "outcomes" / "2022" / "b.yaml").write_text("ignored\n")
    (data / "outcomes" / "2022" / "notes.txt").write_text("not read by check\n")
    (data / ".gitignore").write_text("b.yaml\n")
    (data / "rules" / "metrics.yaml").write_text("edited, not staged\n")
    (data / "targets" / "2022" / "a.yaml").unlink()
    found = GitRepository.locate(data)
    assert found.changed(Revision("first", first), WORKING_TREE) == [
        "outcomes/2022/a.yaml", "outcomes/2022/b.yaml", "rules/metrics.yaml", "targets/2022/a.yaml"]


def test_a_file_as_it_was_committed_is_unchanged_whatever_its_time_or_mode(repository):
    data, first = repository
    (data / "targets" / "2022" / "a.yaml").chmod(0o755)
    os.utime(data / "targets" / "2022" / "a.yaml", (0, 0))
    assert GitRepository.locate(data).changed(Revision("first", first), WORKING_TREE) == []


def test_a_link_or_a_special_file_always_differs_even_unchanged(repository):
    data, first = repository
    os.symlink("../rules/metrics.yaml", data / "targets" / "2022" / "link.yaml")
    second = commit_all(data.parent, "a link")
    os.mkfifo(data / "targets" / "2022" / "fifo.yaml")  # never opened: it would block
    found = GitRepository.locate(data)
    assert found.changed(Revision("second", second), WORKING_TREE) == ["targets/2022/fifo.yaml", "targets/2022/link.yaml"]
    assert found.changed(Revision("second", second), Revision("second", second)) == ["targets/2022/link.yaml"]


def test_a_sha256_repository_is_compared_by_its_own_ids(tmp_path):
    data = tmp_path / "repo"
    data.mkdir()
    git(data, "init", "--quiet", "--initial-branch=main", "--object-format=sha256")
    (data / "targets" / "2022").mkdir(parents=True)
    for name in ("a.yaml", "b.yaml"):
        (data / "targets" / "2022" / name).write_text("one\n")
    first = commit_all(data, "first")
    (data / "targets" / "2022" / "b.yaml").write_text("two\n")
    assert len(first) == 64
    assert GitRepository.locate(data).changed(Revision("first", first), WORKING_TREE) == ["targets/2022/b.yaml"]


def test_nothing_of_the_checkout_or_the_index_is_touched(repository):
    data, first = repository
    (data / "targets" / "2022" / "a.yaml").write_text("edited\n")
    git(data, "add", "targets/2022/a.yaml")
    (data / "rules" / "metrics.yaml").write_text("unstaged\n")
    index = data.parent / ".git" / "index"
    status = git(data, "status", "--porcelain")  # git status itself may refresh the index: asked first
    before = (index.read_bytes(), index.stat().st_mtime_ns)
    found = GitRepository.locate(data)
    found.changed(Revision("first", first), WORKING_TREE)
    found.export(Revision("first", first), ["targets", "rules"], data.parent.parent / "out")
    assert (index.read_bytes(), index.stat().st_mtime_ns) == before
    assert git(data, "status", "--porcelain") == status
    assert (data / "targets" / "2022" / "a.yaml").read_text() == "edited\n"


def test_export_writes_a_revision_s_files_as_they_were(repository, tmp_path):
    data, first = repository
    (data / "targets" / "2022" / "a.yaml").write_bytes(b"\xe7\xa6\x8f\xe5\xb7\x9e\r\nraw bytes\n")
    os.symlink("../../rules/metrics.yaml", data / "targets" / "2022" / "link.yaml")
    second = commit_all(data.parent, "second")
    out = tmp_path / "out"
    out.mkdir()
    GitRepository.locate(data).export(Revision("second", second), ["targets", "rules", "outcomes"], out)
    assert (out / "targets" / "2022" / "a.yaml").read_bytes() == b"\xe7\xa6\x8f\xe5\xb7\x9e\r\nraw bytes\n"
    assert os.readlink(out / "targets" / "2022" / "link.yaml") == "../../rules/metrics.yaml"
    assert sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if not path.is_dir()) == [
        "rules/metrics.yaml", "targets/2022/a.yaml", "targets/2022/link.yaml"]


def test_the_default_base_is_where_the_branch_left_the_default_branch(repository, monkeypatch):
    data, first = repository
    git(data, "checkout", "--quiet", "-b", "topic")
    (data / "targets" / "2022" / "a.yaml").write_text("topic\n")
    commit_all(data.parent, "on topic")
    git(data, "checkout", "--quiet", "main")
    (data / "rules" / "metrics.yaml").write_text("main moved on\n")
    commit_all(data.parent, "on main")
    git(data, "checkout", "--quiet", "topic")
    assert GitRepository.locate(data).default_base() == Revision("main...HEAD", first)
    monkeypatch.setenv("GITHUB_BASE_REF", "topic")  # a pull request's base wins
    assert GitRepository.locate(data).default_base().name == "topic...HEAD"


def test_without_a_default_branch_the_base_must_be_named(repository):
    data, _ = repository
    git(data, "branch", "--move", "main", "trunk")
    with pytest.raises(NoDefaultBranch, match="name the base revision"):
        GitRepository.locate(data).default_base()


def test_git_that_cannot_run_is_said(repository, monkeypatch):
    data, _ = repository
    monkeypatch.setenv("PATH", str(data))  # no git there
    with pytest.raises(NotAGitRepository):
        GitRepository.locate(data)
    with pytest.raises(GitFailed, match="git cannot be run"):
        GitRepository(data).git("status")
