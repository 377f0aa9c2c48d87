"""`--format github`: GitHub Actions workflow annotations on the targets' lines.

missed → error; unmeasured and inconsistent → warning; a waived miss → notice.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from planaudit.model.result import AuditResult, Inconsistency, Overview, TargetResult, Verdict
from planaudit.report.base import Part, Reporter
from planaudit.report.display import actual_text, evidence_text, figure_place, inconsistency_texts, threshold_text
from planaudit.report.i18n import REASONS, VERDICTS, WORDS, summary_line
from planaudit.report.problems import escape_data, escape_property


class GithubReporter(Reporter):

    def part(self, piece: AuditResult) -> Part:
        targets = [self._target(item) for item in piece.results if item.verdict is not Verdict.MET]
        return _lines(targets), _lines([self._inconsistency(item) for item in piece.inconsistencies])

    def assemble(self, overview: Overview, parts: Iterable[Part], out: TextIO) -> None:
        for targets, _ in parts:
            out.write(targets)
        for _, inconsistencies in parts:
            out.write(inconsistencies)
        summary = overview.summary
        out.write(summary_line(self.lang, overview.year, summary) + "\n")

    def _inconsistency(self, inconsistency: Inconsistency) -> str:
        words = WORDS[self.lang]
        stated, derived = inconsistency_texts(inconsistency)
        figure = inconsistency.figure
        return self._command("warning", figure.location.path, figure.location.line, words["inconsistent"],
                             f"{inconsistency.metric.label.text(self.lang)}: {words['stated']} {stated}, "
                             f"{words['derived_value']} {derived} — “{figure.quote}” ({figure_place(figure)})")

    def _target(self, item: TargetResult) -> str:
        level = "error" if item.verdict is Verdict.MISSED else "warning"
        if item.waived:
            level = "notice"
        words = WORDS[self.lang]
        title = f"{VERDICTS[self.lang][item.verdict]}: {item.target.id}"
        message = (f"{item.target.title} — {words['threshold']} {threshold_text(item, self.lang)}, "
                   f"{words['actual']} {actual_text(item, self.lang)} ({REASONS[self.lang][item.reason]}); "
                   f"{words['evidence']}: {evidence_text(item, self.lang) or '—'}")
        return self._command(level, item.target.location.path, item.target.location.line, title, message)

    @staticmethod
    def _command(level: str, path: str, line: int, title: str, message: str) -> str:
        return (f"::{level} file={escape_property(path)},line={line},title={escape_property(title)}::"
                f"{escape_data(message)}")


def _lines(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)
