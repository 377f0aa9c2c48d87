"""`--format json`: schema_version 1 (docs/verdicts.md). Numbers are decimal strings; every result and
inconsistent figure names the year it was judged in."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, TextIO

from planaudit.exact.numbers import Interval, format_number
from planaudit.model.data import PARTLY, Document, Figure
from planaudit.model.result import Inconsistency, JurisdictionResult, Overview, TargetResult
from planaudit.report import jsontext
from planaudit.report.base import Held, Reporter
from planaudit.report.i18n import detail_text

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class JsonPiece:
    """A jurisdiction's members of the two lists: its targets' and its inconsistent figures'."""

    results: str
    inconsistencies: str


class JsonReporter(Reporter[JsonPiece]):

    def begin(self, overview: Overview, out: TextIO) -> None:
        super().begin(overview, out)
        document = {
            "schema_version": SCHEMA_VERSION,
            "year": None if overview.several else overview.years[0].year,
            "years": [year.year for year in overview.years],
            "summary": asdict(overview.summary),
            "by_year": [{"year": year.year, "summary": asdict(year.summary), "not_judged": list(year.not_judged)}
                        for year in overview.years],
            "not_judged": list(dict.fromkeys(slug for year in overview.years for slug in year.not_judged)),
            "results": [],
        }
        head, self.tail = jsontext.around_last_list(document)
        out.write(head)
        self.results = jsontext.ListWriter(out, depth=2)
        self.held = Held()  # the inconsistencies follow every result
        self.inconsistencies = jsontext.ListWriter(self.held, depth=2)

    def piece(self, result: JurisdictionResult) -> JsonPiece:
        year = {"year": result.year}  # each row's, first: a run may judge several years
        return JsonPiece(jsontext.items([year | target_data(item, self.lang, self.folder) for item in result.results],
                                        depth=2),
                         jsontext.items([year | inconsistency_data(item, self.folder) for item in result.inconsistencies],
                                        depth=2))

    def add(self, piece: JsonPiece) -> None:
        self.results.add(piece.results)
        self.inconsistencies.add(piece.inconsistencies)

    def end(self, overview: Overview) -> None:
        self.results.close()
        self.inconsistencies.close()
        self.out.write(',\n  "inconsistencies": ')
        for text in self.held:
            self.out.write(text)
        self.out.write(self.tail)


def _number(value: Interval | bool | None) -> str | bool | None:
    """An exact value as a decimal string; a bounded one by its finite end; a state as a bool."""
    if value is None or isinstance(value, bool):
        return value
    if value.lo is not None and value.hi is not None and not value.is_exact:  # a range: 约 a value, its middle
        return format_number((value.lo + value.hi) / 2)
    end = value.lo if value.lo is not None else value.hi
    return None if end is None else format_number(end)


def _range(value: Interval | None) -> list[str | None] | None:
    """An interval as [low, high], decimal strings; None for an unbounded end."""
    if value is None:
        return None
    return [None if end is None else format_number(end) for end in (value.lo, value.hi)]


def _bound(value: Interval | bool | None) -> str | None:
    if not isinstance(value, Interval):
        return None if value is None else "exact"
    if value.is_exact:
        return "exact"
    if value.lo is not None and value.hi is not None:
        return "approx"
    return "lower" if value.lo is not None else "upper"


def target_data(item: TargetResult, lang: str, folder: str = "") -> dict[str, Any]:
    """A target's verdict and all it rests on; files named from the top of the git repository
    (``folder``: where the data is in it)."""
    target = item.target
    unit = item.rule.value_unit(target, item.metric.unit)
    actual = item.actual.value if item.actual else None
    return {
        "jurisdiction": target.jurisdiction,
        "id": target.id,
        "title": target.title,
        "metric": target.metric,
        "rule": target.rule,
        "value": None if target.value.number is None else format_number(target.value.number),
        "value_source": "report" if target.value.from_report else "plan",
        "value_quote": target.value.quote,
        "value_note": target.value.note,
        "value_from": None if target.value.reference is None else {
            "metric": target.value.reference.metric, "scope": target.value.reference.scope,
            "value": _number(item.compared_with)},
        "unit": unit,
        "basis": target.basis,
        "tolerance": None if item.tolerance is None else format_number(item.tolerance),
        "direction": target.tolerance.sides if item.tolerance is not None else None,
        "scope": target.scope,
        "deadline": target.period.deadline.isoformat() if target.period.deadline else None,
        "section": target.provenance.section,
        "quote": target.provenance.quote,
        "restated": [{"quote": passage.quote, "section": passage.section, "at": passage.at} for passage in target.restated],
        "at": target.provenance.at,
        "document": document_data(target.provenance.document),
        "strength": target.strength.value,
        "parent": target.parent,
        "items": list(target.items),
        "verdict": item.verdict.value,
        "grounds": None if item.grounds is None else item.grounds.value,
        "reason": item.reason.value,
        "detail": detail_text(item.detail, lang),
        "actual": _number(actual),
        "actual_bound": _bound(actual),
        "derived": bool(item.actual and item.actual.derivation),
        "baseline": _number(item.baseline.value) if item.baseline else None,
        "growth": _number(item.growth),
        "waived": None if target.waiver is None else {
            "reason": target.waiver.reason,
            "date": target.waiver.date.isoformat() if target.waiver.date else None,
        },
        "evidence": [figure_data(figure, folder) for figure in item.evidence()],
        "projected": [figure_data(figure, folder) for figure in item.projected],
        "assertion": None if item.assertion is None else {
            "kind": "denies" if item.assertion.admits else "asserts", "quote": item.assertion.quote,
            "file": folder + item.assertion.location.path, "line": item.assertion.location.line},
        "warnings": [_warning(warning, folder) for warning in item.warnings],
        "agreeing": [_warning(counts, folder) for counts in item.agreeing],
        "target_file": folder + target.location.path,
        "target_line": target.location.line,
    }


def figure_data(figure: Figure, folder: str = "") -> dict[str, Any]:
    return {
        "metric": figure.metric,
        "value": _stated_value(figure),
        "bound": figure.stated.bound.value,
        "scope": figure.scope,
        "as_of": figure.span.as_of.isoformat(),
        "as_of_stated": figure.span.as_of_stated,
        "basis": figure.basis,
        "quote": figure.provenance.quote,
        "at": figure.provenance.at,
        "document": document_data(figure.provenance.document),
        "note": figure.note,
        "value_note": figure.value_note,
        "file": folder + figure.location.path,
        "line": figure.location.line,
        "source": None if figure.provenance.source is None else {
            "id": figure.provenance.source.id, "title": figure.provenance.source.title, "issuer": figure.provenance.source.issuer,
            "date": figure.provenance.source.date.isoformat() if figure.provenance.source.date else None},
    }


def document_data(document: Document | None) -> dict[str, Any] | None:
    """The document an entry is quoted from: title, issuer, date, url (each null where not given)."""
    if document is None:
        return None
    return {"title": document.title, "issuer": document.issuer,
            "date": None if document.date is None else document.date.isoformat(), "url": document.url}


def _stated_value(figure: Figure) -> str | bool:
    """A figure's value: a decimal string, true or false, or "partly"."""
    stated = figure.stated
    if stated.partly:
        return PARTLY
    return stated.value if isinstance(stated.value, bool) else format_number(stated.value)


def _warning(inconsistency: Inconsistency, folder: str) -> dict[str, Any]:
    return {
        "code": "inconsistent" if inconsistency.listed else "consistent",
        "kind": "conflict" if inconsistency.conflict else "counts",
        "agreement": inconsistency.agreement.value,
        "acknowledged": inconsistency.acknowledged,
        "metric": inconsistency.metric.id,
        "stated": _number(inconsistency.stated),
        "derived": _number(inconsistency.derived_reading),
        "file": folder + inconsistency.figure.location.path,
        "line": inconsistency.figure.location.line,
    }


def inconsistency_data(inconsistency: Inconsistency, folder: str = "") -> dict[str, Any]:
    figure = inconsistency.figure
    return {
        "jurisdiction": figure.jurisdiction,
        "metric": inconsistency.metric.id,
        "scope": figure.scope,
        "stated": _number(inconsistency.stated),
        "derived": _number(inconsistency.derived_reading),
        "kind": "conflict" if inconsistency.conflict else "counts",
        "tolerance": format_number(inconsistency.tolerance),
        "stated_range": _range(inconsistency.stated_range),
        "derived_range": _range(inconsistency.derived_range),
        "acknowledged": inconsistency.acknowledged,
        "file": folder + figure.location.path,
        "line": figure.location.line,
    }
