"""How what a worker made crosses to the run, and is kept there until it is used: what a judged
jurisdiction adds to each report (:class:`planaudit.run.runner.Pieces`), the problems `validate`
found (:class:`planaudit.run.validate.Found`), what `diff` judged of a jurisdiction — its results
and the files it read — and a jurisdiction's progress toward its period plan (:class:`JudgedWire`).
Pickled, with these differences from pickle's own way:

- A frozen dataclass with slots of the modules a wire carries (:data:`MODULES`, and the model's for
  :class:`JudgedWire`) goes as its class and its field values, and comes back made by its own
  __init__ (or with its slots set, when __init__ does more or takes its fields by keyword): pickle's
  own way for such classes runs a slower loop of Python code for every object, each way.
- Through a :class:`JudgedWire`, a rule or metric of the audit goes as its id and comes back as the
  audit's own object, which the run built from the catalogue it read: a rule holds functions — a
  built-in rule's closures, which pickle refuses, a custom rule's expression, which only parsing
  the catalogue builds — and a metric its derivation; code, not data, never pickled.

Only the run's own processes write what is read here, into its memory or a temporary file of its
own; nothing read from elsewhere — a file, the run memo — is ever unpickled.
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
from planaudit.model import changes as model_changes
from planaudit.model import data as model_data
from planaudit.model import period as model_period
from planaudit.model import problems as model_problems
from planaudit.model import result as model_result
from planaudit.model.data import Metric

# the modules whose slotted dataclasses what crosses is made of (a report's pieces are text, lists and small
# frozen dataclasses of them, which pickle's own way carries)
MODULES: tuple[ModuleType, ...] = (model_problems, messages)
JUDGED_MODULES: tuple[ModuleType, ...] = (*MODULES, model_data, model_result, model_changes, model_period)  # what audits judged
_READING: list[JudgedWire] = []  # the wire whose bytes are being read: what an id is looked up in


def slotted_dataclasses(modules: tuple[ModuleType, ...] = MODULES) -> list[type]:
    """Every dataclass with slots defined in ``modules``."""
    return [value for module in modules for value in vars(module).values()
            if isinstance(value, type) and value.__module__ == module.__name__
            and dataclasses.is_dataclass(value) and "__slots__" in vars(value)]


@functools.cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(item.name for item in dataclasses.fields(cls))


@functools.cache
def made_by_init(cls: type) -> bool:
    """Does ``cls``'s own __init__ do nothing but set its fields, each given in order? (Then calling
    it is the quickest way to make one again: dataclasses write that __init__ out, field by field; a field
    given only by keyword cannot be given in order.)"""
    return not hasattr(cls, "__post_init__") and all(item.init and not item.kw_only for item in dataclasses.fields(cls))


@functools.cache
def slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """What sets each field of a dataclass with slots: its slot's own setter, which a frozen class's
    __setattr__ does not stand in front of."""
    return tuple(getattr(cls, name).__set__ for name in field_names(cls))


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    """An instance of a frozen dataclass with slots with these field values (they were checked when it was made)."""
    value = object.__new__(cls)
    for setter, item in zip(slot_setters(cls), values, strict=True):
        setter(value, item)
    return value


def _named(kind: str, audit: int, ident: str) -> Rule | Metric:
    """The rule or metric of this id of the wire's ``audit`` (see :meth:`JudgedWire.loads`)."""
    rules, metrics = _READING[-1].audits[audit]
    return rules[ident] if kind == "rule" else metrics[ident]


def _fraction(value: Fraction) -> Any:
    """A fraction as its two whole numbers: pickle's own way writes its text, read back by a regex."""
    return Fraction, (value.numerator, value.denominator)


def _getter(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    names = field_names(cls)
    if len(names) == 1:
        return lambda value: (getattr(value, names[0]),)
    return operator.attrgetter(*names)  # type: ignore[return-value]


class Wire:
    """Pickles and unpickles what crosses from a run's workers to the run."""

    def __init__(self, modules: tuple[ModuleType, ...] = MODULES) -> None:
        self.getters = {cls: _getter(cls) for cls in slotted_dataclasses(modules)}  # the others: pickle's own, quick
        self.plain = {cls for cls in self.getters if made_by_init(cls)}
        self.table: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
        self.table.update(dict.fromkeys(self.getters, self._dataclass))
        self.table[Fraction] = _fraction

    def dumps(self, value: Any) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = self.table
        pickler.dump(value)
        return buffer.getvalue()

    def loads(self, data: bytes) -> Any:
        """What :meth:`dumps` made, in this run."""
        return pickle.loads(data)  # noqa: S301 - the run's own bytes, from its own processes (see above)

    def _dataclass(self, value: Any) -> Any:
        cls = type(value)
        if cls in self.plain:
            return cls, self.getters[cls](value)
        return _rebuild, (cls, self.getters[cls](value))


class JudgedWire(Wire):
    """Pickles and unpickles what audits judged of a jurisdiction — their results, the files they
    read, what `diff` made of the two — naming each audit's rules and metrics (each of ``audits`` is
    an audit's rules and metrics, by id) by the audit and their ids. The worker that pickles and the
    run that unpickles hold the same audits: a forked worker inherits them."""

    def __init__(self, *audits: tuple[Mapping[str, Rule], Mapping[str, Metric]]) -> None:
        super().__init__(JUDGED_MODULES)
        self.audits = audits
        self.table[Rule] = self._rule
        self.table[Metric] = self._metric

    def loads(self, data: bytes) -> Any:
        """What :meth:`dumps` made, in this run, its rules and metrics the audits' own."""
        _READING.append(self)
        try:
            return super().loads(data)
        finally:
            _READING.pop()

    def _rule(self, value: Rule) -> Any:
        for audit, (rules, _) in enumerate(self.audits):
            if rules.get(value.id) is value:
                return _named, ("rule", audit, value.id)
        return value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)  # a rule of no catalogue (a test's): as it is

    def _metric(self, value: Metric) -> Any:
        for audit, (_, metrics) in enumerate(self.audits):
            if metrics.get(value.id) is value:
                return _named, ("metric", audit, value.id)
        return self._dataclass(value)  # one the judge made (an umbrella's items, a share of a target)
