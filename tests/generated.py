"""Hypothesis strategies for whole data repositories: every kind of file, every field the JSON
Schemas name, and the references across files that no schema can say (metrics that exist, their
units, scopes, documents, derivations, items, assertions, shares of targets, conflicts, relative
values, periods and aggregates, cumulative metrics, bases, waivers).

Leaf values — numbers, texts, dates, slugs, shares — come from the project's own schemas through
hypothesis-jsonschema, so that a value the schema allows may turn up anywhere. What a repository
holds is chosen to be mostly coherent (so that `check` has something to judge) and sometimes not
(so that `validate` has something to find). `EMITTED` names every key a strategy can write, and
tests/test_generated_repositories.py holds it to every property of every schema: a field added to a
schema must join these strategies.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from planaudit.model.problems import WARNING_CODES
from planaudit.schemas import Kind, schema_text

YEARS = (2021, 2022)
NUMERIC_UNITS = ("percent", "ratio", "case", "institution", "yuan")
BUILT_IN_RULES = ("at_least", "at_most", "more_than", "less_than", "equals", "growth_at_least", "about")
CEILINGS_AND_FLOORS = ("at_least", "at_most", "more_than", "less_than")
SCOPES = ("city", "county", "市本级")
TEXTS = ("医患纠纷调解成功率达85%以上", "办理法律援助案件1,204件，同比增长21%", "全面清零", "约5%", "1600余场", "10万户",
         "达到 90%", "实现全覆盖（100%）", "x", "完成年度目标任务的126%", "两", "二十三", "-3.5‰", "1,000,000万")

# every key (by file kind and place) a strategy below may write; see the module's docstring
EMITTED: dict[str, set[str]] = {
    "target file": {"jurisdiction", "name", "year", "document", "targets", "directions"},
    "target": {"id", "title", "items", "metric", "rule", "value", "value_source", "value_quote", "value_note", "unit",
               "scope", "deadline", "over", "aggregate", "basis", "baseline", "tolerance", "tolerance_share", "direction",
               "quote", "section", "at", "strength", "waiver", "restated"},
    "outcome file": {"jurisdiction", "name", "year", "document", "documents", "figures", "assertions"},
    "figure": {"metric", "value", "bound", "approx_share", "scope", "as_of", "growth", "quote", "of_target",
               "aggregate", "source", "conflict", "basis", "note", "acknowledged", "at", "value_note", "projected"},
    "assertion": {"asserts", "denies", "quote"},
    "rules file": {"metrics", "rules", "scopes"},
    "metric": {"label", "unit", "derive", "tolerance", "cumulative"},
    "rule": {"label", "expr", "growth"},
    "settings": {"lang", "fail_on", "tolerance", "about_tolerance", "about_tolerance_share", "approx_share",
                 "accept_assertions", "max_file_size", "problems", "progress_band"},
    "period file": {"jurisdiction", "name", "period", "document", "targets"},
    "period target": {"id", "title", "metric", "kind", "direction", "attribute", "rule", "value", "unit", "year", "base",
                      "over", "aggregate",
                      "milestones", "scope", "basis", "tolerance", "quote", "section", "at", "strength"},
    "base": {"value", "year", "quote", "document", "at", "basis", "revised"},
    "revised base": {"value", "year", "quote", "document", "at", "basis"},
    "milestone": {"value", "year", "quote", "document", "at", "basis", "rule", "tolerance"},
}
PERIODS = ((2021, 2023), (2021, 2025))  # the years reports are drawn for (YEARS) fall in both
PERIOD_KINDS = ("reach", "maintain", "cumulative", "average_growth", "increase_by", "relative", "milestones")


@cache
def schema(kind: Kind) -> dict[str, Any]:
    return json.loads(schema_text(kind))  # type: ignore[no-any-return]


@cache
def leaf(name: str) -> st.SearchStrategy[Any]:
    """Values of one definition shared by the schemas (defs.json: number, text, date, slug, share…)."""
    definitions = {**schema(Kind.TARGET)["$defs"], **schema(Kind.OUTCOME)["$defs"], **schema(Kind.RULES)["$defs"]}
    return from_schema({"$defs": definitions, "$ref": f"#/$defs/{name}"})


def sometimes(draw: st.DrawFn, probability: float = 0.3) -> bool:
    """True about ``probability`` of the time; false where hypothesis shrinks, towards simple files."""
    return draw(st.integers(0, 99)) >= 100 - probability * 100


def text(draw: st.DrawFn) -> str:
    """Mostly the words plans and reports use; sometimes any text the schema allows."""
    return draw(leaf("text")) if sometimes(draw, 0.15) else draw(st.sampled_from(TEXTS))


def number(draw: st.DrawFn, unit: str) -> Any:
    """A number as a file writes it: in the unit's way (85% for a percent) or any the schema allows."""
    if sometimes(draw, 0.15):
        return draw(leaf("number"))
    value = draw(st.sampled_from([0, 1, 3, 5, 7, 10, 12, 85, 90, 97.12, 100, 126, 1204, 0.5, 2.9, -3]))
    return f"{value}%" if unit == "percent" and sometimes(draw, 0.7) else value


def stating(draw: st.DrawFn, value: Any) -> str:
    """A quote that states the value, mostly (a value its quote does not state is an error); else any text."""
    if value is None or isinstance(value, (bool, dict)) or value in ("unknown", "partly") or sometimes(draw, 0.1):
        return text(draw)
    return f"{text(draw)}{value}" if sometimes(draw, 0.5) else f"{value}"


def date_in(draw: st.DrawFn, year: int) -> str:
    if sometimes(draw, 0.1):
        return draw(leaf("date"))
    return draw(st.sampled_from([f"{year}-06-30", f"{year}-12-31", f"{year}-04-30", f"{year + 1}-01-31"]))


@dataclass
class Catalogue:
    units: dict[str, str] = field(default_factory=dict)  # metric id → unit
    derived: set[str] = field(default_factory=set)
    scopes: tuple[str, ...] = ()
    custom_rules: dict[str, bool] = field(default_factory=dict)  # rule id → growth


@st.composite
def catalogues(draw: st.DrawFn) -> tuple[Catalogue, dict[str, Any]]:
    """The metric catalogue (as the model of it the other strategies use, and as rules/metrics.yaml)."""
    catalogue = Catalogue(scopes=tuple(draw(st.lists(st.sampled_from(SCOPES), max_size=2, unique=True))))
    metrics: dict[str, Any] = {}
    for index in range(draw(st.integers(1, 6))):
        metric_id = f"m{index}" if not sometimes(draw, 0.2) else f"area.m{index}"
        unit = "boolean" if sometimes(draw, 0.2) else draw(st.sampled_from(NUMERIC_UNITS))
        entry: dict[str, Any] = {"unit": unit}
        if sometimes(draw, 0.4):
            entry["label"] = draw(leaf("text")) if sometimes(draw, 0.3) else {"zh": "案件数", "en": "Cases"}
        numeric = [other for other, other_unit in catalogue.units.items() if other_unit != "boolean"]
        if unit != "boolean" and numeric and sometimes(draw, 0.4):
            entry["derive"] = draw(expressions(numeric, catalogue.scopes))
            catalogue.derived.add(metric_id)
        if unit != "boolean" and sometimes(draw, 0.15):
            entry["tolerance"] = draw(leaf("tolerance")) if sometimes(draw, 0.3) else 0.5
        if unit != "boolean" and sometimes(draw, 0.2):
            entry["cumulative"] = draw(st.booleans())
        metrics[metric_id] = entry
        catalogue.units[metric_id] = unit
    rules_file: dict[str, Any] = {"metrics": metrics}
    if catalogue.scopes:
        rules_file["scopes"] = {scope: ({"label": {"zh": "市本级", "en": scope}} if sometimes(draw) else {})
                                for scope in catalogue.scopes}
    if sometimes(draw, 0.3):
        growth = draw(st.booleans())
        expr = draw(st.sampled_from(["growth >= value - 0.5", "growth > value"] if growth else
                                    ["abs(actual - value) <= 2", "actual >= value and actual < value * 2",
                                     "round(actual, 1) >= value", "not (actual < value)"]))
        rule: dict[str, Any] = {"expr": expr, "label": "与目标相差不超过2个百分点"}
        if growth or sometimes(draw):
            rule["growth"] = growth
        rules_file["rules"] = {"close_to": rule}
        catalogue.custom_rules["close_to"] = growth
    return catalogue, rules_file


@st.composite
def expressions(draw: st.DrawFn, names: list[str], scopes: tuple[str, ...]) -> str:
    """A derivation over earlier metrics (so never a cycle), sometimes of one scope's figure."""
    def name() -> str:
        chosen = draw(st.sampled_from(names))
        return f"{chosen}[{draw(st.sampled_from(scopes))}]" if scopes and sometimes(draw, 0.2) else chosen

    shape = draw(st.sampled_from(["{a} / {b} * 100", "{a} + {b}", "{a} - {b}", "max({a}, {b})", "{a} * {b}",
                                  "round({a} / {b} * 100, 1)", "({a} + {b}) / 2", "abs({a})", "{a} * 1000000"]))
    return shape.format(a=name(), b=name())


def value_for(draw: st.DrawFn, unit: str) -> Any:
    return draw(st.booleans()) if unit == "boolean" else number(draw, unit)


@st.composite
def targets(draw: st.DrawFn, catalogue: Catalogue, index: int | str, year: int, item: bool = False) -> dict[str, Any]:
    """One target, coherent with the catalogue most of the time."""
    metric = draw(st.sampled_from(sorted(catalogue.units)))
    unit = catalogue.units[metric]
    entry: dict[str, Any] = {"id": f"t{index}", "title": text(draw), "metric": metric}
    if not item and sometimes(draw, 0.1):
        return {"id": f"t{index}", "title": text(draw), "quote": text(draw),
                "items": [draw(targets(catalogue, f"{index}i{n}", year, item=True)) for n in range(draw(st.integers(2, 3)))]}
    if unit == "boolean":
        entry["rule"] = "achieved"
    else:
        choices = list(BUILT_IN_RULES) + list(catalogue.custom_rules)
        entry["rule"] = draw(st.sampled_from(choices))
        entry["value"] = target_value(draw, catalogue, unit)
    rule = entry["rule"]
    if sometimes(draw, 0.02):
        entry["rule"] = draw(st.sampled_from(["achieved", "atleast", "at_least"]))  # not always the right one
    if rule == "about":
        key = draw(st.sampled_from(["tolerance", "tolerance_share", "tolerance", "tolerance_share", None]))
        if key == "tolerance":
            entry[key] = draw(leaf("tolerance")) if sometimes(draw, 0.2) else draw(st.sampled_from([0.5, "1%", 0, 2]))
        elif key == "tolerance_share":
            entry[key] = draw(st.sampled_from(["5%", "0%", "10.5%"]))
        if sometimes(draw, 0.5):
            entry["direction"] = draw(st.sampled_from(["floor", "ceiling", "both"]))
    if (rule == "growth_at_least" or catalogue.custom_rules.get(rule)) and sometimes(draw, 0.4):
        entry["baseline"] = number(draw, "case")
    if rule in CEILINGS_AND_FLOORS and sometimes(draw, 0.2):
        entry["over"] = "year"
    elif sometimes(draw, 0.06):
        entry["aggregate"] = "mean"  # on the year's average (年均)
    optional = {"scope": lambda: draw(st.sampled_from(catalogue.scopes or ("county",))),
                "deadline": lambda: date_in(draw, year),
                "basis": lambda: draw(st.sampled_from(["nominal", "real"])),
                "unit": lambda: unit if unit != "boolean" else "boolean",
                "section": lambda: draw(st.sampled_from(["四（一）", "一"])),
                "strength": lambda: draw(st.sampled_from(["firm", "strive", "explore"])),
                "at": lambda: draw(st.sampled_from(["三（二）", "第5页", text(draw)])),
                "waiver": lambda: {"reason": "上级政策调整，目标取消", "date": date_in(draw, year)},
                "restated": lambda: [{"quote": text(draw), "section": "二（五）"}]}
    for key, make in optional.items():
        unlikely = (key == "scope" and not catalogue.scopes) or (key == "basis" and unit == "boolean")
        if sometimes(draw, 0.02 if unlikely else 0.12):
            entry[key] = make()
    if "value" in entry and sometimes(draw, 0.08):
        entry["value_source"] = draw(st.sampled_from(["report", "plan"]))
        if entry["value_source"] == "report" or sometimes(draw, 0.1):
            entry["value_quote"] = text(draw)
    entry["quote"] = stating(draw, entry.get("value"))
    if isinstance(entry.get("value"), (int, float, str)) and sometimes(draw, 0.05):
        entry["value_note"] = text(draw)  # computed from the quote: held to nothing else
    return entry


def target_value(draw: st.DrawFn, catalogue: Catalogue, unit: str) -> Any:
    """A threshold: a number mostly; unknown; or another figure of the report (a relative target)."""
    if sometimes(draw, 0.08):
        return "unknown"
    numeric = [metric for metric, other in catalogue.units.items() if other == unit]
    if numeric and sometimes(draw, 0.12):
        reference: dict[str, Any] = {"metric": draw(st.sampled_from(numeric))}
        if catalogue.scopes and sometimes(draw):
            reference["scope"] = draw(st.sampled_from(catalogue.scopes))
        return reference
    return number(draw, unit)


@st.composite
def figures(draw: st.DrawFn, catalogue: Catalogue, year: int, plan: list[dict[str, Any]],
            documents: list[str]) -> dict[str, Any]:
    """One figure of a report: a level, a share of one of the plan's targets, or a state."""
    leaves = [target for entry in plan for target in entry.get("items", [entry])
              if catalogue.units.get(target.get("metric", ""), "boolean") != "boolean"]
    share_of = draw(st.sampled_from(leaves)) if leaves and sometimes(draw, 0.15) else None
    metric = share_of["metric"] if share_of else draw(st.sampled_from(sorted(catalogue.units)))
    unit = catalogue.units.get(metric, "case")
    entry: dict[str, Any] = {"metric": metric}
    if share_of is not None:
        entry["of_target"] = share_of["id"]
        entry["value"] = draw(st.sampled_from(["126%", "58%", "100%", "72%", "100.0%"]))
    elif unit == "boolean" and sometimes(draw, 0.1):
        entry["value"] = "partly"  # done in part: with a note, mostly (validate errs without one)
    else:
        entry["value"] = value_for(draw, unit)
    if unit != "boolean" and sometimes(draw, 0.2):
        entry["bound"] = draw(st.sampled_from(["exact", "lower", "upper", "approx"]))
        if entry["bound"] == "approx" and sometimes(draw, 0.7):
            entry["approx_share"] = draw(leaf("share")) if sometimes(draw, 0.2) else "5%"
    optional = {"scope": lambda: draw(st.sampled_from(catalogue.scopes or ("county",))),
                "as_of": lambda: date_in(draw, year),
                "growth": lambda: draw(st.sampled_from(["21%", "-3.5%", "0%"])) if not sometimes(draw, 0.2)
                else draw(leaf("number")),
                "aggregate": lambda: draw(st.sampled_from(["end", "mean", "max", "min"])),
                "basis": lambda: draw(st.sampled_from(["nominal", "real"])),
                "conflict": lambda: True,
                "acknowledged": lambda: text(draw),
                "projected": lambda: True,
                "at": lambda: draw(st.sampled_from(["二、（一）", "第12页"])),
                "source": lambda: draw(st.sampled_from(documents or ["review"]))}
    for key, make in optional.items():
        likely = (key != "scope" or catalogue.scopes) and (key != "source" or documents)
        if (unit != "boolean" or key in ("as_of", "source", "scope")) and sometimes(draw, 0.12 if likely else 0.02):
            entry[key] = make()
    entry["quote"] = stating(draw, entry["value"])
    if "growth" in entry and sometimes(draw, 0.9):  # the growth too, mostly, as reports state it
        entry["quote"] += f"，同比增长{entry['growth']}"
    if sometimes(draw, 0.05):
        entry["value_note"] = text(draw)
    if sometimes(draw, 0.9 if entry["value"] == "partly" else 0.1):
        entry["note"] = text(draw)  # an evaluator's reading: the verdict on it is judged
    return entry


@dataclass
class Repository:
    """What a strategy drew: each file's path and its content, written as YAML."""

    files: dict[str, Any]
    targets: list[tuple[int, str, str]]  # (year, jurisdiction, target id) of every target drawn

    def write(self, root: Path) -> None:
        for relative, content in self.files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(as_yaml(content), encoding="utf-8")


def as_yaml(content: Any) -> str:
    """The YAML a person would write: block style, keys in the order given, numbers as numbers."""
    return yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=1000)


@st.composite
def repositories(draw: st.DrawFn) -> Repository:
    """Several jurisdictions, two years of plans and reports, the catalogue and the settings."""
    catalogue, rules_file = draw(catalogues())
    files: dict[str, Any] = {"rules/metrics.yaml": rules_file}
    if sometimes(draw, 0.4):
        files["planaudit.yaml"] = draw(settings_files())
    drawn = []
    for jurisdiction in draw(st.lists(st.sampled_from(["east", "west", "fuzhou"]), min_size=1, max_size=3, unique=True)):
        for year in YEARS:
            plan = [draw(targets(catalogue, index, year)) for index in range(draw(st.integers(0, 4)))]
            if plan or sometimes(draw, 0.2):
                files[f"targets/{year}/{jurisdiction}.yaml"] = plan_file(draw, jurisdiction, year, plan)
                drawn += [(year, jurisdiction, target["id"]) for entry in plan for target in [entry, *entry.get("items", [])]]
            if sometimes(draw, 0.85):
                files[f"outcomes/{year}/{jurisdiction}.yaml"] = draw(report_files(catalogue, jurisdiction, year, plan))
        if sometimes(draw, 0.3):
            first, last = draw(st.sampled_from(PERIODS))
            files[f"targets/{first}-{last}/{jurisdiction}.yaml"] = draw(period_plans(catalogue, jurisdiction, first, last))
    return Repository(files, drawn)


@st.composite
def period_repositories(draw: st.DrawFn) -> Repository:
    """A period plan or two and the reports of the period's years, with the catalogue and the settings:
    what `progress` reads, drawn more often than among whole repositories."""
    catalogue, rules_file = draw(catalogues())
    files: dict[str, Any] = {"rules/metrics.yaml": rules_file}
    if sometimes(draw, 0.3):
        files["planaudit.yaml"] = draw(settings_files())
    first, last = draw(st.sampled_from(PERIODS))
    for jurisdiction in draw(st.lists(st.sampled_from(["east", "west"]), min_size=1, max_size=2, unique=True)):
        files[f"targets/{first}-{last}/{jurisdiction}.yaml"] = draw(period_plans(catalogue, jurisdiction, first, last))
        for year in range(first - 1, first + 3):
            if sometimes(draw, 0.8):
                files[f"outcomes/{year}/{jurisdiction}.yaml"] = draw(report_files(catalogue, jurisdiction, year, []))
    return Repository(files, [])


def plan_file(draw: st.DrawFn, jurisdiction: str, year: int, plan: list[dict[str, Any]]) -> dict[str, Any]:
    content: dict[str, Any] = {"jurisdiction": jurisdiction, "year": year}
    if sometimes(draw):
        content["name"] = "福州市"
    if sometimes(draw):
        content["document"] = {"title": "2022年全市司法工作要点", "issuer": "福州市司法局", "date": f"{year}-03-01",
                               "url": "https://sfj.fuzhou.gov.cn/zwgk/ghjh/202203/t20220301.htm"}
    content["targets"] = plan
    if sometimes(draw, 0.2):
        content["directions"] = [{"quote": "持续深化“八五”普法"}, {"quote": text(draw), "section": "一（三）", "at": "第2页"}]
    return content


@st.composite
def report_files(draw: st.DrawFn, catalogue: Catalogue, jurisdiction: str, year: int,
                 plan: list[dict[str, Any]]) -> dict[str, Any]:
    content: dict[str, Any] = {"jurisdiction": jurisdiction, "year": year}
    if sometimes(draw, 0.2):
        content["name"] = "福州市"
    if sometimes(draw, 0.2):
        content["document"] = {"title": "工作总结", "date": f"{year + 1}-02-02"}
    documents = []
    if sometimes(draw, 0.2):
        documents = ["review", "progress-q3"]
        content["documents"] = [{"id": "review", "title": "2024年政府工作报告", "issuer": "市人民政府",
                                 "url": "http://www.example.gov.cn/a?b=1&c=2_(x)"},
                                {"id": "progress-q3", "date": f"{year}-10-15"}]
    content["figures"] = distinct([draw(figures(catalogue, year, plan, documents)) for _ in range(draw(st.integers(0, 6)))],
                                  conflict=sometimes(draw, 0.5))
    if sometimes(draw, 0.15):
        ids = [target["id"] for entry in plan for target in entry.get("items", [entry])] or ["t0"]
        asserts = "all_met" if sometimes(draw, 0.5) else draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2))
        content["assertions"] = [{"asserts": asserts, "quote": "各项实事年度目标任务全面完成"}]
        if sometimes(draw, 0.5):  # an admission, of targets it may also claim done, or that a figure meets
            denies = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2))
            content["assertions"].insert(draw(st.integers(0, 1)), {"denies": denies, "quote": "2项指标距离目标还有差距"})
    return content


def distinct(drawn: list[dict[str, Any]], conflict: bool) -> list[dict[str, Any]]:
    """The figures, one per (metric, scope, date, share, aggregate, basis) — or, with ``conflict``,
    a second of one of them kept and both marked as the report stating it twice."""
    kept: dict[tuple[Any, ...], dict[str, Any]] = {}
    for figure in drawn:
        key = tuple(str(figure.get(name)) for name in ("metric", "scope", "as_of", "of_target", "aggregate", "basis"))
        if key not in kept:
            kept[key] = figure
        elif conflict and not isinstance(figure["value"], bool) and figure["value"] != "partly":
            kept[key]["conflict"] = figure["conflict"] = True
            kept[key + ("again",)] = figure
    return list(kept.values())


@st.composite
def settings_files(draw: st.DrawFn) -> dict[str, Any]:
    optional = {"lang": lambda: draw(st.sampled_from(["zh", "en"])),
                "fail_on": lambda: draw(st.sampled_from(["missed", "never", "missed,inconsistent", "unmeasured"])),
                "tolerance": lambda: draw(leaf("tolerance")) if sometimes(draw) else 0.5,
                "about_tolerance": lambda: 0.5,
                "about_tolerance_share": lambda: "5%",
                "approx_share": lambda: draw(leaf("share")) if sometimes(draw) else "5%",
                "accept_assertions": lambda: draw(st.booleans()),
                "max_file_size": lambda: draw(st.sampled_from(["20MB", 10485760, "1KB"])),
                "problems": lambda: draw(st.dictionaries(st.sampled_from([code.value for code in WARNING_CODES]),
                                                         st.sampled_from(["error", "warning", "disable"]), max_size=3)),
                "progress_band": lambda: draw(st.sampled_from([0, 0.1, 0.25, 1]))}
    return {key: make() for key, make in optional.items() if sometimes(draw, 0.3)}


@st.composite
def period_plans(draw: st.DrawFn, catalogue: Catalogue, jurisdiction: str, first: int, last: int) -> dict[str, Any]:
    """A period plan: targets of every kind, with a base (sometimes revised) and milestones — and,
    sometimes, what validate refuses (a base inside the period, a kind without its value)."""
    content: dict[str, Any] = {"jurisdiction": jurisdiction, "period": f"{first}-{last}"}
    if sometimes(draw):
        content["name"] = "示例省"
    if sometimes(draw):
        content["document"] = {"title": "国民经济和社会发展第十四个五年规划纲要", "date": f"{first}-03-13"}
    content["targets"] = [draw(period_targets(catalogue, index, first, last)) for index in range(draw(st.integers(0, 4)))]
    return content


@st.composite
def period_targets(draw: st.DrawFn, catalogue: Catalogue, index: int, first: int, last: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(PERIOD_KINDS))
    numeric = sorted(metric for metric, unit in catalogue.units.items() if unit != "boolean")
    fitting = [metric for metric in numeric if catalogue.units[metric] == "percent"] if kind in ("cumulative",
                                                                                                  "average_growth") else numeric
    if fitting and not sometimes(draw, 0.05):
        metric = draw(st.sampled_from(fitting))
    else:  # what validate refuses: a metric of another unit, a yes/no one, or none known
        metric = draw(st.sampled_from([*sorted(catalogue.units), "unknown.metric"]))
    unit = catalogue.units.get(metric, "case")
    entry: dict[str, Any] = {"id": f"p{index}", "title": text(draw), "metric": metric, "kind": kind}
    if sometimes(draw, 0.4):
        entry["direction"] = draw(st.sampled_from(["up", "down"]))
    if sometimes(draw):
        entry["attribute"] = draw(st.sampled_from(["binding", "expected"]))
    if sometimes(draw, 0.4):
        entry["rule"] = draw(st.sampled_from([*CEILINGS_AND_FLOORS, "about", "equals", "growth_at_least",
                                              *catalogue.custom_rules]))
        if entry["rule"] == "about":
            entry["tolerance"] = draw(st.sampled_from([0.5, 1, "0.5%"]))
    if kind == "relative" or sometimes(draw, 0.05):
        entry["value"] = {"metric": draw(st.sampled_from(sorted(catalogue.units)))}
    elif kind != "milestones" or sometimes(draw):
        entry["value"] = number(draw, unit) if not sometimes(draw, 0.05) else draw(leaf("number"))
    if sometimes(draw, 0.1):
        entry["unit"] = unit
    if sometimes(draw, 0.2):
        entry["year"] = draw(st.integers(first, last)) if not sometimes(draw, 0.1) else last + 1
    if kind in ("reach", "increase_by") or sometimes(draw, 0.3):
        entry["base"] = draw(quoted_values(unit, first - 1 if not sometimes(draw, 0.1) else draw(st.sampled_from(
            [first - 5, first, first - 11]))))
        if sometimes(draw, 0.2):
            entry["base"]["revised"] = draw(quoted_values(unit, first - 1))
    if kind == "milestones" or sometimes(draw, 0.2):
        years = draw(st.lists(st.integers(first, last + (1 if sometimes(draw, 0.05) else 0)), min_size=1, max_size=3,
                              unique=not sometimes(draw, 0.05)))
        entry["milestones"] = [draw(milestones(unit, year, catalogue)) for year in years]
    if sometimes(draw, 0.1):
        entry["scope"] = draw(st.sampled_from(catalogue.scopes)) if catalogue.scopes else "市本级"
    if sometimes(draw, 0.1):
        entry["basis"] = draw(st.sampled_from(["nominal", "real"]))
    if "tolerance" not in entry and sometimes(draw, 0.05):
        entry["tolerance"] = 0.5
    if sometimes(draw, 0.5 if kind in ("maintain", "relative") else 0.05):  # elsewhere, what validate refuses
        entry.update(draw(st.sampled_from([{"over": "year"}, {"aggregate": "mean"}, {"over": "year", "aggregate": "mean"}])))
    entry["quote"] = stating(draw, entry.get("value"))
    if sometimes(draw, 0.2):
        entry["section"] = "专栏1"
    if sometimes(draw, 0.1):
        entry["at"] = "第3页"
    if sometimes(draw, 0.1):
        entry["strength"] = draw(st.sampled_from(["firm", "strive", "explore"]))
    return entry


@st.composite
def quoted_values(draw: st.DrawFn, unit: str, year: int) -> dict[str, Any]:
    value = number(draw, unit)
    entry: dict[str, Any] = {"value": value, "year": year, "quote": stating(draw, value)}
    if sometimes(draw, 0.2):
        entry["document"] = {"title": "2020年国民经济和社会发展统计公报"}
    if sometimes(draw, 0.1):
        entry["at"] = "一"
    if sometimes(draw, 0.1):
        entry["basis"] = draw(st.sampled_from(["nominal", "real"]))
    return entry


@st.composite
def milestones(draw: st.DrawFn, unit: str, year: int, catalogue: Catalogue) -> dict[str, Any]:
    entry = draw(quoted_values(unit, year))
    if sometimes(draw, 0.3):
        entry["rule"] = draw(st.sampled_from([*CEILINGS_AND_FLOORS, "about", *catalogue.custom_rules]))
    if sometimes(draw, 0.3):
        entry["tolerance"] = 0.5
    return entry


def schema_properties() -> dict[str, set[str]]:
    """Every property each schema names, by the same places as :data:`EMITTED`."""
    target, outcome = schema(Kind.TARGET), schema(Kind.OUTCOME)
    rules, settings = schema(Kind.RULES), schema(Kind.SETTINGS)
    period = schema(Kind.PERIOD)
    return {"target file": set(target["properties"]), "target": set(target["$defs"]["target"]["properties"]),
            "outcome file": set(outcome["properties"]), "figure": set(outcome["$defs"]["figure"]["properties"]),
            "assertion": set(outcome["$defs"]["assertion"]["properties"]),
            "rules file": set(rules["properties"]), "metric": set(rules["$defs"]["metricDefinition"]["properties"]),
            "rule": set(rules["$defs"]["ruleDefinition"]["properties"]), "settings": set(settings["properties"]),
            "period file": set(period["properties"]), "period target": set(period["$defs"]["period_target"]["properties"]),
            "base": set(period["$defs"]["base"]["properties"]),
            "revised base": set(period["$defs"]["base"]["properties"]["revised"]["properties"]),
            "milestone": set(period["$defs"]["milestone"]["properties"])}
