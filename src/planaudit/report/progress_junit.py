"""`planaudit progress --format junit`: a testcase per target, for CI test dashboards — its latest
status: behind, regressing, breached or missed is a failure, unmeasured is skipped, the rest pass;
each case says every year's status. XML is built by ElementTree, and kept inert on a CI log."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from planaudit.model.period import ProgressResult, Status, TargetProgress
from planaudit.read.text import printable
from planaudit.report.base import ProgressReporter
from planaudit.report.progress import status_text
from planaudit.report.workflow import xml_text

FAILING = frozenset({Status.BEHIND, Status.REGRESSING, Status.BREACHED, Status.MISSED})


class ProgressJunitReporter(ProgressReporter):

    def jurisdiction(self, result: ProgressResult) -> None:
        suites = ElementTree.Element("testsuites", name=f"planaudit progress {result.period} as of {result.as_of}")
        totals = {"tests": 0, "failures": 0, "skipped": 0}
        for slug in result.names:
            suite = ElementTree.SubElement(suites, "testsuite", name=slug)
            counts = {"tests": 0, "failures": 0, "skipped": 0}
            for item in result.targets:
                if item.target.jurisdiction == slug:
                    outcome = self._testcase(suite, item)
                    counts["tests"] += 1
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
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + xml_text(ElementTree.tostring(suites, encoding="unicode"))
                       + "\n")

    def _testcase(self, suite: ElementTree.Element, item: TargetProgress) -> str | None:
        target = item.target
        case = ElementTree.SubElement(suite, "testcase", classname=target.jurisdiction,
                                      name=printable(f"{target.id}: {target.title}"),
                                      file=self.in_repository(target.location.path), line=str(target.location.line))
        years = "; ".join(f"{year.year}: {status_text(year, self.lang)}" for year in item.years)
        latest = item.latest
        if latest is not None and latest.status in FAILING:
            ElementTree.SubElement(case, "failure", message=printable(years), type=latest.status.value)
            return "failures"
        if latest is None or latest.status is Status.UNMEASURED:
            ElementTree.SubElement(case, "skipped", message=printable(years))
            return "skipped"
        ElementTree.SubElement(case, "system-out").text = printable(years)
        return None
