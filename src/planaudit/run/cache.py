"""The cache: the run memo's records and reports (run/memo.py), kept as data under keys made from content.

It lives in the user's own cache directory (``$XDG_CACHE_HOME/planaudit``, else
``~/.cache/planaudit``), one folder per data repository, or in ``$PLANAUDIT_CACHE_DIR`` — never
inside the data repository, whose files come from strangers: a cache directory inside the
repository, or the repository itself, or one that holds it (their real paths compared) is not used.
Nothing in it can run code: an entry is plain data — a record as JSON of text, numbers and lists,
never unpickled, or a report's own bytes, checked against the digest its record holds; every
entry is checked as it is read. Nor is an entry trusted because it is there:
each plain entry begins with a MAC of its key and its data, under the user's own secret key (a
private file of the user's cache directory, made once, never in a repository), so that an entry
planaudit did not write for this user — copied, committed, forged — is a miss. A directory that is
not the user's, or that others may write to, is not used; an entry that is not a regular file, or
nested deeper than any planaudit writes, is a miss, found before it is used.
Every failure — unreadable, corrupt, unwritable, a full disk — is just a miss: the cache never
fails a run, and a hit gives exactly what the run would have computed (tests/run/test_cache.py).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import secrets
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO

from planaudit._version import __version__

FORMAT = "8"  # bump when what is cached changes shape
CHUNK = 1 << 20
KEY_FILE = "key"  # the user's secret key for the MACs of entries, in user_cache_home()/planaudit
KEY_SIZE = 32
MAC_SIZE = 32


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


def inside_one_another(directory: Path, repository: Path) -> bool:
    """Is ``directory`` the repository, inside it, or does it hold it? (Their real paths compared.)"""
    mine, theirs = os.path.realpath(directory), os.path.realpath(repository)
    return mine == theirs or mine.startswith(theirs.rstrip(os.sep) + os.sep) or theirs.startswith(
        mine.rstrip(os.sep) + os.sep)


def user_key(data_dir: Path) -> bytes | None:
    """The user's secret key for cache entries: KEY_SIZE random bytes in a file of the user's cache
    directory, made when missing. None — no cache — when that directory is not the user's private
    one, is in the data repository (or holds it), or the file is not the user's private regular file
    of that size: a key anyone else could read or write keys nothing."""
    home = user_cache_home() / "planaudit"
    if inside_one_another(home, data_dir) or not usable_directory(home):
        return None
    path = home / KEY_FILE
    key = _read_key(path)
    if key is None and not os.path.lexists(path):
        _make_key(path)
        key = _read_key(path)
    return key


def _read_key(path: Path) -> bytes | None:
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        private = stat.S_ISREG(status.st_mode) and not status.st_mode & 0o077 and status.st_size == KEY_SIZE
        if not private or (hasattr(os, "getuid") and status.st_uid != os.getuid()):
            return None
        key = os.read(descriptor, KEY_SIZE + 1)
        return key if len(key) == KEY_SIZE else None
    except OSError:
        return None
    finally:
        os.close(descriptor)


def _make_key(path: Path) -> None:
    """A new key, put in place whole (a hard link, which fails when another run made one first)."""
    with contextlib.suppress(OSError):
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".pa-", suffix=".tmp")  # private: 0600
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(secrets.token_bytes(KEY_SIZE))
            os.link(temporary, path)
        finally:
            os.unlink(temporary)


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

    def __init__(self, directory: Path, key: bytes) -> None:
        self.directory = directory
        self._key = key  # the user's secret key (see user_key)

    @classmethod
    def open(cls, data_dir: Path) -> Cache | None:
        """The cache of a data repository, or None when its directory is not safe to use: not the
        user's private one, or the repository itself, inside it or holding it (looked at before it
        is made), or when the user has no key."""
        directory = cache_directory(data_dir)
        if inside_one_another(directory, data_dir):
            return None
        key = user_key(data_dir)
        return cls(directory, key) if key is not None and usable_directory(directory) else None

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
        """The plain value kept under ``key`` by :meth:`put` (text, numbers, lists of them), or None:
        never a value planaudit did not write for this user."""
        payload = self._payload(key)
        try:
            return None if payload is None else json.loads(payload)
        except (ValueError, RecursionError):
            return None

    def put(self, key: str, value: Any) -> None:
        """Keep a plain value — text, numbers, None and lists of them — under ``key``, as JSON after
        its MAC; a failed write keeps nothing."""
        payload = json.dumps(value).encode("ascii")
        with self.writing(key) as entry:
            if entry is not None:
                entry.write(self._mac(key, payload) + payload)

    def _payload(self, key: str) -> bytes | None:
        """The JSON kept under ``key`` once its MAC is checked, or None."""
        with self._opened(key) as stream:
            if stream is None:
                return None
            try:
                data = stream.read()
            except OSError:
                return None
        mac, payload = data[:MAC_SIZE], data[MAC_SIZE:]
        if not hmac.compare_digest(mac, self._mac(key, payload)):
            return None  # not written by planaudit for this user, under this key
        return payload

    def _mac(self, key: str, payload: bytes) -> bytes:
        """The MAC of a plain entry: its key and its data, under the user's secret key."""
        mac = hashlib.blake2b(key=self._key, digest_size=MAC_SIZE, person=b"planaudit entry")
        name = key.encode("utf-8", "surrogateescape")
        mac.update(len(name).to_bytes(8, "big") + name)
        mac.update(payload)
        return mac.digest()

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
            descriptor = os.open(self._path(key), flags)  # a directory opens too: it is looked at next
        except OSError:
            yield None
            return
        try:
            regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
        except OSError:
            regular = False
        if not regular:
            os.close(descriptor)
            yield None
            return
        with os.fdopen(descriptor, "rb") as stream:
            yield stream

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


def inputs_digest(data_dir: Path, year: int | Sequence[int], only: Sequence[str] = ()) -> str:
    """The digest of the files an audit of ``year`` — or of each of several years, as one run — (of
    the jurisdictions ``only``, when given) would read now (see :mod:`planaudit.read.layout`),
    computed as the audit computes it from what it actually reads: equal only when every byte is the same."""
    if not isinstance(year, int):
        return years_digest([inputs_digest(data_dir, each, only) for each in year])
    from planaudit.read import layout

    layout.new_run()
    head = [(display, layout.file_content(data_dir, path)) for display, path in layout.head_files(data_dir)]
    files, misplaced = layout.audit_files(data_dir, year)
    units = [(slug, unit_digest((file.display, layout.file_content(data_dir, file.file)) for file in group))
             for slug, group in layout.by_jurisdiction(files) if not only or slug in only]
    return run_digest(head, units, [item.display for item in misplaced])


def years_digest(digests: Sequence[str]) -> str:
    """The digest of a run of several years, from each year's :func:`run_digest` in order; of one
    year, that year's own."""
    if len(digests) == 1:
        return digests[0]
    from planaudit.read.layout import InputsDigest

    digest = InputsDigest()
    for digested in digests:
        digest.add("\0year", digested.encode())
    return digest.hexdigest()


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
