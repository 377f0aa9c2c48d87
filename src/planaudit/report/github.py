"""`--format github`: GitHub Actions workflow annotations, most severe first, within GitHub's limits.

What fails --fail-on is an error (a missed target; an unmeasured one, an inconsistent figure, when
--fail-on names them); an inconsistent figure that does not fail is a warning; the rest are
notices — unmeasured targets folded into one notice per jurisdiction and reason ("quzhou: 30
targets wait for the 2022 report"), so that GitHub, which shows ten of each kind per step, shows
the findings first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from planaudit.messages import Message, Param, msg
from planaudit.model.result import Inconsistency, JurisdictionResult, Overview, Reason, TargetResult, Verdict
from planaudit.report.base import Held, Reporter
from planaudit.report.display import (
    acknowledged_text,
    actual_text,
    evidence_text,
    figure_place,
    inconsistency_texts,
    other_reading,
    threshold_text,
)
from planaudit.report.i18n import REASONS, VERDICTS, WORDS, summary_line
from planaudit.report.problems import workflow_command

_LEVELS = ("error", "warning", "notice")  # the order annotations are written in
_NAMED = 10  # target ids named in a folded notice; the rest are counted


@dataclass(frozen=True)
class GithubPiece:
    """A jurisdiction's workflow commands, by level: its errors, warnings and notices."""

    errors: str
    warnings: str
    notices: str


class GithubReporter(Reporter[GithubPiece]):

    def begin(self, overview: Overview, out: TextIO) -> None:
        super().begin(overview, out)
        self.levels = [Held() for _ in _LEVELS[1:]]  # errors are written at once; warnings and notices wait

    def piece(self, result: JurisdictionResult) -> GithubPiece:
        lines: dict[str, list[str]] = {level: [] for level in _LEVELS}
        folded: dict[tuple[str, Reason], list[TargetResult]] = {}
        for item in result.results:
            if item.verdict is Verdict.MET:
                continue
            if item.verdict is Verdict.UNMEASURED and not self._fails(item):
                folded.setdefault((item.target.jurisdiction, item.reason), []).append(item)
                continue
            lines["error" if self._fails(item) else "notice"].append(self._target(item))
        for inconsistency in result.inconsistencies:
            level = "error" if self.fails_on("inconsistent") and not inconsistency.acknowledged else "warning"
            lines[level].append(self._inconsistency(inconsistency, level))
        lines["notice"] += [self._folded(items) for items in folded.values()]
        return GithubPiece(*(_lines(lines[level]) for level in _LEVELS))

    def add(self, piece: GithubPiece) -> None:
        self.out.write(piece.errors)
        warnings, notices = self.levels
        warnings.write(piece.warnings)
        notices.write(piece.notices)

    def end(self, overview: Overview) -> None:
        for held in self.levels:
            for text in held:
                self.out.write(text)
        for year in overview.years:
            self.out.write(summary_line(self.lang, year.year, year.summary) + "\n")
        if overview.several:
            self.out.write(summary_line(self.lang, overview.span, overview.summary) + "\n")

    def _fails(self, item: TargetResult) -> bool:
        return not item.waived and self.fails_on(item.verdict.value)

    def _inconsistency(self, inconsistency: Inconsistency, level: str) -> str:
        words = WORDS[self.lang]
        stated, derived = inconsistency_texts(inconsistency)
        figure = inconsistency.figure
        return workflow_command(level, self.in_repository(figure.location.path), figure.location.line, words["inconsistent"],
                             f"{inconsistency.metric.label.text(self.lang)}: {words['stated']} {stated}, "
                             f"{other_reading(inconsistency, self.lang, 'derived_value')} {derived} — "
                             f"“{figure.provenance.quote}” ({figure_place(figure, self.folder)})"
                             + acknowledged_text(inconsistency, self.lang))

    def _target(self, item: TargetResult) -> str:
        level = "error" if self._fails(item) else "notice"
        words = WORDS[self.lang]
        title = f"{VERDICTS[self.lang][item.verdict]}: {item.target.id}"
        message = (f"{item.target.title} — {words['threshold']} {threshold_text(item, self.lang)}, "
                   f"{words['actual']} {actual_text(item, self.lang)} ({REASONS[self.lang][item.reason]}); "
                   f"{words['evidence']}: {evidence_text(item, self.lang, self.folder) or '—'}")
        return workflow_command(level, self.in_repository(item.target.location.path), item.target.location.line, title, message)

    def _folded(self, items: list[TargetResult]) -> str:
        """One notice for the unmeasured targets of one jurisdiction and one reason, at the first one."""
        first = items[0]
        message = _folded_text(items, REASONS[self.lang][first.reason]).render(self.lang)
        title = f"{VERDICTS[self.lang][Verdict.UNMEASURED]}: {REASONS[self.lang][first.reason]}"
        return workflow_command("notice", self.in_repository(first.target.location.path), first.target.location.line,
                                title, message)


def _folded_text(items: list[TargetResult], reason: str) -> Message:
    """"quzhou: 30 targets wait for the 2022 report: a, b, …, and 20 more" (what they wait for, when
    there is a report: ``reason``)."""
    first, count = items[0], len(items)
    ids: Param = ", ".join(item.target.id for item in items[:_NAMED])
    if count > _NAMED:
        ids = (ids, msg(", and {count} more", count=count - _NAMED))
    said: dict[str, Param] = {"slug": first.target.jurisdiction, "count": count, "ids": ids}
    if first.reason is Reason.NO_REPORT:
        return msg("{slug}: {count} target wait for the {year} report: {ids}", year=first.target.year, **said) \
            if count == 1 else msg("{slug}: {count} targets wait for the {year} report: {ids}", year=first.target.year,
                                   **said)
    return msg("{slug}: {count} target unmeasured — {reason}: {ids}", reason=reason, **said) if count == 1 else \
        msg("{slug}: {count} targets unmeasured — {reason}: {ids}", reason=reason, **said)


def _lines(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)
