"""`planaudit validate`: every file of every year read and checked, a jurisdiction at a time — on worker
processes for a large repository (check/validate.py holds the checks; this, who runs them where).

A national repository can have hundreds of thousands of warnings, listed sorted by file. A
jurisdiction's are kept until then file by file, each file's problems pickled together by the
process that found them (about 120 bytes a problem, where the objects take about 860; the few of
the settings and the catalogue stay objects), and each file's are unpickled, sorted and capped only
when it is listed.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

from planaudit.check.introduced import introduced
from planaudit.check.validate import catalogue_problems, jurisdiction_problems, no_metrics
from planaudit.errors import InvalidData
from planaudit.model.data import Catalogue, Settings
from planaudit.model.problems import Code, Level, Problem, capped, leveled
from planaudit.read import layout
from planaudit.read.entries import Entries
from planaudit.read.layout import SETTINGS_FILE, DataFile
from planaudit.read.load import Progress, scan_everything
from planaudit.read.revision import BadRevision, GitRepository
from planaudit.run.pool import ordered_map
from planaudit.run.wire import Wire

Packed = list[tuple[str, bytes]]  # each file's problems, pickled together, by the file's path


class Found:
    """Every problem of a repository, by file: iterated, each file's in turn — files in the order
    of their paths — sorted, with at most MAX_PER_CODE of one code in one file (what
    :func:`~planaudit.model.problems.capped` makes of them all, one file at a time), as
    planaudit.yaml's ``problems:`` levels them."""

    def __init__(self, levels: Mapping[Code, Level] | None = None) -> None:
        self._files: dict[str, list[bytes | list[Problem]]] = {}
        self.levels = levels or {}  # planaudit.yaml's problems:, applied as they are listed

    def add(self, problems: list[Problem]) -> None:
        for path, group in by_path(problems).items():
            self._files.setdefault(path, []).append(group)

    def add_packed(self, packed: Packed) -> None:
        for path, pickled in packed:
            self._files.setdefault(path, []).append(pickled)

    def __iter__(self) -> Iterator[Problem]:
        for path in sorted(self._files):
            yield from leveled(capped([problem for group in self._files[path] for problem in self._problems(group)]),
                               self.levels)

    def _problems(self, group: bytes | list[Problem]) -> list[Problem]:
        return process_wire().loads(group) if isinstance(group, bytes) else group  # type: ignore[no-any-return]


def by_path(problems: list[Problem]) -> dict[str, list[Problem]]:
    grouped: dict[str, list[Problem]] = {}
    for problem in problems:
        grouped.setdefault(problem.path, []).append(problem)
    return grouped


def packed_problems(root: Path, files: list[DataFile], *, catalogue: Catalogue, settings: Settings) -> Packed:
    """One jurisdiction's problems (:func:`jurisdiction_problems`), each file's pickled together."""
    found = jurisdiction_problems(root, files, catalogue=catalogue, settings=settings)
    return [(path, process_wire().dumps(group)) for path, group in by_path(found).items()]


@functools.cache
def process_wire() -> Wire:
    """The wire this process pickles its problems with (made once: it looks its classes up)."""
    return Wire()


def validate_everything(data_dir: Path, progress: Progress | None = None, workers: int | None = None,
                        jurisdictions: Collection[str] | None = None) -> Found:
    """Every problem of every file, all years — of the settings, the rules and only the files of
    ``jurisdictions``, when they are named. A jurisdiction's files are read and checked against
    the catalogue together — on a worker process for large repositories — so that its figures are
    matched with its targets there, and only its problems travel back, never a parsed file."""
    scanned = scan_everything(data_dir, progress)
    found = Found(scanned.settings.problems)
    found.add(scanned.loader.problems + catalogue_problems(scanned.catalogue) + no_metrics(scanned.catalogue, len(scanned.jobs)))
    units = [files for slug, files in layout.by_jurisdiction(scanned.jobs) if jurisdictions is None or slug in jurisdictions]
    task = functools.partial(packed_problems, data_dir, catalogue=scanned.catalogue, settings=scanned.settings)
    for files, packed in zip(units, ordered_map(task, units, workers), strict=True):
        found.add_packed(packed)
        for _ in files:
            scanned.loader.tick()
    return found


def introduced_since(data_dir: Path, base_name: str, progress: Progress | None = None) -> list[Problem]:
    """The problems of the working tree that the git revision ``base_name`` does not have
    (:mod:`planaudit.check.introduced`), both leveled by the working tree's planaudit.yaml. Raises a
    GitError when git cannot tell, InvalidData when the revision's tree cannot be written out."""
    repository = GitRepository.locate(data_dir)
    base = repository.resolve(base_name)
    head = validate_everything(data_dir, progress)
    with tempfile.TemporaryDirectory(prefix="planaudit-validate-") as folder:
        try:
            repository.export(base, [SETTINGS_FILE, "rules", "targets", "outcomes"], Path(folder))
        except BadRevision as bad:  # nothing to hold the working tree against
            raise InvalidData(bad.problems) from None
        before = validate_everything(Path(folder))
        before.levels = head.levels
        return introduced(list(head), list(before), Entries(data_dir).entry, Entries(Path(folder)).entry)
