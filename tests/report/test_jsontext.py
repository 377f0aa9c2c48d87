"""The fast JSON writer writes exactly what json.dumps(indent=2, ensure_ascii=False) writes."""

import json

import pytest

from planaudit.report import jsontext

DOCUMENTS = [
    {"schema_version": 1, "results": [], "summary": {}, "n": None, "ok": True, "no": False, "line": 14},
    {"title": "医患纠纷调解成功率达85%以上", "quote": "7*24小时", "nested": [[], {}, [{"a": [1, 2]}]]},
    {"escapes": "\x1b[31mred\x1b[0m \t\n\r \" \\ / \x7f \u2028 \u200f \x00"},
    {"lone surrogate": "\ud800"},  # orjson refuses it: the json module writes it
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_same_text_as_the_json_module(document):
    assert jsontext.dumps(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_a_document_with_streamed_lists_is_the_document_dumped_whole():
    import io

    results = [{"id": "a", "quote": "第一\n行"}, {"id": "b", "values": [1, 2]}, {"id": "c"}]
    nested = {"runs": [{"results": jsontext.streamed("results")}], "empty": jsontext.streamed("empty"), "n": 1}
    pieces = [jsontext.items(results[:2], depth=4), jsontext.items([], depth=4), jsontext.items(results[2:], depth=4)]
    out = io.StringIO()
    jsontext.write_document(nested, {"results": pieces, "empty": ["", ""]}, out)
    assert out.getvalue() == jsontext.dumps({"runs": [{"results": results}], "empty": [], "n": 1})
