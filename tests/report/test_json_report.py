"""The JSON reporter: schema_version 1, every number a decimal string."""

import json

from planaudit.report import reporter_class
from support import COUNT_METRICS, RepoBuilder


def test_numbers_are_decimal_strings_and_fields_follow_the_spec(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("""
        - {id: r, title: 结案率达90%以上, metric: rate, rule: at_least, value: 90%, quote: 结案率达90%以上}
        - {id: e, title: 活动不少于10场, metric: cases, rule: at_least, value: 10, quote: q}
        """)
    builder.outcomes("""
        - {metric: cases, value: 282, quote: 立案282件}
        - {metric: closed, value: 276, quote: 结案276件}
        - {metric: rate, value: 91, quote: 结案率91%}
        """)
    document = json.loads(reporter_class("json")().render(builder.audit()))
    assert list(document) == ["schema_version", "year", "years", "summary", "by_year", "not_judged", "results",
                              "inconsistencies"]
    assert (document["year"], document["years"]) == (2022, [2022])
    assert document["by_year"] == [{"year": 2022, "summary": document["summary"], "not_judged": []}]
    rate, cases = document["results"]
    assert (rate["year"], list(rate)[0]) == (2022, "year")
    assert [(item["year"], item["metric"]) for item in document["inconsistencies"]] == [(2022, "rate")]
    assert {key: rate[key] for key in ("value", "unit", "verdict", "reason", "actual", "baseline")} == {
        "value": "90", "unit": "percent", "verdict": "met", "reason": "stated", "actual": "91", "baseline": None}
    assert rate["evidence"] == [{"metric": "rate", "value": "91", "bound": "exact", "scope": None,
                                 "as_of": "2022-12-31", "as_of_stated": False, "basis": None, "quote": "结案率91%",
                                 "at": None, "document": None, "note": None, "value_note": None,
                                 "file": "outcomes/2022/testville.yaml",
                                 "line": 6, "source": None}]
    assert rate["warnings"] == [{"code": "inconsistent", "kind": "counts", "agreement": "none", "acknowledged": None,
                                 "metric": "rate", "stated": "91", "derived": "97.87",
                                 "file": "outcomes/2022/testville.yaml", "line": 6}]
    assert (rate["scope"], rate["deadline"], rate["section"]) == (None, None, None)
    assert (rate["target_file"], rate["target_line"]) == ("targets/2022/testville.yaml", 4)
    assert (cases["actual"], cases["verdict"]) == ("282", "met")
