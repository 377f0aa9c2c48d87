"""A data repository as git holds it at a revision: which files changed between two revisions, and
a revision's files written out to a folder of their own.

What git holds is asked of the ``git`` program, and only in ways that change nothing and run
nothing of the repository's: ``rev-parse``, ``symbolic-ref``, ``merge-base``, ``ls-tree`` and
``cat-file`` (blobs read raw: no filter, diff driver or text conversion), never a command that
reads the index or the working tree (``git diff`` against the working tree refreshes the index:
it would run the repository's ``core.fsmonitor`` and clean filters). Every call overrides, besides,
the settings through which a repository's own configuration could make git run a command
(:data:`_NEUTRAL`), reads no system configuration or attributes, and fetches nothing. Paths are
given to git literally (``GIT_LITERAL_PATHSPECS=1``), and a revision is never taken for an option.

The working tree is read by planaudit itself: each file a run would read, hashed as git hashes a
blob (its raw bytes), and compared with the base's blob ids. A link, or anything else that is
not a regular file, at either side always counts as changed, so that it is judged — and refused.

A revision's tree is not taken on trust either (``git clone`` does not check it): two entries
of one name (or of names one file system may fold into one), a symbolic link on a path, a name
git never writes, an object the repository does not have — each is a ``bad-revision`` problem,
found before anything is written. The files are then written into a fresh folder, each created
anew relative to its folder's descriptor without following links, and links last, so that nothing
is ever written through one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import subprocess
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from planaudit.errors import GitFailed, NoDefaultBranch, NotAGitRepository, UnknownRevision
from planaudit.messages import Message, msg
from planaudit.model.problems import Code, Problem
from planaudit.read import layout

_ENVIRONMENT = {"GIT_OPTIONAL_LOCKS": "0", "GIT_LITERAL_PATHSPECS": "1", "GIT_TERMINAL_PROMPT": "0",
                "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_CONFIG_NOSYSTEM": "1", "GIT_ATTR_NOSYSTEM": "1",
                "GIT_NO_LAZY_FETCH": "1"}
# What could make git run a command the repository's own configuration names, overridden on every call:
# the file system monitor, hooks, the pager; and every transport (so no lazy fetch of a partial clone,
# and with it no ssh command, credential helper or askpass).
_NEUTRAL = ("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.untrackedCache=false",
            "-c", "core.pager=cat", "-c", "protocol.allow=never", "-c", "gc.auto=0", "-c", "maintenance.auto=false")
_BLOB_MODES = {b"100644", b"100755"}
_LINK_MODE = b"120000"
_TREE_MODE = b"040000"
_DATA_PATHS = (layout.SETTINGS_FILE, "rules", *layout.DATA_KINDS)  # what planaudit reads of a revision
_CHUNK = 1024 * 1024


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
        self.trees: dict[str, list[Entry]] = {}  # each commit's listing, once looked at

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
            done = subprocess.run(self.command(*args), cwd=self.root, input=stdin, capture_output=True,
                                  env=self.environment(), check=False)
        except OSError as error:
            raise GitFailed(args[0], msg("git cannot be run ({why})", why=str(error.strerror))) from None
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitFailed(args[0], said[-1] if said else msg("exit status {status}", status=done.returncode))
        return done.stdout

    @staticmethod
    def command(*args: str) -> list[str]:
        """``git args``, with every setting through which the repository could run a command overridden."""
        return ["git", *_NEUTRAL, *args]

    @staticmethod
    def environment() -> dict[str, str]:
        return {**os.environ, **_ENVIRONMENT}

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
        """The files planaudit reads (planaudit.yaml, rules/*.yaml, targets/YEAR/*.yaml,
        targets/FIRST-LAST/*.yaml and outcomes/YEAR/*.yaml) that differ between two revisions, relative to the data repository's
        root, sorted. The working tree has every such file on disk, whether git tracks it, ignores it
        or not: what `check` reads. A link, or anything else that is not a regular file, at either
        side always differs. Raises :class:`BadRevision` for a commit whose tree git would refuse."""
        before = self.files(base)
        after = self.files(head)
        return sorted(path for path in before.keys() | after.keys()
                      if before.get(path) != after.get(path) or not (_plain(before.get(path)) and _plain(after.get(path))))

    def files(self, revision: Revision) -> dict[str, Content]:
        """The files planaudit reads at ``revision``, by path, each as git holds it."""
        if revision.commit is None:
            return self.working_files()
        return {entry.path: entry.content for entry in self.listing(revision)
                if entry.kind != b"tree" and read_by_planaudit(entry.path)}

    def working_files(self) -> dict[str, Content]:
        """The files planaudit reads in the working tree, by path: a regular file by the id git would give
        its raw bytes (hashed here: git is not asked, so no filter of the repository's ever runs)."""
        layout.new_run()
        algorithm = self.git("rev-parse", "--show-object-format").decode("ascii", "replace").strip()
        if algorithm not in ("sha1", "sha256"):
            raise GitFailed("rev-parse", msg("the object format '{name}' is not one planaudit knows", name=algorithm))
        found = {}
        for folder, names in _working_folders(self.root):
            directory = self.root / folder
            linked = layout.linked_folder(self.root, directory)
            for name in names:
                path = f"{folder}/{name}" if folder else name
                found[path] = _working_content(os.path.join(directory, name), linked, algorithm)
        return found

    def listing(self, revision: Revision) -> list[Entry]:
        """Every entry (folders too) of the revision's tree under the paths planaudit reads, checked:
        :class:`BadRevision` when git would refuse the tree."""
        assert revision.commit is not None
        if revision.commit not in self.trees:
            output = self.git("ls-tree", "-r", "-t", "-z", revision.commit, "--", *_DATA_PATHS)
            entries = [Entry.parse(record) for record in output.split(b"\0") if record]
            # ./ and ../ are the folders above the data repository (git names the folders on the way too)
            entries = [entry for entry in entries if entry.path != "./" and not entry.path.startswith("../")]
            found = tree_problems(entries, revision)
            if found:
                raise BadRevision(found)
            self.trees[revision.commit] = entries
        return self.trees[revision.commit]

    def export(self, revision: Revision, paths: Sequence[str], into: Path) -> None:
        """Write the files of ``revision`` under ``paths`` (files or folders) into the folder ``into``
        (made when missing; it holds none of them yet), as they are in the revision: regular files
        with their bytes, symbolic links as links (refused when read, as any link is) and a submodule
        as an empty folder; nothing else. Raises :class:`BadRevision`, before anything is written,
        when git would refuse the tree, the repository does not have an object it names, or a link's
        target is one no file system holds."""
        entries = [entry for entry in self.listing(revision) if _under(entry.path, paths)]
        files = [entry for entry in entries if entry.mode in _BLOB_MODES]
        links = [entry for entry in entries if entry.mode == _LINK_MODE]
        sizes = self.sizes(revision, [*files, *links])
        with self.objects() as objects:
            targets = {entry.path: b"".join(objects.chunks(entry.object, sizes[entry.object])) for entry in links}
            too_long = msg("the revision {revision} holds a symbolic link here that no file system can hold",
                           revision=revision.short)
            unholdable = {path: too_long for path, target in targets.items() if not target or b"\0" in target}
            if unholdable:
                raise BadRevision(_problems(unholdable))
            into.mkdir(parents=True, exist_ok=True)
            with _Folders(into) as folders:
                for entry in files:
                    with folders.create(entry.path) as out:
                        for chunk in objects.chunks(entry.object, sizes[entry.object]):
                            out.write(chunk)
                for entry in entries:
                    if entry.kind == b"commit":
                        folders.folder(entry.path)
                for path, target in targets.items():  # last: nothing is ever written through one
                    folders.link(path, target)

    def sizes(self, revision: Revision, entries: Sequence[Entry]) -> dict[bytes, int]:
        """The size of each entry's blob, by object id; :class:`BadRevision` for an entry whose object the
        repository does not hold as a blob, or a link no file system can hold."""
        if not entries:
            return {}
        output = self.git("cat-file", "--batch-check", stdin=b"".join(entry.object + b"\n" for entry in entries))
        found = {}
        for line in output.splitlines():
            obj, _, rest = line.partition(b" ")
            kind, _, size = rest.partition(b" ")
            if kind == b"blob" and size.isdigit():
                found[obj] = int(size)
        missing = msg("the revision {revision} names an object for this file that the repository does not have",
                      revision=revision.short)
        said = {entry.path: missing for entry in entries if entry.object not in found}
        too_long = msg("the revision {revision} holds a symbolic link here that no file system can hold",
                       revision=revision.short)
        said.update({entry.path: too_long for entry in entries
                     if entry.mode == _LINK_MODE and found.get(entry.object, 0) > _LONGEST_LINK})
        if said:
            raise BadRevision(_problems(said))
        return found

    @contextlib.contextmanager
    def objects(self) -> Iterator[_Objects]:
        """One ``git cat-file --batch``, asked for one object at a time."""
        try:
            process = subprocess.Popen(self.command("cat-file", "--batch"), cwd=self.root, env=self.environment(),
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError as error:
            raise GitFailed("cat-file", msg("git cannot be run ({why})", why=str(error.strerror))) from None
        assert process.stdin is not None and process.stdout is not None
        try:
            yield _Objects(process.stdin, process.stdout)
        finally:
            process.stdin.close()
            process.stdout.close()
            process.wait()


Content = tuple[str, str]  # ("file", its blob id), or ("link", "") and ("other", ""): what is never read


@dataclass(frozen=True)
class Entry:
    """One entry of a tree, as ``git ls-tree`` gives it."""

    mode: bytes
    kind: bytes  # blob, tree or commit (a submodule)
    object: bytes  # its id, in hex
    path: str  # relative to the data repository's root, as the file system names it

    @classmethod
    def parse(cls, record: bytes) -> Entry:
        meta, _, path = record.partition(b"\t")
        mode, kind, obj = meta.split(b" ")
        return cls(mode, kind, obj, os.fsdecode(path))

    @property
    def folder(self) -> str:
        return self.path.rpartition("/")[0]

    @property
    def name(self) -> str:
        return self.path.rpartition("/")[2]

    @property
    def content(self) -> Content:
        if self.mode in _BLOB_MODES:
            return ("file", self.object.decode("ascii"))
        return ("link", "") if self.mode == _LINK_MODE else ("other", "")


class BadRevision(Exception):
    """A revision whose tree git would refuse, or that names an object the repository does not have."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = tuple(problems)


def tree_problems(entries: Sequence[Entry], revision: Revision) -> list[Problem]:
    """What makes a tree one that git never writes (nor a careful git accepts): a name that is not one,
    two entries of one name in a folder — or of names that a file system may take for one (A.yaml
    and a.yaml, é composed or not) —, and an entry below a symbolic link."""
    said: dict[str, Message] = {}
    first_of: dict[tuple[str, str], Entry] = {}  # by folder and folded name: among the entries planaudit writes
    named: set[tuple[str, str]] = set()
    links = {entry.path for entry in entries if entry.mode == _LINK_MODE}
    for entry in entries:
        written = entry.kind == b"tree" or read_by_planaudit(entry.path)  # a README beside them is never written
        first = first_of.setdefault((entry.folder, _folded(entry.name)), entry) if written else entry
        if not _a_name(entry.name):
            said.setdefault(entry.path, msg("the revision {revision} holds a name here that git never writes",
                                            revision=revision.short))
        elif (entry.folder, entry.name) in named:
            said.setdefault(entry.path, msg("the revision {revision} holds two entries of this name in one folder, "
                                            "which git never writes", revision=revision.short))
        elif first is not entry:
            said.setdefault(entry.path, msg("the revision {revision} holds entries of this name that differ only in "
                                            "case or Unicode form ('{name}'), which some file systems take for one file",
                                            revision=revision.short, name=layout.shown(first.name)))
        named.add((entry.folder, entry.name))
        link = next((folder for folder in _folders(entry.path) if folder in links), None)
        if link is not None:
            said.setdefault(entry.path, msg("the revision {revision} holds a symbolic link on this file's path ('{link}')",
                                            revision=revision.short, link=layout.shown(link)))
    return _problems(said)


def _problems(said: dict[str, Message]) -> list[Problem]:
    return [Problem(layout.shown(path), 1, 1, Code.BAD_REVISION,
                    said=msg("{problem}; nothing of that revision is read", problem=message))
            for path, message in sorted(said.items(), key=lambda item: item[0])]


def _a_name(name: str) -> bool:
    """A name git writes in a tree (this is not taken on trust): not empty, . or .., nor .git in any case,
    and without a backslash (a folder's separator to some)."""
    return name not in ("", ".", "..") and name.casefold() != ".git" and "\\" not in name


def _folded(name: str) -> str:
    """A name as a file system that ignores case and Unicode forms sees it."""
    return unicodedata.normalize("NFC", name).casefold()


def _folders(path: str) -> list[str]:
    """The folders on a path: a/b/c → a, a/b."""
    parts = path.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts))]


def _under(path: str, paths: Sequence[str]) -> bool:
    return any(path == wanted or path.startswith(wanted + "/") for wanted in paths)


def _plain(content: Content | None) -> bool:
    """Absent, or a regular file: what is compared by its bytes (anything else always differs)."""
    return content is None or content[0] == "file"


_LONGEST_LINK = 4095  # bytes: the longest link target Linux holds (PATH_MAX less the ending NUL)


def read_by_planaudit(path: str) -> bool:
    """Is ``path`` one of the files a run reads: planaudit.yaml, rules/NAME.yaml, KIND/YEAR/NAME.yaml,
    targets/FIRST-LAST/NAME.yaml (NAME not beginning with a dot)?"""
    parts = path.split("/")
    if len(parts) == 1:
        return path == layout.SETTINGS_FILE
    if not parts[-1].endswith(".yaml") or parts[-1].startswith("."):
        return False
    if len(parts) == 2:
        return parts[0] == "rules"
    return len(parts) == 3 and parts[0] in layout.DATA_KINDS and _data_folder(parts[0], parts[1])


def _data_folder(kind: str, name: str) -> bool:
    """Is ``name`` a folder of data files of ``kind``: a year's, or (of targets) a period's?"""
    return bool(layout.YEAR_DIR.fullmatch(name)) or (kind == "targets" and bool(layout.PERIOD_DIR.fullmatch(name)))


def _working_folders(root: Path) -> Iterator[tuple[str, list[str]]]:
    """The files a run reads in the working tree (see :func:`read_by_planaudit`), of every year and
    period: each folder (relative to ``root``) with the names of its files."""
    yield "", [layout.SETTINGS_FILE] if layout.settings_file(root) is not None else []
    yield "rules", layout.yaml_names(root / "rules")
    for kind in layout.DATA_KINDS:
        try:
            years = sorted(name for name in os.listdir(root / kind) if _data_folder(kind, name))
        except OSError:
            continue
        for year in years:
            yield f"{kind}/{year}", layout.yaml_names(root / kind / year)


def _working_content(file: str, linked: bool, algorithm: str) -> Content:
    """A file of the working tree as git would hold it: ("file", the id of its raw bytes) for a regular
    file; a link — or a file of a folder that is ``linked`` —, or anything else, is never read."""
    try:
        status = os.lstat(file)
    except OSError:
        return ("other", "")
    if stat.S_ISLNK(status.st_mode) or linked:
        return ("link", "")
    if not stat.S_ISREG(status.st_mode):
        return ("other", "")
    digest = hashlib.new(algorithm, b"blob %d\0" % status.st_size)
    read = 0
    try:
        with os.fdopen(os.open(file, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)), "rb") as stream:
            chunk = stream.read(min(status.st_size, _CHUNK) + 1)  # the whole of a small file at once
            while chunk:
                digest.update(chunk)
                read += len(chunk)
                chunk = stream.read(_CHUNK)
    except OSError:
        return ("other", "")
    return ("file", digest.hexdigest()) if read == status.st_size else ("other", "")  # else it changed meanwhile


class _Folders:
    """The folders of an export, each opened once relative to its parent's descriptor and never
    through a link; files created anew in them (never one that is there, nor through a link)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.opened: dict[str, int] = {}

    def __enter__(self) -> _Folders:
        self.opened[""] = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY)
        return self

    def __exit__(self, *exception: object) -> None:
        for descriptor in self.opened.values():
            os.close(descriptor)

    def folder(self, path: str) -> int:
        """The descriptor of the folder at ``path`` (made when missing)."""
        if path not in self.opened:
            parent, _, name = path.rpartition("/")
            at = self.folder(parent)
            with contextlib.suppress(FileExistsError):
                os.mkdir(name, 0o755, dir_fd=at)
            self.opened[path] = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=at)
        return self.opened[path]

    def create(self, path: str) -> IO[bytes]:
        parent, _, name = path.rpartition("/")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        return os.fdopen(os.open(name, flags, 0o644, dir_fd=self.folder(parent)), "wb")

    def link(self, path: str, target: bytes) -> None:
        parent, _, name = path.rpartition("/")
        os.symlink(target, name, dir_fd=self.folder(parent))


class _Objects:
    """A running ``git cat-file --batch``: each object asked for, then read, in chunks (git writes
    each at once when asked, unbuffered)."""

    def __init__(self, asked: IO[bytes], answers: IO[bytes]) -> None:
        self.asked, self.answers = asked, answers

    def chunks(self, obj: bytes, size: int) -> Iterator[bytes]:
        """The content of the blob ``obj``, of ``size`` bytes (as ``--batch-check`` said)."""
        try:
            self.asked.write(obj + b"\n")
            self.asked.flush()
        except OSError:
            raise GitFailed("cat-file", msg("it stopped before every object was read")) from None
        if self.answers.readline() != obj + b" blob %d\n" % size:
            raise GitFailed("cat-file", msg("an object is not as it was a moment before"))
        left = size
        while left:
            chunk = self.answers.read(min(left, _CHUNK))
            if not chunk:
                raise GitFailed("cat-file", msg("it stopped before every object was read"))
            left -= len(chunk)
            yield chunk
        self.answers.read(1)  # the newline that ends each object
