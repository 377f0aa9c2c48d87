"""How a judged jurisdiction's result crosses from the worker that judged it to the run, and is kept
there until the reporters read it: pickled, with two differences from pickle's own way.

- A rule or metric of the audit goes as its id and comes back as the audit's own object: a rule
  holds functions, which are code, not data.
- A frozen dataclass with slots of the model (:data:`MODULES`) goes as its class and its field
  values, and comes back made by its own __init__ (or with its fields set, when that does more):
  pickle's own way for such classes runs a slower loop of Python code for every object, each way.

Only the run's own processes write what is read here, into a temporary file of its own
(:class:`planaudit.run.runner.Results`); nothing read from elsewhere — a file, the run memo — is
ever unpickled.
"""

from __future__ import annotations

import copyreg
import dataclasses
import functools
import io
import operator
import pickle
from collections.abc import Callable, Mapping
from fractions import Fraction
from types import ModuleType
from typing import Any

from planaudit import messages
from planaudit.judge.rules import Rule
from planaudit.model import data as model_data
from planaudit.model import problems as model_problems
from planaudit.model import result as model_result
from planaudit.model.data import Metric

# the modules whose slotted dataclasses a result, or a problem, is made of
MODULES: tuple[ModuleType, ...] = (model_data, model_result, model_problems, messages)
_READING: list[Wire] = []  # the wire whose result is being read: what an id is looked up in


def slotted_dataclasses() -> list[type]:
    """Every dataclass with slots defined in :data:`MODULES`."""
    return [value for module in MODULES for value in vars(module).values()
            if isinstance(value, type) and value.__module__ == module.__name__
            and dataclasses.is_dataclass(value) and "__slots__" in vars(value)]


@functools.cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(item.name for item in dataclasses.fields(cls))


@functools.cache
def made_by_init(cls: type) -> bool:
    """Does ``cls``'s own __init__ do nothing but set its fields, each given in order? (Then calling
    it is the quickest way to make one again: dataclasses write that __init__ out, field by field.)"""
    return not hasattr(cls, "__post_init__") and all(item.init for item in dataclasses.fields(cls))


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    """An instance of a frozen dataclass with these field values (they were checked when it was made)."""
    value = object.__new__(cls)
    for name, item in zip(field_names(cls), values, strict=True):
        object.__setattr__(value, name, item)
    return value


def _named(kind: str, ident: str) -> Rule | Metric:
    """The audit's rule or metric of this id (see :meth:`Wire.loads`)."""
    wire = _READING[-1]
    return wire.rules[ident] if kind == "rule" else wire.metrics[ident]


def _fraction(value: Fraction) -> Any:
    """A fraction as its two whole numbers: pickle's own way writes its text, read back by a regex."""
    return Fraction, (value.numerator, value.denominator)


def _getter(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    names = field_names(cls)
    if len(names) == 1:
        return lambda value: (getattr(value, names[0]),)
    return operator.attrgetter(*names)  # type: ignore[return-value]


class Wire:
    """Pickles and unpickles the results of one audit, whose rules and metrics are given."""

    def __init__(self, rules: Mapping[str, Rule], metrics: Mapping[str, Metric]) -> None:
        self.rules = rules
        self.metrics = metrics
        self.getters = {cls: _getter(cls) for cls in slotted_dataclasses()}  # the others: pickle's own, quick
        self.plain = {cls for cls in self.getters if made_by_init(cls)}
        self.table: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
        self.table.update(dict.fromkeys(self.getters, self._dataclass))
        self.table[Fraction] = _fraction
        self.table[Rule] = self._rule
        self.table[Metric] = self._metric

    def dumps(self, value: Any) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = self.table
        pickler.dump(value)
        return buffer.getvalue()

    def loads(self, data: bytes) -> Any:
        """What :meth:`dumps` made, in this run."""
        _READING.append(self)
        try:
            return pickle.loads(data)  # noqa: S301 - the run's own bytes, from its own processes (see above)
        finally:
            _READING.pop()

    def _dataclass(self, value: Any) -> Any:
        cls = type(value)
        if cls in self.plain:
            return cls, self.getters[cls](value)
        return _rebuild, (cls, self.getters[cls](value))

    def _rule(self, value: Rule) -> Any:
        if self.rules.get(value.id) is value:
            return _named, ("rule", value.id)
        return value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)  # a rule of no catalogue (a test's): as it is

    def _metric(self, value: Metric) -> Any:
        if self.metrics.get(value.id) is value:
            return _named, ("metric", value.id)
        return self._dataclass(value)  # one the judge made (an umbrella's items)
