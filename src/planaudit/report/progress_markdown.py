"""`planaudit progress --format markdown`: the period's progress to publish — the roll-up, then per
jurisdiction a table of its targets' statuses year by year, and a Mermaid line chart per target
of its figures (titled by the target's id, a slug: nothing of the data's text goes into Mermaid)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from planaudit.exact.numbers import format_number
from planaudit.model.period import ProgressResult, TargetProgress
from planaudit.report.base import ProgressReporter
from planaudit.report.markdown import cell, table
from planaudit.report.progress import (
    WORDS,
    base_text,
    end_text,
    history_text,
    latest_cells,
    rollup_text,
    status_text,
    title_text,
)


class ProgressMarkdownReporter(ProgressReporter):

    def jurisdiction(self, result: ProgressResult) -> None:
        parts = [f"# {cell(title_text(result, self.lang))}", "", f"**{cell(rollup_text(result, self.lang))}**"]
        words = WORDS[self.lang]
        years = [str(year) for year in range(result.first, result.as_of + 1)]
        for slug, name in result.names.items():
            targets = [item for item in result.targets if item.target.jurisdiction == slug]
            headers = [words["target"], words["base"], words["end"], *years, words["data"], words["covered"],
                       words["expected"], words["gap"], words["needed"], words["history"]]
            parts += ["", f"## {cell(name)} ({cell(slug)})", "", table(headers, [self._row(item) for item in targets])]
            parts += [chart for item in targets if (chart := self._chart(item, result))]
        self.out.write("\n".join(parts) + "\n")

    def _row(self, item: TargetProgress) -> list[str]:
        target, unit = item.target, item.unit
        title = f"`{target.id}` {cell(target.title)} — [{self.in_repository(target.location.path)}:{target.location.line}]"
        return [title, cell(base_text(target, unit, self.lang)), cell(end_text(target, unit, item.symbol, self.lang)),
                *(cell(status_text(year, self.lang)) for year in item.years),
                *(cell(text) for text in latest_cells(item, self.lang)), cell(history_text(item, self.lang))]

    def _chart(self, item: TargetProgress, result: ProgressResult) -> str:
        """A Mermaid xychart of the target's figures, the base first; "" when it has fewer than two."""
        points: list[tuple[int, Decimal | Fraction]] = []
        target = item.target
        if target.base is not None and not target.kind.chained:
            points.append((target.base.used.year, target.base.used.value))
        for year in item.years:
            if year.value is not None and year.data_year == year.year and year.value.is_exact:
                points.append((year.year, year.value.point))
        if len(points) < 2:
            return ""
        xs = ", ".join(str(year) for year, _ in points)
        ys = ", ".join(format_number(value) for _, value in points)
        return "\n".join(["", "```mermaid", "xychart-beta", f'    title "{target.jurisdiction} {target.id}"',
                          f"    x-axis [{xs}]", f"    line [{ys}]", "```"])
