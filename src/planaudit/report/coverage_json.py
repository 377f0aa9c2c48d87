"""`planaudit coverage --format json`: for programs (schema_version 1)."""

from __future__ import annotations

from typing import Any

from planaudit.model.coverage import CoverageResult, Quote
from planaudit.report.base import CoverageReporter
from planaudit.report.jsontext import dumps


class CoverageJsonReporter(CoverageReporter):

    def jurisdiction(self, result: CoverageResult) -> None:
        self.out.write(dumps({
            "schema_version": 1,
            "document": result.document,
            "kind": result.kind,
            "jurisdiction": result.jurisdiction,
            **({"period": result.period} if result.period else {"year": result.year}),
            "data_file": self.in_repository(result.data_file),
            "summary": {"clauses": len(result.clauses), "covered": result.covered, "share": result.share,
                        "directions": len(result.directions),
                        "not_verbatim": len(result.not_verbatim), "unused": len(result.unused)},
            "uncovered": [{"line": clause.line, "section": clause.section, "text": clause.text}
                          for clause in result.uncovered],
            "not_verbatim": [self._quote(quote) for quote in result.not_verbatim],
            "unused": [self._quote(quote) for quote in result.unused],
        }))


    def _quote(self, quote: Quote) -> dict[str, Any]:
        return {"file": self.in_repository(quote.location.path), "line": quote.location.line, "quote": quote.text}
