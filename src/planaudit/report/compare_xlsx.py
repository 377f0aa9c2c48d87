"""`planaudit compare -o comparison.xlsx`: a sheet per grouping, its counts as numbers (so that a
spreadsheet can sort and add them), the share met of the measured beside its numerator and denominator."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from planaudit.model.comparison import Ranked
from planaudit.model.grouping import Grouping
from planaudit.model.result import Overview
from planaudit.report.compare import HEADINGS, CompareReporter, percent
from planaudit.report.i18n import WORDS
from planaudit.report.markdown import report_date
from planaudit.report.xlsx_report import Sheets


class CompareXlsxReporter(CompareReporter):
    binary = True

    def write_tables(self, overview: Overview, tables: dict[Grouping, list[Ranked]]) -> None:
        import xlsxwriter  # imported only when a workbook is written

        words = WORDS[self.lang]
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                                "strings_to_urls": False, "strings_to_numbers": False})
        workbook.set_properties({"title": words["compare_title"].format(year=overview.span),
                                 "created": dt.datetime.combine(report_date(), dt.time())})
        sheets = Sheets(workbook, self.lang)
        note = words["few_measured_note"].format(count=self.min_measured)
        for grouping, rows in tables.items():
            headers = [words["rank"], words["year"], *self.key_headers(grouping), words["targets"], words["met"],
                       words["missed"], words["partly_count"], words["unmeasured"], words["asserted_count"],
                       words["waived_count"], words["measured_met"], words["measured"], words["met_of_measured"],
                       words["few_measured"], words["inconsistent_figures"],
                       *([words["directions"]] if grouping is Grouping.JURISDICTION else [])]
            sheets.table(words[HEADINGS[grouping]], headers, [self._row(row) for row in rows], [note])
        workbook.close()
        self.out.flush()
        self.out.buffer.write(buffer.getvalue())  # type: ignore[attr-defined]

    def _row(self, ranked_row: Ranked) -> list[Any]:
        row, counts = ranked_row.row, ranked_row.row.counts
        share = counts.share_met_measured
        return ["" if ranked_row.rank is None else ranked_row.rank, row.year, *self.key_cells(row), counts.targets,
                counts.met, counts.missed, counts.partly, counts.unmeasured, counts.asserted, counts.waived,
                counts.met_measured, counts.measured, "—" if share is None else percent(share),
                WORDS[self.lang]["yes"] if ranked_row.few_measured else "", counts.inconsistent,
                *([counts.directions] if row.grouping is Grouping.JURISDICTION else [])]
