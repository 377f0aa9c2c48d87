"""`--format junit`: one testcase per target, for CI test dashboards.

A missed target is a failure, an unmeasured one is skipped; a waived target is never a failure.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from ..i18n import REASONS, VERDICTS, WORDS, detail_text
from ..result import AuditResult, TargetResult, Verdict
from ..text import printable
from .base import Reporter
from .display import actual_text, evidence_text, threshold_text


class JunitReporter(Reporter):
    name = "junit"
    suffixes = (".xml",)

    def render(self, result: AuditResult) -> str:
        suites = ElementTree.Element("testsuites", name=f"planaudit {result.year}")
        totals = {"tests": 0, "failures": 0, "skipped": 0}
        for jurisdiction, items in result.by_jurisdiction().items():
            suite = ElementTree.SubElement(suites, "testsuite", name=jurisdiction)
            counts = {"tests": len(items), "failures": 0, "skipped": 0}
            for item in items:
                outcome = self._testcase(suite, item)
                if outcome:
                    counts[outcome] += 1
            for key, count in counts.items():
                suite.set(key, str(count))
                totals[key] += count
            suite.set("errors", "0")
        for key, count in totals.items():
            suites.set(key, str(count))
        suites.set("errors", "0")
        ElementTree.indent(suites)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"

    def _testcase(self, suite: ElementTree.Element, item: TargetResult) -> str | None:
        target = item.target
        case = ElementTree.SubElement(suite, "testcase", classname=target.jurisdiction,
                                      name=printable(f"{target.id}: {target.title}"),
                                      file=target.location.path, line=str(target.location.line))
        words = WORDS[self.lang]
        evidence = evidence_text(item, self.lang)
        message = printable(f"{VERDICTS[self.lang][item.verdict]}: {REASONS[self.lang][item.reason]}"
                            + (f" — {evidence}" if evidence else ""))
        lines = [f"{words['threshold']}: {threshold_text(item, self.lang)}",
                 f"{words['actual']}: {actual_text(item, self.lang)}",
                 f"{words['evidence']}: {evidence_text(item, self.lang) or '—'}"]
        details = "\n".join(printable(line) for line in [*lines, detail_text(item.detail, self.lang)] if line)
        if item.verdict is Verdict.MISSED and not item.waived:
            ElementTree.SubElement(case, "failure", message=message, type=item.verdict.value).text = details
            return "failures"
        if item.verdict is Verdict.UNMEASURED or item.waived:
            ElementTree.SubElement(case, "skipped", message=message).text = details
            return "skipped"
        ElementTree.SubElement(case, "system-out").text = details
        return None
