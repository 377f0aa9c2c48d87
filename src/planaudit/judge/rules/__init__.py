"""The registry of verdict rules: the built-ins (docs/verdicts.md), then the catalogue's custom rules.

A built-in rule is a module of this package that defines ``RULE``; the registry finds every such
module, so adding a rule is adding its module (and its test). ``custom`` and ``base`` define none.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Mapping

from planaudit.judge.rules import custom
from planaudit.judge.rules.base import Actual, Rule
from planaudit.model.data import Catalogue


@functools.cache
def builtin_rules() -> Mapping[str, Rule]:
    """Every rule module's RULE, by id, in the order of the modules' names."""
    rules: dict[str, Rule] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda found: found.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            rules[rule.id] = rule
    return rules


def rule_table(catalogue: Catalogue) -> dict[str, Rule]:
    """Every rule a target may name: built-ins first; a custom rule never shadows one."""
    builtins = builtin_rules()
    table = {rule_id: custom.from_definition(definition)
             for rule_id, definition in catalogue.rules.items() if rule_id not in builtins}
    table.update(builtins)
    return table


__all__ = ["Actual", "Rule", "builtin_rules", "rule_table"]
