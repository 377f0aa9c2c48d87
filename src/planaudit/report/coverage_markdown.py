"""`planaudit coverage --format markdown`: the same, to publish or to paste into a review; every
cell escaped as the audit's Markdown escapes it."""

from __future__ import annotations

from planaudit.model.coverage import CoverageResult
from planaudit.report.base import CoverageReporter
from planaudit.report.coverage import COVERAGE_WORDS, summary_text, title_text, uncovered_heading
from planaudit.report.markdown import cell, table


class CoverageMarkdownReporter(CoverageReporter):

    def jurisdiction(self, result: CoverageResult) -> None:
        words = COVERAGE_WORDS[self.lang]
        blocks = [f"**{cell(title_text(result, self.lang, self.folder))}**", cell(summary_text(result, self.lang))]
        if result.uncovered:
            rows = [[str(clause.line), cell(clause.section or "-"), cell(clause.text)] for clause in result.uncovered]
            blocks += [f"### {cell(uncovered_heading(result, self.lang))}",
                       table([words["line"], words["section"], words["clause"]], rows)]
        for heading, quotes in ((words["not_verbatim"], result.not_verbatim), (words["unused"], result.unused)):
            if quotes:
                rows = [[cell(self.place(quote.location)), cell(quote.text)] for quote in quotes]
                blocks += [f"### {cell(heading)}", table([words["file"], words["quote"]], rows)]
        self.out.write("\n\n".join(blocks) + "\n")
