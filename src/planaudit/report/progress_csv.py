"""`planaudit progress --format csv`: one row per target and year, for spreadsheets. Codes stay
machine-readable (status, why, reason), their words follow --lang; numbers are exact (decimal text,
or numerator/denominator where a share has none); every cell is escaped as `check`'s CSV escapes
it (:func:`planaudit.report.csv_report.spreadsheet_safe`), behind the same byte-order mark."""

from __future__ import annotations

import csv

from planaudit.exact.numbers import Interval
from planaudit.model.period import ProgressResult, TargetProgress, YearStatus
from planaudit.report.base import ProgressReporter
from planaudit.report.csv_report import BOM, spreadsheet_safe
from planaudit.report.progress import exact_text, status_text

COLUMNS = ("jurisdiction", "id", "title", "metric", "unit", "kind", "direction", "attribute", "rule", "value", "due",
           "year", "status", "status_text", "why", "reason", "data_year", "value_low", "value_high", "covered_low",
           "covered_high", "expected", "expected_approx", "gap_low", "gap_high", "breaches", "evidence", "revisions",
           "target_file", "target_line")


class ProgressCsvReporter(ProgressReporter):

    def jurisdiction(self, result: ProgressResult) -> None:
        writer = csv.writer(self.out, lineterminator="\n")
        self.out.write(BOM)
        writer.writerow(COLUMNS)
        writer.writerows([spreadsheet_safe(cell) for cell in self._row(item, year)]
                         for item in result.targets for year in item.years)

    def _row(self, item: TargetProgress, year: YearStatus) -> list[str]:
        target = item.target
        judged = year.judged
        evidence = year.evidence or (judged.evidence() if judged is not None else ())
        return [
            target.jurisdiction, target.id, target.title, target.metric, item.unit, target.kind.value,
            target.direction.value, "" if target.attribute is None else target.attribute.value, target.rule,
            target.value.text(), str(target.due), str(year.year), year.status.value, status_text(year, self.lang),
            "" if year.why is None else year.why.value, "" if judged is None else judged.reason.value,
            "" if year.data_year is None else str(year.data_year), *_ends(year.value), *_ends(year.covered),
            exact_text(year.expected) or "", "" if year.expected_shown is None else format(year.expected_shown, "f"),
            *_ends(year.gap), " ".join(map(str, year.breaches)),
            "; ".join(f"{self.in_repository(figure.location.path)}:{figure.location.line} {figure.provenance.quote}"
                      for figure in evidence),
            "; ".join(f"{self.in_repository(figure.location.path)}:{figure.location.line} {figure.provenance.quote}"
                      for figure in year.revisions),
            self.in_repository(target.location.path), str(target.location.line),
        ]


def _ends(value: Interval | None) -> list[str]:
    if value is None:
        return ["", ""]
    return [exact_text(value.lo) or "", exact_text(value.hi) or ""]
