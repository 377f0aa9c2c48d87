"""The typed tree of a parsed expression, and its exact evaluation over intervals.

A number node evaluates to an :class:`Interval`, a boolean one to a three-valued :class:`Truth`;
:mod:`expr` builds the tree and checks the types, so evaluation never meets a wrong one. Every
arithmetic step is held to :func:`~planaudit.exact.numbers.bounded`: no expression computes a number
of more than MAX_COMPUTED_DIGITS digits.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import cast

from planaudit.exact.numbers import Interval, Truth, bounded


class Type(enum.Enum):
    NUMBER = "number"
    BOOLEAN = "boolean"


@dataclass(frozen=True)
class Number:
    value: Fraction
    type = Type.NUMBER

    def evaluate(self, env: Mapping[str, Interval]) -> Interval:
        return Interval.exact(self.value)


@dataclass(frozen=True)
class Name:
    name: str
    type = Type.NUMBER

    def evaluate(self, env: Mapping[str, Interval]) -> Interval:
        return env[self.name]


@dataclass(frozen=True)
class Negate:
    operand: Node
    type = Type.NUMBER

    def evaluate(self, env: Mapping[str, Interval]) -> Interval:
        return -_number(self.operand, env)


_ARITHMETIC: dict[str, Callable[[Interval, Interval], Interval]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}


@dataclass(frozen=True)
class Arithmetic:
    op: str
    left: Node
    right: Node
    type = Type.NUMBER

    def evaluate(self, env: Mapping[str, Interval]) -> Interval:
        return bounded(_ARITHMETIC[self.op](_number(self.left, env), _number(self.right, env)))


_COMPARE: dict[str, Callable[[Interval, Interval], Truth]] = {
    "<": Interval.lt,
    "<=": Interval.le,
    ">": Interval.gt,
    ">=": Interval.ge,
    "==": Interval.eq,
    "!=": Interval.ne,
}


@dataclass(frozen=True)
class Compare:
    op: str
    left: Node
    right: Node
    type = Type.BOOLEAN

    def evaluate(self, env: Mapping[str, Interval]) -> Truth:
        return _COMPARE[self.op](_number(self.left, env), _number(self.right, env))


@dataclass(frozen=True)
class Logic:
    op: str  # and | or
    left: Node
    right: Node
    type = Type.BOOLEAN

    def evaluate(self, env: Mapping[str, Interval]) -> Truth:
        left, right = _truth(self.left, env), _truth(self.right, env)
        return left & right if self.op == "and" else left | right


@dataclass(frozen=True)
class Not:
    operand: Node
    type = Type.BOOLEAN

    def evaluate(self, env: Mapping[str, Interval]) -> Truth:
        return ~_truth(self.operand, env)


@dataclass(frozen=True)
class Call:
    function: str
    args: tuple[Node, ...]
    places: int = 0  # round's second argument, a literal
    type = Type.NUMBER

    def evaluate(self, env: Mapping[str, Interval]) -> Interval:
        values = [_number(arg, env) for arg in self.args]
        if self.function == "abs":
            return abs(values[0])
        if self.function == "round":
            return values[0].rounded(self.places)
        combine = Interval.minimum if self.function == "min" else Interval.maximum
        result = values[0]
        for value in values[1:]:
            result = combine(result, value)
        return result


Node = Number | Name | Negate | Arithmetic | Compare | Logic | Not | Call


# The parser checks types, so a number node always yields an Interval and a boolean one a Truth.
def _number(node: Node, env: Mapping[str, Interval]) -> Interval:
    return cast(Interval, node.evaluate(env))


def _truth(node: Node, env: Mapping[str, Interval]) -> Truth:
    return cast(Truth, node.evaluate(env))
