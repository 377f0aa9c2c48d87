"""`achieved`: met when the reported state is true (建成、开通、全覆盖、创成); takes no value."""

from __future__ import annotations

from planaudit.exact.numbers import Interval, Truth
from planaudit.judge.rules.base import Actual, Rule
from planaudit.messages import pmsg
from planaudit.model.data import Label


def check(actual: Actual, value: Interval | None, baseline: Interval | None) -> Truth:
    return Truth.of(actual is True)


RULE = Rule(id="achieved", label=Label.said(pmsg("rule", "achieved")), symbol="✓", check=check,
            needs_value=False, boolean=True)
