"""`planaudit extract`: each wording of a plan or a report gives the entry docs/format.md describes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from planaudit.extract import CannotExtract, DocumentKind, extract_text, guess_kind, guess_period, guess_year, render
from planaudit.extract.render import scalar
from planaudit.model.data import Bound


def targets(text: str, year: int = 2022) -> list[tuple[str, str | None, str | None, dt.date | None]]:
    """(rule, value as written, unit, deadline) of each target drafted from a plan's text."""
    draft = extract_text(text, "plan.txt", "testville", DocumentKind.PLAN, year)
    return [(t.rule, None if t.value is None else f"{t.value}{'%' if t.percent else ''}", t.unit, t.deadline)
            for t in draft.targets]


def figures(text: str) -> list[tuple[str, Bound, str | None]]:
    draft = extract_text(text, "report.txt", "testville", DocumentKind.REPORT, 2022)
    return [(f"{f.value}{'%' if f.percent else ''}", f.bound, f.counter) for f in draft.figures]


@pytest.mark.parametrize(("text", "rule", "value"), [
    ("医患纠纷调解成功率达85%以上。", "at_least", "85%"),
    ("调解成功率不低于90%。", "at_least", "90%"),
    ("办理法律援助案件不少于500件。", "at_least", "500"),
    ("全市律师万人比要达到3.4。", "at_least", "3.4"),
    ("至少保证设立1家律师调解工作室。", "at_least", "1"),
    ("群众满意率超过95%。", "more_than", "95%"),
    ("公证质量合格率高于98%。", "more_than", "98%"),
    ("再犯罪率严格控制在0.16%以下。", "at_most", "0.16%"),
    ("确保行政败诉率控制在8%以内。", "at_most", "8%"),
    ("投诉率不超过2%。", "at_most", "2%"),
    ("行政复议纠错率低于5%。", "less_than", "5%"),
    ("案件积压率不满3%。", "less_than", "3%"),
    ("超期案件少于10件。", "less_than", "10"),
    ("力争行政复议后“零败诉”。", "equals", "0"),
    ("信访积案全面清零。", "equals", "0"),
    ("推动法律援助案件量同比增长20%以上。", "growth_at_least", "20%"),
    ("实现村（社区）法律顾问全覆盖。", "achieved", None),
    ("建成市级公共法律服务中心。", "achieved", None),
    ("开通7×24小时12348热线法律咨询服务。", "achieved", None),
    ("高质量创成法治政府建设示范市。", "achieved", None),
])
def test_plan_wording_gives_the_rule(text, rule, value):
    ((found_rule, found_value, _, _),) = targets(text)
    assert (found_rule, found_value) == (rule, value)


@pytest.mark.parametrize(("counter", "unit"), [
    ("件", "case"), ("人", "person"), ("名", "person"), ("人次", "person_time"), ("个", "item"),
    ("家", "organisation"), ("所", "institution"), ("场", "event"),
])
def test_counts_keep_their_unit(counter, unit):
    assert targets(f"全年开展活动12{counter}以上。") == [("at_least", "12", unit, None)]


def test_per_ten_thousand_and_scale_words():
    assert targets("全市律师万人比要达到3.4，全年计划开展企业法治体检2万家(次)。") == [
        ("at_least", "3.4", "per_10k", None), ("at_least", "20000", "organisation", None)]


@pytest.mark.parametrize(("text", "year", "deadline"), [
    ("信访积案力争在4月底前全面化解清零。", 2022, dt.date(2022, 4, 30)),
    ("2月底前，完成清理，做到清零。", 2024, dt.date(2024, 2, 29)),
    ("力争在2月底前，积案清零。", 2023, dt.date(2023, 2, 28)),
    ("12月底前建成调解中心。", 2022, dt.date(2022, 12, 31)),
    ("年底前实现全覆盖。", 2022, dt.date(2022, 12, 31)),
])
def test_month_end_deadlines(text, year, deadline):
    assert [found[3] for found in targets(text, year)] == [deadline]


@pytest.mark.parametrize("text", [
    "深入学习贯彻习近平法治思想，坚持党的绝对领导。",  # no number, no checkable state
    "2022年是党的二十大召开之年。",  # a year
    "4月1日起施行。",  # a date
    "围绕“12357”总思路，采取“1+3”梯度推进。",  # names, not measures
    "提升“12348”热线质效。",
    "第二批首违免罚清单。",
    "执业律师30名以上的律师事务所。",
])
def test_sentences_without_a_commitment_give_nothing(text):
    assert targets(text) == []


def test_a_deadline_inside_a_clause_is_that_clause_s_alone():
    assert [found[3] for found in targets("信访积案4月底前清零，律师万人比要达到3.4。")] == [dt.date(2022, 4, 30), None]


def test_a_qualifier_is_no_number_to_reach_but_the_upgrade_is_a_commitment():
    assert targets("面积在500平方米以下的县级矫正中心升级改造。") == [("achieved", None, None, None)]  # not ≤ 500


@pytest.mark.parametrize(("text", "drafted"), [
    ("建立行政复议咨询委员会。", True),
    ("打造“智慧公证”系列线上服务平台。", True),  # 打造 a named platform
    ("创新医患纠纷“154XX模式”。", True),  # 创新 a named model
    ("加快建设衢州市首家法医病理实验室。", True),  # 建设 as a verb
    ("加强队伍素质能力建设。", False),  # 建设 as a noun
    ("突出重点、突破难点、打造亮点。", False),  # 打造 nothing to show
    ("强化创新引领。", False),
    ("以开展司法所建设工作“回头看”为抓手。", False),  # a framing: how, not what
    ("在普惠均等方面推出三项举措。", False),  # the lead-in to the items that follow
])
def test_verbs_of_building_draft_achieved_targets(text, drafted):
    assert (targets(text) == [("achieved", None, None, None)]) is drafted


def test_a_qualifier_does_not_hide_the_commitment_after_it():
    assert targets("执业律师30名以上的中等规模所要达到2家以上。") == [("at_least", "2", "organisation", None)]


def test_target_fields_title_quote_and_section():
    draft = extract_text("一、法治政府\n（二）行政复议\n巩固建设成果，确保行政败诉率控制在8%以内。\n",
                         "plan.txt", "testville", DocumentKind.PLAN, 2022)
    (target,) = draft.targets
    assert (target.id, target.clause, target.section, target.line) == ("t01", "确保行政败诉率控制在8%以内", "一（二）", 3)


@pytest.mark.parametrize(("text", "expected"), [
    ("立案282件，结案276件，结案率91%。", [("282", Bound.EXACT, "件"), ("276", Bound.EXACT, "件"),
                                        ("91%", Bound.EXACT, None)]),
    ("开展进万家活动1600余场。", [("1600", Bound.LOWER, "场")]),
    ("覆盖20万余人（次）。", [("200000", Bound.LOWER, "人")]),
    ("走访470多个网格。", [("470", Bound.LOWER, "个")]),
    ("受理案件超1000件。", [("1000", Bound.LOWER, "件")]),
    ("培训律师300人以上。", [("300", Bound.LOWER, "人")]),
    ("接待群众近5000人次。", [("5000", Bound.UPPER, "人次")]),
    ("纠纷占比不足3%。", [("3%", Bound.UPPER, None)]),
    ("2022年7月，成立委员会，开通“12348”热线。", []),
])
def test_report_figures_and_bounds(text, expected):
    assert figures(text) == expected


def test_report_quote_is_the_verbatim_clause():
    draft = extract_text("全市各级调解组织共调解案件37798件，调解成功37754件。", "r.txt", "x", DocumentKind.REPORT, 2022)
    assert [(f.clause, f.value) for f in draft.figures] == [
        ("全市各级调解组织共调解案件37798件", Decimal(37798)), ("调解成功37754件", Decimal(37754))]


@pytest.mark.parametrize(("text", "kind", "year"), [
    ("衢州市司法行政系统2022年工作要点\n正文", DocumentKind.PLAN, 2022),
    ("2021年工作计划\n", DocumentKind.PLAN, 2021),
    ("现将《2022年全市司法行政工作总结》印发给你们", DocumentKind.REPORT, 2022),
    ("区2023年司法行政工作报告\n", DocumentKind.REPORT, 2023),
])
def test_kind_and_year_are_guessed_from_the_title(text, kind, year):
    assert (guess_kind(text), guess_year(text)) == (kind, year)


@pytest.mark.parametrize(("text", "period"), [
    ("中华人民共和国国民经济和社会发展\n第十四个五年规划和2035年远景目标纲要\n", (2021, 2025)),
    ("全国公共法律服务体系建设规划（2021－2025年）\n", (2021, 2025)),
    ("关于“十三五”规划实施情况的报告", (2016, 2020)),
    ("国民经济和社会发展第十个五年计划纲要", (2001, 2005)),
    ("第三个五年计划", (1966, 1970)),
    ("第二十一个五年规划", (2056, 2060)),
    ("標題\n\n\n二\n三\n（2021-2025年）", None),  # past the first three lines that hold text: the body, not the title
    ("衢州市司法行政系统2022年工作要点\n“十四五”规划开局之年", None),
    ("2025-2021年", None),
])
def test_a_period_is_guessed_from_the_title(text, period):
    assert guess_period(text) == period


def test_unguessable_kind_is_a_located_error():
    with pytest.raises(CannotExtract) as raised:
        extract_text("同志们：今天召开2022年全市司法行政工作会议。", "speech.txt", "x")
    assert raised.value.format() == ("speech.txt:1:1: cannot tell whether this is a plan or a report (no title such as "
                                     "2022年工作要点 or 2022年工作总结); pass --kind plan or --kind report")


def test_year_comes_from_the_text_when_there_is_no_title():
    assert extract_text("全市律师万人比要达到3.4。2023年起施行。", "p.txt", "x", DocumentKind.PLAN).year == 2023
    with pytest.raises(CannotExtract, match="cannot tell the year"):
        extract_text("全市律师万人比要达到3.4。", "p.txt", "x", DocumentKind.PLAN)


@pytest.mark.parametrize("text", ["a: b", "#x", "[1]", "*star", "- item", "yes", "85", "2022-04-30", "'q'", "\"q\"",
                                  "“零败诉”", "x\\y"])
def test_scalars_round_trip_through_yaml(text):
    import yaml

    assert yaml.safe_load(f"key: {scalar(text)}") == {"key": text}


def test_render_is_a_target_file_in_the_spec_format():
    draft = extract_text("2022年工作要点\n一、服务\n（三）信访\n信访积案力争在4月底前全面化解清零，律师万人比要达到3.4。",
                         "plan.txt", "testville")
    assert render(draft) == """\
# Drafted by `planaudit extract` from plan.txt (plan, 2 targets). Review every entry against
# the document, then replace each `metric: TODO` with a metric id from rules/:
# `planaudit validate` lists those still unassigned.
jurisdiction: testville
year: 2022
document: {title: 2022年工作要点}
targets:
  - id: t01  # line 4
    title: 信访积案力争在4月底前全面化解清零
    metric: TODO
    rule: equals
    value: 0
    deadline: 2022-04-30
    strength: strive
    quote: 信访积案力争在4月底前全面化解清零
    section: 一（三）
  - id: t02  # line 4
    title: 律师万人比要达到3.4
    metric: TODO
    rule: at_least
    value: 3.4
    unit: per_10k
    quote: 律师万人比要达到3.4
    section: 一（三）
"""


def test_render_is_an_outcome_file_with_counters_as_comments():
    draft = extract_text("2022年工作总结\n开展活动1600余场，满意率99%。", "report.txt", "testville")
    assert render(draft).splitlines()[6:] == [
        "figures:",
        "  - metric: TODO  # line 2",
        "    value: 1600  # 场",
        "    bound: lower",
        "    quote: 开展活动1600余场",
        "  - metric: TODO  # line 2",
        "    value: 99%",
        "    quote: 满意率99%",
    ]


def test_api_draft_writes_once_and_names_the_jurisdiction_after_the_output(tmp_path):
    from planaudit import api
    from planaudit.errors import OutputExists

    document = tmp_path / "plan.txt"
    document.write_text("2022年工作要点\n确保行政败诉率控制在8%以内。\n", encoding="utf-8")
    output = tmp_path / "targets" / "2022" / "quzhou.yaml"
    text = api.draft(document, output)
    assert output.read_text(encoding="utf-8") == text
    assert "jurisdiction: quzhou\n" in text and "    rule: at_most\n    value: 8%\n" in text
    with pytest.raises(OutputExists):
        api.draft(document, output, jurisdiction="other")
    assert api.draft(document, output, jurisdiction="other", force=True) == output.read_text(encoding="utf-8")
