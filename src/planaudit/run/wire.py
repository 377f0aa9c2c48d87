"""How what a worker made crosses to the run, and is kept there until it is used: what a judged
jurisdiction adds to each report (:class:`planaudit.run.runner.Pieces`) and the problems `validate`
found (:class:`planaudit.run.validate.Found`). Pickled, with one difference from pickle's own way:
a frozen dataclass with slots of a problem (:data:`MODULES`) goes as its class and its field
values, and comes back made by its own __init__ (or with its fields set, when that does more):
pickle's own way for such classes runs a slower loop of Python code for every object, each way.

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
from collections.abc import Callable
from fractions import Fraction
from types import ModuleType
from typing import Any

from planaudit import messages
from planaudit.model import problems as model_problems

# the modules whose slotted dataclasses what crosses is made of (a report's pieces are text, lists and small
# frozen dataclasses of them, which pickle's own way carries)
MODULES: tuple[ModuleType, ...] = (model_problems, messages)


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

    def __init__(self) -> None:
        self.getters = {cls: _getter(cls) for cls in slotted_dataclasses()}  # the others: pickle's own, quick
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
