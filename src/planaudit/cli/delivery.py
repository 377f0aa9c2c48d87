"""Delivering reports: to files atomically, to standard output last, kept inert on a CI log, and
copied into the run memo as they go; and replaying what the memo recorded."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO, TypeVar, cast

from planaudit.report.output import atomic_file, text_stream

if TYPE_CHECKING:
    from planaudit.cli.memo import RunMemo

T = TypeVar("T")


def files_first(destinations: list[T]) -> list[tuple[int, T]]:
    """The files are written before standard output is: a report on the screen means they are there."""
    return sorted(enumerate(destinations), key=lambda indexed: indexed[1] is None)


def deliver(path: Path | None, write: Callable[[TextIO], None], copy: Any = None, human: bool = True) -> None:
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


def replay(memo: RunMemo, human: bool, say: Callable[[str], None]) -> int | None:
    """Deliver what a run over these very files recorded, ``say`` what it said on standard error,
    and give the exit status it had; None, delivering nothing, when nothing (whole) was recorded."""
    recorded = memo.recorded()
    if recorded is None:
        return None
    paths, status, blobs, said = recorded
    copies = [memo.cache.reading(key, digest, size) for key, digest, size in blobs]
    if any(copy is None for copy in copies):
        for copy in copies:
            if copy is not None:
                copy.close()
        return None
    for index, path in files_first(paths):
        with copies[index] as copy:  # type: ignore[union-attr]
            copy_out(copy, None if path is None else Path(path), human)
    if said:
        say(said)
    return status


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
