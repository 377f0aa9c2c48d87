"""`--format github`: GitHub Actions workflow annotations on the targets' lines.

missed → error; unmeasured and inconsistent → warning; a waived miss → notice.
"""

from __future__ import annotations

from ..i18n import REASONS, VERDICTS, WORDS, summary_line
from ..result import AuditResult, TargetResult, Verdict
from .base import Reporter
from .display import actual_text, evidence_text, figure_place, inconsistency_texts, threshold_text
from .problems import escape_data, escape_property


class GithubReporter(Reporter):
    name = "github"

    def render(self, result: AuditResult) -> str:
        lines = [self._target(item) for item in result.results if item.verdict is not Verdict.MET]
        words = WORDS[self.lang]
        for inconsistency in result.inconsistencies:
            stated, derived = inconsistency_texts(inconsistency)
            figure = inconsistency.figure
            lines.append(self._command("warning", figure.location.path, figure.location.line, words["inconsistent"],
                                       f"{inconsistency.metric.label.text(self.lang)}: {words['stated']} {stated}, "
                                       f"{words['derived_value']} {derived} — “{figure.quote}” ({figure_place(figure)})"))
        summary = result.summary
        lines.append(summary_line(self.lang, result.year, summary.targets, summary.met, summary.missed,
                                  summary.unmeasured, summary.waived, summary.inconsistent))
        return "\n".join(lines) + "\n"

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
