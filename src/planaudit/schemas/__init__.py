"""The JSON Schemas of planaudit's files (draft 2020-12), one per kind of file."""

from __future__ import annotations

import enum
from importlib import resources


class Kind(enum.Enum):
    TARGET = "target"
    OUTCOME = "outcome"
    RULES = "rules"
    SETTINGS = "settings"


def schema_text(kind: Kind) -> str:
    return resources.files(__name__).joinpath(f"{kind.value}.schema.json").read_text(encoding="utf-8")


def published_schema_text(kind: Kind) -> str:
    """The schema as `planaudit schema` prints it for editors: the shipped one, with the built-in
    rules named where a rule is named (they are found in planaudit.rules, so a new rule module
    shows here with no other change)."""
    import json

    from planaudit.judge.rules import builtin_rules

    schema = json.loads(schema_text(kind))
    names = ", ".join(sorted(builtin_rules()))
    if kind is Kind.TARGET:
        schema["$defs"]["target"]["properties"]["rule"]["description"] = (
            f"a built-in rule ({names}) or a custom rule of rules/")
    elif kind is Kind.RULES:
        schema["properties"]["rules"]["description"] = (
            f"a mapping of rule ids to custom rules; the built-in rules are {names}, and no custom rule may take "
            "one of their names")
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
