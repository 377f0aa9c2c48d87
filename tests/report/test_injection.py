"""No string from data commands a CI runner, drives a terminal, runs in a spreadsheet or links in
Markdown — in any command or format — and every format stays valid for its readers."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from planaudit.report import stream_formats, workflow
from support import RepoBuilder

INJECTED = "##[error file=README.md,line=1]Injected"
ESCAPE = "\x1b]8;;https://evil.example\x07click\x1b[2J"
TITLE = f"{INJECTED} 调解成功率 see https://evil.example and www.evil.example ::error::again"
WRAPPED = "x" * 150 + " ::error::wrapped onto a line of its own"


@pytest.fixture
def hostile(tmp_path) -> Path:
    builder = RepoBuilder(tmp_path)
    builder.rules(f"""
        metrics:
          cases:
            label: {{zh: 案件, en: "cases {ESCAPE.encode('unicode_escape').decode()}"}}
            unit: case
          links:
            label: links
            unit: "=HYPERLINK(\\"https://evil.example\\") {ESCAPE.encode('unicode_escape').decode()}"
        rules:
          odd:
            label: "odd {ESCAPE.encode('unicode_escape').decode()}"
            expr: actual >= value
    """)
    builder.targets(f"""
        - id: a
          title: {json.dumps(TITLE)}
          metric: cases
          rule: at_least
          value: 5
          quote: {json.dumps(INJECTED)}
        - id: b
          title: {json.dumps(WRAPPED)}
          metric: cases
          rule: odd
          value: 5
          quote: "=HYPERLINK(\\"https://evil.example\\")"
        - id: c
          title: links
          metric: links
          rule: at_least
          value: 5
          quote: q
    """)
    builder.outcomes(f"""
        - metric: cases
          value: 3
          quote: {json.dumps(INJECTED)}
        - metric: links
          value: 3
          quote: q
    """)
    return tmp_path


def executed(text: str) -> list[str]:
    """The lines an Actions runner would execute as workflow commands (its documented rules)."""
    commands, stopped = [], None
    for line in text.splitlines():
        stripped = line.strip()
        if stopped is not None:
            if stripped == f"::{stopped}::":
                stopped = None
            continue
        if stripped.startswith("::stop-commands::"):
            stopped = stripped.removeprefix("::stop-commands::")
        elif stripped.startswith("::") or "##[" in line:
            commands.append(line)
    return commands


def planaudit(*args: str, actions: bool = True, **options) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "LANG": "C.UTF-8"}
    environment.pop("GITHUB_ACTIONS", None)
    if actions:
        environment["GITHUB_ACTIONS"] = "true"
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options}
    return subprocess.run([sys.executable, "-m", "planaudit", *args], text=True, env=environment, timeout=60, **streams)


@pytest.mark.parametrize("output_format", [name for name in stream_formats() if name != "github"])
def test_no_format_on_a_ci_log_carries_a_command_from_data(hostile, output_format):
    run = planaudit("check", "2022", "--format", output_format, "--no-cache", "--data", str(hostile))
    assert run.returncode == 1, run.stderr
    assert executed(run.stdout) == []
    assert "\x1b" not in run.stdout


def test_the_github_format_executes_only_its_own_annotations(hostile):
    run = planaudit("check", "2022", "--format", "github", "--no-cache", "--data", str(hostile))
    commands = executed(run.stdout)
    assert [line.split(",", 1)[0] for line in commands] == ["::error file=targets/2022/testville.yaml"] * 3
    assert all("\n" not in line and "\x1b" not in line for line in commands)


@pytest.mark.parametrize("command", [("validate",), ("explain", "2022", "testville", "a"),
                                     ("explain", "2022", "testville", "b"), ("explain", "2022", "testville", "c"),
                                     ("export", "2022")])
def test_other_commands_on_a_ci_log(hostile, command):
    run = planaudit(*command, "--data", str(hostile))
    assert executed(run.stdout) == [] and executed(run.stderr) == []
    assert "\x1b" not in run.stdout + run.stderr


def test_problems_from_data_on_standard_error_are_inert(hostile):
    (hostile / "targets" / "2022" / "testville.yaml").write_text(
        f"jurisdiction: testville\nyear: 2022\ntargets:\n  - {{id: a, title: t, metric: cases, rule: '{INJECTED}', "
        "quote: q}\n", encoding="utf-8")
    run = planaudit("check", "2022", "--no-cache", "--data", str(hostile))
    assert run.returncode == 2 and INJECTED.split("]")[0] in run.stderr
    assert executed(run.stderr) == []


def test_machine_formats_still_parse_and_hold_the_data_exactly(hostile):
    def stdout(output_format: str) -> str:
        return planaudit("check", "2022", "--format", output_format, "--no-cache", "--data", str(hostile)).stdout

    results = json.loads(stdout("json"))["results"]
    assert results[0]["title"] == TITLE and results[0]["evidence"][0]["quote"] == INJECTED
    sarif = json.loads(stdout("sarif"))
    assert INJECTED in json.dumps(sarif, ensure_ascii=False)
    suites = ElementTree.fromstring(stdout("junit"))
    assert [case.get("name") for case in suites.iter("testcase")][0].endswith(TITLE)
    rows = list(csv.DictReader(io.StringIO(stdout("csv"))))
    assert rows[0]["title"] == TITLE.replace("##[", "#\u2060#[")  # "::" is a command only at a line's start
    assert rows[2]["unit"].startswith("'=HYPERLINK(") and "\x1b" not in rows[2]["unit"]
    assert all(not cell.startswith("=") for row in rows for cell in row.values())


def test_a_report_to_a_file_is_the_same_bytes_inside_and_outside_actions(hostile, tmp_path):
    for ending in (".md", ".json", ".csv", ".xml", ".sarif"):
        inside, outside = tmp_path / f"in{ending}", tmp_path / f"out{ending}"
        planaudit("check", "2022", "--no-cache", "-o", str(inside), "--data", str(hostile))
        planaudit("check", "2022", "--no-cache", "-o", str(outside), "--data", str(hostile), actions=False)
        assert inside.read_bytes() == outside.read_bytes(), ending
    with (tmp_path / "redirected.txt").open("w") as redirected:
        planaudit("check", "2022", "--no-cache", "--data", str(hostile), stdout=redirected)
    plain = planaudit("check", "2022", "--no-cache", "--data", str(hostile), actions=False).stdout
    assert (tmp_path / "redirected.txt").read_text(encoding="utf-8") == plain


def test_markdown_shows_urls_as_text():
    from planaudit.report.markdown import cell

    assert cell("see https://evil.example, www.evil.example and a@evil.example") == (
        "see https\\://evil.example, www\\.evil.example and a\\@evil.example")


def test_every_formats_escape_keeps_the_text():
    assert json.loads(workflow.json_text(json.dumps("a ##[error]b"))) == "a ##[error]b"
    assert ElementTree.fromstring(workflow.xml_text("<a>\n::error::x ##[y]</a>")).text == "\n::error::x ##[y]"
    assert workflow.plain_text("::error::x ##[y]").replace(workflow.WORD_JOINER, "") == "::error::x ##[y]"


def test_a_huge_title_is_cut_in_the_table_and_kept_whole_in_json(tmp_path):
    title = "长" * 200_000
    RepoBuilder(tmp_path).rules("metrics:\n  cases: {unit: case}\n").targets(
        f"- {{id: a, title: {title}, metric: cases, rule: at_least, value: 5, quote: q}}")
    table = planaudit("check", "2022", "--no-cache", "--data", str(tmp_path), actions=False)
    assert table.returncode == 0 and len(table.stdout) < 5_000
    assert "长…" in table.stdout
    whole = json.loads(planaudit("check", "2022", "--no-cache", "--format", "json", "--data", str(tmp_path)).stdout)
    assert whole["results"][0]["title"] == title
