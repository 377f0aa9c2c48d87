"""`planaudit diff --format json`: schema_version 1 (docs/verdicts.md). A target at each side is
the object `check --format json` gives it; a figure, its evidence object; numbers are decimal strings."""

from __future__ import annotations

from typing import Any

from planaudit.model.changes import Change, DiffResult
from planaudit.report import jsontext
from planaudit.report.base import DiffReporter
from planaudit.report.json_report import figure_data, inconsistency_data, target_data
from planaudit.report.problems import problem_data
from planaudit.report.progress_json import target_progress_data

SCHEMA_VERSION = 1


class DiffJsonReporter(DiffReporter):

    def jurisdiction(self, result: DiffResult) -> None:
        lang = self.lang
        document = {
            "schema_version": SCHEMA_VERSION,
            "base": result.base,
            "head": result.head,
            "summary": {change.value: result.count(change) for change in Change},
            "definitions": [{"change": item.change.value, "kind": item.kind, "name": item.name,
                             "fields": [{"field": name, "before": was or None, "after": now or None}
                                        for name, was, now in item.fields],
                             "file": item.location and self.in_repository(item.location.path),
                             "line": item.location and item.location.line,
                             "touches": item.touches, "rescales": item.rescales} for item in result.definitions],
            "targets": [{"change": item.change.value, "year": item.year, "jurisdiction": item.jurisdiction,
                         "id": item.target.id, "before": _maybe(target_data, item.before, lang, self.folder),
                         "after": _maybe(target_data, item.after, lang, self.folder),
                         "moved_from": None if item.moved_from is None else {
                             "year": item.moved_from[0], "jurisdiction": item.moved_from[1]}} for item in result.targets],
            "figures": [{"change": item.change.value, "year": item.year, "jurisdiction": item.jurisdiction,
                         "metric": item.figure.metric, "before": _maybe(figure_data, item.before, self.folder),
                         "after": _maybe(figure_data, item.after, self.folder)} for item in result.figures],
            "inconsistencies": [{"change": item.change.value, "year": item.year, "jurisdiction": item.jurisdiction,
                                 "metric": item.metric, "before": _maybe(inconsistency_data, item.before, self.folder),
                                 "after": _maybe(inconsistency_data, item.after, self.folder)}
                                for item in result.inconsistencies],
            "progress": [{"change": item.change.value, "period": item.period, "jurisdiction": item.jurisdiction,
                          "id": item.target.id, "years": list(item.years),
                          "before": _maybe(target_progress_data, item.before, self.folder),
                          "after": _maybe(target_progress_data, item.after, self.folder)} for item in result.progress],
            "not_compared": [{"year": item.year, "period": item.period, "jurisdiction": item.jurisdiction, "side": item.side,
                              "fixed": item.fixed} for item in result.not_compared],
            "problems": [problem_data(problem, self.folder) for problem in result.problems],
            "new_problems": [problem_data(problem, self.folder) for problem in result.introduced],
        }
        self.out.write(jsontext.dumps(document))


def _maybe(convert: Any, value: Any, *args: Any) -> Any:
    return None if value is None else convert(value, *args)
