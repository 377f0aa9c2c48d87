"""What `planaudit schema` prints: a file's JSON Schema as editors read it, with the built-in rules named.

It lives above the judge (planaudit.schemas holds only the shipped files, which the reader below uses).
"""

from __future__ import annotations

from planaudit.schemas import Kind


def published_schema_text(kind: Kind) -> str:
    """The schema as `planaudit schema` prints it for editors: the shipped one, with the built-in
    rules named where a rule is named (they are found in planaudit.judge.rules, so a new rule module
    shows here with no other change)."""
    import json

    from planaudit.judge.rules import builtin_rules
    from planaudit.schemas import schema_text

    schema = json.loads(schema_text(kind))
    names = ", ".join(sorted(builtin_rules()))
    if kind is Kind.TARGET:
        schema["$defs"]["target"]["properties"]["rule"]["description"] = (
            f"a built-in rule ({names}) or a custom rule of rules/")
    elif kind is Kind.PERIOD:
        schema["$defs"]["period_target"]["properties"]["rule"]["description"] += (
            f": a built-in rule ({names}) or a custom rule of rules/")
    elif kind is Kind.RULES:
        schema["properties"]["rules"]["description"] = (
            f"a mapping of rule ids to custom rules; the built-in rules are {names}, and no custom rule may take "
            "one of their names")
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
