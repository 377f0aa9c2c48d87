"""`planaudit coverage`: a plan or a report held against the repository's entries for it.

A plan's every clause that reads as a commitment, and a report's every clause that states a
figure, is covered when an entry's quote stands on it in the document; the quotes themselves must
stand in the document verbatim. Clauses come from the extractor's reading (planaudit.extract), so
what `extract` drafts and what `coverage` asks for are the same kind of clause.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from planaudit.extract.commitments import commitments
from planaudit.extract.report import draft_figures
from planaudit.extract.segment import Clause as DocumentClause
from planaudit.extract.segment import clauses
from planaudit.model.coverage import Clause, CoverageResult, Quote
from planaudit.model.data import Figure, Plan, Report, Target
from planaudit.model.period import PeriodPlan, PeriodTarget

Span = tuple[int, int]


def plan_coverage(text: str, document: str, plan: Plan, part: str | None = None) -> CoverageResult:
    """Every commitment of the plan's text (of its ``part`` only, when given: 三 for 三、…), and
    whether an entry quotes it: a target, a passage where a target is restated, or a direction."""
    quotes = [Quote(target.provenance.quote, target.location) for target in plan.targets]
    quotes += [Quote(passage.quote, passage.location) for target in plan.targets for passage in target.restated]
    directions = [Quote(passage.quote, passage.location) for passage in plan.directions]
    located = list(_located(text))
    committing = {id(clause) for clause in commitments((clause for clause, _ in located), plan.year)}
    found = [(clause, span) for clause, span in located
             if id(clause) in committing and (part is None or _in_part(clause, part))]
    return _result(text, document, "plan", plan.jurisdiction, plan.year, plan.path, found, quotes + directions,
                   directions=directions)


def period_plan_coverage(text: str, document: str, plan: PeriodPlan, part: str | None = None) -> CoverageResult:
    """Every commitment of a period plan's text (a five-year plan's: of its ``part`` only, when
    given) and whether a target quotes it. Quotes of other documents — a milestone from a year's
    work report, a base a later communiqué revised — are held against their own documents, not this
    one: only the plan's own words are asked to stand in it."""
    quotes = [quote for target in plan.targets for quote in _own_quotes(target)]
    located = list(_located(text))
    committing = {id(clause) for clause in commitments((clause for clause, _ in located), plan.last)}
    found = [(clause, span) for clause, span in located
             if id(clause) in committing and (part is None or _in_part(clause, part))]
    result = _result(text, document, "plan", plan.jurisdiction, plan.first, plan.path, found, quotes)
    return replace(result, last=plan.last)


def _own_quotes(target: PeriodTarget) -> Iterator[Quote]:
    """The target's quotes of its plan's document: its own, its base's and its milestones' that name
    no other document."""
    yield Quote(target.provenance.quote, target.location)
    stated = [target.base.first, target.base.revised] if target.base else []
    stated += [milestone.stated for milestone in target.milestones]
    for quoted in stated:
        if quoted is not None and quoted.document is None:
            yield Quote(quoted.quote, target.location)


def report_coverage(text: str, document: str, report: Report, unused: Iterable[Figure],
                    restating: Sequence[Target] = (), part: str | None = None) -> CoverageResult:
    """Every figure-bearing clause of the report's text and whether a figure (or a claim of
    completion) quotes it; the figures no target uses. ``restating``: the year's targets whose
    value the report restates (value_quote), whose words must stand in it too."""
    quotes = [Quote(figure.provenance.quote, figure.location) for figure in report.figures]
    quotes += [Quote(claim.quote, claim.location) for claim in report.assertions]
    quotes += [Quote(target.value.quote, target.location) for target in restating if target.value.quote]
    found = [clause for clause in _located(text) if draft_figures([clause[0]])
             and (part is None or _in_part(clause[0], part))]
    return _result(text, document, "report", report.jurisdiction, report.year, report.path, found, quotes,
                   tuple(Quote(figure.provenance.quote, figure.location) for figure in unused))


def _result(text: str, document: str, kind: str, jurisdiction: str, year: int, data_file: str,
            found: list[tuple[DocumentClause, Span]], quotes: list[Quote], unused: tuple[Quote, ...] = (),
            directions: Sequence[Quote] = ()) -> CoverageResult:
    """``quotes``: every entry's, ``directions``' among them; a clause that only a direction quotes
    is accounted for as one (:attr:`CoverageResult.directions`)."""
    where: dict[str, list[Span]] = {}  # each quoted text's places, found once however many entries quote it
    for quote in quotes:
        if quote.text not in where:
            where[quote.text] = list(_occurrences(text, quote.text))
    spans = {quote: where[quote.text] for quote in quotes}
    quoted = _union(span for found_spans in where.values() for span in found_spans)
    aims = set(directions)
    by_target = _union(span for text_quoted in {quote.text for quote in quotes if quote not in aims}
                       for span in where[text_quoted])
    every = tuple(_clause(clause) for clause, _ in found)
    uncovered = tuple(_clause(clause) for clause, span in found if not _overlaps_any(span, quoted))
    as_directions = tuple(_clause(clause) for clause, span in found
                          if _overlaps_any(span, quoted) and not _overlaps_any(span, by_target))
    not_verbatim = tuple(sorted((quote for quote, found_spans in spans.items() if not found_spans),
                                key=lambda quote: quote.location))
    return CoverageResult(document, kind, jurisdiction, year, data_file, every, uncovered, not_verbatim, unused,
                          as_directions)


def _in_part(clause: DocumentClause, part: str) -> bool:
    """Is the clause in the document's part ``part`` (三: 三、 and its sections 三（一）…)?"""
    return clause.section is not None and (clause.section == part or clause.section.startswith(f"{part}（"))


def _located(text: str) -> Iterator[tuple[DocumentClause, Span]]:
    """Every clause of the text, with where it stands in it."""
    cursor = 0
    for clause in clauses(text):
        start = text.find(clause.text, cursor)
        if start < 0:  # clauses are pieces of the text in order, so this is never so; were it, take the first
            start = text.find(clause.text)
        cursor = start + len(clause.text)
        yield clause, (start, cursor)


def _occurrences(text: str, quote: str) -> Iterator[Span]:
    start = text.find(quote) if quote else -1
    while start >= 0:
        yield start, start + len(quote)
        start = text.find(quote, start + 1)


def _union(spans: Iterable[Span]) -> list[Span]:
    """The places that some span covers, as sorted spans that neither overlap nor touch."""
    merged: list[Span] = []
    for start, end in sorted(span for span in spans if span[0] < span[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _overlaps_any(span: Span, union: list[Span]) -> bool:
    """Does ``span`` share a character with one of ``union``'s spans (sorted, apart)? Found by
    bisection: a document's every clause against every quoted place would be their product."""
    after = bisect.bisect_right(union, (span[0], span[0]))  # the first span that starts after span's start …
    if after and union[after - 1][1] > span[0]:  # … or the one before it, if it reaches past that start
        return span[0] < span[1]
    return after < len(union) and union[after][0] < span[1]


def _clause(clause: DocumentClause) -> Clause:
    return Clause(clause.text, clause.line, clause.section)
