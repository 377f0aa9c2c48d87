"""`planaudit progress -o progress.xlsx`: a workbook — the roll-up, a sheet per jurisdiction (a row
per target: its base and end, each year's status, the latest figure, p, e, the gap, the need per
year, the history), and a sheet of the figures year by year with a line chart per target.

Every value in a cell is its exact text; a chart's points are Excel's numbers (binary floating
point: drawn, never judged on). Data is written with ``write_string``, so a title beginning with
"=" is text, never a formula. Written by XlsxWriter, as `check`'s workbook is."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from planaudit.model.period import ProgressResult, TargetProgress
from planaudit.report.base import ProgressReporter
from planaudit.report.markdown import report_date
from planaudit.report.progress import (
    STATUSES,
    WORDS,
    base_text,
    end_text,
    history_text,
    latest_cells,
    rollup_text,
    status_text,
    title_text,
)
from planaudit.report.xlsx_report import Sheets

_CHART_ROWS = 16  # the rows a chart takes on the figures' sheet


class ProgressXlsxReporter(ProgressReporter):
    binary = True

    def jurisdiction(self, result: ProgressResult) -> None:
        """The whole workbook (a progress is one whole, begun and handed once)."""
        import xlsxwriter  # imported only when a workbook is written

        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                                "strings_to_numbers": False})
        workbook.set_properties({"title": title_text(result, self.lang),
                                 "created": dt.datetime.combine(report_date(), dt.time())})
        sheets = Sheets(workbook, self.lang)
        counts = [[STATUSES[self.lang][status], count] for status, count in result.rollup()]
        sheets.table(WORDS[self.lang]["status"], [WORDS[self.lang]["status"], WORDS[self.lang]["count"]], counts,
                     [title_text(result, self.lang), rollup_text(result, self.lang)])
        words = WORDS[self.lang]
        years = [str(year) for year in range(result.first, result.as_of + 1)]
        headers = [words["target"], words["kind"], words["base"], words["end"], *years, words["data"], words["covered"],
                   words["expected"], words["gap"], words["needed"], words["history"], words["file"]]
        for slug, name in result.names.items():
            rows = [self._row(item) for item in result.targets if item.target.jurisdiction == slug]
            sheets.table(slug, headers, rows, title=f"{name} ({slug})")
        self._charts(workbook, sheets.unique(WORDS[self.lang]["chart"]), result)
        workbook.close()
        self.out.flush()
        self.out.buffer.write(buffer.getvalue())  # type: ignore[attr-defined]

    def _row(self, item: TargetProgress) -> list[Any]:
        target = item.target
        return [f"{target.id} {target.title}", target.kind.value, base_text(target, item.unit, self.lang),
                end_text(target, item.unit, item.symbol, self.lang), *(status_text(year, self.lang) for year in item.years),
                *latest_cells(item, self.lang), history_text(item, self.lang), self.place(target.location)]

    def _charts(self, workbook: Any, name: str, result: ProgressResult) -> None:
        """The figures of each target with two or more of its own years, a year a column, and a line chart of each."""
        sheet = workbook.add_worksheet(name)
        years = list(range(result.first, result.as_of + 1))
        sheet.write_string(0, 0, WORDS[self.lang]["target"])
        for column, each in enumerate(years, 1):
            sheet.write_number(0, column, each)
        charted = [item for item in result.targets if sum(year.value is not None and year.value.is_exact
                                                          and year.data_year == year.year for year in item.years) >= 2]
        for row, item in enumerate(charted, 1):
            sheet.write_string(row, 0, f"{item.target.jurisdiction}/{item.target.id}")
            for column, year in enumerate(item.years, 1):
                if year.value is not None and year.value.is_exact and year.data_year == year.year:
                    sheet.write_number(row, column, float(year.value.point))  # a point to draw: Excel holds doubles
        for index, item in enumerate(charted):
            chart = workbook.add_chart({"type": "line"})
            chart.add_series({"name": f"{item.target.jurisdiction}/{item.target.id}",
                              "categories": [sheet.name, 0, 1, 0, len(years)],
                              "values": [sheet.name, index + 1, 1, index + 1, len(years)], "marker": {"type": "circle"}})
            chart.set_title({"name": f"{item.target.jurisdiction}/{item.target.id}"})
            chart.set_legend({"none": True})
            sheet.insert_chart(len(charted) + 2 + index * _CHART_ROWS, 0, chart)
