"""The parse cache: what reading a file produced, kept under a key made from its content.

A changed file has a new key, so it is always read afresh. Entries are written atomically, so two
runs can share the cache; an entry that is corrupt, or was not written by this user's planaudit,
is ignored. The cache normally lives inside the data repository (``.planaudit-cache/``), which
strangers can write to — so every entry is signed with HMAC-SHA256 under a key kept in the user's
own cache directory, and nothing is unpickled before its signature checks out.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import io
import os
import pickle
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ._version import __version__

CACHE_DIR_NAME = ".planaudit-cache"
_FORMAT = "1"  # bump when what is cached changes shape
_SIGNATURE = 32
_CHUNK = 1 << 20


def cache_directory(data_dir: Path) -> Path:
    configured = os.environ.get("PLANAUDIT_CACHE_DIR")
    return Path(configured) if configured else data_dir / CACHE_DIR_NAME


class ParseCache:
    """Signed, content-keyed entries under one directory; every failure is just a miss."""

    def __init__(self, directory: Path, secret: bytes) -> None:
        self.directory = directory
        self.secret = secret

    @classmethod
    def open(cls, data_dir: Path) -> ParseCache | None:
        """The cache for a data repository, or None when no signing key can be had."""
        secret = _signing_key()
        return None if secret is None else cls(cache_directory(data_dir), secret)

    @staticmethod
    def key(content: bytes, *context: str) -> str:
        digest = hashlib.blake2b(content, digest_size=20)
        digest.update("\0".join((_FORMAT, __version__, _code_fingerprint(), *context)).encode())
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        try:
            blob = self._path(key).read_bytes()
        except OSError:
            return None
        signature, payload = blob[:_SIGNATURE], blob[_SIGNATURE:]
        if not hmac.compare_digest(signature, self._sign(key, payload)):
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a corrupt entry is a miss, whatever unpickling says
            return None

    def put(self, key: str, value: Any) -> None:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with self.writing(key) as entry:  # a read-only repository simply goes uncached
            if entry is not None:
                entry.write(payload)

    @contextlib.contextmanager
    def writing(self, key: str) -> Iterator[BinaryIO | None]:
        """A stream whose bytes become the entry ``key``, a blob of any size, when the block ends
        without an error; None when the cache cannot be written. Failing to keep the entry, even
        halfway, never fails what is being written: the entry is simply not there."""
        path = self._path(key)
        try:
            handle, temporary = _new_file(path)
        except OSError:
            yield None
            return
        try:
            stream = os.fdopen(handle, "wb")
            signing = _Signing(stream, self._signer(key))
            try:
                yield signing  # type: ignore[misc]
                signing.seal()
            finally:
                try:
                    stream.close()
                except OSError:
                    signing.failed = True
            if not signing.failed:
                with contextlib.suppress(OSError):
                    os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)

    def reading(self, key: str) -> BinaryIO | None:
        """The blob ``key`` (see :meth:`writing`) as a private copy, or None unless its signature
        checks out. The copy is what is read: the entry may change once it has been checked."""
        copy = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the caller, who closes it
        signer = self._signer(key)
        try:
            with self._path(key).open("rb") as source:
                signature = source.read(_SIGNATURE)
                for chunk in iter(functools.partial(source.read, _CHUNK), b""):
                    signer.update(chunk)
                    copy.write(chunk)
        except OSError:
            copy.close()
            return None
        if not hmac.compare_digest(signature, signer.digest()):
            copy.close()
            return None
        copy.seek(0)
        return copy  # type: ignore[return-value]

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key

    def _sign(self, key: str, payload: bytes) -> bytes:
        signer = self._signer(key)
        signer.update(payload)
        return signer.digest()

    def _signer(self, key: str) -> hmac.HMAC:
        return hmac.new(self.secret, key.encode() + b"\0", hashlib.sha256)


def _new_file(path: Path) -> tuple[int, str]:
    """A new private file beside ``path``, to be renamed to it. (Its directory is made only when
    missing: on some file systems a mkdir that finds it there costs as much as writing the entry.)"""
    try:
        return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")


class _Signing(io.RawIOBase):
    """Writes a signature's place, then what passes, signing it; the signature goes in its place at
    :meth:`seal`. A write that fails stops the writing, quietly: ``failed`` says so."""

    def __init__(self, stream: BinaryIO, signer: hmac.HMAC) -> None:
        self.stream = stream
        self.signer = signer
        self.failed = False
        self._attempt(bytes(_SIGNATURE))

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.signer.update(data)
        self._attempt(data)
        return len(data)

    def seal(self) -> None:
        self.stream.seek(0)
        self._attempt(self.signer.digest())

    def _attempt(self, data: bytes) -> None:
        if self.failed:
            return
        try:
            self.stream.write(data)
        except OSError:
            self.failed = True


@functools.cache
def _code_fingerprint() -> str:
    """A digest of planaudit's own code and schemas: an entry written by other code never matches,
    even under the same version number (what is pickled is the code's own classes)."""
    package = Path(__file__).parent
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.json")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _signing_key() -> bytes | None:
    """This user's secret for signing cache entries, made on first use."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(home) / "planaudit" / "cache-signing-key"
    try:
        secret = path.read_bytes()
        if len(secret) == 32:
            return secret
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(secrets.token_bytes(32))
    except FileExistsError:
        pass  # another run made it first
    except OSError:
        return None
    try:
        secret = path.read_bytes()
    except OSError:
        return None
    return secret if len(secret) == 32 else None  # still being written by another run: go uncached


def inputs_digest(data_dir: Path, year: int) -> str:
    """A digest of every file an audit of ``year`` reads: its name and its content.

    Any change to any of them, or a file added or removed, gives another digest.
    """
    digest = hashlib.blake2b(digest_size=20)
    files = [data_dir / "planaudit.yaml", *sorted((data_dir / "rules").glob("*.yaml"))]
    for kind, which in (("targets", year), ("outcomes", year - 1), ("outcomes", year)):
        files += sorted((data_dir / kind / str(which)).glob("*.yaml"))
    for file in files:
        try:
            content = file.read_bytes()
        except OSError:
            content = b"\0missing"
        digest.update(file.relative_to(data_dir).as_posix().encode() + b"\0" + content + b"\0")
    return digest.hexdigest()
