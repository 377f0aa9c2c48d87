"""Every problem and error has its Chinese wording (--lang zh, or a zh locale)."""

from __future__ import annotations

import re

import pytest

from planaudit import errors
from planaudit.model.problems import Code, Problem
from planaudit.report.messages_zh import localize
from problem_cases import CASES  # the problem of every code, as validate gives it

# What stays as written in a Chinese message: names from the data, codes, paths, keys and keywords.
_KEPT = re.compile(r"0x[0-9a-f]+|'[^']*'|\"[^\"]*\"|（YAML 解析器：[^）]*）|\S*[._/<>:@=*&!-]\S*|"
                   r"\b(?:YAML|UTF|planaudit|git|diff|TODO|true|false|exact|lower|upper|value|baseline|actual|expr|derive|"
                   r"scopes|bound|jurisdiction|year|kind|plan|report|force|about|missed|unmeasured|inconsistent|never|zh|en)\b")


def untranslated(text: str, data: str = "") -> list[str]:
    """The English words of ``text`` that are not names from the data."""
    names = set(re.findall(r"[A-Za-z_]+", data))
    return [word for word in re.findall(r"[A-Za-z]{3,}", _KEPT.sub(" ", text)) if word not in names]


@pytest.mark.parametrize("code", list(CASES), ids=lambda code: code.value)
def test_every_problem_code_reads_in_chinese(code):
    _, data, _, message = CASES[code]
    text = localize(str(Problem("targets/2022/x.yaml", 1, 1, code, message)), "zh")
    assert text.startswith(f"targets/2022/x.yaml:1:1: {code.value} ")
    assert untranslated(text.split(" ", 2)[2], data + " achieved at_least equals boolean county") == [], text


@pytest.mark.parametrize("error", [
    errors.InvalidData([Problem("rules/", 1, 1, Code.UNKNOWN_METRIC, "unknown metric 'x'")]),
    errors.NoTargets(__import__("pathlib").Path("/data"), 2021, [2022]),
    errors.UnknownJurisdiction(2022, ["fuzou"], ["fuzhou"]),
    errors.UnknownTarget(2022, "fuzhou", "zzz", ["a", "b"]),
    errors.UnknownTarget(2022, "fuzhou", "a", ["ab", "ac"], ["ab", "ac"]),
    errors.NotADataRepository(__import__("pathlib").Path("/tmp/x")),
    errors.CannotWrite(__import__("pathlib").Path("/x.md"), "it is a directory"),
    errors.OutputExists(__import__("pathlib").Path("/x.yaml")),
    errors.NotAGitRepository(__import__("pathlib").Path("/tmp/x")),
    errors.UnknownRevision("mian"),
    errors.NoDefaultBranch(["origin/main", "main", "master"]),
    errors.GitFailed("merge-base", "git cannot be run (No such file or directory)"),
    errors.NoDataFile("targets", 2022, "fuzou", ["fuzhou"]),
    errors.UnknownDocument("targets", 2022),
    errors.CannotExtract("plan.txt", 3, 7, "is not UTF-8 text (byte 0xb9); save the file as UTF-8, or pass --encoding "
                                           "gb18030 for GBK or GB18030 text"),
    errors.CannotExtract("plan.txt", 1, 1, "unknown encoding 'gbx'"),
    errors.CannotExtract("plan.txt", 2, 4, "not big5 text: byte 0xff cannot be read"),
], ids=lambda error: f"{type(error).__name__}-{str(error)[:20]}")
def test_every_error_reads_in_chinese(error):
    text = localize(error.format(), "zh")
    assert untranslated(text, "fuzou fuzhou zzz mian main master No such file or directory plan.txt gbx big5 SLUG "
                              "GBK GB18030 gb18030 UTF-8 encoding") == [], text


def test_english_stays_as_it_is():
    assert localize("1 error found", "en") == "1 error found"
    assert localize("2 errors and 1 warning found; not judged: a", "zh") == "发现2个错误、1个警告；未评估：a"


@pytest.mark.parametrize(("message", "chinese"), [
    ("unknown key 'x' (allowed here: id, title)", "未知的键 'x'（此处可用：id, title）"),
    ("'value' must be a decimal number such as 85, 97.12 or 85%, not '1_000' (YAML 1.1 tools would read it as 1000)",
     "'value' 应为十进制数，如 85、97.12 或 85%，而不是 '1_000'（YAML 1.1 工具会读作 1000）"),
    ("entry 2 of 'targets' must be a mapping (one target), not 'x'", "'targets' 的第2项 应为映射（一项目标），而不是 'x'"),
    ("and 5 more schema problems in this file", "本文件另有5个 schema 问题"),
    ("'derive': sum() takes 1 argument, not 2", "'derive'：sum() 需要1个参数，而不是2个"),
    ("failed: 2 verdicts worse (2022 a/x, 2022 b/y), 1 new inconsistent figure — --fail-on worse,inconsistent",
     "未通过：变差2项（2022 a/x, 2022 b/y）；新出现数据不一致1处 —— --fail-on worse,inconsistent"),
    ("`git ls-tree` failed: fatal: bad object", "`git ls-tree` 执行失败：fatal: bad object"),
    ("rule at_least takes no direction (only a rule such as about does)",
     "规则 at_least 不接受 direction（只有 about 这样的规则接受）"),
    ("rule about needs a tolerance: tolerance: (0.5) or tolerance_share: (5%) here, or about_tolerance: in planaudit.yaml",
     "规则 about 需要允许偏差：在此写 tolerance:（如 0.5）或 tolerance_share:（如 5%），"
     "或在 planaudit.yaml 中写 about_tolerance:"),
    ("give tolerance or tolerance_share, not both", "tolerance 与 tolerance_share 只能给出其一"),
    ("of_target names target 'a', which is of cases, not closed", "of_target 所指的目标 'a' 的指标是 cases，而不是 closed"),
    ("a share of target a is a percentage: write 126%", "目标 a 的完成比例应为百分数：请写 126%"),
    ("of_target names target 'b', which the 2022 plan does not have", "of_target 所指的目标 'b' 不在2022年的工作要点中"),
    ("approx_share is for a figure of bound approx", "approx_share 只用于 bound 为 approx 的数据"),
    ("document id 'q1' is listed twice", "文件编号 'q1' 重复"),
    ("expr may name only actual, value and baseline (growth, with growth: true), not 'growth'",
     "expr 只能使用 actual、value 和 baseline（声明 growth: true 时还可用 growth），不能使用 'growth'"),
    ("derive names unknown scope 'town' in projects[town]: declare it under scopes: in rules/",
     "derive 在 projects[town] 中引用了未声明的范围 'town'：请在 rules/ 的 scopes: 下声明"),
    ("rate is also reported on line 4 with conflict: true; a figure the report states twice says conflict: true at both",
     "rate 在第4行也有报告且标有 conflict: true；总结两处所述不同的数据，两处都应标 conflict: true"),
    ("value_source: report needs value_quote: the report's words that state the value",
     "value_source: report 需要 value_quote：工作总结中陈述该目标值的原文"),
    ("value_quote is for value_source: report", "value_quote 只用于 value_source: report"),
    ("rule equals cannot hold over a year: over: year is for a ceiling or a floor (at_most, less_than, at_least, more_than)",
     "规则 equals 不能约束全年：over: year 只用于上限或下限规则（at_most, less_than, at_least, more_than）"),
    ("rule about cannot take another metric's figure as its value", "规则 about 不能以另一指标的数据作为目标值"),
    ("value names gdp.growth, in percent; cases is in case", "value 所指的 gdp.growth 单位为 percent，而 cases 的单位为 case"),
    ("bound approx needs the share the figure may be off by: approx_share: (5%) here, or approx_share: in planaudit.yaml",
     "bound approx 需要给出数据可能的偏差比例：在此写 approx_share:（如 5%），或在 planaudit.yaml 中写 approx_share:"),
    ("tolerance 5% is a percentage but the value is not; for a share of the value write tolerance_share: 5%",
     "tolerance 5% 是百分数，而目标值不是；如指目标值的比例，请写 tolerance_share: 5%"),
    ("cannot tell the year (no title such as 2022年工作要点); pass --year",
     "无法判断年份（没有“2022年工作要点”这样的标题）；请加 --year"),
])
def test_wordings_built_of_parts(message, chinese):
    assert localize(message, "zh") == chinese
