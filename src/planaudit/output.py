"""Writing files: atomically, so a reader never sees half a report and a crash leaves no debris."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .exceptions import CannotWrite, OutputExists


def write_atomically(path: Path, text: str, replace: bool = True) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory and a rename.

    Raises :class:`CannotWrite` (a PlanauditError) when the file cannot be written, and, unless
    ``replace``, :class:`OutputExists` when ``path`` exists (checked atomically, by a hard link).
    """
    write_atomically_bytes(path, text.encode("utf-8"), replace)


def write_atomically_bytes(path: Path, data: bytes, replace: bool = True) -> None:
    try:
        _write(path, data, replace)
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from error


def _write(path: Path, data: bytes, replace: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; give it a normal file's mode
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
            os.unlink(temporary)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
