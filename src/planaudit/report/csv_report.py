"""`--format csv`: one row per target, for spreadsheets, each with the year it was judged in.

Codes (verdict, reason) stay machine-readable; `verdict_text` and `reason_text` follow --lang.
The file begins with a byte-order mark, which Excel needs to read UTF-8.
Every cell is escaped by :func:`spreadsheet_safe`: text that a spreadsheet would take for a formula
(=, +, -, @, a tab or a carriage return first) is prefixed with '.
"""

from __future__ import annotations

import csv
import io
from typing import TextIO

from planaudit.exact.numbers import format_number
from planaudit.model.result import JurisdictionResult, Overview, TargetResult
from planaudit.read.text import printable
from planaudit.report.base import Reporter
from planaudit.report.display import evidence_text, grounds_text, inconsistency_text, resolved_text, value_text
from planaudit.report.i18n import REASONS, VERDICTS, WORDS
from planaudit.report.workflow import plain_text

COLUMNS = ("year", "jurisdiction", "id", "title", "metric", "rule", "value", "unit", "verdict", "verdict_text", "reason",
           "reason_text", "grounds", "grounds_text", "strength", "basis", "scope", "deadline", "section", "plan_quote",
           "document", "actual", "baseline", "waived", "evidence", "warnings", "target_file", "target_line")
BOM = "\ufeff"  # so that Excel, on a Chinese Windows too, opens the file as UTF-8


def spreadsheet_safe(text: str) -> str:
    """A cell from data: shown literally, never a formula (a leading ' where a spreadsheet would
    compute it) and never a workflow command on a CI log (see :mod:`planaudit.report.workflow`)."""
    text = plain_text(printable(text))
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class CsvReporter(Reporter[str]):

    def begin(self, overview: Overview, out: TextIO) -> None:
        super().begin(overview, out)
        out.write(BOM)
        csv.writer(out, lineterminator="\n").writerow(COLUMNS)

    def piece(self, result: JurisdictionResult) -> str:
        """The jurisdiction's rows (written whole: a row never reaches a file half made)."""
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows([str(result.year), *map(spreadsheet_safe, self._row(item))]
                                                          for item in result.results)
        return buffer.getvalue()

    def add(self, piece: str) -> None:
        self.out.write(piece)

    def _row(self, item: TargetResult) -> list[str]:
        target = item.target
        return [
            target.jurisdiction, target.id, target.title, target.metric, target.rule,
            "" if target.value.number is None else format_number(target.value.number),
            item.metric.unit, item.verdict.value, VERDICTS[self.lang][item.verdict], item.reason.value,
            REASONS[self.lang][item.reason],
            "" if item.grounds is None else item.grounds.value, grounds_text(item, self.lang), target.strength.value,
            target.basis or "", target.scope or "", target.period.deadline.isoformat() if target.period.deadline else "",
            target.provenance.section or "", target.provenance.quote,
            "" if target.provenance.document is None else target.provenance.document.title or "",
            "" if item.actual is None else resolved_text(item.actual, item.metric.unit, self.lang),
            "" if item.baseline is None else value_text(item.baseline.value, item.metric.unit, self.lang),
            "" if target.waiver is None else target.waiver.reason,
            evidence_text(item, self.lang, self.folder),
            "; ".join([*(f"{WORDS[self.lang]['inconsistent']}: {inconsistency_text(warning, self.lang, self.folder)}"
                         for warning in item.warnings),
                       *(f"{WORDS[self.lang][counts.agreement.value]}: {inconsistency_text(counts, self.lang, self.folder)}"
                         for counts in item.agreeing)]),
            self.in_repository(target.location.path), str(target.location.line),
        ]
