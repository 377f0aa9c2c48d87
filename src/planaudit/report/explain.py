"""`planaudit explain`: how one verdict was reached, step by step."""

from __future__ import annotations

import re

from planaudit.errors import UnknownTarget
from planaudit.exact.numbers import Truth
from planaudit.judge.resolve import implied_level
from planaudit.model.data import PERCENT, Figure
from planaudit.model.result import (
    AuditResult,
    Derivation,
    Detail,
    Grounds,
    Inconsistency,
    Reason,
    Resolved,
    TargetResult,
    Verdict,
)
from planaudit.model.wording import STATED_SHARE, words_share
from planaudit.read.text import printable
from planaudit.report.display import (
    actual_text,
    figure_place,
    grounds_text,
    inconsistency_texts,
    interval_text,
    note_text,
    other_reading,
    rival_shares,
    threshold_amount,
    threshold_text,
    value_text,
    verdict_text,
)
from planaudit.report.i18n import REASONS, VERDICTS, WORDS, InLanguages, date_text, detail_text, unit_name

_LABELS = InLanguages({  # the words of an explanation; their translations are in planaudit/locale
    "rule": "Rule", "threshold": "Threshold", "metric": "Metric", "scope": "Scope", "deadline": "Deadline",
    "actual": "Actual", "baseline": "Baseline", "growth": "Growth", "comparison": "Comparison",
    "allowed": "Counts as met", "reference": "Value from",
    "verdict": "Verdict", "warning": "Warning", "waived": "Waived", "quote": "Plan says", "restated": "And again",
    "explicit": "given in the target", "none": "no figure", "holds": "holds", "fails": "fails",
    "undecided": "cannot be decided", "derived": "derived", "stated": "stated",
    "rounding": "as rounded: stated {stated}, derived {derived} — no value in common",
    "grounds": "Rests on",
    "counts": "Counts",
    "cut_off": "cut off at its written place, not rounded: consistent, and not listed",
    "rounded": "its rounding: consistent, and not listed",
    "grounds_measured": "a number compared with the threshold",
    "grounds_stated": "the report says so in words that repeat {share}% of the target's",
    "grounds_judged": "an evaluator's reading of the report's words, which the figure's note explains",
    "grounds_unexplained": "an evaluator's reading: the quote repeats {share}% of the target's words, under {least}%, "
                           "and no note says why it shows the target done",
    "grounds_asserted": "the report's blanket claim of completion, naming no figure",
    "grounds_admitted": "the report's own admission that it was not done",
    "grounds_items": "its items' verdicts",
}, lambda key: f"explain: {key}")
_COMPARED = frozenset({Reason.STATED, Reason.DERIVED, Reason.IMPRECISE, Reason.WITHIN_TOLERANCE})
_OUTCOME = {Verdict.MET: "holds", Verdict.MISSED: "fails", Verdict.UNMEASURED: "undecided", Verdict.PARTLY: "fails"}


def find_target(audit: AuditResult, jurisdiction: str, wanted: str) -> TargetResult:
    """The result of one target, named by its id, by its row's number in the jurisdiction's
    table (1, 2, …; as every report numbers them), or by a prefix of one id alone;
    :class:`UnknownTarget` if there is none, or the prefix begins more than one id."""
    candidates = [item for item in audit.results if item.target.jurisdiction == jurisdiction]
    return candidates[chosen([item.target.id for item in candidates], wanted, audit.year, jurisdiction)]


def chosen(ids: list[str], wanted: str, year: int | str, jurisdiction: str) -> int:
    """Which of ``ids`` (a jurisdiction's targets, in order) ``wanted`` names: an id, a row's number
    (1, 2, …), or the start of one id alone; :class:`UnknownTarget` if none, or more than one."""
    if wanted in ids:
        return ids.index(wanted)
    if wanted.isdecimal() and 1 <= int(wanted) <= len(ids):
        return int(wanted) - 1
    starting = [index for index, found in enumerate(ids) if found.startswith(wanted)]
    if len(starting) == 1:
        return starting[0]
    raise UnknownTarget(year, jurisdiction, wanted, ids, [ids[index] for index in starting])


def render_explanation(item: TargetResult, lang: str = "en", folder: str = "") -> str:
    """How the verdict was reached, line by line; files named from the top of the git repository
    (``folder``: where the data is in it)."""
    words = _LABELS[lang]
    target, metric = item.target, item.metric
    lines = [
        f"{target.jurisdiction}/{target.id}  ({target.location.shown(folder)})",
        f"  {printable(target.title)}",
        f"{words['quote']}: \u201c{printable(target.provenance.quote)}\u201d",
    ]
    lines += [f"{words['restated']}: \u201c{printable(passage.quote)}\u201d" + (f" ({printable(passage.section)})"
                                                                          if passage.section else "")
              for passage in target.restated]
    if not target.is_umbrella:  # an umbrella has no metric or rule of its own: its items do
        lines += [f"{words['metric']}: {metric.id} — {printable(metric.label.text(lang))} ({unit_name(metric.unit, lang)})",
                  f"{words['rule']}: {item.rule.id} — {printable(item.rule.label.text(lang))}"]
    lines.append(f"{words['threshold']}: {threshold_text(item, lang, placed=False)}")  # its deadline, scope: lines below
    if target.scope:
        lines.append(f"{words['scope']}: {printable(target.scope)}")
    if target.period.deadline:
        lines.append(f"{words['deadline']}: {date_text(target.period.deadline, lang)}")
    lines.append(f"{words['actual']}: {actual_text(item, lang) if item.actual or item.items else words['none']}")
    if item.actual:
        lines.extend(_resolution(item.actual, metric.unit, lang, folder, "  "))
    lines += [f"  {WORDS[lang]['projected']}: {_figure(figure, lang, folder)}" for figure in item.projected]
    if item.reference is not None:  # a relative target: the figure its value is
        lines.append(f"{words['reference']}: {item.reference.metric} = {value_text(item.reference.value, metric.unit, lang)}")
        lines.extend(_resolution(item.reference, metric.unit, lang, folder, "  "))
    if item.baseline:
        source = item.baseline.source
        origin = words["explicit"] if source is None else str(source.year)
        lines.append(f"{words['baseline']}: {interval_text(item.baseline.value, metric.unit)} ({origin})")
        if source is not None:
            lines.extend(_resolution(source, metric.unit, lang, folder, "  "))
    measure = item.rule.measure
    if item.growth is not None and item.baseline and measure is not None:
        formula = measure.formula.format(actual=_actual(item, lang),
                                         baseline=interval_text(item.baseline.value, metric.unit))
        lines.append(f"{words[measure.word]}: {formula} = {interval_text(item.growth, PERCENT)}")
    centre = item.threshold if item.compared_with is None or not item.compared_with.is_exact else item.compared_with.point
    if item.rule.band is not None and centre is not None and item.tolerance is not None:
        allowed = item.rule.band(centre, item.tolerance, item.target.tolerance.sides)
        lines.append(f"{words['allowed']}: {interval_text(allowed, metric.unit)}")
    for found in item.items:  # an umbrella: each item's verdict
        lines.append(f"  {found.target.id}: {verdict_text(found, lang)} — {printable(found.target.title)}")
    if item.reason in _COMPARED:
        lines.append(f"{words['comparison']}: {_comparison(item, lang)} → {words[_OUTCOME[item.verdict]]}")
    if item.reason is Reason.CONTESTED:
        lines.extend(_readings(item, lang))
    verdict = f"{VERDICTS[lang][item.verdict]} — {REASONS[lang][item.reason]}"
    detail = detail_text(item.detail, lang)
    lines.append(f"{words['verdict']}: {verdict}" + (f" ({printable(detail)})" if detail else ""))
    if item.grounds is not None:
        lines.append(f"{words['grounds']}: {grounds_text(item, lang)} — {_grounds_why(item, lang)}")
    for warning in item.warnings:
        lines.extend(_inconsistency(warning, lang, folder))
    for counts in item.agreeing:
        lines.extend(_agreeing(counts, lang, folder))
    if target.waiver:
        date = f", {date_text(target.waiver.date, lang)}" if target.waiver.date else ""
        lines.append(f"{words['waived']}: {printable(target.waiver.reason)}{date}")
    return "\n".join(map(printable, lines)) + "\n"  # every line, whatever part of it came from data


def _grounds_why(item: TargetResult, lang: str) -> str:
    """Why the verdict rests on what it does: for a yes/no figure, how much of the target's words its quote repeats."""
    words = _LABELS[lang]
    grounds = item.grounds
    figure = None if item.actual is None else item.actual.figure
    if item.reason is Reason.ADMITTED:
        return words["grounds_admitted"]
    if item.items:
        return words["grounds_items"]
    if grounds is Grounds.ASSERTED or grounds is Grounds.MEASURED:
        return words[f"grounds_{grounds.value}"]
    if figure is None or not figure.stated.is_state or any(found.note is not None for found in item.evidence()):
        return words["grounds_judged"]
    share = int(words_share(item.target, figure.provenance.quote) * 100)
    if grounds is Grounds.STATED:
        return words["grounds_stated"].format(share=share)
    return words["grounds_unexplained"].format(share=share, least=int(STATED_SHARE * 100))


def _agreeing(counts: Inconsistency, lang: str, folder: str) -> list[str]:
    """Counts that agree with their stated figure only cut off, or rounded: why it is not listed."""
    words = _LABELS[lang]
    stated, derived = inconsistency_texts(counts, exact=True)
    lines = [f"{words['counts']}: {counts.metric.id} {WORDS[lang]['stated'].lower()} {stated}, "
             f"{other_reading(counts, lang, 'derived_value').lower()} {derived} — {words[counts.agreement.value]} "
             f"({figure_place(counts.figure, folder)})"]
    derivation = counts.derived.derivation
    if derivation is not None:
        lines.append(f"  {derivation.metric} = {derivation.expression} = {arithmetic(derivation, lang)} = {derived}")
    return lines


def _inconsistency(warning: Inconsistency, lang: str, folder: str) -> list[str]:
    """A stated figure that disagrees with its counts: both values, the arithmetic, and the counts."""
    words, said = _LABELS[lang], WORDS[lang]
    stated, derived = inconsistency_texts(warning)
    lines = [f"{words['warning']}: {said['inconsistent']} — {warning.metric.id} {said['stated'].lower()} {stated}, "
             f"{other_reading(warning, lang, 'derived_value').lower()} {derived} ({figure_place(warning.figure, folder)})"]
    if warning.conflict and warning.derived.figure is not None:  # the report states it twice
        lines.append(f"  {words['stated']}: {_figure(warning.derived.figure, lang, folder)}")
        return lines
    derivation = warning.derived.derivation
    if warning.stated_range is not None and warning.derived_range is not None:
        unit = warning.metric.unit
        lines.append("  " + words["rounding"].format(stated=interval_text(warning.stated_range, unit),
                                                     derived=interval_text(warning.derived_range, unit)))
    if derivation is None:  # a share of a target, against its level figure ÷ the target's value
        assert warning.derived.figure is not None
        return [*lines, f"  {words['stated']}: {_figure(warning.derived.figure, lang, folder)}"]
    lines.append(f"  {derivation.metric} = {derivation.expression} = {arithmetic(derivation, lang)} = {derived}")
    for source in derivation.inputs:
        lines.append(f"    {source.metric} = {value_text(source.value, '', lang)}")
        lines.extend(_resolution(source, warning.metric.unit, lang, folder, "      "))
    return lines


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:\[[^\W\d][\w-]*\])?")


def arithmetic(derivation: Derivation, lang: str) -> str:
    """The derivation's expression with each metric's value in place of its name: "276 / 282 * 100"."""
    names = derivation.names or tuple(source.metric for source in derivation.inputs)
    values = {name: value_text(source.value, "", lang) for name, source in zip(names, derivation.inputs, strict=True)}
    return _NAME.sub(lambda found: values.get(found.group(), found.group()), derivation.expression)


def _actual(item: TargetResult, lang: str) -> str:
    assert item.actual is not None
    return value_text(item.actual.value, item.metric.unit, lang)


def _comparison(item: TargetResult, lang: str) -> str:
    """The comparison the rule made, with the numbers filled in."""
    measured = None if item.growth is None else interval_text(item.growth, PERCENT)
    baseline = None if item.baseline is None else interval_text(item.baseline.value, item.metric.unit)
    return item.rule.comparison_text(_actual(item, lang), threshold_amount(item), measured, baseline,
                                     WORDS[lang]["where"])


_TRUTHS = {Truth.TRUE: "holds", Truth.FALSE: "fails", Truth.UNKNOWN: "undecided"}


def _readings(item: TargetResult, lang: str) -> list[str]:
    """A contested verdict's comparison made on the stated figure, and on the one its counts give."""
    words, said = _LABELS[lang], WORDS[lang]
    assert item.actual is not None
    readings = [(said["stated"].lower(), item.actual.value)]
    readings += [(other_reading(warning, lang), warning.derived.value) for warning in (*item.warnings, *item.agreeing)
                 if warning.figure is item.actual.figure]
    if item.threshold is not None:  # a share of the target stated otherwise too: the level it implies
        readings += [(other_reading(rival, lang), implied_level(rival.figure, item.threshold))
                     for rival in rival_shares(item)]
    lines = []
    value = item.compared  # as the judge compared: the value, the band about it, or the reference figure
    baseline = item.baseline.value if item.baseline else None
    for name, actual in readings:
        growth = item.rule.measured(actual, baseline)
        try:
            outcome = words[_TRUTHS[item.rule.check(actual, value, baseline)]]
        except ZeroDivisionError:
            outcome = words["undecided"]
        compared = item.rule.comparison_text(
            value_text(actual, item.metric.unit, lang), threshold_amount(item),
            None if growth is None else interval_text(growth, PERCENT),
            None if baseline is None else interval_text(baseline, item.metric.unit), WORDS[lang]["where"])
        lines.append(f"{words['comparison']} ({name}): {compared} → {outcome}")
    return lines


def _resolution(resolved: Resolved, unit: str, lang: str, folder: str, indent: str,
                shown: set[int] | None = None) -> list[str]:
    """How a value was reached, as an indented tree. ``shown``: the derivations set out already in
    this tree, by identity: an input that derivations share is set out once, then only its value is
    given (a "diamond" of derivations stays as long as its metrics, not exponentially longer)."""
    words = _LABELS[lang]
    if resolved.figure is not None:
        return [f"{indent}{words['stated']}: {_figure(resolved.figure, lang, folder)}"]
    assert resolved.derivation is not None
    shown = set() if shown is None else shown
    derivation = resolved.derivation
    lines = [f"{indent}{words['derived']}: {derivation.metric} = {derivation.expression}"]
    names = derivation.names or tuple(source.metric for source in derivation.inputs)
    for name, source in zip(names, derivation.inputs, strict=True):
        lines.append(f"{indent}  {name} = {value_text(source.value, '', lang)}")
        if source.derivation is None or id(source) not in shown:
            shown.add(id(source))
            lines.extend(_resolution(source, unit, lang, folder, indent + "    ", shown))
    return lines


def _figure(figure: Figure, lang: str, folder: str) -> str:
    when = date_text(figure.span.as_of, lang)
    if not figure.span.as_of_stated:
        when = WORDS[lang]["date_not_stated"]  # never a date the report does not give
    if figure.basis is not None:
        when += f", {detail_text(Detail.basis(figure.basis), lang)}"
    return f"{figure_place(figure, folder)} \u201c{printable(figure.provenance.quote)}\u201d ({when}){note_text(figure, lang)}"
