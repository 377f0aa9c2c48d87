"""`planaudit progress --format json`: for programs (schema_version 1). Numbers are exact: decimal
strings, or "numerator/denominator" where a share has no finite decimal; a range is [low, high],
null for an open end; the compound path's share expected, a root, is a decimal string of 28 digits
under ``expected_approx``."""

from __future__ import annotations

from typing import Any

from planaudit.exact.numbers import Interval
from planaudit.model.period import ProgressResult, Quoted, TargetProgress, YearStatus
from planaudit.report import jsontext
from planaudit.report.base import ProgressReporter
from planaudit.report.progress import exact_text

SCHEMA_VERSION = 1


class ProgressJsonReporter(ProgressReporter):

    def jurisdiction(self, result: ProgressResult) -> None:
        self.out.write(jsontext.dumps({
            "schema_version": SCHEMA_VERSION,
            "period": result.period,
            "as_of": result.as_of,
            "band": exact_text(result.band),
            "jurisdictions": dict(result.names),
            "rollup": {status.value: count for status, count in result.rollup()},
            "targets": [target_progress_data(item, self.folder) for item in result.targets],
        }))


def target_progress_data(item: TargetProgress, folder: str = "") -> dict[str, Any]:
    """A period target and its years, as `progress --format json` gives it (and `diff` at each side);
    files named from the top of the data's git repository (``folder``)."""
    target = item.target
    return {
        "jurisdiction": target.jurisdiction, "id": target.id, "title": target.title, "metric": target.metric,
        "unit": item.unit, "kind": target.kind.value, "direction": target.direction.value,
        "attribute": None if target.attribute is None else target.attribute.value, "rule": target.rule,
        "value": target.value.text() or None, "year": target.due, "over": target.each_year.over,
        "aggregate": target.each_year.aggregate,
        "base": None if target.base is None else {**_quoted(target.base.first),
                                                   "revised": None if target.base.revised is None
                                                   else _quoted(target.base.revised)},
        "milestones": [{**_quoted(milestone.stated), "rule": milestone.rule or target.rule}
                       for milestone in target.milestones],
        "file": folder + target.location.path, "line": target.location.line,
        "quote": target.provenance.quote,
        "years": [_year_data(year, folder) for year in item.years],
        "events": [{"year": year, "event": event.value} for year, event in item.events],
    }


def _year_data(year: YearStatus, folder: str) -> dict[str, Any]:
    judged = year.judged
    return {
        "year": year.year, "status": year.status.value, "why": None if year.why is None else year.why.value,
        "reason": None if judged is None else judged.reason.value,
        "data_year": year.data_year, "value": _range(year.value), "covered": _range(year.covered),
        "expected": exact_text(year.expected),
        "expected_approx": None if year.expected_shown is None else format(year.expected_shown, "f"),
        "gap": _range(year.gap), "needed": _range(year.needed),
        "milestone": None if year.milestone is None else year.milestone.verdict.value,
        "breaches": list(year.breaches),
        "revisions": [{"year": figure.span.as_of.year, "reported_in": figure.year,
                       "value": None if figure.stated.is_state else exact_text(Interval.exact(figure.stated.value).point)
                       if figure.stated.bound.value == "exact" else figure.stated.written(),
                       "file": folder + figure.location.path, "line": figure.location.line,
                       "quote": figure.provenance.quote} for figure in year.revisions],
        "evidence": [{"file": folder + figure.location.path, "line": figure.location.line,
                      "quote": figure.provenance.quote}
                     for figure in year.evidence or (judged.evidence() if judged else ())],
    }


def _quoted(quoted: Quoted) -> dict[str, Any]:
    document = quoted.document
    return {"value": exact_text(Interval.exact(quoted.value).point), "year": quoted.year, "quote": quoted.quote,
            "document": None if document is None else getattr(document, "title", None), "at": quoted.at,
            "basis": quoted.basis}


def _range(value: Interval | None) -> list[str | None] | None:
    return None if value is None else [exact_text(value.lo), exact_text(value.hi)]
