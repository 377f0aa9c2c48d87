"""The words of `planaudit coverage`'s reports, in the run's language, and what every format says alike."""

from __future__ import annotations

from planaudit.model.coverage import CoverageResult
from planaudit.report.i18n import InLanguages

COVERAGE_WORDS = InLanguages({  # their translations are in planaudit/locale
    "title": "Coverage of {document}: {kind} of {jurisdiction}, {year}, against {data_file}",
    "plan": "plan", "report": "report",
    "uncovered_plan": "Commitments no entry quotes", "uncovered_report": "Stated figures no figure quotes",
    "not_verbatim": "Quotes the document does not hold verbatim", "unused": "Figures no target uses",
    "line": "Line", "section": "Section", "clause": "Clause", "file": "File", "quote": "Quote",
    "summary_plan": "{covered} of {total} commitments are accounted for ({share}%): {targets} by a target, "
                    "{directions} as a direction, never judged",
    "summary_report": "{covered} of {total} stated figures are recorded ({share}%)",
    "summary_quotes": "; {count} quote(s) not verbatim",
    "none_plan": "no clause of the document reads as a commitment",
    "none_report": "no clause of the document states a figure",
}, lambda key: f"coverage: {key}")


def title_text(result: CoverageResult, lang: str, folder: str = "") -> str:
    """The heading: the document, set against which data file (named from the top of the git
    repository: ``folder`` is where the data is in it)."""
    words = COVERAGE_WORDS[lang]
    return words["title"].format(document=result.document, kind=words[result.kind], jurisdiction=result.jurisdiction,
                                 year=result.when, data_file=folder + result.data_file)


def summary_text(result: CoverageResult, lang: str) -> str:
    """"41 of 46 commitments are accounted for (89%): 30 by a target, 11 as a direction…", and how
    many quotes are not verbatim."""
    words = COVERAGE_WORDS[lang]
    if result.share is None:
        text = words[f"none_{result.kind}"]
    else:
        text = words[f"summary_{result.kind}"].format(covered=result.covered, total=len(result.clauses),
                                                      share=result.share, directions=len(result.directions),
                                                      targets=result.covered - len(result.directions))
    if result.not_verbatim:
        text += words["summary_quotes"].format(count=len(result.not_verbatim))
    return text


def uncovered_heading(result: CoverageResult, lang: str) -> str:
    return COVERAGE_WORDS[lang][f"uncovered_{result.kind}"]
