"""The Markdown report: hostile titles can neither break a table nor inject links or HTML."""

import re

from planaudit.report import reporter_class
from planaudit.report.markdown import cell
from support import COUNT_METRICS, RepoBuilder

HOSTILE = [
    "a | b | c",
    "第一行\n| 伪造 | 表格 |\n第三行",
    "[点我](javascript:alert(1)) <script>alert(1)</script> **粗体** `代码`",
    "\x1b[31m红色\x1b[0m",
]


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_hostile_titles_stay_inside_their_cells(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    entries = "\n".join(
        f'- {{id: h{i}, title: "{title.encode("unicode_escape").decode()}", metric: cases, rule: at_least, '
        f"value: 1, quote: q}}" for i, title in enumerate(HOSTILE))
    builder.targets(entries)
    builder.outcomes("- {metric: cases, value: 5, quote: \"|引用|\"}")
    report = reporter_class("markdown")("en").render(builder.audit())
    section = report.split("## testville (testville)\n\n")[1].split("\n\n")[0].splitlines()
    assert len(section) == 2 + len(HOSTILE)  # header, rule, one line per target: no newline escaped the table
    assert {unescaped_pipes(line) for line in section} == {8}
    assert "<script>" not in report
    assert not re.search(r"(?<!\\)\]\(", report)  # no unescaped link syntax
    assert "\x1b" not in report
    assert "&lt;script>" in report and "\\[点我\\]" in report and "\\*\\*粗体\\*\\*" in report


def test_cell_escaping():
    assert cell("a|b") == "a\\|b"
    assert cell("x\ny") == "x\\\\ny"  # a visible \n, its backslash escaped for Markdown
    assert cell("<b>&") == "&lt;b>&amp;"  # with no "<", a ">" opens no tag
    assert cell("> 85%") == "> 85%"  # nor a quote, inside a cell
    assert cell("legal_aid.cases") == "legal_aid.cases"  # an underscore between letters is no emphasis
    assert cell("_x_ a_ _b") == "\\_x\\_ a\\_ \\_b"
    assert cell("__init__ 结案率_达") == "\\_\\_init\\_\\_ 结案率_达"  # a run of two could emphasise
    assert cell("医患纠纷调解成功率达85%以上") == "医患纠纷调解成功率达85%以上"
