"""Coverage: which clauses of a document no entry quotes, and which quotes the document does not hold."""

from __future__ import annotations

import textwrap

from planaudit.check.coverage import period_plan_coverage, plan_coverage, report_coverage
from planaudit.model.coverage import Clause, CoverageResult
from planaudit.report.coverage import summary_text
from support import JURISDICTION, RepoBuilder, load_repository

METRICS = """
metrics:
  rate: {label: 调解成功率, unit: percent}
  backlog: {label: 信访积案, unit: case}
  events: {label: 普法活动, unit: event}
  done: {label: 建成, unit: boolean}
"""
PLAN_TEXT = textwrap.dedent("""\
    2022年工作要点
    一、加强矛盾纠纷化解
    （一）医患纠纷调解成功率达85%以上，4月底前信访积案全面清零。
    （二）建立律师调解工作室，坚持学习制度。
    二、普法
    全年开展普法活动不少于100场。
    """)


def plan(tmp_path, targets):
    RepoBuilder(tmp_path).rules(METRICS).targets(targets).outcomes("[]")
    return load_repository(tmp_path, [2022], [2022]).repository.plans[(2022, JURISDICTION)]


def test_each_commitment_no_target_quotes_is_listed_with_its_line_and_section(tmp_path):
    found = plan_coverage(PLAN_TEXT, "plan.txt", plan(tmp_path, """
        - {id: rate, title: 调解成功率达85%以上, metric: rate, rule: at_least, value: 85%, quote: 医患纠纷调解成功率达85%以上}
        """))
    assert [(clause.line, clause.section, clause.text) for clause in found.clauses] == [
        (3, "一（一）", "医患纠纷调解成功率达85%以上"),
        (3, "一（一）", "4月底前信访积案全面清零"),
        (4, "一（二）", "建立律师调解工作室"),
        (4, "一（二）", "坚持学习制度"),  # a commitment with no checkable end is a commitment all the same
        (6, "二", "全年开展普法活动不少于100场")]  # 一、加强矛盾纠纷化解 is a title, not a commitment
    assert [clause.text for clause in found.uncovered] == ["4月底前信访积案全面清零", "建立律师调解工作室",
                                                           "坚持学习制度", "全年开展普法活动不少于100场"]
    assert (found.covered, found.share, found.not_verbatim, found.directions) == (1, 20, (), ())


def plan_file(tmp_path, body):
    """The coverage of PLAN_TEXT by a plan file of ``body`` (its targets: and directions:)."""
    builder = RepoBuilder(tmp_path).rules(METRICS).outcomes("[]")
    builder.write("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\n" + textwrap.dedent(body))
    return plan_coverage(PLAN_TEXT, "plan.txt", load_repository(tmp_path, [2022], [2022]).repository.plans[(2022, JURISDICTION)])


def test_a_direction_or_a_restatement_accounts_for_a_commitment(tmp_path):
    found = plan_file(tmp_path, """\
        targets:
          - {id: rate, title: t, metric: rate, rule: at_least, value: 85%, quote: 医患纠纷调解成功率达85%以上,
             restated: [{quote: 4月底前信访积案全面清零, section: 一（一）}]}
        directions:
          - {quote: 坚持学习制度, section: 一（二）}
        """)
    assert [clause.text for clause in found.uncovered] == ["建立律师调解工作室", "全年开展普法活动不少于100场"]
    assert [clause.text for clause in found.directions] == ["坚持学习制度"]
    assert summary_text(found, "en") == ("3 of 5 commitments are accounted for (60%): 2 by a target, "
                                         "1 as a direction, never judged")


def test_a_quote_over_two_clauses_covers_both(tmp_path):
    found = plan_coverage(PLAN_TEXT, "plan.txt", plan(tmp_path, """
        - {id: both, title: t, metric: rate, rule: at_least, value: 85%, quote: 调解成功率达85%以上，4月底前信访积案}
        """))
    assert [clause.text for clause in found.uncovered] == ["建立律师调解工作室", "坚持学习制度", "全年开展普法活动不少于100场"]


def test_a_quote_the_document_does_not_hold_is_named_where_it_stands(tmp_path):
    found = plan_coverage(PLAN_TEXT, "plan.txt", plan(tmp_path, """
        - {id: rate, title: t, metric: rate, rule: at_least, value: 85%, quote: 医患纠纷调解成功率达85%以上}
        - {id: events, title: t, metric: events, rule: at_least, value: 100, quote: 全年开展普法活动不少于100次}
        """))
    assert [(quote.location.line, quote.text) for quote in found.not_verbatim] == [(5, "全年开展普法活动不少于100次")]
    assert found.uncovered[-1].text == "全年开展普法活动不少于100场"  # a wrong quote covers nothing


REPORT_TEXT = textwrap.dedent("""\
    2022年工作总结
    一、成效
    医患纠纷调解成功率达到91%，全年开展普法活动120场，覆盖群众3万人次。各项目标任务全面完成。
    原定目标为5家，实际建成6家。
    """)


def test_a_report_s_figures_claims_and_restated_values(tmp_path):
    builder = RepoBuilder(tmp_path).rules(METRICS)
    builder.targets("""
        - {id: rate, title: t, metric: rate, rule: at_least, value: 85%, quote: 85%}
        - {id: rooms, title: 建设一批, metric: events, rule: at_least, value: 5, value_source: report,
           value_quote: 原定目标为5家, quote: 建设一批}
        """)
    builder.outcomes("""
        - {metric: rate, value: 91%, quote: 医患纠纷调解成功率达到91%}
        - {metric: events, value: 120, quote: 全年开展普法活动120场}
        """)
    loaded = load_repository(tmp_path, [2022], [2022]).repository
    report, restating = loaded.reports[(2022, JURISDICTION)], loaded.plans[(2022, JURISDICTION)].targets[1:]
    found = report_coverage(REPORT_TEXT, "report.txt", report, report.figures[1:], restating)
    assert [clause.text for clause in found.clauses] == ["医患纠纷调解成功率达到91%", "全年开展普法活动120场",
                                                         "覆盖群众3万人次", "原定目标为5家", "实际建成6家"]
    assert [clause.text for clause in found.uncovered] == ["覆盖群众3万人次", "实际建成6家"]  # 原定目标为5家: value_quote
    assert [quote.text for quote in found.unused] == ["全年开展普法活动120场"]
    assert found.not_verbatim == ()


def test_the_share_is_rounded_down_so_that_only_all_is_100():
    def result(total, covered):
        clauses = tuple(Clause(str(index), index, None) for index in range(total))
        return CoverageResult("d", "plan", "j", 2022, "f", clauses, clauses[covered:], ())

    assert [result(46, 41).share, result(200, 199).share, result(3, 3).share, result(0, 0).share] == [89, 99, 100, None]
    assert summary_text(result(0, 0), "en") == "no clause of the document reads as a commitment"  # not "100%"
    assert summary_text(result(46, 41), "zh") == "46项承诺中41项已记录（89%）：41项有对应目标，0项记为方向性要求、不作核查"


def test_a_clause_a_target_quotes_is_by_a_target_though_a_direction_quotes_it_too(tmp_path):
    found = plan_file(tmp_path, """\
        targets:
          - {id: room, title: t, metric: done, rule: achieved, quote: 建立律师调解工作室}
        directions:
          - {quote: 建立律师调解工作室}
          - {quote: 坚持学习制度}
        """)
    assert [clause.text for clause in found.directions] == ["坚持学习制度"]
    assert found.covered == 2


def period_plan(tmp_path, targets):
    """A period plan read from targets/2021-2025/here.yaml of ``targets``."""
    import yaml

    from planaudit.read.layout import period_files
    from planaudit.read.period import read_period_file

    folder = tmp_path / "targets" / "2021-2025"
    folder.mkdir(parents=True)
    (folder / "here.yaml").write_text(yaml.safe_dump({"jurisdiction": "here", "period": "2021-2025", "targets": targets},
                                                     allow_unicode=True), encoding="utf-8")
    (file,), _ = period_files(tmp_path, 2021, 2025)
    plan, problems = read_period_file(tmp_path, file)
    assert not problems and plan is not None
    return plan


OUTLINE = textwrap.dedent("""\
    第十四个五年规划纲要
    一、主要目标
    （一）常住人口城镇化率达到65%，森林覆盖率达到25%。
    （二）经济发展。地区生产总值增长保持在合理区间、各年度视情提出。
    """)


def test_a_period_plan_is_held_against_its_own_words_only(tmp_path):
    plan = period_plan(tmp_path, [
        {"id": "town", "title": "t", "metric": "town", "kind": "reach", "value": 65, "quote": "常住人口城镇化率达到65%",
         "base": {"value": 60, "year": 2020, "quote": "常住人口城镇化率60%"}},
        {"id": "gdp", "title": "g", "metric": "gdp", "kind": "milestones", "quote": "保持在合理区间、各年度视情提出",
         "milestones": [{"year": 2021, "value": 6, "quote": "增长6%以上", "document": {"title": "2021年政府工作报告"}}]},
    ])
    result = period_plan_coverage(OUTLINE, "outline.txt", plan)
    assert (result.year, result.last, result.period, result.when) == (2021, 2025, "2021-2025", "2021-2025")
    assert [(clause.line, clause.section, clause.text) for clause in result.uncovered] == [(3, "一（一）", "森林覆盖率达到25%")]
    # the base's quote names no document, so it is the plan's own and must stand in it; the
    # milestone's names the year's work report and is not asked of the outline (4: its target's line)
    assert [(quote.text, quote.location.line) for quote in result.not_verbatim] == [("常住人口城镇化率60%", 4)]
    assert (len(result.clauses), result.covered, result.share) == (3, 2, 66)


def test_a_year_s_result_has_no_period():
    result = CoverageResult("d.txt", "plan", "here", 2022, "targets/2022/here.yaml", (), (), ())
    assert (result.period, result.when) == (None, "2022")
