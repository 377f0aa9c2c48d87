"""`planaudit validate`: one test per problem code, with its file, line, column and message."""

from __future__ import annotations

import os

import pytest

from planaudit import api
from planaudit.model.problems import Code
from problem_cases import CAP, CASES, DIFF_ONLY, FIFO, LINK_INSIDE, LINK_TO_DEV_NULL, OVER_THE_CAP, PLANS
from support import COUNT_METRICS, RepoBuilder
from translated import untranslated


def test_every_code_has_a_case():
    assert set(CASES) == set(Code)


@pytest.mark.parametrize("code", [code for code in CASES if code not in DIFF_ONLY], ids=lambda code: code.value)
def test_problem_code(tmp_path, code):
    path, text, (line, col), message = CASES[code]
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    if code in PLANS:
        builder.write("targets/2022/testville.yaml", PLANS[code])
    file = tmp_path / path
    file.parent.mkdir(parents=True, exist_ok=True)
    if text == LINK_TO_DEV_NULL:
        file.symlink_to("/dev/null")
    elif text == LINK_INSIDE:
        file.symlink_to(os.path.relpath(tmp_path / "rules" / "metrics.yaml", file.parent))
    elif text == OVER_THE_CAP:
        (tmp_path / "planaudit.yaml").write_text(f"max_file_size: {CAP}\n", encoding="utf-8")
        file.write_bytes(b"#" * (CAP + 1))
    elif text == FIFO:
        os.mkfifo(file)
    else:
        file.write_bytes(text.encode("utf-8", "surrogateescape"))
    problems = [problem for problem in api.validate(tmp_path)  # a figure of a broken file is used by no target
                if problem.code is not Code.UNUSED_FIGURE or code is Code.UNUSED_FIGURE]
    assert [(problem.path, problem.line, problem.col, problem.code, problem.message) for problem in problems] == [
        (path, line, col, code, message)], builder
    chinese = problems[0].text("zh")  # the same problem in Chinese, from its wording and parameters
    assert chinese.startswith(f"{path}:{line}:{col}: {code.value} ") and chinese != str(problems[0])
    assert untranslated(chinese.split(" ", 2)[2], text + " achieved at_least equals boolean county note") == [], chinese


TRAPS = {"yes": "true", "no": "false", "on": "true", "off": "false", "1_000": "1000", "0x1F": "31", "010": "8",
         ".nan": "nan", ".inf": "inf", "-.inf": "-inf"}


@pytest.mark.parametrize(("text", "reading"), list(TRAPS.items()))
def test_yaml11_traps_where_text_is_expected(tmp_path, text, reading):
    RepoBuilder(tmp_path).rules(COUNT_METRICS).write(
        "targets/2022/testville.yaml", f"jurisdiction: testville\nyear: 2022\nname: {text}\ntargets: []\n")
    (problem,) = api.validate(tmp_path)
    assert (problem.line, problem.col, problem.code) == (3, 7, Code.YAML11)
    assert problem.message == f"'{text}' is read as {reading} by YAML 1.1 tools; quote it if you mean the text: \"{text}\""


@pytest.mark.parametrize(("text", "reading"), [(text, reading) for text, reading in TRAPS.items() if text != "010"])
def test_yaml11_traps_where_a_number_is_expected(tmp_path, text, reading):
    RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(
        f"- {{id: a, title: t, metric: cases, rule: at_least, value: {text}, quote: q}}")
    (problem,) = api.validate(tmp_path)
    assert (problem.line, problem.code) == (4, Code.SCHEMA)
    assert problem.message == (f"'value' must be a decimal number such as 85, 97.12 or 85%, not '{text}' "
                               f"(YAML 1.1 tools would read it as {reading})")


def test_a_leading_zero_number_is_a_trap(tmp_path):
    RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(
        "- {id: a, title: t, metric: cases, rule: at_least, value: 010, quote: q}")
    (problem,) = api.validate(tmp_path)
    assert (problem.line, problem.code, problem.message) == (
        4, Code.YAML11, "'010' is read as 8 by YAML 1.1 tools; write it as 10")


def test_problems_at_one_place_sort_by_code():
    from planaudit.model.problems import Problem

    unit = Problem("targets/2022/a.yaml", 4, 5, Code.UNIT, "b")
    missing = Problem("targets/2022/a.yaml", 4, 5, Code.VALUE_MISSING, "a")
    assert sorted([missing, unit]) == [unit, missing]
