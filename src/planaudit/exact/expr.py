"""The small safe expression language of ``derive`` and custom-rule ``expr``.

Numbers, names, ``+ - * /``, parentheses, comparisons, ``and or not`` and the functions
``abs min max round``. A hand-written tokenizer and recursive-descent parser build a typed
tree; evaluation is exact interval arithmetic (see :mod:`planaudit.exact.numbers`). Nothing is ever
handed to Python's ``eval``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from planaudit.exact.numbers import MAX_DIGITS, Interval, NumberTooLarge, Truth
from planaudit.exact.tree import Arithmetic, Call, Compare, Logic, Name, Negate, Node, Not, Number, Type
from planaudit.messages import Message, msg, pmsg

MAX_LENGTH = 1000
MAX_DEPTH = 40

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>[0-9]+(?:\.[0-9]+)?)
      | (?P<name>[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*(?:\[[^\W\d][\w-]*\])?)
      | (?P<op><=|>=|==|!=|[-+*/(),<>])
    )""",
    re.VERBOSE,
)
_KEYWORDS = frozenset({"and", "or", "not"})
_COMPARISONS = ("<=", ">=", "==", "!=", "<", ">")


class ExprError(ValueError):
    """An expression that does not parse or does not type-check; ``offset`` is 0-based."""

    def __init__(self, said: Message, offset: int) -> None:
        super().__init__(said.render("en"))
        self.said = said  # what is wrong, said in the run's language when it is shown
        self.message = str(self)
        self.offset = offset


def _type_name(kind: Type) -> Message:
    return pmsg("a type of value", kind.value)


@dataclass(frozen=True)
class Token:
    kind: str  # number | name | op | end
    text: str
    offset: int


def tokenize(source: str) -> list[Token]:
    if len(source) > MAX_LENGTH:
        raise ExprError(msg("expression longer than {length} characters", length=MAX_LENGTH), MAX_LENGTH)
    tokens: list[Token] = []
    position = 0
    while position < len(source):
        if source[position:].strip() == "":
            break
        match = _TOKEN.match(source, position)
        if match is None or match.end() == position:
            offset = len(source) - len(source[position:].lstrip())
            raise ExprError(msg("unexpected character {character}", character=repr(source[offset])), offset)
        kind = match.lastgroup or "op"
        text = match.group(kind)
        tokens.append(Token(kind, text, match.start(kind)))
        position = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


# The tree. Every node knows its type and the names it reads.


_FUNCTIONS = {"abs": (1, 1), "round": (1, 2), "min": (2, 99), "max": (2, 99)}


@dataclass(frozen=True)
class Expression:
    """A parsed expression with its source text and the names it reads."""

    source: str
    tree: Node
    names: frozenset[str]

    @property
    def type(self) -> Type:
        return self.tree.type

    def evaluate(self, env: Mapping[str, Interval]) -> Interval | Truth:
        """Evaluate over intervals; raises ``ZeroDivisionError`` on a division by zero, and
        :class:`NumberTooLarge` (naming this expression) when a step computes a number beyond
        MAX_COMPUTED_DIGITS digits."""
        try:
            return self.tree.evaluate(env)
        except NumberTooLarge as error:
            if error.expression is not None:
                raise
            raise NumberTooLarge(self) from None

    @property
    def metrics(self) -> frozenset[str]:
        """The metrics it reads, whatever scope it names them in (projects[province] reads projects)."""
        return frozenset(split_name(name)[0] for name in self.names)


def split_name(name: str) -> tuple[str, str | None]:
    """A name's metric and the scope it names, if any: "projects[province]" → ("projects", "province")."""
    if name.endswith("]") and "[" in name:
        metric, _, scope = name[:-1].partition("[")
        return metric, scope
    return name, None


def parse(source: str, expect: Type | None = None) -> Expression:
    parser = _Parser(source)
    tree = parser.expression()
    parser.expect_end()
    if expect is not None and tree.type is not expect:
        raise ExprError(msg("expected a {wanted} expression, not a {got} one", wanted=_type_name(expect),
                                  got=_type_name(tree.type)), 0)
    return Expression(source, tree, frozenset(parser.names))


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = tokenize(source)
        self.index = 0
        self.depth = 0
        self.names: set[str] = set()

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.current
        self.index += 1
        return token

    def at(self, *texts: str) -> bool:
        token = self.current
        return token.kind in ("op", "name") and token.text in texts

    def expect_end(self) -> None:
        if self.current.kind != "end":
            raise self.unexpected()

    def unexpected(self) -> ExprError:
        token = self.current
        if token.kind == "end":
            return ExprError(msg("unexpected end of expression"), token.offset)
        return ExprError(msg("unexpected {token}", token=repr(token.text)), token.offset)

    def require(self, node: Node, wanted: Type, offset: int) -> Node:
        if node.type is not wanted:
            raise ExprError(msg("expected a {wanted} here, not a {got}", wanted=_type_name(wanted), got=_type_name(node.type)),
                            offset)
        return node

    def nested(self, parse_inner: Callable[[], Node]) -> Node:
        """Run ``parse_inner`` one level deeper, refusing expressions nested too deeply."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(msg("expression nested more than {depth} levels deep", depth=MAX_DEPTH), self.current.offset)
        node = parse_inner()
        self.depth -= 1
        return node

    def expression(self) -> Node:
        return self.nested(self.disjunction)

    def disjunction(self) -> Node:
        return self.logic("or", self.conjunction)

    def conjunction(self) -> Node:
        return self.logic("and", self.negation)

    def logic(self, op: str, operand: Callable[[], Node]) -> Node:
        offset = self.current.offset
        node = operand()
        while self.at(op):
            self.require(node, Type.BOOLEAN, offset)
            offset = self.advance().offset + len(op) + 1
            node = Logic(op, node, self.require(operand(), Type.BOOLEAN, offset))
        return node

    def negation(self) -> Node:
        if self.at("not"):
            offset = self.advance().offset
            return Not(self.require(self.nested(self.negation), Type.BOOLEAN, offset))
        return self.comparison()

    def comparison(self) -> Node:
        offset = self.current.offset
        left = self.sum()
        if not self.at(*_COMPARISONS):
            return left
        op = self.advance().text
        self.require(left, Type.NUMBER, offset)
        right_offset = self.current.offset
        right = self.require(self.sum(), Type.NUMBER, right_offset)
        if self.at(*_COMPARISONS):
            raise ExprError(msg("chained comparisons are not supported; join them with 'and'"), self.current.offset)
        return Compare(op, left, right)

    def sum(self) -> Node:
        return self.arithmetic(("+", "-"), self.product)

    def product(self) -> Node:
        return self.arithmetic(("*", "/"), self.unary)

    def arithmetic(self, ops: tuple[str, ...], operand: Callable[[], Node]) -> Node:
        offset = self.current.offset
        node = operand()
        while self.current.kind == "op" and self.current.text in ops:
            self.require(node, Type.NUMBER, offset)
            op = self.advance().text
            if self.current.kind == "op" and self.current.text in ("*", "/") and op in ("*", "/"):
                raise self.unexpected()
            offset = self.current.offset
            node = Arithmetic(op, node, self.require(operand(), Type.NUMBER, offset))
        return node

    def unary(self) -> Node:
        if self.current.kind == "op" and self.current.text in ("-", "+"):
            op = self.advance().text
            offset = self.current.offset
            operand = self.require(self.nested(self.unary), Type.NUMBER, offset)
            return Negate(operand) if op == "-" else operand
        return self.atom()

    def atom(self) -> Node:
        token = self.current
        if token.kind == "number":
            self.advance()
            if sum(ch.isdigit() for ch in token.text) > MAX_DIGITS:
                raise ExprError(msg("a number may have at most {digits} digits", digits=MAX_DIGITS), token.offset)
            return Number(Fraction(token.text))
        if token.kind == "name" and token.text not in _KEYWORDS:
            self.advance()
            if self.at("("):
                return self.call(token)
            self.names.add(token.text)
            return Name(token.text)
        if self.at("("):
            self.advance()
            node = self.expression()
            if not self.at(")"):
                raise self.unexpected()
            self.advance()
            return node
        raise self.unexpected()

    def call(self, function: Token) -> Node:
        if function.text not in _FUNCTIONS:
            raise ExprError(
                msg("unknown function {name}; only abs, min, max and round may be called", name=repr(function.text)),
                function.offset,
            )
        self.advance()  # (
        args: list[Node] = []
        offsets: list[int] = []
        while not self.at(")"):
            if args:
                if not self.at(","):
                    raise self.unexpected()
                self.advance()
            offsets.append(self.current.offset)
            args.append(self.require(self.expression(), Type.NUMBER, offsets[-1]))  # said where the argument begins
        self.advance()  # )
        fewest, most = _FUNCTIONS[function.text]
        if not fewest <= len(args) <= most:
            raise ExprError(msg("{name}() takes {arguments}, not {count}", name=function.text, arguments=_arity(fewest, most),
                                count=len(args)), function.offset)
        places = 0
        if function.text == "round" and len(args) == 2:
            places = _literal_places(args.pop(), offsets[1])
        return Call(function.text, tuple(args), places)


def _arity(fewest: int, most: int) -> Message:
    if fewest == most:
        return msg("{count} argument", count=fewest) if fewest <= 1 else msg("{count} arguments", count=fewest)
    if most >= 99:
        return msg("at least {count} arguments", count=fewest)
    return msg("{fewest} to {most} arguments", fewest=fewest, most=most)


def _literal_places(node: Node, offset: int) -> int:
    if not isinstance(node, Number) or node.value.denominator != 1 or not 0 <= node.value <= 10:
        raise ExprError(msg("round()'s second argument must be a whole number from 0 to 10"), offset)
    return int(node.value)
