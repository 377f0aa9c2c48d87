"""Text for people: thresholds, values and titles, shown literally and safely."""

from __future__ import annotations

from planaudit.exact.numbers import Interval
from planaudit.judge.units import interval_text, quantity
from planaudit.model.data import PERCENT, Document, Figure, NamedDocument, Strength
from planaudit.model.result import Inconsistency, JurisdictionResult, Reason, Resolved, TargetResult, Verdict
from planaudit.report.i18n import GROUNDS, REASONS, VERDICTS, WORDS, date_text


def value_text(value: Interval | bool, unit: str, lang: str) -> str:
    if isinstance(value, bool):
        return WORDS[lang]["yes" if value else "no"]
    return interval_text(value, unit)


def resolved_text(resolved: Resolved, unit: str, lang: str) -> str:
    """A value found for a metric, as a reader sees it: "91%", "yes", "in part" (a figure of value: partly)."""
    if resolved.figure is not None and resolved.figure.stated.partly:
        return WORDS[lang]["partly"]
    return value_text(resolved.value, unit, lang)


def threshold_amount(result: TargetResult) -> str | None:
    """The target's value in the unit it is compared in — with its tolerance, "7% −0.5%" — or None
    for a rule without one."""
    reference = result.target.value.reference
    unit = result.rule.threshold_unit(result.metric.unit)
    if reference is not None:  # a relative target: the metric it names, and the figure found for it
        named = reference.text()
        compared = result.compared_with
        amount = named if compared is None else f"{named} ({interval_text(compared, result.metric.unit)})"
    elif result.threshold is None:
        return "?" if result.target.value.unknown else None
    else:
        amount = quantity(result.threshold, unit)
    if result.tolerance is not None:
        amount += f" {result.target.tolerance.side}{quantity(result.tolerance, unit)}"
    return amount


def threshold_text(result: TargetResult, lang: str, placed: bool = True) -> str:
    """"≥ 85%"; a value the plan does not give, only the report: "≥ 12000 (as the report restates
    it)"; one the plan only strives for or would explore: "≥ 85% (strive)"; ``placed``: with its
    deadline and scope, where it has them: "= 0 (by 2022-04-30; scope county)" (`explain` gives
    them lines of their own)."""
    text = result.rule.threshold_text(threshold_amount(result), WORDS[lang], lang)
    if placed:
        text += placing_text(result, lang)
    if result.target.basis is not None:
        text += f" ({WORDS[lang][result.target.basis]})"
    if result.target.strength is not Strength.FIRM:
        text += f" ({WORDS[lang][result.target.strength.value]})"
    return text + f" ({WORDS[lang]['per_report']})" if result.target.value.from_report else text


def target_id_text(result: TargetResult) -> str:
    """The target's id; an item's marked as one, under its umbrella: "↳ smart-notary"."""
    target = result.target
    return target.id if target.parent is None else f"↳ {target.id}"


def actual_text(result: TargetResult, lang: str) -> str:
    """The figure a verdict rests on, as a reader sees it; an umbrella's: "3 of 9 items met"."""
    if result.items:
        met = sum(item.verdict is Verdict.MET for item in result.items)
        return WORDS[lang]["items_met"].format(met=met, total=len(result.items))
    actual = result.actual
    if actual is None:
        return "—"
    text = resolved_text(actual, result.metric.unit, lang)
    if actual.figure is not None and actual.figure.basis is not None:
        text += f" ({WORDS[lang][actual.figure.basis]})"
    if actual.figure is not None and actual.figure.of_target is not None:
        text += f" ({WORDS[lang]['of_target'].format(share=f'{actual.figure.stated.value}%')})"
    if actual.derivation is not None:
        text += f" ({WORDS[lang]['derived']})"
    for warning in result.warnings:
        if warning.figure is actual.figure:
            text += f" ({other_reading(warning, lang)} {interval_text(warning.derived_reading, result.metric.unit)})"
    for counts in result.agreeing:  # counts that agree, cut off or rounded: shown, with how
        if counts.figure is actual.figure:
            derived = interval_text(counts.derived_reading, result.metric.unit, places=_EXACT_PLACES)
            text += f" ({other_reading(counts, lang)} {derived}, {WORDS[lang][counts.agreement.value]})"
    for rival in rival_shares(result):
        text += f" ({other_reading(rival, lang)} {WORDS[lang]['of_target'].format(share=f'{rival.figure.stated.value}%')})"
    if result.growth is not None and result.rule.measure is not None:
        text += f", {WORDS[lang][result.rule.measure.word]} {interval_text(result.growth, PERCENT)}"
    return text


def verdict_text(result: TargetResult, lang: str) -> str:
    """The verdict and what it rests on: "met (stated)", "met (measured, within tolerance)",
    "met (asserted)", "missed (measured) (waived)", "unmeasured"."""
    qualifiers = [] if result.grounds is None else [GROUNDS[lang][result.grounds]]
    if result.reason is Reason.WITHIN_TOLERANCE:
        qualifiers.append(WORDS[lang][result.reason.value])
    text = VERDICTS[lang][result.verdict] + (f" ({', '.join(qualifiers)})" if qualifiers else "")
    return f"{text} ({WORDS[lang]['waived']})" if result.waived else text


def placing_text(result: TargetResult, lang: str) -> str:
    """When and where a target holds, where it says: " (by 2022-04-30; scope county)"; "" for the year's end, everywhere."""
    target, words = result.target, WORDS[lang]
    parts = [words["by_date"].format(date=date_text(target.period.deadline, lang))] if target.period.deadline else []
    parts += [words["scope_of"].format(scope=target.scope)] if target.scope else []
    return f" ({'; '.join(parts)})" if parts else ""


def grounds_text(result: TargetResult, lang: str) -> str:
    """What the verdict rests on, in a word ("measured", "stated", "judged", "asserted"); "" when unmeasured."""
    return "" if result.grounds is None else GROUNDS[lang][result.grounds]


def reason_text(result: TargetResult, lang: str) -> str:
    text = REASONS[lang][result.reason]
    if result.warnings:
        text += f"; {WORDS[lang]['inconsistent']}"
    return text


def cited_documents(result: JurisdictionResult) -> list[tuple[str, Document]]:
    """The documents a jurisdiction's audit quotes, each once, with the data file that encodes it:
    its plan's (its targets'), then its reports' (their figures, claims and admissions the verdicts
    rest on), in order."""
    found: dict[tuple[str, Document], None] = {}
    for item in result.results:
        for provenance in (item.target.provenance, *(figure.provenance for figure in item.evidence())):
            if provenance.document is not None:
                found.setdefault((provenance.location.path, provenance.document))
        claim = item.assertion  # the report's claim or admission it rests on
        if claim is not None and claim.document is not None:
            found.setdefault((claim.location.path, claim.document))
    return list(found)


def document_cells(document: Document, lang: str) -> list[str]:
    """A document's title (or id), issuer, date and web address, each "" where the data gives none."""
    title = document.title or (document.id if isinstance(document, NamedDocument) else "")
    return [title, document.issuer or "", "" if document.date is None else date_text(document.date, lang),
            document.url or ""]


def figure_place(figure: Figure, folder: str = "") -> str:
    """Where a figure stands: its file and line (from the top of the data's git repository: ``folder``
    is where the data is in it), and the document it is quoted from (and where in it), when the data says."""
    return figure.provenance.place(folder)


def other_reading(inconsistency: Inconsistency, lang: str, counts: str = "from_counts") -> str:
    """What the figure is set against: its counts (in the words of ``counts``: "from counts"), or,
    when the report states it twice, "also stated"."""
    return WORDS[lang]["also_stated" if inconsistency.conflict else counts]


def rival_shares(result: TargetResult) -> list[Inconsistency]:
    """The report's other shares of the target, where the verdict rests on one (stated twice,
    differently: each rival's conflict names the judged share as its other reading)."""
    actual = result.actual
    if actual is None or actual.figure is None or actual.figure.of_target is None:
        return []
    return [warning for warning in result.warnings if warning.conflict and warning.derived.figure is actual.figure]


def inconsistency_texts(inconsistency: Inconsistency, exact: bool = False) -> tuple[str, str]:
    """The stated and the derived value, in the metric's unit; ``exact``: the derived one to more
    places than a report shows (97.1277%, where 97.13% would hide that 97.12% is it cut off)."""
    unit = inconsistency.metric.unit
    return interval_text(inconsistency.stated, unit), interval_text(inconsistency.derived_reading, unit,
                                                                    places=_EXACT_PLACES if exact else None)


_EXACT_PLACES = 4


def evidence_text(result: TargetResult, lang: str, folder: str = "") -> str:
    """The quotes a verdict rests on, each with its file and line; a waiver's reason too."""
    parts = [f"“{figure.provenance.quote}” ({figure_place(figure, folder)})" + note_text(figure, lang)
             for figure in result.evidence()]
    if result.assertion is not None:
        parts.append(f"“{result.assertion.quote}” ({result.assertion.place(folder)})")
    parts += [f"{WORDS[lang]['projected']}: “{figure.provenance.quote}” ({figure_place(figure, folder)})"
              for figure in result.projected]
    if result.target.waiver is not None:
        parts.append(f"{WORDS[lang]['waived_reason']}: {result.target.waiver.reason}")
    return "; ".join(parts)


def note_text(figure: Figure, lang: str) -> str:
    """The evaluator's notes on a figure, as they follow its quote: " — note: …", " — value: …" (how
    its value was computed from the quote); "" when it has none."""
    notes = [(WORDS[lang][key], text) for key, text in (("note", figure.note), ("value_note", figure.value_note)) if text]
    return "".join(f" — {word}: {text}" for word, text in notes)


def inconsistency_reading(inconsistency: Inconsistency, lang: str) -> str:
    """"stated 91%, from counts 97.87%" (or, when the report states it twice, "also stated …")."""
    stated, derived = inconsistency_texts(inconsistency)
    return f"{WORDS[lang]['stated'].lower()} {stated}, {other_reading(inconsistency, lang)} {derived}"


def inconsistency_text(inconsistency: Inconsistency, lang: str, folder: str = "") -> str:
    """"closure_rate stated 91%, from counts 97.87% (outcomes/2022/x.yaml:41)", and why the data
    accepts it, if it does: "…; acknowledged: 总结笔误"."""
    place = figure_place(inconsistency.figure, folder)
    text = f"{inconsistency.metric.id} {inconsistency_reading(inconsistency, lang)} ({place})"
    return text + acknowledged_text(inconsistency, lang, "; ")


def acknowledged_text(inconsistency: Inconsistency, lang: str, before: str = " — ") -> str:
    """Why the data accepts an inconsistent figure (its acknowledged:), after ``before``; "" when it does not."""
    reason = inconsistency.acknowledged
    return "" if reason is None else before + WORDS[lang]["acknowledged"].format(reason=reason)
