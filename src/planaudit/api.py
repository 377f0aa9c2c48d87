"""The library API: run an audit, explain one verdict, validate a repository, draft YAML from a document."""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import ParseCache
from .exceptions import InvalidData, NotADataRepository, NoTargets, UnknownJurisdiction
from .judge import judge_year
from .load import Progress, load_repository, target_files
from .problems import Problem
from .result import AuditResult, TargetResult
from .validate import catalogue_problems, item_checks, validate_everything

if TYPE_CHECKING:
    from .extract import DocumentKind  # the extractor is loaded only by draft()


def audit(data_dir: str | PathLike[str], year: int, jurisdictions: Sequence[str] = (),
          progress: Progress | None = None, cache: bool = True, workers: int = 1) -> AuditResult:
    """Judge every target of ``year`` (or of the given jurisdictions) in the data repository.

    Raises a :class:`~planaudit.exceptions.PlanauditError` when the data cannot be checked.
    ``progress(files_read, files_to_read)`` is called as files are read. Parsed files are
    cached under the data directory (or ``$PLANAUDIT_CACHE_DIR``) unless ``cache`` is false;
    ``workers`` processes parse the rest (see :func:`~planaudit.load.load_repository`).
    """
    root = Path(data_dir)
    if not root.is_dir():
        raise NotADataRepository(root)
    if not target_files(root, year):
        raise NoTargets(root, year)
    loaded = load_repository(root, target_years=[year], outcome_years=[year - 1, year], progress=progress,
                             cache=ParseCache.open(root) if cache else None, workers=workers, checks=item_checks)
    problems = loaded.problems + catalogue_problems(loaded.repository.catalogue)
    if problems:
        raise InvalidData(problems)
    plans = {jurisdiction: plan for (plan_year, jurisdiction), plan in loaded.repository.plans.items()
             if plan_year == year}
    unknown = [name for name in jurisdictions if name not in plans]
    if unknown:
        raise UnknownJurisdiction(year, unknown, sorted(plans))
    chosen = [plans[name] for name in dict.fromkeys(jurisdictions)] if jurisdictions else list(plans.values())
    return judge_year(loaded.repository, year, chosen)


def explain(data_dir: str | PathLike[str], year: int, jurisdiction: str, target_id: str) -> TargetResult:
    """The verdict of one target, with everything that went into it."""
    return audit(data_dir, year, [jurisdiction]).find(jurisdiction, target_id)


def validate(data_dir: str | PathLike[str], progress: Progress | None = None, cache: bool = True,
             workers: int | None = None) -> list[Problem]:
    """Every problem of every file of the data repository, all years, sorted; [] when it is clean."""
    root = Path(data_dir)
    if not root.is_dir():
        raise NotADataRepository(root)
    return sorted(validate_everything(root, progress, ParseCache.open(root) if cache else None, workers))


def draft(document: str | PathLike[str], output: str | PathLike[str] | None = None, jurisdiction: str | None = None,
          kind: DocumentKind | None = None, year: int | None = None, force: bool = False) -> str:
    """Draft the target (plan) or outcome (report) YAML of a document's text, and return it.

    With ``output``, it is also written there atomically, never over an existing file unless
    ``force``. The jurisdiction defaults to the output file's name when that is a slug, else to a
    slug of the document's name; kind and year default to what its title says.
    """
    from .extract import extract_file, render
    from .load import SLUG
    from .output import write_atomically

    if jurisdiction is None and output is not None and SLUG.fullmatch(Path(output).stem):
        jurisdiction = Path(output).stem
    text = render(extract_file(Path(document), jurisdiction, kind, year))
    if output is not None:
        write_atomically(Path(output), text, replace=force)
    return text
