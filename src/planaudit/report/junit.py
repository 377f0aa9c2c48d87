"""`--format junit`: one testcase per target, for CI test dashboards.

A missed target is a failure, an unmeasured one is skipped; a waived target is never a failure.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from typing import TextIO

from planaudit.model.result import JurisdictionResult, Overview, TargetResult, Verdict
from planaudit.read.text import printable
from planaudit.report.base import Held, Reporter
from planaudit.report.display import actual_text, evidence_text, inconsistency_text, threshold_text
from planaudit.report.i18n import REASONS, VERDICTS, WORDS, detail_text
from planaudit.report.workflow import xml_text

_INDENT = "  "  # a suite's, inside <testsuites>


@dataclass(frozen=True)
class JunitPiece:
    """A jurisdiction's test suite as written, and how many of its cases failed and were skipped."""

    suite: str
    failures: int
    skipped: int


class JunitReporter(Reporter[JunitPiece]):

    def begin(self, overview: Overview, out: TextIO) -> None:
        super().begin(overview, out)
        self.suites = Held()  # the totals open the document: the suites wait for them
        self.totals = {"failures": 0, "skipped": 0}

    def piece(self, result: JurisdictionResult) -> JunitPiece:
        name = f"{result.year} {result.slug}" if self.several_years else result.slug  # as overview.not_judged names it
        suite = ElementTree.Element("testsuite", name=name)
        counts = {"tests": len(result.results), "failures": 0, "skipped": 0}
        for item in result.results:
            outcome = self._testcase(suite, name, item)
            if outcome:
                counts[outcome] += 1
        for key, count in counts.items():
            suite.set(key, str(count))
        suite.set("errors", "0")
        ElementTree.indent(suite, level=1)
        return JunitPiece(xml_text(_INDENT + ElementTree.tostring(suite, encoding="unicode") + "\n"),
                          counts["failures"], counts["skipped"])

    def add(self, piece: JunitPiece) -> None:
        self.suites.write(piece.suite)
        self.totals["failures"] += piece.failures
        self.totals["skipped"] += piece.skipped

    def end(self, overview: Overview) -> None:
        totals = {"tests": overview.summary.targets + overview.summary.items + len(overview.not_judged), **self.totals,
                  "errors": len(overview.not_judged)}
        suites = ElementTree.Element("testsuites", name=f"planaudit {overview.span}")
        for key, count in totals.items():
            suites.set(key, str(count))
        suites.text = "\n"
        opening, _, closing = xml_text(ElementTree.tostring(suites, encoding="unicode")).partition("\n")
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + opening + "\n")
        for text in self.suites:
            self.out.write(text)
        for slug in overview.not_judged:
            self.out.write(self._not_judged(slug))
        self.out.write(closing + "\n")

    def _not_judged(self, slug: str) -> str:
        """A suite of one error: the jurisdiction's files have errors, so none of its targets was judged."""
        suite = ElementTree.Element("testsuite", name=slug, tests="1", failures="0", skipped="0", errors="1")
        case = ElementTree.SubElement(suite, "testcase", classname=slug, name=slug)
        ElementTree.SubElement(case, "error", message=WORDS[self.lang]["not_judged"].format(slugs=slug))
        ElementTree.indent(suite, level=1)
        return xml_text(_INDENT + ElementTree.tostring(suite, encoding="unicode") + "\n")

    def _testcase(self, suite: ElementTree.Element, classname: str, item: TargetResult) -> str | None:
        target = item.target
        case = ElementTree.SubElement(suite, "testcase", classname=classname,
                                      name=printable(f"{target.id}: {target.title}"),
                                      file=self.in_repository(target.location.path), line=str(target.location.line))
        words = WORDS[self.lang]
        evidence = evidence_text(item, self.lang, self.folder)
        message = printable(f"{VERDICTS[self.lang][item.verdict]}: {REASONS[self.lang][item.reason]}"
                            + (f" — {evidence}" if evidence else ""))
        lines = [f"{words['threshold']}: {threshold_text(item, self.lang)}",
                 f"{words['actual']}: {actual_text(item, self.lang)}",
                 f"{words['evidence']}: {evidence_text(item, self.lang, self.folder) or '—'}"]
        lines += [inconsistency_text(warning, self.lang, self.folder) for warning in item.warnings]
        details = "\n".join(printable(line) for line in [*lines, detail_text(item.detail, self.lang)] if line)
        failing = [warning for warning in item.warnings if not warning.acknowledged]
        if failing and self.fails_on("inconsistent") and not item.waived:
            message = printable(f"{WORDS[self.lang]['inconsistent']}: {inconsistency_text(failing[0], self.lang, self.folder)}")
            ElementTree.SubElement(case, "failure", message=message, type="inconsistent").text = details
            return "failures"
        if item.verdict in (Verdict.MISSED, Verdict.PARTLY) and not item.waived:
            ElementTree.SubElement(case, "failure", message=message, type=item.verdict.value).text = details
            return "failures"
        if item.verdict is Verdict.UNMEASURED or item.waived:
            ElementTree.SubElement(case, "skipped", message=message).text = details
            return "skipped"
        ElementTree.SubElement(case, "system-out").text = details
        return None
