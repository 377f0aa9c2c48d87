"""A new verdict rule is one module: dropped into planaudit.judge.rules at run time, with no other change,
it is judged, validated, shown in every report, explained, and named by `planaudit schema`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from support import COUNT_METRICS, RepoBuilder

pytestmark = [pytest.mark.process,  # the module dropped in before the command starts
              pytest.mark.long]  # three fresh processes: CI runs them (pytest -m long)

MODULE = '''
"""`growth_at_most`: met when (actual − baseline) / baseline × 100 ≤ value (同比增长不超过…)."""

from planaudit.model.data import Label
from planaudit.exact.numbers import Interval
from planaudit.judge.rules.base import growth_rule

RULE = growth_rule("growth_at_most", Label(zh="同比增长不高于", en="growth at most"), "≤", Interval.le)
'''


@pytest.fixture
def with_rule(tmp_path) -> tuple[Path, Path]:
    """A folder holding the new rule module, and a repository whose targets use it."""
    folder = tmp_path / "more_rules"
    folder.mkdir()
    (folder / "growth_at_most.py").write_text(textwrap.dedent(MODULE), encoding="utf-8")
    builder = RepoBuilder(tmp_path / "data").rules(COUNT_METRICS)
    builder.targets("""
        - {id: slow, title: 增长不超过30%, metric: cases, rule: growth_at_most, value: 30%, quote: q}
        - {id: fast, title: 增长不超过10%, metric: cases, rule: growth_at_most, value: 10%, quote: q}
    """)
    builder.outcomes("- {metric: cases, value: 1250, quote: 1250件}")
    builder.outcomes("- {metric: cases, value: 1000, quote: 1000件}", year=2021)
    return folder, tmp_path / "data"


def planaudit(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command, with the module's folder added to planaudit.judge.rules' path."""
    program = ("import sys, planaudit.judge.rules as rules; rules.__path__.append(sys.argv.pop(1)); "
               "from planaudit.cli import main; sys.argv[0] = 'planaudit'; main()")
    environment = {**os.environ, "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, "-c", program, str(folder), *args], capture_output=True, text=True,
                          env=environment, timeout=60)


def test_it_is_judged_and_shown(with_rule):
    folder, data = with_rule
    run = planaudit(folder, "check", "2022", "--format", "json", "--no-cache", "--data", str(data))
    results = {item["id"]: item for item in json.loads(run.stdout)["results"]}
    assert run.returncode == 1  # "fast" grew 25%, more than 10%: missed
    assert [(results[key]["verdict"], results[key]["growth"], results[key]["unit"]) for key in ("slow", "fast")] == [
        ("met", "25", "percent"), ("missed", "25", "percent")]
    table = planaudit(folder, "check", "2022", "--no-cache", "--data", str(data)).stdout
    assert "growth ≤ 30%" in table and "1250, growth 25%" in table
    markdown = planaudit(folder, "export", "2022", "--data", str(data)).stdout
    assert "growth ≤ 10%" in markdown


def test_it_is_explained(with_rule):
    folder, data = with_rule
    lines = planaudit(folder, "explain", "2022", "testville", "fast", "--data", str(data)).stdout
    assert "Rule: growth_at_most — growth at most" in lines
    assert "Growth: (1250 − 1000) / 1000 × 100 = 25%" in lines
    assert "Comparison: 25% ≤ 10% → fails" in lines


def test_it_is_validated_and_named_in_the_schemas(with_rule):
    folder, data = with_rule
    assert planaudit(folder, "validate", "--data", str(data)).stdout == "no problems found\n"
    rules = json.loads(planaudit(folder, "schema", "rules").stdout)
    assert "growth_at_most" in rules["properties"]["rules"]["description"]
    target = json.loads(planaudit(folder, "schema", "target").stdout)
    assert "growth_at_most" in target["$defs"]["target"]["properties"]["rule"]["description"]
