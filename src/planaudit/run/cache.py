"""The cache: judged jurisdictions and whole reports, kept as data under keys made from content.

It lives in the user's own cache directory (``$XDG_CACHE_HOME/planaudit``, else
``~/.cache/planaudit``), one folder per data repository, or in ``$PLANAUDIT_CACHE_DIR`` — never
inside the data repository, whose files come from strangers. Nothing in it can run code: an entry
is plain data — text, numbers and lists in the small binary form of :mod:`spool` — or, for a
report, the report's own bytes, checked against the digest its record holds; every entry is
checked as it is read. A directory that is not the user's, or that others may write to, is not
used; an entry that is not a regular file is a miss, found before it is read.
Every failure — unreadable, corrupt, unwritable, a full disk — is just a miss: the cache never
fails a run, and a hit gives exactly what the run would have computed (tests/test_cache.py).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO

from planaudit._version import __version__

FORMAT = "3"  # bump when what is cached changes shape
CHUNK = 1 << 20


def user_cache_home() -> Path:
    """The user's cache directory: ``$XDG_CACHE_HOME``, else ``~/.cache``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"))


def cache_directory(data_dir: Path) -> Path:
    """Where the cache of a data repository lives: ``$PLANAUDIT_CACHE_DIR``, else a folder of the
    user's cache directory named after the repository's real path."""
    configured = os.environ.get("PLANAUDIT_CACHE_DIR")
    if configured:
        return Path(configured)
    repository = os.fsencode(os.path.realpath(data_dir))
    return user_cache_home() / "planaudit" / hashlib.blake2b(repository, digest_size=12).hexdigest()


def usable_directory(directory: Path) -> bool:
    """Is ``directory`` a directory of this user's that no one else may write to? (Made, private,
    when missing.)"""
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        status = os.stat(directory)
    except OSError:
        return False
    owner_is_user = not hasattr(os, "getuid") or status.st_uid == os.getuid()
    return stat.S_ISDIR(status.st_mode) and owner_is_user and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class Cache:
    """Content-keyed entries under one private directory; every failure is a miss."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def open(cls, data_dir: Path) -> Cache | None:
        """The cache of a data repository, or None when its directory is not safe to use."""
        directory = cache_directory(data_dir)
        return cls(directory) if usable_directory(directory) else None

    @staticmethod
    def key(*parts: str | bytes) -> str:
        """A key for an entry: a digest of the parts, each length-prefixed, and of planaudit's own code."""
        digest = hashlib.blake2b(digest_size=20)
        for part in (FORMAT, __version__, code_fingerprint(), *parts):
            data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        """The plain value kept under ``key`` (see :mod:`spool`), or None."""
        from planaudit.run.spool import CorruptSpool, decode

        with self._opened(key) as stream:
            if stream is None:
                return None
            try:
                return decode(stream.read())
            except (OSError, CorruptSpool):
                return None

    def put(self, key: str, value: Any) -> None:
        """Keep a plain value — text, whole numbers, None and lists of them — under ``key``; a failed
        write keeps nothing."""
        from planaudit.run.spool import encode

        payload = encode(value)
        with self.writing(key) as entry:
            if entry is not None:
                entry.write(payload)

    @contextlib.contextmanager
    def writing(self, key: str) -> Iterator[Blob | None]:
        """A stream whose bytes become the entry ``key`` when the block ends without an error; None
        when the cache cannot be written. Failing to keep the entry, even halfway, never fails what
        is being written: the entry is simply not there."""
        path = self._path(key)
        try:
            handle, temporary = new_file_beside(path)
        except OSError:
            yield None
            return
        stream = os.fdopen(handle, "wb")
        blob = Blob(stream)
        try:
            yield blob  # what the block raises goes on up: only the cache's own failures are quiet
            try:
                stream.close()
            except OSError:
                blob.failed = True
            if not blob.failed:
                with contextlib.suppress(OSError):
                    os.replace(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                stream.close()
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def reading(self, key: str, digest: str, size: int) -> BinaryIO | None:
        """A private copy of the entry ``key`` (see :meth:`writing`), or None unless it has ``size``
        bytes whose digest is ``digest``. The copy is what is read: the entry may change later."""
        copy = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the caller, who closes it
        check = hashlib.blake2b(digest_size=20)
        with self._opened(key) as source:
            copied = source is not None and _copy_into(source, copy, check)
        if not copied or copy.tell() != size or check.hexdigest() != digest:
            copy.close()
            return None
        copy.seek(0)
        return copy  # type: ignore[return-value]

    @contextlib.contextmanager
    def _opened(self, key: str) -> Iterator[IO[bytes] | None]:
        """The entry ``key`` opened for reading, or None: never through a link, never a FIFO or a
        device (it is checked before a byte is read)."""
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
        try:
            descriptor = os.open(self._path(key), flags)
        except OSError:
            yield None
            return
        with os.fdopen(descriptor, "rb") as stream:
            yield stream if stat.S_ISREG(os.fstat(descriptor).st_mode) else None

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key


def _copy_into(source: IO[bytes], copy: IO[bytes], check: Any) -> bool:
    """Copy ``source`` into ``copy``, digesting it as it goes; False when reading fails."""
    try:
        for chunk in iter(functools.partial(source.read, CHUNK), b""):
            check.update(chunk)
            copy.write(chunk)
    except OSError:
        return False
    return True


class Blob:
    """Writes what passes to a stream, keeping its digest and size; a write that fails stops the
    writing, quietly: ``failed`` says so."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.failed = False
        self.size = 0
        self._digest = hashlib.blake2b(digest_size=20)

    def write(self, data: bytes) -> int:
        self._digest.update(data)
        self.size += len(data)
        if not self.failed:
            try:
                self.stream.write(data)
            except OSError:
                self.failed = True
        return len(data)

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def new_file_beside(path: Path) -> tuple[int, str]:
    """A new private file in ``path``'s directory (made when missing), to be renamed to it. Its
    name is short, whatever ``path``'s is, so that it always fits the file system's limit."""
    try:
        return tempfile.mkstemp(dir=path.parent, prefix=".pa-", suffix=".tmp")
    except FileNotFoundError:
        os.makedirs(path.parent, mode=0o700, exist_ok=True)
        return tempfile.mkstemp(dir=path.parent, prefix=".pa-", suffix=".tmp")


@functools.cache
def code_fingerprint() -> str:
    """A digest of planaudit's own code and schemas: an entry written by other code never matches,
    even under the same version number."""
    package = Path(__file__).parent.parent  # planaudit/, from planaudit/run/
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.json")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def inputs_digest(data_dir: Path, year: int, only: Sequence[str] = ()) -> str:
    """The digest of the files an audit of ``year`` (of the jurisdictions ``only``, when given) would
    read now (see :mod:`planaudit.read.layout`), computed as the audit computes it from what it
    actually reads: equal only when every byte is the same."""
    from planaudit.read import layout

    layout.new_run()
    head = [(display, layout.file_content(data_dir, path)) for display, path in layout.head_files(data_dir)]
    files, misplaced = layout.audit_files(data_dir, year)
    units = [(slug, unit_digest((file.display, layout.file_content(data_dir, file.file)) for file in group))
             for slug, group in layout.by_jurisdiction(files) if not only or slug in only]
    return run_digest(head, units, [item.display for item in misplaced])


def unit_digest(files: Any) -> str:
    """The digest of one jurisdiction's files: (display, content) pairs in order."""
    from planaudit.read.layout import InputsDigest

    digest = InputsDigest()
    for display, content in files:
        digest.add(display, content)
    return digest.hexdigest()


def run_digest(head: list[tuple[str, bytes]], units: list[tuple[str, str]], misplaced: list[str]) -> str:
    """The digest of a whole run: its head files' contents, each jurisdiction's digest, and the
    names of the files it could not place."""
    from planaudit.read.layout import InputsDigest

    digest = InputsDigest()
    for display, content in head:
        digest.add(display, content)
    digest.add("\0units", str(len(units)).encode())
    for slug, digested in units:
        digest.add(slug, digested.encode())
    for display in misplaced:
        digest.add("\0misplaced", display.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()
