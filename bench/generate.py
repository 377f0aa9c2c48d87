"""Generate a synthetic national data repository for benchmarks.

    python bench/generate.py OUT_DIR [--jurisdictions 3200] [--seed 1] [--period-plans]

Each jurisdiction gets a plan of 50 targets for 2022 and reports of 120 figures for 2021 and 2022:
a realistic mix of rules (thresholds, ceilings, zero targets, achievements, growth, a custom rule),
rates stated together with their counts (derived and checked), bounded figures (余/近), dated
figures and deadlines; some reports are missing and some targets' figures are not reported. With
--period-plans, each also gets a five-year plan (targets/2021-2025/) of 20 targets — levels to reach
from a base, rates held every year, average growth — followed on the same reports.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

COUNTS = [f"count_{index:02d}" for index in range(60)]
RATES = [(f"rate_{index:02d}", COUNTS[2 * index], COUNTS[2 * index + 1]) for index in range(30)]
STATES = [f"state_{index:02d}" for index in range(30)]
TARGETS, FIGURES, PERIOD_TARGETS = 50, 120, 20


def catalogue() -> str:
    lines = ["metrics:"]
    for name in COUNTS:
        lines += [f"  {name}:", f"    label: {{zh: 指标{name}, en: Count {name}}}", "    unit: case"]
    for name, part, whole in RATES:
        lines += [f"  {name}:", f"    label: {{zh: 比率{name}, en: Rate {name}}}", "    unit: percent",
                  f"    derive: {part} / {whole} * 100"]
    for name in STATES:
        lines += [f"  {name}:", f"    label: {{zh: 状态{name}, en: State {name}}}", "    unit: boolean"]
    lines += ["rules:", "  near_target:", "    label: {zh: 与目标相差不超过2, en: within 2 of the value}",
              "    expr: abs(actual - value) <= 2"]
    return "\n".join(lines) + "\n"


def header(slug: str, year: int, key: str) -> list[str]:
    return [f"jurisdiction: {slug}", f"name: 模拟县{slug[1:]}", f"year: {year}",
            f"document: {{title: {year}年工作, issuer: 模拟县司法局}}", f"{key}:"]


def another_commitment(metric: str, rule: str, value: str | None, made: set[tuple[str, str, str | None]]) -> str:
    """``metric``, or, when the plan already makes that commitment, the next metric of its kind that it
    does not: a plan makes each commitment once (two would be the warning duplicate-target). No draw
    of ``rng`` is spent, so every other target and figure is what the same seed always gave."""
    kind = next(names for names in (STATES, [name for name, _, _ in RATES], COUNTS) if metric in names)
    start = kind.index(metric)
    for step in range(len(kind)):
        candidate = kind[(start + step) % len(kind)]
        if (candidate, rule, value) not in made:
            return candidate
    return metric


def plan(slug: str, rng: random.Random) -> str:
    lines = header(slug, 2022, "targets")
    made: set[tuple[str, str, str | None]] = set()
    for index in range(TARGETS):
        roll = rng.random()
        entry = [f"  - id: t{index:02d}"]
        if roll < 0.15:
            metric, rule, value = rng.choice(STATES), "achieved", None
        elif roll < 0.45:
            metric, rule, value = rng.choice(RATES)[0], rng.choice(["at_least", "more_than"]), f"{rng.randint(60, 99)}%"
        elif roll < 0.60:
            metric, rule, value = rng.choice(RATES)[0], rng.choice(["at_most", "less_than"]), f"{rng.randint(1, 20)}%"
        elif roll < 0.65:
            metric, rule, value = rng.choice(COUNTS), "equals", "0"
        elif roll < 0.80:
            metric, rule, value = rng.choice(COUNTS), "growth_at_least", f"{rng.randint(5, 30)}%"
        elif roll < 0.85:
            metric, rule, value = rng.choice(RATES)[0], "near_target", str(rng.randint(70, 95))
        else:
            metric, rule, value = rng.choice(COUNTS), "at_least", str(rng.randint(10, 5000))
        metric = another_commitment(metric, rule, value, made)
        made.add((metric, rule, value))
        entry += [f"    title: 模拟目标{index}：{metric}{rule}{value or ''}", f"    metric: {metric}", f"    rule: {rule}"]
        if value is not None:
            entry.append(f"    value: {value}")
        if rng.random() < 0.1:
            entry.append(f"    deadline: 2022-{rng.randint(3, 11):02d}-30")
        entry.append(f"    quote: 原文第{index}项目标{value or ''}")
        lines += entry
    return "\n".join(lines) + "\n"


def report(slug: str, year: int, rng: random.Random) -> str:
    lines = header(slug, year, "figures")
    seen: set[tuple[str, str | None]] = set()
    written = 0
    while written < FIGURES:
        roll = rng.random()
        as_of = f"{year}-{rng.randint(1, 12):02d}-28" if rng.random() < 0.1 else None
        key = None
        if roll < 0.5:
            metric = rng.choice(COUNTS)
            value, bound = str(rng.randint(0, 6000)), rng.choice(["exact"] * 8 + ["lower", "upper"])
        elif roll < 0.8:
            name, part, whole = rng.choice(RATES)
            metric, value, bound = name, f"{rng.randint(50, 99)}.{rng.randint(0, 99):02d}", "exact"
        else:
            metric, value, bound = rng.choice(STATES), rng.choice(["true", "false"]), "exact"
        key = (metric, as_of)
        if key in seen:
            continue
        seen.add(key)
        lines += [f"  - metric: {metric}", f"    value: {value}"]
        if bound != "exact":
            lines.append(f"    bound: {bound}")
        if as_of:
            lines.append(f"    as_of: {as_of}")
        lines.append(f"    quote: 总结第{written}处数据{value}")
        if metric in STATES:  # its quote does not repeat its target's words: an evaluator's reading, explained
            lines.append("    note: 评估者据总结原文判断")
        written += 1
    return "\n".join(lines) + "\n"


def period_plan(slug: str, rng: random.Random) -> str:
    """A five-year plan: half levels to reach from a base, three in ten rates held every year, the rest average growth."""
    lines = [f"jurisdiction: {slug}", f"name: 模拟县{slug[1:]}", "period: 2021-2025",
             "document: {title: 国民经济和社会发展第十四个五年规划纲要, issuer: 模拟县人民政府}", "targets:"]
    for index in range(PERIOD_TARGETS):
        roll = rng.random()
        lines.append(f"  - id: p{index:02d}")
        if roll < 0.5:
            base = rng.randint(100, 3000)
            end = base + rng.randint(100, 3000)
            lines += [f"    title: 五年目标{index}", f"    metric: {rng.choice(COUNTS)}", "    kind: reach",
                      f"    value: {end}", f"    quote: 到2025年达到{end}",
                      f"    base: {{value: {base}, year: 2020, quote: '{base}'}}"]
        elif roll < 0.8:
            value = rng.randint(50, 90)
            lines += [f"    title: 五年目标{index}", f"    metric: {rng.choice(RATES)[0]}", "    kind: maintain",
                      f"    value: {value}", f"    quote: 保持在{value}以上"]
        else:
            value = rng.randint(1, 5)
            lines += [f"    title: 五年目标{index}", f"    metric: {rng.choice(RATES)[0]}", "    kind: average_growth",
                      f"    value: {value}", f"    quote: 年均增长{value}"]
    return "\n".join(lines) + "\n"


def generate(root: Path, jurisdictions: int, seed: int, period_plans: bool = False) -> None:
    rng = random.Random(seed)
    (root / "rules").mkdir(parents=True, exist_ok=True)
    (root / "rules" / "metrics.yaml").write_text(catalogue(), encoding="utf-8")
    for kind, year in (("targets", 2022), ("outcomes", 2021), ("outcomes", 2022)):
        (root / kind / str(year)).mkdir(parents=True, exist_ok=True)
    for number in range(jurisdictions):
        slug = f"j{number:04d}"
        (root / "targets" / "2022" / f"{slug}.yaml").write_text(plan(slug, rng), encoding="utf-8")
        for year in (2021, 2022):
            if rng.random() < 0.05:
                continue  # a missing report
            (root / "outcomes" / str(year) / f"{slug}.yaml").write_text(report(slug, year, rng), encoding="utf-8")
    if period_plans:  # drawn apart, after the rest: every other file is what the same seed always gave
        folder = root / "targets" / "2021-2025"
        folder.mkdir(parents=True, exist_ok=True)
        planning = random.Random(seed + 1)
        for number in range(jurisdictions):
            slug = f"j{number:04d}"
            (folder / f"{slug}.yaml").write_text(period_plan(slug, planning), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jurisdictions", type=int, default=3200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--period-plans", action="store_true", help="a five-year plan for each jurisdiction too")
    arguments = parser.parse_args()
    generate(arguments.out, arguments.jurisdictions, arguments.seed, arguments.period_plans)


if __name__ == "__main__":
    main()
