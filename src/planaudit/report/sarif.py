"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards.

Every target is a result on its line in the target file: met → kind "pass"; missed → level
"error"; unmeasured → level "warning"; each inconsistent figure → a "warning" on its line in the
outcome file. A waiver is a SARIF suppression, with its reason as the justification.

Every result has a ``partialFingerprints`` entry made of what it is about — a target by its year,
jurisdiction and id; a figure by its metric, scope and date; a problem by its code, file and words —
never its line, so that code scanning follows an alert across runs however the lines move. Paths
are the git repository's (the data folder's place in it before them).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from planaudit._version import __version__
from planaudit.model.problems import Problem
from planaudit.model.result import Inconsistency, JurisdictionResult, Overview, TargetResult, Verdict
from planaudit.read.text import printable
from planaudit.report import jsontext
from planaudit.report.base import Held, Reporter
from planaudit.report.display import actual_text, evidence_text, inconsistency_texts, other_reading, threshold_text
from planaudit.report.i18n import REASONS, VERDICTS, WORDS
from planaudit.report.jsontext import Writable
from planaudit.report.problems import Tally

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_RULES = (
    ("missed", "TargetMissed", "A work-plan target that the report's figures show was not met.", "error"),
    ("unmeasured", "TargetUnmeasured", "A work-plan target that the reports cannot decide.", "warning"),
    ("inconsistent", "InconsistentFigure", "A stated rate that disagrees with the counts behind it.", "warning"),
    ("met", "TargetMet", "A work-plan target that the report's figures show was met.", "none"),
    ("partly", "TargetPartlyDone", "A work-plan target that the report shows was done only in part.", "error"),
)
_RESULTS_DEPTH = 4  # the document's runs[0].results
_RULE_INDEX = {rule_id: index for index, (rule_id, *_rest) in enumerate(_RULES)}


@dataclass(frozen=True)
class SarifPiece:
    """A jurisdiction's results: its targets' and, to follow every target's, its inconsistent figures'."""

    targets: str
    inconsistencies: str


class SarifReporter(Reporter[SarifPiece]):

    def begin(self, overview: Overview, out: TextIO) -> None:
        super().begin(overview, out)
        head, self.tail = jsontext.around_last_list(sarif_document([rule(*entry) for entry in _RULES]))
        out.write(head)
        self.results = jsontext.ListWriter(out, depth=_RESULTS_DEPTH)
        self.held = Held()  # the inconsistencies follow every target's result
        self.separator = ""

    def piece(self, result: JurisdictionResult) -> SarifPiece:
        return SarifPiece(jsontext.items([self._target(item) for item in result.results], depth=_RESULTS_DEPTH),
                          jsontext.items([self._inconsistency(item) for item in result.inconsistencies], depth=_RESULTS_DEPTH))

    def add(self, piece: SarifPiece) -> None:
        self.results.add(piece.targets)
        if piece.inconsistencies:
            self.held.write(self.separator + piece.inconsistencies)
            self.separator = ",\n"

    def end(self, overview: Overview) -> None:
        self.results.add_joined(self.held)
        self.results.close()
        self.out.write(self.tail)

    def _target(self, item: TargetResult) -> dict[str, Any]:
        words = WORDS[self.lang]
        text = (f"{item.target.title} — {VERDICTS[self.lang][item.verdict]} ({REASONS[self.lang][item.reason]}). "
                f"{words['threshold']}: {threshold_text(item, self.lang)}; {words['actual']}: "
                f"{actual_text(item, self.lang)}; {words['evidence']}: {evidence_text(item, self.lang, self.folder) or '—'}")
        entry: dict[str, Any] = {
            "ruleId": item.verdict.value,
            "ruleIndex": _RULE_INDEX[item.verdict.value],
            "message": {"text": printable(text)},
            "locations": [location(self.in_repository(item.target.location.path), item.target.location.line)],
            "partialFingerprints": fingerprint("target", item.target.year, item.target.jurisdiction, item.target.id),
            "properties": {"jurisdiction": item.target.jurisdiction, "target": item.target.id,
                           "reason": item.reason.value,
                           "grounds": None if item.grounds is None else item.grounds.value},
        }
        if item.verdict is Verdict.MET:
            entry.update(kind="pass", level="none")
        else:
            entry["level"] = "error" if item.verdict in (Verdict.MISSED, Verdict.PARTLY) else "warning"
        if item.target.waiver is not None:
            entry["suppressions"] = [{"kind": "external", "justification": printable(item.target.waiver.reason)}]
        return entry

    def _inconsistency(self, item: Inconsistency) -> dict[str, Any]:
        stated, derived = inconsistency_texts(item)
        words = WORDS[self.lang]
        against = other_reading(item, self.lang, "derived_value")
        text = (f"{item.metric.label.text(self.lang)}: {words['stated']} {stated}, {against} {derived} "
                f"— “{item.figure.provenance.quote}”")
        entry: dict[str, Any] = {
            "ruleId": "inconsistent", "ruleIndex": _RULE_INDEX["inconsistent"], "level": "warning",
            "message": {"text": printable(text)},
            "locations": [location(self.in_repository(item.figure.location.path), item.figure.location.line)],
            "partialFingerprints": fingerprint("inconsistent", item.figure.year, item.figure.jurisdiction, item.metric.id,
                                               item.figure.scope, item.figure.span.as_of),
            "properties": {"jurisdiction": item.figure.jurisdiction, "metric": item.metric.id},
        }
        if item.acknowledged is not None:
            entry["suppressions"] = [{"kind": "external", "justification": printable(item.acknowledged)}]
        return entry


def location(path: str, line: int, col: int | None = None) -> dict[str, Any]:
    region = {"startLine": line} if col is None else {"startLine": line, "startColumn": col}
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}


FINGERPRINT = "planaudit/v1"  # the partialFingerprints key: a new version if what it is made of changes


def fingerprint(*parts: object) -> dict[str, str]:
    """A result's partialFingerprints: a digest of what it is about (never where it stands)."""
    digest = hashlib.sha256("\0".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()
    return {FINGERPRINT: digest}


def sarif_document(rules: list[dict[str, Any]]) -> dict[str, Any]:
    """A SARIF log of one run of planaudit with ``rules``, its results still to come."""
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "planaudit", "version": __version__, "rules": rules}},
                      "columnKind": "unicodeCodePoints", "results": []}]}


def rule(rule_id: str, name: str, text: str, level: str) -> dict[str, Any]:
    return {"id": rule_id, "name": name, "shortDescription": {"text": text}, "defaultConfiguration": {"level": level}}


_PROBLEM_RULES = [rule("error", "DataError", "Data that cannot be read or judged as written.", "error"),
                  rule("warning", "DataWarning", "Data that can be judged as written, but is probably not what was meant.",
                       "warning")]
_LINE_CITED = re.compile(r"\bline [0-9]+\b")


def write_problems(problems: Iterable[Problem], lang: str, out: Writable, folder: str = "") -> Tally:
    """`validate --format sarif`: each problem a result at its line and column, under the rule of its
    severity, with its code as a property; written as the problems come."""
    tally = Tally()
    head, tail = jsontext.around_last_list(sarif_document(_PROBLEM_RULES))
    out.write(head)
    listed = jsontext.ListWriter(out, depth=_RESULTS_DEPTH)
    for problem in problems:
        listed.add(jsontext.items([problem_result(tally.count(problem), lang, folder)], depth=_RESULTS_DEPTH))
    listed.close()
    out.write(tail)
    return tally


def problem_result(problem: Problem, lang: str, folder: str = "") -> dict[str, Any]:
    """A problem as a SARIF result: fingerprinted by its code, file and words (any line they cite left out)."""
    level = problem.severity.value
    return {"ruleId": level, "ruleIndex": 0 if problem.is_error else 1, "level": level,
            "message": {"text": printable(f"{problem.code.value}: {problem.words(lang)}")},
            "locations": [location(folder + problem.path, problem.line, problem.col)],
            "partialFingerprints": fingerprint("problem", problem.code.value, problem.path,
                                               _LINE_CITED.sub("line", problem.message)),
            "properties": {"code": problem.code.value}}
