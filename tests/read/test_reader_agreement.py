"""Differential: the quick reader reads a file exactly as the exact reader does, or refuses it.

Hypothesis writes target files from the characters and forms where YAML readers disagree: Unicode
line breaks, tabs, comments, ``#`` inside values, trailing dots, exponents, leading zeros, signs,
quotes, ``~``, YAML 1.1 words and CRLF. Whatever it writes, the file is either refused by the quick
reader (and read exactly) or read by it to the very same plan, problems and positions.

The default run tries a few hundred files; ``pytest -m long`` tries 10,000.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planaudit.read import fastread
from planaudit.read.load import read_data_file, read_exactly
from planaudit.schemas import Kind

EXAMPLES = int(os.environ.get("PLANAUDIT_AGREEMENT_EXAMPLES", "300"))

PIECES = ["85", "90.", "90.0", ".5", "-5", "+5", "-0", "010", "0x1F", "1_000", "1e3", "9.5E1", "85%", "８５",
          "~", "null", "Null", "yes", "No", "on", "OFF", "true", "y", "n", ".nan", "-.inf", "2022-04-30",
          "#", " #", "# x", "'", "''", '"', '\\"', ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a", "*a",
          "!", "|", ">", "%", "@", "`", "\t", "\x85", "\u2028", "\u2029", "\r", "\u00a0", "\ufeff", "文",
          "结案率", "a", "b c", "  ", "\\", "\\n"]
QUOTES = ["", "'", '"']


@st.composite
def scalars(draw: st.DrawFn) -> str:
    if draw(st.booleans()):  # a lone piece: where a reader's guess at a plain scalar's type shows
        text = draw(st.sampled_from(PIECES))
    else:
        text = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4)))
    quote = draw(st.sampled_from(QUOTES))
    return f"{quote}{text}{quote}"


@st.composite
def comments(draw: st.DrawFn) -> str:
    if not draw(st.booleans()):
        return ""
    return " #" + "".join(draw(st.lists(st.sampled_from(PIECES), max_size=3)))


@st.composite
def target_files(draw: st.DrawFn) -> bytes:
    lines = ["jurisdiction: testville", "year: 2022", "targets:"]
    for index in range(draw(st.integers(1, 2))):
        fields = {"id": f"t{index}", "title": draw(scalars()), "metric": "legal_aid.cases", "rule": "at_least",
                  "value": draw(scalars()), "quote": draw(scalars())}
        if draw(st.booleans()):
            fields[draw(st.sampled_from(["scope", "deadline", "unit", "section"]))] = draw(scalars())
        for number, (key, value) in enumerate(fields.items()):
            lead = "  - " if number == 0 else "    "
            lines.append(f"{lead}{key}: {value}{draw(comments())}")
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return (ending.join(lines) + ending).encode("utf-8")


def readings(raw: bytes):
    display = "targets/2022/testville.yaml"
    return (read_data_file(raw, display, "targets", 2022, "testville"),
            read_exactly(raw, display, "targets", 2022, "testville", None))


def assert_agree(raw: bytes) -> None:
    read, exact = readings(raw)
    assert read == exact, raw
    if exact.item is not None:
        assert [target.location for target in read.item.targets] == [target.location for target in exact.item.targets]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target_files())
def test_the_quick_reader_agrees_with_the_exact_one_or_refuses(raw):
    assert_agree(raw)


@pytest.mark.long
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target_files())
def test_the_readers_agree_on_ten_thousand_files(raw):
    assert_agree(raw)


@pytest.mark.parametrize("line_break", ["\x85", "\u2028", "\u2029"])
@pytest.mark.parametrize("where", ["comment", "quote"])
def test_a_unicode_line_break_is_a_problem_whatever_follows(line_break, where):
    """The reported attack: U+0085 in a comment changed the deadline one reader saw."""
    quote = "医患纠纷结案率达90%以上"
    tail = f'{line_break}    deadline: "2022-01-31"'
    line = f"    quote: {quote}  # reviewed{tail}" if where == "comment" else f'    quote: "{quote}{tail}"'
    for extra in ("", "  # note:\tx"):
        raw = ("jurisdiction: testville\nyear: 2022\ntargets:\n  - id: a\n    title: t\n    metric: m\n"
               f"    rule: at_least\n    value: 90%\n{line}{extra}\n").encode()
        read, exact = readings(raw)
        assert fastread.read(raw, Kind.TARGET, "targets") is None
        assert read == exact
        assert [problem.code.value for problem in read.problems] == ["ambiguous-line-break"]
        assert (read.problems[0].line, read.item) == (9, None)


def test_a_trailing_dot_is_read_alike():
    raw = (b"jurisdiction: testville\nyear: 2022\ntargets:\n  - id: a\n    title: t\n    metric: m\n"
           b"    rule: at_least\n    value: 90.\n    quote: q\n")
    read, exact = readings(raw)
    assert read == exact
    assert [problem.code.value for problem in read.problems] == ["schema"]


# Every code point to U+FFFF, in each place a character can stand in a target file: a plain, a single-
# and a double-quoted value, and a comment.
SWEEP_PLACES = {"plain": "title: t{}", "single-quoted": "title: 't{}'", "double-quoted": 'title: "t{}"',
                "comment": "title: t  # {}"}
# What libyaml refuses wherever it stands: C0 controls but tab, line feed and carriage return; DEL; C1
# controls; surrogates (no UTF-8 encodes them); U+FFFE and U+FFFF.
REFUSED_BY_LIBYAML = frozenset([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                                *range(0xD800, 0xE000), 0xFFFE, 0xFFFF])


def sweep_file(place: str, code_points: list[int]) -> bytes:
    """A target file holding each of ``code_points`` once, between two letters, in ``place``: sixty-four
    to an entry."""
    entries = []
    for start in range(0, len(code_points), 64):
        text = "".join(f"{chr(code_point)}x" for code_point in code_points[start:start + 64])
        entries.append(f"  - id: t{start}\n    {SWEEP_PLACES[place].format(text)}\n    metric: legal_aid.cases\n"
                       "    rule: at_least\n    value: 90\n    quote: q\n")
    text = "jurisdiction: testville\nyear: 2022\ntargets:\n" + "".join(entries)
    return text.encode("utf-8", "surrogatepass")  # a surrogate as the three bytes no UTF-8 reader accepts


def disagreements(place: str, code_points: list[int], refused: set[int]) -> list[int]:
    """The code points among ``code_points`` that the quick reader reads otherwise than the exact one,
    each alone in a file; those it refuses, alone, are added to ``refused``. Many code points go into
    one file, which is halved only when the quick reader refuses it or reads it otherwise: the
    whole sweep reads a few hundred files, not 65,536."""
    raw = sweep_file(place, code_points)
    quick = fastread.read(raw, Kind.TARGET, "targets")
    if quick is not None:
        read, exact = readings(raw)
        if read == exact:
            return []
        if len(code_points) == 1:
            return code_points
    elif len(code_points) == 1:
        refused.add(code_points[0])
        return []
    half = len(code_points) // 2
    return disagreements(place, code_points[:half], refused) + disagreements(place, code_points[half:], refused)


@pytest.mark.parametrize("place", list(SWEEP_PLACES))
def test_the_readers_agree_on_every_code_point(place):
    """Each code point to U+FFFF, in a file: the quick reader refuses it, or reads what the exact reader
    reads. It refuses, at least, every character libyaml refuses."""
    refused: set[int] = set()
    found = [code_point for start in range(0, 0x10000, 1024)
             for code_point in disagreements(place, list(range(start, start + 1024)), refused)]
    assert [f"U+{code_point:04X}" for code_point in found] == []
    assert REFUSED_BY_LIBYAML - refused == set()


@pytest.mark.parametrize("character", ["\x00", "\x08", "\x0c", "\x1b", "\x7f", "\x80", "\x9b", "\x9f", "\ufffe", "\uffff"])
@pytest.mark.parametrize("comment", ["", "  # reviewed\t"])
def test_a_control_character_is_a_problem_where_it_stands_whatever_follows(character, comment):
    """The reported attack: a control character in a value, read by the quick reader and refused by
    libyaml, so that an innocent comment (which sends the file to the exact reader) changed the verdict."""
    raw = ("jurisdiction: testville\nyear: 2022\ntargets:\n  - id: a\n    title: 调解" + character + "成功率\n"
           "    metric: legal_aid.cases\n    rule: at_least\n    value: 90\n    quote: q" + comment + "\n").encode()
    read, exact = readings(raw)
    assert fastread.read(raw, Kind.TARGET, "targets") is None
    assert read == exact
    assert [(problem.code.value, problem.line, problem.col) for problem in read.problems] == [("yaml-syntax", 5, 14)]
    assert read.problems[0].message == (f"U+{ord(character):04X} is a control character or a non-character, which a "
                                        "YAML file may not hold; remove it")
    assert read.item is None
