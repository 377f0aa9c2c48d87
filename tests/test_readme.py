"""Every ``console`` example in the README is the real output of its command on the bundled data."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLE = re.compile(r"```console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```", re.DOTALL)


def examples() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(match["command"], match["output"]) for match in EXAMPLE.finditer(text)]


def test_readme_has_examples():
    assert [command for command, _ in examples()][:1] == ["planaudit check 2022 -j fuzhou"]


@pytest.mark.parametrize(("command", "output"), examples())
def test_readme_example(command, output):
    program, *args = shlex.split(command)
    assert program == "planaudit"
    environment = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    environment.pop("PLANAUDIT_DATA", None)
    environment.pop("COLUMNS", None)
    run = subprocess.run([sys.executable, "-m", "planaudit", *args], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", env=environment, timeout=60)
    assert run.stdout == output


def test_readme_python_examples_run(capsys, tmp_path, monkeypatch):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    library, streamed = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    namespace: dict[str, object] = {}
    monkeypatch.chdir(tmp_path)  # the second example writes audit.json
    for example in (library, streamed):
        exec(compile(example.replace("path/to/data", str(ROOT)), "README.md", "exec"), namespace)  # our own README
    assert {problem.code.value for problem in namespace["problems"]} == {"unused-figure"}  # warnings only
    assert namespace["markdown"].startswith("# 2022年工作要点目标落实情况核查报告")
    assert namespace["one"].verdict.value == "met"
    assert "fuzhou hotline-round-the-clock met stated" in capsys.readouterr().out
    written = json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))
    assert written["summary"]["targets"] == namespace["result"].summary.targets == len(written["results"]) > 0
