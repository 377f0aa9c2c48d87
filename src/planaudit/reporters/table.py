"""`--format table`: a rich table per jurisdiction, the inconsistent figures, and a summary line."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..i18n import WORDS, summary_line
from ..result import AuditResult, TargetResult, Verdict
from ..text import printable
from .base import Reporter
from .display import (
    actual_text,
    figure_place,
    inconsistency_texts,
    reason_text,
    threshold_text,
    verdict_text,
)

_UNWRAPPED = 160  # off a terminal: wide enough that rows rarely wrap
_STYLES = {Verdict.MET: "green", Verdict.MISSED: "bold red", Verdict.UNMEASURED: "yellow"}


class TableReporter(Reporter):
    name = "table"

    def render(self, result: AuditResult) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, width=self.width or _UNWRAPPED, force_terminal=self.color,
                          no_color=not self.color, highlight=False, emoji=False, markup=False)
        words = WORDS[self.lang]
        for jurisdiction, items in result.by_jurisdiction().items():
            console.print(Text(f"{printable(result.names[jurisdiction])} ({jurisdiction})", style="bold"))
            console.print(self._targets(items) if items else Text(words["no_targets"]))
            console.print()
        if result.inconsistencies:
            console.print(self._inconsistencies(result))
            console.print()
        summary = result.summary
        console.print(Text(summary_line(self.lang, result.year, summary.targets, summary.met, summary.missed,
                                        summary.unmeasured, summary.waived, summary.inconsistent)))
        return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())

    def _targets(self, items: list[TargetResult]) -> Table:
        words = WORDS[self.lang]
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(words["target"], ratio=1, overflow="fold")
        for key in ("threshold", "actual", "verdict", "reason"):
            table.add_column(words[key], overflow="fold")
        for item in items:
            table.add_row(
                Text(printable(item.target.title)),
                Text(threshold_text(item, self.lang)),
                Text(actual_text(item, self.lang)),
                Text(verdict_text(item, self.lang), style=_STYLES[item.verdict]),
                Text(reason_text(item, self.lang)),
            )
        return table

    def _inconsistencies(self, result: AuditResult) -> Table:
        words = WORDS[self.lang]
        table = Table(title=words["inconsistencies"], title_justify="left", box=box.SIMPLE_HEAD,
                      show_edge=False, pad_edge=False)
        for key in ("jurisdiction", "metric", "stated", "derived_value", "file"):
            table.add_column(words[key], overflow="fold")
        for item in result.inconsistencies:
            stated, derived = inconsistency_texts(item)
            table.add_row(Text(item.figure.jurisdiction), Text(printable(item.metric.label.text(self.lang))),
                          Text(stated), Text(derived), Text(figure_place(item.figure)))
        return table
