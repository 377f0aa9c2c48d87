"""Delivering reports: to files atomically, to standard output last (kept inert on a CI log), to
GitHub's step summary, and copied as they go (into the run memo)."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from planaudit.errors import CannotWrite
from planaudit.report.output import atomic_file, text_stream

Write = Callable[[TextIO], None]  # writes one report whole


@dataclass(frozen=True)
class Report:
    """One report a command writes: its format, where (a file, or None: standard output), and how
    it looks there."""

    format: str
    path: Path | None = None
    color: bool = False
    width: int | None = None


def files_first(paths: Sequence[Path | None]) -> list[int]:
    """The order reports are written in: the files before standard output, so that a report on the
    screen means they are there."""
    return sorted(range(len(paths)), key=lambda index: paths[index] is None)


def deliver(path: Path | None, write: Write, human: bool, copy: Any = None) -> None:
    """Text to a file, atomically, or to standard output (where a human-readable report is kept from
    commanding a CI runner); and to ``copy`` too, when there is one."""
    if path is None and copy is None:
        with inert_stdout(human):
            write(sys.stdout)
        return
    with contextlib.ExitStack() as stack:
        if path is None:
            stack.enter_context(inert_stdout(human))
            sys.stdout.flush()
            stream: BinaryIO = sys.stdout.buffer
            stack.callback(stream.flush)
        else:
            stream = stack.enter_context(atomic_file(path))
        both = cast(BinaryIO, Tee(stream, copy)) if copy is not None else stream
        write(stack.enter_context(text_stream(both)))


def append_to(path: Path, write: Write) -> None:
    """Append a report to a file that others write to as well (GitHub's step summary)."""
    try:
        with path.open("a", encoding="utf-8", newline="") as out:
            write(out)
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from None


def copy_out(source: BinaryIO, path: Path | None, human: bool) -> None:
    """A recorded report, to its file or to standard output."""
    if path is None:
        with inert_stdout(human):
            sys.stdout.flush()
            shutil.copyfileobj(source, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        return
    with atomic_file(path) as stream:
        shutil.copyfileobj(source, stream)


class Tee(io.RawIOBase):
    """Writes to two binary streams."""

    def __init__(self, first: BinaryIO, second: Any) -> None:
        self.first, self.second = first, second

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.first.write(data)
        return self.second.write(bytes(data))  # type: ignore[no-any-return]


def inert_stdout(human: bool) -> contextlib.AbstractContextManager[None]:
    """Standard output kept from commanding a CI runner, for a human-readable report."""
    from planaudit.report.workflow import inert

    return inert(sys.stdout) if human else contextlib.nullcontext()
