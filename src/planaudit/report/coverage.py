"""The words of `planaudit coverage`'s reports, in each language, and what every format says alike."""

from __future__ import annotations

from planaudit.model.coverage import CoverageResult

COVERAGE_WORDS = {
    "en": {
        "title": "Coverage of {document}: {kind} of {jurisdiction}, {year}, against {data_file}",
        "plan": "plan", "report": "report",
        "uncovered_plan": "Commitments no target quotes", "uncovered_report": "Stated figures no figure quotes",
        "not_verbatim": "Quotes the document does not hold verbatim", "unused": "Figures no target uses",
        "line": "Line", "section": "Section", "clause": "Clause", "file": "File", "quote": "Quote",
        "summary_plan": "{covered} of {total} commitments have a target ({share}%)",
        "summary_report": "{covered} of {total} stated figures are recorded ({share}%)",
        "summary_quotes": "; {count} quote(s) not verbatim",
        "none_plan": "no clause of the document reads as a commitment",
        "none_report": "no clause of the document states a figure",
    },
    "zh": {
        "title": "{document} 的覆盖情况：{jurisdiction} {year}年{kind}，对照 {data_file}",
        "plan": "计划", "report": "总结",
        "uncovered_plan": "没有目标引用的承诺", "uncovered_report": "没有录入的数据",
        "not_verbatim": "文件中找不到原文的引文", "unused": "没有目标使用的数据",
        "line": "行", "section": "章节", "clause": "原文", "file": "文件", "quote": "引文",
        "summary_plan": "{total}项承诺中{covered}项有对应目标（{share}%）",
        "summary_report": "{total}处数据中{covered}处已录入（{share}%）",
        "summary_quotes": "；{count}条引文与原文不符",
        "none_plan": "文件中没有读作承诺的语句",
        "none_report": "文件中没有陈述数据的语句",
    },
}


def title_text(result: CoverageResult, lang: str) -> str:
    words = COVERAGE_WORDS[lang]
    return words["title"].format(document=result.document, kind=words[result.kind], jurisdiction=result.jurisdiction,
                                 year=result.year, data_file=result.data_file)


def summary_text(result: CoverageResult, lang: str) -> str:
    """"41 of 46 commitments have a target (89%)", and how many quotes are not verbatim."""
    words = COVERAGE_WORDS[lang]
    if result.share is None:
        text = words[f"none_{result.kind}"]
    else:
        text = words[f"summary_{result.kind}"].format(covered=result.covered, total=len(result.clauses),
                                                      share=result.share)
    if result.not_verbatim:
        text += words["summary_quotes"].format(count=len(result.not_verbatim))
    return text


def uncovered_heading(result: CoverageResult, lang: str) -> str:
    return COVERAGE_WORDS[lang][f"uncovered_{result.kind}"]
