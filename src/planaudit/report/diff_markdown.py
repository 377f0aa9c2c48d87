"""`planaudit diff --format markdown`: a pull-request comment — a one-line summary, a table of the
targets that changed, and the evidence before and after folded in `<details>`. Every cell is
escaped as the audit's Markdown escapes it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from planaudit.model.changes import Change, DefinitionChange, DiffResult, ProgressChange, TargetChange
from planaudit.report.base import DiffReporter, Limit
from planaudit.report.changes import (
    DIFF_WORDS,
    ORDER,
    Group,
    change_word,
    definition_text,
    figure_details,
    groups,
    inconsistency_value,
    not_compared_text,
    not_compared_word,
    problem_text,
    progress_redefinition_text,
    progress_state_text,
    redefinition_text,
    side_text,
    state_details,
    state_text,
    summary_text,
    unlisted_errors,
)
from planaudit.report.markdown import cell, most_rows, table


@dataclass(frozen=True)
class Section:
    """A part of the comment that can be cut: its rows, and its text with the first so many of them."""

    items: Sequence[object]
    render: Callable[[int], str]


def _within(limit: Limit, room: int, text: str) -> bool:
    return limit.of(text) <= room


def _first_lines(prefix: str, lines: Sequence[str], count: int) -> str:
    return prefix + "\n".join(lines[:count])


def _first_rows(headers: Sequence[str], rows: Sequence[Sequence[str]], count: int) -> str:
    return table(headers, rows[:count])


_BOLD = frozenset({Change.WORSE, Change.REMOVED, Change.LOOSENED})  # what a reviewer must not miss


class DiffMarkdownReporter(DiffReporter):

    def jurisdiction(self, result: DiffResult) -> None:
        words = DIFF_WORDS[self.lang]
        title = f"**{words['title']}** {cell(summary_text(result, self.lang))}"
        sections = self._sections(result)
        details = [self._group(group) for group in groups(result)]
        blocks = [title, *(section.render(len(section.items)) for section in sections if section.items)]
        if details:
            blocks.append(f"<details><summary>{cell(words['details'])}</summary>\n\n" + "\n\n".join(details)
                          + "\n\n</details>")
        text = "\n\n".join(blocks) + "\n"
        if self.limit is not None and self.limit.of(text) > self.limit.size:
            text = self._cut(title, sections, self.limit)
        self.out.write(text)

    def _sections(self, result: DiffResult) -> list[Section]:
        """What the comment lists, most important first: what rules/ redefines, the targets that
        changed, the problems the change brings, the errors at the head, what was not compared."""
        words = DIFF_WORDS[self.lang]

        def listed(heading: str | None, lines: list[str]) -> Section:
            prefix = f"**{cell(words[heading])}**\n\n" if heading else ""
            return Section(lines, functools.partial(_first_lines, prefix, lines))

        rows = self._target_rows(result.targets) + self._progress_rows(result.progress)
        headers = [words["change"], words["year"], words["jurisdiction"], words["target"], words["before"].capitalize(),
                   words["after"].capitalize()]
        problems = [[f"- {cell(problem_text(problem, self.lang, self.folder))}" for problem in found]
                    for found in (result.introduced, unlisted_errors(result))]
        return [listed("definitions_heading", [self._definition(item) for item in result.definitions]),
                Section(rows, functools.partial(_first_rows, headers, rows)),
                listed(None, [f"- **{cell(not_compared_word(item, self.lang))}**: {cell(not_compared_text(item, self.lang))}"
                              for item in result.not_compared]),
                listed("introduced", problems[0]), listed("errors", problems[1])]

    def _cut(self, title: str, sections: list[Section], limit: Limit) -> str:
        """The comment within ``limit``: each section's first rows while they fit, in order, then how
        many were left out; the evidence folded under the table is left to the full report."""
        words = DIFF_WORDS[self.lang]
        reserve = limit.of(words["cut"].format(count=10**9)) + 16  # the last line's room
        blocks, left_out = [title], 0
        for section in sections:
            if not section.items:
                continue
            room = limit.size - reserve - limit.of("\n\n".join(blocks)) - 2
            shown = most_rows(section.render, len(section.items), functools.partial(_within, limit, room))
            if shown:
                blocks.append(section.render(shown))
            left_out += len(section.items) - shown
        ending = words["cut"].format(count=left_out) if left_out else words["cut_details"]
        return "\n\n".join([*blocks, f"*{cell(ending)}*"]) + "\n"

    def _definition(self, item: DefinitionChange) -> str:
        word = cell(change_word(item, self.lang))
        where = f" ({cell(self.place(item.location))})" if item.location else ""
        return (f"- {f'**{word}**' if item.rescales or item.change is Change.REMOVED else word} "
                f"{cell(DIFF_WORDS[self.lang][item.kind])} `{item.name}`{where}: {cell(definition_text(item, self.lang))}")

    def _target_rows(self, changes: Sequence[TargetChange]) -> list[list[str]]:
        """A row for each target changed — one for the targets of a plan that moved — most telling first."""
        words = DIFF_WORDS[self.lang]
        ordered = sorted(changes, key=lambda item: ORDER.index(item.change))
        rows = [[self._change(item), str(item.year), f"{cell(item.name)} ({item.jurisdiction})", self._target(item),
                 cell(state_text(item.before, self.lang)), cell(state_text(item.after, self.lang))]
                for item in ordered if item.moved_from is None]
        moved: dict[tuple[int, str, tuple[int, str]], list[TargetChange]] = {}
        for item in ordered:
            if item.moved_from is not None:
                moved.setdefault((item.year, item.jurisdiction, item.moved_from), []).append(item)
        for (year, _, (from_year, from_jurisdiction)), items in moved.items():  # a plan moved: one row
            said = words["moved_targets"].format(count=len(items), year=from_year, jurisdiction=from_jurisdiction)
            rows.append([self._change(items[0]), str(year), f"{cell(items[0].name)} ({items[0].jurisdiction})",
                         cell(said), words["none"], words["none"]])
        return rows

    def _progress_rows(self, changes: Sequence[ProgressChange]) -> list[list[str]]:
        """A row for each period target changed, most telling first: its period in the year's column."""
        ordered = sorted(changes, key=lambda item: ORDER.index(item.change))
        return [[self._change(item), item.period, f"{cell(item.name)} ({item.jurisdiction})", self._period_target(item),
                 cell(progress_state_text(item, True, self.lang)), cell(progress_state_text(item, False, self.lang))]
                for item in ordered]

    def _period_target(self, item: ProgressChange) -> str:
        redefined = progress_redefinition_text(item, self.lang)
        return f"`{item.target.id}` {cell(item.target.title)}" + (f" — {cell(redefined)}" if redefined else "")

    def _change(self, item: TargetChange | ProgressChange) -> str:
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
            lines += ["", f"`{target.id}` {cell(target.title)} ({cell(self.place(target.location))}): "
                          f"**{cell(change_word(item, self.lang))}**",
                      f"- {cell(side_text(True, state_details(item.before, self.lang, self.folder), self.lang))}",
                      f"- {cell(side_text(False, state_details(item.after, self.lang, self.folder), self.lang))}"]
        for figure in group.figures:
            metric = figure.figure.metric
            lines += ["", f"{cell(words['figure'])} `{metric}`: **{cell(change_word(figure, self.lang))}**",
                      f"- {cell(side_text(True, figure_details(figure.before, self.lang, self.folder), self.lang))}",
                      f"- {cell(side_text(False, figure_details(figure.after, self.lang, self.folder), self.lang))}"]
        for inconsistency in group.inconsistencies:
            metric = inconsistency.metric
            lines += ["", f"{cell(words['inconsistency'])} `{metric}`: **{cell(change_word(inconsistency, self.lang))}**",
                      f"- {cell(side_text(True, inconsistency_value(inconsistency, True, self.lang, self.folder), self.lang))}",
                      f"- {cell(side_text(False, inconsistency_value(inconsistency, False, self.lang, self.folder), self.lang))}"]
        for progress in group.progress:
            period_target = progress.target
            sides = [progress_state_text(progress, before, self.lang, details=True) for before in (True, False)]
            lines += ["", f"`{period_target.id}` {cell(period_target.title)} ({cell(self.place(period_target.location))}): "
                          f"**{cell(change_word(progress, self.lang))}**",
                      f"- {cell(side_text(True, sides[0], self.lang))}", f"- {cell(side_text(False, sides[1], self.lang))}"]
        return "\n".join(lines)
