"""`--format table`: a rich table per jurisdiction, the inconsistent figures, and a summary line."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from planaudit.model.result import Inconsistency, JurisdictionResult, Overview, TargetResult, Verdict
from planaudit.read.text import printable
from planaudit.report.base import Reporter
from planaudit.report.display import (
    acknowledged_text,
    actual_text,
    cited_documents,
    document_cells,
    figure_place,
    inconsistency_texts,
    reason_text,
    target_id_text,
    threshold_text,
    verdict_text,
)
from planaudit.report.i18n import REASONS, WORDS, summary_line

_UNWRAPPED = 160  # off a terminal (and $COLUMNS unset), the width the report is drawn for
_CELL_LINES = 4  # a cell shows at most this many lines of the table's width
_GAP = 2  # columns between two columns of a table (rich's padding, on both sides)
_CARDS = 100  # the widest a table of three-line rows is drawn
_WIDE = 200  # columns from which a target's row is one line of columns, not three lines
_STYLES = {Verdict.MET: "green", Verdict.MISSED: "bold red", Verdict.UNMEASURED: "yellow", Verdict.PARTLY: "red"}


@dataclass(frozen=True)
class TablePiece:
    """A jurisdiction's table as drawn, and its rows of the inconsistent figures' table at the end."""

    drawn: str
    inconsistencies: list[tuple[str, ...]]


class TableReporter(Reporter[TablePiece]):

    def begin(self, overview: Overview, out: TextIO) -> None:
        super().begin(overview, out)
        self.rows: list[tuple[str, ...]] = []  # the inconsistent figures, drawn as one table at the end

    def piece(self, result: JurisdictionResult) -> TablePiece:
        words = WORDS[self.lang]
        console, buffer = self._console()
        heading = f"{result.year} · " * self.several_years + f"{result.name} ({result.slug})"
        if result.results:
            heading += f" · {self.in_repository(result.results[0].target.location.path)}"
        titles = dict.fromkeys(title for _, document in cited_documents(result)
                               if (title := document_cells(document, self.lang)[0]))
        if titles:  # the documents its rows quote: the plan's, then the reports'
            heading += " · " + "、".join(f"《{title}》" for title in titles)
        console.print(Text(self._cell(heading).plain, style="bold"))
        console.print(self._targets(list(result.results)) if result.results else Text(words["no_targets"]))
        console.print()
        return TablePiece(_unpadded(buffer.getvalue()),
                          [self._inconsistency_row(result.year, item) for item in result.inconsistencies])

    def add(self, piece: TablePiece) -> None:
        self.out.write(piece.drawn)
        self.rows += piece.inconsistencies

    def end(self, overview: Overview) -> None:
        console, buffer = self._console()
        if self.rows:  # every inconsistent figure, an acknowledged one too
            console.print(self._inconsistencies(self.rows))
            console.print()
        for year in overview.years:
            console.print(Text(summary_line(self.lang, year.year, year.summary)))
        if overview.several:
            console.print(Text(summary_line(self.lang, overview.span, overview.summary)))
        if overview.not_judged:
            console.print(Text(WORDS[self.lang]["not_judged"].format(slugs=", ".join(overview.not_judged)), style="bold red"))
        self.out.write(_unpadded(buffer.getvalue()))

    def _console(self) -> tuple[Console, io.StringIO]:
        buffer = io.StringIO()
        console = Console(file=buffer, width=self.width or _UNWRAPPED, force_terminal=self.color,
                          no_color=not self.color, highlight=False, emoji=False, markup=False)
        return console, buffer

    def _targets(self, items: list[TargetResult]) -> Table:
        """One row per target, numbered as `explain` accepts them. From _WIDE columns, a column each;
        narrower, three lines — title; threshold and actual; id, line and reason — beside its verdict."""
        if (self.width or _UNWRAPPED) >= _WIDE:
            return self._wide_table(items)
        words = WORDS[self.lang]
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, leading=1)
        verdicts = [self._verdict(item) for item in items]
        number_width = len(str(len(items)))
        verdict_width = max(cell_len(text) for text in [words["verdict"], *(verdict.plain for verdict in verdicts)])
        width = min(self.width or _UNWRAPPED, _CARDS)  # wider, the verdict would stand far from its title
        title_width = max(10, width - number_width - verdict_width - 3 * _GAP)
        table.add_column("#", justify="right", no_wrap=True, width=number_width)
        table.add_column(words["target"], no_wrap=True, overflow="ellipsis", width=title_width)
        table.add_column(words["verdict"], no_wrap=True, width=verdict_width)
        for number, item in enumerate(items, 1):
            measured = f"{threshold_text(item, self.lang)} · {actual_text(item, self.lang)}"
            why = f"{self._where(item)} · {REASONS[self.lang][item.reason]}"  # an inconsistency shows in the actual
            lines = [printable(item.target.title), printable(measured), printable(why)]
            table.add_row(str(number), Text("\n".join(lines)), verdicts[number - 1])
        return table

    def _wide_table(self, items: list[TargetResult]) -> Table:
        words = WORDS[self.lang]
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column(words["target"], ratio=1, overflow="fold")
        table.add_column(words["threshold"], overflow="fold")
        table.add_column(words["actual"], overflow="fold")
        table.add_column(words["verdict"], no_wrap=True)
        table.add_column(words["reason"], overflow="fold")
        table.add_column(words["id"], no_wrap=True)  # copied into `explain`: never wrapped
        table.add_column(words["line"], justify="right", no_wrap=True)
        for number, item in enumerate(items, 1):
            table.add_row(
                str(number),
                self._cell(item.target.title),
                self._cell(threshold_text(item, self.lang)),
                self._cell(actual_text(item, self.lang)),
                self._verdict(item),
                self._cell(reason_text(item, self.lang)),
                self._cell(target_id_text(item)),
                str(item.target.location.line),
            )
        return table

    def _verdict(self, item: TargetResult) -> Text:
        return Text(verdict_text(item, self.lang), style=_STYLES[item.verdict])

    def _where(self, item: TargetResult) -> str:
        return WORDS[self.lang]["id_at_line"].format(id=target_id_text(item), line=item.target.location.line)

    def _cell(self, text: str) -> Text:
        """A cell from data: shown literally (no escape sequence reaches the terminal) and cut to
        what the table can show — a few lines of its width; json and csv keep the whole text."""
        return Text(clipped(printable(text), _CELL_LINES * (self.width or _UNWRAPPED)))

    def _inconsistency_row(self, year: int, item: Inconsistency) -> tuple[str, ...]:
        stated, derived = inconsistency_texts(item)
        return (*[str(year)] * self.several_years, *(self._cell(text).plain for text in (
            item.figure.jurisdiction, item.metric.label.text(self.lang) + acknowledged_text(item, self.lang, " — "), stated,
            derived, figure_place(item.figure, self.folder))))

    def _inconsistencies(self, rows: list[tuple[str, ...]]) -> Table:
        words = WORDS[self.lang]
        table = Table(title=words["inconsistencies"], title_justify="left", box=box.SIMPLE_HEAD,
                      show_edge=False, pad_edge=False)
        if self.several_years:
            table.add_column(words["year"], no_wrap=True)
        table.add_column(words["jurisdiction"], overflow="fold")
        table.add_column(words["metric"], ratio=1)  # wraps between words
        for key in ("stated", "derived_value"):
            table.add_column(words[key], overflow="fold")
        table.add_column(words["file"], no_wrap=True)  # a path split over lines cannot be copied
        for row in rows:
            table.add_row(*map(Text, row))
        return table


def clipped(text: str, limit: int) -> str:
    """``text``, or its first ``limit`` characters and an ellipsis."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _unpadded(text: str) -> str:
    """The lines without the spaces rich pads them with."""
    return "".join(line.rstrip() + "\n" for line in text.splitlines())
