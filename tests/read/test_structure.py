"""The structural check's quick yes or no (jsonschema-rs) and its full one (jsonschema) always agree."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planaudit.read.structure import JsonView, Kind, exact_validator, load_schema, matches_schema
from planaudit.read.yamlsource import decode_document

EXAMPLE = Path(__file__).parent.parent / "examples" / "basic"
DOCUMENTS = {
    Kind.TARGET: EXAMPLE / "targets" / "2022" / "riverton.yaml",
    Kind.OUTCOME: EXAMPLE / "outcomes" / "2022" / "riverton.yaml",
    Kind.RULES: EXAMPLE / "rules" / "metrics.yaml",
}
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10_000), st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.sampled_from(["", "85%", "2022-04-30", "2022-02-30", "a b", "at_least", "x.y", "Bad Id", "-1.5%", "9" * 31,
                     "yes", "中文"]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.sampled_from(["zh", "en", "x"]), st.text(max_size=3), max_size=2),
)


def instance(kind: Kind) -> object:
    document = decode_document(DOCUMENTS[kind].read_bytes(), "x.yaml")
    return JsonView(load_schema(kind)).convert(document.root, load_schema(kind))


def paths(value: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths(child, (*prefix, index))
    return found


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(list(DOCUMENTS)), data=st.data())
def test_fast_and_full_validators_agree(kind, data):
    document = copy.deepcopy(instance(kind))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths(document)))
        if not path:
            continue
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = data.draw(VALUES)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["extra", "value", "bound", "as_of", "zh"]))] = data.draw(VALUES)
    full = not any(True for _ in exact_validator(kind).iter_errors(document))
    assert matches_schema(kind, document) is full


def test_exact_decimals_are_numbers_for_both():
    figure = {"jurisdiction": "x", "year": 2022, "figures": [{"metric": "m", "value": Decimal("97.12"), "quote": "q"}]}
    assert matches_schema(Kind.OUTCOME, figure) and not list(exact_validator(Kind.OUTCOME).iter_errors(figure))
