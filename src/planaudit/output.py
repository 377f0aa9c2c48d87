"""Writing files: atomically, so a reader never sees half a report and a crash leaves no debris."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from .exceptions import CannotWrite, OutputExists


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
    old file or the new one, never an empty one. Raises as :func:`write_atomically` does."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from error
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; give it a normal file's mode
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
            os.unlink(temporary)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CannotWrite(path, error.strerror or str(error)) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
