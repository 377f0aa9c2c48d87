"""`planaudit diff --format table`: the changes for a person at a terminal, a jurisdiction at a time."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from planaudit.model.changes import Change, DiffResult
from planaudit.read.text import printable
from planaudit.report.base import DiffReporter
from planaudit.report.changes import (
    DIFF_WORDS,
    Group,
    change_word,
    definition_name,
    definition_text,
    figure_details,
    groups,
    inconsistency_value,
    moved_text,
    not_compared_text,
    not_compared_word,
    problem_text,
    progress_redefinition_text,
    progress_state_text,
    redefinition_text,
    side_text,
    state_details,
    summary_text,
)

_STYLES = {Change.WORSE: "bold red", Change.BETTER: "green", Change.REMOVED: "bold red", Change.LOOSENED: "bold yellow",
           Change.TIGHTENED: "yellow", Change.REDEFINED: "yellow"}
_WIDTH = 100  # off a terminal (and $COLUMNS unset), the width lines are wrapped at


class DiffTableReporter(DiffReporter):

    def jurisdiction(self, result: DiffResult) -> None:
        buffer = io.StringIO()
        console = Console(file=buffer, width=self.width or _WIDTH, force_terminal=self.color, no_color=not self.color,
                          highlight=False, emoji=False, markup=False)
        console.print(Text(printable(summary_text(result, self.lang)), style="bold"))
        if result.definitions:
            console.print()
            console.print(Text(printable(DIFF_WORDS[self.lang]["definitions_heading"]), style="bold"))
            grid = Table.grid(padding=(0, 2), pad_edge=True)
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            for definition in result.definitions:
                where = f"  ({self.place(definition.location)})" if definition.location else ""
                grid.add_row(Text(change_word(definition, self.lang), style="bold red" if definition.rescales else "yellow"),
                             Text(printable(f"{definition_name(definition, self.lang)}{where}") + "\n"
                                  + printable(definition_text(definition, self.lang))))
            console.print(grid)
        for group in groups(result):
            console.print()
            console.print(Text(printable(group.heading), style="bold"))
            console.print(self._changes(group))
        if result.introduced:
            console.print()
            console.print(Text(printable(DIFF_WORDS[self.lang]["introduced"]), style="bold"))
            for problem in result.introduced:
                console.print(Text(printable(problem_text(problem, self.lang, self.folder)),
                                   style="bold red" if problem.is_error else "yellow"))
        for item in result.not_compared:
            console.print(Text(printable(f"{not_compared_word(item, self.lang)}: {not_compared_text(item, self.lang)}"),
                               style="green" if item.fixed else "bold red"))
        self.out.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))

    def _changes(self, group: Group) -> Table:
        """Each change: its word, what changed, and under it how it stood before and after."""
        grid = Table.grid(padding=(0, 2), pad_edge=True)
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for item in group.targets:
            target = item.target
            redefined = redefinition_text(item, self.lang) or moved_text(item, self.lang)
            self._add(grid, change_word(item, self.lang),
                      f"{target.id}  {target.title}  ({self.place(target.location)})" + (f" — {redefined}" if redefined else ""),
                      state_details(item.before, self.lang, self.folder),
                      state_details(item.after, self.lang, self.folder), item.change)
        for figure in group.figures:
            self._add(grid, change_word(figure, self.lang), f"{DIFF_WORDS[self.lang]['figure']} {figure.figure.metric}",
                      figure_details(figure.before, self.lang, self.folder),
                      figure_details(figure.after, self.lang, self.folder), figure.change)
        for inconsistency in group.inconsistencies:
            self._add(grid, change_word(inconsistency, self.lang),
                      f"{DIFF_WORDS[self.lang]['inconsistency']} {inconsistency.metric}",
                      inconsistency_value(inconsistency, True, self.lang, self.folder),
                      inconsistency_value(inconsistency, False, self.lang, self.folder), inconsistency.change)
        for progress in group.progress:
            period_target = progress.target
            redefined = progress_redefinition_text(progress, self.lang)
            self._add(grid, change_word(progress, self.lang),
                      f"{period_target.id}  {period_target.title}  ({self.place(period_target.location)})"
                      + (f" — {redefined}" if redefined else ""),
                      progress_state_text(progress, True, self.lang, details=True),
                      progress_state_text(progress, False, self.lang, details=True), progress.change)
        return grid

    def _add(self, grid: Table, word: str, what: str, before: str, after: str, change: Change) -> None:
        lines = [printable(what)]
        if change is not Change.ADDED:
            lines.append(printable(side_text(True, before, self.lang)))
        if change is not Change.REMOVED:
            lines.append(printable(side_text(False, after, self.lang)))
        grid.add_row(Text(word, style=_STYLES.get(change, "")), Text("\n".join(lines)))
