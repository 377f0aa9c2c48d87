"""The spool's own binary form: every part comes back exactly, and nothing else is ever read as one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planaudit.run.spool import CorruptSpool, Spool, decode, encode

PARTS = st.recursive(st.none() | st.integers(-2**63, 2**63 - 1) | st.text(),
                     lambda inner: st.lists(inner, max_size=5), max_leaves=30)


def as_lists(value):
    return [as_lists(item) for item in value] if isinstance(value, (list, tuple)) else value


@given(PARTS)
def test_every_part_comes_back_exactly(part):
    assert decode(encode(part)) == as_lists(part)


def test_a_lone_surrogate_comes_back():
    assert decode(encode(["\udcff title"])) == ["\udcff title"]


@pytest.mark.parametrize("data", [b"", b"x", b"s\x00\x00\x00\x00\x00\x00\x00\x09abc", b"l\x00\x00\x00\x00\x00\x00\x00\x02n",
                                  b"nn", b"\x80\x04\x95", b"i\x00"])
def test_anything_else_is_corrupt(data):
    with pytest.raises(CorruptSpool):
        decode(data)


def test_only_plain_data_is_spooled():
    with pytest.raises(TypeError):
        encode([object()])
    spool = Spool()
    spool.append(("text", ["rows", ["a", 1, None]]))
    assert list(spool) == list(spool) == [["text", ["rows", ["a", 1, None]]]]
