"""The run memo: what a `check` wrote, printed and said, kept so that an unchanged repository is
answered without loading the library at all.

A recording is keyed on the digest of the bytes that run actually read (:attr:`Rendered.inputs`)
and on every option that shapes the output; a replay looks it up under the digest of the files
as they are now. So a file edited while a run reads it, and restored after, never brings back
that run's answer: the two digests differ. The record is plain data, kept as every cache entry is
(:class:`~planaudit.run.cache.Cache`: never in the data repository, and with a MAC under the user's
own key, so that a record planaudit did not write for this user is never replayed); each report is a
blob of its own, copied out only when its size and digest are those the record holds.

A run whose problems are warnings is recorded with what it said of them, in the language it said
it in; a run with an error (exit status 2) is not, so that errors are said afresh each time.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planaudit.run.cache import Blob, Cache, inputs_digest
from planaudit.session.delivery import copy_out, files_first

ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "SOURCE_DATE_EPOCH", "GITHUB_ACTIONS")


@dataclass(frozen=True)
class Recording:
    """What a run did: where each report went (None: standard output), its exit status, each
    report's blob (key, digest, size), the language it spoke on standard error and what it said."""

    paths: list[str | None]
    status: int
    blobs: list[tuple[str, str, int]]
    lang: str
    said: list[str]


class RunMemo:
    """The recordings of `check` runs of one data repository and years with the same options."""

    def __init__(self, cache: Cache, root: Path, years: Sequence[int], jurisdictions: Sequence[str],
                 options: Sequence[object]) -> None:
        self.cache = cache
        self.root = root
        self.years = list(years)
        self.jurisdictions = jurisdictions
        environment = [os.environ.get(name, "") for name in ENVIRONMENT]
        self.context = repr((self.years, list(options), environment, dt.date.today().isoformat()))

    @classmethod
    def open(cls, root: Path, years: Sequence[int], jurisdictions: Sequence[str], options: Sequence[object]
             ) -> RunMemo | None:
        cache = Cache.open(root)
        return None if cache is None else cls(cache, root, years, jurisdictions, [jurisdictions, *options])

    def key(self, inputs: str) -> str:
        return self.cache.key("check", inputs, self.context)

    def recorded(self) -> Recording | None:
        """What a run over the files as they are now recorded; None when there is no such
        recording, or it is not whole."""
        key = self.key(inputs_digest(self.root, self.years, self.jurisdictions))
        record = self.cache.get(key)
        if type(record) is not list or len(record) != 5:
            return None
        paths, status, blobs, lang, said = record
        if (type(paths) is not list or type(blobs) is not list or type(status) is not int or len(paths) != len(blobs)
                or type(lang) is not str or type(said) is not list or not all(type(text) is str for text in said)
                or not all(path is None or type(path) is str for path in paths)
                or not all(type(blob) is list and len(blob) == 2 and type(blob[0]) is str and type(blob[1]) is int
                           for blob in blobs)):
            return None
        keyed = [(f"{key}-{index}", digest, size) for index, (digest, size) in enumerate(blobs)]
        return Recording(paths, status, keyed, lang, said)

    def keeping(self, inputs: str, index: int) -> Any:
        """Where to keep a copy of output ``index`` as it is written: a context giving a Blob or None."""
        return self.cache.writing(f"{self.key(inputs)}-{index}")

    def record(self, inputs: str, paths: Sequence[Path | None], status: int, blobs: Sequence[Blob | None],
               lang: str, said: Sequence[str]) -> None:
        """Say where each output went, how the run ended and what it said on standard error (its
        warnings, why it failed) in which language, if every copy was kept whole."""
        if any(blob is None or blob.failed for blob in blobs):
            return
        self.cache.put(self.key(inputs), [
            [None if path is None else str(path) for path in paths], status,
            [[blob.hexdigest(), blob.size] for blob in blobs if blob is not None], lang, list(said),
        ])

    def replay(self, recorded: Recording, human: bool) -> bool:
        """Deliver the reports of a recording, files first (what it said is then to be said again);
        False, delivering nothing, when one of them is not whole."""
        copies = [self.cache.reading(key, digest, size) for key, digest, size in recorded.blobs]
        if any(copy is None for copy in copies):
            for copy in copies:
                if copy is not None:
                    copy.close()
            return False
        paths = [None if path is None else Path(path) for path in recorded.paths]
        for index in files_first(paths):
            with copies[index] as copy:  # type: ignore[union-attr]
                copy_out(copy, paths[index], human)
        return True
