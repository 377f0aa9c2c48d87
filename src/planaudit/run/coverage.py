"""`planaudit coverage`, end to end: read the document and the jurisdiction's files, then hold
one against the other (planaudit.check.coverage)."""

from __future__ import annotations

from pathlib import Path

from planaudit.check.coverage import period_plan_coverage, plan_coverage, report_coverage
from planaudit.check.validate import figures_no_target_uses, item_checks
from planaudit.errors import InvalidData, NoDataFile, UnknownDocument
from planaudit.extract import DocumentKind, document_kind_and_year, guess_period, read_document
from planaudit.model.coverage import CoverageResult
from planaudit.model.data import Plan, Report
from planaudit.model.problems import errors
from planaudit.read.layout import DataFile, folder_in_git
from planaudit.read.load import FileRead, plans_and_reports, read_file, scan
from planaudit.run.periods import PeriodPlans

_FOLDERS = {DocumentKind.PLAN: "targets", DocumentKind.REPORT: "outcomes"}


def coverage(root: Path, document: Path, jurisdiction: str | None = None, year: int | None = None,
             kind: DocumentKind | None = None, encoding: str | None = None, part: str | None = None,
             period: tuple[int, int] | None = None) -> CoverageResult:
    """The document at ``document`` (or its ``part``: 三) held against the entries of ``root`` for
    it: its kind and year (or, for a plan over several years, its ``period``) from its title unless
    given, its jurisdiction from whose quotes it holds unless given."""
    text = read_document(document, encoding)
    if period is None and year is None and kind is not DocumentKind.REPORT:
        period = guess_period(text)
    if period is not None:
        return _period_coverage(root, text, str(document), period, jurisdiction, part)
    kind, year = document_kind_and_year(text, str(document), kind, year)
    scanned = scan(root, [year, year + 1], [year])
    folder = _FOLDERS[kind]
    candidates = [job for job in scanned.jobs if job.kind == folder and job.year == year]
    if not candidates:
        raise NoDataFile(folder, year, jurisdiction or "*", [])
    checks = item_checks(scanned.catalogue, scanned.settings)
    # Each file is read once: to tell whose the document is (when -j does not say), then to hold it.
    read = {} if jurisdiction else {job: read_file(root, job, checks) for job in candidates}
    slug = jurisdiction or _whose(text, _file_quotes(read), folder, year)
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


def _period_coverage(root: Path, text: str, document: str, period: tuple[int, int], jurisdiction: str | None,
                     part: str | None) -> CoverageResult:
    """A plan over several years held against its period plan (targets/<first>-<last>/)."""
    first, last = period
    folder = f"{first}-{last}"
    scanned = scan(root, [], [])
    plans = PeriodPlans.read(root, scanned.catalogue, scanned.loader.limit, [period])
    problems = scanned.loader.problems + plans.problems
    if errors(problems):
        raise InvalidData(errors(problems), folder_in_git(root))
    by_slug = {plan.jurisdiction: plan for plan in plans.plans}
    if not by_slug:
        raise NoDataFile("targets", folder, jurisdiction or "*", [])
    quotes = {slug: [target.provenance.quote for target in plan.targets] for slug, plan in by_slug.items()}
    slug = jurisdiction or _whose(text, quotes, "targets", folder)
    if slug not in by_slug:
        raise NoDataFile("targets", folder, slug, sorted(by_slug))
    return period_plan_coverage(text, document, by_slug[slug], part)


def _file_quotes(read: dict[DataFile, FileRead]) -> dict[str, list[str]]:
    """Each file's quotes (of its targets or figures), by jurisdiction."""
    quotes = {}
    for job, found in read.items():
        item = found.item
        quotes[job.jurisdiction] = ([target.provenance.quote for target in item.targets] if isinstance(item, Plan)
                                    else [figure.provenance.quote for figure in item.figures]
                                    if isinstance(item, Report) else [])
    return quotes


def _whose(text: str, quotes: dict[str, list[str]], folder: str, year: int | str) -> str:
    """The jurisdiction (of ``quotes``: each one's quotes) with the most quotes standing in the
    document, when one has most."""
    counts = sorted(((sum(quote in text for quote in each), slug) for slug, each in quotes.items()), reverse=True)
    if counts[0][0] == 0 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        raise UnknownDocument(folder, year)
    return counts[0][1]
