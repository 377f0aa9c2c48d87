"""`planaudit explain FIRST-LAST JURISDICTION TARGET`: how a period target's status was reached in
each year — the figure it rests on (file:line and the report's words), the share of the distance
covered and the share expected with their arithmetic, the milestone, and the history."""

from __future__ import annotations

from fractions import Fraction

from planaudit.exact.numbers import Interval, format_number
from planaudit.judge.units import interval_text
from planaudit.model.data import Figure
from planaudit.model.period import PeriodKind, ProgressResult, TargetProgress, YearStatus
from planaudit.read.text import printable
from planaudit.report.display import figure_place
from planaudit.report.explain import chosen
from planaudit.report.i18n import VERDICTS, InLanguages
from planaudit.report.progress import (
    amount_text,
    base_text,
    end_text,
    expected_text,
    history_text,
    share_text,
    status_text,
)

_LABELS = InLanguages({
    "kind": "Kind", "attribute": "Attribute", "base": "Base", "end": "End", "band": "On track within",
    "figure": "Figure", "covered": "Share covered", "expected": "Share expected", "milestone": "Milestone",
    "gap": "Gap", "needed": "Needed each year left", "history": "History", "quote": "Plan says",
    "breaches": "Years not met", "revised": "Revised later (not judged)",
}, lambda key: f"explain progress: {key}")


def find_period_target(result: ProgressResult, jurisdiction: str, wanted: str) -> TargetProgress:
    """A target of the jurisdiction's period plan by its id, its row's number, or a prefix of one id alone."""
    candidates = [item for item in result.targets if item.target.jurisdiction == jurisdiction]
    return candidates[chosen([item.target.id for item in candidates], wanted, result.period, jurisdiction)]


def render_progress_explanation(item: TargetProgress, result: ProgressResult, lang: str = "en", folder: str = "") -> str:
    words = _LABELS[lang]
    target, unit = item.target, item.unit
    lines = [f"{target.jurisdiction}/{target.id}  ({target.location.shown(folder)})", f"  {printable(target.title)}",
             f"{words['quote']}: \u201c{printable(target.provenance.quote)}\u201d",
             f"{words['kind']}: {target.kind.value}, {target.direction.value}, {target.rule}"
             + (f"; {words['attribute']}: {target.attribute.value}" if target.attribute else ""),
             f"{words['base']}: {printable(base_text(target, unit, lang))}" + _base_quote(item),
             f"{words['end']}: {printable(end_text(target, unit, item.symbol, lang))}",
             f"{words['band']}: ±{format_number(result.band)}"]
    for year in item.years:
        lines += _year_lines(item, year, lang, folder)
    lines.append(f"{words['history']}: {history_text(item, lang)}")
    return "\n".join(map(printable, lines)) + "\n"  # every line, whatever part of it came from data (a document's title)


def _base_quote(item: TargetProgress) -> str:
    base = item.target.base
    if base is None:
        return ""
    return "".join(f" \u201c{printable(quoted.quote)}\u201d" for quoted in (base.first, base.revised) if quoted is not None)


def _year_lines(item: TargetProgress, year: YearStatus, lang: str, folder: str) -> list[str]:
    words = _LABELS[lang]
    lines = [f"{year.year}: {printable(status_text(year, lang))}"]
    judged = year.judged
    lines += [_figure_line(figure, words["figure"], folder)
              for figure in year.evidence or (judged.evidence() if judged is not None else ())]
    lines += [_figure_line(figure, words["revised"], folder) for figure in year.revisions]
    if year.covered is not None:
        lines.append(f"  {words['covered']}: p = {_covered_formula(item, year)} = {share_text(year.covered)}")
    if year.expected is not None or year.expected_shown is not None:
        lines.append(f"  {words['expected']}: e = {_expected_formula(item, year)} = {expected_text(year)}")
    if year.milestone is not None and item.target.kind is not PeriodKind.MILESTONES:
        lines.append(f"  {words['milestone']}: {VERDICTS[lang][year.milestone.verdict]}")
    if year.gap is not None:
        lines.append(f"  {words['gap']}: {amount_text(year.gap, item.unit)}"
                     + (f"; {words['needed']}: {amount_text(year.needed, item.unit)}" if year.needed is not None else ""))
    if year.breaches:
        lines.append(f"  {words['breaches']}: {', '.join(map(str, year.breaches))}")
    return lines


def _figure_line(figure: Figure, label: str, folder: str) -> str:
    """A figure a status rests on, as its report writes it, with its year, file:line and words."""
    value = str(figure.stated.value).lower() if figure.stated.is_state else figure.stated.written()
    quote = printable(figure.provenance.quote)
    return f"  {label}: {value} ({figure.span.as_of.year}) — {figure_place(figure, folder)} \u201c{quote}\u201d"


def _covered_formula(item: TargetProgress, year: YearStatus) -> str:
    """The arithmetic of p, with the numbers: "(61.5 − 60) / (65 − 60)"."""
    if item.end_factor is not None:
        return f"(F − 1) / (F* − 1), F = Π (1 + rᵢ / 100) = {_number(_factor(year.value))}, F* = {_n(item.end_factor)}"
    if item.base_value is None or item.end_value is None:
        return "(y − b) / (T − b)"
    return f"({_number(year.value)} − {_n(item.base_value)}) / ({_n(item.end_value)} − {_n(item.base_value)})"


def _expected_formula(item: TargetProgress, year: YearStatus) -> str:
    """The arithmetic of e: the share of time (t − t₀) / (n − t₀), the milestone's share, or the compound path's."""
    target, t0, n = item.target, item.base_year, item.target.due
    if item.end_factor is not None:
        return f"(F*^(t/n) − 1) / (F* − 1), t = {(year.data_year or t0) - t0}, n = {n - t0}"
    if target.milestone(year.data_year or 0) is not None:
        return "(m − b) / (T − b)"
    return f"({year.data_year} − {t0}) / ({n} − {t0})"


def _factor(value: Interval | None) -> Interval | None:
    return None if value is None else Interval.exact(1) + value / Interval.exact(100)


def _number(value: Interval | None) -> str:
    if value is None:
        return "-"
    return _n(value.point) if value.is_exact else interval_text(value, "")


def _n(value: Fraction) -> str:
    return format_number(value)
