"""`planaudit diff --format markdown`: a pull-request comment — a one-line summary, a table of the
targets that changed, and the evidence before and after folded in `<details>`. Every cell is
escaped as the audit's Markdown escapes it."""

from __future__ import annotations

from collections.abc import Sequence

from planaudit.model.changes import Change, DefinitionChange, DiffResult, TargetChange
from planaudit.report.base import DiffReporter
from planaudit.report.changes import (
    DIFF_WORDS,
    Group,
    change_word,
    definition_text,
    figure_details,
    groups,
    inconsistency_value,
    not_compared_text,
    not_compared_word,
    problem_text,
    redefinition_text,
    side_text,
    state_details,
    state_text,
    summary_text,
    unlisted_errors,
)
from planaudit.report.markdown import cell, table

_BOLD = frozenset({Change.WORSE, Change.REMOVED, Change.LOOSENED})  # what a reviewer must not miss


class DiffMarkdownReporter(DiffReporter):

    def jurisdiction(self, result: DiffResult) -> None:
        words = DIFF_WORDS[self.lang]
        blocks = [f"**{words['title']}** {cell(summary_text(result, self.lang))}"]
        if result.definitions:
            blocks.append(f"**{cell(words['definitions_heading'])}**\n\n" + "\n".join(
                self._definition(item) for item in result.definitions))
        if result.targets:
            blocks.append(self._targets_table(result.targets))
        if result.not_compared:
            blocks.append("\n".join(f"- **{cell(not_compared_word(item, self.lang))}**: "
                                    f"{cell(not_compared_text(item, self.lang))}" for item in result.not_compared))
        for heading, problems in (("introduced", result.introduced), ("errors", unlisted_errors(result))):
            if problems:
                blocks.append(f"**{cell(words[heading])}**\n\n" + "\n".join(
                    f"- {cell(problem_text(problem, self.lang))}" for problem in problems))
        details = [self._group(group) for group in groups(result)]
        if details:
            blocks.append(f"<details><summary>{cell(words['details'])}</summary>\n\n" + "\n\n".join(details)
                          + "\n\n</details>")
        self.out.write("\n\n".join(blocks) + "\n")

    def _definition(self, item: DefinitionChange) -> str:
        word = cell(change_word(item, self.lang))
        where = f" ({cell(str(item.location))})" if item.location else ""
        return (f"- {f'**{word}**' if item.rescales or item.change is Change.REMOVED else word} "
                f"{cell(DIFF_WORDS[self.lang][item.kind])} `{item.name}`{where}: {cell(definition_text(item, self.lang))}")

    def _targets_table(self, changes: Sequence[TargetChange]) -> str:
        words = DIFF_WORDS[self.lang]
        headers = [words["change"], words["year"], words["jurisdiction"], words["target"], words["before"].capitalize(),
                   words["after"].capitalize()]
        rows = [[self._change(item), str(item.year), f"{cell(item.name)} ({item.jurisdiction})", self._target(item),
                 cell(state_text(item.before, self.lang)), cell(state_text(item.after, self.lang))]
                for item in changes if item.moved_from is None]
        moved: dict[tuple[int, str, tuple[int, str]], list[TargetChange]] = {}
        for item in changes:
            if item.moved_from is not None:
                moved.setdefault((item.year, item.jurisdiction, item.moved_from), []).append(item)
        for (year, _, (from_year, from_jurisdiction)), items in moved.items():  # a plan moved: one row
            said = words["moved_targets"].format(count=len(items), year=from_year, jurisdiction=from_jurisdiction)
            rows.append([self._change(items[0]), str(year), f"{cell(items[0].name)} ({items[0].jurisdiction})",
                         cell(said), words["none"], words["none"]])
        return table(headers, rows)

    def _change(self, item: TargetChange) -> str:
        word = cell(change_word(item, self.lang))
        return f"**{word}**" if item.change in _BOLD else word

    def _target(self, item: TargetChange) -> str:
        redefined = redefinition_text(item, self.lang)
        return f"`{item.target.id}` {cell(item.target.title)}" + (f" — {cell(redefined)}" if redefined else "")

    def _group(self, group: Group) -> str:
        words = DIFF_WORDS[self.lang]
        lines = [f"#### {cell(group.heading)}"]
        for item in group.targets:
            target = item.target
            lines += ["", f"`{target.id}` {cell(target.title)} ({cell(str(target.location))}): "
                          f"**{cell(change_word(item, self.lang))}**",
                      f"- {cell(side_text(True, state_details(item.before, self.lang), self.lang))}",
                      f"- {cell(side_text(False, state_details(item.after, self.lang), self.lang))}"]
        for figure in group.figures:
            metric = figure.figure.metric
            lines += ["", f"{cell(words['figure'])} `{metric}`: **{cell(change_word(figure, self.lang))}**",
                      f"- {cell(side_text(True, figure_details(figure.before, self.lang), self.lang))}",
                      f"- {cell(side_text(False, figure_details(figure.after, self.lang), self.lang))}"]
        for inconsistency in group.inconsistencies:
            metric = inconsistency.metric
            lines += ["", f"{cell(words['inconsistency'])} `{metric}`: **{cell(change_word(inconsistency, self.lang))}**",
                      f"- {cell(side_text(True, inconsistency_value(inconsistency, True, self.lang), self.lang))}",
                      f"- {cell(side_text(False, inconsistency_value(inconsistency, False, self.lang), self.lang))}"]
        return "\n".join(lines)
