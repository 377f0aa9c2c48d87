"""`planaudit compare --format csv`: one row per row of every grouping, for spreadsheets; escaped as
`check`'s CSV is (see :func:`planaudit.report.csv_report.spreadsheet_safe`)."""

from __future__ import annotations

import csv
from dataclasses import fields

from planaudit.model.comparison import Counts, Ranked
from planaudit.model.grouping import Grouping
from planaudit.model.result import Overview
from planaudit.report.compare import CompareReporter
from planaudit.report.compare_json import row_data
from planaudit.report.csv_report import BOM, spreadsheet_safe

COLUMNS = ("grouping", "year", "jurisdiction", "name", "section", "kind", "rule", "rank", "few_measured",
           *(item.name for item in fields(Counts)), "measured", "share_met_measured")


class CompareCsvReporter(CompareReporter):

    def write_tables(self, overview: Overview, tables: dict[Grouping, list[Ranked]]) -> None:
        self.out.write(BOM)
        writer = csv.writer(self.out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for grouping, rows in tables.items():
            for row in rows:
                data = {"grouping": grouping.value, **row_data(row)}
                writer.writerow([spreadsheet_safe(_text(data.get(column))) for column in COLUMNS])


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
