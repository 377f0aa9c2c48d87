"""`planaudit diff --format github`: annotations of a pull request's changes, most severe first,
each at a line the change made and naming what it affects; then every change, folded in a
``::group::`` per jurisdiction and year.

A metric, rule, scope or setting changed is annotated at its line in rules/. A target removed or
redefined (loosened, tightened) is an error when --fail-on removed (redefined, loosened) fails the
run, else a warning, at the target's line (the base's, for one removed). A verdict that got worse
is an error when --fail-on worse fails the run, else a warning — at the line of the changed figure
it now rests on, or, when it rests on none (a figure removed), at the target's line. An
inconsistent figure that appeared or got worse, likewise under --fail-on inconsistent, at its
line; a problem the change introduced at its line; a period target whose status got worse, that was
removed or redefined, at its line, likewise under --fail-on worse (removed, redefined). Every other
figure changed is a notice at its line naming the targets whose verdict it moved; the other changes of a jurisdiction and year are
one notice ("2022 fuzhou: 2 better, 3 added"). GitHub shows ten annotations of each level per step:
past ten, one more counts the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from planaudit.model.changes import (
    REDEFINITIONS,
    Change,
    DefinitionChange,
    DiffResult,
    FigureChange,
    InconsistencyChange,
    ProgressChange,
    TargetChange,
)
from planaudit.model.problems import Problem
from planaudit.read.text import printable
from planaudit.report.base import DiffReporter
from planaudit.report.changes import (
    DIFF_WORDS,
    Group,
    change_word,
    changed_evidence,
    counts_text,
    definition_name,
    definition_text,
    evidence_of,
    figure_value,
    groups,
    inconsistency_value,
    not_compared_text,
    not_compared_word,
    progress_evidence,
    progress_redefinition_text,
    progress_state_text,
    redefinition_text,
    state_text,
    summary_text,
)
from planaudit.report.problems import escape_data, workflow_command
from planaudit.report.workflow import plain_text

_ANNOTATED = frozenset({Change.WORSE, Change.REMOVED, *REDEFINITIONS})  # each its own annotation, not counted in a notice
_GROWN = frozenset({Change.ADDED, Change.WORSE})  # an inconsistent figure that appeared, or whose gap grew
_LEVELS = ("error", "warning", "notice")
SHOWN = 10  # annotations of one level that GitHub shows per step


def _level(line: str) -> int:
    """The place of a workflow command's level in _LEVELS: errors first."""
    return _LEVELS.index(line.split(" ", 1)[0].split("::")[1])


class DiffGithubReporter(DiffReporter):

    def jurisdiction(self, result: DiffResult) -> None:
        lines = [self._definition(item) for item in result.definitions]
        lines += [self._annotated(item) for item in (*result.removed, *result.redefined)]
        lines += [self._worse(item, result) for item in result.worse]
        lines += [self._progress(item) for item in result.progress if item.change in _ANNOTATED]
        lines += [self._inconsistency(item) for item in result.inconsistencies if item.change in _GROWN]
        lines += [self._introduced(problem) for problem in result.introduced]
        lines += [self._figure(figure, group, result.progress) for group in groups(result) for figure in group.figures
                  if figure.after is not None]
        lines += [notice for group in groups(result) if (notice := self._notice(group))]
        lines += [workflow_command("notice" if item.fixed else "error", None, None, not_compared_word(item, self.lang),
                                   not_compared_text(item, self.lang)) for item in result.not_compared]
        lines.sort(key=_level)
        self.out.write("".join(line + "\n" for line in self._capped(lines))
                       + plain_text(printable(summary_text(result, self.lang))) + "\n")
        for group in groups(result):
            self.out.write(f"::group::{escape_data(group.heading)}\n"
                           + "".join(plain_text(printable(line)) + "\n" for line in self._log(group)) + "::endgroup::\n")

    def _capped(self, lines: list[str]) -> list[str]:
        """At most SHOWN annotations of each level (GitHub shows ten of each per step), then one that counts the rest."""
        kept: list[str] = []
        for level in _LEVELS:
            found = [line for line in lines if _level(line) == _LEVELS.index(level)]
            kept += found[:SHOWN]
            if len(found) > SHOWN:
                more = len(found) - SHOWN
                kept.append(workflow_command(level, None, None, DIFF_WORDS[self.lang]["more_title"],
                                             DIFF_WORDS[self.lang]["more"].format(count=more, level=level)))
        return kept

    def _worse(self, item: TargetChange, result: DiffResult) -> str:
        """A verdict worse, at the changed figure it now rests on (else at the target), naming the target."""
        level = "error" if self.fails_on("worse") else "warning"
        target = item.target
        message = f"{target.id} {target.title}: {state_text(item.before, self.lang)} → {state_text(item.after, self.lang)}"
        where = changed_evidence(item, result) or target.location
        return workflow_command(level, self.in_repository(where.path), where.line,
                                f"{change_word(item, self.lang)}: {target.id}", message)

    def _annotated(self, item: TargetChange) -> str:
        """A removed or redefined target, at its line (the base's, for one removed): an error where it
        fails the run."""
        fails = (self.fails_on("removed") if item.change is Change.REMOVED
                 else self.fails_on("redefined") or (item.change is Change.LOOSENED and self.fails_on("loosened")))
        target = item.target
        said = redefinition_text(item, self.lang) or state_text(item.before, self.lang)
        return workflow_command("error" if fails else "warning", self.in_repository(target.location.path),
                                target.location.line,
                                f"{change_word(item, self.lang)}: {target.id}", f"{target.title}: {said}")

    def _progress(self, item: ProgressChange) -> str:
        """A period target whose status got worse, that was removed or redefined, at its line (the base's,
        for one removed): an error where it fails the run."""
        fails = self.fails_on({Change.WORSE: "worse", Change.REMOVED: "removed"}.get(item.change, "redefined"))
        target = item.target
        said = progress_redefinition_text(item, self.lang) or (
            f"{progress_state_text(item, True, self.lang)} → {progress_state_text(item, False, self.lang)}")
        return workflow_command("error" if fails else "warning", self.in_repository(target.location.path),
                                target.location.line, f"{change_word(item, self.lang)}: {item.period} {target.id}",
                                f"{target.title}: {said}")

    def _inconsistency(self, item: InconsistencyChange) -> str:
        assert item.after is not None
        level = "error" if self.fails_on("inconsistent") and not item.after.acknowledged else "warning"
        location = item.after.figure.location
        return workflow_command(level, self.in_repository(location.path), location.line,
                                f"{change_word(item, self.lang)} {DIFF_WORDS[self.lang]['inconsistency']}: {item.metric}",
                                inconsistency_value(item, False, self.lang, self.folder))

    def _definition(self, item: DefinitionChange) -> str:
        """A metric, rule, scope or setting changed, at its line: an error where --fail-on redefined fails
        on it, a warning where it changes what targets ask, else a notice (a label)."""
        level = ("error" if self.fails_on("redefined") else "warning") if item.judging else "notice"
        path, line = (self.in_repository(item.location.path), item.location.line) if item.location else (None, None)
        return workflow_command(level, path, line, f"{change_word(item, self.lang)} {definition_name(item, self.lang)}",
                                definition_text(item, self.lang))

    def _introduced(self, problem: Problem) -> str:
        """A problem the change brings, at its line: an error where it is one or fails the run."""
        level = "error" if problem.is_error or self.fails_on("new-problems") else "warning"
        return workflow_command(level, self.in_repository(problem.path), problem.line,
                                f"{DIFF_WORDS[self.lang]['new_problem']}: {problem.code.value}", problem.words(self.lang))

    def _figure(self, figure: FigureChange, group: Group, progress: Sequence[ProgressChange]) -> str:
        """A figure added or changed, a notice at its line: its values, and the targets whose verdict
        (or, a period target's, whose status) it moved."""
        assert figure.after is not None
        words = DIFF_WORDS[self.lang]
        moved: list[TargetChange | ProgressChange] = [
            item for item in group.targets if item.after is not None
            and figure.after.location in {evidence.location for evidence in evidence_of(item.after)}]
        moved += [item for item in progress if item.jurisdiction == figure.jurisdiction
                  and figure.after.location in {evidence.location for evidence in progress_evidence(item)}]
        affects = words["comma"].join(f"{item.target.id} ({change_word(item, self.lang)})" for item in moved)
        said = f"{figure_value(figure.before, self.lang)} → {figure_value(figure.after, self.lang)}{words['semicolon']}" \
            + (words["affects"].format(targets=affects) if moved else words["affects_none"])
        return workflow_command("notice", self.in_repository(figure.after.location.path), figure.after.location.line,
                                f"{change_word(figure, self.lang)} {words['figure']}: {figure.figure.metric}", said)

    def _notice(self, group: Group) -> str | None:
        """The rest of a jurisdiction's changes in a year, counted, in one notice."""
        said = counts_text([item for item in group.targets if item.change not in _ANNOTATED], (),
                           [item for item in group.inconsistencies if item.change not in _GROWN], self.lang,
                           progress=[item for item in group.progress if item.change not in _ANNOTATED])
        return workflow_command("notice", None, None, group.heading, said) if said else None

    def _log(self, group: Group) -> list[str]:
        """Every change of a jurisdiction and year, a line each, for the log."""
        lines = [f"{change_word(item, self.lang)}: {item.target.id} {item.target.title} ({self.place(item.target.location)}): "
                 f"{state_text(item.before, self.lang)} → {state_text(item.after, self.lang)}" for item in group.targets]
        lines += [f"{change_word(figure, self.lang)} {DIFF_WORDS[self.lang]['figure']}: {figure.figure.metric} "
                  f"({self.place(figure.figure.location)}): {figure_value(figure.before, self.lang)} → "
                  f"{figure_value(figure.after, self.lang)}" for figure in group.figures]
        lines += [f"{change_word(item, self.lang)} {DIFF_WORDS[self.lang]['inconsistency']}: {item.metric}: "
                  f"{inconsistency_value(item, False, self.lang, self.folder)}" for item in group.inconsistencies]
        lines += [f"{change_word(item, self.lang)}: {item.target.id} {item.target.title} ({self.place(item.target.location)}): "
                  f"{progress_state_text(item, True, self.lang)} → {progress_state_text(item, False, self.lang)}"
                  for item in group.progress]
        return lines
