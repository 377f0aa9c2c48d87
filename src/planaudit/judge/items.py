"""Umbrella targets: a commitment made of items (the "3+3+3" project: nine), each a target judged
as any other; the umbrella is met when every item is, missed when any is, else unmeasured."""

from __future__ import annotations

from collections.abc import Sequence

from planaudit.exact.numbers import Interval, Truth
from planaudit.judge.rules.base import Actual, Rule
from planaudit.messages import pmsg
from planaudit.model.data import UMBRELLA, Label, Location, Metric, Target
from planaudit.model.result import Detail, Reason, TargetResult, Verdict


def _judged_on_items(actual: Actual, value: Interval | None, baseline: Interval | None) -> Truth:
    raise AssertionError("an umbrella target is judged on its items' verdicts, never on a figure")


# What an umbrella's result names as its metric and rule. Neither is in the catalogue or the rule
# registry: no target can name them, and an umbrella names neither.
ITEMS_METRIC = Metric(UMBRELLA, Label.said(pmsg("metric", "items")), "item", None, None, Location("", 0))
EVERY_ITEM = Rule(id=UMBRELLA, label=Label.said(pmsg("rule", "every item met")), symbol="∀",
                  check=_judged_on_items, needs_value=False)


def umbrella_result(target: Target, items: Sequence[TargetResult]) -> TargetResult:
    """The umbrella's verdict from its items': missed when one is missed (and not waived: a waived
    item never fails, so it cannot make its umbrella fail, only keep it from being met); else done
    in part when one is (so not met, whatever the unmeasured ones are); met when all are met — with
    the reason `asserted` when a report's claim, not a figure, met one of them."""
    verdicts = [item.verdict for item in items]
    reason = Reason.ITEMS
    if any(item.verdict is Verdict.MISSED and not item.waived for item in items):
        verdict = Verdict.MISSED
    elif any(item.verdict is Verdict.PARTLY and not item.waived for item in items):
        verdict = Verdict.PARTLY
    elif all(found is Verdict.MET for found in verdicts):
        verdict = Verdict.MET
        if any(item.reason is Reason.ASSERTED for item in items):
            reason = Reason.ASSERTED  # counted with the asserted, apart from the measured
    else:
        verdict = Verdict.UNMEASURED
    detail = Detail.of("items" if Verdict.PARTLY not in verdicts else "items_partly", met=verdicts.count(Verdict.MET),
                       total=len(verdicts), missed=verdicts.count(Verdict.MISSED),
                       unmeasured=verdicts.count(Verdict.UNMEASURED), partly=verdicts.count(Verdict.PARTLY))
    return TargetResult(target, ITEMS_METRIC, EVERY_ITEM, verdict, reason, None, detail=detail, items=tuple(items))
