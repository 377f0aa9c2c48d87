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


# What the json module writes raw and planaudit writes as escapes (see below).
ESCAPED = {"\x7f": "\\u007f", "\u2028": "\\u2028", "\u200f": "\\u200f", "\ud800": "\\ud800"}


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_same_text_as_the_json_module(document):
    """The same text, but for the characters that drive a terminal or reorder what is shown, written as
    escapes: the same document to a reader."""
    expected = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    for character, escape in ESCAPED.items():
        expected = expected.replace(character, escape)
    assert jsontext.dumps(document) == expected
    assert json.loads(jsontext.dumps(document)) == document


INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}  # what the table shows as escapes too, but Co and Cn


def test_every_control_format_and_separator_character_is_written_as_an_escape():
    """Every code point of Unicode's categories Cc (C1 and DEL: JSON escapes C0 itself), Cf (bidi
    overrides and isolates, zero-width characters…), Zl, Zp and every surrogate — and nothing else
    that this Python's Unicode assigns (the table holds a later Unicode's format controls already)."""
    import unicodedata

    expected = {code_point for code_point in range(0x7F, 0x110000)
                if unicodedata.category(chr(code_point)) in INVISIBLE_CATEGORIES}
    found = {code_point for code_point in range(0x110000) if jsontext.text_pattern().fullmatch(chr(code_point))}
    assert found >= expected
    assert {unicodedata.category(chr(code_point)) for code_point in found - expected} <= {"Cn"}
    every = "".join(chr(code_point) for code_point in range(0x110000) if not 0xD800 <= code_point <= 0xDFFF)
    encoded = every.encode("utf-8")
    found_in_utf8 = {ord(match.group().decode("utf-8")) for _, pattern in jsontext.utf8_patterns()
                     for match in pattern.finditer(encoded)}
    assert found_in_utf8 == {code_point for code_point in found if not 0xD800 <= code_point <= 0xDFFF}
    assert jsontext.has_invisible("调解成功率达95%以上——“全面完成”，（一）·".encode()) is False
    text = jsontext.dumps({"all": every[0x7F:0x3000], "c1": "\x9b[31m", "bidi": "\u202eabc\u2066", "tag": "\U000e0041"})
    assert not any(jsontext.text_pattern().search(line) for line in text.splitlines())
    assert '"c1": "\\u009b[31m"' in text and '"bidi": "\\u202eabc\\u2066"' in text and '"tag": "\\udb40\\udc41"' in text
    assert json.loads(text)["all"] == every[0x7F:0x3000]


def test_a_document_with_a_streamed_list_is_the_document_dumped_whole():
    import io

    results = [{"id": "a", "quote": "第一\n行"}, {"id": "b", "values": [1, 2]}, {"id": "c"}, {"id": "d"}]
    head, tail = jsontext.around_last_list({"n": 1, "runs": [{"tool": "x", "results": []}]})
    out = io.StringIO()
    out.write(head)
    listed = jsontext.ListWriter(out, depth=4)
    for piece in (results[:2], []):
        listed.add(jsontext.items(piece, depth=4))
    joined = jsontext.items(results[2:3], depth=4) + ",\n" + jsontext.items(results[3:], depth=4)
    listed.add_joined([joined[:5], joined[5:]])  # kept apart, read back in chunks cut anywhere
    listed.close()
    out.write(tail)
    assert out.getvalue() == jsontext.dumps({"n": 1, "runs": [{"tool": "x", "results": results}]})
    empty = io.StringIO()
    head, tail = jsontext.around_last_list({"results": []})
    empty.write(head)
    jsontext.ListWriter(empty, depth=2).close()
    empty.write(tail)
    assert empty.getvalue() == jsontext.dumps({"results": []})
