"""Words and texts that every format of `planaudit diff` shares: the summary line, how a target
stood at each side, a figure's value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from planaudit.exact.numbers import format_number
from planaudit.model.changes import (
    REDEFINITIONS,
    Change,
    DefinitionChange,
    DiffResult,
    FigureChange,
    InconsistencyChange,
    NotCompared,
    ProgressChange,
    TargetChange,
)
from planaudit.model.data import Figure, Location
from planaudit.model.problems import Problem, errors
from planaudit.model.result import TargetResult
from planaudit.report.display import actual_text, evidence_text, inconsistency_reading, threshold_text, verdict_text
from planaudit.report.i18n import REASONS, WORDS, InLanguages, detail_text
from planaudit.report.progress import data_text, expected_text, share_text, status_text

# How each kind of change is named, for targets, figures and inconsistent figures (their translations
# are in planaudit/locale, as are DIFF_WORDS').
CHANGES = InLanguages({
    ("targets", Change.WORSE): "worse", ("targets", Change.BETTER): "better", ("targets", Change.ADDED): "added",
    ("targets", Change.REMOVED): "removed", ("targets", Change.REVISED): "revised",
    ("targets", Change.LOOSENED): "loosened", ("targets", Change.TIGHTENED): "tightened",
    ("targets", Change.REDEFINED): "redefined", ("targets", Change.MOVED): "moved",
    ("figures", Change.ADDED): "added", ("figures", Change.REMOVED): "removed", ("figures", Change.REVISED): "changed",
    ("inconsistencies", Change.ADDED): "new", ("inconsistencies", Change.REMOVED): "gone",
    ("inconsistencies", Change.REVISED): "changed", ("inconsistencies", Change.WORSE): "worse",
    ("inconsistencies", Change.BETTER): "better",
    ("definitions", Change.ADDED): "added", ("definitions", Change.REMOVED): "removed",
    ("definitions", Change.REDEFINED): "changed",
    ("progress", Change.WORSE): "worse", ("progress", Change.BETTER): "better", ("progress", Change.ADDED): "added",
    ("progress", Change.REMOVED): "removed", ("progress", Change.REVISED): "revised",
    ("progress", Change.REDEFINED): "redefined",
}, lambda key: f"diff: {key[1].value} {key[0]}")

DIFF_WORDS = InLanguages({
    "title": "planaudit diff", "targets": "targets", "figures": "figures", "inconsistencies": "inconsistent figures",
    "not_compared": "not compared", "no_change": "no target, figure or inconsistent figure changed",
    "errors_only": "nothing compared: the data has errors (listed on standard error)",
    "before": "before", "after": "after", "change": "Change", "year": "Year", "jurisdiction": "Jurisdiction",
    "target": "Target", "figure": "figure", "inconsistency": "inconsistent figure", "details": "Evidence before and after",
    "side_base": "its files at the base have errors", "side_head": "its files at the head have errors",
    "moved_from": "moved from {year} {jurisdiction}", "moved_targets": "{count} targets, from {year} {jurisdiction}",
    "more_title": "more", "more": "and {count} more of this level: see the Markdown comment or the JSON report",
    "fixed": "fixed", "side_fixed": "its files had errors at the base and have none at the head",
    "errors": "Errors at the head",
    "introduced": "Problems this change introduces", "definitions": "rules and settings",
    "definitions_heading": "Rules and settings changed", "metric": "metric", "rule": "rule", "scope": "scope",
    "setting": "setting", "field": "{field} {before} → {after}",
    "rescales": "percent ↔ ratio: every value written on it now reads 100 times apart",
    "touches_one": "1 target compared uses it", "touches": "{count} targets compared use it",
    "new_problems": "new problems", "new_problem": "new problem", "affects": "moves the verdict of {targets}",
    "affects_none": "moves no verdict compared",
    "cut": "{count} more rows, and the evidence before and after, are in the full report — see the artifact "
           "(written with -o)",
    "cut_details": "The evidence before and after is in the full report — see the artifact (written with -o)",
    "count": "{count} {word}", "none": "—", "group": "{group} {counts}", "comma": ", ", "semicolon": "; ",
    "colon": ": ", "side": "{side}: {text}", "threshold": "threshold {before} → {after}",
    "definition": "changed: {fields}", "progress": "period targets",
}, lambda key: f"diff: {key}")

Changed = TargetChange | FigureChange | InconsistencyChange | DefinitionChange | ProgressChange

# Most telling first: what went, then what was redefined, then what the evidence moved.
ORDER = (Change.REMOVED, Change.LOOSENED, Change.TIGHTENED, Change.REDEFINED, Change.WORSE, Change.BETTER,
          Change.ADDED, Change.MOVED, Change.REVISED)


def summary_text(result: DiffResult, lang: str) -> str:
    """"main (3f2c1a9) → working tree: targets 1 worse, 2 added; figures 1 changed"."""
    said = counts_text(result.targets, result.figures, result.inconsistencies, lang, len(result.not_compared),
                       len(result.introduced), result.definitions, result.progress)
    nothing = DIFF_WORDS[lang]["errors_only" if errors(result.problems) else "no_change"]
    return f"{result.base} → {result.head}{DIFF_WORDS[lang]['colon']}{said or nothing}"


def counts_text(targets: Sequence[TargetChange], figures: Sequence[FigureChange],
                inconsistencies: Sequence[InconsistencyChange], lang: str, not_compared: int = 0, introduced: int = 0,
                definitions: Sequence[DefinitionChange] = (), progress: Sequence[ProgressChange] = ()) -> str:
    """"rules and settings 1 changed; targets 1 worse, 2 added; figures 1 changed; period targets 1
    worse; 1 new problem", or "" when there is nothing."""
    words = DIFF_WORDS[lang]
    said = []
    groups: tuple[tuple[str, Sequence[Changed]], ...] = (
        ("definitions", definitions), ("targets", targets), ("figures", figures), ("inconsistencies", inconsistencies),
        ("progress", progress))
    for group, items in groups:
        counts = [words["count"].format(count=count, word=CHANGES[lang][group, change])
                  for change in ORDER if (count := sum(item.change is change for item in items))]
        if counts:
            said.append(words["group"].format(group=words[group], counts=words["comma"].join(counts)))
    if not_compared:
        said.append(words["count"].format(count=not_compared, word=words["not_compared"]))
    if introduced:
        said.append(words["count"].format(count=introduced, word=words["new_problem" if introduced == 1 else "new_problems"]))
    return words["semicolon"].join(said)


def change_word(item: Changed, lang: str) -> str:
    group = "targets" if isinstance(item, TargetChange) else "figures" if isinstance(item, FigureChange) \
        else "definitions" if isinstance(item, DefinitionChange) else "progress" if isinstance(item, ProgressChange) \
        else "inconsistencies"
    return CHANGES[lang][group, item.change]


def definition_name(item: DefinitionChange, lang: str) -> str:
    """"metric gdp.rate"."""
    return f"{DIFF_WORDS[lang][item.kind]} {item.name}"


def definition_text(item: DefinitionChange, lang: str) -> str:
    """What changed and what it touches: "unit percent → ratio — percent ↔ ratio: every value written on
    it now reads 100 times apart; 3 targets compared use it"."""
    words = DIFF_WORDS[lang]
    fields = words["comma"].join(words["field"].format(field=name, before=was or words["none"], after=now or words["none"])
                                 for name, was, now in item.fields)
    touches = words["touches_one"] if item.touches == 1 else words["touches"].format(count=item.touches)
    return fields + (f" — {words['rescales']}" if item.rescales else "") + words["semicolon"] + touches


def redefinition_text(item: TargetChange, lang: str) -> str:
    """How a redefined target changed: "threshold > 1 → ≥ 1" (and its deadline, scope), else the
    fields that changed ("changed: metric, quote"); "" for any other change."""
    if item.change not in REDEFINITIONS or item.before is None or item.after is None:
        return ""
    words = DIFF_WORDS[lang]
    before, after = threshold_text(item.before, lang), threshold_text(item.after, lang)
    if before != after:
        return words["threshold"].format(before=before, after=after)
    was, now = item.before.target.definition(), item.after.target.definition()
    fields = [name for name, value in was.items() if now[name] != value]
    return words["definition"].format(fields=words["comma"].join(fields))


def progress_redefinition_text(item: ProgressChange, lang: str) -> str:
    """The fields of a redefined period target that changed ("changed: value, base"); "" for any other change."""
    if item.change is not Change.REDEFINED or item.before is None or item.after is None:
        return ""
    was, now = item.before.target.definition(), item.after.target.definition()
    return DIFF_WORDS[lang]["definition"].format(
        fields=DIFF_WORDS[lang]["comma"].join(name for name, value in was.items() if now[name] != value))


def progress_state_text(item: ProgressChange, before: bool, lang: str, details: bool = False) -> str:
    """How a period target stood at one side in the years whose status changed (its latest year, when
    none did): "2021: ahead"; with ``details``, the figure and the shares: "2021: ahead — 62% (2021),
    p 0.4, e 0.2"; — where the side has none."""
    side = item.before if before else item.after
    if side is None or not side.years:
        return DIFF_WORDS[lang]["none"]
    said = []
    for year in item.years or (side.years[-1].year,):
        status = item.status(side, year)
        if status is None:
            continue
        text = f"{year}: {status_text(status, lang)}"
        if details and status.data_year is not None:
            text += f" — {data_text(status, side.unit)}"
            if status.covered is not None:
                text += f", p {share_text(status.covered)}, e {expected_text(status)}"
        said.append(text)
    return DIFF_WORDS[lang]["semicolon"].join(said) or DIFF_WORDS[lang]["none"]


def progress_evidence(item: ProgressChange) -> tuple[Figure, ...]:
    """The figures the head's statuses of the years that changed rest on."""
    found: list[Figure] = []
    for year in item.years:
        status = item.status(item.after, year)
        if status is not None:
            found += status.evidence or (status.judged.evidence() if status.judged is not None else ())
    return tuple(found)


def moved_text(item: TargetChange, lang: str) -> str:
    """"moved from 2022 a" for a target whose plan moved; "" for any other change."""
    if item.moved_from is None:
        return ""
    year, jurisdiction = item.moved_from
    return DIFF_WORDS[lang]["moved_from"].format(year=year, jurisdiction=jurisdiction)


def state_text(result: TargetResult | None, lang: str) -> str:
    """How a target stood at one side: "missed: 88.65% (derived)", "unmeasured: not in the report", or —."""
    if result is None:
        return DIFF_WORDS[lang]["none"]
    shown = actual_text(result, lang) if result.actual is not None else REASONS[lang][result.reason]
    return f"{verdict_text(result, lang)}{DIFF_WORDS[lang]['colon']}{shown}"


def state_details(result: TargetResult | None, lang: str, folder: str = "") -> str:
    """A side's verdict with its reason and the quotes it rests on, each with file and line."""
    if result is None:
        return DIFF_WORDS[lang]["none"]
    why = REASONS[lang][result.reason] if result.actual is not None else detail_text(result.detail, lang)
    evidence = evidence_text(result, lang, folder)
    return state_text(result, lang) + (f" — {why}" if why else "") + (f"; {evidence}" if evidence else "")


def figure_value(figure: Figure | None, lang: str) -> str:
    """A figure's value as its file states it: 276, ≥1200, 91%, yes; with its stated growth."""
    if figure is None:
        return DIFF_WORDS[lang]["none"]
    if isinstance(figure.stated.value, bool):
        return WORDS[lang]["yes" if figure.stated.value else "no"]
    text = figure.stated.written()
    if figure.growth is not None:
        text += f", {WORDS[lang]['growth']} {format_number(figure.growth)}%"
    return text


def figure_details(figure: Figure | None, lang: str, folder: str = "") -> str:
    """A figure's value with its quote, file and line."""
    if figure is None:
        return DIFF_WORDS[lang]["none"]
    return f"{figure_value(figure, lang)} “{figure.provenance.quote}” ({figure.location.shown(folder)})"


def inconsistency_value(item: InconsistencyChange, before: bool, lang: str, folder: str = "") -> str:
    """"91% stated, 97.87% from counts" at one side, or —."""
    inconsistency = item.before if before else item.after
    if inconsistency is None:
        return DIFF_WORDS[lang]["none"]
    return f"{inconsistency_reading(inconsistency, lang)} ({inconsistency.figure.location.shown(folder)})"


def side_text(before: bool, text: str, lang: str) -> str:
    """"before: …" or "after: …"."""
    words = DIFF_WORDS[lang]
    return words["side"].format(side=words["before" if before else "after"], text=text)


def not_compared_text(item: NotCompared, lang: str) -> str:
    return f"{item.when} {item.jurisdiction}: {DIFF_WORDS[lang]['side_fixed' if item.fixed else 'side_' + item.side]}"


def not_compared_word(item: NotCompared, lang: str) -> str:
    """"fixed" where the change mends the base's errors, else "not compared"."""
    return DIFF_WORDS[lang]["fixed" if item.fixed else "not_compared"]


def unlisted_errors(result: DiffResult) -> list[Problem]:
    """The errors at the head that are not new (the base has them too): listed apart from the new problems."""
    new = set(result.introduced)
    return [problem for problem in errors(result.problems) if problem not in new]


def problem_text(problem: Problem, lang: str, folder: str = "") -> str:
    """"targets/2022/x.yaml:4:5 schema 'quote' is required": where, its code, what it says."""
    return f"{folder}{problem.path}:{problem.line}:{problem.col} {problem.code.value} {problem.words(lang)}"


@dataclass
class Group:
    """The changes of one jurisdiction in one year, or (``period``) of its period plans."""

    year: int
    jurisdiction: str
    name: str  # the jurisdiction's name when a target change gives it, else its slug
    targets: list[TargetChange] = field(default_factory=list)
    figures: list[FigureChange] = field(default_factory=list)
    inconsistencies: list[InconsistencyChange] = field(default_factory=list)
    period: str | None = None  # "2021-2025": a group of period targets
    progress: list[ProgressChange] = field(default_factory=list)

    @property
    def heading(self) -> str:
        when = self.period or self.year
        return f"{when} {self.name} ({self.jurisdiction})" if self.name != self.jurisdiction \
            else f"{when} {self.jurisdiction}"


def groups(result: DiffResult) -> list[Group]:
    """The changes grouped by year, then jurisdiction, in order."""
    found: dict[tuple[int, str], Group] = {}

    def group(year: int, slug: str) -> Group:
        return found.setdefault((year, slug), Group(year, slug, slug))

    for item in result.targets:
        group(item.year, item.jurisdiction).targets.append(item)
        group(item.year, item.jurisdiction).name = item.name
    for figure in result.figures:
        group(figure.year, figure.jurisdiction).figures.append(figure)
    for inconsistency in result.inconsistencies:
        group(inconsistency.year, inconsistency.jurisdiction).inconsistencies.append(inconsistency)
    periods: dict[tuple[str, str], Group] = {}
    for progress in result.progress:
        periods.setdefault((progress.period, progress.jurisdiction),
                           Group(int(progress.period[:4]), progress.jurisdiction, progress.name,
                                 period=progress.period)).progress.append(progress)
    return [found[key] for key in sorted(found)] + [periods[key] for key in sorted(periods)]


def changed_evidence(item: TargetChange, result: DiffResult) -> Location | None:
    """The line of a figure the change added or changed that the target's verdict now rests on."""
    changed = {figure.after.location for figure in result.figures if figure.after is not None
               and (figure.year, figure.jurisdiction) == (item.year, item.jurisdiction)}
    evidence = evidence_of(item.after) if item.after is not None else ()
    return next((figure.location for figure in evidence if figure.location in changed), None)


def evidence_of(result: TargetResult) -> tuple[Figure, ...]:
    """The figures a verdict rests on: an umbrella target's, those of its items."""
    return result.evidence() + tuple(figure for item in result.items for figure in evidence_of(item))
