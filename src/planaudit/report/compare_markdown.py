"""`planaudit compare --format markdown`: a table per grouping, every cell escaped."""

from __future__ import annotations

from planaudit.model.comparison import Ranked
from planaudit.model.grouping import Grouping
from planaudit.model.result import Overview
from planaudit.report.compare import HEADINGS, CompareReporter
from planaudit.report.i18n import WORDS
from planaudit.report.markdown import cell, table


class CompareMarkdownReporter(CompareReporter):

    def write_tables(self, overview: Overview, tables: dict[Grouping, list[Ranked]]) -> None:
        words = WORDS[self.lang]
        parts = [f"# {cell(words['compare_title'].format(year=overview.span))}",
                 cell(words["few_measured_note"].format(count=self.min_measured))]
        for grouping, rows in tables.items():
            headers = [words["rank"], *([words["year"]] if overview.several else []), *self.key_headers(grouping),
                       *self.count_headers(grouping, rows)]
            shown = [[cell(text) for text in [self.rank_text(row), *([str(row.row.year)] if overview.several else []),
                                              *self.key_cells(row.row), *self.count_cells(row, rows)]] for row in rows]
            parts += [f"## {words[HEADINGS[grouping]]}", table(headers, shown) if shown else words["no_targets"]]
        self.out.write("\n\n".join(parts) + "\n")
