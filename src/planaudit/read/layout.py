"""The layout of a data repository: where its root is, which files a run reads, and reading them safely.

This is the one place that says which files an audit of a year reads, so that what is judged and
what a cached answer is keyed on can never differ. Files come from strangers: a data file whose
real path leaves the repository or is in a .git folder, that is a symbolic link or has one on its
path inside the repository, that is not a regular file, or that is larger than the size cap, is a
problem found without opening it, and its content is never read.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from planaudit.messages import Message, msg

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
YEAR_DIR = re.compile(r"[0-9]{4}")
PERIOD_DIR = re.compile(r"([0-9]{4})-([0-9]{4})")  # a period plan's folder: targets/2021-2025/
MOST_YEARS = 30  # the longest period a plan may run (the 2035 visions of 2020 run 15 years)
SETTINGS_FILE = "planaudit.yaml"
DATA_KINDS = ("targets", "outcomes")
MARKERS = ("targets", "outcomes", "rules", SETTINGS_FILE)  # any one of them makes a directory a data repository
MEGABYTE = 1024 * 1024
MAX_FILE_SIZE = 10 * MEGABYTE  # the most bytes a file may have when planaudit.yaml sets no max_file_size


class NoRepository(Exception):
    """No directory from ``start`` up to the file system's root is a data repository."""

    def __init__(self, start: Path) -> None:
        super().__init__(str(start))
        self.start = start


def find_root(start: Path) -> Path:
    """The data repository that ``start`` is in: ``start`` itself or the nearest directory above it
    that has targets/, outcomes/, rules/ or planaudit.yaml — as git finds a repository's root."""
    if not start.is_dir():
        raise NoRepository(start)
    here = Path(os.path.abspath(start))
    for candidate in (here, *here.parents):
        if any((candidate / marker).exists() for marker in MARKERS):
            return candidate
    raise NoRepository(start)


def repository_root(data: Path) -> Path:
    """The data repository that ``data`` is in (:func:`find_root`); :class:`NotADataRepository`
    when there is none."""
    from planaudit.errors import NotADataRepository

    try:
        return find_root(data)
    except NoRepository:
        raise NotADataRepository(data) from None


def folder_in_git(root: Path) -> str:
    """Where the data repository ``root`` is inside the git repository that holds it, as a prefix of
    its paths ("data/"), so that annotations and SARIF name files as the repository does: relative to
    GitHub's workspace on Actions (``GITHUB_WORKSPACE``, when the data is in it), else to the nearest
    folder above that holds ``.git`` (found without running git); "" at its top, or outside git."""
    here = Path(os.path.abspath(root))
    workspace = os.environ.get("GITHUB_WORKSPACE")
    tops = [Path(os.path.abspath(workspace))] if workspace else []
    tops += [candidate for candidate in (here, *here.parents) if (candidate / ".git").exists()]
    for top in tops:
        if here == top or top in here.parents:
            relative = here.relative_to(top).as_posix()
            return "" if relative == "." else relative + "/"
    return ""


def shown(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 are shown as \\x escapes, never as surrogates."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class DataFile:
    """One target or outcome file to read."""

    file: Path
    display: str
    kind: str  # targets | outcomes
    year: int
    jurisdiction: str
    limit: int = MAX_FILE_SIZE  # the most bytes it may have: planaudit.yaml's max_file_size


@dataclass(frozen=True)
class PeriodFile:
    """One period plan to read: targets/<first>-<last>/<jurisdiction>.yaml."""

    file: Path
    display: str
    first: int
    last: int
    jurisdiction: str
    limit: int = MAX_FILE_SIZE


def period_of(name: str) -> tuple[int, int] | None:
    """The first and last year a folder's name gives ("2021-2025"), or None when it names no period
    (not two years, the first not before the last, or more than MOST_YEARS apart)."""
    found = PERIOD_DIR.fullmatch(name)
    if found is None:
        return None
    first, last = int(found[1]), int(found[2])
    return (first, last) if first < last <= first + MOST_YEARS else None


def periods(root: Path) -> list[tuple[int, int]]:
    """The periods that have period plans, in order."""
    try:
        names = os.listdir(root / "targets")
    except OSError:
        return []
    found = [period_of(name) for name in names if yaml_names(root / "targets" / name)]
    return sorted(period for period in found if period is not None)


def period_files(root: Path, first: int, last: int, limit: int = MAX_FILE_SIZE) -> tuple[list[PeriodFile], list[Misplaced]]:
    """The period plans of ``first``-``last``, in order; and those whose name is not a jurisdiction slug."""
    folder = root / "targets" / f"{first}-{last}"
    found: list[PeriodFile] = []
    misplaced: list[Misplaced] = []
    for name in yaml_names(folder):
        display = f"targets/{first}-{last}/{shown(name)}"
        stem = name[:-len(".yaml")]
        if SLUG.fullmatch(stem):
            found.append(PeriodFile(folder / name, display, first, last, stem, limit))
        else:
            misplaced.append(Misplaced(display, shown(name)))
    return found, misplaced


@dataclass(frozen=True)
class Misplaced:
    """A file in a data directory whose name planaudit cannot read as a jurisdiction."""

    display: str
    name: str


def rules_files(root: Path) -> list[tuple[str, Path]]:
    """(display, path) of every rules file, sorted."""
    folder = root / "rules"
    return [(f"rules/{shown(name)}", folder / name) for name in yaml_names(folder)]


def settings_file(root: Path) -> Path | None:
    """planaudit.yaml, when there is one (a link counts: it is refused when it is read)."""
    settings = root / SETTINGS_FILE
    return settings if settings.exists() or settings.is_symlink() else None


def head_files(root: Path) -> list[tuple[str, Path]]:
    """The settings file, when there is one, and the rules files: what every audit reads first."""
    settings = settings_file(root)
    return ([(SETTINGS_FILE, settings)] if settings is not None else []) + rules_files(root)


def data_files(root: Path, kind: str, years: list[int]) -> tuple[list[DataFile], list[Misplaced]]:
    """The files of ``kind`` for ``years``, in order; and those whose name is not a jurisdiction slug."""
    found: list[DataFile] = []
    misplaced: list[Misplaced] = []
    for year in years:
        folder = root / kind / str(year)
        for name in yaml_names(folder):
            display = f"{kind}/{year}/{shown(name)}"
            stem = name[:-len(".yaml")]
            if SLUG.fullmatch(stem):
                found.append(DataFile(folder / name, display, kind, year, stem))
            else:
                misplaced.append(Misplaced(display, shown(name)))
    return found, misplaced


def yaml_names(folder: Path) -> list[str]:
    """The names of the *.yaml entries of a folder, sorted, as ``glob("*.yaml")`` finds them (not
    those whose name begins with a dot); none when there is no such folder."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(name for name in names if name.endswith(".yaml") and not name.startswith("."))


def target_years(root: Path) -> list[int]:
    """The years that have target files, in order."""
    folder = root / "targets"
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(int(name) for name in names if YEAR_DIR.fullmatch(name) and yaml_names(folder / name))


def audit_files(root: Path, year: int) -> tuple[list[DataFile], list[Misplaced]]:
    """What an audit of ``year`` reads besides the head files: the targets of ``year`` and the
    outcomes of the year before and of ``year``."""
    targets, misplaced_targets = data_files(root, "targets", [year])
    outcomes, misplaced_outcomes = data_files(root, "outcomes", [year - 1, year])
    return [*targets, *outcomes], [*misplaced_targets, *misplaced_outcomes]


def by_jurisdiction(files: list[DataFile]) -> list[tuple[str, list[DataFile]]]:
    """The files grouped by jurisdiction, sorted by slug, each group in the order given."""
    grouped: dict[str, list[DataFile]] = {}
    for file in files:
        grouped.setdefault(file.jurisdiction, []).append(file)
    return sorted(grouped.items())


class Unreadable(Exception):
    """A data file that is not read: outside the repository, a symbolic link, not a regular file,
    too large, or failing to open."""

    def __init__(self, code: str, said: Message) -> None:
        super().__init__(said.render("en"))
        self.code = code  # a problem code: outside-repository, symbolic-link, not-a-regular-file, file-too-large…
        self.said = said
        self.message = str(self)  # in English

    @property
    def marker(self) -> Marker:
        """What a digest records in place of the content that was not read (the message too: it
        may name a size cap, and what the file is judged to say must follow it)."""
        return Marker(b"\0unreadable " + self.code.encode() + b" " + self.message.encode())


class Marker(bytes):
    """An unreadable file's marker: :class:`InputsDigest` records it apart from any file's content,
    so that no file, whatever bytes it holds, has the digest of one that was not read."""


OUTSIDE = msg("the file's real path is outside the data repository; it is not read")
IN_GIT = msg("the file is in a .git folder, git's own, not in the data repository; it is not read")
LINKED = msg("the file is a symbolic link, or a folder on its path in the data repository is one; links are not followed, "
             "and it is not read")
NOT_REGULAR = msg("not a regular file; it is not read")


def too_large(limit: int) -> Unreadable:
    return Unreadable("file-too-large", msg("the file has more than {limit} bytes (max_file_size in planaudit.yaml); "
                                            "it is not read", limit=limit))


def cannot_read(error: OSError) -> Unreadable:
    return Unreadable("yaml-syntax", msg("cannot read the file: {why}", why=str(error.strerror)))


def read_bytes(root: Path, path: Path, limit: int = MAX_FILE_SIZE) -> bytes:
    """The content of a file of the repository at ``root``, of at most ``limit`` bytes; raises
    :class:`Unreadable` for a file whose real path is outside the repository or in a .git folder,
    that is a symbolic link or has one on its path inside the repository, that is not a regular
    file, or that has more bytes than ``limit`` — all found before it is opened (the size again as
    it is read: a file may grow), so that a FIFO or a device is never read and nothing a link
    points to is ever shown."""
    status = _status(path)
    linked = stat.S_ISLNK(status.st_mode)
    # The common case is quicker: only the folder's real path is needed, and it is looked up once.
    real = os.path.realpath(path) if linked else os.path.join(real_directory(path.parent), path.name)
    if not real.startswith(real_directory(root).rstrip(os.sep) + os.sep):  # said before anything of what is outside
        raise Unreadable("outside-repository", OUTSIDE)
    if linked or linked_folder(root, path.parent):
        raise Unreadable("symbolic-link", LINKED)
    if in_git_folder(path.parent):
        raise Unreadable("outside-repository", IN_GIT)
    if not stat.S_ISREG(status.st_mode):
        raise Unreadable("not-a-regular-file", NOT_REGULAR)
    if status.st_size > limit:
        raise too_large(limit)
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise cannot_read(error) from None
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # it changed since it was looked at
            raise Unreadable("not-a-regular-file", NOT_REGULAR)
        return read_at_most(stream, limit, status.st_size)


def read_at_most(stream: BinaryIO, limit: int, size: int) -> bytes:
    """The stream's bytes, of which there should be ``size`` (no more than ``limit``): read to its end,
    or until there are more than ``limit`` — :class:`Unreadable` then. (No buffer is ever larger than
    the file, nor than a megabyte beyond it.)"""
    content = stream.read(min(size, limit) + 1)
    while size < len(content) <= limit:  # it grew since it was looked at
        more = stream.read(min(limit + 1 - len(content), MEGABYTE))
        if not more:
            break
        content += more
    if len(content) > limit:
        raise too_large(limit)
    return content


def _status(path: Path) -> os.stat_result:
    """The file's own status (a link's, not what it points to)."""
    try:
        return os.lstat(path)
    except OSError as error:
        raise cannot_read(error) from None


@functools.lru_cache(maxsize=256)
def real_directory(directory: Path) -> str:
    """The real path of a folder of the repository, looked up once per run (every file read asks;
    :func:`new_run` forgets them)."""
    return os.path.realpath(directory)


@functools.lru_cache(maxsize=256)
def linked_folder(root: Path, directory: Path) -> bool:
    """Is a folder from ``root`` down to ``directory`` (``root`` itself not counted) a symbolic
    link? Its real path is then not the repository's own followed by the folders' names."""
    relative = os.path.relpath(directory, root)
    return real_directory(directory) != os.path.normpath(os.path.join(real_directory(root), relative))


@functools.lru_cache(maxsize=256)
def in_git_folder(directory: Path) -> bool:
    """Is the folder (really) inside a folder named .git, whatever its case: git's own files?"""
    return ".git" in (part.casefold() for part in Path(real_directory(directory)).parts)


def new_run() -> None:
    """Forget the real paths of folders: a run looks at the repository as it is now."""
    real_directory.cache_clear()
    linked_folder.cache_clear()
    in_git_folder.cache_clear()


class InputsDigest:
    """A digest of the files a run read: each by its name and content, every part length-prefixed,
    so that no two different sets of files can be joined into the same bytes."""

    def __init__(self) -> None:
        self._digest = hashlib.blake2b(digest_size=20)

    def add(self, name: str, content: bytes) -> InputsDigest:
        """A file's name and content — or its :class:`Marker`, tagged apart from every content."""
        tag = b"unread" if isinstance(content, Marker) else b"read"
        for part in (name.encode("utf-8", "surrogateescape"), tag, content):
            self._digest.update(len(part).to_bytes(8, "big"))
            self._digest.update(part)
        return self

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def file_content(root: Path, path: Path) -> bytes:
    """The content of a file for a digest: its bytes, or a marker when it is not read."""
    try:
        return read_bytes(root, path)
    except Unreadable as error:
        return error.marker
