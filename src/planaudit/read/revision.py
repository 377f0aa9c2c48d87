"""A data repository as git holds it at a revision: which files changed between two revisions, and
a revision's files written out to a folder of their own.

Everything is asked of the ``git`` program, and only in ways that change nothing: no checkout, no
index write (``GIT_OPTIONAL_LOCKS=0``), no worktree, no filter, diff driver or text conversion
(blobs are read raw by ``git cat-file``). Paths are given to git literally
(``GIT_LITERAL_PATHSPECS=1``), and a revision is never taken for an option.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planaudit.errors import GitFailed, NoDefaultBranch, NotAGitRepository, UnknownRevision

_ENVIRONMENT = {"GIT_OPTIONAL_LOCKS": "0", "GIT_LITERAL_PATHSPECS": "1", "GIT_TERMINAL_PROMPT": "0",
                "LC_ALL": "C", "GIT_PAGER": "cat"}
_BLOB_MODES = {b"100644", b"100755"}
_LINK_MODE = b"120000"


@dataclass(frozen=True)
class Revision:
    """One side of a comparison: a commit, or the working tree as it is on disk (``commit`` None)."""

    name: str  # as the user named it ("main", "HEAD~1"), or how it was found
    commit: str | None

    @property
    def short(self) -> str:
        """How it is shown: "main (3f2c1a9)", a commit named by its id as "3f2c1a9", or "working tree"."""
        if self.commit is None:
            return "working tree"
        if self.commit.startswith(self.name.lower()):
            return self.commit[:7]
        return f"{self.name} ({self.commit[:7]})"


WORKING_TREE = Revision("working tree", None)


class GitRepository:
    """The git repository that a data repository is in; every path is relative to the data
    repository's root (git runs there, so a data repository in a subfolder of a larger repository
    sees only its own files)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def locate(cls, root: Path) -> GitRepository:
        repository = cls(root)
        try:
            inside = repository.git("rev-parse", "--is-inside-work-tree").strip()
        except GitFailed:
            raise NotAGitRepository(root) from None
        if inside != b"true":
            raise NotAGitRepository(root)
        return repository

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        """The standard output of ``git args`` run at the data repository's root."""
        try:
            done = subprocess.run(["git", *args], cwd=self.root, input=stdin, capture_output=True,
                                  env={**os.environ, **_ENVIRONMENT}, check=False)
        except OSError as error:
            raise GitFailed(args[0], f"git cannot be run ({error.strerror})") from None
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitFailed(args[0], said[-1] if said else f"exit status {done.returncode}")
        return done.stdout

    def resolve(self, name: str) -> Revision:
        """The commit that ``name`` names; :class:`UnknownRevision` when git knows none."""
        if not name or name.startswith("-"):
            raise UnknownRevision(name)
        try:
            commit = self.git("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}").decode("ascii").strip()
        except GitFailed:
            raise UnknownRevision(name) from None
        return Revision(name, commit)

    def default_base(self) -> Revision:
        """Where the current branch left the default branch: the merge base of HEAD and, the first
        that git knows, the pull request's base (GITHUB_BASE_REF), origin's HEAD, main or master."""
        tried = self.default_branches()
        for name in tried:
            try:
                branch = self.resolve(name)
            except UnknownRevision:
                continue
            head = self.resolve("HEAD")
            base = self.git("merge-base", branch.commit or "", head.commit or "").decode("ascii").strip()
            return Revision(f"{name}...HEAD", base)  # git's own name for the merge base
        raise NoDefaultBranch(tried)

    def default_branches(self) -> list[str]:
        names = []
        pull_request_base = os.environ.get("GITHUB_BASE_REF", "")
        if pull_request_base:
            names += [f"origin/{pull_request_base}", pull_request_base]
        try:
            origin_head = self.git("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD").decode().strip()
            names.append(origin_head)
        except (GitFailed, UnicodeDecodeError):
            pass
        names += ["origin/main", "origin/master", "main", "master"]
        return list(dict.fromkeys(names))

    def changed(self, base: Revision, head: Revision) -> list[str]:
        """The paths that differ between two revisions (with the working tree: untracked files that
        are not ignored count as added), relative to the data repository's root, sorted."""
        assert base.commit is not None
        common = ["--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", "--relative"]
        if head.commit is not None:
            listed = self.git("diff", *common, base.commit, head.commit, "--")
        else:
            listed = self.git("diff", *common, base.commit, "--")
            listed += self.git("ls-files", "-z", "--others", "--exclude-standard")
        return sorted({os.fsdecode(path) for path in listed.split(b"\0") if path})

    def export(self, revision: Revision, paths: Sequence[str], into: Path) -> None:
        """Write the files of ``revision`` under ``paths`` (files or folders) into the empty folder
        ``into``, as they are in the revision: regular files with their bytes, symbolic links as
        links (read later as any link is, refused when it leaves the folder); nothing else."""
        assert revision.commit is not None
        entries = []
        for record in self.git("ls-tree", "-r", "-z", revision.commit, "--", *paths).split(b"\0"):
            if not record:
                continue
            meta, _, path = record.partition(b"\t")
            mode, kind, obj = meta.split(b" ")
            if kind == b"blob" and (mode in _BLOB_MODES or mode == _LINK_MODE) and _safe(path):
                entries.append((mode, obj, os.fsdecode(path)))
        contents = self.blobs([obj for _, obj, _ in entries])
        for (mode, _, name), content in zip(entries, contents, strict=True):
            target = into.joinpath(*name.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            if mode == _LINK_MODE:
                os.symlink(os.fsdecode(content), target)
            else:
                target.write_bytes(content)

    def blobs(self, objects: Sequence[bytes]) -> list[bytes]:
        """The raw content of each blob, in order, from one `git cat-file --batch`."""
        if not objects:
            return []
        output = self.git("cat-file", "--batch", stdin=b"".join(obj + b"\n" for obj in objects))
        contents, at = [], 0
        for _ in objects:
            header_end = output.index(b"\n", at)
            size = int(output[at:header_end].rsplit(b" ", 1)[1])
            contents.append(output[header_end + 1:header_end + 1 + size])
            at = header_end + 1 + size + 1  # the content is followed by a newline
        return contents


def _safe(path: bytes) -> bool:
    """A relative path whose every part is a name (git never stores others; this is not taken on trust)."""
    parts = path.split(b"/")
    return all(part not in (b"", b".", b"..") for part in parts) and b"\\" not in path
