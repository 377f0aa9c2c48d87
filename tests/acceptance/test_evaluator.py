"""Acceptance: an evaluator's audit (tests/examples/evaluator) — every verdict traceable, contested
evidence named, values checked against their quotes, one bad file never hiding the rest."""

from __future__ import annotations

import json

from acceptance_support import assert_matches, planaudit


def results(*args: str) -> dict[str, dict]:
    run = planaudit("check", "2022", "--format", "json", *args, data="evaluator")
    return {item["id"]: item for item in json.loads(run.stdout)["results"]}


def test_contested_evidence_is_unmeasured_and_shows_both_figures():
    found = results()
    contested, standing = found["closure-rate-up"], found["closure-rate-85"]
    assert (contested["verdict"], contested["reason"]) == ("unmeasured", "contested")
    assert contested["warnings"] == [{"code": "inconsistent", "metric": "medical_dispute.closure_rate",
                                      "stated": "91", "derived": "97.87"}]
    assert (standing["verdict"], standing["reason"]) == ("met", "stated")
    assert standing["warnings"] == contested["warnings"]


def test_explain_of_a_contested_verdict():
    run = planaudit("explain", "2022", "lakeview", "closure-rate-up", data="evaluator")
    assert (run.returncode, run.stderr) == (0, "")
    assert_matches("evaluator-explain-contested.txt", run.stdout)
