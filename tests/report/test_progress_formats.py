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


def test_the_workbook_holds_every_status_as_text_and_a_chart_per_target(tmp_path):
    import openpyxl

    root = repository(tmp_path, ["=HYPERLINK(\"http://x\")", "目标"])
    path = tmp_path / "progress.xlsx"
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    reporter_class("xlsx", PROGRESS)("en").write(progress(root, 2021, 2025).result, out)
    path.write_bytes(out.buffer.getvalue())  # type: ignore[attr-defined]
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["status", "here", "chart"]
    rows = [[cell.value for cell in row] for row in workbook["here"].iter_rows(min_row=4)]
    assert [row[0] for row in rows] == ['t0 =HYPERLINK("http://x")', "t1 目标"] and [row[4] for row in rows] == ["behind"] * 2
    assert all(cell.data_type == "s" for row in workbook["here"].iter_rows(min_row=4) for cell in row if cell.value)
    assert len(workbook["chart"]._charts) == 0  # one year's figure each: nothing to draw a line through


def test_a_jurisdiction_named_as_a_sheet_of_the_workbook_gets_a_sheet_of_its_own(tmp_path):
    import openpyxl

    root = repository(tmp_path, ["目标"])
    (root / "targets" / "2021-2025" / "here.yaml").rename(root / "targets" / "2021-2025" / "chart.yaml")
    plan = root / "targets" / "2021-2025" / "chart.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("jurisdiction: here", "jurisdiction: chart"), encoding="utf-8")
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    reporter_class("xlsx", PROGRESS)("en").write(progress(root, 2021, 2025).result, out)
    (tmp_path / "p.xlsx").write_bytes(out.buffer.getvalue())  # type: ignore[attr-defined]
    assert openpyxl.load_workbook(tmp_path / "p.xlsx").sheetnames == ["status", "chart", "chart~2"]


def test_explain_shows_a_document_s_title_from_the_data_as_text(tmp_path):
    from planaudit.report.progress_explain import render_progress_explanation

    root = repository(tmp_path, ["目标"])
    report = root / "outcomes" / "2021" / "here.yaml"
    report.write_text("document: {title: \"公报\\e[2J\"}\n" + report.read_text(encoding="utf-8"), encoding="utf-8")
    result = progress(root, 2021, 2025).result
    text = render_progress_explanation(result.targets[0], result)
    assert "\x1b" not in text and "《公报\\x1b[2J》" in text
