"""`validate` keeps each file's problems packed until they are listed: what it lists is exactly what
capping and sorting all of them at once gives, in every format, as the whole documents would be."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path

import pytest

from planaudit.check.validate import catalogue_problems, jurisdiction_problems, no_metrics
from planaudit.messages import msg
from planaudit.model.problems import MAX_PER_CODE, Code, Problem, capped, found
from planaudit.read import layout
from planaudit.read.load import scan_everything
from planaudit.report import jsontext
from planaudit.report.problems import PROBLEM_FORMATS, escape_data, escape_property, write_text
from planaudit.run.periods import PeriodPlans
from planaudit.run.validate import Found, validate_everything
from support import generate

EXAMPLES = Path(__file__).parent.parent / "examples"


def every_problem_at_once(root: Path) -> list[Problem]:
    """The exact path: every problem of every file gathered in one list, then capped and sorted."""
    scanned = scan_everything(root)
    periods = PeriodPlans.read(root, scanned.catalogue)
    problems = scanned.loader.problems + catalogue_problems(scanned.catalogue) \
        + no_metrics(scanned.catalogue, len(scanned.jobs) + len(periods.plans)) + periods.problems
    check = functools.partial(jurisdiction_problems, root, catalogue=scanned.catalogue, settings=scanned.settings)
    for slug, files in layout.by_jurisdiction(scanned.jobs):
        problems += check(files, used=periods.uses.get(slug, frozenset()))
    return capped(problems)


@pytest.mark.parametrize("example", sorted(path.name for path in EXAMPLES.iterdir() if path.is_dir()))
def test_the_packed_problems_are_every_problem_capped_and_sorted(example):
    root = EXAMPLES / example
    assert list(validate_everything(root, workers=1)) == every_problem_at_once(root)


def test_problems_found_on_worker_processes_are_the_same(tmp_path):
    generate(tmp_path, 40, seed=5)  # enough jurisdictions for the pool
    (tmp_path / "outcomes" / "2022" / "j0003.yaml").write_text("figures: [\n", encoding="utf-8")
    listed = list(validate_everything(tmp_path, workers=2))
    assert listed == every_problem_at_once(tmp_path)
    assert {problem.code for problem in listed} == {Code.UNUSED_FIGURE, Code.YAML_SYNTAX}


def test_a_file_found_twice_is_capped_once_over_both():
    """One file's problems from two places (the scan, a jurisdiction) are capped as one list."""
    def problem(line: int) -> Problem:
        return Problem("outcomes/2022/a.yaml", line, 1, Code.UNUSED_FIGURE, said=msg("no target uses {name}", name=f"f{line}"))

    first = [problem(line) for line in range(1, 2 * MAX_PER_CODE, 2)]
    second = [problem(line) for line in range(2, 2 * MAX_PER_CODE + 2, 2)]
    other = [Problem("outcomes/2022/-a.yaml", 1, 1, Code.SCHEMA, said=msg("bad"))]
    kept = Found()
    kept.add(first + other)
    kept.add(second)
    assert list(kept) == capped(first + other + second)
    assert list(kept)[-1].message == f"and {2 * MAX_PER_CODE - MAX_PER_CODE} more unused-figure problems in this file"


SOME_PROBLEMS = [
    [],
    [Problem("a.yaml", 1, 2, Code.SCHEMA, said=msg("x"))],
    [Problem(f"p{index // 7}.yaml", index, 1, Code.UNUSED_FIGURE if index % 3 else Code.UNIT,
             said=msg("no target uses {name}", name=f"名{index}\u202e,%:")) for index in range(2345)],
    [Problem("a.yaml", 1, 1, Code.SCHEMA, said=msg("lone {text}", text="\ud800 surrogate"))],
]


@pytest.mark.parametrize("problems", SOME_PROBLEMS, ids=["none", "one", "thousands", "surrogate"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_format_writes_what_the_whole_document_is(problems, lang):
    written = {}
    for name, write in {"text": write_text, **PROBLEM_FORMATS}.items():
        out = io.StringIO()
        tally = write(iter(problems), lang, out)
        written[name] = out.getvalue()
        assert (tally.errors, tally.warnings) == (sum(p.is_error for p in problems), sum(not p.is_error for p in problems))
    assert written["text"] == "\n".join([*(problem.text(lang) for problem in problems), found(problems).render(lang)]) + "\n"
    assert written["json"] == jsontext.dumps({"problems": [
        {"file": problem.path, "line": problem.line, "col": problem.col, "code": problem.code.value,
         "severity": problem.code.severity.value, "message": problem.message} for problem in problems]})
    assert written["github"] == "".join(
        f"::{problem.code.severity.value} file={escape_property(problem.path)},line={problem.line},col={problem.col},"
        f"title={escape_property(problem.code.value)}::{escape_data(problem.words(lang))}\n" for problem in problems)
    results = json.loads(written["sarif"])["runs"][0]["results"]
    assert [(item["properties"]["code"], item["level"], item["locations"][0]["physicalLocation"]["region"]["startLine"])
            for item in results] == [(problem.code.value, problem.severity.value, problem.line) for problem in problems]
