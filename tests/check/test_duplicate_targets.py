"""No double counting: a commitment made twice, or two commitments proven by one sentence of the
report, is the warning duplicate-target."""

from __future__ import annotations

from planaudit import api
from planaudit.model.problems import Code
from support import COUNT_METRICS, RepoBuilder

METRICS = COUNT_METRICS + """
  platform:
    label: Platforms interconnected
    unit: boolean
"""
TARGETS = """
- {id: hotline, title: 开通服务热线, metric: open, rule: achieved, quote: 开通服务热线}
- {id: platforms, title: 实现平台互联互通, metric: platform, rule: achieved, quote: 实现平台互联互通}
"""


def problems(tmp_path, figures: str) -> list[tuple[str, int, Code]]:
    RepoBuilder(tmp_path).rules(METRICS).targets(TARGETS).outcomes(figures)
    return [(problem.path, problem.line, problem.code) for problem in api.validate(tmp_path)
            if problem.code is Code.DUPLICATE_TARGET]


def test_two_commitments_proven_by_one_sentence_are_a_duplicate(tmp_path):
    sentence = "热线平台开通并与平台互联互通"
    found = problems(tmp_path, f"- {{metric: open, value: true, quote: {sentence}}}\n"
                               f"- {{metric: platform, value: true, quote: {sentence}}}")
    assert found == [("targets/2022/testville.yaml", 5, Code.DUPLICATE_TARGET)]
    (problem,) = [item for item in api.validate(tmp_path) if item.code is Code.DUPLICATE_TARGET]
    assert problem.message.startswith("target 'platforms' is proven by the very sentence that proves 'hotline' (line 4)")


def test_each_resting_on_words_of_its_own_is_no_duplicate(tmp_path):
    assert problems(tmp_path, "- {metric: open, value: true, quote: 开通服务热线}\n"
                              "- {metric: platform, value: true, quote: 实现平台互联互通}") == []


def test_counts_stated_in_one_sentence_are_no_duplicate(tmp_path):
    """Numbers are measured, each its own: only a sentence read as two things done counts twice."""
    RepoBuilder(tmp_path).rules(COUNT_METRICS).targets(
        "- {id: a, title: 受理300件, metric: cases, rule: at_least, value: 300, quote: 受理300件}\n"
        "- {id: b, title: 结案270件, metric: closed, rule: at_least, value: 270, quote: 结案270件}").outcomes(
        "- {metric: cases, value: 310, quote: 受理310件结案280件}\n- {metric: closed, value: 280, quote: 受理310件结案280件}")
    assert [problem for problem in api.validate(tmp_path) if problem.code is Code.DUPLICATE_TARGET] == []
