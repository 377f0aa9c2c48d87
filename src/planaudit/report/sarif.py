"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards.

Every target is a result on its line in the target file: met → kind "pass"; missed → level
"error"; unmeasured → level "warning"; each inconsistent figure → a "warning" on its line in the
outcome file. A waiver is a SARIF suppression, with its reason as the justification.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TextIO

from planaudit._version import __version__
from planaudit.model.result import Inconsistency, JurisdictionResult, Overview, TargetResult, Verdict
from planaudit.read.text import printable
from planaudit.report import jsontext
from planaudit.report.base import Held, Reporter
from planaudit.report.display import actual_text, evidence_text, inconsistency_texts, other_reading, threshold_text
from planaudit.report.i18n import REASONS, VERDICTS, WORDS

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
        document = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "planaudit", "version": __version__, "rules": [
                        {"id": rule_id, "name": name, "shortDescription": {"text": text},
                         "defaultConfiguration": {"level": level}}
                        for rule_id, name, text, level in _RULES]}},
                "columnKind": "unicodeCodePoints",
                "results": [],
            }],
        }
        head, self.tail = jsontext.around_last_list(document)
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
                f"{actual_text(item, self.lang)}; {words['evidence']}: {evidence_text(item, self.lang) or '—'}")
        entry: dict[str, Any] = {
            "ruleId": item.verdict.value,
            "ruleIndex": _RULE_INDEX[item.verdict.value],
            "message": {"text": printable(text)},
            "locations": [_location(item.target.location.path, item.target.location.line)],
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
            "locations": [_location(item.figure.location.path, item.figure.location.line)],
            "properties": {"jurisdiction": item.figure.jurisdiction, "metric": item.metric.id},
        }
        if item.acknowledged is not None:
            entry["suppressions"] = [{"kind": "external", "justification": printable(item.acknowledged)}]
        return entry


def _location(path: str, line: int) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": {"startLine": line}}}
