"""Safe YAML reading into a tree that remembers where every value stands.

The tree is built from libyaml's event stream with an explicit stack, never PyYAML's
constructors: no tag is ever turned into an object, anchors and aliases are refused where they
stand, a duplicate key is a problem instead of a silently lost value, and nesting is bounded
(the C composer overflows the C stack on deep nesting). Scalars stay text; the model reads
numbers, dates and booleans from that text, so YAML 1.1 type guessing never reaches it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml

from planaudit.messages import Message, msg, pmsg
from planaudit.model.problems import Code, Problem
from planaudit.read.text import NotUtf8, decode_utf8, first_ambiguous_line_break, first_disallowed_character
from planaudit.read.yamltree import MappingNode, Scalar, SequenceNode, YamlNode

__all__ = ["Document", "MappingNode", "Scalar", "SequenceNode", "YamlNode", "decode_document", "parse_text"]

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_DEPTH = 32
TOO_DEEP_MESSAGE = msg("values nested more than {depth} levels deep", depth=MAX_DEPTH)
_FLOW_BRACKET = re.compile(r"[\[\]{}]")
_STR_TAG = "tag:yaml.org,2002:str"
_DUPLICATE = "\0duplicate key"  # marks the value of a repeated key, which is dropped


@dataclass(frozen=True)
class Document:
    path: str  # as shown in messages: relative to the data directory
    root: YamlNode | None
    problems: tuple[Problem, ...]


def decode_document(raw: bytes, display: str) -> Document:
    """Parse the bytes of one YAML file, which must be UTF-8 text."""
    try:
        text = decode_utf8(raw)
    except NotUtf8 as error:
        return _failed(display, error.line, error.col, Code.ENCODING, error.said)
    line_break = first_ambiguous_line_break(text)
    if line_break is not None:
        line, col, character = line_break
        return _failed(display, line, col, Code.AMBIGUOUS_LINE_BREAK,
                       msg("{character} is a line break to some YAML readers and not to others; "
                           "remove it or write a plain line break", character=f"U+{ord(character):04X}"))
    disallowed = first_disallowed_character(text)
    if disallowed is not None:  # said here, where it stands: libyaml says only that the file holds one
        line, col, character = disallowed
        return _failed(display, line, col, Code.YAML_SYNTAX, msg("{character} is a control character or "
                       "a non-character, which a YAML file may not hold; remove it", character=f"U+{ord(character):04X}"))
    return parse_text(text, display)


def parse_text(text: str, display: str) -> Document:
    builder = _TreeBuilder(display)
    try:
        builder.build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        too_deep = flow_too_deep(text, mark.index if mark else len(text))
        if too_deep is not None:
            return _failed(display, *too_deep, Code.TOO_DEEP, TOO_DEEP_MESSAGE)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part) or "invalid YAML"
        started = error.context_mark.line + 1 if error.context_mark else line  # where what failed began
        hint = plain_words(text, [line, started, line - 1])
        said = msg("{hint} (YAML: {words})", hint=hint, words=message) if hint else parser_words(message)
        return _failed(display, line, col, Code.YAML_SYNTAX, said)
    except yaml.YAMLError as error:
        too_deep = flow_too_deep(text, len(text))
        if too_deep is not None:
            return _failed(display, *too_deep, Code.TOO_DEEP, TOO_DEEP_MESSAGE)
        return _failed(display, 1, 1, Code.YAML_SYNTAX, parser_words(str(error).splitlines()[0]))
    return Document(display, None if builder.fatal else builder.root, tuple(builder.problems))


_KEY = re.compile(r"^\s*(?:-\s+)?[^\s'\"#][^:#]*:\s+(?P<value>.*)$")


def parser_words(words: str) -> Message:
    """The YAML parser's own words (English, whatever the run's language), as a message."""
    return pmsg("the YAML parser's own words", "{words}", words=words)


def plain_words(text: str, near: list[int]) -> Message | None:
    """The commonest YAML mistakes, said in plain words, judged from the lines ``near`` where the
    parser stopped: what to do, said before the parser's own words."""
    lines = text.splitlines()
    for number in near:
        if not 1 <= number <= len(lines):
            continue
        source = lines[number - 1]
        if source[:len(source) - len(source.lstrip())].count("\t"):
            return msg("line {line} is indented with a tab; indent with spaces", line=number)
        found = _KEY.match(source)
        value = found["value"] if found else ""
        if value[:1] not in ("'", '"', "[", "{", "|", ">") and ": " in value:
            return msg("the value on line {line} holds ': ', which YAML reads as a new key: quote this value", line=number)
        if value[:1] in ("'", '"') and value.count(value[0]) % 2:
            return msg("the quote that opens the value on line {line} is not closed", line=number)
    return None


def flow_too_deep(text: str, end: int) -> tuple[int, int] | None:
    """Where flow brackets before ``end`` first nest deeper than MAX_DEPTH, if they do.

    libyaml scans flow collections ahead of the events it hands over, so on very deep brackets it
    stops with an error of its own before the tree builder sees the depth: that error is then
    planaudit's ``too-deep``, found here and not from libyaml's wording (which changes between
    versions)."""
    depth = 0
    for bracket in _FLOW_BRACKET.finditer(text, 0, end):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > MAX_DEPTH:
            start = bracket.start()
            line_start = text.rfind("\n", 0, start) + 1
            return text.count("\n", 0, start) + 1, start - line_start + 1
    return None


def _failed(display: str, line: int, col: int, code: Code, said: Message) -> Document:
    return Document(display, None, (Problem(display, line, col, code, said=said),))


class _TreeBuilder:
    """Turns the event stream into MappingNode/SequenceNode/Scalar, one event at a time."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.root: YamlNode | None = None
        self.stack: list[MappingNode | SequenceNode] = []
        self.pending_key: list[Scalar | None] = []
        self.documents = 0
        self.problems: list[Problem] = []
        self.fatal = False

    def problem(self, mark: Any, code: Code, said: Message) -> bool:
        """Record a problem that leaves the tree unusable; False stops reading."""
        self.problems.append(Problem(self.display, mark.line + 1, mark.column + 1, code, said=said))
        self.fatal = True
        return False

    def build(self, events: Iterable[Any]) -> None:
        """Take the events in order, stopping at the first problem that makes the rest meaningless.

        Scalars, by far the most frequent events, are handled inline: this loop is the hot path
        of reading a large repository.
        """
        stack, pending_key = self.stack, self.pending_key
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent and event.anchor is None and event.tag is None:
                mark = event.start_mark
                node = Scalar(event.value, bool(event.style), mark.line + 1, mark.column + 1)
                parent = stack[-1] if stack else None
                if type(parent) is MappingNode and pending_key[-1] is not None:
                    key = pending_key[-1].text
                    if key is not _DUPLICATE:
                        parent[key] = node
                        parent.positions[key] = (node.line, node.col)
                    pending_key[-1] = None
                elif not self.add(node, mark):
                    return
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                pending_key.pop()
            elif kind in (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent):
                if not self.node_event(event):
                    return
            elif kind is yaml.AliasEvent:
                self.problem(event.start_mark, Code.ALIAS, msg("aliases ({anchors}) are not allowed; write the value out",
                                                                    anchors=f"*{event.anchor}"))
                return
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.problem(event.start_mark, Code.YAML_SYNTAX, msg("a file holds one YAML document, not several"))
                    return

    def node_event(self, event: Any) -> bool:
        mark = event.start_mark
        if event.anchor is not None:
            return self.problem(mark, Code.ALIAS, msg("anchors ({anchors}) are not allowed; write the value out",
                                                          anchors=f"&{event.anchor}"))
        tag = event.tag
        if tag not in (None, "!", _STR_TAG):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            return self.problem(mark, Code.TAG, msg("the tag {tag} is not allowed; planaudit reads plain YAML only", tag=shown))
        line, col = mark.line + 1, mark.column + 1
        if isinstance(event, yaml.ScalarEvent):
            quoted = bool(event.style) or tag == _STR_TAG  # plain style is None or
            return self.add(Scalar(event.value, quoted, line, col), mark)
        if len(self.stack) >= MAX_DEPTH:
            return self.problem(mark, Code.TOO_DEEP, TOO_DEEP_MESSAGE)
        container: MappingNode | SequenceNode = (
            MappingNode(line, col) if isinstance(event, yaml.MappingStartEvent) else SequenceNode(line, col))
        if not self.add(container, mark):
            return False
        self.stack.append(container)
        self.pending_key.append(None)
        return True

    def add(self, node: YamlNode, mark: Any) -> bool:
        if not self.stack:
            self.root = node
            return True
        parent = self.stack[-1]
        if isinstance(parent, SequenceNode):
            parent.append(node)
            return True
        key = self.pending_key[-1]
        if key is None:
            return self.take_key(parent, node, mark)
        if key.text is not _DUPLICATE:
            parent[key.text] = node
            parent.positions[key.text] = (node.line, node.col)
        self.pending_key[-1] = None
        return True

    def take_key(self, parent: MappingNode, node: YamlNode, mark: Any) -> bool:
        if not isinstance(node, Scalar):
            return self.problem(mark, Code.SCHEMA, msg("a mapping key must be plain text"))
        if node.text == "<<" and not node.quoted:
            return self.problem(mark, Code.ALIAS, msg("merge keys (<<) are not allowed; write the values out"))
        if node.text in parent:
            # Not fatal: the first value is kept so that the rest of the file is still checked.
            first_line, _ = parent.key_positions[node.text]
            self.problems.append(Problem(
                self.display, node.line, node.col, Code.DUPLICATE_KEY,
                said=msg("key '{key}' appears twice in this mapping (first on line {line}); "
                         "YAML would silently keep only the last", key=node.text, line=first_line)))
            node = Scalar(_DUPLICATE, True, node.line, node.col)
        parent.key_positions[node.text] = (node.line, node.col)
        self.pending_key[-1] = node
        return True
