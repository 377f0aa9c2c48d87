"""Every format says the same: what a reader looks for in a row — deadline, scope, section, the
plan's words, document, basis, strength, what the verdict rests on — is in each format, held here to
the JSON result field by field, on the bundled data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planaudit import audit
from planaudit.model.result import Grounds
from planaudit.report import reporter_class
from planaudit.report.i18n import GROUNDS, WORDS, date_text

ROOT = Path(__file__).parent.parent.parent


@pytest.fixture(scope="module")
def result():
    return audit(ROOT, 2022)


@pytest.fixture(scope="module")
def rows(result):
    return json.loads(reporter_class("json")("en").render(result))["results"]


def test_the_bundled_rows_have_every_field_to_compare(rows):
    """So that the comparisons below are not empty: deadlines, scopes, sections, hedges, readings."""
    assert all(any(row[key] for row in rows) for key in ("deadline", "scope", "section", "grounds"))
    assert {row["strength"] for row in rows} == {"firm", "strive", "explore"}


def test_csv_says_what_json_says(result, rows):
    written = list(csv.DictReader(io.StringIO(reporter_class("csv")("en").render(result).lstrip("\ufeff"))))
    assert len(written) == len(rows)
    for row, line in zip(rows, written, strict=True):
        expected = {"id": row["id"], "verdict": row["verdict"], "grounds": row["grounds"] or "",
                    "strength": row["strength"], "basis": row["basis"] or "", "scope": row["scope"] or "",
                    "deadline": row["deadline"] or "", "section": row["section"] or "", "plan_quote": row["quote"],
                    "document": (row["document"] or {}).get("title") or ""}
        assert {key: line[key] for key in expected} == expected


def test_the_markdown_rows_say_what_json_says(result, rows):
    markdown = reporter_class("markdown")("en").render(result)
    lines = {}
    for line in markdown.splitlines():
        for row in rows:
            if line.count("`") >= 2 and line.split("`")[1] == row["id"] and row["target_file"] in line.replace("\\", ""):
                lines[(row["jurisdiction"], row["id"])] = line.replace("\\", "")
    assert len(lines) == len(rows)
    for row in rows:
        line = lines[(row["jurisdiction"], row["id"])]
        if row["grounds"]:
            assert GROUNDS["en"][Grounds(row["grounds"])] in line, row["id"]
        if row["strength"] != "firm":
            assert f"({row['strength']})" in line, row["id"]
        if row["deadline"]:
            assert WORDS["en"]["by_date"].format(date=row["deadline"]) in line, row["id"]
        if row["scope"]:
            assert f"scope {row['scope']}" in line, row["id"]
        if row["section"]:
            assert f"· {row['section']}" in line, row["id"]
        assert row["quote"] in line, row["id"]


def test_the_workbook_rows_say_what_json_says(result, rows):
    book = load_workbook(io.BytesIO(reporter_class("xlsx")("en").render_bytes(result)))
    found = {}
    for slug in {row["jurisdiction"] for row in rows}:
        sheet = [list(line) for line in book[slug].iter_rows(values_only=True)]
        header = sheet[2]
        for line in sheet[3:]:
            found[(slug, line[2])] = dict(zip(header, line, strict=True))
    for row in rows:
        line = found[(row["jurisdiction"], row["id"])]
        assert (line["Verdict code"], line["Rests on"] or None, line["Scope"] or None, line["Section"] or None,
                line["Strength"]) == (row["verdict"], row["grounds"], row["scope"], row["section"], row["strength"])
        assert (line["Deadline"] or None) == row["deadline"]


def test_a_date_reads_as_its_readers_write_it():
    import datetime as dt

    assert date_text(dt.date(2022, 4, 30), "zh") == "2022年4月30日"
