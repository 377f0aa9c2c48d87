"""A plan republished in Traditional characters is drafted as its Simplified original would be, its
quotes kept verbatim."""

from __future__ import annotations

from decimal import Decimal

from planaudit.extract import extract_text

TRADITIONAL = ("某市2023年工作要點\n一、民生實事\n"
               "（一）新建學校不少於50所，城鎮新增就業達到12萬人以上，4月底前信訪積案全面清零。\n")
SIMPLIFIED = ("某市2023年工作要点\n一、民生实事\n"
              "（一）新建学校不少于50所，城镇新增就业达到12万人以上，4月底前信访积案全面清零。\n")


def test_traditional_reads_as_simplified_and_quotes_stay_verbatim():
    traditional = extract_text(TRADITIONAL, "plan.txt", "x")
    simplified = extract_text(SIMPLIFIED, "plan.txt", "x")
    assert [(t.rule, t.value, t.deadline, t.section) for t in traditional.targets] == [
        (t.rule, t.value, t.deadline, t.section) for t in simplified.targets]
    assert [(t.clause, t.rule, t.value) for t in traditional.targets] == [
        ("新建學校不少於50所", "at_least", Decimal(50)), ("城鎮新增就業達到12萬人以上", "at_least", Decimal(120000)),
        ("4月底前信訪積案全面清零", "equals", Decimal(0))]
    assert (traditional.kind, traditional.year, traditional.title) == (simplified.kind, 2023, "某市2023年工作要點")
