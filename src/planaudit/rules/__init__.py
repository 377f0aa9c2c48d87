"""The registry of verdict rules: the built-ins (docs/verdicts.md), then the catalogue's custom rules."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Catalogue
from . import achieved, at_least, at_most, custom, equals, growth_at_least, less_than, more_than
from .base import Actual, Rule

BUILTIN_RULES: Mapping[str, Rule] = {
    module.RULE.id: module.RULE
    for module in (at_least, more_than, at_most, less_than, equals, achieved, growth_at_least)
}


def rule_table(catalogue: Catalogue) -> dict[str, Rule]:
    """Every rule a target may name: built-ins first; a custom rule never shadows one."""
    table = {rule_id: custom.from_definition(definition)
             for rule_id, definition in catalogue.rules.items() if rule_id not in BUILTIN_RULES}
    table.update(BUILTIN_RULES)
    return table


__all__ = ["Actual", "BUILTIN_RULES", "Rule", "rule_table"]
