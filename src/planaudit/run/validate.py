"""`planaudit validate`: every file of every year read and checked, a jurisdiction at a time — on worker
processes for a large repository (check/validate.py holds the checks; this, who runs them where)."""

from __future__ import annotations

import functools
from pathlib import Path

from planaudit.check.validate import catalogue_problems, jurisdiction_problems, no_metrics
from planaudit.model.problems import Problem
from planaudit.read import layout
from planaudit.read.load import Progress, scan_everything
from planaudit.run.pool import ordered_map


def validate_everything(data_dir: Path, progress: Progress | None = None, workers: int | None = None) -> list[Problem]:
    """Every problem of every file, all years. A jurisdiction's files are read and checked against
    the catalogue together — on a worker process for large repositories — so that its figures are
    matched with its targets there, and only its problems travel back, never a parsed file."""
    scanned = scan_everything(data_dir, progress)
    problems = scanned.loader.problems + catalogue_problems(scanned.catalogue)
    problems += no_metrics(scanned.catalogue, len(scanned.jobs))
    units = [files for _, files in layout.by_jurisdiction(scanned.jobs)]
    task = functools.partial(jurisdiction_problems, data_dir, catalogue=scanned.catalogue, settings=scanned.settings)
    for files, found in zip(units, ordered_map(task, units, workers), strict=True):
        problems += found
        for _ in files:
            scanned.loader.tick()
    return problems
