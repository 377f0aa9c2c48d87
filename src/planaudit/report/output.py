"""Writing files: atomically, so a reader never sees half a report and a crash leaves no debris."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from planaudit.errors import CannotWrite, OutputExists
from planaudit.messages import msg


def write_atomically(path: Path, text: str, replace: bool = True) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory and a rename.

    Raises :class:`CannotWrite` (a PlanauditError) when the file cannot be written, and, unless
    ``replace``, :class:`OutputExists` when ``path`` exists (checked atomically, by a hard link).
    """
    with atomic_file(path, replace) as stream:
        stream.write(text.encode("utf-8"))


@contextlib.contextmanager
def atomic_file(path: Path, replace: bool = True) -> Iterator[BinaryIO]:
    """A binary stream whose bytes become ``path`` when the block ends without an error, and are
    gone when it raises. They are synced to disk before the rename, so that a crash leaves the
    old file or the new one, never an empty one. Raises as :func:`write_atomically` does.

    ``path`` is what the shell's ``>`` would write to: a link is followed, and the file it names is
    replaced (keeping its mode); something that is not a regular file — ``/dev/stdout``,
    ``/dev/null``, a FIFO — is written into, never replaced; a directory is refused."""
    existing = _status(path)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise CannotWrite(path, msg("it is a directory"))
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        if not replace:
            raise OutputExists(path)
        with _opened_for_writing(path) as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".pa-", suffix=".tmp")
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from error
    try:
        mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
        os.fchmod(handle, mode)  # mkstemp makes it private: the file keeps its mode, or gets a new file's
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            os.replace(temporary, target)
        else:
            _link_new(temporary, path)
            os.unlink(temporary)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CannotWrite(path, error.strerror or str(error)) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _status(path: Path) -> os.stat_result | None:
    """What ``path`` names, links followed; None when nothing is there yet (its directory is made)."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        try:
            Path(os.path.realpath(path)).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CannotWrite(path, error.strerror or str(error)) from error
        return None
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from error


@contextlib.contextmanager
def _opened_for_writing(path: Path) -> Iterator[BinaryIO]:
    """A device or a FIFO, written into as the shell's ``>`` would."""
    try:
        stream = open(path, "wb")  # noqa: SIM115 - closed below, its errors reported as CannotWrite
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from error
    try:
        with stream:
            yield stream
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from error


@contextlib.contextmanager
def text_stream(stream: BinaryIO) -> Iterator[TextIO]:
    """UTF-8 text onto a binary stream, newlines as written; the binary stream stays open."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=False)
    try:
        yield text
        text.flush()
    finally:
        text.detach()


def _link_new(temporary: str, path: Path) -> None:
    """Put the file in place unless ``path`` exists: a hard link fails, leaving it alone, when it does."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise OutputExists(path) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
