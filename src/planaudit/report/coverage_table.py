"""`planaudit coverage --format table`: for a person at a terminal."""

from __future__ import annotations

from planaudit.model.coverage import CoverageResult, Quote
from planaudit.read.text import printable
from planaudit.report.base import CoverageReporter
from planaudit.report.coverage import COVERAGE_WORDS, summary_text, title_text, uncovered_heading


class CoverageTableReporter(CoverageReporter):

    def jurisdiction(self, result: CoverageResult) -> None:
        words = COVERAGE_WORDS[self.lang]
        lines = [printable(title_text(result, self.lang, self.folder))]
        if result.uncovered:
            lines += ["", uncovered_heading(result, self.lang)]
            lines += [f"  {clause.line:>4}  {clause.section or '-'}  {printable(clause.text)}" for clause in result.uncovered]
        for heading, quotes in ((words["not_verbatim"], result.not_verbatim), (words["unused"], result.unused)):
            if quotes:
                lines += ["", heading, *(self._quote(quote) for quote in quotes)]
        lines += ["", printable(summary_text(result, self.lang))]
        self.out.write("\n".join(lines) + "\n")

    def _quote(self, quote: Quote) -> str:
        return f"  {self.place(quote.location)}  \u201c{printable(quote.text)}\u201d"
