"""Safe YAML reading: positions, and refusal of what PyYAML would silently accept."""

import pytest

from planaudit.model.problems import Code
from planaudit.read.yamlsource import MappingNode, Scalar, decode_document, parse_text


def test_positions_and_plain_text():
    document = parse_text("a: 1\nb:\n  - x\n  - 'y'\n", "f.yaml")
    root = document.root
    assert isinstance(root, MappingNode) and document.problems == ()
    assert root["a"] == Scalar("1", False, 1, 4)
    assert root["b"][1] == Scalar("y", True, 4, 5)
    assert root.positions == {"a": (1, 4), "b": (3, 3)}


@pytest.mark.parametrize(
    ("text", "where", "code", "message"),
    [
        ("a: 1\na: 2\n", (2, 1), Code.DUPLICATE_KEY,
         "key 'a' appears twice in this mapping (first on line 1); YAML would silently keep only the last"),
        ("a: &x 1\nb: *x\n", (1, 4), Code.ALIAS, "anchors (&x) are not allowed; write the value out"),
        ("a: !!python/object/apply:os.system [ls]\n", (1, 4), Code.TAG,
         "the tag !!python/object/apply:os.system is not allowed; planaudit reads plain YAML only"),
        ("a: [1,\n", (2, 1), Code.YAML_SYNTAX, "while parsing a flow node did not find expected node content"),
        ("a: 1\n---\nb: 2\n", (2, 1), Code.YAML_SYNTAX, "a file holds one YAML document, not several"),
        ("a: 1\n<<: {b: 2}\n", (2, 1), Code.ALIAS, "merge keys (<<) are not allowed; write the values out"),
    ],
)
def test_problems(text, where, code, message):
    (problem,) = parse_text(text, "f.yaml").problems
    assert ((problem.line, problem.col), problem.code, problem.message) == (where, code, message)


def test_alias_bomb_is_refused_at_the_first_anchor():
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n" + "".join(
        f"d{i}: &d{i} [*c, *c, *c]\n" for i in range(30))
    (problem,) = parse_text(bomb, "f.yaml").problems
    assert (problem.line, problem.code) == (1, Code.ALIAS)


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, "- " * 100_000 + "x", "{a: " * 50_000 + "1" + "}" * 50_000])
def test_deep_nesting_is_a_problem_not_a_crash(text):
    (problem,) = parse_text(text, "f.yaml").problems
    assert (problem.code, problem.message) == (Code.TOO_DEEP, "values nested more than 32 levels deep")


def test_gbk_file_is_refused_with_advice(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("title: 医患纠纷\n".encode("gbk"))
    (problem,) = decode_document(path.read_bytes(), "gbk.yaml").problems
    # GBK's first two bytes (d2 bd) happen to form one UTF-8 character; the third cannot.
    assert (problem.line, problem.col, problem.code) == (1, 9, Code.ENCODING)
    assert problem.message == "is not UTF-8 text (byte 0xbb); save the file as UTF-8"


def test_utf8_byte_order_mark_is_fine(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufefftitle: 医患纠纷\n".encode())
    document = decode_document(path.read_bytes(), "bom.yaml")
    assert document.problems == () and document.root["title"].text == "医患纠纷"


@pytest.mark.parametrize(("text", "kind"), [("yes", "bool"), ("1_000", "int"), ("0x1F", "int"), (".nan", "float"),
                                            ("2022-03-01", "timestamp"), ("85", "int"), ("85%", "str")])
def test_yaml11_kind_is_available_for_trap_detection(text, kind):
    assert Scalar(text, False, 1, 1).yaml11_kind() == kind
