"""`planaudit coverage`, end to end: read the document and the jurisdiction's files, then hold
one against the other (planaudit.check.coverage)."""

from __future__ import annotations

from pathlib import Path

from planaudit.check.coverage import plan_coverage, report_coverage
from planaudit.check.validate import figures_no_target_uses, item_checks
from planaudit.errors import InvalidData, NoDataFile, UnknownDocument
from planaudit.extract import DocumentKind, document_kind_and_year, read_document
from planaudit.model.coverage import CoverageResult
from planaudit.model.data import Plan, Report
from planaudit.model.problems import errors
from planaudit.read.layout import DataFile, folder_in_git
from planaudit.read.load import FileRead, plans_and_reports, read_file, scan

_FOLDERS = {DocumentKind.PLAN: "targets", DocumentKind.REPORT: "outcomes"}


def coverage(root: Path, document: Path, jurisdiction: str | None = None, year: int | None = None,
             kind: DocumentKind | None = None, encoding: str | None = None, part: str | None = None) -> CoverageResult:
    """The document at ``document`` (or its ``part``: 三) held against the entries of ``root`` for
    it: its kind and year from its title unless given, its jurisdiction from whose quotes it holds
    unless given."""
    text = read_document(document, encoding)
    kind, year = document_kind_and_year(text, str(document), kind, year)
    scanned = scan(root, [year, year + 1], [year])
    folder = _FOLDERS[kind]
    candidates = [job for job in scanned.jobs if job.kind == folder and job.year == year]
    if not candidates:
        raise NoDataFile(folder, year, jurisdiction or "*", [])
    checks = item_checks(scanned.catalogue, scanned.settings)
    # Each file is read once: to tell whose the document is (when -j does not say), then to hold it.
    read = {} if jurisdiction else {job: read_file(root, job, checks) for job in candidates}
    slug = jurisdiction or _whose(text, read, folder, year)
    if not any(job.jurisdiction == slug for job in candidates):
        raise NoDataFile(folder, year, slug, sorted(job.jurisdiction for job in candidates))
    jobs = [job for job in scanned.jobs if job.jurisdiction == slug]
    reads = [read[job] if job in read else read_file(root, job, checks) for job in jobs]
    problems = scanned.loader.problems + [problem for read in reads for problem in read.problems]
    if errors(problems):
        raise InvalidData(errors(problems), folder_in_git(root))
    plans, reports = plans_and_reports(jobs, reads)
    if kind is DocumentKind.PLAN:
        return plan_coverage(text, str(document), plans[(year, slug)], part)
    items: list[Plan | Report] = [*plans.values(), *reports.values()]
    plan = plans.get((year, slug))
    restating = [target for target in plan.targets if target.value.from_report] if plan else []
    return report_coverage(text, str(document), reports[(year, slug)],
                           figures_no_target_uses(items, scanned.catalogue), restating, part)


def _whose(text: str, read: dict[DataFile, FileRead], folder: str, year: int) -> str:
    """The jurisdiction whose file (as ``read``) has the most quotes standing in the document, when
    one has most."""
    counts = []
    for job, found in read.items():
        item = found.item
        quotes = ([target.provenance.quote for target in item.targets] if isinstance(item, Plan)
                  else [figure.provenance.quote for figure in item.figures] if isinstance(item, Report) else [])
        counts.append((sum(quote in text for quote in quotes), job.jurisdiction))
    counts.sort(reverse=True)
    if counts[0][0] == 0 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        raise UnknownDocument(folder, year)
    return counts[0][1]
