"""`planaudit diff --format sarif`: what a change does that a reviewer must see, as SARIF 2.1.0 for
code scanning — at the lines `--format github` annotates, at the levels it gives them: a metric,
rule, scope or setting redefined; a target removed, loosened, tightened or redefined; a verdict
worse; a period target's status worse, or the target removed or redefined; an inconsistent figure
new or worse; a problem the change introduced. Each is fingerprinted
by what it is about (never its line), so that code scanning follows it from run to run."""

from __future__ import annotations

from typing import Any

from planaudit.model.changes import Change, DefinitionChange, DiffResult, InconsistencyChange, ProgressChange, TargetChange
from planaudit.model.problems import Problem
from planaudit.read.text import printable
from planaudit.report import jsontext
from planaudit.report.base import DiffReporter
from planaudit.report.changes import (
    change_word,
    changed_evidence,
    definition_name,
    definition_text,
    inconsistency_value,
    progress_redefinition_text,
    progress_state_text,
    redefinition_text,
    state_text,
)
from planaudit.report.sarif import fingerprint, location, problem_result, rule, sarif_document

_RULES = [
    rule("definition", "DefinitionChanged", "A metric, rule, scope or setting that targets are judged by changed.", "warning"),
    rule("removed", "TargetRemoved", "A target the base has and the head does not.", "warning"),
    rule("loosened", "TargetLoosened", "A target that asks less than it did.", "warning"),
    rule("tightened", "TargetTightened", "A target that asks more than it did.", "warning"),
    rule("redefined", "TargetRedefined", "A target whose definition changed otherwise.", "warning"),
    rule("worse", "VerdictWorse", "A verdict (or a period target's status) that got worse on the same target.",
         "warning"),
    rule("inconsistent", "InconsistentFigure", "An inconsistent figure that appeared or got worse.", "warning"),
    rule("new-problem", "NewProblem", "A problem of the data that the base does not have.", "warning"),
]
_INDEX = {entry["id"]: index for index, entry in enumerate(_RULES)}
_GROWN = (Change.ADDED, Change.WORSE)
_PROGRESS_RULES = {Change.WORSE: "worse", Change.REMOVED: "removed", Change.REDEFINED: "redefined"}  # a period target's


class DiffSarifReporter(DiffReporter):

    def jurisdiction(self, result: DiffResult) -> None:
        results = [self._definition(item) for item in result.definitions if item.judging]
        results += [self._redefined(item) for item in (*result.removed, *result.redefined)]
        results += [self._worse(item, result) for item in result.worse]
        results += [self._progress(item) for item in result.progress if item.change in _PROGRESS_RULES]
        results += [self._inconsistency(item) for item in result.inconsistencies if item.change in _GROWN]
        results += [self._problem(problem) for problem in result.introduced]
        document = sarif_document(_RULES)
        document["runs"][0]["results"] = results
        self.out.write(jsontext.dumps(document))

    def _result(self, rule_id: str, fails: bool, path: str, line: int, text: str, about: tuple[object, ...]
                ) -> dict[str, Any]:
        return {"ruleId": rule_id, "ruleIndex": _INDEX[rule_id], "level": "error" if fails else "warning",
                "message": {"text": printable(text)}, "locations": [location(self.in_repository(path), line)],
                "partialFingerprints": fingerprint("diff", rule_id, *about)}

    def _definition(self, item: DefinitionChange) -> dict[str, Any]:
        path, line = (item.location.path, item.location.line) if item.location else ("planaudit.yaml", 1)
        return self._result("definition", self.fails_on("redefined"), path, line,
                            f"{change_word(item, self.lang)} {definition_name(item, self.lang)}: "
                            f"{definition_text(item, self.lang)}", (item.kind, item.name))

    def _redefined(self, item: TargetChange) -> dict[str, Any]:
        fails = (self.fails_on("removed") if item.change is Change.REMOVED
                 else self.fails_on("redefined") or (item.change is Change.LOOSENED and self.fails_on("loosened")))
        target = item.target
        said = redefinition_text(item, self.lang) or state_text(item.before, self.lang)
        return self._result(item.change.value, fails, target.location.path, target.location.line,
                            f"{change_word(item, self.lang)}: {target.id} {target.title}: {said}",
                            (item.year, item.jurisdiction, target.id))

    def _worse(self, item: TargetChange, result: DiffResult) -> dict[str, Any]:
        target = item.target
        where = changed_evidence(item, result) or target.location
        return self._result("worse", self.fails_on("worse"), where.path, where.line,
                            f"{change_word(item, self.lang)}: {target.id} {target.title}: "
                            f"{state_text(item.before, self.lang)} → {state_text(item.after, self.lang)}",
                            (item.year, item.jurisdiction, target.id))

    def _progress(self, item: ProgressChange) -> dict[str, Any]:
        """A period target whose status got worse, that was removed or redefined, at its line."""
        rule_id = _PROGRESS_RULES[item.change]
        target = item.target
        said = progress_redefinition_text(item, self.lang) or (
            f"{progress_state_text(item, True, self.lang)} → {progress_state_text(item, False, self.lang)}")
        return self._result(rule_id, self.fails_on(rule_id), target.location.path, target.location.line,
                            f"{change_word(item, self.lang)}: {item.period} {target.id} {target.title}: {said}",
                            (item.period, item.jurisdiction, target.id))

    def _inconsistency(self, item: InconsistencyChange) -> dict[str, Any]:
        assert item.after is not None
        figure = item.after.figure
        return self._result("inconsistent", self.fails_on("inconsistent") and not item.after.acknowledged,
                            figure.location.path, figure.location.line,
                            f"{change_word(item, self.lang)}: {item.metric}: "
                            f"{inconsistency_value(item, False, self.lang, self.folder)}",
                            (item.year, item.jurisdiction, item.metric, figure.scope, figure.span.as_of))

    def _problem(self, problem: Problem) -> dict[str, Any]:
        found = problem_result(problem, self.lang, self.folder)
        fails = problem.is_error or self.fails_on("new-problems")
        return {**found, "ruleId": "new-problem", "ruleIndex": _INDEX["new-problem"], "level": "error" if fails else "warning"}
