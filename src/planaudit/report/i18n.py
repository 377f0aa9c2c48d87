"""Words shown to people, in Chinese and English."""

from __future__ import annotations

import datetime as dt

from planaudit.model.result import Detail, Reason, Summary, Verdict
from planaudit.report.language import LANGUAGES, default_lang

__all__ = ["DETAILS", "LANGUAGES", "REASONS", "UNITS", "VERDICTS", "WORDS", "coverage_line", "date_text", "default_lang",
           "detail_text", "summary_line", "unit_name"]

VERDICTS = {
    "en": {Verdict.MET: "met", Verdict.MISSED: "missed", Verdict.UNMEASURED: "unmeasured"},
    "zh": {Verdict.MET: "达标", Verdict.MISSED: "未达标", Verdict.UNMEASURED: "无法评估"},
}

REASONS = {
    "en": {
        Reason.STATED: "reported figure",
        Reason.DERIVED: "derived from reported counts",
        Reason.NO_REPORT: "no report for this year",
        Reason.AFTER_DEADLINE: "reported only after the deadline",
        Reason.NOT_REPORTED: "not in the report",
        Reason.NO_BASELINE: "no baseline to compare with",
        Reason.IMPRECISE: "figure too imprecise",
        Reason.UNDEFINED: "rule divides by zero",
        Reason.CONTESTED: "stated figure contradicts its counts",
        Reason.WITHIN_TOLERANCE: "met within the tolerance (about)",
        Reason.NO_THRESHOLD: "the plan's value is lost",
        Reason.ASSERTED: "asserted by the report, not measured",
        Reason.WRONG_AGGREGATE: "the report gives the wrong measure of the year",
        Reason.INTERIM_ONLY: "only an interim figure, short of the target",
        Reason.BASIS_MISMATCH: "nominal against real",
        Reason.ITEMS: "judged on its items",
    },
    "zh": {
        Reason.STATED: "报告数据",
        Reason.DERIVED: "由报告数据推算",
        Reason.NO_REPORT: "无该年度工作总结",
        Reason.AFTER_DEADLINE: "数据晚于截止日期",
        Reason.NOT_REPORTED: "总结未报告该指标",
        Reason.NO_BASELINE: "缺少比较基数",
        Reason.IMPRECISE: "数据为约数，无法判定",
        Reason.UNDEFINED: "规则计算除以零",
        Reason.CONTESTED: "所述数据与其基础数据矛盾",
        Reason.WITHIN_TOLERANCE: "在“左右”允许范围内达标",
        Reason.NO_THRESHOLD: "目标值缺失",
        Reason.ASSERTED: "工作总结笼统宣称完成，未经数据核实",
        Reason.WRONG_AGGREGATE: "总结数据的统计口径与目标不符",
        Reason.INTERIM_ONLY: "仅有阶段性数据，尚未达到目标",
        Reason.BASIS_MISMATCH: "名义值与实际值不可比",
        Reason.ITEMS: "依据各分项判定",
    },
}

DETAILS = {
    "en": {
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
        "within_tolerance": "met only thanks to the tolerance of {tolerance}: the figure falls short of the value itself",
        "no_threshold": "the plan's number was lost in its source (value: unknown), so nothing can be compared",
        "asserted": "the report gives no figure, but asserts completion: “{quote}” ({where})",
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
        "basis_nominal": "nominal (in current prices)",
        "basis_real": "real (price changes taken out)",
        "basis_figure": "the figure of {metric} is {basis}, but the target's value is {wanted}: the two are not compared",
        "basis_levels": "growth computed from the levels of {metric} is {basis} (levels are, unless they say basis: real), "
                        "but the target's value is {wanted}: the two are not compared",
        "basis_reference": "the figure of {metric} is {basis}, but the figure it is held against, {reference}, is "
                           "{wanted}: the two are not compared",
    },
    "zh": {
        "no_report": "缺少该年度工作总结（outcomes/{year}/{jurisdiction}.yaml）",
        "no_figure": "工作总结未列出指标 {metric} 的数据",
        "stated_growth": "依据工作总结所述的增长率{growth}判定：无上年数据可供计算",
        "other_scopes": "工作总结给出了指标 {metric} 在 {given} 范围的数据，未给出 {scope} 范围的数据",
        "after_deadline": "指标 {metric} 的数据截至 {as_of}，晚于截止日期 {deadline}",
        "derivation_needs": "{metric} = {expression}，需要 {name}：{inner}",
        "derivation_zero": "{metric} = {expression} 的除数为零",
        "no_previous_report": "缺少基数：没有上年工作总结（outcomes/{year}/{jurisdiction}.yaml），目标中也未给出基数",
        "previous_year": "{year}年无基数：{inner}",
        "zero_baseline": "基数为零，无法计算增长率",
        "straddles": "数据为约数，其范围跨越目标值",
        "rule_zero": "规则 {rule} 的计算除数为零",
        "contested": "指标 {metric} 所述为{stated}，按其基础数据推算为{derived}，两者结论不同",
        "within_tolerance": "仅因允许偏差{tolerance}而达标：数据本身未达到目标值",
        "no_threshold": "原文中的目标数值缺失（value: unknown），无从比较",
        "asserted": "工作总结未给出数据，但宣称已完成：“{quote}”（{where}）",
        "of_target": "依据工作总结所述的完成目标比例{share}判定（按其舍入，为{rounded}）",
        "reference_missing": "目标值取工作总结中指标 {metric} 的数据：{inner}",
        "conflicting": "工作总结所述指标 {metric} 为{stated}，另处又为{other}，两者结论不同",
        "wrong_aggregate": "目标约束全年，需要指标 {metric} 全年的{needed}；总结给出的是 {given}，均不足以判定",
        "interim": "指标 {metric} 为累计数，数据截至{as_of}，早于目标期限{end}：目前未达到，期末仍可能达到",
        "interim_decided": "指标 {metric} 为累计数：截至{as_of}的数据（早于期限{end}）已可判定",
        "assertion_refused": "{inner}；工作总结宣称已完成（“{quote}”，{where}），但 planaudit.yaml 的 accept_assertions 为 false",
        "items": "{total}个分项中{met}项达标，{missed}项未达标，{unmeasured}项无法评估",
        "basis_nominal": "名义值（按现价）",
        "basis_real": "实际值（扣除价格因素）",
        "basis_figure": "指标 {metric} 的数据为{basis}，目标值为{wanted}，两者不作比较",
        "basis_levels": "由指标 {metric} 的总量计算的增长为{basis}（总量未注明 basis: real 即按现价），"
                        "目标值为{wanted}，两者不作比较",
        "basis_reference": "指标 {metric} 的数据为{basis}，而作为目标值的指标 {reference} 为{wanted}，两者不作比较",
    },
}


def detail_text(detail: Detail | None, lang: str) -> str:
    """A Detail in words of ``lang``; nested Details are rendered in place."""
    if detail is None:
        return ""
    params = {key: detail_text(value, lang) if isinstance(value, Detail) else value for key, value in detail.params}
    return DETAILS[lang][detail.code].format(**params)


WORDS = {
    "en": {
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
        "no_targets": "no targets",
        "report_title": "Audit of the {year} work-plan targets",
        "generated": "Generated on {date} by planaudit {version}: each target of the {year} work plans judged against "
                     "the figures of the work summaries.",
        "summary": "Summary", "total": "Total", "targets": "Targets", "met": "Met", "missed": "Missed",
        "unmeasured": "Unmeasured", "waived_count": "Waived",
        "asserted_count": "Asserted only", "share_met": "Met of measured",
        "chart": "Verdicts", "evidence": "Evidence", "none": "none",
        "unmeasured_section": "Unmeasured targets and why", "detail": "Detail", "why": "Why", "waived_reason": "waived",
        "no_inconsistencies": "No stated figure disagrees with its counts.",
    },
    "zh": {
        "target": "目标", "threshold": "目标值", "actual": "实际", "verdict": "结论",
        "reason": "依据", "waived": "已豁免",
        "within_tolerance": "在允许范围内",
        "nominal": "名义", "real": "实际", "items_met": "{total}个分项中{met}项达标",
        "asserted": "仅有宣称", "of_target": "占目标{share}", "per_report": "据工作总结所述", "also_stated": "另处所述",
        "inconsistent": "数据不一致", "derived": "推算", "from_counts": "按基础数据",
        "not_judged": "以下地区的数据文件有错误，未作评估：{slugs}", "where": "其中", "id": "编号", "line": "行",
        "name": "名称", "measured": "已评估", "warnings": "警告", "deadline": "截止日期", "scope": "范围",
        "section": "章节", "verdict_code": "结论代码", "id_at_line": "{id}，第{line}行",
        "yes": "是", "no": "否", "growth": "增长", "baseline": "基数",
        "inconsistencies": "报告所述比率与其基础数据不一致",
        "metric": "指标", "stated": "所述", "derived_value": "推算值", "file": "文件", "jurisdiction": "地区",
        "no_targets": "无目标",
        "report_title": "{year}年工作要点目标落实情况核查报告",
        "generated": "{date}由 planaudit {version} 生成：逐项对照{year}年工作要点目标与工作总结数据。",
        "summary": "总体情况", "total": "合计", "targets": "目标数", "met": "达标", "missed": "未达标",
        "unmeasured": "无法评估", "waived_count": "豁免", "asserted_count": "仅有宣称", "share_met": "已评估目标达标率",
        "chart": "核查结论", "evidence": "依据", "none": "无",
        "unmeasured_section": "无法评估的目标及原因", "detail": "说明", "why": "原因", "waived_reason": "豁免",
        "no_inconsistencies": "报告所述比率与其基础数据均一致。",
    },
}


def summary_line(lang: str, year: int, summary: Summary) -> str:
    """One line of a year's counts, in ``lang``."""
    targets, met, missed, unmeasured = summary.targets, summary.met, summary.missed, summary.unmeasured
    waived, inconsistent = summary.waived, summary.inconsistent
    if lang == "zh":
        line = f"{year}年：目标{targets}项，达标{met}项，未达标{missed}项，无法评估{unmeasured}项"
        line += f"，仅有宣称{summary.asserted}项" if summary.asserted else ""
        line += f"，豁免{waived}项" if waived else ""
        return line + (f"；数据不一致{inconsistent}处" if inconsistent else "")
    line = f"{year}: {targets} target{'s' if targets != 1 else ''} — {met} met, {missed} missed, {unmeasured} unmeasured"
    line += f", {summary.asserted} asserted" if summary.asserted else ""
    line += f", {waived} waived" if waived else ""
    if inconsistent:
        line += f"; {inconsistent} inconsistent figure{'s' if inconsistent != 1 else ''}"
    return line


def coverage_line(lang: str, summary: Summary) -> str:
    """How many targets could be judged before how many were met: "64 targets: 9 measured — 9 met,
    0 missed; 55 unmeasured" (a share of the measured alone invites misquoting)."""
    measured = summary.met + summary.missed
    waived = summary.waived
    if lang == "zh":
        line = (f"目标{summary.targets}项：已评估{measured}项（达标{summary.met}项，未达标{summary.missed}项）；"
                f"无法评估{summary.unmeasured}项")
        line += f"；仅有宣称、未经核实{summary.asserted}项" if summary.asserted else ""
        return line + (f"；豁免{waived}项" if waived else "")
    line = (f"{summary.targets} target{'s' if summary.targets != 1 else ''}: {measured} measured — "
            f"{summary.met} met, {summary.missed} missed; {summary.unmeasured} unmeasured")
    line += f"; {summary.asserted} asserted by the report, not measured" if summary.asserted else ""
    return line + (f"; {waived} waived" if waived else "")


UNITS = {  # the catalogue's usual units, as Chinese readers name them; any other unit is shown as written
    "zh": {"percent": "百分比", "ratio": "比率", "boolean": "是/否", "case": "件", "person": "人", "person_time": "人次",
           "item": "个", "organisation": "家", "institution": "所", "event": "场", "per_10k": "每万人", "session": "场次"},
}


def unit_name(unit: str, lang: str) -> str:
    return UNITS.get(lang, {}).get(unit, unit)


def date_text(date: dt.date, lang: str) -> str:
    """A date as its readers write it: 2026年11月29日, or 2026-11-29."""
    return f"{date.year}年{date.month}月{date.day}日" if lang == "zh" else date.isoformat()
