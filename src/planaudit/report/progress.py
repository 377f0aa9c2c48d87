"""What every format of `planaudit progress` says, in each language: the statuses, why a year is
unmeasured, the history's events, and the texts of a year's numbers (shares to two places, marked
"…" where that drops digits and "≈" where the share is a root, computed to 28 digits)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from planaudit.exact.numbers import Interval, format_number, format_to_places
from planaudit.judge.units import interval_text
from planaudit.messages import msg
from planaudit.model.data import Figure
from planaudit.model.period import (
    Direction,
    Event,
    PeriodKind,
    PeriodTarget,
    ProgressResult,
    Status,
    TargetProgress,
    Why,
    YearStatus,
)
from planaudit.report.i18n import REASONS, InLanguages

STATUSES = InLanguages({
    Status.ACHIEVED_EARLY: "achieved early", Status.AHEAD: "ahead", Status.ON_TRACK: "on track",
    Status.BEHIND: "behind", Status.REGRESSING: "regressing", Status.HELD: "held", Status.BREACHED: "breached",
    Status.MET: "met", Status.MISSED: "missed", Status.UNMEASURED: "unmeasured",
}, lambda _: "progress status")

WHYS = InLanguages({
    Why.NO_FIGURE: "no figure since the base", Why.NO_BASE: "no base value", Why.BASIS_CHANGED: "basis changed",
    Why.CHAIN_BROKEN: "a year's rate is missing", Why.IMPRECISE: "figure too imprecise for a status",
    Why.NO_MILESTONE: "no milestone for the year", Why.NO_DISTANCE: "the end value is the base's",
}, lambda _: "why a year is unmeasured")

EVENTS = InLanguages({
    Event.FIRST_ACHIEVED: "first achieved", Event.LOST: "lost", Event.REGAINED: "regained", Event.BREACHED: "breached",
}, lambda _: "progress event")

WORDS = InLanguages({
    "target": "target", "kind": "kind", "base": "base", "end": "end", "data": "figure (year)",
    "covered": "p", "expected": "e", "gap": "gap", "needed": "per year", "history": "history", "chart": "chart",
    "status": "status", "count": "count", "file": "file",
}, lambda _: "progress column")

SPARKS = "▁▂▃▄▅▆▇█"


def title_text(result: ProgressResult, lang: str) -> str:
    return msg("progress {period}, as of {year} (on track within ±{band} of the share expected)", period=result.period,
               year=result.as_of, band=format_number(result.band)).render(lang)


def rollup_text(result: ProgressResult, lang: str) -> str:
    """"1 achieved early, 2 ahead, 2 on track, 1 behind (8 targets)" — counts, never a score."""
    counts = ", ".join(f"{count} {STATUSES[lang][status]}" for status, count in result.rollup())
    return msg("as of {year}: {counts} ({total} targets)", year=result.as_of, counts=counts or "-",
               total=len(result.targets)).render(lang)


def status_text(year: YearStatus, lang: str) -> str:
    """The status, and why a year is unmeasured: its own reason, or the annual judgement's."""
    text = STATUSES[lang][year.status]
    if year.status is Status.UNMEASURED:
        why = _why(year, lang)
        return f"{text} ({why})" if why else text
    if year.breaches:
        return f"{text} ({', '.join(map(str, year.breaches))})"
    return text


def _why(year: YearStatus, lang: str) -> str:
    if year.why is Why.ANNUAL and year.judged is not None:
        return REASONS[lang][year.judged.reason]
    return WHYS[lang][year.why] if year.why is not None and year.why is not Why.ANNUAL else ""


REVISED = msg("revised")


def base_text(target: PeriodTarget, unit: str, lang: str) -> str:
    """"60% (2020)", or with a revision "60% (2020) → 59.8% (2020, revised)"; "-" with none."""
    if target.base is None:
        return "-"
    first = target.base.first
    text = f"{interval_text(Interval.exact(first.value), unit)} ({first.year})"
    revised = target.base.revised
    if revised is not None:
        text += f" → {interval_text(Interval.exact(revised.value), unit)} ({revised.year}, {REVISED.render(lang)})"
    return text


PER_YEAR = msg(" a year")


def end_text(target: PeriodTarget, unit: str, symbol: str, lang: str) -> str:
    """What the target asks by its year: "≥ 65% (2025)", "+1 (≥ 79, 2025)", "-13.5% (2025)", "≈ gdp.growth"."""
    value = target.value
    if value.reference is not None:
        return f"{symbol} {value.reference.text()}"
    if value.number is None:
        return "-"
    if target.kind.chained:
        sign = "-" if target.direction is Direction.DOWN else "+"
        yearly = PER_YEAR.render(lang) if target.kind is PeriodKind.AVERAGE_GROWTH else ""
        return f"{sign}{format_number(value.number)}%{yearly} ({target.due})"
    written = value.text() if value.percent or unit != "percent" else f"{value.text()}%"
    if target.kind is PeriodKind.INCREASE_BY and target.base is not None:
        end = interval_text(Interval.exact(target.base.used.value + value.number), unit)
        return f"+{written} ({symbol} {end}, {target.due})"
    return f"{symbol} {written} ({target.due})"


def data_text(year: YearStatus, unit: str) -> str:
    """The figure the status rests on, with its year: "63% (2023)"; a chained target's change since the base."""
    if year.value is None or year.data_year is None:
        return "-"
    return f"{interval_text(year.value, unit)} ({year.data_year})"


def latest_cells(item: TargetProgress, lang: str) -> list[str]:
    """What a row says of its latest status: the figure (with later revisions), p, e, the gap, the need per year."""
    latest, unit = item.latest, item.unit
    if latest is None:
        return ["-"] * 5
    return [data_text(latest, unit) + revised_text(latest, lang), share_text(latest.covered), expected_text(latest),
            amount_text(latest.gap, unit), amount_text(latest.needed, unit)]


def revised_text(year: YearStatus, lang: str) -> str:
    """Later reports' values for the years a status rests on: "; revised: 8.4 (2021) in 2022", or ""."""
    if not year.revisions:
        return ""
    values = ", ".join(f"{_written(figure)} ({figure.span.as_of.year}) {IN_REPORT.render(lang)} {figure.year}"
                       for figure in year.revisions)
    return f"; {REVISED.render(lang)}: {values}"


IN_REPORT = msg("in the report of")


def _written(figure: Figure) -> str:
    return str(figure.stated.value).lower() if figure.stated.is_state else figure.stated.written()


def share_text(value: Interval | None) -> str:
    if value is None:
        return "-"
    if value.is_exact:
        return format_to_places(value.point, 2)
    ends = [None if end is None else format_to_places(end, 2) for end in (value.lo, value.hi)]
    if ends[0] is not None and ends[1] is not None:
        return f"{ends[0]}–{ends[1]}"
    return f"≥{ends[0]}" if ends[0] is not None else f"≤{ends[1]}"


def expected_text(year: YearStatus) -> str:
    if year.expected is not None:
        return format_to_places(year.expected, 2)
    if year.expected_shown is not None:
        return "≈" + format(year.expected_shown.quantize(Decimal("0.01")), "f")
    return "-"


def amount_text(value: Interval | None, unit: str) -> str:
    if value is None:
        return "-"
    if value.is_exact:
        return format_to_places(value.point, 2) + ("%" if unit == "percent" else "")
    return interval_text(value.rounded(2), unit)


def history_text(item: TargetProgress, lang: str) -> str:
    return ", ".join(f"{EVENTS[lang][event]} {year}" for year, event in item.events) or "-"


def sparkline(item: TargetProgress) -> str:
    """The figures over the years as a Unicode sparkline, one mark a year ("·" where there is none)."""
    points = [_point(year.value) if year.data_year == year.year else None for year in item.years]
    known = [point for point in points if point is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    marks = []
    for point in points:
        if point is None:
            marks.append("·")
        else:
            index = 0 if high == low else int((point - low) / (high - low) * (len(SPARKS) - 1))
            marks.append(SPARKS[index])
    return "".join(marks)


def _point(value: Interval | None) -> Fraction | None:
    if value is None:
        return None
    if value.is_exact:
        return value.point
    return value.lo if value.lo is not None else value.hi


def exact_text(value: Fraction | None) -> str | None:
    """An exact number for programs: its decimal text where it has one, else "numerator/denominator"."""
    if value is None:
        return None
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return format_number(value) if denominator == 1 else f"{value.numerator}/{value.denominator}"
