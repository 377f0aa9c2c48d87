"""The JSON Schemas of planaudit's files (draft 2020-12), one per kind of file."""

from __future__ import annotations

import enum
from importlib import resources
from typing import Any


class Kind(enum.Enum):
    TARGET = "target"
    OUTCOME = "outcome"
    RULES = "rules"
    SETTINGS = "settings"
    PERIOD = "period"  # a plan over several years: targets/<first>-<last>/<jurisdiction>.yaml


def schema_text(kind: Kind) -> str:
    """The JSON Schema of a kind of file: its own file, with the shared definitions it refers to
    (``defs.json``, where every definition that two kinds share is written once)."""
    import json

    schema = json.loads(_read(f"{kind.value}.schema.json"))
    shared = json.loads(_read("defs.json"))["$defs"]
    wanted: dict[str, Any] = {}
    pending = _references(schema)
    while pending:
        name = pending.pop()
        if name in shared and name not in wanted:
            wanted[name] = shared[name]
            pending |= _references(shared[name])
    schema["$defs"] = {**{name: shared[name] for name in shared if name in wanted}, **schema.get("$defs", {})}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _read(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _references(node: Any) -> set[str]:
    """The names of the definitions that ``node`` refers to ("#/$defs/<name>")."""
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[-1]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_references(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_references(item) for item in node))
    return set()
