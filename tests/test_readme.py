"""The README: short, its two commands the ones CI runs, a reason for every dependency, a link to every
page; and every ``console`` example of the README and of docs/ is the real output of its command."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from acceptance_support import planaudit

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGES = sorted((ROOT / "docs").glob("*.md"))
EXAMPLE = re.compile(r"```console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```", re.DOTALL)
CUT = re.compile(r"(?P<command>.*?) \| (?P<end>head|tail) -n (?P<lines>\d+)")  # an excerpt of the output
ON_ITS_OWN = {"GITHUB_WORKSPACE": str(ROOT)}  # run at the top of planaudit's repository: paths are named from there


def examples() -> list[tuple[str, str, str]]:
    documents = [ROOT / "README.md", *PAGES]
    return [(document.relative_to(ROOT).as_posix(), match["command"], match["output"])
            for document in documents for match in EXAMPLE.finditer(document.read_text(encoding="utf-8"))]


def excerpt(output: str, end: str, lines: int) -> str:
    kept = output.splitlines(keepends=True)
    return "".join(kept[:lines] if end == "head" else kept[-lines:])


def section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    following = text.find("\n## ", start + 1)
    return text[start:following if following >= 0 else len(text)]


def test_the_readme_reads_in_two_minutes():
    assert len(README.splitlines()) <= 200


def test_the_readme_s_two_commands_are_those_ci_runs():
    commands = re.findall(r"```sh\n(.*?)```", section(README, "Quick start"), re.DOTALL)
    assert commands == ['pip install -e ".[test]" && planaudit check 2022\n', "pytest\n"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet -e ".[test]"' in ci
    assert "\nplanaudit check 2022 " in ci
    assert "\npytest\n" in ci


def dependency_names() -> set[str]:
    tomllib = pytest.importorskip("tomllib", reason="tomllib comes with Python 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *(item for group in project["optional-dependencies"].values() for item in group)]
    return {re.match(r"[A-Za-z0-9._-]+", requirement)[0].lower() for requirement in declared}


def test_every_dependency_has_its_reason_in_the_readme():
    reasons = {name.lower(): reason.strip()
               for names, reason in re.findall(r"^- (.+?) — (.+)$", section(README, "Why each dependency"), re.MULTILINE)
               for name in re.findall(r"\*\*(\S+?)\*\*", names)}
    assert {name: reasons.get(name, "") for name in dependency_names() if not reasons.get(name)} == {}


def test_the_readme_links_every_page_of_the_docs():
    linked = set(re.findall(r"\]\(docs/([^)#]+\.md)(?:#[^)]*)?\)", section(README, "Where to go next")))
    assert linked == {page.name for page in PAGES} - {"index.md"}


def test_no_page_sends_a_reader_outside_the_project():
    for document in [ROOT / "README.md", *PAGES]:
        text = document.read_text(encoding="utf-8")
        assert "SPEC.md" not in text and "../shared" not in text, document.name


def test_the_readme_starts_with_the_bundled_audit():
    assert [command for document, command, _ in examples() if document == "README.md"] == [
        "planaudit check 2022 -j fuzhou | head -n 22"]


@pytest.mark.parametrize(("document", "command", "output"), examples())
def test_console_example(document, command, output):
    cut = CUT.fullmatch(command)
    program, *args = shlex.split(cut["command"] if cut else command)
    assert program == "planaudit"
    run = planaudit(*args, data=None, cwd=ROOT, env=ON_ITS_OWN)  # in this process, as a new process would run it
    assert (excerpt(run.stdout, cut["end"], int(cut["lines"])) if cut else run.stdout) == output


def test_the_python_api_examples_run(capsys, tmp_path, monkeypatch):
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    library, streamed = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    namespace: dict[str, object] = {}
    monkeypatch.chdir(tmp_path)  # the second example writes audit.json
    for example in (library, streamed):
        exec(compile(example.replace("path/to/data", str(ROOT)), "docs/api.md", "exec"), namespace)  # our own docs
    assert {problem.code.value for problem in namespace["problems"]} == {"unused-figure"}  # warnings
    assert namespace["markdown"].startswith("# 2022年工作要点目标落实情况核查报告")
    assert namespace["one"].verdict.value == "met"
    assert "fuzhou hotline-round-the-clock met stated" in capsys.readouterr().out
    written = json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))
    summary = written["summary"]  # each commitment once, an umbrella's items apart; a row for each
    assert summary["targets"] == namespace["result"].summary.targets and summary["targets"] + summary["items"] == len(
        written["results"]) > 0
