"""Validate: the structure of each file, against the JSON Schemas shipped in ``schemas/``.

The located YAML tree is turned into a JSON instance guided by the schema: where the schema
wants text, a plain scalar stays text whatever it looks like (``id: no`` is the id "no"); elsewhere
scalars read as YAML 1.2 does (numbers, true/false, null). jsonschema's errors are mapped back to
line and column and said in plain words. Plain scalars that YAML 1.1 tools would read as
something else (``yes``, ``on``, ``010``, ``1_000``, ``0x1F``, ``.nan``) are reported as traps.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planaudit.exact.numbers import MAX_DIGITS
from planaudit.messages import Message, as_written, msg, pmsg
from planaudit.model.problems import MAX_PER_CODE, Code, Problem, sort_key
from planaudit.read.text import printable
from planaudit.read.yamlsource import Document, MappingNode, Scalar, SequenceNode, YamlNode
from planaudit.read.yamltree import NULL_SPELLINGS, TRAP_STARTS
from planaudit.schemas import Kind, schema_text


@functools.cache
def load_schema(kind: Kind) -> dict[str, Any]:
    return json.loads(schema_text(kind))  # type: ignore[no-any-return]


@functools.cache
def _fast_validator(kind: Kind) -> Any:
    """The schema compiled by jsonschema-rs (Rust): the quick yes or no for valid files."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(load_schema(kind), validate_formats=True)


def matches_schema(kind: Kind, instance: Any) -> bool:
    """Whether a JSON instance matches the schema of its kind: the quick yes or no."""
    return _fast_validator(kind).is_valid(instance)  # type: ignore[no-any-return]


@functools.cache
def exact_validator(kind: Kind) -> Any:
    """jsonschema's validator of a kind's schema: the one that says every problem in full. Its
    ``$ref`` (each entry of a list or table is one: ``targets: [1, 1, …]``) is worked out once per
    distinct value in a document, then copied, with the same errors as working it out each time."""
    import jsonschema  # deferred: a heavy import that only validation needs

    base = jsonschema.Draft202012Validator
    cls = jsonschema.validators.extend(base, {"$ref": _SameErrors(base.VALIDATORS["$ref"]),
                                              "items": _SameItems(base.VALIDATORS["items"])})
    return cls(load_schema(kind), format_checker=cls.FORMAT_CHECKER)


class _SameErrors:
    """A keyword's errors for a value, remembered by the value's exact shape (types included) for
    one document: a value seen again gets copies of the same errors (so that where each is, which
    jsonschema adds as the errors travel up, is set on a copy of its own)."""

    LIMIT = 4096  # distinct values remembered per document: the memory stays bounded

    def __init__(self, keyword: Callable[..., Iterator[Any]]) -> None:
        self.keyword = keyword
        self.found: dict[tuple[Any, Any], list[Any]] = {}

    def __call__(self, validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[Any]:
        key = (value, _shape(instance))
        errors = self.found.get(key)
        if errors is None:
            errors = list(self.keyword(validator, value, instance, schema))
            if len(self.found) < self.LIMIT:
                self.found[key] = errors
        for error in errors:
            yield type(error).create_from(error)

    def forget(self) -> None:
        self.found.clear()


class _SameItems(_SameErrors):
    """``items``: each entry's errors worked out once per distinct entry (as ``$ref`` does for a
    value), then copied to the entry's own place in the list. In the document's own lists (``grouped``:
    targets, figures…) the entries alike share one copy, at the first of them, whose ``alike`` is
    all their places: :func:`check_structure` works out each one's problems only as far as they
    can be listed, and counts the rest (``targets: [1, 1, …]`` 500,000 times over took 45 s)."""

    def __init__(self, keyword: Callable[..., Iterator[Any]]) -> None:
        super().__init__(keyword)
        self.grouped: set[int] = set()  # the ids of the lists whose alike entries share one copy

    def __call__(self, validator: Any, items: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if not isinstance(instance, list) or not isinstance(items, dict) or "prefixItems" in schema:
            yield from self.keyword(validator, items, instance, schema)  # what our schemas never ask
            return
        alike: dict[Any, list[int]] = {}
        for index, item in enumerate(instance):
            alike.setdefault(_shape(item), []).append(index)
        grouped = id(instance) in self.grouped
        for shape, places in alike.items():
            key = (id(items), shape)
            errors = self.found.get(key)
            if errors is None and len(places) == 1:  # an entry unlike any other: its own errors, as they come
                yield from validator.descend(instance[places[0]], items, path=places[0])
                continue
            if errors is None:
                errors = list(validator.descend(instance[places[0]], items))
                if len(self.found) < self.LIMIT:
                    self.found[key] = errors
            shared = grouped and len(places) > 1
            for index in places[:1] if shared else places:
                for error in errors:
                    copy = type(error).create_from(error)
                    copy.relative_path.appendleft(index)
                    if shared:
                        copy.alike = places
                    yield copy

    def forget(self) -> None:
        super().forget()
        self.grouped = set()


def _shape(value: Any) -> Any:
    """A value as a key: equal only for values of the same types, keys in the same order, written
    the same (1, 1.0, true and "1" all differ)."""
    if isinstance(value, dict):
        return ("{", tuple((key, _shape(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("[", tuple(_shape(item) for item in value))
    return (type(value), repr(value))


@dataclass(frozen=True)
class StructureCheck:
    """The structural problems of a document, and where its invalid values stand."""

    problems: tuple[Problem, ...]
    invalid: frozenset[tuple[str | int, ...]]  # paths of values that do not match the schema
    instance: Any = None  # the document as JSON values, as the schema reads it

    def usable_entries(self, *keys: str) -> Callable[[str, str | int], bool] | None:
        """None when the file as a whole is invalid; else a test of which entries of the lists or
        tables ``keys`` are valid, so that one bad entry does not hide the rest of the file."""
        if any(len(path) < 2 or path[0] not in keys for path in self.invalid):
            return None
        bad = {path[:2] for path in self.invalid}
        return lambda key, entry: (key, entry) not in bad


def check_structure(document: Document, kind: Kind, count_alike: bool = True) -> StructureCheck:
    """Every structural problem of a parsed document; none when it matches its schema. Past what
    can be listed (MAX_PER_CODE), the problems of entries alike are counted, not described
    (``count_alike``; False: each described, as a differential test's reference)."""
    if document.root is None:
        return StructureCheck((Problem(document.path, 1, 1, Code.SCHEMA, said=msg("the file is empty")),), frozenset({()}))
    view = _view(kind)
    view.traps = []
    instance = view.convert(document.root, load_schema(kind))
    problems: list[Problem] = []
    invalid: set[tuple[str | int, ...]] = set()
    if not matches_schema(kind, instance):  # only then pay for jsonschema, which says every problem in full
        validator = exact_validator(kind)
        validator.VALIDATORS["$ref"].forget()  # values are remembered for one document
        validator.VALIDATORS["items"].forget()
        if isinstance(instance, dict) and count_alike:
            validator.VALIDATORS["items"].grouped = {id(value) for value in instance.values() if isinstance(value, list)}
        alike: dict[int, tuple[list[int], list[Any]]] = {}  # entries alike: their places, and the first's errors
        for error in validator.iter_errors(instance):
            places = getattr(error, "alike", None)
            if places is None:
                invalid.add(tuple(error.absolute_path))
                problems.extend(_describe(error, document.root, document.path))
            else:
                alike.setdefault(id(places), (places, []))[1].append(error)
        for places, errors in alike.values():
            problems += _described_alike(places, errors, document, invalid)
        if not invalid:  # the quick validator refused what jsonschema passes: refused it stays
            invalid.add(())
            problems.append(Problem(document.path, 1, 1, Code.SCHEMA, said=msg("the file does not match its schema")))
    problems += [Problem(document.path, scalar.line, scalar.col, Code.YAML11, said=said) for scalar, said in view.traps]
    unique: dict[tuple[str, int, int, str, str], Problem] = {}
    for problem in problems:
        known = unique.setdefault(sort_key(problem), problem)
        if problem.stands_for > known.stands_for:
            unique[sort_key(problem)] = problem
    return StructureCheck(tuple(unique[key] for key in sorted(unique)), frozenset(invalid), instance)


def _described_alike(places: list[int], errors: list[Any], document: Document, invalid: set[tuple[str | int, ...]]
                     ) -> list[Problem]:
    """The problems of alike entries of one of the document's lists, at ``places`` in it, which have
    ``errors`` (at the first of them): each entry's, in order, until more than MAX_PER_CODE are
    described — no later entry's can be listed, as each stands after the ones before — then the
    rest counted, each entry having as many as the first (the same, at its own places). The last
    one described stands for those counted (:attr:`Problem.stands_for`, which capped() counts)."""
    paths = [list(error.absolute_path) for error in errors]  # each [the list's key, the first place, …]
    for place in places:
        invalid.update((path[0], place, *path[2:]) for path in paths)
    described: dict[tuple[str, int, int, str, str], Problem] = {}
    each = 0  # how many problems one entry has
    told = 0  # the entries described
    for place in places:
        if len(described) > MAX_PER_CODE:
            break
        before = len(described)
        for error in errors:
            moved = type(error).create_from(error)
            moved.relative_path[1] = place
            described.update((sort_key(problem), problem) for problem in _describe(moved, document.root, document.path))
        each = each or len(described) - before
        told += 1
    found = list(described.values())
    untold = (len(places) - told) * each
    if untold:
        last = max(found, key=sort_key)
        found[found.index(last)] = dataclasses.replace(last, stands_for=1 + untold)
    return found


# --- The JSON view --------------------------------------------------------------------------

_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_DECIMAL = re.compile(r"[-+]?[0-9]+\.[0-9]+")
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_TRAP_KINDS = frozenset({"bool", "int", "float"})


@functools.cache
def _view(kind: Kind) -> JsonView:
    return JsonView(load_schema(kind))


class JsonView:
    """Converts the located tree to plain JSON values, guided by the schema.

    Schema lookups are memoised by the identity of the (long-lived) schema objects.
    """

    def __init__(self, root_schema: dict[str, Any]) -> None:
        self.root_schema = root_schema
        self.traps: list[tuple[Scalar, Message]] = []
        self._text_only: dict[int, bool] = {}
        self._properties: dict[tuple[int, str], Any] = {}
        self._items: dict[int, Any] = {}

    def resolve(self, schema: Any) -> dict[str, Any]:
        while isinstance(schema, dict) and "$ref" in schema:
            schema = self.root_schema["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
        return schema if isinstance(schema, dict) else {}

    def scalar_types(self, schema: Any) -> set[str]:
        schema = self.resolve(schema)
        if "anyOf" in schema:
            return set().union(*(self.scalar_types(branch) for branch in schema["anyOf"]))
        if "enum" in schema:
            return {"string"}
        kind = schema.get("type")
        return {kind} if isinstance(kind, str) else set()

    def convert(self, node: YamlNode, schema: Any) -> Any:
        if type(node) is MappingNode:
            return {key: self.convert(value, self.property_schema(schema, key)) for key, value in node.items()}
        if type(node) is SequenceNode:
            items = self._items.get(id(schema))
            if items is None:
                items = self._items[id(schema)] = self.resolve(schema).get("items", {})
            return [self.convert(item, items) for item in node]
        return self.scalar(node, schema)  # type: ignore[arg-type]

    def property_schema(self, schema: Any, key: str) -> Any:
        memo = (id(schema), key)
        if memo not in self._properties:
            self._properties[memo] = self._property_schema(schema, key)
        return self._properties[memo]

    def _property_schema(self, schema: Any, key: str) -> Any:
        schema = self.resolve(schema)
        for branch in [schema, *schema.get("anyOf", [])]:
            branch = self.resolve(branch)
            if key in branch.get("properties", {}):
                return branch["properties"][key]
            if isinstance(branch.get("additionalProperties"), dict):
                return branch["additionalProperties"]
        return {}

    def scalar(self, scalar: Scalar, schema: Any) -> Any:
        if scalar.quoted:
            return scalar.text
        if scalar.text in NULL_SPELLINGS:
            return None
        text_only = self._text_only.get(id(schema))
        if text_only is None:
            text_only = self._text_only[id(schema)] = self.scalar_types(schema) == {"string"}
        if text_only:
            if scalar.text[:1] in TRAP_STARTS:
                self.check_trap(scalar, msg('quote it if you mean the text: "{text}"', text=scalar.text))
            return scalar.text
        value = _yaml12(scalar.text)
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool) and scalar.text[:1] in TRAP_STARTS:
            self.check_trap(scalar, msg("write it as {plain}", plain=str(value)))  # 010: 10 here, but 8 to YAML 1.1 tools
        return value

    def check_trap(self, scalar: Scalar, advice: Message) -> None:
        """A plain scalar that YAML 1.1 tools would read as something other than planaudit does."""
        if _PLAIN_INT.fullmatch(scalar.text):
            return  # a whole number written plainly (12): an int to YAML 1.1 too, so no need to ask it
        kind = scalar.yaml11_kind()
        if kind not in _TRAP_KINDS:
            return
        if kind == "float" and _DECIMAL.fullmatch(scalar.text):
            return
        self.traps.append((scalar, msg("'{text}' is read as {reading} by YAML 1.1 tools; {advice}", text=scalar.text,
                                       reading=_yaml11_reading(scalar.text), advice=advice)))


def _yaml11_reading(text: str) -> str:
    """What PyYAML's YAML 1.1 loader makes of a short plain scalar, for messages."""
    import yaml

    value = yaml.load(text, Loader=yaml.SafeLoader)  # a single short scalar: safe and cheap
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _yaml12(text: str) -> Any:
    """A plain scalar as YAML 1.2's core schema reads it; numbers stay exact."""
    if text in _BOOL:
        return _BOOL[text]
    digits = len(text) if len(text) <= MAX_DIGITS else sum(ch.isdigit() for ch in text)  # at most its length
    if digits <= MAX_DIGITS and _INT.fullmatch(text):
        return int(text)
    if digits <= MAX_DIGITS and _DECIMAL.fullmatch(text):
        return Decimal(text)
    return text


# --- Errors in plain words ------------------------------------------------------------------


def _describe(error: Any, root: YamlNode, path: str) -> Iterator[Problem]:
    node = _node_at(root, list(error.absolute_path))
    validator = error.validator
    if validator == "required":
        for key in error.validator_value:
            if isinstance(error.instance, dict) and key not in error.instance:
                yield Problem(path, node.line, node.col, Code.SCHEMA, said=msg("'{key}' is required", key=key))
        return
    if validator == "oneOf" and isinstance(error.instance, dict) and _alternative_keys(error.validator_value):
        keys = _alternative_keys(error.validator_value)
        given = [key for key in keys if key in error.instance]
        listed = " or ".join(f"'{key}'" for key in keys)
        said = msg("{keys} is required", keys=listed) if not given else \
            msg("give only one of {keys}", keys=listed)
        yield Problem(path, node.line, node.col, Code.SCHEMA, said=said)
        return
    if validator == "additionalProperties" and isinstance(node, MappingNode):
        allowed = ", ".join(error.schema.get("properties", {}))
        for key in error.instance:
            if key not in error.schema.get("properties", {}):
                line, col = node.key_positions[key]
                yield Problem(path, line, col, Code.SCHEMA, said=msg("unknown key '{key}' (allowed here: {allowed})",
                                                                     key=_shown_text(key), allowed=allowed))
        return
    if validator == "propertyNames" or (error.schema_path and "propertyNames" in error.schema_path):
        key = error.instance
        line, col = node.key_positions.get(key, (node.line, node.col)) if isinstance(node, MappingNode) else (node.line, node.col)
        description = error.schema.get("description", "valid")
        yield Problem(path, line, col, Code.SCHEMA, said=msg("'{key}' is not {description}", key=_shown_text(key),
                                                             description=described(description)))
        return
    yield Problem(path, node.line, node.col, Code.SCHEMA, said=_wrong_value(error, node))


def _alternative_keys(alternatives: Any) -> list[str]:
    """The keys of a oneOf whose every alternative is one required key (asserts: or denies:); else []."""
    keys = [alternative.get("required", [None])[0] for alternative in alternatives
            if isinstance(alternative, dict) and set(alternative) == {"required"} and len(alternative["required"]) == 1]
    return keys if len(keys) == len(alternatives) else []


def described(description: str) -> Message:
    """A schema's description of what a value must be ("a four-digit year"): each is a msgid of the
    catalogue too (tests/report/test_translations.py holds every one to it)."""
    return pmsg("what a value must be", description)


def _wrong_value(error: Any, node: YamlNode) -> Message:
    field = _field_name(list(error.absolute_path))
    description = error.schema.get("description")
    must_be = as_written(error.message) if description is None else described(description)
    shown = _shown(error.instance)
    if isinstance(node, Scalar) and not node.quoted:
        digits = sum(ch.isdigit() for ch in node.text)
        if digits > MAX_DIGITS and _INT.fullmatch(node.text.replace(".", "", 1)):
            return msg("{field}: a number may have at most {digits} digits", field=field, digits=MAX_DIGITS)
        if node.yaml11_kind() in ("bool", "int", "float") and isinstance(error.instance, str):
            return msg("{field} must be {description}, not '{shown}' (YAML 1.1 tools would read it as {reading})",
                       field=field, description=must_be, shown=_shown_text(node.text), reading=_yaml11_reading(node.text))
    return msg("{field} must be {description}, not {shown}", field=field, description=must_be, shown=shown)


def _field_name(path: list[Any]) -> Message | str:
    if not path:
        return msg("the file")
    if isinstance(path[-1], int):
        if len(path) > 1:
            return msg("entry {number} of '{parent}'", number=path[-1] + 1, parent=str(path[-2]))
        return msg("entry {number} of the list", number=path[-1] + 1)
    return f"'{_shown_text(str(path[-1]))}'"


def _shown(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{_shown_text(value)}'"
    return str(value)


def _shown_text(text: str, limit: int = 60) -> str:
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_at(root: YamlNode, path: list[Any]) -> YamlNode:
    """The node at a JSON path, or the deepest node on the way that exists."""
    node = root
    for step in path:
        if isinstance(node, MappingNode) and step in node:
            node = node[step]
        elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return node
    return node
