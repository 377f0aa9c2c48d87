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
