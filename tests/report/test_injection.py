"""No string from data commands a CI runner, drives a terminal, runs in a spreadsheet or links in
Markdown — in any command or format — and every format stays valid for its readers."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest

import acceptance_support
from planaudit.report import COVERAGE, by_suffix, formats, stream_formats, workflow
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
          quote: {json.dumps(INJECTED + " 5")}
        - id: b
          title: {json.dumps(WRAPPED)}
          metric: cases
          rule: odd
          value: 5
          quote: "=HYPERLINK(\\"https://evil.example/5\\")"
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
          quote: {json.dumps(INJECTED + " 3")}
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


def planaudit(*args: str, actions: bool = True) -> acceptance_support.Run:
    """The command in this process, on a GitHub Actions runner or not; its standard output is never a file."""
    return acceptance_support.planaudit(*args, data=None, env={"GITHUB_ACTIONS": "true" if actions else None})


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
    assert results[0]["title"] == TITLE and results[0]["evidence"][0]["quote"] == INJECTED + " 3"
    sarif = json.loads(stdout("sarif"))
    assert INJECTED in json.dumps(sarif, ensure_ascii=False)
    suites = ElementTree.fromstring(stdout("junit"))
    assert [case.get("name") for case in suites.iter("testcase")][0].endswith(TITLE)
    rows = list(csv.DictReader(io.StringIO(stdout("csv"))))
    assert rows[0]["title"] == TITLE.replace("##[", "#\u2060#[")  # "::" is a command only at a line's start
    assert rows[2]["unit"].startswith("'=HYPERLINK(") and "\x1b" not in rows[2]["unit"]
    assert all(not cell.startswith("=") for row in rows for cell in row.values())


@pytest.mark.process  # standard output a file
def test_a_report_to_a_file_is_the_same_bytes_inside_and_outside_actions(hostile, tmp_path):
    for ending in (".md", ".json", ".csv", ".xml", ".sarif"):
        inside, outside = tmp_path / f"in{ending}", tmp_path / f"out{ending}"
        planaudit("check", "2022", "--no-cache", "-o", str(inside), "--data", str(hostile))
        planaudit("check", "2022", "--no-cache", "-o", str(outside), "--data", str(hostile), actions=False)
        assert inside.read_bytes() == outside.read_bytes(), ending
    with (tmp_path / "redirected.txt").open("w") as redirected:
        acceptance_support.planaudit_process("check", "2022", "--no-cache", "--data", str(hostile), data=None,
                                             env={"GITHUB_ACTIONS": "true"}, stdout=redirected, stderr=subprocess.PIPE)
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


# C1 controls (U+009B is a terminal's CSI, U+0085 a line break to some), bidi overrides, embeddings,
# isolates and marks, and a line separator: in any string from data, in every format of every command.
INVISIBLE = "\x9b\x85\u202e\u202a\u2066\u2069\u200f\u2028"
HIDDEN = f"调解\x9bK{INVISIBLE[1:]}成功率"  # CSI K: erase the line


def visible(text: str) -> bool:
    return not any(character in text for character in INVISIBLE)


@pytest.fixture
def hidden(tmp_path) -> Path:
    """A repository (and a git repository) whose every string from data holds those characters: titles,
    quotes, names, labels, units, a rule's label, a waiver, a document's title."""
    data = json.dumps(HIDDEN)  # a YAML double-quoted string: the characters as escapes

    def quote(number: int) -> str:
        return json.dumps(f"{HIDDEN}{number}件")
    builder = RepoBuilder(tmp_path)
    builder.rules(f"""
        metrics:
          cases: {{label: {{zh: {data}, en: {data}}}, unit: {data}}}
          closed: {{label: {data}, unit: case}}
        rules:
          odd: {{label: {data}, expr: actual >= value}}
    """)
    builder.write("targets/2022/testville.yaml", f"""
        jurisdiction: testville
        name: {data}
        year: 2022
        document: {{title: {data}, issuer: {data}}}
        targets:
          - {{id: a, title: {data}, metric: cases, rule: at_least, value: 5, quote: {quote(5)}}}
          - {{id: b, title: {data}, metric: closed, rule: odd, value: 5, quote: {quote(5)},
              waiver: {{reason: {data}, date: 2022-06-01}}}}
    """)
    def outcomes(cases: int) -> None:
        builder.outcomes(f"- {{metric: cases, value: {cases}, quote: {quote(cases)}}}\n"
                         f"- {{metric: closed, value: 7, quote: {quote(7)}}}")

    outcomes(3)
    from git_support import commit_all, new_repository

    new_repository(tmp_path)
    commit_all(tmp_path, "hidden characters")
    outcomes(6)  # a change for diff: a missed target met
    return tmp_path


def test_c1_controls_and_bidi_overrides_from_data_are_escaped_in_every_format_of_check(hidden, tmp_path):
    """The reported attack: U+009B (CSI) and bidi overrides raw in `--format json` and `-o x.json`."""
    for output_format in stream_formats():
        run = planaudit("check", "2022", "--format", output_format, "--no-cache", "--data", str(hidden), actions=False)
        assert run.returncode == 0, run.stderr
        assert visible(run.stdout + run.stderr), output_format
    outputs = tmp_path / "outputs"
    files = [outputs / f"audit{ending}" for ending in by_suffix()]
    run = planaudit("check", "2022", "--no-cache", *[option for file in files for option in ("-o", str(file))],
                    "--data", str(hidden), actions=False)
    assert run.returncode == 0, run.stderr
    for file in files:
        if file.suffix == ".xlsx":
            with zipfile.ZipFile(file) as workbook:
                text = "".join(workbook.read(name).decode("utf-8") for name in workbook.namelist())
        else:
            text = file.read_text(encoding="utf-8")
        assert HIDDEN[:2] in text or file.suffix == ".xlsx" and "调解" in text, file.name
        assert visible(text), file.name
    results = json.loads((outputs / "audit.json").read_text(encoding="utf-8"))["results"]
    assert results[0]["title"] == HIDDEN  # the same string to a JSON reader


@pytest.mark.parametrize("command", [("explain", "2022", "testville", "a"), ("explain", "2022", "testville", "b"),
                                     ("export", "2022"), ("diff", "--format", "table"), ("diff", "--format", "markdown"),
                                     ("diff", "--format", "json"), ("diff", "--format", "github")])
def test_c1_controls_and_bidi_overrides_from_data_are_escaped_in_every_other_command(hidden, command):
    run = planaudit(*command, "--data", str(hidden), actions=False)
    assert run.returncode == 0, run.stderr
    assert "调解" in run.stdout and visible(run.stdout + run.stderr)


@pytest.mark.parametrize("output_format", [found.name for found in formats(COVERAGE)])
def test_c1_controls_and_bidi_overrides_are_escaped_in_every_format_of_coverage(hidden, tmp_path, output_format):
    plan = tmp_path / "plan.txt"
    plan.write_text(f"2022年工作要点\n一、{HIDDEN}达到90%以上。\n二、案件{INVISIBLE}办结率达到95%。\n", encoding="utf-8")
    run = planaudit("coverage", str(plan), "-j", "testville", "--year", "2022", "--kind", "plan", "--format",
                    output_format, "--data", str(hidden), actions=False)
    assert run.returncode in (0, 1), run.stderr
    assert "调解" in run.stdout and visible(run.stdout + run.stderr)


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_c1_controls_and_bidi_overrides_are_escaped_in_every_format_of_validate(hidden, output_format):
    plan = hidden / "targets" / "2022" / "testville.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("rule: at_least", f"rule: {json.dumps(HIDDEN)}"),
                    encoding="utf-8")
    run = planaudit("validate", "--format", output_format, "--data", str(hidden), actions=False)
    assert run.returncode == 1 and "'rule' must be a slug" in run.stdout, run.stdout
    assert "调解" in run.stdout and visible(run.stdout + run.stderr)
