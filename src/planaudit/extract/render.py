"""The draft as a YAML document in planaudit's format (docs/format.md), with comments that guide the review.

The layout (key order, one entry per block, a comment for each counter as written) is ours; every
scalar is written as PyYAML writes it, so quoting is always right however odd the document's text.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from planaudit.extract.draft import DocumentKind, Draft, DraftDirection, DraftFigure, DraftTarget
from planaudit.messages import Message, msg, pmsg
from planaudit.model.data import UNASSIGNED_METRIC, Bound, Strength
from planaudit.model.wording import strength_of


class _Dumper(yaml.SafeDumper):
    pass


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


_Dumper.add_representer(Decimal, _represent_decimal)


def scalar(value: Any) -> str:
    """One scalar as PyYAML writes it on a single line. What PyYAML leaves plain — text of letters,
    digits and CJK (with its punctuation) that starts with neither an indicator nor a space and
    that YAML reads as text, and a whole number — is that text, so it is not run through the
    emitter: a draft of a large document writes hundreds of thousands of scalars (a test holds
    this to PyYAML's own output)."""
    if type(value) is int:
        return str(value)
    if type(value) is str and _PLAIN.fullmatch(value) and _reads_as_text(value):
        return value
    return _dumped(type(value), repr(value), value)


_PLAIN = re.compile(r"[A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff]"  # never an indicator, a space or a line break
                    r"[A-Za-z0-9_.%\u2010-\u2027\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*")


@functools.cache
def _resolver() -> yaml.resolver.Resolver:
    return yaml.resolver.Resolver()


@functools.lru_cache(maxsize=4096)
def _reads_as_text(text: str) -> bool:
    """Whether YAML (1.1, as PyYAML) reads ``text`` written plain as text, not a number, date, bool or
    null (PyYAML looks for those only after the first characters they may begin with)."""
    resolver = _resolver()
    if text[:1] not in resolver.yaml_implicit_resolvers and None not in resolver.yaml_implicit_resolvers:
        return True
    return bool(resolver.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str")


def _flow(mapping: dict[str, Any]) -> str:
    """A mapping on one line ({title: …}), as PyYAML writes it: a scalar in it is quoted as one
    between braces must be (a title with a comma or a brace is no plain scalar there)."""
    return yaml.dump(mapping, Dumper=_Dumper, allow_unicode=True, width=2**30, default_flow_style=True).rstrip("\n")


@functools.lru_cache(maxsize=4096)
def _dumped(kind: type, shown: str, value: Any) -> str:
    """PyYAML's writing of one scalar, remembered by its type and its repr (Decimal 1.0 and 1.00 differ)."""
    text = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, width=2**30, default_flow_style=True)
    return text.removesuffix("\n...\n").removesuffix("\n")


def render(draft: Draft, lang: str = "en") -> str:
    """The draft as YAML, headed by a comment in ``lang`` that says what to do with it."""
    entries = ([_target(target) for target in draft.targets] if draft.kind is DocumentKind.PLAN
               else [_figure(figure) for figure in draft.figures])
    key = "targets" if draft.kind is DocumentKind.PLAN else "figures"
    lines = [
        *_header(draft, len(entries)).render(lang).split("\n"),
        f"jurisdiction: {scalar(draft.jurisdiction)}",
        f"year: {draft.year}",
    ]
    if draft.title:
        lines.append(f"document: {_flow({'title': draft.title})}")
    lines.append(f"{key}:" if entries else f"{key}: []")
    lines += [line for entry in entries for line in entry]
    if draft.directions:
        lines.append("directions:  " + msg("# commitments with no target drafted: make one a target where a report "
                                           "could show it done; a direction is never judged").render(lang))
        lines += [f"  - {_flow(_direction(direction))}  # line {direction.line}" for direction in draft.directions]
    return "\n".join(lines) + "\n"


def _direction(direction: DraftDirection) -> dict[str, Any]:
    return {"quote": direction.clause} if direction.section is None else {"quote": direction.clause,
                                                                         "section": direction.section}


def _header(draft: Draft, count: int) -> Message:
    """The comment at the head of a draft: what it was drafted from, and what to do with it."""
    plan = draft.kind is DocumentKind.PLAN
    return msg("# Drafted by `planaudit extract` from {name} ({kind}, {count} {key}). Review every entry against\n"
               "# the document, then replace each `metric: {unassigned}` with a metric id from rules/:\n"
               "# `planaudit validate` lists those still unassigned.",
               name=Path(draft.source).name, count=count, unassigned=UNASSIGNED_METRIC,
               kind=pmsg("a draft's document", "plan") if plan else pmsg("a draft's document", "report"),
               key=pmsg("what a draft holds", "targets") if plan else pmsg("what a draft holds", "figures"))


def _target(target: DraftTarget) -> list[str]:
    fields: list[tuple[str, Any, str | None]] = [
        ("id", target.id, f"line {target.line}"), ("title", target.clause, None),
        ("metric", UNASSIGNED_METRIC, None), ("rule", target.rule, None),
    ]
    if target.value is not None:
        fields.append(("value", _value(target.value, target.percent), None))
    if target.unit is not None:
        fields.append(("unit", target.unit, target.counter))
    if target.deadline is not None:
        fields.append(("deadline", target.deadline, None))
    strength = strength_of(target.clause)
    if strength is not Strength.FIRM:  # the plan's own hedge (力争, 探索), written out for the reviewer to see
        fields.append(("strength", strength.value, None))
    fields.append(("quote", target.clause, None))
    if target.section is not None:
        fields.append(("section", target.section, None))
    return _entry(fields)


def _figure(figure: DraftFigure) -> list[str]:
    fields: list[tuple[str, Any, str | None]] = [
        ("metric", UNASSIGNED_METRIC, f"line {figure.line}"),
        ("value", _value(figure.value, figure.percent), figure.counter),
    ]
    if figure.bound is not Bound.EXACT:
        fields.append(("bound", figure.bound.value, None))
    if figure.projected:
        fields.append(("projected", True, None))
    fields.append(("quote", figure.clause, None))
    return _entry(fields)


def _entry(fields: list[tuple[str, Any, str | None]]) -> list[str]:
    lines = []
    for index, (key, value, comment) in enumerate(fields):
        lead = "  - " if index == 0 else "    "
        note = f"  # {comment}" if comment else ""
        lines.append(f"{lead}{key}: {scalar(value)}{note}")
    return lines


def _value(value: Decimal, percent: bool) -> Decimal | int | str:
    if percent:
        return f"{format(value, 'f')}%"
    return int(value) if value == value.to_integral_value() else value
