"""The cache's codec: the model's frozen dataclasses as JSON and back, building nothing else."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

from planaudit.run import codec, runner


def test_a_whole_audit_comes_back_equal_with_its_shared_objects_shared(repository):
    audit = runner.prepare(repository, 2022)
    shared = runner.Shared(audit)
    results = runner.audit_whole(audit).jurisdictions()
    back = codec.loads(codec.dumps(results, shared.reference), shared.resolve)
    assert back == results
    for before, after in zip(results, back, strict=True):
        for old, new in zip(before.results, after.results, strict=True):
            assert new.rule is audit.rules[old.rule.id] and new.metric is audit.catalogue.metrics[old.metric.id]
            for warning_before, warning_after in zip(old.warnings, new.warnings, strict=True):  # one figure, once
                assert old.actual is not None and new.actual is not None
                assert (warning_before.figure is old.actual.figure) == (warning_after.figure is new.actual.figure)
    assert any(warning.figure is item.actual.figure for result in back for item in result.results
               for warning in item.warnings)  # the case that makes a table say "91% (from counts 97.87%)"


def test_exact_numbers_dates_tuples_and_mappings_keep_their_types():
    value = (Fraction(1, 3), Decimal("1.50"), [1, "a", None, True], {"k": (2,)})
    back = codec.loads(codec.dumps(value))
    assert back == value and [type(item) for item in back] == [Fraction, Decimal, list, dict]
    assert str(back[1]) == "1.50"


@pytest.mark.parametrize("text", [
    '{"C": "Popen", "v": []}',  # not a class of the model
    '{"C": "Rule", "v": []}',  # a class read back only as a reference to the audit's own
    '{"C": "Location", "v": ["a", 1]}',  # a field missing
    '{"C": "Location", "v": ["a", 1, 1, 1]}',  # a field too many
    '{"C": "Location", "f": {"path": "a", "line": 1, "col": 1}}',  # not the form written
    '{"E": "Location", "v": 1}',  # not an enum
    '{"S": 0}',  # the same as an object never read
    '{"C": "Waiver", "v": [{"S": 0}, null]}',  # an object holding itself
    '{"R": "rule", "id": "at_least"}',  # a reference with nothing to resolve it
    '{"F": "1/0"}', '{"D": "one"}', '{"d": "2022-13-01"}', '{"x": 1}', '1.5', '"unclosed',
])
def test_anything_else_is_refused(text):
    with pytest.raises(codec.CodecError):
        codec.loads(text)


def test_a_value_of_no_known_class_is_not_written():
    with pytest.raises(codec.CodecError):
        codec.dumps(object())
    with pytest.raises(codec.CodecError):
        codec.dumps(1.5)  # numbers are exact: a float is never part of a result


def test_what_is_written_is_json_naming_classes_never_code(repository):
    audit = runner.prepare(repository, 2022)
    shared = runner.Shared(audit)
    text = codec.dumps(runner.audit_whole(audit).jurisdictions(), shared.reference)
    names = set()

    def walk(value):
        if isinstance(value, dict):
            names.update(value.get(tag) for tag in ("C", "E") if tag in value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(text))
    assert names and names <= set(codec.known_classes())
    assert "Rule" not in names and "Metric" not in names  # the audit's own, by id
