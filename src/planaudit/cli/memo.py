"""The run memo: what a `check` printed and wrote, kept so that an unchanged repository is answered
without loading the library at all.

A recording is keyed on the digest of the bytes that run actually read (:attr:`Rendered.inputs`)
and on every option that shapes the output; a replay looks it up under the digest of the files
as they are now. So a file edited while a run reads it, and restored after, never brings back
that run's answer: the two digests differ. The record is plain data, kept as every cache entry is
(:class:`~planaudit.run.cache.Cache`: never in the data repository, and with a MAC under the user's
own key, so that a record planaudit did not write for this user is never replayed); each report is a
blob of its own, copied out only when its size and digest are those the record holds.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from planaudit.run.cache import Blob, Cache, inputs_digest

ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "SOURCE_DATE_EPOCH", "GITHUB_ACTIONS")


class RunMemo:
    """The recordings of `check` runs of one data repository and year with the same options."""

    def __init__(self, cache: Cache, root: Path, year: int, jurisdictions: Sequence[str], options: Sequence[object]) -> None:
        self.cache = cache
        self.root = root
        self.year = year
        self.jurisdictions = jurisdictions
        environment = [os.environ.get(name, "") for name in ENVIRONMENT]
        self.context = repr((year, list(options), environment, dt.date.today().isoformat()))

    @classmethod
    def open(cls, root: Path, year: int, jurisdictions: Sequence[str], options: Sequence[object]) -> RunMemo | None:
        cache = Cache.open(root)
        return None if cache is None else cls(cache, root, year, jurisdictions, [jurisdictions, *options])

    def key(self, inputs: str) -> str:
        return self.cache.key("check", inputs, self.context)

    def recorded(self) -> tuple[list[str | None], int, list[Any], str] | None:
        """What a run over the files as they are now recorded: its destinations, exit status, blobs
        (key, digest, size) and what it said on standard error; None when there is no such
        recording, or it is not whole."""
        key = self.key(inputs_digest(self.root, self.year, self.jurisdictions))
        record = self.cache.get(key)
        if type(record) is not list:
            return None
        try:
            paths, status, blobs, said = record
            if (type(paths) is not list or type(blobs) is not list or type(status) is not int or len(paths) != len(blobs)
                    or type(said) is not str or not all(path is None or type(path) is str for path in paths)
                    or not all(type(digest) is str and type(size) is int for digest, size in blobs)):
                return None
        except (TypeError, KeyError, ValueError):
            return None
        return paths, status, [(f"{key}-{index}", digest, size) for index, (digest, size) in enumerate(blobs)], said

    def keeping(self, inputs: str, index: int) -> Any:
        """Where to keep a copy of output ``index`` as it is written: a context giving a Blob or None."""
        return self.cache.writing(f"{self.key(inputs)}-{index}")

    def record(self, inputs: str, paths: Sequence[Path | None], status: int, blobs: Sequence[Blob | None],
               said: str = "") -> None:
        """Say where each output went, how the run ended and what it said on standard error (why
        it failed), if every copy was kept whole."""
        if any(blob is None or blob.failed for blob in blobs):
            return
        self.cache.put(self.key(inputs), [
            [None if path is None else str(path) for path in paths], status,
            [[blob.hexdigest(), blob.size] for blob in blobs if blob is not None], said,
        ])
