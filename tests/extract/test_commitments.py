"""The commitment finder (planaudit.extract.commitments): a clause of a task section whose predicate
takes an object. Its recall is measured against the hand-annotated commitments of two published
plans (tests/check/commitments/, written from the documents alone before the finder was tuned) and
must be what the README and docs/extract-and-coverage.md say it is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from planaudit.extract.commitments import commitments
from planaudit.extract.segment import clauses

ROOT = Path(__file__).parent.parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
ANNOTATED = sorted((ROOT / "tests" / "check" / "commitments").glob("*.yaml"))
PLAN = """湖滨市司法局2022年工作要点
总体要求：以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想。
一、强化政治建设，坚定正确方向
（一）医患纠纷调解成功率达85%以上。深化“八五”普法，按要求定期召开成员单位会议，以党的政治建设为统领。
（二）加强队伍建设。为全市经济社会发展提供有力法治保障，持续推进模范机关建设。
"""


def found(text: str) -> list[str]:
    return [clause.text for clause in commitments(clauses(text), 2022)]


def test_a_commitment_is_a_predicate_with_its_object_in_a_task_section():
    assert found(PLAN) == [
        "医患纠纷调解成功率达85%以上",  # a section's title, but a number of its own
        "深化“八五”普法",  # 深化: a verb no list of the old finder held
        "按要求定期召开成员单位会议",  # 按要求: a preposition of manner, then the predicate
        "持续推进模范机关建设",
    ]  # not: the preamble, the part's title, 以…为统领 (a frame), 加强队伍建设 (a title), 为…提供保障 (a purpose)


def test_a_clause_outside_the_numbered_parts_is_no_commitment():
    assert found("深化“八五”普法，开展企业法治体检2万家。\n") == []


def annotated(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"source documents not found at {SEEDS}")
@pytest.mark.parametrize("path", ANNOTATED, ids=lambda path: path.stem)
def test_every_annotation_is_a_verbatim_excerpt_of_one_clause(path):
    document = annotated(path)
    lines = (SEEDS / document["document"]).read_text(encoding="utf-8").splitlines()
    for entry in document["commitments"]:
        says = entry["says"]
        assert lines[entry["line"] - 1].count(says) == 1, entry
        assert not re.search(r"[，,；;。：:]", says) and entry["kind"] in ("concrete", "general"), entry


def recall(path: Path) -> tuple[int, int, int]:
    """(found, annotated, precision): the annotated commitments whose clause the finder finds, and
    the share in whole percent of the clauses it finds that hold an annotated one."""
    document = annotated(path)
    found_clauses = list(commitments(clauses((SEEDS / document["document"]).read_text(encoding="utf-8")), 2022))
    entries = document["commitments"]
    hits = [entry for entry in entries
            if any(clause.line == entry["line"] and entry["says"] in clause.text for clause in found_clauses)]
    holding = [clause for clause in found_clauses
               if any(clause.line == entry["line"] and entry["says"] in clause.text for entry in entries)]
    return len(hits), len(entries), len(holding) * 100 // len(found_clauses)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"source documents not found at {SEEDS}")
@pytest.mark.parametrize("path", ANNOTATED, ids=lambda path: path.stem)
def test_the_recall_stated_in_the_docs_is_the_measured_one(path):
    hits, total, precision = recall(path)
    stated = f"{hits} of {total} ({hits * 100 / total:.1f}%)"
    for page in (ROOT / "README.md", ROOT / "docs" / "extract-and-coverage.md"):
        assert f"{path.stem}: {stated}" in page.read_text(encoding="utf-8"), (page.name, stated)
    city = path.stem.split("-")[0].capitalize()
    assert f"{precision}% ({city})" in (ROOT / "docs" / "extract-and-coverage.md").read_text(encoding="utf-8")
    assert hits / total >= 0.95
