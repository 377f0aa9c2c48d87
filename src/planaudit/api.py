"""The library API: run an audit, explain one verdict, validate a repository, compare two revisions,
draft YAML from a document."""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from planaudit.model.problems import Problem
from planaudit.model.result import AuditResult, TargetResult
from planaudit.read.load import Progress
from planaudit.run import runner
from planaudit.run.validate import validate_everything

if TYPE_CHECKING:
    from planaudit.extract import DocumentKind  # the extractor is loaded only by draft()
    from planaudit.model.changes import DiffResult
    from planaudit.model.coverage import CoverageResult
    from planaudit.model.data import Settings
    from planaudit.report import Reporter


def audit(data_dir: str | PathLike[str], year: int, jurisdictions: Sequence[str] = (),
          progress: Progress | None = None) -> AuditResult:
    """Judge every target of ``year`` (or of the given jurisdictions) in the data repository.

    Raises a :class:`~planaudit.errors.PlanauditError` when the data cannot be checked.
    ``progress(files_read, files_to_read)`` is called as files are read. ``data_dir`` may be
    any folder inside the repository: its root is found by walking up (:func:`repository_root`).
    Every file is read and judged afresh.
    """
    return runner.audit_whole(prepare(data_dir, year, jurisdictions, progress), progress)


def prepare(data_dir: str | PathLike[str], year: int, jurisdictions: Sequence[str] = (),
            progress: Progress | None = None) -> runner.Audit:
    """An audit of ``year`` ready to :func:`render`: its settings and catalogue read, its data files
    grouped by jurisdiction. Raises as :func:`audit` does when there is nothing to audit."""
    return runner.prepare(repository_root(data_dir), year, jurisdictions, progress)


def render(prepared: runner.Audit, reporters: Sequence[Reporter], progress: Progress | None = None) -> runner.Rendered:
    """Judge a prepared audit a jurisdiction at a time, on every core, rendering each one's part of
    every reporter's report as it goes; ``Rendered.write`` then writes a report whole. What a
    large audit holds at once is one jurisdiction per core, never every result. Raises as
    :func:`audit` does on invalid data."""
    return runner.render(prepared, reporters, progress)


def explain(data_dir: str | PathLike[str], year: int, jurisdiction: str, target_id: str) -> TargetResult:
    """The verdict of one target, with everything that went into it."""
    from planaudit.report.explain import find_target

    return find_target(audit(data_dir, year, [jurisdiction]), jurisdiction, target_id)


def validate(data_dir: str | PathLike[str], progress: Progress | None = None, workers: int | None = None) -> list[Problem]:
    """Every problem of every file of the data repository, all years, sorted; [] when it is clean.
    Past 100 problems of one code in one file, one more problem says how many more there are."""
    return list(validate_everything(repository_root(data_dir), progress, workers))


def diff(data_dir: str | PathLike[str], base: str | None = None, head: str | None = None,
         years: Sequence[int] = (), workers: int | None = None) -> DiffResult:
    """What differs between the data repository at revision ``base`` (default: where the current
    branch left the default branch) and at ``head`` (default: the working tree): targets added,
    removed, or whose verdict or evidence changed; figures; inconsistent figures. Only the years
    the changes touch are judged (or ``years``), on ``workers`` processes (default: every core) when
    there are many jurisdictions. Raises a :class:`~planaudit.errors.GitError` when git cannot tell."""
    from planaudit.run.diff import compare_revisions

    return compare_revisions(repository_root(data_dir), base, head, years, workers)


def coverage(data_dir: str | PathLike[str], document: str | PathLike[str], jurisdiction: str | None = None,
             year: int | None = None, kind: DocumentKind | None = None, encoding: str | None = None,
             part: str | None = None) -> CoverageResult:
    """A plan (or a report) held against the repository: every commitment (figure) of its text that
    no target (figure) quotes, every quote of the jurisdiction's file that the text does not hold,
    and a report's figures that no target uses. Kind and year default to what its title says, the
    jurisdiction to the one whose quotes it holds; ``part`` (三) holds only that part of it."""
    from planaudit.run.coverage import coverage as cover

    return cover(repository_root(data_dir), Path(document), jurisdiction, year, kind, encoding, part)


def settings(data_dir: str | PathLike[str]) -> Settings:
    """The settings of planaudit.yaml (the defaults where it gives none, or cannot be read)."""
    from planaudit.read.load import Loader

    return Loader(repository_root(data_dir)).settings()


def repository_root(data_dir: str | PathLike[str]) -> Path:
    """The data repository that ``data_dir`` is in: itself, or the nearest directory above it with
    targets/, outcomes/, rules/ or planaudit.yaml. Raises :class:`NotADataRepository` when none is."""
    from planaudit.read.layout import repository_root as found

    return found(Path(data_dir))


def draft(document: str | PathLike[str], output: str | PathLike[str] | None = None, jurisdiction: str | None = None,
          kind: DocumentKind | None = None, year: int | None = None, force: bool = False, lang: str = "en",
          encoding: str | None = None) -> str:
    """Draft the target (plan) or outcome (report) YAML of a document's text, and return it.

    With ``output``, it is also written there atomically, never over an existing file unless
    ``force``. The jurisdiction defaults to the output file's name when that is a slug, else to a
    slug of the document's name; kind and year default to what its title says. The comment at its
    head is in ``lang``. The document is UTF-8 unless ``encoding`` names another (gb18030…).
    """
    from planaudit.extract import extract_file, render
    from planaudit.read.layout import SLUG
    from planaudit.report.output import write_atomically

    if jurisdiction is None and output is not None and SLUG.fullmatch(Path(output).stem):
        jurisdiction = Path(output).stem
    text = render(extract_file(Path(document), jurisdiction, kind, year, encoding), lang)
    if output is not None:
        write_atomically(Path(output), text, replace=force)
    return text
