"""The formats of `planaudit progress` for programs and CI logs: what fails in JUnit, the GitHub
annotations capped at ten a level, and data that can never command a runner or a spreadsheet."""

from __future__ import annotations

import io
import json
from pathlib import Path

import yaml

from planaudit.report import PROGRESS, reporter_class
from planaudit.run.progress import progress

METRICS = {"metrics": {"level": {"unit": "percent"}}}


def repository(tmp_path: Path, titles: list[str]) -> Path:
    """Targets of those titles, each behind in 2021 (61 against an expected share of 0.2 of 60 → 70: p = 0.1)."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "metrics.yaml").write_text(yaml.safe_dump(METRICS), encoding="utf-8")
    plan = tmp_path / "targets" / "2021-2025" / "here.yaml"
    plan.parent.mkdir(parents=True)
    targets = [{"id": f"t{index}", "title": title, "quote": "q", "metric": "level", "kind": "reach", "value": 70,
                "base": {"value": 60, "year": 2020, "quote": "60"}} for index, title in enumerate(titles)]
    plan.write_text(yaml.safe_dump({"jurisdiction": "here", "period": "2021-2025", "targets": targets}, allow_unicode=True),
                    encoding="utf-8")
    report = tmp_path / "outcomes" / "2021" / "here.yaml"
    report.parent.mkdir(parents=True)
    report.write_text(yaml.safe_dump({"jurisdiction": "here", "year": 2021, "figures": [
        {"metric": "level", "value": "60.9", "quote": "60.9"}]}), encoding="utf-8")
    return tmp_path


def written(root: Path, name: str) -> str:
    out = io.StringIO()
    reporter_class(name, PROGRESS)("en").write(progress(root, 2021, 2025).result, out)
    return out.getvalue()


def test_github_annotates_ten_of_a_level_then_counts_the_rest(tmp_path):
    lines = written(repository(tmp_path, [f"目标{index}" for index in range(13)]), "github").splitlines()
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(warnings) == 11 and warnings[0].startswith("::warning file=targets/2021-2025/here.yaml,line=")
    assert warnings[-1] == "::warning title=progress::and 3 more (warning): see the whole report"


def test_a_title_from_the_data_commands_no_runner_and_no_spreadsheet(tmp_path):
    root = repository(tmp_path, ["x\n::error file=a::pwned", "=HYPERLINK(\"http://x\")"])
    github = written(root, "github")
    assert not any(line.startswith("::error") for line in github.splitlines())
    assert "::x\\n::error file=a::pwned — 2021: behind" in github  # the line break shown, on the annotation's line
    csv_text = written(root, "csv")
    assert ',"\'=HYPERLINK' in csv_text and ',"=HYPERLINK' not in csv_text  # quoted, and never a formula
    assert json.loads(written(root, "json"))["targets"][0]["title"] == "x\n::error file=a::pwned"  # JSON keeps it exact
