"""Results as JSON and back: one generic codec of the model's frozen dataclasses, for the cache.

A value is written as JSON whose objects name what they stand for: a dataclass by its class's
name and its field values in order (``{"C": "Figure", "v": [...]}``), an enum by its class and value, an exact
number as its text (a Fraction ``"3/7"``, a Decimal ``"1.50"``), a date in ISO form, a tuple apart
from a list, a mapping as its pairs. Only the classes of :data:`MODULES` are known, by name:
reading never imports, calls or builds anything else (a class is made again by its own __init__, or
its fields set) — an unknown name, a field too few or too many, a value of the wrong kind is
:class:`CodecError`, never an object. A rule and a metric are written
as their ids and read back as the run's own (``references``): a cache entry is keyed on the rules
and the catalogue, so an id means the same rule or metric when it is read. An object that a value
holds twice is written once and then by its number, so that it is read back as one object again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import importlib
import json
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache
from types import MappingProxyType
from typing import Any

import orjson

# The modules whose dataclasses and enums a cached result is made of.
MODULES = ("planaudit.model.data", "planaudit.model.result", "planaudit.model.problems", "planaudit.exact.numbers",
           "planaudit.messages")


class CodecError(ValueError):
    """A value the codec does not write, or text it does not read back."""


@cache
def known_classes() -> dict[str, type]:
    """Every dataclass and enum of :data:`MODULES`, by name (two of one name would be refused)."""
    found: dict[str, type] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            model_class = isinstance(value, type) and value.__module__ == name and (
                dataclasses.is_dataclass(value) or issubclass(value, enum.Enum))
            if model_class and found.setdefault(value.__name__, value) is not value:
                raise CodecError(f"two classes named {value.__name__}")
    return found


@cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(item.name for item in dataclasses.fields(cls))


@cache
def made_by_init(cls: type) -> bool:
    """Does ``cls``'s own __init__ do nothing but set its fields, each given in order? (Then calling
    it is the quickest way to make one again: dataclasses write that __init__ out, field by field.)"""
    return not hasattr(cls, "__post_init__") and all(item.init for item in dataclasses.fields(cls))


Reference = Callable[[Any], "tuple[str, str] | None"]  # a dataclass → (its kind, its id), when it is written so
Resolve = Callable[[str, str], Any]  # (kind, id) → the value it stands for; KeyError when there is none


def _no_reference(value: Any) -> None:
    return None


def _unresolved(kind: str, ident: str) -> Any:
    raise KeyError(kind)


def dumps(value: Any, references: Reference = _no_reference) -> bytes:
    """``value`` as JSON (UTF-8); a dataclass that ``references`` names, as its kind and id."""
    data = _Encoder(references).encode(value)
    try:
        return orjson.dumps(data)
    except TypeError:  # orjson refuses a lone surrogate (a YAML escape can put one in a title)
        return json.dumps(data, separators=(",", ":")).encode("ascii")


def loads(text: str | bytes, references: Resolve = _unresolved) -> Any:
    """The value :func:`dumps` wrote; :class:`CodecError` for anything else."""
    try:
        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError:  # what orjson refuses to read (a lone surrogate's escape), json reads
            data = json.loads(text)
        return _Decoder(references).decode(data)
    except RecursionError:  # nested deeper than anything written: a hostile entry cannot overflow the stack
        raise CodecError("nested too deep") from None
    except (KeyError, IndexError, TypeError, ValueError, InvalidOperation, ZeroDivisionError) as error:
        raise CodecError(f"{type(error).__name__}: {error}") from None


_PLAIN = (str, int, bool, type(None))


class _Encoder:
    """Writes a value. A dataclass is {"C": its class, "v": its field values in order}; one met again
    (the figure a target's warning and its actual share) is written {"S": its number}, objects
    numbered as they are finished, so that what was one object is read back as one (reporters
    compare figures by identity)."""

    def __init__(self, references: Reference) -> None:
        self.references = references
        self.seen: dict[int, int] = {}
        self.kept: list[Any] = []  # what was numbered: alive while writing, so that no id is reused
        self.writers: dict[type, Callable[[Any], Any]] = {
            tuple: lambda value: {"t": [self.encode(item) for item in value]},
            list: lambda value: [self.encode(item) for item in value],
            dict: self.mapping, MappingProxyType: self.mapping,
            Fraction: lambda value: {"F": f"{value.numerator}/{value.denominator}"},
            Decimal: lambda value: {"D": str(value)},
            dt.date: lambda value: {"d": value.isoformat()},
        }

    def encode(self, value: Any) -> Any:
        if type(value) in _PLAIN:
            return value
        writer = self.writers.get(type(value))
        if writer is None:
            writer = self.writers[type(value)] = self.writer(type(value))
        return writer(value)

    def writer(self, cls: type) -> Callable[[Any], Any]:
        if cls.__name__ not in known_classes() or known_classes()[cls.__name__] is not cls:
            if dataclasses.is_dataclass(cls):
                return self.reference_only
            raise CodecError(f"no JSON form for {cls.__name__}")
        if issubclass(cls, enum.Enum):
            return lambda value: {"E": cls.__name__, "v": value.value}
        return self.dataclass

    def mapping(self, value: Mapping[Any, Any]) -> Any:
        return {"m": [[self.encode(key), self.encode(item)] for key, item in value.items()]}

    def reference_only(self, value: Any) -> Any:
        """A dataclass not of the model (a rule): written only as the reference it is."""
        reference = self.references(value)
        if reference is None:
            raise CodecError(f"no JSON form for {type(value).__name__}")
        return {"R": reference[0], "id": reference[1]}

    def dataclass(self, value: Any) -> Any:
        number = self.seen.get(id(value))
        if number is not None:
            return {"S": number}
        reference = self.references(value)
        if reference is not None:
            return {"R": reference[0], "id": reference[1]}
        fields = [getattr(value, name) for name in field_names(type(value))]
        written = {"C": type(value).__name__, "v": [item if type(item) in _PLAIN else self.encode(item) for item in fields]}
        self.seen[id(value)] = len(self.kept)
        self.kept.append(value)
        return written


class _Decoder:
    """Reads what :class:`_Encoder` wrote, numbering objects as it did; builds only known classes."""

    def __init__(self, references: Resolve) -> None:
        self.references = references
        self.made: list[Any] = []
        self.readers: dict[str, Callable[[Any], Any]] = {
            "C": self.dataclass, "S": self.same, "E": self.enum, "R": self.reference,
            "t": lambda data: tuple(self.decode(item) for item in _list(data["t"])),
            "m": lambda data: {self.decode(key): self.decode(item) for key, item in _list(data["m"])},
            "F": _fraction, "D": lambda data: Decimal(_text(data["D"])),
            "d": lambda data: dt.date.fromisoformat(_text(data["d"])),
        }

    def decode(self, data: Any) -> Any:
        if type(data) in _PLAIN:
            return data
        if type(data) is list:
            return [self.decode(item) for item in data]
        if type(data) is not dict or not 1 <= len(data) <= 2:
            raise CodecError("not a value the codec writes")
        tag = next(iter(data))
        reader = self.readers.get(tag)
        if reader is None:
            raise CodecError(f"unknown tag {tag!r}")
        return reader(data)

    def dataclass(self, data: dict[str, Any]) -> Any:
        """An instance of a known dataclass with the fields written (its checks ran when it was made)."""
        cls = known_classes()[_text(data["C"])]
        values = [item if type(item) in _PLAIN else self.decode(item) for item in _list(data["v"])]
        names = field_names(cls) if dataclasses.is_dataclass(cls) else ()
        if len(values) != len(names) or not names:
            raise CodecError(f"{cls.__name__} is not written with its fields")
        if made_by_init(cls):
            value = cls(*values)
        else:
            value = object.__new__(cls)
            for name, item in zip(names, values, strict=True):
                object.__setattr__(value, name, item)
        self.made.append(value)
        return value

    def same(self, data: dict[str, Any]) -> Any:
        number = data["S"]
        if type(number) is not int or not 0 <= number < len(self.made):
            raise CodecError("a reference to no object read before")
        return self.made[number]

    def enum(self, data: dict[str, Any]) -> Any:
        cls = known_classes()[_text(data["E"])]
        if not issubclass(cls, enum.Enum):
            raise CodecError(f"{data['E']} is not an enum")
        return cls(data["v"])

    def reference(self, data: dict[str, Any]) -> Any:
        return self.references(_text(data["R"]), _text(data["id"]))


def _fraction(data: dict[str, Any]) -> Fraction:
    numerator, denominator = _text(data["F"]).split("/")
    return Fraction(int(numerator), int(denominator))


def _text(value: Any) -> str:
    if type(value) is not str:
        raise CodecError("text expected")
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise CodecError("a list expected")
    return value
