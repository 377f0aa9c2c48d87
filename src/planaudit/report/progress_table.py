"""`planaudit progress --format table`: for a person at a terminal — per jurisdiction, a line per
target: its base and end, each year's status, the latest figure, p, e, the gap and what each
remaining year needs, a sparkline of its figures, and its history; then the roll-up."""

from __future__ import annotations

from tabulate import tabulate

from planaudit.model.period import ProgressResult, TargetProgress
from planaudit.read.text import printable
from planaudit.report.base import ProgressReporter
from planaudit.report.progress import (
    WORDS,
    base_text,
    end_text,
    history_text,
    latest_cells,
    rollup_text,
    sparkline,
    status_text,
    title_text,
)


class ProgressTableReporter(ProgressReporter):

    def jurisdiction(self, result: ProgressResult) -> None:
        lines = [title_text(result, self.lang)]
        for slug, name in result.names.items():
            targets = [item for item in result.targets if item.target.jurisdiction == slug]
            lines += ["", printable(f"{name} ({slug})"), self._table(result, targets)]
        lines += ["", rollup_text(result, self.lang)]
        self.out.write("\n".join(lines) + "\n")

    def _table(self, result: ProgressResult, targets: list[TargetProgress]) -> str:
        words = WORDS[self.lang]
        years = list(range(result.first, result.as_of + 1))
        headers = [words["target"], words["kind"], words["base"], words["end"], *map(str, years), words["data"],
                   words["covered"], words["expected"], words["gap"], words["needed"], words["chart"], words["history"]]
        rows = [self._row(result, item) for item in targets]
        return tabulate(rows, headers, tablefmt="simple", disable_numparse=True)

    def _row(self, result: ProgressResult, item: TargetProgress) -> list[str]:
        target = item.target
        statuses = [status_text(year, self.lang) for year in item.years]
        return [printable(target.id), target.kind.value, base_text(target, item.unit, self.lang),
                end_text(target, item.unit, item.symbol, self.lang), *statuses, *latest_cells(item, self.lang),
                sparkline(item), history_text(item, self.lang)]
