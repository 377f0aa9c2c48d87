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
from planaudit.check.validate import (
    Key,
    catalogue_problems,
    item_checks,
    jurisdiction_problems,
    no_metrics,
    problems_of_reads,
)
from planaudit.errors import InvalidData
from planaudit.model.data import Catalogue, Settings
from planaudit.model.problems import Code, Level, Problem, capped, leveled
from planaudit.read import layout
from planaudit.read.entries import Entries, text_inside
from planaudit.read.layout import SETTINGS_FILE, DataFile
from planaudit.read.load import FileRead, Progress, read_file, scan_everything
from planaudit.read.revision import BadRevision, GitRepository
from planaudit.run.periods import PeriodPlans
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
        for path in self.paths():
            yield from self.at(path)

    def paths(self) -> list[str]:
        """The paths that have problems, in the order they are listed."""
        return sorted(self._files)

    def at(self, path: str) -> list[Problem]:
        """The problems of one path, as they are listed."""
        return list(leveled(capped([problem for group in self._files.get(path, ()) for problem in self._problems(group)]),
                            self.levels))

    def found_alike(self, other: Found, path: str) -> bool:
        """Whether ``other`` found exactly what this found at ``path``, told without unpickling: the
        same groups, each the same bytes (or equal problems), levelled alike."""
        return self.levels == other.levels and self._files.get(path) == other._files.get(path)

    def _problems(self, group: bytes | list[Problem]) -> list[Problem]:
        return process_wire().loads(group) if isinstance(group, bytes) else group  # type: ignore[no-any-return]


def by_path(problems: list[Problem]) -> dict[str, list[Problem]]:
    grouped: dict[str, list[Problem]] = {}
    for problem in problems:
        grouped.setdefault(problem.path, []).append(problem)
    return grouped


def packed_problems(root: Path, files: list[DataFile], *, catalogue: Catalogue, settings: Settings,
                    uses: Mapping[str, frozenset[Key]] | None = None) -> Packed:
    """One jurisdiction's problems (:func:`jurisdiction_problems`), each file's pickled together;
    ``uses``: what each jurisdiction's period plans use, by its slug."""
    used = (uses or {}).get(files[0].jurisdiction, frozenset()) if files else frozenset()
    return packed(jurisdiction_problems(root, files, catalogue=catalogue, settings=settings, used=used))


def packed(problems: list[Problem]) -> Packed:
    return [(path, process_wire().dumps(group)) for path, group in by_path(problems).items()]


@functools.cache
def process_wire() -> Wire:
    """The wire this process pickles its problems with (made once: it looks its classes up)."""
    return Wire()


class Validation:
    """What :func:`validate_everything` finds in the files of ``jurisdictions`` (every one, when None)
    at ``root``, put together from each jurisdiction's problems found where its files are read
    anyway — a worker of `diff` that judges it reads them once for both (:meth:`packed_from`) — and
    the rest found here (:meth:`found`). Every file is read as validate reads it, so the problems
    are the same (tests/run/test_new_problems.py)."""

    def __init__(self, root: Path, jurisdictions: Collection[str] | None = None, progress: Progress | None = None) -> None:
        self.root = root
        self.scanned = scan_everything(root, progress)
        self.units = {slug: files for slug, files in layout.by_jurisdiction(self.scanned.jobs)
                      if jurisdictions is None or slug in jurisdictions}
        self.packs: dict[str, Packed] = {}
        self.periods = PeriodPlans.read(root, self.scanned.catalogue, self.scanned.loader.limit, jurisdictions=jurisdictions)

    def pending(self, slugs: Collection[str]) -> frozenset[str]:
        """Which of ``slugs`` are still to be validated."""
        return frozenset(slug for slug in slugs if slug in self.units and slug not in self.packs)

    def packed_from(self, slug: str, reads: Mapping[str, FileRead]) -> Packed:
        """The jurisdiction's problems, each of its files read as given in ``reads`` (by its path;
        read here when not given) — in a worker."""
        checks = item_checks(self.scanned.catalogue, self.scanned.settings)
        every = [reads[file.display] if file.display in reads else read_file(self.root, file, checks)
                 for file in self.units[slug]]
        return packed(problems_of_reads(every, self.scanned.catalogue, self.periods.uses.get(slug, frozenset())))

    def found(self, workers: int | None = None) -> Found:
        """Every problem, in files listed in the order of their paths: the jurisdictions not yet
        validated are validated now — a jurisdiction's files read and checked against the catalogue
        together, on a worker process for large repositories, so that its figures are matched with
        its targets there, and only its problems travel back, never a parsed file."""
        scanned = self.scanned
        task = functools.partial(packed_problems, self.root, catalogue=scanned.catalogue, settings=scanned.settings,
                                 uses=self.periods.uses)
        left = [slug for slug in self.units if slug not in self.packs]
        for slug, pack in zip(left, ordered_map(task, [self.units[slug] for slug in left], workers), strict=True):
            self.packs[slug] = pack
            for _ in self.units[slug]:
                scanned.loader.tick()
        found = Found(scanned.settings.problems)
        found.add(scanned.loader.problems + catalogue_problems(scanned.catalogue)
                  + no_metrics(scanned.catalogue, len(scanned.jobs) + len(self.periods.plans)) + self.periods.problems)
        for slug in self.units:
            found.add_packed(self.packs[slug])
        return found


def new_problems(head: Found, base: Found, head_root: Path, base_root: Path) -> list[Problem]:
    """The problems of ``head`` that ``base`` does not have: :func:`introduced` of the two, held file
    by file — its matching never crosses files — and a file whose text and whose problems are the
    same at both sides, which can introduce nothing, is passed over without reading its entries or
    unpickling its problems (a rules change leaves most files so). The same list as
    ``introduced(list(head), list(base), …)``, in its order (tests/run/test_new_problems.py)."""
    head_entries, base_entries = Entries(head_root), Entries(base_root)
    new = []
    for path in head.paths():
        if head.found_alike(base, path) and _same_text(head_root, base_root, path):
            continue
        new += introduced(head.at(path), base.at(path), head_entries.entry, base_entries.entry)
    return new


def _same_text(head_root: Path, base_root: Path, path: str) -> bool:
    text = text_inside(head_root.resolve(), path)
    return text is not None and text == text_inside(base_root.resolve(), path)


def validate_everything(data_dir: Path, progress: Progress | None = None, workers: int | None = None,
                        jurisdictions: Collection[str] | None = None) -> Found:
    """Every problem of every file, all years — of the settings, the rules and only the files of
    ``jurisdictions``, when they are named (:class:`Validation`)."""
    return Validation(data_dir, jurisdictions, progress).found(workers)


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
        return new_problems(head, before, data_dir, Path(folder))
