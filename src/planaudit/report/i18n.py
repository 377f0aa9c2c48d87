"""Words shown to people in reports: each table holds the English (the msgids of the catalogue, each
with its context), and ``TABLE[lang][key]`` is the same in ``lang``, from planaudit/locale (see
planaudit.messages)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar

from planaudit.messages import Param, joined, msg, pmsg, translate
from planaudit.model.comparison import Counts
from planaudit.model.data import Strength
from planaudit.model.result import Detail, Grounds, Reason, Summary, Verdict
from planaudit.report.language import LANGUAGES, default_lang

K = TypeVar("K")


class InLanguages(Mapping[str, Mapping[K, str]], Generic[K]):
    """A table of English wordings and, by language, the same translated (when first asked for):
    each wording is looked up under the context ``context(key)`` gives it, so that one English word
    can have two translations. Every module's words are such a table, or msg() and pmsg()."""

    def __init__(self, english: dict[K, str], context: Callable[[K], str]) -> None:
        self.english = english
        self.context = context
        self.translated: dict[str, dict[K, str]] = {}

    def __getitem__(self, lang: str) -> Mapping[K, str]:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        if lang not in self.translated:
            self.translated[lang] = {key: translate(text, lang, self.context(key)) for key, text in self.english.items()}
        return self.translated[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)

__all__ = ["DETAILS", "GROUNDS", "LANGUAGES", "REASONS", "VERDICTS", "WORDS", "InLanguages", "coverage_line", "date_text",
           "default_lang", "detail_text", "grounds_split", "summary_line", "unit_name"]

VERDICTS = InLanguages({Verdict.MET: "met", Verdict.MISSED: "missed", Verdict.UNMEASURED: "unmeasured",
                        Verdict.PARTLY: "partly done"}, lambda _: "verdict")

GROUNDS = InLanguages({Grounds.MEASURED: "measured", Grounds.STATED: "stated", Grounds.JUDGED: "judged",
                       Grounds.ASSERTED: "asserted"}, lambda _: "what a verdict rests on")

REASONS = InLanguages({
    Reason.STATED: "stated in the report",
    Reason.DERIVED: "derived from reported counts",
    Reason.NO_REPORT: "no report for this year",
    Reason.AFTER_DEADLINE: "reported only after the deadline",
    Reason.NOT_REPORTED: "not in the report",
    Reason.NO_BASELINE: "no baseline to compare with",
    Reason.IMPRECISE: "figure too imprecise",
    Reason.UNDEFINED: "rule divides by zero",
    Reason.CONTESTED: "stated figure and its counts decide differently",
    Reason.WITHIN_TOLERANCE: "met within the tolerance (about)",
    Reason.NO_THRESHOLD: "the plan's value is lost",
    Reason.ASSERTED: "asserted by the report, not measured",
    Reason.WRONG_AGGREGATE: "the report gives the wrong measure of the year",
    Reason.INTERIM_ONLY: "only an interim figure, short of the target",
    Reason.BASIS_MISMATCH: "nominal against real",
    Reason.ITEMS: "judged on its items",
    Reason.PARTLY: "done in part",
    Reason.PROJECTED: "only a projection (预计)",
    Reason.ADMITTED: "the report admits it was not done",
    Reason.CONTRADICTED: "its figure and the report's admission disagree",
}, lambda _: "verdict reason")

DETAILS = InLanguages({
    "no_report": "no outcomes/{year}/{jurisdiction}.yaml",
    "no_figure": "the report states no figure for {metric}",
    "stated_growth": "judged on the growth the report states, {growth}: there is no figure of last year to compute it from",
    "other_scopes": "the report gives {metric} for {given}, not for {scope}",
    "after_deadline": "{metric} is reported only as of {as_of}, after the deadline {deadline}",
    "derivation_needs": "{metric} = {expression} needs {name}: {inner}",
    "derivation_zero": "{metric} = {expression} divides by zero",
    "no_previous_report": "no baseline: no outcomes/{year}/{jurisdiction}.yaml and no baseline in the target",
    "previous_year": "no baseline in {year}: {inner}",
    "zero_baseline": "the baseline is zero, so growth is undefined",
    "straddles": "the figure is a bound, and its range lies on both sides of the threshold",
    "rule_zero": "rule {rule} divides by zero",
    "contested": "{metric} is stated as {stated} but its counts give {derived}, and the two give different verdicts",
    "contested_rounded": "{metric} is stated as {stated}, its counts' {derived} rounded; but the two give different verdicts",
    "contested_cut_off": "{metric} is stated as {stated}, its counts' {derived} cut off, not rounded; but the two give "
                         "different verdicts",
    "within_tolerance": "met only thanks to the tolerance of {tolerance}: the figure falls short of the value itself",
    "no_threshold": "the plan's number was lost in its source (value: unknown), so nothing can be compared",
    "asserted": "the report gives no figure, but asserts completion: “{quote}” ({where})",
    "admitted": "in its words: “{quote}” ({where})",
    "contradicted": "the figure meets it, but the report admits it was not done: “{quote}” ({where})",
    "of_target": "judged on the share of the target the report states, {share} (for its rounding, {rounded})",
    "reference_missing": "the value is the report's figure of {metric}: {inner}",
    "conflicting": "the report states {metric} as {stated} and, elsewhere, as {other}, and the two give different verdicts",
    "wrong_aggregate": "the target holds over the whole year, so it needs the {needed} of {metric} over the year; "
                       "the report gives {given}, and none of it breaks the target",
    "interim": "{metric} only grows, and the figure is as of {as_of}, before the period ends on {end}: "
               "short of the target so far, it may yet meet it",
    "interim_decided": "{metric} only grows: the figure as of {as_of}, before the period ends on {end}, decides it already",
    "assertion_refused": "{inner}; the report asserts completion (“{quote}”, {where}), but planaudit.yaml's "
                         "accept_assertions is false",
    "items": "{met} of {total} items met, {missed} missed, {unmeasured} unmeasured",
    "items_partly": "{met} of {total} items met, {partly} done in part, {missed} missed, {unmeasured} unmeasured",
    "partly": "the report shows it done only in part: {note}",
    "projected_only": "the report only projects {metric} ({given}), and a projection decides nothing",
    "aggregate_given": "the target asks for {metric} at its period's end; the report gives only {given}",
    "aggregate_needed": "the target is on the year's {needed} of {metric}; the report gives {given}",
    "basis_nominal": "nominal (in current prices)",
    "basis_real": "real (price changes taken out)",
    "basis_figure": "the figure of {metric} is {basis}, but the target's value is {wanted}: the two are not compared",
    "basis_levels": "growth computed from the levels of {metric} is {basis} (levels are, unless they say basis: real), "
                    "but the target's value is {wanted}: the two are not compared",
    "basis_reference": "the figure of {metric} is {basis}, but the figure it is held against, {reference}, is "
                       "{wanted}: the two are not compared",
}, lambda _: "verdict detail")


def detail_text(detail: Detail | None, lang: str) -> str:
    """A Detail in words of ``lang``; nested Details are rendered in place."""
    if detail is None:
        return ""
    params = {key: detail_text(value, lang) if isinstance(value, Detail) else value for key, value in detail.params}
    return DETAILS[lang][detail.code].format(**params)


WORDS = InLanguages({
    "target": "Target", "threshold": "Threshold", "actual": "Actual", "verdict": "Verdict",
    "reason": "Reason", "waived": "waived",
    "within_tolerance": "within tolerance", "asserted": "asserted",
    "nominal": "nominal", "real": "real", "items_met": "{met} of {total} items met",
    "of_target": "{share} of the target",
    "per_report": "as the report restates it", "also_stated": "also stated",
    "inconsistent": "inconsistent", "derived": "derived",
    "from_counts": "from counts", "where": "with", "not_judged": "Not judged, because their files have errors: {slugs}",
    "id": "ID", "name": "Name", "measured": "Measured", "warnings": "Warnings", "deadline": "Deadline",
    "scope": "Scope", "section": "Section", "verdict_code": "Verdict code", "line": "Line", "id_at_line": "{id}, line {line}",
    "yes": "yes", "no": "no", "growth": "growth", "baseline": "baseline",
    "inconsistencies": "Stated figures that disagree with their counts",
    "metric": "Metric", "stated": "Stated", "derived_value": "Derived", "file": "File", "jurisdiction": "Jurisdiction",
    "no_targets": "no targets", "year": "Year",
    "compare_title": "Jurisdictions compared, {year}", "by_jurisdiction": "By jurisdiction",
    "by_section": "By plan section", "by_metric": "By kind of commitment (its metric's prefix)", "by_rule": "By rule",
    "kind": "Kind", "rule": "Rule", "rank": "Rank", "met_of_measured": "Met of measured",
    "met_of": "{met} of {measured} ({share})", "few_measured": "few measured", "none_measured": "none measured",
    "measured_met": "Measured and met",
    "few_measured_note": "Ranked by the share met of the targets measured (met or missed on a number), highest "
                         "first; a row with fewer than {count} measured is marked “few measured” and not ranked.",
    "inconsistent_figures": "Inconsistent figures", "directions": "Directions (not judged)",
    "no_section": "(no section)",
    "site_overview": "Overview", "site_navigation": "Pages", "site_over_years": "this target over the years",
    "site_generated": "Generated on {date} by planaudit {version}.", "site_years_chart": "Targets by verdict, each year",
    "site_legend": "Verdicts", "site_filter": "Show only rows that say:", "site_shown": "{shown} rows shown",
    "site_how": "How the verdict was reached", "site_periods": "Period plans (five-year plans)",
    "language_name": "English", "html_lang": "en",  # a language's own name for itself, and its tag in HTML
    "report_title": "Audit of the {year} work-plan targets",
    "generated": "Generated on {date} by planaudit {version}: each target of the {year} work plans judged against "
                 "the figures of the work summaries.",
    "summary": "Summary", "total": "Total", "targets": "Targets", "met": "Met", "missed": "Missed",
    "unmeasured": "Unmeasured", "waived_count": "Waived",
    "asserted_count": "Asserted only", "share_met": "Met of decided",
    "chart": "Verdicts", "evidence": "Evidence", "none": "none",
    "chart_sheet": "Chart", "chart_title": "Targets by verdict, per jurisdiction, {year}",
    "unmeasured_section": "Unmeasured targets and why", "detail": "Detail", "why": "Why", "waived_reason": "waived",
    "no_inconsistencies": "No stated figure disagrees with its counts.",
    "date_not_stated": "date not stated (taken as the year's end)",
    "acknowledged": "acknowledged: {reason}",
    "cut_off": "cut off, not rounded", "rounded": "rounded", "items_count": "Items of umbrella targets",
    "items_met_count": "Items met",
    "by_date": "by {date}", "scope_of": "scope {scope}",
    "projected": "projected", "strive": "strive", "explore": "explore", "firm": "firm", "strength": "Strength",
    "grounds": "Rests on", "note": "note", "value_note": "value", "partly_count": "Partly done", "partly": "in part",
    "cut": "{count} more sections and rows are in the full audit — see the artifact (written with -o)",
    "sources": "Sources", "document": "Document", "issuer": "Issuer", "date": "Date", "url": "Web address",
    "decided": "Decided",
    "met_grounds": "Met: {grounds}", "missed_grounds": "Missed: {grounds}",
}, lambda key: f"report: {key}")


def grounds_split(summary: Summary | Counts, verdict: Verdict) -> Param:
    """What the met (or missed) rest on, each kind that has any, and how many of them the plan only
    strove for or would explore: " (2 measured, 12 stated, 4 judged; of them 3 strive)"."""
    parts = [_SPLIT_PARTS[grounds](count) for grounds, count in summary.by_grounds(verdict) if count]
    hedged = [_HEDGED_PARTS[strength](count) for strength, count in summary.by_strength(verdict) if count]
    if not parts:
        return ""
    if not hedged:
        return msg(" ({parts})", parts=joined(parts, _BETWEEN_GROUNDS))
    return msg(" ({parts}; of them {hedged})", parts=joined(parts, _BETWEEN_GROUNDS),
               hedged=joined(hedged, _BETWEEN_GROUNDS))


_SPLIT_PARTS: dict[Grounds, Callable[[int], Param]] = {
    Grounds.MEASURED: lambda count: msg("{count} measured", count=count),
    Grounds.STATED: lambda count: msg("{count} stated", count=count),
    Grounds.JUDGED: lambda count: msg("{count} judged", count=count),
}
_HEDGED_PARTS: dict[Strength, Callable[[int], Param]] = {
    Strength.STRIVE: lambda count: msg("{count} strive", count=count),
    Strength.EXPLORE: lambda count: msg("{count} explore", count=count),
}
_BETWEEN_GROUNDS = pmsg("between the counts of what verdicts rest on", ", ")


def _counts(summary: Summary, partly: Param) -> dict[str, Param]:
    return {
        "count": summary.targets, "met": summary.met, "missed": summary.missed, "unmeasured": summary.unmeasured,
        "met_split": grounds_split(summary, Verdict.MET), "missed_split": grounds_split(summary, Verdict.MISSED),
        "partly": partly if summary.partly else ""}


def summary_line(lang: str, year: int | str, summary: Summary) -> str:
    """One line of a year's counts (or several years', ``year`` "2021–2023"), in ``lang``: "2022: 115
    targets — 18 met (14 stated, 4 judged), ..."."""
    inconsistent = summary.inconsistent
    parts: dict[str, Param] = {
        "year": year, **_counts(summary, msg(", {count} partly done", count=summary.partly)),
        "asserted": msg(", {count} asserted", count=summary.asserted) if summary.asserted else "",
        "waived": msg(", {count} waived", count=summary.waived) if summary.waived else "",
        "inconsistent": "" if not inconsistent else msg("; {count} inconsistent figure", count=1) if inconsistent == 1
        else msg("; {count} inconsistent figures", count=inconsistent),
        "acknowledged": "" if not summary.acknowledged else msg("; {count} acknowledged", count=summary.acknowledged),
        "items": _items(summary)}
    said = msg("{year}: {count} target — {met} met{met_split}, {missed} missed{missed_split}{partly}, {unmeasured} "
               "unmeasured{asserted}{waived}{items}{inconsistent}{acknowledged}", **parts) if summary.targets == 1 else \
        msg("{year}: {count} targets — {met} met{met_split}, {missed} missed{missed_split}{partly}, {unmeasured} "
            "unmeasured{asserted}{waived}{items}{inconsistent}{acknowledged}", **parts)
    return said.render(lang)


def coverage_line(lang: str, summary: Summary) -> str:
    """How many targets could be decided before how many were met: "64 targets: 9 decided — 9 met
    (9 measured), 0 missed; 55 unmeasured" (a share of the decided alone invites misquoting)."""
    parts: dict[str, Param] = {
        **_counts(summary, msg("; {count} partly done", count=summary.partly)), "decided": summary.met + summary.missed,
        "asserted": msg("; {count} asserted by the report, not measured", count=summary.asserted) if summary.asserted else "",
        "waived": msg("; {count} waived", count=summary.waived) if summary.waived else "", "items": _items(summary)}
    said = msg("{count} target: {decided} decided — {met} met{met_split}, {missed} missed{missed_split}{partly}; "
               "{unmeasured} unmeasured{asserted}{waived}{items}", **parts) if summary.targets == 1 else \
        msg("{count} targets: {decided} decided — {met} met{met_split}, {missed} missed{missed_split}{partly}; "
            "{unmeasured} unmeasured{asserted}{waived}{items}", **parts)
    return said.render(lang)


def _items(summary: Summary) -> Param:
    """The items of umbrella targets, counted apart: "; and 9 items of umbrella targets, 6 met"."""
    if not summary.items:
        return ""
    return msg("; and {count} items of umbrella targets, {met} met", count=summary.items, met=summary.items_met)


def unit_name(unit: str, lang: str) -> str:
    """A unit of the catalogue as its readers name it (the usual ones have a name in Chinese, "case":
    件); any other unit is shown as written."""
    return translate(unit, lang, "unit")


def date_text(date: dt.date, lang: str) -> str:
    """A date as its readers write it: 2026年11月29日, or 2026-11-29."""
    return pmsg("a date: {iso} is 2026-11-29; {year}, {month} and {day} are 2026, 11 and 29", "{iso}", iso=date.isoformat(),
                year=date.year, month=date.month, day=date.day).render(lang)
