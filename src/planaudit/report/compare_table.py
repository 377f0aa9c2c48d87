"""`planaudit compare --format table`: a rich table per grouping, ranked rows first."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from planaudit.model.comparison import Ranked
from planaudit.model.grouping import Grouping
from planaudit.model.result import Overview
from planaudit.read.text import printable
from planaudit.report.compare import HEADINGS, CompareReporter
from planaudit.report.i18n import WORDS

_UNWRAPPED = 160  # off a terminal (and $COLUMNS unset), the width the tables are drawn for


class CompareTableReporter(CompareReporter):

    def write_tables(self, overview: Overview, tables: dict[Grouping, list[Ranked]]) -> None:
        words = WORDS[self.lang]
        console = Console(file=self.out, width=self.width or _UNWRAPPED, force_terminal=self.color,
                          no_color=not self.color, highlight=False, emoji=False, markup=False)
        console.print(Text(words["compare_title"].format(year=overview.span), style="bold"))
        for grouping, rows in tables.items():
            table = Table(title=words[HEADINGS[grouping]], title_justify="left", box=box.SIMPLE_HEAD,
                          show_edge=False, pad_edge=False)
            for header in [words["rank"], *([words["year"]] if overview.several else []),
                           *self.key_headers(grouping), *self.count_headers(grouping, rows)]:
                table.add_column(header, overflow="fold")
            for row in rows:
                year = [str(row.row.year)] if overview.several else []
                table.add_row(*(Text(printable(cell)) for cell in [self.rank_text(row), *year, *self.key_cells(row.row),
                                                                   *self.count_cells(row, rows)]))
            console.print()
            console.print(table if rows else Text(f"{words[HEADINGS[grouping]]}: {words['no_targets']}"))
        console.print()
        console.print(Text(words["few_measured_note"].format(count=self.min_measured)))
