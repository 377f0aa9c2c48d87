"""The located YAML tree: mappings, sequences and scalars that remember where they stand.

Kept apart from the parser (:mod:`yamlsource`) so that what only needs the tree never loads PyYAML.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple


@functools.cache
def _resolver() -> Any:
    import yaml

    return yaml.resolver.Resolver()


NULL_SPELLINGS = frozenset({"", "~", "null", "Null", "NULL"})  # a plain scalar YAML reads as null
TRAP_STARTS = frozenset("0123456789+-.yYnNoOtTfF")  # how every YAML 1.1 bool, int or float begins


class Scalar(NamedTuple):
    """A scalar as written: its text, whether it was quoted, and where it stands (1-based)."""

    text: str
    quoted: bool  # quoted, block or tagged !!str: certainly a string
    line: int
    col: int

    @property
    def is_null(self) -> bool:
        return not self.quoted and self.text in NULL_SPELLINGS

    def yaml11_kind(self) -> str:
        """What YAML 1.1 would make of this scalar: 'str', 'int', 'float', 'bool', 'null', …"""
        if self.quoted:
            return "str"
        import yaml

        tag = _resolver().resolve(yaml.ScalarNode, self.text, (True, False))
        return tag.rsplit(":", 1)[-1]


class MappingNode(dict):  # type: ignore[type-arg]
    """A YAML mapping: str keys to nodes, with the position of itself and of each value."""

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col
        self.positions: dict[str, tuple[int, int]] = {}  # of each value
        self.key_positions: dict[str, tuple[int, int]] = {}


class SequenceNode(list):  # type: ignore[type-arg]
    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col


YamlNode = Scalar | MappingNode | SequenceNode
